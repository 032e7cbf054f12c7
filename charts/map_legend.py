"""The map legend as plain HTML and CSS.

A branca colormap legend would make streamlit-folium load d3 from a CDN (and a failed
script leaves the map blank offline); this legend needs no script at all, and the page
shows it next to the map so it can change without reloading the map frame.
"""

from __future__ import annotations

from collections.abc import Sequence

from charts.map_style import CAPITAL_CASING, CAPITAL_LINE, swatch_border
from charts.theme import FONT_FAMILY, NO_DATA_COLOR
from i18n import t
from i18n.safe_text import html as escape

HATCH_CSS = (f"background:repeating-linear-gradient(45deg,{NO_DATA_COLOR} 0 3px,"
             "#9a9a9a 3px 5px)")


def edge_decimals(edges: tuple[float, ...], minimum: int = 0) -> int:
    """Fewest decimals that show every (already rounded) class edge exactly, at most 3."""
    for decimals in range(minimum, 4):
        if all(abs(round(edge, decimals) - edge) < 1e-9 for edge in edges):
            return decimals
    return 3


def class_labels(edges: tuple[float, ...], signed: bool = False) -> list[str]:
    """'3,000 – 3,700' per class; a single-valued class shows one number."""
    decimals = edge_decimals(edges)
    style = "+,.{}f" if signed else ",.{}f"

    def number(edge: float) -> str:
        return "0" if edge == 0 else format(edge, style.format(decimals))

    if len(edges) == 2 and edges[0] == edges[1]:
        return [number(edges[0])]
    return [f"{number(low)} – {number(high)}" for low, high in zip(edges, edges[1:])]


def _swatch(css: str) -> str:
    return (f'<span style="display:inline-block;width:18px;height:12px;margin-right:6px;'
            f'vertical-align:middle;border:1px solid #bbb;{css}"></span>')


def _row(swatch: str, label: str, inline: bool = False) -> str:
    if inline:
        return (f'<span style="margin:2px 14px 2px 0;white-space:nowrap;display:inline-block">'
                f"{swatch}{escape(label)}</span>")
    return f'<div style="margin:2px 0;white-space:nowrap">{swatch}{escape(label)}</div>'


def legend_html(title: str, unit: str, labels: Sequence[str], colors: Sequence[str],
                lang: str, has_no_data: bool = True, strip: bool = False) -> str:
    """Class swatches with their labels (class_labels, or the groups of a two-value map)
    and unit, the no-data hatch and the capital outline; all text is escaped.

    strip: one wrapping line without the title, to sit right above the map on the page
    (the title is the page's heading there); otherwise a box with its title, for the
    offline map file."""
    rows = [_row(_swatch(f"background:{color};border-color:{swatch_border(color)}"), label,
                 strip) for color, label in zip(colors, labels)]
    if has_no_data:
        rows.append(_row(_swatch(HATCH_CSS), t("map_no_data", lang), strip))
    outline = (f"background:#fff;border:{CAPITAL_LINE['weight']}px solid {CAPITAL_LINE['color']};"
               f"box-shadow:0 0 0 2px {CAPITAL_CASING['color']}")
    rows.append(_row(_swatch(outline), t("map_capital_outline", lang), strip))
    unit_line = f'{escape(t("unit_prefix", lang))}: {escape(unit)}'
    if strip:
        return (f'<div class="gm-legend" style="font-family:{FONT_FAMILY};font-size:13px;'
                f'line-height:1.4"><span class="gm-unit" style="color:#555;margin-right:14px;'
                f'white-space:nowrap;'
                f'display:inline-block">{unit_line}</span>{"".join(rows)}</div>')
    return (f'<div class="gm-legend" style="font-family:{FONT_FAMILY};font-size:13px;'
            f'line-height:1.4">'
            f'<div style="font-weight:600">{escape(title)}</div>'
            f'<div style="color:#555;margin-bottom:4px">{unit_line}</div>{"".join(rows)}</div>')


def policy_legend_html(items: list[tuple[str, str]], strip: bool = False) -> str:
    """Marker symbols of the policy layers shown: (label, colour) pairs."""
    rows = [_row(_swatch(f"background:{color};border-radius:50%;width:12px"), label, strip)
            for label, color in items]
    return (f'<div class="gm-legend-policy" style="font-family:{FONT_FAMILY};font-size:13px">'
            f'{"".join(rows)}</div>')
