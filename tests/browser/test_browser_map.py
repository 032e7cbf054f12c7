"""The policymaker's map in a real browser: Leaflet from the app itself, every shape drawn
inside the map component's frame, a year change recolouring them in the same frame (no
reload), hover and click on a region, and a page that fits its window with the legend in
the first screen."""

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from loaders import load_catalog, load_regions
from loaders.catalog import themed_name

MAP_FRAME = 'iframe[title="ui.gap_map.gap_map"]'
REGION = "path.gm-region"
SIDO = len(load_regions("sido"))          # 17
SIGUNGU = len(load_regions("sigungu"))    # 247 bundled 시군구 map units


def region_fills(app):
    """Fill of every drawn region in the map frame (None before Leaflet has run)."""
    if not app.find(MAP_FRAME):
        return None
    with app.in_frame(MAP_FRAME):
        return app.driver.execute_script(
            "if (!window.L) return null;"
            f"return Array.from(document.querySelectorAll('{REGION}'))"
            ".map(p => p.getAttribute('fill'));")


def wait_for_regions(app, count: int) -> list[str]:
    return app.wait_for(lambda a: (fills := region_fills(a)) and len(fills) == count and fills,
                        message=f"{count} regions drawn in the map frame")


def test_map_draws_offline_and_recolours_when_the_year_changes(app):
    app.open("지도", year=2012)
    first = wait_for_regions(app, SIDO)
    assert "url(#nodata-hatch) #d9d9d9" in first        # 세종 2012: counted in 충남, no data
    frame = app.find(MAP_FRAME)[0]
    app.driver.execute_script("arguments[0].dataset.sameFrame = 'yes'", frame)

    app.slider_keys("연도", Keys.END)                     # to the latest year
    second = app.wait_for(lambda a: (fills := region_fills(a)) and len(fills) == SIDO
                          and fills != first and fills, message="recoloured")
    assert all(fill.startswith("#") for fill in second)  # every province has a value
    assert app.find(MAP_FRAME)[0].get_attribute("data-same-frame") == "yes"
    assert app.query()["year"] == app.slider_value("연도")[0]
    app.screenshot("map_latest_year")


def largest_region(app):
    """The largest compact drawn region (its box centre is on itself, unlike a spread of
    islands such as 옹진군), easy to point at, as a WebElement."""
    return app.driver.execute_script(f"""
        const paths = Array.from(document.querySelectorAll('{REGION}')).filter(p => {{
          const r = p.getBoundingClientRect();
          return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === p;
        }});
        const area = p => {{ const r = p.getBoundingClientRect(); return r.width * r.height; }};
        return paths.reduce((a, b) => area(b) > area(a) ? b : a);""")


def tooltip_rows(app) -> tuple[str, list[tuple[str, str]]]:
    """The open Leaflet tooltip's title line and its (label, value) rows."""
    tip = app.wait_for(lambda a: [t for t in a.find(".leaflet-tooltip") if t.text.strip()],
                       message="a tooltip opens on hover")[0]
    title = tip.find_element(By.CSS_SELECTOR, "b").text
    rows = [(row.find_element(By.CSS_SELECTOR, "th").text, row.find_element(By.CSS_SELECTOR,
                                                                            "td").text)
            for row in tip.find_elements(By.CSS_SELECTOR, "tr")]
    return title, rows


def legend_unit(app) -> str:
    """The unit the legend above the map states ('단위: %' → '%')."""
    return app.find(".gm-legend .gm-unit")[0].text.split(":", 1)[1].strip()


def test_policymaker_changes_indicator_measure_year_and_level_hovers_and_clicks(app):
    catalog = load_catalog()
    app.open("지도")
    wait_for_regions(app, SIDO)
    app.choose("지표", themed_name(catalog, "population_15_64", "ko"))
    assert app.selectbox_value("지표") == themed_name(catalog, "population_15_64", "ko")
    app.choose_radio("보는 방법", "전국 대비 비중")
    app.slider_keys("연도", Keys.LEFT)                    # one year earlier
    year = app.slider_value("연도")[0]
    wait_for_regions(app, SIDO)
    assert app.query()["measure"] == "share" and app.query()["year"] == year

    app.choose_radio("지역 단위", "시군구")
    fills = wait_for_regions(app, SIGUNGU)
    assert sum(f.startswith("#") for f in fills) > 200      # 시군구 with a value are coloured
    assert "일반구" in app.text()                            # the note on cities drawn by 구
    unit = legend_unit(app)
    app.screenshot("map_journey_sigungu")

    app.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})",
                              app.find(MAP_FRAME)[0])
    with app.in_frame(MAP_FRAME):
        region = largest_region(app)
        app.hover(region)
        name, rows = tooltip_rows(app)
        app.driver.switch_to.default_content()
        app.screenshot("map_journey_tooltip")
        app.driver.switch_to.frame(app.find(MAP_FRAME)[0])
        assert name and rows
        assert all(label.strip() and value.strip() and value != "자료 없음"
                   for label, value in rows[1:]), rows        # no empty rows
        measure, value = rows[0]
        assert measure == "전국 대비 비중" and value.endswith(unit), (rows, unit)
        rank = dict(rows)["순위"]
        assert re.fullmatch(r"\d+ / \d+", rank) and int(rank.split(" / ")[1]) > 200
        app.click_at(region)
    app.wait_for(lambda a: a.selectbox_value("지역 선택 (지도를 눌러도 됩니다)") == name,
                 message="the clicked region is picked in the side panel")
    app.wait_idle()
    side = app.find(".st-key-map_side")[0]
    app.wait_for(lambda a: side.find_elements(By.CSS_SELECTOR,
                                              '[data-testid="stVegaLiteChart"] canvas, '
                                              '[data-testid="stVegaLiteChart"] svg'),
                 message="the trend chart appears")
    assert "출처: 행정안전부" in side.text                  # the trend's source under it
    assert app.query()["region"]
    app.screenshot("map_journey_clicked")
    assert not app.overflowing()                           # the trend panel fits too


def test_page_layout_fits_and_the_legend_is_in_the_first_screen(app):
    for width in (1440, 1366, 820):
        app.driver.set_window_size(width, 1000)
        app.open("지도")
        wait_for_regions(app, SIDO)
        over = app.overflowing()
        app.screenshot(f"map_layout_{width}")
        assert not over, (width, over)
        top, bottom, viewport = app.driver.execute_script(
            "const r = document.querySelector('.gm-legend').getBoundingClientRect();"
            "return [r.top, r.bottom, window.innerHeight];")
        assert 0 <= top and bottom <= viewport, (width, top, bottom, viewport)
    app.driver.set_window_size(1440, 1000)
