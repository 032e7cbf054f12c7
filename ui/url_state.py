"""Page state in the URL query string, so that a link reopens exactly the same view.

A page declares a schema: field → Field(kind, default, allowed). ``read_state`` turns
query parameters into a full state, field by field in schema order (so a field's
default and allowed values can depend on the fields before it, e.g. the years an
indicator has); a malformed or outdated parameter falls back to the default and yields
a Notice, never an exception. ``encode_state`` writes every field, defaults included:
a default that moves (a newer latest year) must not change what an old link shows.

URLs carry ids (grdp_nominal, 11, quantiles), never display labels, so one link works in
both languages. This is why pages use these helpers rather than Streamlit's
``bind="query-params"``, which stores a selectbox's formatted label and drops invalid
values silently.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

import streamlit as st

from i18n import t
from i18n.safe_text import ECHO_LIMIT, md

KINDS = ("str", "int", "float", "bool", "strs", "ints", "floats", "int_range")
DECK_PARAM = "pin"   # the briefing deck, one view link per repetition (ui.deck_link)
# Owned by ui.layout (lang), ui.deck_link (the deck) or Streamlit (embed): kept on every page.
GLOBAL_PARAMS = frozenset({"lang", DECK_PARAM, "embed", "embed_options"})
LIST_SEPARATOR = ","
RANGE_SEPARATOR = "-"
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})

State = dict[str, Any]


@dataclass(frozen=True)
class Field:
    """One piece of page state.

    kind: one of KINDS ('strs' is a list of strings, 'int_range' a (first, last) pair).
    default: a value, or a function of the state read so far.
    allowed: None (any well-formed value), a collection, or a function of the state read
    so far returning a collection; lists and ranges must have every element in it.
    """
    kind: str
    default: Any = None
    allowed: Collection | Callable[[State], Collection] | None = None
    min_items: int = 0
    max_items: int | None = None


@dataclass(frozen=True)
class Notice:
    """A parameter that was not used: its raw text and the default shown instead
    (default None: the parameter is not part of this page any more)."""
    field: str
    raw: str
    default: str | None


Schema = Mapping[str, Field]


def _resolve(value: Any, state: State) -> Any:
    return value(state) if callable(value) else value


def parse_value(kind: str, raw: str) -> Any:
    """The typed value of one query parameter; ValueError if it is malformed."""
    text = raw.strip()
    if kind == "str":
        if not text:
            raise ValueError("empty")
        return text
    if kind == "int":
        return int(text)
    if kind == "float":
        return float(text)
    if kind == "bool":
        if text.lower() in TRUE_WORDS:
            return True
        if text.lower() in FALSE_WORDS:
            return False
        raise ValueError(f"not a yes/no value: {raw!r}")
    if kind in ("strs", "ints", "floats"):
        parts = [part.strip() for part in text.split(LIST_SEPARATOR) if part.strip()]
        convert = {"strs": str, "ints": int, "floats": float}[kind]
        return [convert(part) for part in parts]
    if kind == "int_range":
        first, _, last = text.partition(RANGE_SEPARATOR)
        pair = (int(first), int(last or first))
        if pair[0] > pair[1]:
            raise ValueError("range ends before it starts")
        return pair
    raise ValueError(f"unknown kind {kind!r}")


def format_value(kind: str, value: Any) -> str:
    """The query-string text of a value (inverse of parse_value)."""
    if kind == "bool":
        return "1" if value else "0"
    if kind in ("strs", "ints", "floats"):
        return LIST_SEPARATOR.join(format_value(kind[:-1], v) for v in value)
    if kind == "int_range":
        return f"{int(value[0])}{RANGE_SEPARATOR}{int(value[1])}"
    if kind == "float":
        return format(float(value), "g")
    return str(value)


def _valid(field: Field, value: Any, state: State) -> bool:
    if field.kind in ("strs", "ints", "floats"):
        if len(value) < field.min_items or (field.max_items and len(value) > field.max_items):
            return False
        if len(set(value)) != len(value):
            return False
    allowed = _resolve(field.allowed, state)
    if allowed is None:
        return True
    members = value if field.kind in ("strs", "ints", "floats", "int_range") else [value]
    allowed = set(allowed)
    return all(member in allowed for member in members)


def _raw(params: Mapping[str, Any], name: str) -> str | None:
    """A parameter's text; repeated parameters (?a=1&a=2) count as a comma list."""
    if name not in params:
        return None
    value = params[name]
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def read_state(schema: Schema, params: Mapping[str, Any]) -> tuple[State, list[Notice]]:
    """The page state from query parameters; bad or unknown ones become notices."""
    state: State = {}
    notices: list[Notice] = []
    for name, field in schema.items():
        default = _resolve(field.default, state)
        raw = _raw(params, name)
        if raw is None:
            state[name] = default
            continue
        try:
            value = parse_value(field.kind, raw)
            if not _valid(field, value, state):
                raise ValueError("not allowed here")
        except ValueError:
            state[name] = default
            notices.append(Notice(name, raw, "" if default is None
                                  else format_value(field.kind, default)))
            continue
        state[name] = value
    for name in params:
        if name not in schema and name not in GLOBAL_PARAMS:
            notices.append(Notice(name, _raw(params, name) or "", None))
    return state, notices


def encode_state(schema: Schema, state: State) -> dict[str, str]:
    """Every field that has a value, as query-string text (None or an empty list: not set)."""
    return {name: format_value(field.kind, state[name]) for name, field in schema.items()
            if state.get(name) is not None and state.get(name) != []}


def notice_text(notice: Notice, lang: str) -> str:
    """The notice as markdown: what came from the URL is escaped and cut to ECHO_LIMIT."""
    if notice.default is None:
        return t("notice_unknown_field", lang).format(field=md(notice.field, ECHO_LIMIT))
    return t("notice_bad_value", lang).format(field=md(notice.field, ECHO_LIMIT),
                                              raw=md(notice.raw, ECHO_LIMIT),
                                              default=md(notice.default or "—"))


# --- thin Streamlit wrappers ----------------------------------------------------------------

def load_state(schema: Schema, lang: str) -> State:
    """Read the page state from the URL and show a small notice for each parameter that
    could not be used. Call before the widgets, then seed_widgets (or pass the values as
    the widgets' defaults)."""
    state, notices = read_state(schema, {name: st.query_params.get_all(name)
                                         for name in st.query_params})
    for notice in notices:
        st.caption(f"⚠️ {notice_text(notice, lang)}")
    return state


def seed_widgets(state: State, widget_keys: Mapping[str, str]) -> None:
    """Give each widget (field → widget key) its value from the URL the first time it is
    drawn in a session; afterwards the widget owns its value and write_state mirrors it.
    Widgets seeded this way take no index=/value=/default= argument."""
    for name, key in widget_keys.items():
        if key not in st.session_state and state.get(name) is not None:
            st.session_state[key] = state[name]


def write_state(schema: Schema, state: State) -> None:
    """Put the state in the URL (after the widgets), dropping parameters the page no
    longer uses; the language parameter stays with ui.layout."""
    encoded = encode_state(schema, state)
    for name in list(st.query_params):
        if name not in encoded and name not in GLOBAL_PARAMS:
            del st.query_params[name]
    for name, text in encoded.items():
        if st.query_params.get(name) != text:
            st.query_params[name] = text
