"""The policymaker's map in a real browser: Leaflet from the app itself, all 17 provinces
drawn, and a year change recolouring them inside the same map frame (no reload)."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

MAP_FRAME = 'iframe[title*="streamlit_folium"]'


def region_fills(app):
    """Fill of every clickable region path in the map frame (None before Leaflet)."""
    driver = app.driver
    driver.switch_to.default_content()
    frames = driver.find_elements(By.CSS_SELECTOR, MAP_FRAME)
    if not frames:
        return None
    driver.switch_to.frame(frames[0])
    try:
        return driver.execute_script(
            "if (!window.L) return null;"
            "return Array.from(document.querySelectorAll('path.leaflet-interactive'))"
            ".map(p => p.getAttribute('fill'));")
    finally:
        driver.switch_to.default_content()


def test_map_draws_offline_and_recolours_when_the_year_changes(app):
    app.open("지도", year=2012)
    first = app.wait_for(lambda a: (fills := region_fills(a)) and len(fills) == 17 and fills,
                         message="17 provinces drawn")
    assert "url(#nodata-hatch) #d9d9d9" in first        # 세종 2012: counted in 충남, no data
    frame = app.find(MAP_FRAME)[0]
    app.driver.execute_script("arguments[0].dataset.sameFrame = 'yes'", frame)

    app.slider_keys("연도", Keys.END)                     # to the latest year, 2023
    second = app.wait_for(lambda a: (fills := region_fills(a)) and len(fills) == 17
                          and fills != first and fills, message="recoloured")
    assert all(fill.startswith("#") for fill in second)  # every province has a 2023 value
    assert app.find(MAP_FRAME)[0].get_attribute("data-same-frame") == "yes"
    assert app.query()["year"] == "2023"
    app.screenshot("map_2023")
