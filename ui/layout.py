"""The sidebar and language toggle that every page shares, kept in the URL, and small
widget and URL-state helpers the pages share."""

from __future__ import annotations

import streamlit as st

from loaders import data_version
from i18n import LANGUAGES, t
from ui import deck_link
from ui.url_state import GLOBAL_PARAMS, Schema, State, encode_state, load_state, write_state

_WRITTEN = "_url_state_written_{page}"


LANGUAGE_STATE = "ui_lang"
# An emoji favicon is drawn by the browser itself; a :material: page icon would make
# Streamlit fetch the favicon from fonts.gstatic.com.
PAGE_ICON = "📊"
_CACHED_DATA_VERSION: list = [None]  # the user-data version the page caches were built on


def forget_stale_page_caches() -> None:
    """Pages cache views with st.cache_data; an import, rollback or command-line refresh
    (in any process) changes the data version, and then every cached view is dropped."""
    version = data_version()
    if _CACHED_DATA_VERSION[0] not in (None, version):
        st.cache_data.clear()
    _CACHED_DATA_VERSION[0] = version


def current_language() -> str:
    """Language from the URL (?lang=en), else the one this session chose on another page,
    else Korean; unknown values fall back. Page switches drop the query, not the session."""
    lang = st.query_params.get("lang") or st.session_state.get(LANGUAGE_STATE, "ko")
    return lang if lang in LANGUAGES else "ko"


def page_setup(title_key: str) -> str:
    """Page config, the shared language toggle, and the page title; returns the language."""
    lang = current_language()
    st.set_page_config(page_title=t(title_key, lang), page_icon=PAGE_ICON, layout="wide")
    forget_stale_page_caches()
    choice = st.sidebar.radio(
        t("language", lang), LANGUAGES, index=LANGUAGES.index(lang), horizontal=True,
        format_func=lambda code: {"ko": "한국어", "en": "English"}[code], key="lang_toggle")
    st.session_state[LANGUAGE_STATE] = choice
    st.query_params["lang"] = choice
    if choice != lang:
        st.rerun()
    deck_link.deck()   # the briefing deck stays in the URL of every page
    return choice


def keep_valid(key: str, options, default) -> None:
    """Give a widget its default, or a valid value again when its remembered one is no
    longer offered (another indicator or year was picked, the URL named something
    unknown, or the widget was hidden on the last run and Streamlit dropped its value).

    Call just before the widget, which then takes no index=/value=/default= argument.
    With a list default (a multiselect) every remembered item must still be offered; an
    empty selection is kept, so the page can say what it shows instead.
    """
    value = st.session_state.get(key)
    if isinstance(default, list | tuple):
        valid = isinstance(value, list | tuple) and all(item in options for item in value)
    else:
        valid = value in options
    if not valid:
        st.session_state[key] = list(default) if isinstance(default, list) else default


def measure_radio(key: str, order, offered: dict, lang: str) -> str | None:
    """A radio of the measures that make sense for the indicator, with the reason each other
    measure is not offered; None when no measure applies."""
    measures = [m for m in order if offered[m].available]
    measure = None
    if measures:
        keep_valid(key, measures, measures[0])
        measure = st.radio(t("select_measure", lang), measures, key=key, horizontal=True,
                           format_func=lambda m: t(f"measure_{m}", lang))
    refused = [f"{t(f'measure_{m}', lang)}: {a.reason_en if lang == 'en' else a.reason_ko}"
               for m, a in offered.items() if not a.available]
    if refused:
        st.caption(t("measures_unavailable", lang) + " · ".join(refused))
    return measure


def load_page_state(schema: Schema, page: str, lang: str) -> State:
    """ui.url_state.load_state, except when the URL is exactly what this page wrote on its
    previous run (a widget changed, nothing else did): then the state is the one written,
    which reading it back would only confirm (tests/test_page_links.py), and the rerun
    skips validating every field against the data (10–25 ms)."""
    written = st.session_state.get(_WRITTEN.format(page=page))
    current = {name: st.query_params.get(name) for name in st.query_params
               if name not in GLOBAL_PARAMS}
    if written is not None and written[0] == current:
        return dict(written[1])
    return load_state(schema, lang)


def write_page_state(schema: Schema, state: State, page: str) -> None:
    """ui.url_state.write_state, remembering what was written for load_page_state."""
    write_state(schema, state)
    st.session_state[_WRITTEN.format(page=page)] = (encode_state(schema, state), dict(state))
