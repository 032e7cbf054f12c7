"""A user version of an indicator is labelled wherever its values appear — captions,
tooltips, tables, every export and slide — as '사용자 갱신 v1 · file · date' (imports:
'사용자 가져오기 …'), and a viewer gets the bundled series back with one toggle."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
import streamlit as st
from pptx import Presentation
from streamlit.testing.v1 import AppTest

import loaders
from analysis.compare import ranked, regional_cross_section
from analysis.overview import capital_overview
from analysis.scorecard import PANELS, build_panel
from analysis.trends import trend, within
from charts.compare import comparison_table, ranked_chart
from charts.map_view import MapOptions, build_view
from charts.overview_tables import additive_table
from charts.scorecard import source_lines
from charts.sources import publisher_line, source_caption
from charts.trends import chart_data, trend_chart
from conftest import RAW, ROOT, walk
from visible_text import html_tables
from exports.chart_images import export_spec
from exports.data_export import (csv_bytes, definitions_table, full_series, map_table,
                                 trend_table, xlsx_bytes)
from exports.deck import PinnedView, build_deck
from exports.map_html import standalone_map_html
from charts.maps import build_map, choropleth_geojson, region_geometries
from i18n import t
from loaders import preview_upload, user_store

FILE = "kosis_grdp_sido_2015base_download_20240315.csv"
PAGES = {"app.py": "홈", "app_pages/1_지도.py": "지도", "app_pages/2_추이.py": "추이",
         "app_pages/3_비교.py": "비교"}


@pytest.fixture
def updated(tmp_path, monkeypatch):
    """grdp_nominal updated from a real KOSIS download (the 2015 base-year 2022 values),
    and an imported series whose user typed an official-sounding publisher."""
    monkeypatch.setenv(user_store.ENV_VAR, str(tmp_path / "user_data"))
    monkeypatch.setenv("DASHBOARD_MODE", "personal")
    loaders.clear_caches()
    st.cache_data.clear()
    preview = preview_upload((RAW / FILE).read_bytes(), FILE)
    loaders.confirm_update(preview, "지역내총생산(시장가격) · 명목", "grdp_nominal",
                           author="tester")
    tidy = preview_upload("region,year,value\n서울,2022,5\n부산,2022,3\n".encode(), "mine.csv")
    loaders.confirm_new(tidy, "mine", "mine_firms", name_ko="내 기업", name_en="My firms",
                        unit="개", additive=True, theme="firms", publisher_ko="통계청",
                        publisher_en="Statistics Korea", author="tester")
    for series in user_store.manifests():
        user_store.record_gate(series.indicator, series.current, True, "", "tester")
    loaders.clear_caches()
    date = user_store.read_manifest("grdp_nominal").current_version.imported_at[:10]
    yield {"ko": f"사용자 갱신 v1 · {FILE} · {date}", "en": f"User update v1 · {FILE} · {date}",
           "import_ko": f"사용자 가져오기 v1 · mine.csv · {date}"}
    loaders.clear_caches()
    st.cache_data.clear()


def test_catalog_source_lines_and_rows_name_the_version(updated):
    catalog = loaders.load_catalog()
    for lang in ("ko", "en"):
        line = publisher_line(catalog.loc["grdp_nominal"], lang)
        assert line.startswith(f"[{updated[lang]}] ")
        assert "DT_1C81" in line  # the publisher stays, after the label
        assert updated[lang] in source_caption(catalog.loc["grdp_nominal"], lang)
    assert publisher_line(catalog.loc["mine_firms"], "ko") == f"[{updated['import_ko']}] 통계청"
    assert "[" not in publisher_line(catalog.loc["population_total"], "ko")  # bundled
    store = loaders.load_indicators()
    user_rows = store[(store.indicator == "grdp_nominal") & (store.year == 2022)]
    assert user_rows["source"].str.startswith(updated["ko"]).all()
    bundled_rows = store[(store.indicator == "grdp_nominal") & (store.year == 2021)]
    assert not bundled_rows["source"].str.contains("사용자").any()


def lines(text) -> str:
    """A chart's title or subtitle as read: its wrapped lines joined by spaces."""
    return " ".join(text) if isinstance(text, list) else str(text)


def test_builders_and_exports_carry_the_label(updated):
    store, catalog = loaders.load_indicators(), loaders.load_catalog()
    label = updated["ko"]
    options = MapOptions("grdp_nominal", 2022)
    view = build_view(store, catalog, loaders.load_regions("sido"), options, "ko")
    assert label in view.source and label in view.regions["tooltip"].iloc[0]
    publishers = map_table(view, options, catalog, "ko")[t("xcol_publisher", "ko")]
    assert publishers.str.startswith(f"[{label}] ").all()
    geojson = choropleth_geojson(view.regions, region_geometries("sido"))
    html = standalone_map_html(build_map(geojson), view.title, view.legend, view.source)
    assert label in html

    series = within(trend(store, catalog, "grdp_nominal", "level", "groups", None, None),
                    (2015, 2022))
    spec = trend_chart(series, catalog.loc["grdp_nominal"], "ko").to_dict()
    assert label in " ".join(lines(node["subtitle"]) for node in walk(spec) if "subtitle" in node)
    data = chart_data(series, catalog.loc["grdp_nominal"], "ko")
    assert data.loc[data["year"] == 2022, "source"].str.contains(label).any()  # tooltips
    assert label in csv_bytes(trend_table(series, catalog.loc["grdp_nominal"], "ko")).decode(
        "utf-8-sig")
    exported = export_spec(spec, "en", source=publisher_line(catalog.loc["grdp_nominal"], "en"))
    assert updated["en"] in str(exported["title"])

    result = ranked(store, catalog, "grdp_nominal", 2022, "level")
    title = ranked_chart(result, catalog.loc["grdp_nominal"], "level", 2022, "ko").to_dict()["title"]
    assert label in lines(title["subtitle"])
    table = comparison_table(regional_cross_section(store, catalog, 2022), ["11", "26"],
                             catalog, "ko")
    assert table.apply(lambda column: column.astype(str).str.contains(label, regex=False)).any().any()
    overview = additive_table(capital_overview(store, catalog), catalog, "ko")
    assert overview.astype(str).apply(lambda c: c.str.contains(label, regex=False)).any().any()

    panel = build_panel(store, catalog, next(p for p in PANELS if p.key == "grdp"))
    assert panel.publisher_ko.startswith(f"[{label}]")  # the panel's and the sheet's lines
    assert panel.publisher_en.startswith(f"[{updated['en']}]")
    assert "".join(source_lines(panel, "ko")).replace(" ", "").count(label.replace(" ", ""))

    full = full_series(store, catalog, ["grdp_nominal"], "ko")
    assert label in csv_bytes(full).decode("utf-8-sig")
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(
        full, definitions_table(catalog, ["grdp_nominal"], "ko"))))
    cells = " ".join(str(c.value) for sheet in workbook for row in sheet.iter_rows()
                     for c in row if c.value is not None)
    assert cells.count(label) > 1  # the data sheet's provenance and the definitions sheet


def test_slides_carry_the_label(updated):
    catalog = loaders.load_catalog()
    line = publisher_line(catalog.loc["grdp_nominal"], "ko")
    deck = build_deck([PinnedView("chart", "GRDP", "key", line, _tiny_png(), "")], "ko",
                      date(2026, 12, 2))
    text = " ".join(shape.text_frame.text for slide in Presentation(io.BytesIO(deck)).slides
                    for shape in slide.shapes if shape.has_text_frame)
    assert updated["ko"] in text


def _tiny_png() -> bytes:
    from PIL import Image
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def _shown_text(app) -> str:
    parts = [e.value for e in (*app.caption, *app.markdown, *app.text)]
    parts += [table.value.to_csv() for table in app.dataframe]
    parts += [table.to_csv() for table in html_tables(app)]
    return " ".join(str(part) for part in parts)


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("path", sorted(PAGES))
def test_every_page_shows_the_label(updated, path, lang):
    app = AppTest.from_file(str(ROOT / path), default_timeout=180)
    app.query_params["lang"] = lang
    if path == "app_pages/3_비교.py":
        app.session_state["compare_year"] = 2022
    if path == "app_pages/1_지도.py":
        app.session_state["map_year"] = 2022
    app.run()
    assert not app.exception, app.exception
    assert updated[lang] in _shown_text(app)


def test_one_toggle_shows_the_bundled_series_again(updated):
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()
    app.switch_page("app_pages/2_추이.py").run()
    assert updated["ko"] in _shown_text(app)
    app.sidebar.toggle(key="bundled_only_toggle").set_value(True).run()
    assert not app.exception
    assert "사용자 갱신" not in _shown_text(app)
    assert any("사용자 자료를 숨겼습니다" in c.value for c in app.sidebar.caption)
    app.switch_page("app_pages/3_비교.py").run()  # the choice follows the session
    assert app.sidebar.toggle(key="bundled_only_toggle").value is True
    assert "사용자 갱신" not in _shown_text(app)
    loaders.show_user_data(True)  # AppTest runs in this thread: leave the default behind
