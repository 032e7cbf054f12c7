"""The disparity page as an analyst uses it in a real browser: every chart drawn with one
reading line, indicator / year / grouping changes redrawing them and the link, the view
surviving a reload, a copied link and a language switch, CSV, PNG and SVG downloads that
hold what the screen shows, the LISA map drawing its 시군구, and the page fitting the
window at 1440, 1366 and 820 px."""

import csv
import io
import re
from urllib.parse import parse_qs, unquote, urlsplit

from PIL import Image
from selenium.webdriver.common.keys import Keys

from browser.streamlit_app import fresh_browser

CHARTS = ("inequality", "decomposition", "sigma", "beta", "distribution", "scatter",
          "depopulation")
MAP_FRAME = 'iframe[title="ui.gap_map.gap_map"]'
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Streamlit's own slider track sticks out by a few pixels at its ends
SLIDER = '[data-testid="stSlider"]'


def drawn_charts(app) -> list[str]:
    """The charts whose Vega view has rendered (a canvas or SVG with a size)."""
    drawn = []
    for name in CHARTS:
        found = app.find(f".st-key-chart_{name} canvas, .st-key-chart_{name} svg.marks")
        if any(e.size["width"] > 100 and e.size["height"] > 100 for e in found):
            drawn.append(name)
    return drawn


def reading_lines(app) -> dict[str, str]:
    lines = {}
    for element in app.find('[class*="st-key-reading_"]'):
        key = next(c for c in element.get_attribute("class").split()
                   if c.startswith("st-key-reading_"))[len("st-key-reading_"):]
        assert key not in lines, f"two reading lines for {key}"
        lines[key] = element.text.strip()
    return lines


def lisa_paths(app) -> list[str] | None:
    if not app.find(f".st-key-chart_lisa {MAP_FRAME}"):
        return None
    with app.in_frame(f".st-key-chart_lisa {MAP_FRAME}"):
        return app.driver.execute_script(
            "if (!window.L) return null;"
            "return Array.from(document.querySelectorAll('path.gm-region'))"
            ".map(p => p.getAttribute('fill'));")


def everything_drawn(app):
    charts = drawn_charts(app)
    paths = lisa_paths(app)
    return (len(charts) == len(CHARTS) and paths and len(paths) >= 247) and (charts, paths)


def test_every_chart_draws_with_one_reading_line(app):
    app.open("격차지표")
    charts, paths = app.wait_for(everything_drawn, message="all charts and the LISA map drawn")
    lines = reading_lines(app)
    assert sorted(lines) == sorted([*CHARTS, "lisa"])
    assert all(lines.values())
    assert lines["decomposition"] == ("수도권–비수도권 간 격차가 전체 지역 간 불평등(타일 T, 시도 단위·"
                                      "가중 없음)의 0.04%를 설명 (2023)")
    # clusters in their colours, 시군구 without a cluster in the light grey
    assert {"#B2182B", "#2166AC", "#E3E3E3"} <= set(paths)
    app.screenshot("disparity_ko", full_page=True)
    assert not app.overflowing(skip=(SLIDER,))


def test_indicator_year_and_grouping_changes_redraw_and_follow_the_link(app):
    app.open("격차지표")
    app.wait_for(everything_drawn)
    before = reading_lines(app)
    app.choose_radio("집단 구분", "7개 권역")
    assert reading_lines(app)["decomposition"].startswith("7개 권역 간 격차가")
    assert app.query()["grouping"] == "gwonyeok"
    app.choose("비교할 지표", "고용 · 실업률")
    app.slider_keys("연도", Keys.HOME)
    app.wait_for(everything_drawn, message="redrawn after the changes")
    after = reading_lines(app)
    assert app.query()["indicator"] == "unemployment_rate" and app.query()["year"] == "2000"
    assert after["inequality"].startswith("2000년 시도 간 변동계수")
    assert after["distribution"] != before["distribution"]
    app.screenshot("disparity_unemployment_2000")


def test_downloads_hold_what_the_chart_shows(app):
    app.open("격차지표")
    app.wait_for(everything_drawn)
    block = app.keyed("block_decomposition")
    app.expand("내려받기", within=block)
    table = app.download("보이는 자료 CSV", within=block)
    assert table.name == "grdp_nominal-population_total_decomposition_visible_2008-2023_ko.csv"
    rows = list(csv.DictReader(io.StringIO(table.read_bytes().decode("utf-8-sig"))))
    share = [r for r in rows if r["연도"] == "2023" and r["통계"].endswith(
        "집단 간 몫 (수도권 vs 비수도권, 시도 단위·가중 없음)")]
    assert len(share) == 1 and round(float(share[0]["값"]), 2) == 0.04
    assert all(r["출처"].startswith("통계청, 지역소득 (KOSIS 101/DT_1C81)") for r in rows)
    assert not [r for r in rows if r["연도"] == "2012"]          # left out, never zero
    image = app.download("그림 PNG (슬라이드용 2배)", within=block)
    assert image.read_bytes().startswith(b"\x89PNG")
    with Image.open(image) as png:
        assert png.width >= 1400 and png.height >= 600
        colours = png.convert("RGB").getcolors(maxcolors=1 << 20)
    assert len(colours) > 50            # text, bars and axes, not a blank canvas
    lisa = app.keyed("block_lisa")
    app.expand("내려받기", within=lisa)
    clusters = app.download("보이는 자료 CSV", within=lisa)
    rows = list(csv.DictReader(io.StringIO(clusters.read_bytes().decode("utf-8-sig"))))
    assert sum(1 for r in rows if r["비고"] == "고-고 (핫스팟)") > 20
    assert any(r["통계"] == "모란 I" for r in rows)
    drawing = app.download("지도 SVG", within=lisa)
    assert drawing.name.endswith(".svg")
    app.open_file(drawing)                        # Chromium draws it, Hangul as outlines
    app.screenshot("disparity_lisa_svg")
    assert app.driver.execute_script(
        "return document.querySelectorAll('path').length") > 247
    app.open("격차지표")


def test_the_page_in_english(app):
    app.open("격차지표", lang="en")
    app.wait_for(everything_drawn)
    lines = reading_lines(app)
    assert lines["decomposition"].startswith("The gap between the capital region and the rest "
                                             "explains 0.04%")
    assert lines["lisa"].startswith("Moran's I")
    app.screenshot("disparity_en", full_page=True)


CLICK_REGION = """
const code = arguments[0];   // a map unit's region_code: fire a click on its shape
for (const layer of Object.values(window.gapMap._layers)) {
  if (layer.feature && layer.feature.properties.region_code === code) {
    layer.fire('click', {latlng: layer.getBounds().getCenter(), layer: layer}, true);
    return true;
  }
}
return false;"""


def test_a_region_clicked_on_the_map_is_ringed_in_the_charts(app):
    app.open("격차지표")
    app.wait_for(everything_drawn)
    small_map = f".st-key-chart_map {MAP_FRAME}"

    def map_ready(a):
        with a.in_frame(small_map):
            return a.driver.execute_script(
                "return !!(window.gapMap && document.body.dataset.rendered)")
    app.wait_for(map_ready)
    with app.in_frame(small_map):
        assert app.driver.execute_script(CLICK_REGION, "26")
    app.wait_for(lambda a: a.query().get("region") == "26", message="the click picked 부산")
    app.wait_idle()
    assert app.selectbox_value("강조할 시도") == "부산"
    assert reading_lines(app)["distribution"].endswith("· 부산 17곳 중 16위")   # next to 대구
    app.wait_for(everything_drawn)
    app.screenshot("disparity_busan_picked")


def test_the_depopulation_layer_outlines_the_107_areas_on_the_sigungu_map(app):
    app.open("지도", indicator="population_total", level="sigungu", depop="1")

    def outlines(a):
        if not a.find(MAP_FRAME):
            return None
        with a.in_frame(MAP_FRAME):
            return a.driver.execute_script(
                "if (!window.L) return null;"
                "const lines = Array.from(document.querySelectorAll('path.gm-area'))"
                "  .filter(p => p.getAttribute('fill') === 'none'"
                "    && p.getAttribute('stroke') === '#000000');"
                "return lines.length ? lines.map(p => p.getAttribute('stroke-dasharray')) : null;")
    dashes = app.wait_for(outlines, message="depopulation outlines drawn")
    assert len(dashes) == 107 and dashes.count("5 4") == 18
    assert "인구감소관심지역" in app.text() and app.query()["depop"] == "1"
    app.screenshot("map_depopulation_areas")


def test_journey_change_reload_share_switch_language_and_download(app, server):
    app.open("격차지표")
    app.wait_for(everything_drawn)
    app.choose("비교할 지표", "고용 · 실업률")
    app.choose_radio("집단 구분", "7개 권역")
    app.slider_keys("연도", Keys.HOME, Keys.ARROW_RIGHT)               # 2001
    app.wait_for(everything_drawn, message="redrawn after the changes")
    wanted = {"indicator": "unemployment_rate", "grouping": "gwonyeok", "year": "2001"}
    assert {k: app.query().get(k) for k in wanted} == wanted
    lines, widgets = reading_lines(app), app.settled_widgets()
    assert lines["inequality"].startswith("2001년 시도 간 변동계수")
    assert lines["decomposition"].startswith("7개 권역 간 격차가")

    app.reload()                                        # the view survives a reload
    app.wait_for(everything_drawn, message="drawn after the reload")
    assert app.settled_widgets() == widgets and reading_lines(app) == lines

    link = app.share_link()                             # and a link opened elsewhere
    assert "indicator=unemployment_rate" in link and "year=2001" in link
    with fresh_browser(server.url) as other:
        other.get(link)
        other.wait_for(everything_drawn, message="the shared view drawn in a new browser")
        assert other.settled_widgets() == widgets and reading_lines(other) == lines
        other.screenshot("disparity_shared_link")

    app.switch_language("en")                           # every choice kept, in English
    app.wait_for(everything_drawn, message="drawn in English")
    assert {k: app.query().get(k) for k in wanted} == wanted and app.query()["lang"] == "en"
    assert app.selectbox_value("Indicator compared") == "Labour · Unemployment rate"
    assert app.radio_value("Grouping") == "Seven region groups"
    assert app.slider_value("Year")[0] == "2001"
    english = reading_lines(app)
    assert english["inequality"].startswith("2001")
    assert english["decomposition"].startswith("The gap between the seven region groups")
    assert not HANGUL.search(" ".join(english.values())), english
    app.screenshot("disparity_en_unemployment_2001", full_page=True)

    # The decomposition's files hold what its reading line says.
    block = app.keyed("block_decomposition")
    app.expand("Download", within=block)
    share = re.search(r"explains ([\d.]+)%", english["decomposition"]).group(1)
    table = app.download("Visible data CSV", within=block)
    assert table.name == "unemployment_rate_decomposition_visible_2000-2024_en.csv"
    rows = list(csv.DictReader(io.StringIO(table.read_bytes().decode("utf-8-sig"))))
    between = [r for r in rows if r["Year"] == "2001" and "Between-group share" in r["Statistic"]
               and "unweighted" in r["Statistic"]]
    decimals = len(share.partition(".")[2])
    assert len(between) == 1 and f"{float(between[0]['Value']):.{decimals}f}" == share, between
    image = app.download("Image PNG (2x for slides)", within=block)
    with Image.open(image) as png:
        assert png.width >= 1400 and png.height >= 600
        assert len(png.convert("RGB").getcolors(maxcolors=1 << 20)) > 50
    drawing = app.download("Image SVG", within=block)
    app.open_file(drawing)
    shown = app.driver.find_element("tag name", "svg").text
    assert "Theil" in shown and "Statistics Korea" in shown and not HANGUL.search(shown), shown
    app.screenshot("disparity_decomposition_svg")
    app.open("격차지표")   # leave the file, back to Korean for the next test


def test_charts_pinned_here_become_briefing_slides(app):
    """The presenter pins the Theil split and the cluster map; the briefing shows each with
    the page's reading line as its key figure, and its link reopens this page."""
    app.open("격차지표")
    app.wait_for(everything_drawn)
    lines = reading_lines(app)
    for name in ("decomposition", "lisa"):
        app.click(app.button("브리핑에 추가", within=app.keyed(f"block_{name}")))
    pins = [unquote(p) for p in parse_qs(urlsplit(app.url).query)["pin"]]
    assert [p.split("?")[0] for p in pins] == ["disparity", "disparity"]
    assert pins[0].endswith("chart=decomposition") and pins[1].endswith("chart=lisa")

    app.navigate("브리핑")
    slides = []
    for number in range(2):
        app.wait_for(lambda a: a.driver.execute_script(
            "const i = document.querySelector('[class*=\"st-key-brief_slide\"] img');"
            "return i && i.complete && i.naturalWidth > 0"), message="the slide image loads")
        slides.append({"title": app.find('[data-testid="stHeading"] h2, '
                                         '[data-testid="stHeading"] h1')[-1].text,
                       "key": app.text(".brief-key"), "source": app.text(".brief-source"),
                       "link": unquote(app.link_targets("원래 화면 열기")[0])})
        app.screenshot(f"disparity_slide{number + 1}")
        if number == 0:
            app.press("다음 ▶")
    assert slides[0]["title"] == "지역내총생산(명목) · 1인당: 타일 T 분해 — 수도권 vs 비수도권"
    assert slides[0]["key"] == lines["decomposition"]
    assert slides[1]["title"].startswith("고령인구(65세 이상) 비중: 시군구 공간 군집 (LISA)")
    assert slides[1]["key"] == lines["lisa"]
    assert all(s["source"].startswith("출처: ") for s in slides)
    assert all(urlsplit(s["link"]).path.endswith("/격차지표") for s in slides)
    assert "⚠️" not in app.text()


def test_page_fits_the_window_at_1440_1366_and_820(app):
    try:
        for width in (1440, 1366, 820):
            app.driver.set_window_size(width, 1000)
            app.open("격차지표")
            app.wait_for(everything_drawn, message=f"drawn at {width} px")
            over = app.overflowing(skip=(SLIDER,))
            app.screenshot(f"disparity_layout_{width}")
            app.screenshot(f"disparity_layout_{width}_full", full_page=True)
            assert not over, (width, over)
    finally:
        app.driver.set_window_size(1440, 1000)
