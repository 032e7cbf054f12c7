"""A small-multiples chart split into one chart per panel, for the screen.

Vega-Lite lays out a faceted chart at a fixed size (panels × panel width), so the six
inequality panels need ~920 px and stick out of a 1366 px window's column, and of any
narrower one. On screen the page draws each panel as its own chart, in a row that wraps,
and shows the title, subtitle and source above them; exports and briefing slides keep
the faceted chart. Both come from the same spec, so they cannot tell different stories.
"""

from __future__ import annotations

import copy
from html import escape

from charts.theme import FONT_FAMILY

PANEL_TITLE = {"fontSize": 12, "fontWeight": "bold", "anchor": "middle"}


def is_faceted(spec: dict) -> bool:
    return "facet" in spec and "spec" in spec


def facet_field(spec: dict) -> tuple[str, list]:
    """(the field panels are split by, its values in panel order)."""
    facet = spec["facet"]
    facet = facet.get("column") or facet.get("row") or facet
    return facet["field"], list(facet["sort"])


def heading(spec: dict) -> tuple[str, list[str]]:
    """The faceted chart's title and subtitle lines."""
    title = spec.get("title") or {}
    if isinstance(title, str):
        return title, []
    text, subtitle = title.get("text", ""), title.get("subtitle") or []
    text = " ".join(text) if isinstance(text, list) else text   # a title on two lines
    return text, [subtitle] if isinstance(subtitle, str) else list(subtitle)


def heading_html(spec: dict) -> str:
    """The title and subtitle as the faceted chart draws them (escaped: names may come
    from an imported file)."""
    title, subtitle = heading(spec)
    lines = "".join(f'<div style="font-size:11px;color:#555555">{escape(line)}</div>'
                    for line in subtitle)
    return (f'<div class="chart-heading" style="font-family:{FONT_FAMILY}"><div style="'
            f'font-size:16px;font-weight:bold">{escape(title)}</div>{lines}</div>')


def panels(spec: dict) -> list[dict]:
    """One Vega-Lite spec per panel: the inner chart on the rows of its facet value, as
    wide as its container, titled with the value (the facet's header), with the data,
    config and schema of the whole. Each panel scales on its own, as the facet does
    when it resolves a scale independently or fixes its domain (the disparity charts)."""
    field, values = facet_field(spec)
    inner = spec["spec"]
    shared = {key: spec[key] for key in ("$schema", "config", "datasets", "data") if key in spec}
    out = []
    for value in values:
        panel = {**copy.deepcopy(shared), **copy.deepcopy(inner)}
        panel["transform"] = [{"filter": {"field": field, "equal": value}},
                              *panel.get("transform", [])]
        panel["title"] = {"text": value, **PANEL_TITLE}
        panel["width"] = "container"
        # The panel's own height is its plot's, as in the facet; fitting the whole view
        # (Streamlit's default) would take the title and axes out of it.
        panel["autosize"] = {"type": "fit-x", "contains": "padding"}
        out.append(panel)
    return out
