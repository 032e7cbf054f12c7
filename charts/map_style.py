"""Colours and line styles of the gap map, shared by the map, its legend and its tests.

Classes are coloured from viridis (sequential, light = low, dark = high) or ColorBrewer
PuOr (diverging, orange below zero, purple above), both readable with common colour-vision
deficiencies. The capital-region outline is drawn twice, a dark casing under a vermillion
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
    purple, a class straddling zero neutral; equally far from zero means equally dark."""
    palette = colormaps[DIVERGING_PALETTE]
    lows, highs = edges[:-1], edges[1:]
    below = [i for i, high in enumerate(highs) if high <= 0]
    above = [i for i, low in enumerate(lows) if low >= 0]
    side = max(len(below), len(above), 1)
    colors = []
    for i in range(len(lows)):
        if i in below:
            step = len(below) - below.index(i)   # 1 = nearest zero
            position = 0.5 - 0.5 * step / side
        elif i in above:
            step = above.index(i) + 1
            position = 0.5 + 0.5 * step / side
        else:
            position = 0.5
        # Pull the outermost classes in a little: the extreme ends are nearly black.
        colors.append(to_hex(palette(0.5 + (position - 0.5) * 0.9)))
    return tuple(colors)


def region_style(fill: str) -> dict:
    """Leaflet path style of one region: its class colour (or the no-data hatch) with thin
    white borders so that neighbours with the same class stay apart."""
    return {"fillColor": fill, "fillOpacity": 1 if fill == NO_DATA_FILL else 0.9,
            "color": BORDER_COLOR, "weight": 0.7, "opacity": 1}


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
