"""Map building without Streamlit: values joined to shapes, colours, tooltips, legend,
escaping, the no-data hatch, offline assets and payload size."""

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from charts.map_legend import class_labels, legend_html
from charts.map_style import (CAPITAL_CASING, CAPITAL_LINE, NO_DATA_FILL, diverging_colors,
                              sequential_colors)
from charts.map_view import MapOptions, build_view
from charts.maps import (LEAFLET_CSS, LEAFLET_JS, PolicyChoice, build_map, choropleth_geojson,
                         group_geometries, region_geometries)
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
