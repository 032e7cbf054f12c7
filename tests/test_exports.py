"""Exports checked by content: data round-trips with units and sources, images decode at
the requested size and are not blank, SVG keeps its title, decks open with the expected
slides, offline map HTML has no external address, and Hangul is real glyphs, not boxes."""

from __future__ import annotations

import base64
import io
import json
import re
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser

import altair as alt
import numpy as np
import pandas as pd
import pytest
from fontTools.ttLib import TTFont
from matplotlib import font_manager
from matplotlib import image as mpimg
from pptx import Presentation

import loaders
from analysis.scorecard import STATUS_UNAVAILABLE, scorecard
from analysis.trends import trend
from charts.map_view import MapOptions, build_view
from charts.maps import POLICY_COLORS, build_map, choropleth_geojson, region_geometries
from charts.trends import trend_chart
from conftest import ROOT, read_reference
from exports import chart_images, data_export, map_html
from exports.deck import PinnedView, build_deck
from exports.filenames import export_filename
from exports.fonts import FAMILY, register_vega_fonts
from exports.key_figures import map_key_figure, noncapital_share_figure, trend_key_figure
from exports.map_image import map_view_png
from exports.scorecard_sheet import SheetPanel, scorecard_png, sheet_panels
from exports.svg_fonts import used_characters

GRDP_SOURCE = "통계청, 지역소득 (KOSIS 101/DT_1C81)"


def decode(png: bytes) -> np.ndarray:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    return mpimg.imread(io.BytesIO(png), format="png")


def ink(image: np.ndarray) -> float:
    """Share of pixels that are not (near) white."""
    return float((image[..., :3].mean(axis=-1) < 0.9).mean())


@pytest.fixture(scope="module")
def grdp_share_chart(store, catalog):
    return trend_chart(trend(store, catalog, "grdp_nominal", "share"),
                       catalog.loc["grdp_nominal"], "ko")


@pytest.fixture(scope="module")
def map_case(store, catalog):
    """A map with a blank region: 세종 has no 15–64 employment rate in 2015."""
    options = MapOptions("employment_rate_15_64", 2015, "level")
    return options, build_view(store, catalog, loaders.load_regions("sido"), options, "ko")


# --- data files --------------------------------------------------------------------------

def test_full_series_csv_round_trips_store_values_with_units_and_sources(store, catalog):
    data = data_export.full_series(store, catalog, ["grdp_nominal", "population_total"], "ko")
    payload = data_export.csv_bytes(data)
    assert payload.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM so Excel reads Hangul"
    back = pd.read_csv(io.BytesIO(payload), encoding="utf-8-sig",
                       dtype={"지역코드": str}, keep_default_na=False, na_values=[""])
    grdp = back[(back["지표 ID"] == "grdp_nominal") & (back["연도"] == 2023)
                & (back["지역 단위"] == "시도")].set_index("지역코드")
    stored = store[(store.indicator == "grdp_nominal") & (store.year == 2023)
                   & (store.level == "sido")].set_index("region_code")
    assert len(grdp) == 17
    pd.testing.assert_series_equal(grdp["공표 원값"].sort_index(), stored["value"].sort_index(),
                                   check_names=False)
    reference = read_reference("grdp_sido.csv").query(
        "indicator == 'grdp_nominal' and year == 2023 and region_code != '00'")
    assert dict(zip(grdp.index, grdp["공표 원값"])) == pytest.approx(
        dict(zip(reference.region_code, reference.value.astype(float))))
    # The value column is in the unit the screen shows, and says so.
    assert dict(zip(grdp.index, grdp["값"])) == pytest.approx(
        dict(zip(reference.region_code, reference.value.astype(float) / 1e6)))
    assert set(grdp["단위"]) == {"조원"} and set(grdp["공표 단위"]) == {"백만원"}
    # Cited by publisher and table; the copy it was fetched from is provenance only.
    assert set(grdp["출처"]) == {GRDP_SOURCE}
    assert grdp["입수 경로(원자료 사본)"].str.contains("DT_1C81").all()
    assert not back["출처"].str.contains("github|http", case=False).any()
    assert grdp.loc["11", "지역"] == "서울특별시" and grdp.loc["11", "잠정치"] == "잠정치"


def test_missing_values_are_empty_with_a_note_never_zero(store, catalog):
    data = data_export.full_series(store, catalog, ["grdp_nominal"], "ko")
    back = pd.read_csv(io.BytesIO(data_export.csv_bytes(data)), encoding="utf-8-sig",
                       dtype={"지역코드": str}, keep_default_na=False, na_values=[""])
    blank = back[back["값"].isna()]
    assert not blank.empty and (blank["비고"] != "").all()
    # 울산 before 1998 is counted in 경남; 세종 before 2013 in 충남 — said so, not zero.
    assert set(blank.loc[blank["지역코드"] == "31", "비고"]) == {"이전 소속 시도에 포함"}
    assert (back["값"] != 0).all()
    assert ",0," not in data_export.csv_bytes(data).decode("utf-8-sig")


def test_xlsx_has_data_and_definitions_that_round_trip(store, catalog):
    indicators = ["grdp_nominal", "rnd_expenditure"]
    data = data_export.full_series(store, catalog, indicators, "en")
    definitions = data_export.definitions_table(catalog, indicators, "en")
    sheets = pd.read_excel(io.BytesIO(data_export.xlsx_bytes(data, definitions)), sheet_name=None,
                           dtype={"Region code": str, "KOSIS org ID": str})
    assert list(sheets) == ["data", "definitions"]
    back = sheets["data"]
    assert len(back) == len(data)
    pd.testing.assert_series_equal(back["Value"], data["Value"].astype(float), check_names=False)
    grdp = back[(back["Indicator ID"] == "grdp_nominal") & (back["Year"] == 2023)
                & (back["Region code"] == "41")].iloc[0]
    stored = store.query("indicator == 'grdp_nominal' and year == 2023 and region_code == '41'")
    assert grdp["Value as published"] == stored["value"].iloc[0]
    assert grdp["Value"] == pytest.approx(stored["value"].iloc[0] / 1e6)
    assert grdp["Unit"] == "KRW trillion" and grdp["Unit as published"] == "KRW million"
    assert grdp["Region"] == "Gyeonggi-do"
    assert grdp["Source"] == "Statistics Korea, Regional Income (KOSIS 101/DT_1C81)"
    rnd = back[(back["Indicator ID"] == "rnd_expenditure") & (back["Year"] == 2018)
               & (back["Region code"] == "00")].iloc[0]
    assert rnd["Source"] == ("Ministry of Science and ICT, 2018 Survey of Research and "
                             "Development (as quoted in a press release)")
    assert "nnpc.re.kr" in rnd["Retrieved from (copy of the original)"]
    entry = sheets["definitions"].set_index("Indicator ID").loc["grdp_nominal"]
    assert entry["Indicator"] == "GRDP (nominal)" and entry["Display unit"] == "KRW trillion"
    assert entry["KOSIS table ID"] == "DT_1C81" and entry["KOSIS org ID"] == "101"
    assert "Statistics Korea" in entry["Source"] and entry["Definition"]


def test_visible_map_table_is_the_mapped_values(store, catalog, map_case):
    options, view = map_case
    table = data_export.map_table(view, options, catalog, "ko")
    assert list(table["지역코드"]) == list(view.regions.index)
    np.testing.assert_array_equal(table["값"].to_numpy(dtype=float),
                                  view.regions["value"].to_numpy(dtype=float))
    assert set(table["단위"]) == {view.unit}
    blank = table[table["값"].isna()]
    assert list(blank["지역"]) == ["세종특별자치시"] and (blank["비고"] != "").all()
    assert blank["지도 구간(1=가장 낮음)"].isna().all()
    back = pd.read_csv(io.BytesIO(data_export.csv_bytes(table)), encoding="utf-8-sig",
                       dtype={"지역코드": str})
    assert back["값"].isna().sum() == 1 and back["출처"].str.contains("DT_1DA7004S").all()


def test_visible_trend_table_is_the_chart_data(store, catalog):
    shares = trend(store, catalog, "grdp_nominal", "share")
    table = data_export.trend_table(shares, catalog.loc["grdp_nominal"], "ko")
    capital_2023 = table[(table["지역"] == "수도권") & (table["연도"] == 2023)]["값"].iloc[0]
    expected = shares.frame.query("series == 'capital' and year == 2023")["value"].iloc[0]
    assert capital_2023 == expected and 52 < capital_2023 < 53
    assert set(table["단위"]) == {"%"} and set(table["출처"]) == {GRDP_SOURCE}


def test_visible_compare_table_keeps_units_and_sources(store, catalog):
    from analysis.compare import gwonyeok_cross_section
    data = gwonyeok_cross_section(store, catalog, 2021)
    table = data_export.cross_section_table(data, ["수도권", "동남권"], 2021, catalog, "en")
    grdp = table[(table["Indicator ID"] == "grdp_nominal") & (table["Measure"] == "level")]
    assert list(grdp["Region"]) == ["Capital region", "Dongnam"]
    capital = store.query("indicator == 'grdp_nominal' and year == 2021 and level == 'sido' "
                          "and region_code in ['11', '28', '41']")["value"].sum()
    assert grdp["Value"].iloc[0] == pytest.approx(capital / 1e6)
    assert set(table["Measure"]) >= {"level", "share of the national total"}
    assert set(grdp["Unit"]) == {"KRW trillion"} and grdp["Source"].str.contains("DT_1C81").all()


# --- chart images --------------------------------------------------------------------------

def test_chart_png_decodes_at_twice_the_chart_size_and_is_not_blank(grdp_share_chart):
    spec = chart_images.export_spec(grdp_share_chart, "ko")
    svg = chart_images.chart_svg(spec, "ko")
    width, height = (int(v) for v in re.search(r'width="(\d+)" height="(\d+)"', svg).groups())
    image = decode(chart_images.chart_png(spec, "ko", scale=2))
    assert image.shape[:2] == (2 * height, 2 * width)
    assert width >= chart_images.EXPORT_WIDTH        # "container" became a fixed width
    assert 0.01 < ink(image) < 0.6
    assert image[..., :3].reshape(-1, 3).std(axis=0).max() > 0.05   # not one flat colour


def test_svg_contains_title_source_and_unit(grdp_share_chart):
    svg = chart_images.chart_svg(grdp_share_chart, "ko", source=GRDP_SOURCE, unit="%")
    assert "지역내총생산(명목): 수도권 vs 비수도권 — 전국 대비 비중" in svg
    assert f"출처: {GRDP_SOURCE}" in svg
    assert FAMILY in svg                        # text names the bundled font first


def test_missing_title_unit_and_source_are_added_once():
    bare = alt.Chart(pd.DataFrame({"year": [2020, 2021], "value": [1.0, 2.0]})).mark_line().encode(
        x="year:O", y="value:Q").properties(width="container")
    spec = chart_images.export_spec(bare, "ko", title="수도권 비중", source=GRDP_SOURCE, unit="%")
    assert spec["title"]["text"] == "수도권 비중"
    assert spec["title"]["subtitle"] == [f"출처: {GRDP_SOURCE}", "단위: %"]
    assert spec["width"] == chart_images.EXPORT_WIDTH
    assert spec["config"]["font"].startswith(FAMILY)
    again = chart_images.export_spec(spec, "ko", title="다른 제목", source=GRDP_SOURCE, unit="%")
    assert again["title"]["text"] == "수도권 비중"
    assert again["title"]["subtitle"] == spec["title"]["subtitle"]
    english = chart_images.export_spec(bare, "en", source="Statistics Korea")
    assert english["title"]["subtitle"] == ["Source: Statistics Korea"]


def test_every_font_setting_points_at_the_bundled_family(grdp_share_chart):
    spec = chart_images.export_spec(grdp_share_chart, "ko")
    fonts = re.findall(r'"(?:font|\w+Font)": "([^"]*)"', json.dumps(spec, ensure_ascii=False))
    assert fonts and set(fonts) == {register_vega_fonts()}


# --- maps ------------------------------------------------------------------------------------

def test_map_png_uses_the_interactive_maps_colours(map_case):
    options, view = map_case
    image = decode(map_view_png(view, options, "ko", dpi=100))
    assert image.shape[:2] == (900, 800)
    pixels = (image[..., :3].reshape(-1, 3) * 255).round()
    for code, row in view.regions.dropna(subset=["class"]).iterrows():
        rgb = np.array([int(row["fill"][i:i + 2], 16) for i in (1, 3, 5)])
        assert (np.abs(pixels - rgb).max(axis=1) <= 2).sum() > 50, (code, row["fill"])
    no_data = np.array([0xd9, 0xd9, 0xd9])
    assert (np.abs(pixels - no_data).max(axis=1) <= 2).sum() > 20, "hatched grey for 세종"


def test_map_png_draws_the_chosen_policy_layers(map_case):
    options, view = map_case
    colour = np.array([int(POLICY_COLORS["crisis_support_center"][i:i + 2], 16) for i in (1, 3, 5)])

    def dots(policy):
        pixels = (decode(map_view_png(view, options, "ko", dpi=100, policy=policy))[..., :3]
                  .reshape(-1, 3) * 255).round()
        return (np.abs(pixels - colour).max(axis=1) <= 2).sum()
    assert dots([]) == 0
    assert dots(["crisis_support_center"]) > 5 * 30  # five 시도 with a centre, plus the legend


def test_map_png_of_a_dissolved_map(store, catalog):
    options = MapOptions("grdp_nominal", 2010, "per_capita", dissolve="gwonyeok")
    view = build_view(store, catalog, loaders.load_regions("sido"), options, "en")
    image = decode(map_view_png(view, options, "en", dpi=80))
    assert image.shape[:2] == (720, 640) and ink(image) > 0.08   # map beside its legend


class AssetFinder(HTMLParser):
    """Every address the browser would fetch: script/img/iframe src, link href, CSS url()."""
    def __init__(self):
        super().__init__()
        self.addresses: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "source") and attrs.get("src"):
            self.addresses.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.addresses.append(attrs["href"])


def test_standalone_map_html_has_no_external_addresses(map_case):
    options, view = map_case
    fmap = build_map(choropleth_geojson(view.regions, region_geometries("sido")))
    html = map_html.standalone_map_html(fmap, view.title, view.legend, view.source)
    finder = AssetFinder()
    finder.feed(html)
    assert finder.addresses == [], finder.addresses
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html)
    assert "L.map(" in html and "Leaflet 1.9.4" in html       # the library is inside
    assert "data:image/png;base64," in html                     # its images too
    assert view.title in html and "세종특별자치시" in html


def declared_and_used_names(html: str) -> tuple[set[str], set[str]]:
    """Folium's element variables the page's script declares and those it refers to."""
    names = r"((?:map|feature_group|geo_json_script|circle_marker|poly_line|tooltip)_\w+)"
    declared = set(re.findall(r"var " + names + r"\s*=", html))
    used = set(re.findall(r"\b" + names + r"\b", html))
    return declared, used


def test_map_html_after_the_page_showed_the_map_declares_every_layer(map_case):
    """The page renders its layer with st_folium (which renames folium ids in place)
    before the HTML export builds a second map: with a policy layer on, the export used
    to refer to feature groups it never declared (ReferenceError, nothing drawn)."""
    from streamlit_folium import _get_feature_group_string

    from charts.maps import PolicyChoice, base_map, map_layer
    options, view = map_case
    geojson = choropleth_geojson(view.regions, region_geometries("sido"))
    policy = PolicyChoice(loaders.load_policy_layers(),
                          ("future_industry_pair", "crisis_support_center"),
                          (("future_industry_pair", "미래"), ("crisis_support_center", "위기")))
    _get_feature_group_string(map_layer(geojson, policy), base_map(), 0)   # as on the page
    html = map_html.standalone_map_html(build_map(geojson, policy), view.title, view.legend,
                                        view.source)
    declared, used = declared_and_used_names(html)
    assert used - declared == set()
    assert sum(name.startswith("circle_marker") for name in declared) >= 5


def test_an_asset_that_is_not_bundled_is_refused():
    with pytest.raises(map_html.OfflineAssetError):
        map_html.inline_assets('<script src="https://code.jquery.com/jquery-3.7.1.min.js">'
                               "</script>")
    cdn_leaflet = ('<script src="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js">'
                   "</script>")
    inlined = map_html.inline_assets(cdn_leaflet)                  # the same file is shipped
    finder = AssetFinder()
    finder.feed(inlined)
    assert finder.addresses == [] and "Leaflet 1.9.4" in inlined


# --- deck and scorecard ------------------------------------------------------------------------

def test_deck_has_contents_then_one_slide_per_view(store, catalog, grdp_share_chart, map_case):
    options, view = map_case
    chart = PinnedView("chart", "수도권 vs 비수도권 GRDP 비중",
                       noncapital_share_figure(store, catalog, "grdp_nominal", 2023, 2013, "ko"),
                       f"출처: {GRDP_SOURCE}", chart_images.chart_png(grdp_share_chart, "ko"))
    mapped = PinnedView("map", view.title, map_key_figure(view, 2015, "ko"), view.source,
                        map_view_png(view, options, "ko", dpi=60))
    deck = Presentation(io.BytesIO(build_deck([chart, mapped], "ko", date(2026, 11, 5))))
    slides = list(deck.slides)
    assert len(slides) == 3
    assert slides[0].shapes.title.text_frame.text == "수도권–비수도권 격차 브리핑"
    contents = slides[0].placeholders[1].text_frame.text
    assert "1. 수도권 vs 비수도권 GRDP 비중" in contents and f"2. {view.title}" in contents
    assert "작성일 2026-11-05" in contents
    for slide, pinned in zip(slides[1:], (chart, mapped)):
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        assert slide.shapes.title.text_frame.text == pinned.title
        assert pinned.key_figure in texts and pinned.source in texts
        pictures = [s for s in slide.shapes if s.shape_type == 13]
        assert len(pictures) == 1 and pictures[0].image.blob == pinned.image_png
        assert pictures[0].left + pictures[0].width <= deck.slide_width
    assert chart.key_figure == "비수도권 지역내총생산(명목) 비중 47.7% (2023), 2013년 대비 −2.9%p"


def test_key_figures_come_from_the_data(store, catalog, map_case):
    _, view = map_case
    assert trend_key_figure(trend(store, catalog, "grdp_nominal", "share"), "ko") == \
        "2023: 수도권 52.3% · 비수도권 47.7%"
    assert map_key_figure(view, 2015, "ko").startswith("최고 제주특별자치도")
    assert noncapital_share_figure(store, catalog, "unemployment_rate", 2020, None, "ko") is None


def test_scorecard_sheet_is_one_page_with_every_panel(store, catalog):
    panels = scorecard(store, catalog)
    sheet = sheet_panels(panels, "ko")
    assert len(sheet) == len(panels) == 10
    missing = [s for p, s in zip(panels, sheet) if p.status == STATUS_UNAVAILABLE]
    assert missing and all(s.chart is None and "출처" in s.caption for s in missing)
    small = [SheetPanel("지역내총생산", "2023: 수도권 52.3%", sheet[1].chart), *missing[:1]]
    image = decode(scorecard_png(small, "격차 요약", "출처: 통계청", "ko", columns=2))
    assert image.shape[1] > 1000 and 0.02 < ink(image) < 0.7


# --- file names --------------------------------------------------------------------------------

@pytest.mark.parametrize("args, expected", [
    (("grdp_nominal", "png", "ko", "share", 2023), "grdp_nominal_share_2023_ko.png"),
    (("grdp_nominal", "svg", "en", "level", (2010, 2023), "regions"),
     "grdp_nominal_level_regions_2010-2023_en.svg"),
    ((["grdp_nominal", "population_total"], "xlsx", "ko", None, None, "full"),
     "grdp_nominal-population_total_full_ko.xlsx"),
    ((["a", "b", "c", "d"], "csv", "ko"), "4_indicators_ko.csv"),
    (("지표 <script>", "png", "ko", "per capita", 2023), "script_per_capita_2023_ko.png"),
])
def test_file_names_say_what_is_inside(args, expected):
    name = export_filename(*args)
    assert name == expected and re.fullmatch(r"[a-z0-9_.-]+", name)


# --- Hangul --------------------------------------------------------------------------------------

def render(tmp_path, engine: str, text: str, family: str, register: bool) -> np.ndarray:
    """A PNG rendered in a fresh process (registration must not leak between variants)."""
    out = tmp_path / f"{engine}_{abs(hash((text, family, register)))}.png"
    subprocess.run([sys.executable, str(ROOT / "tests" / "hangul_render.py"), str(out), engine,
                    text, family, "1" if register else "0"], check=True, timeout=120)
    return decode(out.read_bytes())


def same(a: np.ndarray, b: np.ndarray) -> bool:
    return a.shape == b.shape and np.abs(a - b).max() < 1e-6


@pytest.mark.parametrize("engine", ["vega", "matplotlib"])
def test_hangul_renders_as_glyphs_with_the_bundled_font(tmp_path, engine):
    """Missing glyphs all draw the same box (or nothing), so two different Korean strings
    of the same length render identically when the font lacks Hangul; with real glyphs
    they differ. Also the Korean text must not look like a row of boxes '□□□'."""
    first = render(tmp_path, engine, "가가가", "export", True)
    second = render(tmp_path, engine, "나다라", "export", True)
    boxes = render(tmp_path, engine, "□□□", "export", True)
    assert ink(first) > 0.005 and ink(second) > 0.005
    assert not same(first, second) and not same(first, boxes)


def test_the_check_detects_tofu_when_the_font_lacks_hangul(tmp_path):
    """The same check fails on a font without Hangul (matplotlib does not fall back to
    other fonts): the two strings then render as identical boxes."""
    first = render(tmp_path, "matplotlib", "가가가", "DejaVu Sans", False)
    second = render(tmp_path, "matplotlib", "나다라", "DejaVu Sans", False)
    assert same(first, second)


def test_korean_chart_differs_without_the_registered_font(tmp_path):
    """Without registration the bundled family is unknown to vl-convert: the Korean render
    changes (blank or a system fallback), so exports really depend on the bundled font."""
    system_nanum = [f for f in font_manager.findSystemFonts() if "nanum" in f.lower()]
    if system_nanum:
        pytest.skip("NanumGothic is installed system-wide here; registration cannot be told apart")
    registered = render(tmp_path, "vega", "수도권 비중", FAMILY, True)
    unregistered = render(tmp_path, "vega", "수도권 비중", FAMILY, False)
    assert ink(registered) > 0.005
    assert not same(registered, unregistered)


def test_svg_embeds_the_glyphs_it_draws():
    """A viewer without Korean fonts still draws Hangul: the SVG carries a subset of the
    bundled font covering every character of its text."""
    chart = alt.Chart(pd.DataFrame({"연도": [2020, 2023], "비중": [47.1, 47.7]})).mark_line() \
        .encode(x="연도:O", y="비중:Q").properties(title="비수도권 지역내총생산 비중")
    svg = chart_images.chart_svg(chart, "ko", source="출처: 통계청 지역소득", unit="%")
    faces = re.findall(r"base64,([A-Za-z0-9+/=]+)", svg)
    assert len(faces) == 2 and "@font-face" in svg
    font = TTFont(io.BytesIO(base64.b64decode(faces[0])))
    covered = {chr(code) for code in font.getBestCmap()}
    drawn = set(used_characters(svg)) - {" "}
    assert {"비", "수", "도", "권", "출", "처"} <= drawn
    assert drawn <= covered
    assert len(svg) < 200_000


# --- map PNG layout, map CSV sources, file names ---------------------------------------------

LONG_NOTES = {
    "ko": ["세종특별자치시: 이 지표가 따로 집계하기 전이라 이전 소속 시도에 포함됨. " * 4,
           "분모: 같은 해 총인구. 2023년 값은 잠정치. 비교값은 지역당 평균. " * 3,
           "https://kosis.kr/statHtml/statHtml.do?orgId=101&tblId=DT_1C81&very_long_query_string"
           "_without_any_space_at_all_that_must_still_be_cut_to_the_width"],
    "en": ["Sejong: not yet compiled separately, counted in its former province. " * 4,
           "Denominator: total population of the same year; 2023 values are preliminary. " * 3],
}
EVERY_POLICY_LAYER = tuple(POLICY_COLORS)


def text_boxes(figure) -> dict[str, object]:
    """The drawn extents (display pixels) of the title, the notes block, the legend and the
    map, measured with the figure's own renderer."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    texts = [t for t in figure.texts if t.get_text()]
    title = max(texts, key=lambda t: t.get_position()[1])
    notes = min(texts, key=lambda t: t.get_position()[1])
    return {"title": title.get_window_extent(renderer), "notes": notes.get_window_extent(renderer),
            "legend": figure.legends[0].get_window_extent(renderer),
            "map": figure.axes[0].get_window_extent(renderer)}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_map_png_layout_keeps_long_notes_title_legend_and_map_apart(store, catalog, lang):
    from exports.map_image import map_view_figure
    options = MapOptions("grdp_nominal", 2023, "per_capita", diverging=True)
    view = build_view(store, catalog, loaders.load_regions("sido"), options, lang)
    view.notes = [*view.notes, *LONG_NOTES[lang] * 6]
    view.title = view.title + " — " + " ".join(LONG_NOTES[lang][0].split()[:12])
    figure = map_view_figure(view, options, lang, dpi=100, policy=EVERY_POLICY_LAYER)
    boxes = text_boxes(figure)
    page = figure.bbox
    for name, box in boxes.items():
        assert page.x0 <= box.x0 and box.x1 <= page.x1 + 1, (name, box, page)
        assert page.y0 <= box.y0 and box.y1 <= page.y1 + 1, (name, box, page)
    names = list(boxes)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not boxes[a].overlaps(boxes[b]), (a, b, boxes[a], boxes[b])
    assert boxes["title"].y0 > boxes["legend"].y1 and boxes["notes"].y1 < boxes["map"].y0
    assert figure.get_size_inches()[1] > 9       # the canvas grew to hold the notes
    assert figure.texts[-1].get_text().count("\n") >= 8   # wrapped, not one long line
    image = decode(map_view_png(view, options, lang, dpi=60, policy=EVERY_POLICY_LAYER))
    assert image.shape[1] == 480 and image.shape[0] > 540


def test_map_png_wraps_by_measured_width():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    from exports.fonts import register_matplotlib_fonts
    from exports.map_image import wrap_to_width
    figure = Figure(figsize=(4, 4), dpi=100)
    renderer = FigureCanvasAgg(figure).get_renderer()
    font = FontProperties(family=register_matplotlib_fonts(), size=9)
    for text in LONG_NOTES["ko"] + LONG_NOTES["en"]:
        lines = wrap_to_width(text, font, 3.0, renderer, 100)
        assert len(lines) > 1 and "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert all(renderer.get_text_width_height_descent(line, font, ismath=False)[0] <= 300
                   for line in lines)


def test_per_capita_map_csv_cites_both_sources_and_flags_preliminary_values(store, catalog):
    options = MapOptions("grdp_nominal", 2023, "per_capita")
    view = build_view(store, catalog, loaders.load_regions("sido"), options, "ko")
    table = data_export.map_table(view, options, catalog, "ko")
    assert set(table["출처"]) == {f"{GRDP_SOURCE}; 행정안전부, 주민등록 인구통계"}
    flagged = store.query("indicator == 'grdp_nominal' and year == 2023 and level == 'sido'")
    assert flagged["preliminary"].astype(bool).all()          # 2023 GRDP is preliminary
    assert set(table["잠정치"]) == {"잠정치"}
    level = MapOptions("grdp_nominal", 2022)
    plain = data_export.map_table(build_view(store, catalog, loaders.load_regions("sido"),
                                             level, "ko"), level, catalog, "ko")
    assert set(plain["출처"]) == {GRDP_SOURCE} and set(plain["잠정치"]) == {""}


def test_every_distinct_map_view_gets_its_own_readable_file_name():
    from exports.filenames import map_detail
    views = [MapOptions("grdp_nominal", 2023), MapOptions("grdp_nominal", 2023, diverging=True),
             MapOptions("grdp_nominal", 2023, diverging=True, reference="capital"),
             MapOptions("grdp_nominal", 2023, dissolve="capital"),
             MapOptions("grdp_nominal", 2023, dissolve="gwonyeok"),
             MapOptions("grdp_nominal", 2023, dissolve="gwonyeok", diverging=True),
             MapOptions("grdp_nominal", 2023, "index", reference="capital"),
             MapOptions("grdp_nominal", 2023, scheme="natural_breaks", k=7),
             MapOptions("grdp_nominal", 2023, scheme="manual", manual_breaks=(50.0, 100.0)),
             MapOptions("grdp_nominal", 2023, scheme="manual", manual_breaks=(60.0, 100.0)),
             MapOptions("grdp_nominal", 2023, fixed_breaks=True),
             MapOptions("population_total", 2023, level="sigungu")]
    names = [export_filename(o.indicator, "png", "ko", o.measure, o.year, map_detail(o))
             for o in views]
    names.append(export_filename("grdp_nominal", "png", "ko", "level", 2023,
                                 map_detail(views[0], EVERY_POLICY_LAYER)))
    assert len(set(names)) == len(names), names
    assert names[5] == "grdp_nominal_level_map_gwonyeok_gap-national_2023_ko.png"
    assert names[3] == "grdp_nominal_level_map_capital-groups_2023_ko.png"
    assert all(re.fullmatch(r"[a-z0-9_.-]+", name) for name in names)
