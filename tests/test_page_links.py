"""A shared link reproduces each page's view: build a URL from a state, open it with
AppTest, and read the same state back from the URL the page writes."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from ui.page_schemas import map_schema
from ui.url_state import read_state, share_url

MAP_STATES = [
    {"indicator": "population_15_64", "level": "sido", "dissolve": "none", "year": 2015,
     "measure": "share", "base": None, "diverging": False, "reference": "national",
     "scheme": "natural_breaks", "k": 4, "breaks": [], "fixed": True,
     "layers": ["crisis_support_center"], "region": "41"},
    {"indicator": "grdp_nominal", "level": "sido", "dissolve": "gwonyeok", "year": 2020,
     "measure": "growth", "base": 2015, "diverging": True, "reference": "capital",
     "scheme": "equal_interval", "k": 5, "breaks": [], "fixed": False, "layers": [],
     "region": None},
]


def open_link(page: str, url: str) -> AppTest:
    app = AppTest.from_file(str(ROOT / page), default_timeout=120)
    for name, values in parse_qs(urlsplit(url).query).items():
        app.query_params[name] = values[-1]
    return app.run()


@pytest.mark.parametrize("wanted", MAP_STATES)
def test_map_link_round_trips(store, catalog, wanted):
    schema = map_schema(store, catalog)
    url = share_url("http://localhost:8501/지도", schema, wanted, "en")
    app = open_link("pages/1_지도.py", url)
    assert not app.exception, app.exception
    written = {k: app.query_params[k] for k in app.query_params if k != "lang"}
    state, notices = read_state(schema, {k: v[-1] if isinstance(v, list) else v
                                         for k, v in written.items()})
    assert notices == [] and state == wanted
    assert app.query_params["lang"] in ("en", ["en"])


def test_map_link_with_junk_falls_back_with_a_notice(store, catalog):
    app = open_link("pages/1_지도.py", "http://x/지도?indicator=nonsense&year=abc")
    assert not app.exception
    assert any("nonsense" in c.value for c in app.caption) or any(
        "nonsense" in w.value for w in app.warning)
