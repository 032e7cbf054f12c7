"""One regional variable against another across the 시도: the scatter, each 시도's
population (bubble size), and the least-squares line with its R².

Both variables must cover every 시도 in the same year and divide them the same way
(analysis.regional_values); sizes are the register's total population of that year.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
from scipy import stats

from analysis.availability import Availability, why_not
from analysis.groups import capital_codes
from analysis.regional_values import RegionalVariable, complete_years, values_in
from analysis.rows import cross_section

SIZE_INDICATOR = "population_total"


@dataclass(frozen=True)
class Scatter:
    """frame: region_code, x, y, population (NaN when the register has no figure),
    is_capital. slope/intercept: y = intercept + slope·x in the display units."""
    year: int
    frame: pd.DataFrame
    slope: float
    intercept: float
    r_squared: float
    p_value: float

    @property
    def n(self) -> int:
        return len(self.frame)


def common_years(store: pd.DataFrame, catalog: pd.DataFrame, x: RegionalVariable,
                 y: RegionalVariable) -> list[int]:
    """Years in which both variables cover every 시도 the same way."""
    shared = sorted(set(complete_years(store, catalog, x)) & set(complete_years(store, catalog, y)))
    return [year for year in shared if
            set(values_in(store, catalog, x, year).dropna().index)
            == set(values_in(store, catalog, y, year).dropna().index)]


def scatter(store: pd.DataFrame, catalog: pd.DataFrame, x: RegionalVariable,
            y: RegionalVariable, year: int) -> Scatter | Availability:
    """The 시도 of one year on both variables, with the fitted line."""
    if x == y:
        return why_not("why_scatter_same")
    if int(year) not in common_years(store, catalog, x, y):
        return why_not("why_scatter_year", year=int(year))
    xs = values_in(store, catalog, x, year).dropna()
    ys = values_in(store, catalog, y, year).reindex(xs.index)
    people = cross_section(store, catalog, SIZE_INDICATOR, year, "sido")["value"]
    frame = pd.DataFrame({"region_code": xs.index.astype(str), "x": xs.to_numpy(),
                          "y": ys.to_numpy(),
                          "population": people.reindex(xs.index).to_numpy(dtype=float)})
    frame["is_capital"] = frame["region_code"].isin(capital_codes())
    fit = stats.linregress(frame["x"], frame["y"])
    return Scatter(int(year), frame, float(fit.slope), float(fit.intercept),
                   float(fit.rvalue ** 2), float(fit.pvalue))


def fitted_ends(result: Scatter) -> pd.DataFrame:
    """The fitted line's two ends over the observed x range (for drawing)."""
    low, high = result.frame["x"].min(), result.frame["x"].max()
    if math.isclose(low, high):
        return pd.DataFrame(columns=["x", "y"])
    return pd.DataFrame({"x": [low, high],
                         "y": [result.intercept + result.slope * v for v in (low, high)]})
