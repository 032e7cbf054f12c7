"""Colours and line styles of the gap map, shared by the map, its legend and its tests.

Classes are coloured from viridis (sequential, light = low, dark = high) or ColorBrewer
PuOr (diverging, orange below zero, purple above), both readable with common colour-vision
deficiencies. PuOr's own middle is nearly white (#f7f7f7, the map's background), so the
diverging view's near-average class is a pale sand fill with a grey border instead, and the
classes nearest zero start at a visible strength: every class stays apart from the others,
from the background and from the no-data hatch under protan, deutan and tritan vision
(tests/test_maps.py measures it). The capital-region outline is drawn twice, a dark casing under a vermillion
line, so that it stands out on the lightest and on the darkest class colour alike.
"""

from __future__ import annotations

from functools import lru_cache

from matplotlib import colormaps
from matplotlib.colors import to_hex

from charts.theme import CAPITAL_COLOR, NO_DATA_COLOR

SEQUENTIAL_PALETTE = "viridis_r"
DIVERGING_PALETTE = "PuOr"
NO_DATA_PATTERN_ID = "nodata-hatch"
# SVG paint with a fallback: the hatch pattern where it is defined, plain grey otherwise.
NO_DATA_FILL = f"url(#{NO_DATA_PATTERN_ID}) {NO_DATA_COLOR}"
BORDER_COLOR = "#ffffff"
CASING_COLOR = "#1a1a1a"
DIVERGING_NEUTRAL = "#eae3cf"        # near the average: a visible fill, not the background
NEUTRAL_BORDER_COLOR = "#8c8c8c"     # white borders would vanish against the background
DIVERGING_NEAREST, DIVERGING_OUTER = 0.2, 0.45   # PuOr offsets from its middle (0.5)

CAPITAL_CASING = {"color": CASING_COLOR, "weight": 4, "opacity": 0.9, "fill": False,
                  "interactive": False}
CAPITAL_LINE = {"color": CAPITAL_COLOR, "weight": 2, "opacity": 1, "fill": False,
                "interactive": False}


@lru_cache(maxsize=64)
def sequential_colors(classes: int) -> tuple[str, ...]:
    """``classes`` colours from light to dark; one class gets the middle colour."""
    palette = colormaps[SEQUENTIAL_PALETTE]
    if classes <= 1:
        return (to_hex(palette(0.5)),)
    # Stop short of the extremes: the palest yellow is hard to tell from the background.
    return tuple(to_hex(palette(0.08 + 0.92 * i / (classes - 1))) for i in range(classes))


@lru_cache(maxsize=64)
def diverging_colors(edges: tuple[float, ...]) -> tuple[str, ...]:
    """One colour per class, symmetric around zero: classes below zero orange, above it
    purple, a class straddling zero DIVERGING_NEUTRAL; equally far from zero means equally
    dark. The outermost classes stop short of PuOr's nearly black ends."""
    palette = colormaps[DIVERGING_PALETTE]
    lows, highs = edges[:-1], edges[1:]
    below = [i for i, high in enumerate(highs) if high <= 0]
    above = [i for i, low in enumerate(lows) if low >= 0]
    side = max(len(below), len(above), 1)

    def offset(step: int) -> float:          # step 1 = nearest zero
        share = (step - 1) / (side - 1) if side > 1 else 1.0
        return DIVERGING_NEAREST + (DIVERGING_OUTER - DIVERGING_NEAREST) * share

    colors = []
    for i in range(len(lows)):
        if i in below:
            colors.append(to_hex(palette(0.5 - offset(len(below) - below.index(i)))))
        elif i in above:
            colors.append(to_hex(palette(0.5 + offset(above.index(i) + 1))))
        else:
            colors.append(DIVERGING_NEUTRAL)
    return tuple(colors)


def border_color(fill: str) -> str:
    """Thin white borders keep neighbours of one class apart; the pale neutral class gets
    grey ones so that its shape shows against the background."""
    return NEUTRAL_BORDER_COLOR if fill == DIVERGING_NEUTRAL else BORDER_COLOR


def swatch_border(fill: str) -> str:
    """Outline of a legend swatch: light grey, or the neutral class's own grey border."""
    return NEUTRAL_BORDER_COLOR if fill == DIVERGING_NEUTRAL else "#bbbbbb"


def region_style(fill: str) -> dict:
    """Leaflet path style of one region: its class colour (or the no-data hatch) with thin
    borders. Fills are opaque so that the map, its legend and its PNG show one colour."""
    return {"fillColor": fill, "fillOpacity": 1, "color": border_color(fill), "weight": 0.7,
            "opacity": 1}


HATCH_DEFS_HTML = f"""
<svg width="0" height="0" style="position:absolute" aria-hidden="true">
  <defs>
    <pattern id="{NO_DATA_PATTERN_ID}" patternUnits="userSpaceOnUse" width="6" height="6"
             patternTransform="rotate(45)">
      <rect width="6" height="6" fill="{NO_DATA_COLOR}"/>
      <line x1="0" y1="0" x2="0" y2="6" stroke="#9a9a9a" stroke-width="2"/>
    </pattern>
  </defs>
</svg>"""
