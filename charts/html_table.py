"""A table of already formatted values as escaped static HTML, for the tables under the
map and on the home page. Streamlit's data grid loads its script and draws a canvas on
every first visit: ~0.5 s of a page's first render on this 2-core machine for 3–30 rows
that are ranked and formatted already. Static HTML costs next to nothing, can be
selected and copied, and prints; on a narrow window it scrolls sideways in its own box.
The full data stays one click away in the downloads.
"""

from __future__ import annotations

import re
from html import escape

import pandas as pd

# '1,258.0 조원', '+8.2%p', '−3.1%', '12': a column of such values is right-aligned.
NUMBER = re.compile(r"^[+\-−]?\d[\d,.]*")
CSS = (
    ".data-table-wrap { overflow: auto; margin-bottom: 1rem; }"
    ".data-table { border-collapse: collapse; width: 100%; font-size: 0.875rem; }"
    ".data-table th, .data-table td { padding: 0.3rem 0.6rem; border-bottom: 1px solid "
    "#e6e9ef; text-align: left; vertical-align: top; word-break: keep-all; }"
    ".data-table th { font-weight: 600; color: #31333f; background: #f8f9fb; "
    "position: sticky; top: 0; }"
    ".data-table td.num, .data-table th.num { text-align: right; "
    "font-variant-numeric: tabular-nums; }"
)


def _cell(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _numeric(values: list[str]) -> bool:
    """A column of numbers, where some cells may say 'no data' in words."""
    filled = [v for v in values if v]
    return (any(NUMBER.match(v) for v in filled)
            and all(NUMBER.match(v) or not re.search(r"\d", v) for v in filled))


def table_html(frame: pd.DataFrame, max_height: int | None = None) -> str:
    """The frame's columns and rows as a table (no index), every header and cell escaped,
    blank where a value is missing (the frame's own note column says why); scrolls
    within ``max_height`` px, its header row staying in view."""
    columns = [[_cell(v) for v in frame[name]] for name in frame.columns]
    numeric = [_numeric(values) for values in columns]
    classes = [' class="num"' if num else "" for num in numeric]
    head = "".join(f'<th scope="col"{css}>{escape(str(name))}</th>'
                   for name, css in zip(frame.columns, classes))
    rows = "".join("<tr>" + "".join(f"<td{css}>{escape(values[i])}</td>"
                                    for values, css in zip(columns, classes)) + "</tr>"
                   for i in range(len(frame)))
    height = f' style="max-height: {int(max_height)}px"' if max_height else ""
    return (f"<style>{CSS}</style><div class=\"data-table-wrap\"{height}>"
            f'<table class="data-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table></div>")
