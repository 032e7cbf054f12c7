"""The briefing deck as a list of view links, kept in the URL of every page.

A pinned view is its page id and its URL state ('map?indicator=grdp_nominal&year=2020…');
the deck is one ``pin`` query parameter per view, in order. So a reload keeps the deck,
a copied address shares it, and any server process can rebuild its slides (ui.slides):
nothing is stored on the server. The session holds the same list so that a page switch
in the sidebar, which drops the query, loses nothing; a deck in the URL that this
session did not write (a link opened, the browser's back button) replaces it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import parse_qsl, urlencode

import streamlit as st

from ui.url_state import DECK_PARAM

PINNABLE = ("home", "map", "trends", "compare", "disparity")
MAX_PINS = 30            # slides in one deck
MAX_PIN_CHARS = 2000     # one view's link (a map view with every field is ~350)
MAX_PIN_FIELDS = 40
DECK_KEY, WRITTEN_KEY, REJECTED_KEY = "deck_pins", "deck_pins_written", "deck_pins_refused"


def pin_text(page: str, params: Mapping[str, str]) -> str:
    """'map?indicator=grdp_nominal&year=2020': a view's link without host or language."""
    return f"{page}?{urlencode({k: v for k, v in params.items() if k != 'lang'})}"


def parse_pin(text: str) -> tuple[str, dict[str, str]] | None:
    """(page, parameters) of a pinned view's link; None when it is not one."""
    if not isinstance(text, str) or len(text) > MAX_PIN_CHARS:
        return None
    page, _, query = text.partition("?")
    if page not in PINNABLE:
        return None
    try:
        pairs = parse_qsl(query, keep_blank_values=True, max_num_fields=MAX_PIN_FIELDS)
    except ValueError:
        return None
    return page, {name: value for name, value in pairs if name != "lang"}


def valid_pins(texts: Sequence[str]) -> tuple[list[str], list[str]]:
    """(pins kept, pins refused): unreadable, repeated or beyond MAX_PINS."""
    kept: list[str] = []
    refused: list[str] = []
    for text in texts:
        if parse_pin(text) is None or text in kept or len(kept) >= MAX_PINS:
            refused.append(text)
        else:
            kept.append(text)
    return kept, refused


# --- the session and the URL -----------------------------------------------------------

def deck() -> list[str]:
    """The deck's pins, read from the URL when this session did not write it, and written
    back to the URL (every page calls this through ui.layout.page_setup)."""
    in_url = st.query_params.get_all(DECK_PARAM)
    if DECK_KEY not in st.session_state or (in_url and in_url != st.session_state.get(WRITTEN_KEY)):
        kept, refused = valid_pins(in_url)
        st.session_state[DECK_KEY] = kept
        st.session_state[REJECTED_KEY] = refused
    _write(st.session_state[DECK_KEY])
    return list(st.session_state[DECK_KEY])


def refused_pins() -> list[str]:
    """Pins of the last deck read from a URL that could not be used."""
    return list(st.session_state.get(REJECTED_KEY, []))


def _write(pins: list[str]) -> None:
    if st.query_params.get_all(DECK_PARAM) != pins:
        if pins:
            st.query_params[DECK_PARAM] = pins
        else:
            del st.query_params[DECK_PARAM]
    st.session_state[WRITTEN_KEY] = list(pins)


def add(pin: str) -> bool:
    """Append a view to the deck unless it is there already or the deck is full."""
    pins = deck()
    if pin in pins or len(pins) >= MAX_PINS or parse_pin(pin) is None:
        return False
    st.session_state[DECK_KEY] = [*pins, pin]
    _write(st.session_state[DECK_KEY])
    return True


def remove(index: int) -> None:
    pins = deck()
    if 0 <= index < len(pins):
        pins.pop(index)
        st.session_state[DECK_KEY] = pins
        _write(pins)


def clear() -> None:
    st.session_state[DECK_KEY] = []
    st.session_state[REJECTED_KEY] = []
    _write([])
