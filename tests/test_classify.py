"""Class breaks: mapclassify schemes, readable edges, fixed breaks and diverging classes."""

import math

import mapclassify
import numpy as np
import pandas as pd
import pytest

from analysis.classify import SCHEMES, classify, parse_breaks, readable_step
from analysis.measures import compute_measure, measure_series


@pytest.fixture(scope="module")
def per_capita(store, catalog):
    return compute_measure(store, catalog, "grdp_nominal", 2023, "per_capita").values["value"]


def is_readable(edge, low, high):
    """On the two-significant-figure grid of the range (or one step finer)."""
    step = readable_step(low, high) / 10
    return abs(edge / step - round(edge / step)) < 1e-6


@pytest.mark.parametrize("scheme", ["quantiles", "natural_breaks", "equal_interval"])
@pytest.mark.parametrize("k", [3, 5, 7])
def test_schemes_cover_the_data_with_readable_ascending_edges(per_capita, scheme, k):
    classes = classify(per_capita, scheme, k)
    edges = classes.edges
    assert classes.classes == k
    assert all(a < b for a, b in zip(edges, edges[1:]))
    assert edges[0] <= per_capita.min() and edges[-1] >= per_capita.max()
    assert all(is_readable(e, per_capita.min(), per_capita.max()) for e in edges)
    assigned = classes.class_of(per_capita)
    assert assigned.notna().all() and set(assigned) <= set(range(k))


def test_rounded_breaks_stay_close_to_mapclassify(per_capita):
    raw = mapclassify.Quantiles(per_capita.to_numpy(), k=5).bins[:-1]
    rounded = classify(per_capita, "quantiles", 5).edges[1:-1]
    step = readable_step(per_capita.min(), per_capita.max())
    assert np.allclose(raw, rounded, atol=step / 2 + 1e-9)


def test_natural_breaks_separate_obvious_clusters():
    values = pd.Series([1.0, 1.2, 1.4, 10.0, 10.5, 11.0, 100.0, 101.0])
    classes = classify(values, "natural_breaks", 3).class_of(values)
    assert list(classes) == [0, 0, 0, 1, 1, 1, 2, 2]


def test_equal_interval_edges_are_evenly_spaced():
    values = pd.Series(np.linspace(0, 100, 17))
    edges = classify(values, "equal_interval", 4).edges
    assert edges == (0.0, 25.0, 50.0, 75.0, 100.0)


def test_manual_breaks_are_used_as_given_and_outer_edges_cover_the_data(per_capita):
    classes = classify(per_capita, "manual", manual_breaks=[4000, 5000, 6000])
    assert classes.edges[1:-1] == (4000, 5000, 6000)
    assert classes.edges[0] <= per_capita.min() and classes.edges[-1] >= per_capita.max()
    beyond = classify(per_capita, "manual", manual_breaks=[1000, 20000])
    assert beyond.class_of(per_capita).notna().all()


def test_missing_values_get_no_class_not_the_lowest_one(per_capita):
    values = per_capita.copy()
    values.iloc[0] = np.nan
    assigned = classify(values, "quantiles", 5).class_of(values)
    assert pd.isna(assigned.iloc[0]) and assigned.iloc[1:].notna().all()


def test_fixed_breaks_come_from_every_year(store, catalog):
    series = measure_series(store, catalog, "grdp_nominal", "level")
    pool = series.loc[~series["is_group"], "value"]
    by_year = {year: rows.set_index("region_code")["value"]
               for year, rows in series[~series["is_group"]].groupby("year")}
    early = classify(by_year[1990], "quantiles", 5, pool=pool)
    late = classify(by_year[2023], "quantiles", 5, pool=pool)
    assert early.edges == late.edges
    assert early.edges[0] <= pool.min() and early.edges[-1] >= pool.max()
    # Held fixed, the early map uses mostly the low classes; classified alone it would not.
    assert early.class_of(by_year[1990]).mean() < classify(by_year[1990], "quantiles", 5) \
        .class_of(by_year[1990]).mean()


@pytest.mark.parametrize("scheme", ["quantiles", "natural_breaks", "equal_interval"])
@pytest.mark.parametrize("k", [4, 5, 6])
def test_diverging_classes_are_symmetric_around_zero(per_capita, scheme, k):
    gap = per_capita - per_capita.mean()
    classes = classify(gap, scheme, k, diverging=True)
    edges = classes.edges
    assert all(math.isclose(a, -b) for a, b in zip(edges, reversed(edges)))
    assert (0.0 in edges) == (k % 2 == 0)
    assigned = classes.class_of(gap)
    assert assigned[gap < 0].max() <= assigned[gap > 0].min()


def test_diverging_manual_breaks_always_split_at_zero():
    gap = pd.Series([-30.0, -5.0, 4.0, 25.0])
    classes = classify(gap, "manual", manual_breaks=[-10, 10], diverging=True)
    assert 0.0 in classes.edges


def test_constant_or_empty_input_does_not_fail():
    assert classify(pd.Series([3.0, 3.0]), "natural_breaks", 5).classes == 1
    assert classify(pd.Series([np.nan, np.nan]), "quantiles", 5).class_of(
        pd.Series([np.nan])).isna().all()


def test_unknown_scheme_is_rejected():
    with pytest.raises(ValueError):
        classify(pd.Series([1.0, 2.0]), "head_tail")
    assert "manual" in SCHEMES


def test_parse_breaks_reports_what_it_ignored():
    assert parse_breaks("10, 20;5 x 20") == ([5.0, 10.0, 20.0], ["x"])
    assert parse_breaks("") == ([], [])
