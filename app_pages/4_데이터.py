"""Import page: upload a KOSIS, MOIS or tidy file, check the preview, confirm, roll back;
who may change the shared store, what changed, and what was quarantined.

Thin by design: parsing, checks and storage live in loaders (importing, user_store), the
validation gate in ui.validation_gate, roles in ui.access. Text that comes from a file is
only ever shown through st.dataframe, st.text or widget values, never as markdown or HTML.
"""

import pandas as pd
import streamlit as st

from loaders import (MAX_UPLOAD_MB, THEMES, InputError, catalog_overview, clear_caches,
                     confirm_new, confirm_update, load_bundled_catalog, load_catalog,
                     load_indicators, preview_isolated, quarantined, rollback,
                     store_changes, store_snapshot, user_series, versions_table)
from i18n import counted, t
from i18n.safe_text import md
from ui import validation_gate
from ui.access import Editor, sign_in_panel
from ui.layout import page_setup, uploader_chrome
from ui.links import copy_link

PREVIEW, UPLOAD_ERROR, MESSAGE = "import_preview", "import_upload_error", "import_message"


def read_upload() -> None:
    """Runs when the uploaded file changes: parse it once and keep the preview."""
    st.session_state.pop(PREVIEW, None)
    st.session_state.pop(UPLOAD_ERROR, None)
    upload = st.session_state.get("import_upload")
    if upload is None:
        return
    try:
        st.session_state[PREVIEW] = preview_isolated(upload.getvalue(), upload.name)
    except InputError as error:
        st.session_state[UPLOAD_ERROR] = error


def after_change(message: str) -> None:
    """New data is visible everywhere: drop every cache, then rerun with the message."""
    clear_caches()
    st.cache_data.clear()
    st.session_state[MESSAGE] = message
    st.rerun()


def show_failure(headline: str, error: InputError, lang: str) -> None:
    st.error(headline)
    st.text(error.text(lang))


def show_gate_failure(error: validation_gate.GateError, lang: str) -> None:
    """What the validation gate refused: each view that cannot be computed, and why."""
    st.error(t("gate_failed", lang).format(count=len(error.failures)))
    st.dataframe(pd.DataFrame([(t(f.page, lang), f.view, f.error) for f in error.failures],
                              columns=[t("col_page", lang), t("col_view", lang),
                                       t("col_error", lang)]),
                 hide_index=True, width="stretch", height=240)


def show_preview(preview, lang: str) -> str:
    st.subheader(t("preview_heading", lang))
    st.text(f"{preview.file_name} · {t('file_size', lang).format(size=preview.size)} · SHA-256 {preview.sha256[:16]}… · "
            f"{t('layout', lang)}: {t(f'layout_{preview.layout}', lang)} · "
            f"{t('series_count', lang)}: {len(preview.series)}")
    keys = [series.key for series in preview.series]
    key = st.selectbox(t("series_label", lang), keys, key="import_series")
    years = preview.years(key)
    matched = preview.matched_regions(key)
    columns = st.columns(3)
    columns[0].metric(t("regions_matched", lang), len(matched))
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    columns[1].metric(f"{t('years', lang)} ({len(years)})", span)
    columns[2].metric(t("unit_in_file", lang),
                      preview.series_unit(key) or t("unit_unknown", lang))
    st.markdown(f"**{t('matched_heading', lang)}**")
    st.dataframe(matched[["region_label", "region_code", f"name_{lang}"]].rename(columns={
        "region_label": t("col_label", lang), "region_code": t("col_code", lang),
        f"name_{lang}": t("col_region_name", lang)}), hide_index=True, width="stretch")
    for heading, table in (("unmatched_heading", preview.unmatched),
                           ("unused_heading", preview.unused)):
        st.markdown(f"**{t(heading, lang)}** ({len(table):,})")
        if table.empty:
            st.caption(t("none", lang))
        else:
            table = table.assign(reason=[t(reason, lang) for reason in table["reason"]])
            st.dataframe(table.rename(columns={
                "source_row": t("col_row", lang), "region_label": t("col_label", lang),
                "series": t("col_series", lang), "year": t("col_year", lang),
                "reason": t("col_why", lang)}), hide_index=True, width="stretch", height=220)
    for note in preview.notes:
        st.warning(f"{t('notes_heading', lang)}: {md(note.text(lang))}")
    return key


def confirm_form(preview, key: str, editor: Editor, lang: str) -> None:
    st.subheader(t("confirm_heading", lang))
    mode = st.radio(t("mode", lang), ["new", "update"], horizontal=True, key="import_mode",
                    format_func=lambda m: t(f"mode_{m}", lang))
    bundled = load_bundled_catalog()
    # Not an st.form: a form sends its entries only when submitted, so a language switch
    # (or any other rerun) would drop what was typed or picked in it.
    with st.container(border=True):
        if mode == "new":
            indicator = st.text_input(t("indicator_id", lang), key="import_id")
            name_ko = st.text_input(t("name_ko", lang), value=key, key="import_name_ko")
            name_en = st.text_input(t("name_en", lang), key="import_name_en")
            unit = st.text_input(t("unit", lang), value=preview.series_unit(key) or "",
                                 key="import_unit")
            additive = st.checkbox(t("additive", lang), key="import_additive")
            theme = st.selectbox(t("theme", lang), list(THEMES), key="import_theme",
                                 format_func=lambda th: THEMES[th][0 if lang == "ko" else 1])
            publisher = st.text_input(t("publisher", lang), key="import_publisher")
        else:
            indicator = st.selectbox(t("bundled_indicator", lang), list(bundled.index),
                                     key="import_bundled",
                                     format_func=lambda i: f"{bundled.loc[i, f'name_{lang}']} "
                                                           f"({i}, {bundled.loc[i, f'unit_{lang}']})")
        submitted = st.button(t("store_button", lang), key="import_store")
    if not submitted:
        return
    try:
        with st.spinner(t("gate_running", lang)):
            if mode == "new":
                version = confirm_new(preview, key, indicator.strip(), name_ko=name_ko,
                                      name_en=name_en, unit=unit, additive=additive,
                                      theme=theme, publisher_ko=publisher,
                                      publisher_en=publisher, author=editor.author,
                                      check=validation_gate.check)
            else:
                version = confirm_update(preview, key, indicator, author=editor.author,
                                         check=validation_gate.check)
    except validation_gate.GateError as error:
        show_gate_failure(error, lang)
        return
    except InputError as error:
        show_failure(t("store_failed", lang), error, lang)
        return
    after_change(counted("stored", version.rows, lang, indicator=md(indicator.strip()),
                         version=version.number))


def versions_panel(editor: Editor | None, lang: str) -> None:
    quarantine_panel(lang)
    series = user_series()
    if not series:
        st.info(t("no_user_data", lang))
        return
    table = versions_table(series)
    table = table.assign(kind=[t(f"kind_{kind}", lang) for kind in table["kind"]],
                         origin=[t(f"origin_{origin}", lang) for origin in table["origin"]])
    st.dataframe(table.rename(columns={
        "indicator": t("col_id", lang), "kind": t("col_kind", lang),
        "version": t("col_version", lang), "current": t("col_current", lang),
        "source_file": t("col_file", lang), "imported_at": t("col_imported_at", lang),
        "rows": t("col_rows", lang), "origin": t("col_origin", lang),
        "sha256": t("col_checksum", lang)}), hide_index=True, width="stretch")
    if editor is None:
        st.caption(t("access_viewer_rollback", lang))
        return
    chosen = st.selectbox(t("series_select", lang), [m.indicator for m in series],
                          key="rollback_choice")
    if st.button(t("rollback_button", lang), key="rollback_button"):
        try:
            manifest = rollback(chosen, author=editor.author)
        except InputError as error:
            show_failure(t("rollback_failed", lang), error, lang)
            return
        current = f"v{manifest.current}" if manifest.current else t("bundled_only", lang)
        after_change(t("rolled_back", lang).format(indicator=md(chosen), current=current))


def quarantine_panel(lang: str) -> None:
    """Series left out of every page because they cannot be read, and why."""
    left_out = quarantined()
    if not left_out:
        return
    st.warning(t("quarantine_heading", lang).format(count=len(left_out)))
    st.dataframe(pd.DataFrame([
        (q.indicator, f"v{q.version}" if q.version else "", t(f"quarantine_{q.reason}", lang),
         q.detail) for q in left_out],
        columns=[t("col_id", lang), t("col_version", lang), t("col_why", lang),
                 t("col_detail", lang)]), hide_index=True, width="stretch")


def changes_panel(lang: str) -> None:
    """Every change to the store: who, when, what, from which file."""
    log = store_changes()
    if not log:
        st.info(t("no_changes", lang))
        return
    st.dataframe(pd.DataFrame([
        (c.at[:19].replace("T", " "), c.author, t(f"action_{c.action}", lang), c.indicator,
         f"v{c.version}" if c.version else "", c.source_file, c.sha256[:12], c.detail)
        for c in log], columns=[
        t("col_imported_at", lang), t("col_author", lang), t("col_action", lang),
        t("col_id", lang), t("col_version", lang), t("col_file", lang),
        t("col_checksum", lang), t("col_detail", lang)]), hide_index=True, width="stretch")


lang = page_setup("import_title")
st.title(t("import_heading", lang))
st.write(t("import_intro", lang))
editor = sign_in_panel(lang)
if store_snapshot().error:
    st.error(t("store_unreadable", lang))
if message := st.session_state.pop(MESSAGE, None):
    st.success(message)

upload_tab, versions_tab, changes_tab, bundled_tab = st.tabs(
    [t("tab_upload", lang), t("tab_versions", lang), t("tab_changes", lang),
     t("tab_bundled", lang)])
with upload_tab:
    if editor is None:
        st.info(t("access_viewer_upload", lang))
    else:
        uploader_chrome(lang, MAX_UPLOAD_MB, ["csv", "xlsx"])
        st.file_uploader(t("upload_label", lang), type=["csv", "xlsx"], key="import_upload",
                         on_change=read_upload, max_upload_size=MAX_UPLOAD_MB,
                         help=t("upload_help", lang).format(mb=MAX_UPLOAD_MB))
        if UPLOAD_ERROR in st.session_state:
            show_failure(t("upload_failed", lang), st.session_state[UPLOAD_ERROR], lang)
        if PREVIEW in st.session_state:
            preview = st.session_state[PREVIEW]
            confirm_form(preview, show_preview(preview, lang), editor, lang)
with versions_tab:
    versions_panel(editor, lang)
with changes_tab:
    changes_panel(lang)
with bundled_tab:
    overview = catalog_overview(load_indicators(), load_catalog(), lang)
    overview["kind"] = [t(f"kind_{kind}", lang) for kind in overview["kind"]]
    st.dataframe(overview.rename(columns={
        "indicator": t("col_id", lang), "name": t("col_indicator", lang),
        "kind": t("col_kind", lang), "unit": t("col_unit", lang),
        "coverage": t("col_coverage", lang), "source": t("col_source", lang),
        "kosis": t("col_kosis", lang)}), hide_index=True, width="stretch")
    st.caption(t("refresh_hint", lang))
st.divider()
copy_link("import", {}, lang)
