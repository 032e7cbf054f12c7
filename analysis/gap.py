"""수도권 versus 비수도권: levels, shares and rates, only where they are meaningful.

The figures come from the aggregation core (analysis.groups): sums of complete
cross-sections for additive indicators, rates rebuilt from their summed components, and
otherwise a refusal with its reason.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.availability import Availability
from analysis.groups import CAPITAL, NATION, NONCAPITAL, group_values, is_additive


def capital_vs_rest(store: pd.DataFrame, catalog: pd.DataFrame,
                    indicator: str) -> pd.DataFrame | Availability:
    """Yearly 수도권 / 비수도권 / nation values (and shares for additive indicators).

    Columns: year, capital, noncapital, nation, unit (the catalog unit), and for additive
    indicators capital_share and noncapital_share (percent of the 시도 total). Only
    complete years.
    """
    entry = catalog.loc[indicator]
    values = group_values(store, catalog, indicator)
    if isinstance(values, Availability):
        return values
    result = values.wide("capital", with_nation=True).copy()
    if is_additive(entry):
        result["capital_share"] = 100 * result[CAPITAL] / result[NATION]
        result["noncapital_share"] = 100 * result[NONCAPITAL] / result[NATION]
    result["unit"] = entry["unit_ko"]
    return result.rename_axis("year").reset_index()


@dataclass(frozen=True)
class GapSummary:
    indicator: str
    latest_year: int
    earliest_year: int
    capital: float
    noncapital: float
    nation: float
    unit: str
    capital_share: float | None
    share_change_pp: float | None
    rate_gap_change_pp: float | None


def summarise(comparison: pd.DataFrame, indicator: str, additive: bool) -> GapSummary:
    """Latest complete year against the earliest: level, share and its change in %p."""
    first, last = comparison.iloc[0], comparison.iloc[-1]
    return GapSummary(
        indicator=indicator, latest_year=int(last["year"]), earliest_year=int(first["year"]),
        capital=float(last[CAPITAL]), noncapital=float(last[NONCAPITAL]),
        nation=float(last[NATION]), unit=str(last["unit"]),
        capital_share=float(last["capital_share"]) if additive else None,
        share_change_pp=float(last["capital_share"] - first["capital_share"]) if additive else None,
        rate_gap_change_pp=None if additive else float(
            (last[CAPITAL] - last[NONCAPITAL]) - (first[CAPITAL] - first[NONCAPITAL])),
    )


def noncapital_shares(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str,
                      years: list[int]) -> dict[int, float]:
    """비수도권 share (%) of an additive indicator in the requested years that are complete."""
    comparison = capital_vs_rest(store, catalog, indicator)
    if isinstance(comparison, Availability) or "noncapital_share" not in comparison:
        return {}
    chosen = comparison[comparison["year"].isin(years)]
    return dict(zip(chosen["year"].astype(int), chosen["noncapital_share"].astype(float)))
