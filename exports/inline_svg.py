"""Charts drawn once on the server as SVG images for the page itself: the home page's
scorecard panels. Eight Vega views took ~1.4 s of the home page's first render on this
2-core machine (Vega compiles and runs each in the browser); the same charts as SVG
images take next to nothing. An image cannot use the page's web fonts, so the text is
drawn and measured in the Korean system fonts a reader's browser has (charts.theme's
FONT_FAMILY: Noto Sans CJK, Malgun Gothic, Apple SD Gothic Neo), not embedded: a panel
is ~8 KB instead of ~50 KB with its glyphs.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import quote

import vl_convert

from charts.theme import FONT_FAMILY
from exports.chart_images import VL_VERSION, export_spec

SIZE = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)" height="([\d.]+)"')


def chart_image_html(spec: dict, lang: str, width: int, label: str) -> str:
    """The chart drawn at ``width`` px as an <img> (SVG data URL) that fills its
    container's width, described by ``label`` for screen readers."""
    svg = vl_convert.vegalite_to_svg(
        export_spec(spec, lang, width=width, height=spec.get("height", 140), font=FONT_FAMILY),
        vl_version=VL_VERSION)
    drawn_width, drawn_height = SIZE.search(svg).groups()
    return (f'<img src="data:image/svg+xml;charset=utf-8,{quote(svg)}" alt="{escape(label)}" '
            f'width="{drawn_width}" height="{drawn_height}" '
            'style="width: 100%; height: auto; display: block">')
