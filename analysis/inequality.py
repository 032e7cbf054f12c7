"""How unequal the 시도 are on one regional variable, year by year.

Each 시도 counts as one observation (as in PySAL and the OECD's regional notes) for the
coefficient of variation, the Gini coefficient and Theil's T; Theil's T splits exactly
into the inequality between groups (수도권 vs 비수도권, or the seven 권역) and within
them, and the between part's share of T is how much of all regional inequality the
split explains. Williamson's coefficient of variation weights each 시도 by its
population at risk (analysis.regional_values), so it needs those weights for the same
시도 in the same year; so does the population-weighted Theil T (GE(1) with population
shares), whose between part asks how much of the inequality between people's regions
the split explains. Gini and the unweighted Theil come from PySAL's ``inequality``
package, which has no weighted Theil; that one follows Shorrocks (1980).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from inequality.gini import Gini
from inequality.theil import Theil, TheilD

from analysis.groups import group_of
from analysis.memo import remembered
from analysis.regional_values import (RegionalVariable, complete_years, values_in,
                                      weights_in)

INDICES = ("cv", "williamson", "gini", "theil", "theil_weighted", "max_min")
COLUMNS = ("year", "n", *INDICES, "between", "within", "between_share", "between_weighted",
           "within_weighted", "between_share_weighted", "max_region", "min_region")


def coefficient_of_variation(values: np.ndarray) -> float:
    """Standard deviation over the mean, both over the regions (population form, ddof 0)."""
    return float(np.std(values) / np.mean(values))


def williamson(values: np.ndarray, weights: np.ndarray) -> float:
    """Williamson's CV: deviations from the weighted mean, weighted by population shares."""
    shares = weights / weights.sum()
    mean = float(np.sum(shares * values))
    return float(math.sqrt(np.sum(shares * (values - mean) ** 2)) / mean)


def _scalar(value) -> float:
    return float(np.asarray(value).ravel()[0])


def theil_decomposition(values: np.ndarray, groups: np.ndarray) -> tuple[float, float, float]:
    """(T, between, within): T from PySAL's Theil, the between-group part from its TheilD;
    within = T − between, the exact remainder (tests check it against Σ_g s_g T_g)."""
    total = _scalar(Theil(values).T)
    between = _scalar(TheilD(values, groups).bg)
    return total, between, total - between


def weighted_theil_decomposition(values: np.ndarray, weights: np.ndarray,
                                 groups: np.ndarray) -> tuple[float, float, float]:
    """(T, between, within) of Theil's T with population weights: T = Σ s_i ln(y_i/μ) over
    value shares s_i = w_i y_i / Σ w y; between = Σ_g S_g ln(μ_g/μ); within = Σ_g S_g T_g."""
    mean = np.sum(weights * values) / np.sum(weights)
    shares = weights * values / np.sum(weights * values)
    total = float(np.sum(shares * np.log(values / mean)))
    between = within = 0.0
    for group in np.unique(groups):
        members = groups == group
        group_share = shares[members].sum()
        group_mean = np.sum(weights[members] * values[members]) / np.sum(weights[members])
        between += group_share * math.log(group_mean / mean)
        within += float(np.sum(shares[members] * np.log(values[members] / group_mean)))
    return total, float(between), within


def indices_of(values: pd.Series, groups: pd.Series,
               weights: pd.Series | None = None) -> dict[str, float | str | int]:
    """Every index for one cross-section (values indexed by region code, all positive)."""
    y = values.to_numpy(dtype=float)
    labels = groups.reindex(values.index).to_numpy()
    theil, between, within = theil_decomposition(y, labels)
    weighted = (math.nan,) * 3
    if weights is not None:
        w = weights.reindex(values.index).to_numpy(dtype=float)
        weighted = weighted_theil_decomposition(y, w, labels)
    return {
        "n": len(y),
        "cv": coefficient_of_variation(y),
        "williamson": williamson(y, w) if weights is not None else math.nan,
        "gini": float(Gini(y).g),
        "theil": theil,
        "theil_weighted": weighted[0],
        "max_min": float(y.max() / y.min()),
        "between": between,
        "within": within,
        "between_share": _percent(between, theil),
        "between_weighted": weighted[1],
        "within_weighted": weighted[2],
        "between_share_weighted": _percent(weighted[1], weighted[0]),
        "max_region": str(values.idxmax()),
        "min_region": str(values.idxmin()),
    }


def _percent(part: float, whole: float) -> float:
    return 100 * part / whole if whole > 0 else math.nan


def inequality_series(store: pd.DataFrame, catalog: pd.DataFrame, variable: RegionalVariable,
                      grouping: str = "capital") -> pd.DataFrame:
    """One row per complete year: the indices, Theil's split by ``grouping`` ('capital' or
    'gwonyeok'), and the 시도 with the highest and lowest value. Years without complete
    coverage are absent (regional_values.refused_years says why)."""
    def compute():
        rows = []
        for year in complete_years(store, catalog, variable):
            values = values_in(store, catalog, variable, year).dropna()
            groups = group_of(values.index, grouping)
            groups.index = values.index
            weights = weights_in(store, catalog, variable, year)
            rows.append({"year": year, **indices_of(values, groups, weights)})
        return pd.DataFrame(rows, columns=list(COLUMNS))
    return remembered((store, catalog), ("inequality", variable, grouping), compute)
