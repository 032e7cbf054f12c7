"""Every page runs under AppTest, in Korean and in English, without an exception."""

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from visible_text import html_tables

PAGES = ["app.py"] + sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app_pages").glob("*.py"))


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_page_runs(page, lang):
    app = AppTest.from_file(str(ROOT / page), default_timeout=60)
    app.query_params["lang"] = lang
    app.run()
    assert not app.exception, app.exception
    assert app.title, "every page states what it shows"


def test_home_shows_capital_shares_with_units_and_sources():
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    additive = html_tables(app)[0]
    grdp = additive[additive["지표"] == "지역내총생산(명목)"].iloc[0]
    assert grdp["비교 연도"] == "1985 → 2023 (잠정치)"
    assert grdp["수도권 비중"] == "52.3%"
    assert grdp["수도권"].endswith("조원") and "DT_1C81" in grdp["출처"]
    reasons = html_tables(app)[2]
    assert "지역내총생산(실질)" in set(reasons["지표"])


def test_language_toggle_switches_to_english():
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    app.sidebar.radio(key="lang_toggle").set_value("en").run()
    assert app.query_params["lang"] == ["en"] or app.query_params["lang"] == "en"
    assert app.title[0].value == "How far the capital region pulls away"
    assert "Indicator" in html_tables(app)[0].columns


def test_unknown_language_falls_back_to_korean():
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.query_params["lang"] = "xx"
    app.run()
    assert not app.exception and app.title[0].value == "수도권과 비수도권, 얼마나 벌어졌나"
