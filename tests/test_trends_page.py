"""The trends page under AppTest: every selector, every indicator, view and measure."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT

PAGE = str(ROOT / "app_pages" / "2_추이.py")


def catalog_indicators():
    from loaders import load_catalog
    return list(load_catalog().index)


def open_page(lang="ko"):
    app = AppTest.from_file(PAGE, default_timeout=120)
    app.query_params["lang"] = lang
    return app.run()


def charts(app):
    return app.get("vega_lite_chart")


def spec(app) -> dict:
    """The page's one chart as a Vega-Lite dict."""
    return json.loads(charts(app)[0].proto.spec)


def year_domain(chart: dict) -> list[int]:
    """The x-axis year range the chart was built for (its data is stripped into Arrow)."""
    stack = [chart]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node.get("field") == "year" and "domain" in node.get("scale", {}):
                return node["scale"]["domain"]
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    raise AssertionError("no year axis")


def y_domains(app) -> list[list[float]]:
    """The y-axis range of every chart on the page (small multiples: one per panel)."""
    domains = []
    for chart in charts(app):
        chart = json.loads(chart.proto.spec)
        found = [n["scale"]["domain"] for n in _walk(chart) if n.get("field") == "value"
                 and "domain" in n.get("scale", {})]
        domains.append(found[0] if found else None)
    return domains


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def radio_keys(app):
    return {r.key for r in app.radio}


@pytest.mark.parametrize("indicator", catalog_indicators())
def test_every_view_and_measure_of_every_indicator(indicator):
    app = open_page()
    app.selectbox(key="trend_indicator").set_value(indicator).run()
    assert not app.exception, app.exception
    for view in ("groups", "gwonyeok", "regions"):
        app.radio(key="trend_view").set_value(view).run()
        assert not app.exception, (view, app.exception)
        if "trend_measure" not in radio_keys(app):
            assert app.info and not charts(app), (indicator, view)
            continue
        for measure in app.radio(key="trend_measure").options:
            app.radio(key="trend_measure").set_value(measure).run()
            assert not app.exception, (indicator, view, measure, app.exception)
            assert len(charts(app)) == 1, (indicator, view, measure)


def test_only_meaningful_measures_are_offered_and_the_rest_say_why():
    app = open_page()
    app.selectbox(key="trend_indicator").set_value("unemployment_rate").run()
    assert app.radio(key="trend_measure").options == ["수준", "격차(비율 또는 차이)"]
    assert any("비율(%) 지표는" in c.value for c in app.caption)


def test_base_year_small_multiples_shared_axis_and_years():
    app = open_page()
    app.radio(key="trend_view").set_value("regions").run()
    app.radio(key="trend_measure").set_value("지수(기준년 = 100)").run()
    app.selectbox(key="trend_base_year").set_value(2000).run()
    assert "지수 (2000년 = 100)" in json.dumps(spec(app), ensure_ascii=False)
    app.multiselect(key="trend_regions").set_value(["11", "26", "36"]).run()
    assert not app.exception
    subtitle = " ".join(spec(app)["title"]["subtitle"])
    assert "세종" in subtitle  # named as left out of the 2000 index, not rebased
    assert app.radio(key="trend_shared_y").disabled
    app.toggle(key="trend_small_multiples").set_value(True).run()
    assert not app.radio(key="trend_shared_y").disabled
    shared = y_domains(app)   # one panel per indexed province, in a grid that reflows
    assert len(shared) == 2 and shared[0] == shared[1] and shared[0][0] <= 100 <= shared[0][1]
    app.radio(key="trend_shared_y").set_value(False).run()
    independent = y_domains(app)
    assert len(independent) == 2 and independent[0] != independent[1]
    app.slider(key="trend_years").set_value((2005, 2015)).run()
    assert not app.exception
    assert year_domain(spec(app)) == [2005, 2015]


def test_switching_indicator_resets_choices_that_no_longer_apply():
    app = open_page()
    app.radio(key="trend_measure").set_value("지수(기준년 = 100)").run()
    app.slider(key="trend_years").set_value((1990, 2000)).run()
    app.selectbox(key="trend_indicator").set_value("unemployment_rate").run()
    assert not app.exception
    assert app.radio(key="trend_measure").value == "level"
    assert app.slider(key="trend_years").value == (2000, 2024)


def test_empty_region_selection_shows_all_with_a_note():
    app = open_page()
    app.radio(key="trend_view").set_value("regions").run()
    app.multiselect(key="trend_regions").set_value([]).run()
    assert not app.exception and len(charts(app)) == 1
    assert any("17개 시도를 모두" in c.value for c in app.caption)


def test_english_page_and_table():
    app = open_page("en")
    assert app.title[0].value == "Capital region and the rest over time"
    assert "capital region vs the rest" in spec(app)["title"]["text"]
    assert "Value" in app.dataframe[0].value.columns
