"""Every string a person can read on a page run by AppTest: headings, text, captions,
alerts, widget labels, options, placeholders and help, table headers and cells, chart
titles, axis and legend titles and the chart data a chart labels or tooltips with.

Yields (where, text) pairs; ``where`` names the element and field, so a failing test
says what to fix. Used by test_i18n to check that each language shows only itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pyarrow as pa

# Proto fields that hold words for people (the rest are ids, types, styles and data).
READABLE_FIELDS = {"body", "label", "options", "placeholder", "help", "caption", "value",
                   "default", "text", "code_text"}
# Parts of a Vega-Lite spec that are drawn as text, and encodings whose data is shown.
SPEC_TEXT_KEYS = {"title", "subtitle", "text"}
SHOWN_ENCODINGS = {"tooltip", "text", "color", "facet", "row", "column", "shape"}


def visible_text(app) -> Iterator[tuple[str, str]]:
    yield from _element(app._tree)


def _element(node) -> Iterator[tuple[str, str]]:
    kind = getattr(node, "type", "") or type(node).__name__
    proto = getattr(node, "proto", None)
    if kind == "dataframe":
        frame = node.value
        for column in frame.columns:
            yield "dataframe header", str(column)
            for cell in frame[column].dropna().astype(str).unique():
                yield f"dataframe cell [{column}]", cell
    elif kind == "vega_lite_chart":
        yield from _chart(proto)
    elif kind in ("html", "component_instance", "code"):
        pass   # markup, maps (checked in the browser) and share links (URLs)
    elif proto is not None and hasattr(proto, "ListFields"):
        for field, value in proto.ListFields():
            if field.name in READABLE_FIELDS and field.type == field.TYPE_STRING:
                for text in (value if field.is_repeated else [value]):
                    yield f"{kind}.{field.name}", text
    for child in getattr(node, "children", {}).values():
        yield from _element(child)


def _chart(proto) -> Iterator[tuple[str, str]]:
    spec = json.loads(proto.spec)
    shown: set[str] = set()
    yield from _spec_text(spec, "", shown)
    for dataset in proto.datasets:
        table = pa.ipc.open_stream(dataset.data.data).read_all()
        for column in shown & set(table.schema.names):
            for cell in set(table.column(column).to_pylist()):
                if isinstance(cell, str):
                    yield f"chart data [{column}]", cell


def _spec_text(node, parent: str, shown: set[str]) -> Iterator[tuple[str, str]]:
    """Text drawn by the spec; collects into ``shown`` the data fields it draws."""
    if isinstance(node, list):
        for value in node:
            yield from _spec_text(value, parent, shown)
    elif isinstance(node, dict):
        if parent in SHOWN_ENCODINGS and isinstance(node.get("field"), str):
            shown.add(node["field"])
        for key, value in node.items():
            if key in SPEC_TEXT_KEYS and isinstance(value, str | list):
                texts = [value] if isinstance(value, str) else value
                yield from ((f"chart {key}", v) for v in texts if isinstance(v, str))
            elif key == "domain" and parent == "scale" and isinstance(value, list):
                yield from (("chart legend", v) for v in value if isinstance(v, str))
            if isinstance(value, dict | list):
                yield from _spec_text(value, key, shown)
