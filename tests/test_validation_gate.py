"""The validation gate: a version is stored only if every page's views of the indicator,
and every page's default view, compute with it — with the builders the pages use. The
series that broke pages for everyone under the old store are refused with what fails;
a good series passes; versions stored without the gate are settled before a page shows
them."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import loaders
from conftest import RAW, ROOT, dump_store
from loaders import preview_upload, user_store
from ui import validation_gate

SIDO = ("서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북",
        "충남", "전북", "전남", "경북", "경남", "제주")


@pytest.fixture
def store_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(user_store.ENV_VAR, str(tmp_path / "user_data"))
    monkeypatch.setenv("DASHBOARD_MODE", "personal")
    loaders.clear_caches()
    st.cache_data.clear()
    yield
    loaders.clear_caches()
    st.cache_data.clear()


def all_zero(unit: str = "") -> bytes:
    column = ",unit" if unit else ""
    cell = f",{unit}" if unit else ""
    return ("region,year,value" + column + "\n"
            + "".join(f"{name},2021,0{cell}\n" for name in SIDO)).encode()


def test_an_all_zero_import_is_refused_with_the_views_that_fail(store_dir):
    preview = preview_upload(all_zero(), "zero.csv")
    before = dump_store()
    with pytest.raises(validation_gate.GateError) as caught:
        loaders.confirm_new(preview, "zero", "zero_firms", name_ko="영", name_en="zero",
                            unit="개", additive=True, theme="firms", author="tester",
                            check=validation_gate.check)
    failures = caught.value.failures
    assert {f.page for f in failures} >= {"map_page_title", "compare_page_title"}
    assert any(f.view == "2021 · regions" and f.error.startswith("ZeroDivisionError")
               for f in failures)
    assert dump_store() == before


def test_an_all_zero_update_of_grdp_is_refused(store_dir):
    preview = preview_upload(all_zero("백만원"), "zero.csv")
    with pytest.raises(validation_gate.GateError) as caught:
        loaders.confirm_update(preview, "zero", "grdp_nominal", author="tester",
                               check=validation_gate.check)
    assert any(f.page == "compare_page_title" for f in caught.value.failures)
    assert loaders.user_series() == []


def test_a_real_update_passes_and_is_stored_as_gated(store_dir):
    name = "kosis_grdp_sido_2015base_download_20240315.csv"
    preview = preview_upload((RAW / name).read_bytes(), name)
    version = loaders.confirm_update(preview, "지역내총생산(시장가격) · 명목", "grdp_nominal",
                                     author="tester", check=validation_gate.check)
    assert version.gate == "passed"
    assert user_store.read_manifest("grdp_nominal").current_version.gate == "passed"


def test_the_import_page_says_what_fails_and_stores_nothing(store_dir):
    app = AppTest.from_file(str(ROOT / "app_pages" / "4_데이터.py"), default_timeout=240)
    app.query_params["lang"] = "en"
    app.session_state["import_preview"] = preview_upload(all_zero(), "zero.csv")
    app.run()
    app.text_input(key="import_id").set_value("zero_firms")
    app.text_input(key="import_name_en").set_value("Zero")
    app.text_input(key="import_unit").set_value("개")
    app.checkbox(key="import_additive").check()  # a count: sums and shares are computed
    app.button[0].click().run()
    assert not app.exception
    assert any(e.value.startswith("Not stored:") and "view(s) cannot be computed" in e.value
               for e in app.error)
    failures = app.dataframe[-2].value  # the gate's list, above the bundled catalog
    assert list(failures.columns) == ["Page", "View", "Error"]
    assert "Compare" in " ".join(failures["Page"])  # page titles in the page's language
    assert failures["Error"].str.startswith("ZeroDivisionError").any()
    assert loaders.user_series() == []


def test_a_version_stored_without_the_gate_is_settled_before_a_page_shows_it(store_dir):
    """As the command-line refresh stores: pending until the first page run gates it."""
    preview = preview_upload(all_zero(), "zero.csv")
    loaders.confirm_new(preview, "zero", "zero_firms", name_ko="영", name_en="zero", unit="개",
                        additive=True, theme="firms", author="refresh")
    assert user_store.read_manifest("zero_firms").current_version.gate == "pending"
    app = AppTest.from_file(str(ROOT / "app_pages" / "3_비교.py"), default_timeout=240).run()
    assert not app.exception, app.exception
    loaders.clear_caches()
    [left_out] = loaders.quarantined()
    assert (left_out.indicator, left_out.reason) == ("zero_firms", "gate")
    assert left_out.detail.count("ZeroDivisionError") == 1


def test_errors_never_show_server_paths():
    error = FileNotFoundError(f"[Errno 2] No such file: '{ROOT}/geo/sido.geojson'")
    text = validation_gate.describe(error)
    assert str(ROOT) not in text and "sido.geojson" in text


def test_related_indicators_follow_components_and_denominators():
    catalog = loaders.load_bundled_catalog()
    related = validation_gate.related_indicators("population_total", catalog)
    assert "population_total" in related
    per_head = [i for i in catalog.index if catalog.loc[i, "per_capita_denominator"]
                == "population_total"]
    assert per_head and set(per_head) <= related
