"""The map's downloads as a person gets them: the offline HTML file opened from disk in
Chromium (every shape drawn, legend, title and source on it, no script error, nothing
asked of any host), and the PNG opened with PIL, for every kind of map view."""

import pytest
from PIL import Image

from browser.streamlit_app import SCREENSHOTS
from loaders import load_catalog, load_regions
from loaders.catalog import themed_name

HTML_BUTTON, PNG_BUTTON = "지도 HTML (오프라인)", "지도 PNG"
SIDO, SIGUNGU = len(load_regions("sido")), len(load_regions("sigungu"))
POLICY = ["위기지원센터", "지역협력형 미래 신산업"]

# view name: (URL parameters, shapes the file must draw, text its legend must show)
VIEWS = {
    "policy": ({}, SIDO, POLICY),
    "capital": ({"dissolve": "capital"}, 2, ["수도권 ", "비수도권 "]),
    "gwonyeok": ({"dissolve": "gwonyeok"}, 7, ["수도권 경계"]),
    "diverging": ({"diverging": "1"}, SIDO, ["+"]),
    "sigungu": ({"indicator": "population_total", "level": "sigungu"}, SIGUNGU, ["단위"]),
}
names: dict[str, str] = {}


def drawn(app) -> dict:
    return app.driver.execute_script("""
        return {regions: document.querySelectorAll('path.gm-region').length,
                markers: document.querySelectorAll('path.leaflet-interactive:not(.gm-region)')
                         .length,
                leaflet: !!window.L, text: document.body.innerText};""")


@pytest.mark.parametrize("view", list(VIEWS))
def test_offline_map_html_draws_every_shape_with_legend_title_and_source(app, view):
    params, shapes, legend_text = VIEWS[view]
    app.open("지도", **params)
    if view == "policy":
        for layer in POLICY:
            app.add_to_multiselect("정책 레이어", layer)
    title = app.find('[data-testid="stHeading"] h3')[0].text
    source = next(line for line in app.text().splitlines() if line.startswith("출처:"))
    path = app.download(HTML_BUTTON)
    names[view] = path.name
    app.console_errors()                       # forget the page's own log
    app.open_file(path)
    result = app.wait_for(lambda a: (d := drawn(a))["regions"] == shapes and d,
                          timeout=30, message=f"{shapes} shapes drawn in {path.name}")
    app.screenshot(f"map_html_{view}")
    errors = app.console_errors()
    assert not errors, errors
    assert result["leaflet"]
    assert title in result["text"] and source in result["text"]
    assert all(text in result["text"] for text in legend_text), legend_text
    if view == "policy":
        assert result["markers"] >= 5           # circle markers and the pair lines
    assert app.outside_requests() == []


def test_every_view_downloads_under_its_own_name():
    if len(names) < len(VIEWS):
        pytest.skip(f"only {sorted(names)} downloaded; the failures above say why")
    assert len(names) == len(VIEWS) and len(set(names.values())) == len(names), names


def test_map_png_with_long_notes_and_every_policy_layer(app):
    """시군구 population with every policy layer: the longest notes and legend there are."""
    catalog = load_catalog()
    app.open("지도", indicator="population_total", level="sigungu")
    assert app.selectbox_value("지표") == themed_name(catalog, "population_total", "ko")
    for layer in ("위기지원센터", "구조혁신지원센터", "규제자유특구", "지역기업 성장 프로젝트",
                  "창업벤처 집적", "지역협력형 미래 신산업"):
        app.add_to_multiselect("정책 레이어", layer)
    path = app.download(PNG_BUTTON)
    assert "policy-" in path.name and "sigungu" in path.name
    with Image.open(path) as image:
        assert image.format == "PNG" and image.width == 1600 and image.height >= 1800
        darkest, _ = image.convert("L").getextrema()
        assert darkest < 60                          # dark classes and text are drawn
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / "map_png_long_notes.png").write_bytes(path.read_bytes())   # to look at
