"""Class breaks for choropleth maps: mapclassify's schemes with edges people can read.

The schemes come from mapclassify (quantiles, Fisher–Jenks natural breaks, equal
interval, user-defined); the edges are then rounded to two significant figures of the
data's spread, and regions are assigned to classes by the rounded edges, so the legend
and the colours always agree. Breaks can be computed over a pool of values (every year
of the series) to hold them fixed across a map series, and a diverging mode makes the
classes symmetric around zero.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import mapclassify
import numpy as np
import pandas as pd

SCHEMES = ("quantiles", "natural_breaks", "equal_interval", "manual")
DEFAULT_K = 5
MIN_K, MAX_K = 2, 9
# mapclassify's Fisher–Jenks runs in pure Python without numba (O(k·n²)): 250 values take
# ~0.2 s, a pool of every year's values seconds. Above this size it classifies evenly
# spaced order statistics instead, which keep the distribution's shape deterministically.
JENKS_MAX_VALUES = 100


@dataclass(frozen=True)
class Classification:
    """Ascending class edges (classes + 1 of them): class i holds edges[i] < v <= edges[i+1]
    (the first class also holds its lower edge)."""
    edges: tuple[float, ...]
    scheme: str
    diverging: bool = False

    @property
    def classes(self) -> int:
        return len(self.edges) - 1

    def class_of(self, values: pd.Series) -> pd.Series:
        """Class index per value (0 = lowest); NaN stays missing, values beyond the outer
        edges (manual breaks) fall in the outermost classes."""
        numbers = pd.to_numeric(values, errors="coerce").astype(float)
        inner = np.asarray(self.edges[1:-1], dtype=float)
        index = np.searchsorted(inner, numbers.to_numpy(), side="left")
        return pd.Series(index, index=values.index, dtype="Int64").mask(numbers.isna())


def _scheme_bins(values: np.ndarray, scheme: str, k: int) -> np.ndarray:
    """Upper bounds of k classes from mapclassify (its own k may shrink for few values)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Numba not installed", "not enough unique values"
        if scheme == "quantiles":
            return mapclassify.Quantiles(values, k=k).bins
        if scheme == "natural_breaks":
            if values.size > JENKS_MAX_VALUES:
                values = np.quantile(values, np.linspace(0, 1, JENKS_MAX_VALUES))
            return mapclassify.FisherJenks(values, k=k).bins
        if scheme == "equal_interval":
            return mapclassify.EqualInterval(values, k=k).bins
    raise ValueError(f"unknown scheme {scheme!r}; use one of {SCHEMES}")


def readable_step(low: float, high: float) -> float:
    """A power of ten giving about two significant figures over the range low..high."""
    spread = abs(high - low) or abs(high) or 1.0
    return 10.0 ** (math.floor(math.log10(spread)) - 1)


def round_edges(edges: list[float], low: float, high: float) -> tuple[float, ...]:
    """Round inner edges to a readable step and widen the outer ones to whole steps, so
    every value stays inside; a finer step is used when rounding would merge classes."""
    step = readable_step(low, high)
    for _ in range(4):
        inner = [_round_edge(e, step) for e in edges[1:-1]]
        outer_low = _floor_to(low, step)
        outer_high = _ceil_to(high, step)
        rounded = [outer_low, *inner, outer_high]
        if all(a < b for a, b in zip(rounded, rounded[1:])):
            return tuple(_clean(e, step) for e in rounded)
        step /= 10
    unique = sorted(set(edges))
    return tuple(unique) if len(unique) > 1 else (unique[0], unique[0])


def _round_edge(edge: float, step: float) -> float:
    """To the nearest whole step (halves up), except that an edge already on a half step
    stays (equal intervals of 100 in four: 25, 50, 75, not 20, 50, 80)."""
    half = step / 2
    if abs(edge / half - round(edge / half)) < 1e-9:
        return round(edge / half) * half
    return math.floor(edge / step + 0.5) * step


def _floor_to(value: float, step: float) -> float:
    return math.floor(value / step + 1e-9) * step  # 1.9 / 0.1 is 18.999…: not a reason to go down


def _ceil_to(value: float, step: float) -> float:
    return math.ceil(value / step - 1e-9) * step


def _clean(edge: float, step: float) -> float:
    """Drop floating-point noise (0.30000000000000004 → 0.3) at the step's precision."""
    digits = max(0, -math.floor(math.log10(step)))
    return round(edge, digits) + 0.0


def _sequential_edges(pool: np.ndarray, scheme: str, k: int,
                      manual_breaks: list[float] | None) -> tuple[float, ...]:
    low, high = float(pool.min()), float(pool.max())
    if low == high:
        return (low, high)
    if scheme == "manual":
        step = readable_step(low, high)
        breaks = sorted(set(float(b) for b in (manual_breaks or [])))
        inner = [b for b in breaks if low < b < high]
        outer_low = min([_floor_to(low, step), *breaks])
        outer_high = max([_ceil_to(high, step), *breaks])
        return tuple(_clean(e, step / 100) for e in (outer_low, *inner, outer_high))
    bins = list(_scheme_bins(pool, scheme, k))
    return round_edges([low, *bins[:-1], high], low, high)


def _diverging_edges(pool: np.ndarray, scheme: str, k: int,
                     manual_breaks: list[float] | None) -> tuple[float, ...]:
    """Symmetric edges around zero: the scheme is applied to |values|; with an odd k the
    middle class straddles zero (a neutral band), with an even k zero is an edge."""
    if scheme == "manual":
        return _sequential_edges(pool, scheme, k, sorted({*(manual_breaks or []), 0.0}))
    magnitude = np.abs(pool)
    top = float(magnitude.max())
    if top == 0:
        return (-1.0, 1.0)
    half = (k + 1) // 2
    positive = _sequential_edges(np.append(magnitude, 0.0), scheme, half, None)
    positive = tuple(e for e in positive if e > 0)
    if k % 2 == 0 or len(positive) == 1:
        return tuple(-e for e in reversed(positive)) + (0.0,) + positive
    return tuple(-e for e in reversed(positive)) + positive


def classify(values: pd.Series, scheme: str = "quantiles", k: int = DEFAULT_K,
             manual_breaks: list[float] | None = None, pool: pd.Series | None = None,
             diverging: bool = False) -> Classification:
    """Classes for ``values``; breaks come from ``pool`` when given (hold them fixed across
    years by passing every year's values), else from ``values`` themselves.

    manual_breaks: the inner edges a user typed (outer edges widen to cover the data).
    diverging: symmetric classes centred at zero (for gaps to an average).
    """
    if scheme not in SCHEMES:
        raise ValueError(f"unknown scheme {scheme!r}; use one of {SCHEMES}")
    k = int(min(max(k, MIN_K), MAX_K))
    numbers = _finite(values if pool is None else pool)
    if numbers.size == 0:
        numbers = _finite(values)
    if numbers.size == 0:
        return Classification((0.0, 0.0), scheme, diverging)
    build = _diverging_edges if diverging else _sequential_edges
    edges = [float(e) for e in build(numbers, scheme, k, manual_breaks)]
    shown = _finite(values)
    if shown.size and (shown.min() < edges[0] or shown.max() > edges[-1]):
        # A pool that misses some shown values: widen the outer classes to hold them.
        step = readable_step(min(edges[0], shown.min()), max(edges[-1], shown.max()))
        edges[0] = min(edges[0], _floor_to(float(shown.min()), step))
        edges[-1] = max(edges[-1], _ceil_to(float(shown.max()), step))
    return Classification(tuple(edges), scheme, diverging)


def _finite(values: pd.Series) -> np.ndarray:
    numbers = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float)
    return numbers[np.isfinite(numbers)]


def parse_breaks(text: str) -> tuple[list[float], list[str]]:
    """Manual breaks from what a user types ('10 20 30', '10, 20, 30' or '10;20'), and the
    pieces that are not numbers so the page can say which were ignored. Thousands
    separators are not supported: a comma separates breaks."""
    breaks, rejected = set(), []
    for part in text.replace(";", " ").replace(",", " ").split():
        try:
            breaks.add(float(part))
        except ValueError:
            rejected.append(part)
    return sorted(breaks), rejected
