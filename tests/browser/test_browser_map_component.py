"""The map component in a real browser: the shapes come once per session as a static
file, later choices only recolour them; hovering shows a region's tooltip, clicking a
region opens its trend beside the map, and the policy layers draw their markers."""

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser.test_browser_map import MAP_FRAME, region_fills


def geometry_requests(app) -> list[str]:
    app.requested_hosts()
    return [url for url in app._urls if "/component/ui.gap_map.gap_map/sido-" in url]


def in_map(app, script: str, *args):
    """Run a script in the map's frame; None while the frame is not there yet."""
    if not app.find(MAP_FRAME):
        return None
    with app.in_frame(MAP_FRAME):
        return app.driver.execute_script(script, *args)


def test_shapes_load_once_and_year_changes_only_recolour(app):
    app.open("지도", year=2015)
    first = app.wait_for(lambda a: (f := region_fills(a)) and len(f) == 17 and f,
                         message="17 provinces drawn")
    assert len(geometry_requests(app)) == 1
    for key in (Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.END):
        app.slider_keys("연도", key)
    app.wait_for(lambda a: (f := region_fills(a)) and f != first, message="recoloured")
    assert len(geometry_requests(app)) == 1          # the shapes were not fetched again


def test_hover_shows_the_tooltip_and_click_opens_the_trend(app):
    app.open("지도", year=2020)
    app.wait_for(lambda a: (f := region_fills(a)) and len(f) == 17, message="drawn")
    frame = app.find(MAP_FRAME)[0]
    app.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", frame)
    app.driver.switch_to.frame(frame)
    try:
        # A point inside 경상북도 (near 안동), as the map shows it, from the map's centre.
        x, y, width, height = app.driver.execute_script("""
            const p = window.gapMap.latLngToContainerPoint([36.45, 128.75]);
            const s = window.gapMap.getSize();
            return [p.x, p.y, s.x, s.y];""")
        element = app.driver.find_element(By.ID, "map")
        hover = ActionChains(app.driver).move_to_element_with_offset(
            element, int(x - width / 2), int(y - height / 2))
        hover.perform()
        tooltip = app.wait_for(lambda a: a.driver.execute_script(
            "const t = document.querySelector('.leaflet-tooltip'); return t && t.innerText;"),
            message="a tooltip on hover")
        hover.click().perform()
    finally:
        app.driver.switch_to.default_content()
    assert tooltip.startswith("경상북도")
    name = "경상북도"
    app.wait_idle()
    app.wait_for(lambda a: a.selectbox_value("지역 선택 (지도를 눌러도 됩니다)") == name,
                 message="the clicked region is picked")
    assert app.find('[data-testid="stVegaLiteChart"]'), "its trend is drawn beside the map"


def test_policy_layers_draw_markers_on_the_map(app):
    app.open("지도", year=2023, layers="crisis_support_center")
    app.wait_for(lambda a: (in_map(a, "return document.querySelectorAll("
                                      "'path.leaflet-interactive').length") or 0) > 17,
                 message="policy markers drawn on top of the 17 provinces")
