"""The map page under AppTest: every measure, scheme, grouping and layer runs without an
exception, and a year change keeps the same map component (no reload, no flicker)."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from analysis.classify import SCHEMES
from analysis.measure_availability import MEASURES
from conftest import ROOT
from i18n import t
from ui import gap_map
from visible_text import html_tables

PAGE = str(ROOT / "app_pages" / "1_지도.py")


def fresh(lang="ko") -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=120)
    app.query_params["lang"] = lang
    return app.run()


def check(app: AppTest) -> AppTest:
    assert not app.exception, app.exception
    return app


def map_component(app: AppTest):
    (component,) = app.get("component_instance")
    return component


def offered(app, key):
    return app.sidebar.radio(key=key).options


def test_default_view_draws_the_map_from_local_assets():
    app = check(fresh())
    args = json.loads(map_component(app).proto.json_args)
    frame = (gap_map._component_dir() / "index.html").read_text()
    assert '"../../app/static/leaflet-1.9.4/leaflet.js"' in frame
    assert '"../../app/static/leaflet-1.9.4/leaflet.css"' in frame
    assert 'id="nodata-hatch"' in frame
    shapes = json.loads((gap_map._component_dir() / args["geometry"]).read_text())
    assert args["geometry"].startswith("sido-") and len(shapes["features"]) == 17
    assert sorted(args["regions"]) == sorted(f["properties"]["region_code"]
                                             for f in shapes["features"])
    outline = json.loads((gap_map._component_dir() / args["outline"]).read_text())
    assert [f["properties"]["region_code"] for f in outline["features"]] == ["capital"]
    assert len(map_component(app).proto.json_args) < 30_000   # colours and tooltips only
    assert app.subheader[0].value == "지역내총생산(명목) · 수준, 2023"
    table = html_tables(app)[0]
    assert len(table) == 17 and "수준 (조원)" in table.columns


def test_year_change_recolours_inside_the_same_component():
    app = check(fresh())
    before = map_component(app)
    app.sidebar.select_slider(key="map_year").set_value(2000).run()
    after = map_component(check(app))
    assert after.proto.id == before.proto.id        # same component: no reload
    before_args, after_args = (json.loads(c.proto.json_args) for c in (before, after))
    assert after_args["geometry"] == before_args["geometry"]    # the shapes are not resent
    assert after_args["regions"] != before_args["regions"]
    assert app.subheader[0].value.endswith("2000")


@pytest.mark.parametrize("indicator", [
    "grdp_nominal", "grdp_real_chained2020", "unemployment_rate", "employment_rate_15_64",
    "population_65_plus", "workers_all_industries", "sme_firms", "venture_firms",
    "rnd_expenditure_share"])
def test_every_offered_measure_and_two_years_run(indicator):
    app = check(fresh())
    app.sidebar.selectbox(key="map_indicator").set_value(indicator).run()
    years = [int(y) for y in app.sidebar.select_slider(key="map_year").options] \
        if app.sidebar.select_slider else []
    for year in sorted(set(years[-1:] + years[len(years) // 2:len(years) // 2 + 1])):
        app.sidebar.select_slider(key="map_year").set_value(year).run()
        for measure in offered(check(app), "map_measure"):
            app.sidebar.radio(key="map_measure").set_value(
                MEASURES[[t(f"map_measure_{m}", "ko") for m in MEASURES].index(measure)]).run()
            check(app)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_each_classification_scheme_with_fixed_breaks(scheme):
    app = check(fresh())
    app.sidebar.radio(key="map_measure").set_value("per_capita").run()
    app.sidebar.selectbox(key="map_scheme").set_value(scheme).run()
    if scheme == "manual":
        app.sidebar.text_input(key="map_manual_breaks").input("4000, 5000 6000 x").run()
        assert any("무시" in c.value for c in app.sidebar.caption)
    else:
        app.sidebar.slider(key="map_k").set_value(7).run()
    app.sidebar.toggle(key="map_fixed_breaks").set_value(True).run()
    check(app)
    app.sidebar.select_slider(key="map_year").set_value(2010).run()
    check(app)


@pytest.mark.parametrize("dissolve", ["capital", "gwonyeok"])
def test_dissolved_maps_with_diverging_and_policy_layers(dissolve):
    app = check(fresh())
    app.sidebar.radio(key="map_dissolve").set_value(dissolve).run()
    app.sidebar.toggle(key="map_diverging").set_value(True).run()
    app.sidebar.radio(key="map_reference").set_value("capital").run()
    app.sidebar.multiselect(key="map_policy").set_value(
        ["future_industry_pair", "crisis_support_center", "restructuring_center",
         "regulation_free_zone", "growth_project", "startup_cluster"]).run()
    check(app)
    expected = 2 if dissolve == "capital" else 7
    args = json.loads(map_component(app).proto.json_args)
    assert args["geometry"].startswith(f"{dissolve}-") and len(args["regions"]) == expected
    assert [layer["layer"] for layer in args["policy"]][:2] == ["future_industry_pair",
                                                                "crisis_support_center"]
    assert args["policy"][0]["lines"] and all(layer["markers"] for layer in args["policy"])


def test_growth_with_a_base_year_and_the_index_against_the_capital_region():
    app = check(fresh())
    app.sidebar.radio(key="map_measure").set_value("growth").run()
    app.sidebar.selectbox(key="map_base_year").set_value(2000).run()
    assert "2000→2023" in check(app).subheader[0].value
    app.sidebar.radio(key="map_measure").set_value("index").run()
    app.sidebar.radio(key="map_reference").set_value("capital").run()
    assert "수도권=100" in " ".join(c.value for c in check(app).caption)


def test_sigungu_level_for_population():
    app = check(fresh())
    app.sidebar.selectbox(key="map_indicator").set_value("population_total").run()
    app.sidebar.radio(key="map_level").set_value("sigungu").run()
    args = json.loads(map_component(check(app)).proto.json_args)
    assert args["geometry"].startswith("sigungu-") and len(args["regions"]) > 200
    for measure in ("share", "growth"):
        app.sidebar.radio(key="map_measure").set_value(measure).run()
        check(app)
    app.sidebar.select_slider(key="map_year").set_value(2013).run()
    assert any("경기도" in c.value for c in check(app).caption)   # 경기 has no 2013 시군구 rows


def test_picking_a_region_shows_its_trend_and_source():
    app = check(fresh())
    app.selectbox(key="map_region").set_value("47").run()
    check(app)
    assert app.get("arrow_vega_lite_chart") or app.get("vega_lite_chart")
    assert any("KOSIS 101/DT_1C81" in c.value for c in app.caption)


def test_english_labels_and_url_state():
    app = AppTest.from_file(PAGE, default_timeout=120)
    app.query_params.update({"lang": "en", "indicator": "unemployment_rate", "year": "2015",
                             "measure": "index"})
    app.run()
    check(app)
    assert app.subheader[0].value == "Unemployment rate · Index, 2015"
    assert "Rank" in html_tables(app)[0].columns


def test_per_capita_before_its_denominator_starts_says_so_and_comes_back():
    """Population (the per-capita denominator) starts in 2008: at 2005 the map shows 수준
    and says why, and 1인당 comes back by itself at a year that has it."""
    app = check(fresh())
    app.sidebar.radio(key="map_measure").set_value("per_capita").run()
    app.sidebar.select_slider(key="map_year").set_value(2005).run()
    check(app)
    assert app.sidebar.radio(key="map_measure").value == "level"
    notice = " ".join(info.value for info in app.info)
    assert "2005년에는 '1인당'을(를) 볼 수 없어 '수준'(으)로" in notice
    assert "분모(총인구) 자료가 없음" in notice and "2008–" in notice
    assert app.query_params["measure"] in ("level", ["level"])   # the link: what is shown
    app.sidebar.select_slider(key="map_year").set_value(2015).run()
    assert check(app).sidebar.radio(key="map_measure").value == "per_capita"
    assert not app.info
    app.sidebar.radio(key="map_measure").set_value("level").run()    # chosen by hand
    app.sidebar.select_slider(key="map_year").set_value(2005).run()
    app.sidebar.select_slider(key="map_year").set_value(2015).run()
    assert check(app).sidebar.radio(key="map_measure").value == "level" and not app.info
