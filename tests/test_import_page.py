"""AppTest of the import page: it runs, confirms a previewed upload, lists versions and
rolls back; text from a file is never rendered as markdown or HTML.

AppTest cannot drive st.file_uploader, so the tests put the preview that the uploader's
callback would have made (preview_upload on the file's bytes) into session state.
"""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import loaders
from conftest import RAW, ROOT
from visible_text import html_tables
from loaders import InputError, preview_upload, user_store

PAGE = str(ROOT / "app_pages" / "4_데이터.py")
HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def user_dir(user_dir, monkeypatch):
    """The fresh user data area; pages' st.cache_data is cleared as the import page does,
    so no test sees another test's data (AppTest runs share one process)."""
    monkeypatch.setenv("DASHBOARD_MODE", "personal")  # AppTest has no real client address
    st.cache_data.clear()
    yield user_dir
    st.cache_data.clear()


def page(lang: str = "ko", **state) -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=60)
    app.query_params["lang"] = lang
    for key, value in state.items():
        app.session_state[key] = value
    return app.run()


def labour_preview():
    name = "kosis_labour_force_sido_download_20250626.xlsx"
    return preview_upload((RAW / name).read_bytes(), name)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_page_runs_and_lists_the_bundled_catalog(user_dir, lang):
    app = page(lang)
    assert not app.exception
    title = {"ko": "내 데이터 가져오기와 갱신", "en": "Bring your own data"}[lang]
    assert app.title[0].value == title
    bundled = app.dataframe[-1].value
    assert len(bundled) == len(loaders.load_catalog())
    grdp = bundled[bundled.iloc[:, 0] == "grdp_nominal"].iloc[0]
    assert "1985–2023" in grdp.tolist() and "101/DT_1C81" in grdp.tolist()
    assert any("no imported data" in i.value.lower() or "가져온 자료가 없" in i.value
               for i in app.info)


def test_preview_then_confirm_stores_a_version(user_dir):
    app = page(import_preview=labour_preview())
    assert not app.exception
    assert app.selectbox(key="import_series").value == "15세이상인구 (천명)"
    app.selectbox(key="import_series").set_value("취업자 (천명)").run()
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["일치한 지역"] == "18" and metrics["연도 (25)"] == "2000–2024"
    app.text_input(key="import_id").set_value("page_employed")
    app.text_input(key="import_name_ko").set_value("취업자(가져옴)")
    app.text_input(key="import_name_en").set_value("Employed (imported)")
    app.text_input(key="import_unit").set_value("천명")
    app.checkbox(key="import_additive").check()
    app.button[0].click().run()
    assert not app.exception
    assert any("page_employed v1" in s.value for s in app.success)
    assert user_store.read_manifest("page_employed").current == 1
    store = loaders.load_indicators()
    assert (store["indicator"] == "page_employed").sum() == 18 * 25 - 17  # 세종 from 2017
    assert "page_employed" in app.dataframe[-1].value.iloc[:, 0].tolist()


def test_store_errors_are_shown_and_nothing_is_written(user_dir):
    app = page(import_preview=labour_preview())
    app.text_input(key="import_id").set_value("grdp_nominal")
    app.text_input(key="import_name_en").set_value("clash")
    app.button[0].click().run()
    assert not app.exception
    assert app.error[0].value == "저장하지 못했습니다. 이전 자료는 그대로입니다."
    assert "is a bundled indicator" in app.text[-1].value
    assert not user_dir.exists()


def test_versions_are_listed_and_rollback_works(user_dir):
    preview = labour_preview()
    for key in ("취업자 (천명)", "실업자 (천명)"):
        loaders.confirm_new(preview, key, "two_versions", name_ko="둘", name_en="two",
                            unit="천명", additive=True, theme="labour", author="tester")
    app = page("en")
    versions = app.dataframe[0].value
    assert versions["Version"].tolist() == ["v2", "v1"]
    assert versions["Current"].tolist() == [True, False]
    app.button(key="rollback_button").click().run()
    assert not app.exception
    assert any("two_versions now shows v1" in s.value for s in app.success)
    assert user_store.read_manifest("two_versions").current == 1
    assert app.dataframe[0].value["Current"].tolist() == [False, True]


def test_text_from_files_is_never_rendered(user_dir):
    text = (f"region,year,value,item\n서울,2022,1,{HOSTILE}\n{HOSTILE},2022,2,{HOSTILE}\n"
            f"부산,2022,3,{HOSTILE}\n").encode()
    preview = preview_upload(text, "**bold**<b>.csv")
    app = page(import_preview=preview)
    assert not app.exception
    assert app.selectbox(key="import_series").value == HOSTILE
    assert HOSTILE in app.dataframe[1].value.iloc[:, 1].tolist()  # unmatched, shown as data
    rendered = [e.value for e in (*app.markdown, *app.caption, *app.success, *app.error)]
    assert not any("<img" in value or "**bold**" in value for value in rendered)
    assert any("**bold**<b>.csv" in t.value for t in app.text)


def test_upload_errors_are_shown_as_plain_text_in_the_pages_language(user_dir):
    error = InputError("binary_data", file=f"{HOSTILE}.csv")
    app = page(import_upload_error=error)
    assert app.error[0].value == "파일을 읽지 못했습니다. 저장된 것은 없습니다."
    assert app.text[0].value == (f"파일 {HOSTILE}.csv: 이진 데이터입니다. CSV 텍스트나 XLSX "
                                 "통합문서가 아닙니다.")
    app = page("en", import_upload_error=error)
    assert app.text[0].value == f"file {HOSTILE}.csv: binary data, not a CSV text or XLSX workbook"


ALL_PAGES = ["app.py"] + sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app_pages").glob("*.py"))


@pytest.fixture
def imported_everything(user_dir):
    """A full imported series, a rate, a two-region series and an update of bundled GRDP."""
    labour = labour_preview()
    loaders.confirm_new(labour, "취업자 (천명)", "imp_employed", name_ko="취업자(가져옴)",
                        name_en="Employed (imported)", unit="천명", additive=True, theme="labour", author="tester")
    loaders.confirm_new(labour, "고용률 (%)", "imp_rate", name_ko="고용률(가져옴)",
                        name_en="Rate (imported)", unit="%", additive=False, theme="labour",
                        author="tester")
    partial = preview_upload("region,year,value\n서울,2022,1\n부산,2022,2\n".encode(), "p.csv")
    loaders.confirm_new(partial, "p", "imp_partial", name_ko="두 시도만", name_en="Two regions",
                        unit="개", additive=True, theme="firms", author="tester")
    name = "kosis_grdp_sido_2015base_download_20240315.csv"
    grdp = preview_upload((RAW / name).read_bytes(), name)
    loaders.confirm_update(grdp, "지역내총생산(시장가격) · 명목", "grdp_nominal", author="tester")
    for series in user_store.manifests():  # stored without the gate: settle them here, so
        user_store.record_gate(series.indicator, series.current, True, "", "tester")
    loaders.clear_caches()                 # each page run shows the pages, not the gate
    return user_dir


@pytest.mark.parametrize("path", ALL_PAGES)
def test_every_page_runs_with_imported_series(imported_everything, path):
    app = AppTest.from_file(str(ROOT / path), default_timeout=120).run()
    assert not app.exception, app.exception
    if path == "app.py":
        shown = {name for table in html_tables(app) for name in table.iloc[:, 0]}
        assert {"취업자(가져옴)", "고용률(가져옴)", "두 시도만"} <= shown
