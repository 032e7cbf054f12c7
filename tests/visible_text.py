"""Every string a person can read on a page run by AppTest: headings, text, captions,
alerts, widget labels, options, placeholders and help, table headers and cells, chart
titles, axis and legend titles and the chart data a chart labels or tooltips with.

The static HTML tables and chart images are read too (``html_tables``, ``chart_images``
give them to page tests). Yields (where, text) pairs; ``where`` names the element and field, so a failing test
says what to fix. Used by test_i18n to check that each language shows only itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from urllib.parse import unquote

import pandas as pd
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
        yield from _frame_text(node.value, "dataframe")
    elif kind == "vega_lite_chart":
        yield from _chart(proto)
    elif kind == "html" and TABLE_MARK in proto.body:
        for frame in _frames(proto.body):
            yield from _frame_text(frame, "table")
    elif kind == "html" and SVG_IMAGE in proto.body:
        for text in _html_text(proto.body):
            yield "chart image", text
    elif kind in ("html", "component_instance", "code"):
        pass   # markup, maps (checked in the browser) and share links (URLs)
    elif proto is not None and hasattr(proto, "ListFields"):
        for field, value in proto.ListFields():
            if field.name in READABLE_FIELDS and field.type == field.TYPE_STRING:
                for text in (value if field.is_repeated else [value]):
                    yield f"{kind}.{field.name}", text
    for child in getattr(node, "children", {}).values():
        yield from _element(child)


TABLE_MARK = 'class="data-table"'      # charts.html_table
SVG_IMAGE = "data:image/svg+xml"        # exports.inline_svg
SVG_TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.S)


class _Cells(HTMLParser):
    """The text of an HTML fragment outside <style>, with each <img>'s alt text and the
    text drawn by an SVG image; and its tables as rows of cell text."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.alts: list[str] = []
        self.tables: list[list[list[str]]] = []
        self._style = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "style":
            self._style = True
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "img":
            self.alts.append(attrs.get("alt") or "")
            self.texts.append(attrs.get("alt") or "")
            source = attrs.get("src") or ""
            if source.startswith(SVG_IMAGE):
                drawn = unquote(source.partition(",")[2])
                self.texts.extend(re.sub(r"<[^>]+>", "", text)
                                  for text in SVG_TEXT.findall(drawn))

    def handle_endtag(self, tag):
        if tag == "style":
            self._style = False
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._style:
            return
        self.texts.append(data)
        if self._cell is not None:
            self._cell.append(data)


def _parsed(body: str) -> _Cells:
    parser = _Cells()
    parser.feed(body)
    return parser


def _html_text(body: str) -> Iterator[str]:
    yield from (text.strip() for text in _parsed(body).texts if text.strip())


def _frames(body: str) -> list[pd.DataFrame]:
    return [pd.DataFrame(rows, columns=header) for header, *rows in _parsed(body).tables]


def _frame_text(frame: pd.DataFrame, kind: str) -> Iterator[tuple[str, str]]:
    for column in frame.columns:
        yield f"{kind} header", str(column)
        for cell in frame[column].dropna().astype(str).unique():
            yield f"{kind} cell [{column}]", cell


def html_tables(app) -> list[pd.DataFrame]:
    """The pages' static tables (charts.html_table) in page order, every cell as text."""
    return [frame for element in app.get("html") if TABLE_MARK in element.proto.body
            for frame in _frames(element.proto.body)]


def chart_images(app) -> list[str]:
    """The alt text of every chart drawn as an image (exports.inline_svg)."""
    return [alt for element in app.get("html") if SVG_IMAGE in element.proto.body
            for alt in _parsed(element.proto.body).alts]


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
