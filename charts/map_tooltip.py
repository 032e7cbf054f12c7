"""Tooltip text of the gap map: the region, its value with unit, rank, share and the
capital-region comparison.

Leaflet inserts tooltip content as HTML, so every piece that comes from data (region
and indicator names, units, notes) is escaped here; only this module's own markup is
left as HTML.
"""

from __future__ import annotations

import math

from analysis.formatting import NO_DATA
from i18n.safe_text import html as escape_html

# folium.Tooltip places its text inside a JavaScript template literal, and folium then
# re-reads its rendered script as a Jinja template: a backtick, "${", a backslash or a
# brace from data would end the string or be evaluated, so they become entities too.
_TEMPLATE_LITERAL = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;",
                                   "{": "&#123;", "}": "&#125;"})


def escape(text: str) -> str:
    """HTML-escape data for tooltip markup, safe inside a JS template literal too."""
    return escape_html(text).translate(_TEMPLATE_LITERAL)


TOOLTIP_CLASS = "gm-tooltip"  # styled by the map's CSS (charts.maps.MAP_CSS), not inline:
# inline styles repeated in 250 시군구 tooltips would add ~100 KB to the page.


def format_value(value: float | None, decimals: int, unit: str, lang: str,
                 signed: bool = False) -> str:
    """'5,834 만원/인', '+2.31%/년', or '자료 없음' for a missing value (never 0)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NO_DATA[lang]
    number = f"{value:+,.{decimals}f}" if signed else f"{value:,.{decimals}f}"
    if unit.startswith("%"):
        return f"{number}{unit}"            # 52.3%, 2.31%/년, -1.2%p
    if "=100" in unit:
        return f"{number} ({unit})"         # 124.6 (전국=100)
    return f"{number} {unit}".strip()


def tooltip_html(title: str, subtitle: str, rows: list[tuple[str, str]]) -> str:
    """A small table: a bold title (region name), a grey subtitle (권역 or group), then
    label/value rows. All arguments are plain text and are escaped."""
    body = "".join(f"<tr><th>{escape(label)}</th><td>{escape(value)}</td></tr>"
                   for label, value in rows)
    sub = f' <span class="gm-sub">· {escape(subtitle)}</span>' if subtitle else ""
    return f'<div class="{TOOLTIP_CLASS}"><b>{escape(title)}</b>{sub}<table>{body}</table></div>'


def marker_tooltip_html(title: str, lines: list[str]) -> str:
    """Tooltip of a policy-layer marker: its name and the plan's notes, escaped."""
    notes = "".join(f"<div>{escape(line)}</div>" for line in lines if line)
    return f'<div class="{TOOLTIP_CLASS}"><b>{escape(title)}</b>{notes}</div>'
