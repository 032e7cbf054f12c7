"""수도권 versus 비수도권: levels, shares and rates, only where they are meaningful.

Additive indicators are summed over complete cross-sections. Rates are never summed:
the group's rate is rebuilt from its summed components (numerator / denominator in the
catalog) when those are complete; otherwise the comparison is refused with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.coverage import complete_years, sido_rows
from i18n import both
from loaders.crosswalk import region_table

CAPITAL, NONCAPITAL, NATION = "capital", "noncapital", "nation"


@dataclass(frozen=True)
class NotComparable:
    """Why a capital-vs-rest figure is not computed for an indicator."""
    reason_ko: str
    reason_en: str


def capital_codes() -> set[str]:
    table = region_table()
    return set(table.loc[table["is_capital"], "region_code"])


def _group_sums(rows: pd.DataFrame) -> pd.DataFrame:
    """Per year: sum over 수도권, over the rest, and over all 시도."""
    is_capital = rows["region_code"].isin(capital_codes())
    sums = pd.DataFrame({
        CAPITAL: rows[is_capital].groupby("year")["value"].sum(),
        NONCAPITAL: rows[~is_capital].groupby("year")["value"].sum(),
    })
    sums[NATION] = sums[CAPITAL] + sums[NONCAPITAL]
    return sums


def capital_vs_rest(store: pd.DataFrame, catalog: pd.DataFrame,
                    indicator: str) -> pd.DataFrame | NotComparable:
    """Yearly 수도권 / 비수도권 / nation values (and shares for additive indicators).

    Columns: year, capital, noncapital, nation, unit, and for additive indicators
    capital_share and noncapital_share (percent of the 시도 total). Only complete years.
    """
    entry = catalog.loc[indicator]
    if entry["additive"]:
        years = complete_years(store, indicator)
        if not years:
            return NotComparable(*both("gap_no_complete_year"))
        rows = sido_rows(store, indicator)
        result = _group_sums(rows[rows["year"].isin(years)])
        result["capital_share"] = 100 * result[CAPITAL] / result[NATION]
        result["noncapital_share"] = 100 * result[NONCAPITAL] / result[NATION]
        result["unit"] = rows["unit"].iloc[0]
        return result.reset_index()
    numerator, denominator = entry["numerator"], entry["denominator"]
    if not numerator or not denominator:
        if entry["unit_ko"] != "%":  # e.g. chain-linked real GRDP: regions do not add up
            return NotComparable(*both("gap_not_additive"))
        return NotComparable(*both("gap_rate_without_components"))
    years = sorted(set(complete_years(store, numerator)) & set(complete_years(store, denominator)))
    if not years:
        return NotComparable(*both("gap_components_incomplete"))
    top = _group_sums(sido_rows(store, numerator).query("year in @years"))
    bottom = _group_sums(sido_rows(store, denominator).query("year in @years"))
    result = entry["rate_scale"] * top / bottom
    result["unit"] = entry["unit_ko"]
    return result.reset_index()


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
    if isinstance(comparison, NotComparable) or "noncapital_share" not in comparison:
        return {}
    chosen = comparison[comparison["year"].isin(years)]
    return dict(zip(chosen["year"].astype(int), chosen["noncapital_share"].astype(float)))
