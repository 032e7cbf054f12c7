"""The sidebar and language toggle that every page shares, kept in the URL, and small
widget and URL-state helpers the pages share."""

from __future__ import annotations

import functools
import inspect

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.state.common import user_key_from_element_id

from loaders import data_version, show_user_data, showing_user_data, store_snapshot
from i18n import LANGUAGE_NAMES, LANGUAGES, t
from ui import deck_link
from ui.process_heap import freeze_long_lived_objects
from ui.url_state import GLOBAL_PARAMS, Schema, State, encode_state, load_state, write_state

_WRITTEN = "_url_state_written_{page}"


LANGUAGE_STATE = "ui_lang"   # the language of the last run
TOGGLE_KEY = "lang_toggle"
BUNDLED_ONLY_STATE = "ui_bundled_only"  # the viewer chose to hide every user series
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


def view_cache(**options):
    """st.cache_data for page views whose key also says whether the session shows user
    series, so a viewer who switched to the bundled data never gets a view cached for
    one who did not (and the other way round)."""
    def decorate(function):
        def keyed(with_user_data: bool, *args, **kwargs):
            return function(*args, **kwargs)
        keyed.__module__, keyed.__qualname__ = function.__module__, function.__qualname__
        keyed.__wrapped__ = function  # the cache key hashes the page function's source
        keyed.__signature__ = inspect.signature(keyed, follow_wrapped=False)
        cached = st.cache_data(**options)(keyed)

        @functools.wraps(function)
        def call(*args, **kwargs):
            return cached(showing_user_data(), *args, **kwargs)
        call.clear = cached.clear
        return call
    return decorate


def settle_pending_versions() -> None:
    """Versions stored without the validation gate (command-line refresh, migrated
    parquet store) are checked before any page reads them; failures are quarantined."""
    if store_snapshot().pending():
        from ui.validation_gate import check_pending  # the gate imports every builder
        check_pending()


def user_data_toggle(lang: str) -> None:
    """One click back to the bundled data: hides every user update and import for this
    session (kept across pages), shown only while the store holds user series."""
    bundled_only = bool(st.session_state.get(BUNDLED_ONLY_STATE, False))
    if store_snapshot().usable():
        bundled_only = st.sidebar.toggle(t("bundled_only_toggle", lang), value=bundled_only,
                                         key="bundled_only_toggle",
                                         help=t("bundled_only_help", lang))
        st.session_state[BUNDLED_ONLY_STATE] = bundled_only
        if bundled_only:
            st.sidebar.caption(t("bundled_only_on", lang))
    show_user_data(not bundled_only)


def current_language() -> str:
    """The language of this run: the toggle's, when the person has just switched it (its
    value differs from the language of the last run); else the URL's (?lang=en); else
    the one this session chose on another page (page switches drop the query, not the
    session); else Korean. Unknown values fall back."""
    previous = st.session_state.get(LANGUAGE_STATE)
    toggled = st.session_state.get(TOGGLE_KEY)
    if previous is not None and toggled in LANGUAGES and toggled != previous:
        return toggled
    lang = st.query_params.get("lang") or previous or "ko"
    return lang if lang in LANGUAGES else "ko"


# Widget values that travel between browser and server as text: the labels of radios,
# selectboxes, multiselects and select sliders (and typed text, which keeps as it is).
_TEXT_VALUES = ("string_value", "string_array_value")


def _label_valued_widget_keys() -> list[str]:
    """Keys of the widgets whose value the browser just sent back as text."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return []
    return [key for state in ctx.session_state.get_widget_states()
            if state.WhichOneof("value") in _TEXT_VALUES
            and (key := user_key_from_element_id(state.id)) not in (None, TOGGLE_KEY)]


def keep_choices_across_languages() -> None:
    """Call on the run whose language differs from the last run's, before any widget.

    Streamlit 1.67 keeps (and the browser sends back) the value of a radio, selectbox,
    multiselect or select_slider as its *label*, format_func's text, while a keyed
    widget's identity ignores its labels. After a switch the old-language label names
    no option: radios show nothing checked, selectboxes keep the old text, lists break,
    and the pages' keep_valid resets them. Read back now, each value is still decoded
    with the last run's labels; writing it back through the Session State API makes
    each widget encode it with the new labels and tell the browser. Buttons, toggles,
    sliders and uploads do not travel as text, need no relabelling and are left alone.
    """
    for key in _label_valued_widget_keys():
        try:
            value = st.session_state[key]
        except KeyError:   # a widget of a previous server process: nothing to decode with
            continue
        st.session_state[key] = value


def page_setup(title_key: str) -> str:
    """Page config, the shared language toggle, and the page title; returns the language.
    A language switch keeps every choice on the page (keep_choices_across_languages)."""
    lang = current_language()
    previous = st.session_state.get(LANGUAGE_STATE)
    if previous is not None and previous != lang:
        keep_choices_across_languages()
    st.session_state[LANGUAGE_STATE] = lang
    if st.session_state.get(TOGGLE_KEY) != lang:
        st.session_state[TOGGLE_KEY] = lang
    st.set_page_config(page_title=t(title_key, lang), page_icon=PAGE_ICON, layout="wide")
    settle_pending_versions()
    forget_stale_page_caches()
    freeze_long_lived_objects()
    st.sidebar.radio(t("language", lang), LANGUAGES, horizontal=True, key=TOGGLE_KEY,
                     format_func=LANGUAGE_NAMES.get)
    st.query_params["lang"] = lang
    deck_link.deck()   # the briefing deck stays in the URL of every page
    user_data_toggle(lang)
    return lang


def multiselect_chrome(lang: str) -> dict:
    """Keyword arguments for every st.multiselect: its empty-box text in the language.
    Streamlit cannot word its 'Select all' action, so that action is off."""
    return {"placeholder": t("choose_options", lang), "select_all": False}


def uploader_chrome(lang: str, max_mb: int, types: list[str]) -> None:
    """Draw before an st.file_uploader: Streamlit 1.67 offers no parameter for its button
    ('Upload') or its limit line ('20MB per file • CSV, XLSX'), so CSS shows the
    catalog's words in their place (the original text stays for screen readers' labels)."""
    limit = f"{t('uploader_limit', lang).format(mb=max_mb)} • {', '.join(types).upper()}"
    replaced = {
        '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p':
            t("uploader_button", lang),
        '[data-testid="stFileUploaderDropzoneInstructions"] span': limit,
    }
    rules = "".join(
        f"{selector}{{visibility:hidden;font-size:0}}"
        f"{selector}::after{{visibility:visible;font-size:0.875rem;content:{_css_string(text)}}}"
        for selector, text in replaced.items())
    st.html(f"<style>{rules}</style>")


def _css_string(text: str) -> str:
    """A CSS string literal (content:) that cannot end the rule or the style element."""
    return '"' + "".join(ch if ch.isalnum() or ch in " .,·•:()-" else f"\\{ord(ch):x} "
                         for ch in text) + '"'


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
