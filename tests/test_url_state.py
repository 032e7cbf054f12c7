"""URL state: every page's state round-trips through its query string, and malformed or
outdated parameters fall back to defaults with a notice instead of raising."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from ui.links import view_url
from ui.page_schemas import (briefing_schema, compare_schema, disparity_schema, map_schema,
                             trends_schema)
from ui.url_state import (Field, Notice, encode_state, format_value, notice_text, parse_value,
                          read_state)

JUNK = ["", " ", "abc", "-1", "1e999", "%00", "<script>", "2023-1990", ",,,", "999999999999"]


@pytest.fixture(scope="module")
def schemas(store, catalog):
    return {"map": map_schema(store, catalog), "trends": trends_schema(store, catalog),
            "compare": compare_schema(store, catalog), "briefing": briefing_schema(4),
            "disparity": disparity_schema(store, catalog)}


# A state different from the defaults in as many fields as the data allows.
STATES = {
    "map": {"indicator": "population_total", "level": "sigungu", "dissolve": "none",
            "year": 2015, "measure": "growth", "base": 2012, "diverging": True,
            "reference": "capital", "scheme": "manual", "k": 7, "breaks": [10.0, 20.5, 30.0],
            "fixed": True, "layers": ["crisis_support_center", "regulation_free_zone"],
            "region": "11110", "depop": True},
    "trends": {"indicator": "employed_persons", "view": "regions", "measure": "index",
               "regions": ["11", "26", "36"], "years": (2013, 2020), "base": 2015,
               "multiples": True, "shared_y": False},
    "compare": {"year": 2020, "unit": "gwonyeok", "regions": ["수도권", "충청권", "제주권"],
                "indicator": "grdp_nominal", "ranked": "per_capita", "profile": "46"},
    "briefing": {"slide": 3, "present": True},
    "disparity": {"indicator": "unemployment_rate", "grouping": "gwonyeok",
                  "weighting": "population", "year": 2015, "region": "50",
                  "period": (2005, 2019), "x": "employment_rate_15plus",
                  "y": "population_0_14", "syear": 2019, "lisa": "population_15_64",
                  "lmeasure": "share", "lyear": 2018, "lbase": 2013, "dyear": 2020,
                  "dbase": 2014, "chart": "scatter"},
}


@pytest.mark.parametrize("kind, value", [
    ("str", "grdp_nominal"), ("int", 2023), ("float", 12.5), ("bool", True), ("bool", False),
    ("strs", ["11", "26"]), ("ints", [2010, 2020]), ("floats", [0.5, 10.0]),
    ("int_range", (2010, 2023)),
])
def test_values_round_trip(kind, value):
    assert parse_value(kind, format_value(kind, value)) == value


@pytest.mark.parametrize("page", list(STATES))
def test_defaults_read_without_notices_and_round_trip(schemas, page):
    state, notices = read_state(schemas[page], {})
    assert notices == []
    assert read_state(schemas[page], encode_state(schemas[page], state)) == (state, [])


@pytest.mark.parametrize("page", list(STATES))
def test_a_full_state_round_trips_through_a_shared_link(schemas, page):
    schema, state = schemas[page], STATES[page]
    url = view_url("http://localhost:8501", "map", {**encode_state(schema, state), "lang": "en"})
    parts = urlsplit(url)
    assert parts.path == "/%EC%A7%80%EB%8F%84"
    params = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    assert params.pop("lang") == "en"
    assert read_state(schema, params) == (state, [])


@pytest.mark.parametrize("page", list(STATES))
def test_junk_in_any_field_falls_back_with_a_notice(schemas, page):
    schema = schemas[page]
    defaults, _ = read_state(schema, {})
    for name, field in schema.items():
        for junk in JUNK:
            state, notices = read_state(schema, {name: junk})
            if notices:
                assert [n.field for n in notices] == [name]
                assert state[name] == defaults[name]
            else:       # the junk happened to be a valid value (e.g. '' for an empty list)
                assert state[name] == parse_value(field.kind, junk)


def test_outdated_and_unknown_parameters(schemas):
    state, notices = read_state(schemas["map"], {
        "indicator": "retired_indicator", "year": "1900", "measure": "per_capita",
        "k": "42", "layers": "crisis_support_center,old_layer", "colour": "red", "lang": "en"})
    assert state["indicator"] == "grdp_nominal" and state["year"] == 2023
    assert state["k"] == 5 and state["layers"] == []
    assert state["measure"] == "per_capita"            # still valid for GRDP in 2023
    assert [n.field for n in notices] == ["indicator", "year", "k", "layers", "colour"]
    assert notices[-1] == Notice("colour", "red", None)


def test_dependent_fields_are_checked_against_earlier_ones(schemas):
    schema = schemas["map"]
    # 시군구 population exists, 시군구 GRDP does not.
    assert read_state(schema, {"indicator": "population_total", "level": "sigungu"})[1] == []
    state, notices = read_state(schema, {"indicator": "grdp_nominal", "level": "sigungu"})
    assert state["level"] == "sido" and [n.field for n in notices] == ["level"]
    # A base year must precede the year; a share needs an additive indicator.
    state, notices = read_state(schema, {"year": "2010", "base": "2015"})
    assert state["base"] is None and [n.field for n in notices] == ["base"]
    state, notices = read_state(schema, {"indicator": "unemployment_rate", "measure": "share"})
    assert state["measure"] == "level" and [n.field for n in notices] == ["measure"]


def test_list_sizes_and_duplicates_are_enforced(schemas):
    schema = schemas["compare"]
    for regions in ("11", "11,26,27,28,29,30", "11,11"):
        state, notices = read_state(schema, {"regions": regions})
        assert [n.field for n in notices] == ["regions"]
        assert state["regions"] == ["11", "41", "26"]
    assert read_state(schema, {"regions": ["11", "26"]})[0]["regions"] == ["11", "26"]


def test_notices_say_what_was_ignored_in_both_languages():
    bad = Notice("year", "abc", "2023")
    assert notice_text(bad, "ko") == "주소의 'year=abc' 값을 쓸 수 없어 기본값(2023)으로 보여 줍니다."
    assert "year=abc" in notice_text(bad, "en") and "2023" in notice_text(bad, "en")
    assert "colour" in notice_text(Notice("colour", "red", None), "en")


def test_defaults_may_depend_on_earlier_fields():
    schema = {"indicator": Field("str", "a", ["a", "b"]),
              "year": Field("int", lambda s: {"a": 2023, "b": 2020}[s["indicator"]],
                            lambda s: range(2000, 2024) if s["indicator"] == "a" else [2020])}
    assert read_state(schema, {"indicator": "b"}) == ({"indicator": "b", "year": 2020}, [])
    state, notices = read_state(schema, {"indicator": "b", "year": "2023"})
    assert state["year"] == 2020 and notices == [Notice("year", "2023", "2020")]


# --- through the app: the briefing page ---------------------------------------------------

PANELS = ["working_age", "grdp", "rnd_expenditure", "sme_firms"]
PANEL_NAMES = ["생산연령인구", "지역내총생산", "연구개발비", "중소기업 수"]


def briefing_app(params: dict[str, str], views: int) -> AppTest:
    """The briefing page with a deck of ``views`` scorecard panels in its URL."""
    app = AppTest.from_file(str(ROOT / "app_pages" / "5_브리핑.py"), default_timeout=60)
    app.query_params["pin"] = [f"home?panel={key}" for key in PANELS[:views]]
    for name, value in params.items():
        app.query_params[name] = value
    return app.run()


def test_briefing_url_state_reproduces_the_view():
    schema = briefing_schema(4)
    url = view_url("http://localhost:8501", "briefing",
                   {**encode_state(schema, {"slide": 3, "present": False}), "lang": "ko"})
    params = {name: values[-1] for name, values in parse_qs(urlsplit(url).query).items()}
    app = briefing_app(params, views=4)
    assert not app.exception
    assert app.header[0].value == PANEL_NAMES[2]
    written = {name: app.query_params[name] for name in app.query_params}
    assert read_state(schema, {k: v[-1] if isinstance(v, list) else v
                               for k, v in written.items() if k not in ("lang", "pin")})[0] == \
        {"slide": 3, "present": False}


def test_briefing_malformed_slide_falls_back_with_a_notice():
    app = briefing_app({"slide": "99", "present": "maybe"}, views=2)
    assert not app.exception
    assert app.header[0].value == PANEL_NAMES[0]
    notices = [c.value for c in app.caption if c.value.startswith("⚠️")]
    assert len(notices) == 2 and "slide=99" in notices[0]
