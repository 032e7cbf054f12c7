"""A shared link reproduces each page's view: build a URL from a state, open it with
AppTest, and read the same state back from the URL the page writes."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from ui.deck_link import parse_pin
from ui.links import view_url
from ui.page_schemas import compare_schema, map_schema, trends_schema
from ui.url_state import encode_state, read_state

MAP_STATES = [
    {"indicator": "population_15_64", "level": "sido", "dissolve": "none", "year": 2015,
     "measure": "share", "base": None, "diverging": False, "reference": "national",
     "scheme": "natural_breaks", "k": 4, "breaks": [], "fixed": True,
     "layers": ["crisis_support_center"], "region": "41", "depop": False},
    {"indicator": "grdp_nominal", "level": "sido", "dissolve": "gwonyeok", "year": 2020,
     "measure": "growth", "base": 2015, "diverging": True, "reference": "capital",
     "scheme": "equal_interval", "k": 5, "breaks": [], "fixed": False, "layers": [],
     "region": None, "depop": False},
]


# Every field away from its default (regions and the year range included).
TREND_STATES = [
    {"indicator": "population_15_64", "view": "regions", "measure": "index",
     "regions": ["11", "26", "36"], "years": (2010, 2020), "base": 2012,
     "multiples": True, "shared_y": False},
    {"indicator": "employed_persons", "view": "regions", "measure": "index",
     "regions": ["41", "28", "44", "47", "50"], "years": (2005, 2024), "base": 2005,
     "multiples": True, "shared_y": False},
]
COMPARE_STATES = [
    {"year": 2019, "unit": "regions", "regions": ["28", "30", "50", "44"],
     "indicator": "employed_persons", "ranked": "share", "profile": "11"},
    {"year": 2022, "unit": "gwonyeok", "regions": ["호남권", "강원권", "제주권"],
     "indicator": "establishments_all_industries", "ranked": "per_capita", "profile": "50"},
]


def link(page: str, schema, state: dict, lang: str) -> str:
    """The link a page's copy-link control gives for this state."""
    return view_url("http://localhost:8501", page, {**encode_state(schema, state), "lang": lang})


def open_link(page: str, url: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / page), default_timeout=120)
    for name, values in parse_qs(urlsplit(url).query).items():
        app.query_params[name] = values[-1]
    return app.run()


@pytest.mark.parametrize("wanted", MAP_STATES)
def test_map_link_round_trips(store, catalog, wanted):
    schema = map_schema(store, catalog)
    url = link("map", schema, wanted, "en")
    app = open_link("app_pages/1_지도.py", url)
    assert not app.exception, app.exception
    assert not notices_shown(app)
    assert written_state(app, schema) == (wanted, [])
    assert app.query_params["lang"] in ("en", ["en"])


def test_map_link_with_junk_falls_back_with_a_notice(store, catalog):
    app = open_link("app_pages/1_지도.py", "http://x/지도?indicator=nonsense&year=abc")
    assert not app.exception, app.exception
    shown = " ".join(notices_shown(app))
    assert "nonsense" in shown and "abc" in shown
    assert app.selectbox(key="map_indicator").value == "grdp_nominal"
    assert written_state(app, map_schema(store, catalog))[1] == []


def written_state(app: AppTest, schema) -> tuple[dict, list]:
    """The state the page put in its URL, read back as a new visitor would."""
    written = {k: app.query_params[k] for k in app.query_params if k != "lang"}
    return read_state(schema, {k: v[-1] if isinstance(v, list) else v
                               for k, v in written.items()})


def notices_shown(app: AppTest) -> list[str]:
    return [c.value for c in app.caption if c.value.startswith("⚠️")]


@pytest.mark.parametrize("wanted", TREND_STATES)
def test_trends_link_round_trips(store, catalog, wanted):
    schema = trends_schema(store, catalog)
    url = link("trends", schema, wanted, "en")
    app = open_link("app_pages/2_추이.py", url)
    assert not app.exception, app.exception
    assert not notices_shown(app)
    assert app.multiselect(key="trend_regions").value == wanted["regions"]
    assert app.slider(key="trend_years").value == wanted["years"]
    assert app.selectbox(key="trend_base_year").value == wanted["base"]
    assert written_state(app, schema) == (wanted, [])
    assert app.query_params["lang"] in ("en", ["en"])


def test_trends_link_with_junk_falls_back_with_a_notice(store, catalog):
    app = open_link("app_pages/2_추이.py",
                    "http://x/추이?indicator=nonsense&view=sideways&years=2020-1990&colour=red")
    assert not app.exception, app.exception
    shown = " ".join(notices_shown(app))
    assert "nonsense" in shown and "sideways" in shown and "colour" in shown
    assert app.selectbox(key="trend_indicator").value == "grdp_nominal"
    assert written_state(app, trends_schema(store, catalog))[1] == []  # the URL is clean again


@pytest.mark.parametrize("wanted", COMPARE_STATES)
def test_compare_link_round_trips(store, catalog, wanted):
    schema = compare_schema(store, catalog)
    url = link("compare", schema, wanted, "ko")
    app = open_link("app_pages/3_비교.py", url)
    assert not app.exception, app.exception
    assert not notices_shown(app)
    key = "compare_regions" if wanted["unit"] == "regions" else "compare_gwonyeok"
    assert app.multiselect(key=key).value == wanted["regions"]
    assert app.radio(key="compare_rank_measure").value == wanted["ranked"]
    assert written_state(app, schema) == (wanted, [])
    assert app.query_params["lang"] in ("ko", ["ko"])


def test_compare_link_with_junk_falls_back_with_a_notice(store, catalog):
    app = open_link("app_pages/3_비교.py",
                    "http://x/비교?year=abc&regions=11&indicator=nonsense&profile=99")
    assert not app.exception, app.exception
    shown = " ".join(notices_shown(app))
    assert all(raw in shown for raw in ("abc", "nonsense", "99", "regions=11"))
    assert app.selectbox(key="compare_year").value == 2021
    assert app.multiselect(key="compare_regions").value == ["11", "41", "26"]
    assert written_state(app, compare_schema(store, catalog))[1] == []


def test_changing_a_widget_updates_the_link(store, catalog):
    """After the first run the page reuses the state it wrote (ui.layout.load_page_state):
    the link must still follow every change, without notices."""
    schema = trends_schema(store, catalog)
    app = open_link("app_pages/2_추이.py", link("trends", schema, TREND_STATES[0], "ko"))
    app.slider(key="trend_years").set_value((2012, 2018)).run()
    app.toggle(key="trend_small_multiples").set_value(False).run()
    assert not app.exception and not notices_shown(app)
    assert written_state(app, schema) == (
        {**TREND_STATES[0], "years": (2012, 2018), "multiples": False}, [])
    app.radio(key="trend_view").set_value("groups").run()
    state, notices = written_state(app, schema)
    assert notices == [] and (state["view"], state["measure"]) == ("groups", "index")

    compare = compare_schema(store, catalog)
    app = open_link("app_pages/3_비교.py", link("compare", compare, COMPARE_STATES[0], "ko"))
    app.radio(key="compare_by").set_value("gwonyeok").run()
    assert not app.exception and not notices_shown(app)
    assert written_state(app, compare) == (
        {**COMPARE_STATES[0], "unit": "gwonyeok", "regions": ["수도권", "충청권", "동남권"]}, [])


@pytest.mark.parametrize("page, pin", [("app_pages/1_지도.py", "map_pin"),
                                       ("app_pages/2_추이.py", "trend_pin"),
                                       ("app_pages/3_비교.py", "ranked_pin")])
def test_a_pinned_view_links_back_to_its_state(store, catalog, page, pin):
    """Pinning adds the view's link (page + state) to the deck in the URL; the page keeps
    its own parameters, and the link reads back as the same state."""
    schema, wanted, page_id = {
        "map_pin": (map_schema(store, catalog), MAP_STATES[0], "map"),
        "trend_pin": (trends_schema(store, catalog), TREND_STATES[1], "trends"),
        "ranked_pin": (compare_schema(store, catalog), COMPARE_STATES[1], "compare")}[pin]
    app = open_link(page, link(page_id, schema, wanted, "en"))
    app.button(key=pin).click().run()
    assert not app.exception, app.exception
    assert written_state(app, schema) == (wanted, [])           # the page's own state stays
    pins = app.query_params["pin"]
    pins = pins if isinstance(pins, list) else [pins]
    assert len(pins) == 1 and pins == app.session_state["deck_pins"]
    parsed = parse_pin(pins[0])
    assert parsed[0] == page_id and "lang" not in parsed[1]
    assert read_state(schema, parsed[1]) == (wanted, [])
    app.button(key=pin).click().run()
    assert app.session_state["deck_pins"] == pins, "the same view is pinned once"
    assert "이미" in app.toast[-1].value or "Already" in app.toast[-1].value


def test_home_links_unfilled_panels_to_the_import_page_and_pins_panels():
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.query_params["lang"] = "en"
    app.run()
    assert not app.exception, app.exception
    links = app.get("page_link")
    assert links and all(link.proto.page == "데이터" and link.proto.query_string == "lang=en"
                         for link in links)
    assert not any("planned" in c.value for c in app.caption)
    assert [b.label for b in app.get("download_button")] == ["Gap scorecard one-pager PNG"]
    app.button(key="scorecard_pin_grdp").click().run()
    assert not app.exception
    assert app.session_state["deck_pins"] == ["home?panel=grdp"]
