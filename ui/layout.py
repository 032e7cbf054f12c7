"""The sidebar and language toggle that every page shares, kept in the URL."""

from __future__ import annotations

import streamlit as st

from ui.i18n import LANGUAGES, t


def current_language() -> str:
    """Language from the URL (?lang=en), Korean by default; unknown values fall back."""
    lang = st.query_params.get("lang", "ko")
    return lang if lang in LANGUAGES else "ko"


def page_setup(title_key: str) -> str:
    """Page config, the shared language toggle, and the page title; returns the language."""
    lang = current_language()
    st.set_page_config(page_title=t(title_key, lang), layout="wide")
    choice = st.sidebar.radio(
        t("language", lang), LANGUAGES, index=LANGUAGES.index(lang), horizontal=True,
        format_func=lambda code: {"ko": "한국어", "en": "English"}[code], key="lang_toggle")
    if choice != lang:
        st.query_params["lang"] = choice
        st.rerun()
    st.query_params["lang"] = choice
    return choice
