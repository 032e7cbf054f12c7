"""Map building without Streamlit: values joined to shapes, colours (colour-blind safe, apart
from the background and the no-data hatch), tooltips, legend, escaping, the no-data hatch,
offline assets and payload size."""

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from colorspacious import cspace_convert, deltaE
from matplotlib.colors import to_hex, to_rgb

from analysis.classify import MAX_K, MIN_K, classify
from charts.map_legend import class_labels, legend_html
from charts.map_style import (CAPITAL_CASING, CAPITAL_LINE, DIVERGING_NEUTRAL,
                              NEUTRAL_BORDER_COLOR, NO_DATA_FILL, diverging_colors,
                              sequential_colors)
from charts.map_view import MapOptions, build_view
from charts.maps import (LEAFLET_CSS, LEAFLET_JS, PolicyChoice, build_map, choropleth_geojson,
                         group_geometries, region_geometries)
from charts.theme import NO_DATA_COLOR
from conftest import ROOT, read_reference
from loaders import load_policy_layers, load_regions

SCRIPT = "<script>alert(1)</script>"


def view_and_features(store, catalog, options, lang="ko", regions=None):
    level = "sido" if options.dissolve != "none" else options.level
    regions = load_regions(level) if regions is None else regions
    view = build_view(store, catalog, regions, options, lang)
    geometries = (region_geometries(level) if options.dissolve == "none"
                  else group_geometries(options.dissolve))
    geojson = choropleth_geojson(view.regions, geometries)
    return view, geojson, json.loads(geojson)["features"]


def test_every_province_is_joined_to_its_shape_with_its_value(store, catalog):
    view, _, features = view_and_features(store, catalog, MapOptions("grdp_nominal", 2023))
    assert len(features) == 17
    codes = {f["properties"]["region_code"] for f in features}
    assert codes == set(load_regions("sido")["region_code"])
    reference = read_reference("grdp_sido.csv").query("year == 2023 and region_code == '48'")
    assert view.regions.loc["48", "value"] == pytest.approx(reference["value"].iloc[0] / 1e6)


def test_a_province_that_did_not_exist_is_still_drawn_as_no_data(store, catalog):
    view, _, features = view_and_features(store, catalog, MapOptions("grdp_nominal", 2010))
    assert len(features) == 17
    sejong = next(f for f in features if f["properties"]["region_code"] == "36")
    assert sejong["properties"]["style"]["fillColor"] == NO_DATA_FILL
    assert "자료 없음" in sejong["properties"]["tooltip"]


def test_no_data_is_hatched_grey_and_labelled_never_coloured_as_zero(store, catalog):
    view, _, features = view_and_features(store, catalog, MapOptions("grdp_nominal", 2012))
    sejong = view.regions.loc["36"]
    assert pd.isna(sejong["class"]) and sejong["fill"] == NO_DATA_FILL
    assert NO_DATA_FILL.endswith("#d9d9d9") and "url(#nodata-hatch)" in NO_DATA_FILL
    assert sejong["fill"] not in view.colors
    assert "자료 없음" in sejong["tooltip"] and "이전 소속 시도에 포함" in sejong["tooltip"]
    table = view.table.set_index("지역")
    assert table.loc["세종특별자치시", "수준 (조원)"] == "자료 없음"
    assert "자료 없음" in view.legend
    assert any("세종특별자치시" in note for note in view.notes)


def test_tooltip_has_name_value_unit_rank_share_and_capital_comparison(store, catalog):
    view, _, _ = view_and_features(store, catalog, MapOptions("grdp_nominal", 2023, "per_capita"))
    tooltip = view.regions.loc["11", "tooltip"]
    for text in ("서울특별시", "수도권", "만원/인", "/ 17", "전국 대비 비중", "22.8%",
                 "수도권 평균", "비수도권 평균", "전국 평균"):
        assert text in tooltip
    grdp = read_reference("grdp_sido.csv").query(
        "year == 2023 and region_code != '00' and indicator == 'grdp_nominal'")
    people = read_reference("population_sido.csv").query(
        "year == 2023 and indicator == 'population_total'")
    per_head = grdp.set_index("region_code")["value"] / people.set_index("region_code")["value"]
    expected_rank = int((per_head > per_head["11"]).sum()) + 1
    assert view.regions.loc["11", "rank"] == expected_rank
    assert f"{expected_rank} / 17" in tooltip


def test_names_from_data_are_escaped_in_tooltips_legend_and_map_html(store, catalog):
    hostile_catalog = catalog.copy()
    hostile_catalog.loc["grdp_nominal", "name_ko"] = SCRIPT + "{{ 7*7 }}"
    regions = load_regions("sido").copy()
    regions.loc[regions["region_code"] == "11", "name_ko"] = SCRIPT + "{{ 7*7 }}"
    view, geojson, _ = view_and_features(store, hostile_catalog,
                                         MapOptions("grdp_nominal", 2023), regions=regions)
    tooltip = view.regions.loc["11", "tooltip"]
    assert SCRIPT not in tooltip and "&lt;script&gt;alert(1)&lt;/script&gt;" in tooltip
    assert SCRIPT not in view.legend and "&lt;script&gt;" in view.legend
    html = build_map(geojson).get_root().render()
    assert SCRIPT not in html and "&lt;script&gt;alert(1)" in html
    assert "&#123;&#123; 7*7 &#125;&#125;" in view.regions.loc["11", "tooltip"]


def test_policy_notes_are_escaped_and_shown(store, catalog):
    layers = load_policy_layers().copy()
    layers.loc[0, "note"] = SCRIPT + " {{ 7*7 }} `${x}`"
    policy = PolicyChoice(layers, ("future_industry_pair", "crisis_support_center"),
                          (("future_industry_pair", "지역협력형 미래 신산업"),
                           ("crisis_support_center", "위기지원센터")), "ko")
    _, geojson, _ = view_and_features(store, catalog, MapOptions("grdp_nominal", 2023))
    html = build_map(geojson, policy).get_root().render()
    assert SCRIPT not in html and "&lt;script&gt;alert(1)" in html
    assert "&#123;&#123; 7*7 &#125;&#125;" in html      # shown as text, not evaluated
    assert "${x}" not in html and "&#96;&#36;&#123;x&#125;&#96;" in html
    assert "위기지원센터: 부산" in html and "수소 저장·운송" in html


def test_colours_are_distinct_colour_blind_safe_and_the_capital_outline_is_drawn(store, catalog):
    assert len(set(sequential_colors(7))) == 7
    assert sequential_colors(5)[0] != sequential_colors(5)[-1]
    diverging = diverging_colors((-3.0, -1.0, 0.0, 1.0, 3.0))
    assert diverging[0] != diverging[-1] and diverging[1] != diverging[2]
    _, geojson, _ = view_and_features(store, catalog, MapOptions("grdp_nominal", 2023))
    html = build_map(geojson).get_root().render()
    assert CAPITAL_CASING["color"] in html and CAPITAL_LINE["color"] in html


def test_diverging_view_maps_gaps_on_symmetric_classes(store, catalog):
    view, _, _ = view_and_features(
        store, catalog, MapOptions("unemployment_rate", 2024, "index", diverging=True, k=4))
    assert view.regions.loc["11", "mapped"] == pytest.approx(view.regions.loc["11", "value"] - 100)
    assert view.classification.edges[0] == -view.classification.edges[-1]
    assert "전국 평균과 차이" in view.regions.loc["11", "tooltip"]


@pytest.mark.parametrize("dissolve, count", [("capital", 2), ("gwonyeok", 7)])
def test_dissolved_maps_draw_groups(store, catalog, dissolve, count):
    view, _, features = view_and_features(
        store, catalog, MapOptions("grdp_nominal", 2023, "share", dissolve=dissolve))
    assert len(features) == count
    capital = "capital" if dissolve == "capital" else "수도권"
    assert view.regions.loc[capital, "value"] == pytest.approx(52.3, abs=0.05)


def test_sigungu_map_joins_every_unit_and_lists_gaps_by_province(store, catalog):
    view, geojson, features = view_and_features(
        store, catalog, MapOptions("population_total", 2012, level="sigungu"))
    assert len(features) == len(load_regions("sigungu"))
    assert any("경기도" in note and "원자료에 값이 없음" in note for note in view.notes)
    assert len(geojson.encode()) < 1_500_000


def test_legend_is_plain_html_with_unit_and_hangul():
    html = legend_html("지역내총생산(명목) · 1인당, 2023", "만원/인",
                       class_labels((3000.0, 4000.0, 8200.0)), ("#111111", "#222222"), "ko")
    assert "단위: 만원/인" in html and "3,000 – 4,000" in html and "수도권 경계" in html
    assert "<script" not in html and "d3" not in html
    assert class_labels((-5.0, 0.0, 5.0), signed=True) == ["-5 – 0", "0 – +5"]


def test_map_needs_nothing_from_the_internet(store, catalog):
    _, geojson, _ = view_and_features(store, catalog, MapOptions("grdp_nominal", 2023))
    html = build_map(geojson).get_root().render()
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert sources and all(s in (LEAFLET_JS, LEAFLET_CSS) for s in sources)
    assert not re.findall(r"https?://(?!leafletjs\.com)", html)
    for url in (LEAFLET_JS, LEAFLET_CSS):
        assert (ROOT / url.replace("/app/", "")).is_file()
    assert "tileLayer" not in html
    assert len(html.encode()) < 400_000


def test_static_leaflet_is_the_pinned_release():
    leaflet = (ROOT / "static" / "leaflet-1.9.4" / "leaflet.js").read_text()
    assert "1.9.4" in leaflet[:200]
    assert Path(ROOT / "static" / "leaflet-1.9.4" / "LICENSE").is_file()


# --- diverging palette, two-value maps, tooltips, notes ------------------------------------

CVD_KINDS = ("deuteranomaly", "protanomaly", "tritanomaly")
MAP_BACKGROUND = "#f3f5f7"          # charts.maps.MAP_CSS


def seen_as(color: str, kind: str) -> np.ndarray:
    """sRGB of a colour as a person with full protan, deutan or tritan vision sees it
    (Machado et al. 2009 via colorspacious); 'normal' leaves it alone."""
    rgb = np.array(to_rgb(color))
    if kind == "normal":
        return rgb
    space = {"name": "sRGB1+CVD", "cvd_type": kind, "severity": 100}
    return np.clip(cspace_convert(rgb, space, "sRGB1"), 0, 1)


def apart(a: str, b: str, kind: str) -> float:
    """CAM02-UCS colour difference (about 1 = just noticeable; 10+ = plainly different)."""
    return float(deltaE(seen_as(a, kind), seen_as(b, kind), input_space="sRGB1"))


def hatch_average() -> str:
    """What the no-data hatch looks like from afar: 2 px #9a9a9a stripes every 6 px on the
    no-data grey (charts.map_style.HATCH_DEFS_HTML)."""
    mix = (4 * np.array(to_rgb(NO_DATA_COLOR)) + 2 * np.array(to_rgb("#9a9a9a"))) / 6
    return to_hex(mix)


@pytest.mark.parametrize("k", range(MIN_K, MAX_K + 1))
def test_diverging_palette_is_colour_blind_safe_and_apart_from_background_and_no_data(k):
    edges = classify(pd.Series(np.linspace(-10, 10, 41)), "quantiles", k, diverging=True).edges
    colors = diverging_colors(edges)
    assert len(colors) == len(edges) - 1
    for kind in ("normal", *CVD_KINDS):
        pairs = [apart(a, b, kind) for i, a in enumerate(colors) for b in colors[i + 1:]]
        assert min(pairs) >= 12, (k, kind, colors)
        # the hatch also differs by its stripes; its average colour alone is already apart
        assert min(apart(c, hatch_average(), kind) for c in colors) >= 8, (k, kind)
        assert min(apart(c, MAP_BACKGROUND, kind) for c in colors) >= 7, (k, kind)


def test_near_average_regions_are_a_visible_fill_with_borders(store, catalog):
    view, _, _ = view_and_features(
        store, catalog, MapOptions("grdp_nominal", 2023, diverging=True))
    middle = view.colors[len(view.colors) // 2]
    assert middle == DIVERGING_NEUTRAL != "#f6f6f7"     # PuOr's own middle is the background
    near = view.regions[view.regions["fill"] == DIVERGING_NEUTRAL]
    assert len(near) >= 3                               # 2023: e.g. 부산, 경북, 경남
    assert all(style["color"] == NEUTRAL_BORDER_COLOR and style["fillOpacity"] == 1
               for style in near["style"])
    assert f"border-color:{NEUTRAL_BORDER_COLOR}" in view.legend


def test_capital_dissolve_has_a_two_value_legend_and_names_its_comparison(store, catalog):
    view, _, _ = view_and_features(
        store, catalog, MapOptions("grdp_nominal", 2023, dissolve="capital"))
    grdp = read_reference("grdp_sido.csv").query(
        "year == 2023 and region_code != '00' and indicator == 'grdp_nominal'")
    capital = grdp[grdp["region_code"].isin(["11", "28", "41"])]["value"].sum() / 1e6
    rest = grdp[~grdp["region_code"].isin(["11", "28", "41"])]["value"].sum() / 1e6
    assert view.regions.loc["capital", "value"] == pytest.approx(capital)
    assert view.labels == (f"비수도권 {rest:,.1f}", f"수도권 {capital:,.1f}")
    assert len(view.colors) == 2 and view.colors[0] != view.colors[1]
    assert view.regions.loc["capital", "class"] == 1 and view.regions.loc["noncapital", "class"] == 0
    assert "1,146.2 – " not in view.legend and f"수도권 {capital:,.1f}" in view.legend
    tooltip = view.regions.loc["capital", "tooltip"]
    assert "두 묶음의 평균(전국 합계 ÷ 2)" in tooltip and "전국 평균" not in tooltip
    assert f"{(capital + rest) / 2:,.1f} 조원" in tooltip

    gap, _, _ = view_and_features(
        store, catalog, MapOptions("grdp_nominal", 2023, dissolve="capital", diverging=True))
    assert gap.labels == (f"비수도권 {(rest - capital) / 2:+,.1f}",
                          f"수도권 {(capital - rest) / 2:+,.1f}")
    assert gap.title.endswith("두 묶음의 평균(전국 합계 ÷ 2) 대비 차이")


def test_a_rate_dissolved_by_capital_compares_with_the_true_national_rate(store, catalog):
    view, _, _ = view_and_features(
        store, catalog, MapOptions("unemployment_rate", 2023, dissolve="capital"))
    assert "전국 평균" in view.regions.loc["capital", "tooltip"]
    assert "÷ 2" not in view.regions.loc["capital", "tooltip"]


@pytest.mark.parametrize("options", [
    MapOptions("grdp_real_chained2020", 2023, "per_capita"),   # no 수도권 aggregate to build
    MapOptions("rnd_expenditure_share", 2022, diverging=True),  # no national average
    MapOptions("startup_firms_new", 2016, dissolve="gwonyeok"),
])
def test_tooltips_have_no_empty_rows(store, catalog, options):
    view, _, _ = view_and_features(store, catalog, options)
    for code, row in view.regions.iterrows():
        cells = re.findall(r"<tr><th>(.*?)</th><td>(.*?)</td></tr>", row["tooltip"])
        assert cells and all(label and value for label, value in cells), code
        if not pd.isna(row["value"]):
            assert all(value != "자료 없음" for _, value in cells), (code, cells)


def test_sigungu_notes_say_that_cities_with_districts_are_ranked_by_district(store, catalog):
    view, _, _ = view_and_features(store, catalog, MapOptions("population_total", 2024,
                                                              level="sigungu"))
    districts = [c for c in view.regions.index if not c.endswith("0")]
    note = next(n for n in view.notes if "일반구" in n)
    assert f"{len(districts)}개 구" in note and "41111" in districts     # 수원시 장안구
    english, _, _ = view_and_features(store, catalog, MapOptions("population_total", 2024,
                                                                 level="sigungu"), lang="en")
    assert any("ranked by district" in n for n in english.notes)
