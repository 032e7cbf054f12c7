"""Direct labels at the ends of lines, nudged apart so that none overlap (as OWID's grapher
does): a reader matches a line to its name without a legend, also in an exported image.

Vega-Lite cannot move text out of the way, so positions are computed here: the y scale
gets an explicit, rounded domain, which fixes the pixel height of one unit, and labels
that would overlap are spread the least distance needed around their lines' ends.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence

import pandas as pd

LINE_HEIGHT = 13   # px between two label baselines (11 px text)
PADDING = 5        # Vega's default padding, kept on the other sides


def nice_domain(values: Sequence[float], count: int = 10) -> tuple[float, float] | None:
    """The rounded [low, high] an axis with about ``count`` ticks would use (d3's nice);
    None when there is no finite value."""
    finite = [float(v) for v in values if v is not None and math.isfinite(float(v))]
    if not finite:
        return None
    low, high = min(finite), max(finite)
    if low == high:
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    for _ in range(2):
        step = _tick_step(low, high, count)
        low, high = math.floor(low / step) * step, math.ceil(high / step) * step
    return low, high


def _tick_step(low: float, high: float, count: int) -> float:
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    error = raw / power
    factor = 10 if error >= math.sqrt(50) else 5 if error >= math.sqrt(10) else \
        2 if error >= math.sqrt(2) else 1
    return factor * power


def spread(targets: Sequence[float], height: float, gap: float = LINE_HEIGHT) -> list[float]:
    """Pixel positions (0 = top) as close to ``targets`` as possible, at least ``gap``
    apart and inside [0, height]: overlapping labels merge into clusters centred on their
    targets' mean, repeatedly, until no two clusters overlap."""
    order = sorted(range(len(targets)), key=lambda i: targets[i])
    clusters = [[i] for i in order]

    def top(cluster):
        mean = sum(targets[i] for i in cluster) / len(cluster)
        span = gap * (len(cluster) - 1)
        return min(max(mean - span / 2, 0.0), max(height - span, 0.0))

    merged = True
    while merged:
        merged = False
        for k in range(len(clusters) - 1):
            first, second = clusters[k], clusters[k + 1]
            if top(first) + gap * len(first) > top(second) + 1e-9:
                clusters[k:k + 2] = [first + second]
                merged = True
                break
    positions = [0.0] * len(targets)
    for cluster in clusters:
        start = top(cluster)
        for rank, i in enumerate(cluster):
            positions[i] = start + rank * gap
    return positions


def fits(count: int, height: float, gap: float = LINE_HEIGHT) -> bool:
    """Whether ``count`` labels fit beside a plot of ``height`` px (else: a legend)."""
    return count * gap <= height + gap


def end_labels(ends: pd.DataFrame, domain: tuple[float, float], height: float,
               at_year: int) -> pd.DataFrame:
    """Label rows for line ends (columns label, year, value): each keeps its line's end
    point and gets ``label_year`` (the right edge of the plot) and ``label_value``, the
    nudged height in data units."""
    low, high = domain
    per_pixel = (high - low) / height
    targets = [(high - value) / per_pixel for value in ends["value"]]
    placed = spread(targets, height)
    return ends.assign(label_year=int(at_year),
                       label_value=[high - position * per_pixel for position in placed])


def text_width(text: str, font_size: float) -> float:
    """An upper estimate of bold text's width in px: Hangul and other wide characters are
    one em, the rest about 0.65 em."""
    return sum(font_size if unicodedata.east_asian_width(c) in "WF" else 0.65 * font_size
               for c in text)


def room_for(labels: Sequence[str], font_size: float, offset: float) -> dict[str, float]:
    """Chart padding that keeps names right of the plot inside the chart's width: Vega
    shrinks the plot to fit axes and titles, but not text marks drawn beyond it."""
    widest = max((text_width(label, font_size) for label in labels), default=0)
    return {"left": PADDING, "top": PADDING, "bottom": PADDING,
            "right": math.ceil(offset + widest + PADDING)}
