"""The compare page under AppTest: every selector, every indicator in the ranking, every
province's profile, and years from each coverage regime of the bundled data."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT

PAGE = str(ROOT / "app_pages" / "3_비교.py")
# GRDP only; labour from 2000; population from 2008; 세종 2012/13; labour 세종 2017;
# published R&D/SME years; establishments 2021–2024; no population age groups in 2022.
YEARS = [1985, 2000, 2008, 2012, 2013, 2017, 2019, 2021, 2022, 2023, 2024]


def open_page(lang="ko"):
    app = AppTest.from_file(PAGE, default_timeout=120)
    app.query_params["lang"] = lang
    return app.run()


def charts(app):
    return [json.loads(chart.proto.spec) for chart in app.get("vega_lite_chart")]


def latest_years():
    """Each indicator with 시도 values, with the latest year it has them (an indicator only
    published for 수도권/비수도권, like R&D personnel shares, cannot be ranked)."""
    from loaders import load_catalog, load_indicators
    store = load_indicators()
    sido = store[store["level"] == "sido"].dropna(subset=["value"])
    latest = sido.groupby("indicator")["year"].max()
    return [(indicator, int(latest[indicator])) for indicator in load_catalog().index
            if indicator in latest]


def test_default_view():
    app = open_page()
    assert not app.exception
    assert app.title[0].value == "지역끼리 나란히"
    titles = [c["title"]["text"] for c in charts(app)]
    assert titles[0] == "2021년 선택 지역 비교: 전국 평균 = 100"
    assert titles[1].startswith("지역내총생산(명목), 2021: 시도 순위")
    assert "**부산: 전국·비수도권 평균과 비교한 추이**" in [m.value for m in app.markdown]
    assert len(titles) > 3   # the profile: one panel per indicator, in a grid that reflows
    table = app.dataframe[0].value
    assert set(table["지역"]) == {"서울", "경기", "부산"}


@pytest.mark.parametrize("year", YEARS)
def test_every_coverage_regime_for_provinces_and_region_groups(year):
    app = open_page()
    app.selectbox(key="compare_year").set_value(year).run()
    assert not app.exception, app.exception
    assert app.dataframe[0].value.shape[0] > 0
    app.radio(key="compare_by").set_value("gwonyeok").run()
    assert not app.exception, app.exception
    assert len(app.dataframe) == 1 or app.info


@pytest.mark.parametrize("indicator, year", latest_years())
def test_every_indicator_ranked_on_every_offered_measure(indicator, year):
    app = open_page()
    app.selectbox(key="compare_year").set_value(year).run()
    app.selectbox(key="compare_rank_indicator").set_value(indicator).run()
    assert not app.exception, app.exception
    for measure in app.radio(key="compare_rank_measure").options:
        app.radio(key="compare_rank_measure").set_value(measure).run()
        assert not app.exception, (indicator, measure, app.exception)
        ranked = [c for c in charts(app) if "시도 순위" in c["title"]["text"]]
        assert len(ranked) == 1


def test_two_to_five_regions():
    app = open_page()
    app.multiselect(key="compare_regions").set_value(["11"]).run()
    assert app.info and not any("선택 지역" in c["title"]["text"] for c in charts(app))
    app.multiselect(key="compare_regions").set_value(["11", "28", "41", "36", "50"]).run()
    assert not app.exception
    assert set(app.dataframe[0].value["지역"]) == {"서울", "인천", "경기", "세종", "제주"}
    app.radio(key="compare_by").set_value("gwonyeok").run()
    app.multiselect(key="compare_gwonyeok").set_value(["수도권", "강원권"]).run()
    assert not app.exception
    assert set(app.dataframe[0].value["지역"]) == {"수도권", "강원권"}


def test_every_province_profile():
    from loaders import region_table
    app = open_page()
    names = region_table().set_index("region_code")["short_ko"]
    for code in region_table()["region_code"]:
        app.selectbox(key="compare_profile_region").set_value(code).run()
        assert not app.exception, (code, app.exception)
        heading = f"**{names[code]}: 전국·비수도권 평균과 비교한 추이**"
        assert heading in [m.value for m in app.markdown], code
        assert len(charts(app)) > 3, code


def test_year_change_keeps_a_valid_ranked_indicator():
    app = open_page()
    app.selectbox(key="compare_rank_indicator").set_value("sme_firms").run()
    app.selectbox(key="compare_year").set_value(1990).run()
    assert not app.exception
    assert app.selectbox(key="compare_rank_indicator").value == "grdp_nominal"


def test_english():
    app = open_page("en")
    assert not app.exception
    assert app.title[0].value == "Regions side by side"
    assert "Indicator" in app.dataframe[0].value.columns
    assert charts(app)[0]["title"]["text"].startswith("Selected regions in 2021")
