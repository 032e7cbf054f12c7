"""Altair charts as PNG (2x for slides) and SVG, with title, unit and source baked in.

Like OWID's grapher downloads, an exported image carries what it needs to be read on its
own: the title, the unit and a "출처: …" line are added to the subtitle unless the chart
already shows them. Every text uses the bundled Korean font (exports.fonts), so Hangul
renders the same on a machine without Korean system fonts; "container" widths, which
only mean something in a browser, become fixed sizes.
"""

from __future__ import annotations

import copy
from typing import Any

import altair as alt
import vl_convert

from exports.fonts import register_vega_fonts
from exports.svg_fonts import embed_font
from i18n import t

EXPORT_WIDTH = 760
EXPORT_HEIGHT = 380
SLIDE_SCALE = 2
VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
LABEL_KEYS = ("title", "subtitle")
# Inline data and tooltips are not drawn text: never searched or rewritten.
SKIPPED_KEYS = ("data", "datasets", "tooltip")


def chart_spec(chart: alt.TopLevelMixin | dict) -> dict:
    """The chart's Vega-Lite dict with its data inlined (no row limit: exports are whole)."""
    if isinstance(chart, dict):
        return copy.deepcopy(chart)
    with alt.data_transformers.disable_max_rows():
        return chart.to_dict()


def export_spec(chart: alt.TopLevelMixin | dict, lang: str, title: str | None = None,
                source: str | None = None, unit: str | None = None,
                width: int = EXPORT_WIDTH, height: int = EXPORT_HEIGHT,
                font: str | None = None) -> dict:
    """A self-contained spec: fixed size, bundled font, and title/unit/source ensured.

    source: the publisher line ('통계청, 지역소득 (KOSIS 101/DT_1C81)'), added as '출처: …'
    unless it already appears in the title or subtitle. unit: added as '단위: …' unless
    it appears in a title anywhere (axis, legend, chart). font: the families to draw and
    measure text in (default: the bundled Korean font, for files read anywhere).
    """
    spec = chart_spec(chart)
    _fix_container_sizes(spec, width, height)
    heading = _heading(spec.get("title"))
    if title and not heading["text"]:
        heading["text"] = title
    shown = " ".join(_labels(spec))
    lines = heading.setdefault("subtitle", [])
    if source and source not in shown:
        lines.append(f"{t('source_prefix_export', lang)}: {source}")
    if unit and unit not in shown:
        lines.append(f"{t('unit_prefix_export', lang)}: {unit}")
    if not lines:
        heading.pop("subtitle")
    if heading["text"] or lines:
        spec["title"] = {"anchor": "start", **heading}
    font = font or register_vega_fonts()
    _set_fonts(spec, font)
    spec.setdefault("config", {})["font"] = font
    spec["background"] = "white"
    return spec


def chart_png(chart: alt.TopLevelMixin | dict, lang: str, scale: float = SLIDE_SCALE,
              **labels: Any) -> bytes:
    """PNG bytes at ``scale`` times the chart's size (2 = sharp on slides)."""
    spec = export_spec(chart, lang, **labels)
    return vl_convert.vegalite_to_png(spec, vl_version=VL_VERSION, scale=scale)


def chart_svg(chart: alt.TopLevelMixin | dict, lang: str, **labels: Any) -> str:
    """SVG text; text stays text (searchable, editable) in the bundled font, whose glyphs
    for that text are embedded so viewers without a Korean font still draw Hangul."""
    spec = export_spec(chart, lang, **labels)
    return embed_font(vl_convert.vegalite_to_svg(spec, vl_version=VL_VERSION))


def _heading(title: Any) -> dict:
    """Any Vega-Lite title form (string, list of lines, TitleParams dict) as a dict."""
    if isinstance(title, dict):
        heading = dict(title)
    else:
        heading = {"text": title or ""}
    subtitle = heading.get("subtitle") or []
    heading["subtitle"] = [subtitle] if isinstance(subtitle, str) else list(subtitle)
    return heading


def _labels(node: Any) -> list[str]:
    """Every title and subtitle text in the spec (chart, axes, legends, headers)."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in SKIPPED_KEYS:
                continue
            if key in LABEL_KEYS:
                found += _texts(value)
            found += _labels(value)
    elif isinstance(node, list):
        for value in node:
            found += _labels(value)
    return found


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    if isinstance(value, dict):
        return _texts(value.get("text")) + _texts(value.get("subtitle"))
    return []


def _fix_container_sizes(node: Any, width: int, height: int) -> None:
    if isinstance(node, dict):
        if node.get("width") == "container":
            node["width"] = width
        if node.get("height") == "container":
            node["height"] = height
        for key, value in node.items():
            if key not in SKIPPED_KEYS:
                _fix_container_sizes(value, width, height)
    elif isinstance(node, list):
        for value in node:
            _fix_container_sizes(value, width, height)


def _set_fonts(node: Any, font: str) -> None:
    """Point every font setting (font, labelFont, titleFont, …) at the bundled family."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in SKIPPED_KEYS:
                continue
            if (key == "font" or key.endswith("Font")) and isinstance(value, str):
                node[key] = font
            else:
                _set_fonts(value, font)
    elif isinstance(node, list):
        for value in node:
            _set_fonts(value, font)
