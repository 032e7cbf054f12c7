"""Whether the 시도 are converging on a regional variable.

σ-convergence: the dispersion of the log values (their standard deviation across the
시도, ddof 0) falls over time. β-convergence (Barro and Sala-i-Martin): over a period of
T years, the 시도 that started lower grew faster — the least-squares slope b of the
average annual log growth on the log initial value is negative. The implied speed of
convergence is λ = −ln(1 + bT) / T per year and the half-life ln 2 / λ years; the
slope's confidence interval uses Student's t with n − 2 degrees of freedom.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from analysis.availability import Availability, why_not
from analysis.memo import remembered
from analysis.regional_values import RegionalVariable, complete_years, values_in

CONFIDENCE = 0.95
MIN_REGIONS = 5


def sigma_series(store: pd.DataFrame, catalog: pd.DataFrame,
                 variable: RegionalVariable) -> pd.DataFrame:
    """Per complete year: n and sigma, the standard deviation of the log values."""
    def compute():
        rows = []
        for year in complete_years(store, catalog, variable):
            values = values_in(store, catalog, variable, year).dropna()
            rows.append({"year": year, "n": len(values),
                         "sigma": float(np.std(np.log(values.to_numpy())))})
        return pd.DataFrame(rows, columns=["year", "n", "sigma"])
    return remembered((store, catalog), ("sigma", variable), compute)


@dataclass(frozen=True)
class BetaConvergence:
    """The β regression over first_year → last_year. points: region_code, initial (the
    first-year value, display unit), log_initial, growth (average annual log growth, %)."""
    first_year: int
    last_year: int
    n: int
    slope: float          # per unit of log initial value, growth in % per year
    intercept: float
    ci_low: float
    ci_high: float
    r_squared: float
    p_value: float
    speed: float          # λ, % per year (NaN unless the regions converge)
    half_life: float      # years (NaN unless the regions converge)
    points: pd.DataFrame
    confidence: float = CONFIDENCE

    @property
    def converging(self) -> bool:
        """The whole confidence interval of the slope lies below zero."""
        return self.ci_high < 0

    @property
    def diverging(self) -> bool:
        return self.ci_low > 0


def beta_availability(store: pd.DataFrame, catalog: pd.DataFrame, variable: RegionalVariable,
                      first_year: int, last_year: int) -> Availability | None:
    """None when the period can be fitted, else why not."""
    years = complete_years(store, catalog, variable)
    if first_year >= last_year:
        return why_not("why_beta_order")
    for year in (first_year, last_year):
        if year not in years:
            return why_not("why_beta_year", year=int(year))
    common = _common_regions(store, catalog, variable, first_year, last_year)
    if len(common) < MIN_REGIONS:
        return why_not("why_beta_regions", minimum=MIN_REGIONS)
    return None


def _common_regions(store, catalog, variable, first_year, last_year) -> pd.Index:
    start = values_in(store, catalog, variable, first_year).dropna()
    end = values_in(store, catalog, variable, last_year).dropna()
    return start.index.intersection(end.index)


def beta_convergence(store: pd.DataFrame, catalog: pd.DataFrame, variable: RegionalVariable,
                     first_year: int, last_year: int) -> BetaConvergence | Availability:
    """The β regression over the 시도 with values in both years (세종 joins only periods
    starting when it is compiled separately)."""
    refused = beta_availability(store, catalog, variable, first_year, last_year)
    if refused is not None:
        return refused
    regions = _common_regions(store, catalog, variable, first_year, last_year)
    start = values_in(store, catalog, variable, first_year).reindex(regions)
    end = values_in(store, catalog, variable, last_year).reindex(regions)
    span = last_year - first_year
    log_initial = np.log(start.to_numpy())
    growth = (np.log(end.to_numpy()) - log_initial) / span          # per year, as a fraction
    fit = stats.linregress(log_initial, growth)
    margin = stats.t.ppf(0.5 + CONFIDENCE / 2, len(regions) - 2) * fit.stderr
    factor = 1 + fit.slope * span
    speed = -math.log(factor) / span if fit.slope < 0 and factor > 0 else math.nan
    points = pd.DataFrame({"region_code": regions.astype(str), "initial": start.to_numpy(),
                           "log_initial": log_initial, "growth": 100 * growth})
    return BetaConvergence(
        first_year=int(first_year), last_year=int(last_year), n=len(regions),
        slope=100 * fit.slope, intercept=100 * fit.intercept,
        ci_low=100 * (fit.slope - margin), ci_high=100 * (fit.slope + margin),
        r_squared=fit.rvalue ** 2, p_value=fit.pvalue,
        speed=100 * speed, half_life=math.log(2) / speed if speed > 0 else math.nan,
        points=points)
