"""The aggregation core: which 시도 form a group, which years can be added up, and a
group's value. Every page and measure asks here, so each rule holds in one place:

- membership: 'nation', 'capital' (수도권), 'noncapital' and the seven 권역, from the
  crosswalk's region table; a 시군구 belongs to the groups of its 시도 (first two digits).
- completeness: a year counts only if every 시도 that existed then has a value, all in
  one unit (analysis.coverage); an incomplete cross-section is never summed, for any
  group, so every group of a year is built from the same complete cross-section.
- values: additive indicators are summed. A rate (any %-valued indicator) is never
  summed: it is rebuilt as rate_scale × Σ numerator ÷ Σ denominator over the years in
  which both components are complete. Anything else (chain-linked volumes, rates
  without bundled components) has no group value, and the refusal says why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from analysis.availability import Availability, why_not
from analysis.coverage import coverage_by_year
from analysis.memo import remembered
from analysis.rows import cross_section, indicator_rows
from loaders.crosswalk import gwonyeok_table, region_table

NATION, CAPITAL, NONCAPITAL = "nation", "capital", "noncapital"
CAPITAL_GROUPS = (CAPITAL, NONCAPITAL)
GROUPINGS = ("capital", "gwonyeok")   # capital vs rest, or the seven 권역
NATIONAL_CODE = "00"


# --- what an indicator is -----------------------------------------------------------

def is_rate(entry: pd.Series) -> bool:
    """Percent-valued indicators (rates and published shares): never summed or indexed."""
    return entry["unit_ko"] == "%"


def is_additive(entry: pd.Series) -> bool:
    """Regions add up to the nation: counts and current-price values, never a rate."""
    return bool(entry["additive"]) and not is_rate(entry)


def has_components(entry: pd.Series) -> bool:
    """The catalog names the numerator and denominator the rate is rebuilt from."""
    return bool(entry["numerator"]) and bool(entry["denominator"])


# --- membership ---------------------------------------------------------------------

def gwonyeok_order() -> tuple[str, ...]:
    """The seven 권역 in the crosswalk's order (수도권 first)."""
    return tuple(gwonyeok_table()["gwonyeok"])


def groups_of(grouping: str) -> tuple[str, ...]:
    """The groups a grouping splits the nation into."""
    if grouping == "capital":
        return CAPITAL_GROUPS
    if grouping == "gwonyeok":
        return gwonyeok_order()
    raise ValueError(f"unknown grouping {grouping!r}; use one of {GROUPINGS}")


@cache
def group_codes(group: str) -> frozenset[str]:
    """The 시도 codes of a group: 'nation', 'capital' (수도권), 'noncapital', or a 권역 name."""
    table = region_table()
    if group == NATION:
        return frozenset(table["region_code"])
    if group in CAPITAL_GROUPS:
        return frozenset(table.loc[table["is_capital"] == (group == CAPITAL), "region_code"])
    if group in set(table["gwonyeok"]):
        return frozenset(table.loc[table["gwonyeok"] == group, "region_code"])
    raise ValueError(f"unknown group {group!r}")


def capital_codes() -> frozenset[str]:
    return group_codes(CAPITAL)


def in_group(codes, group: str) -> np.ndarray:
    """Which region codes (시도 or 시군구: the first two digits name the 시도) are in a group."""
    members = group_codes(group)
    return np.fromiter((str(code)[:2] in members for code in codes), dtype=bool)


def group_of(codes, grouping: str) -> pd.Series:
    """Each 시도 (or 시군구) code's group in the grouping, indexed like ``codes``."""
    codes = pd.Series(codes)
    result = pd.Series(None, index=codes.index, dtype=object)
    for group in groups_of(grouping):
        result[in_group(codes, group)] = group
    return result


# --- completeness ----------------------------------------------------------------------

def complete_rows(store: pd.DataFrame, catalog: pd.DataFrame,
                  indicator: str) -> tuple[pd.DataFrame, tuple[int, ...]]:
    """시도 rows of the years with full coverage (in catalog units), and the years left out."""
    def compute():
        years = coverage_by_year(store, indicator)
        complete = [c.year for c in years if c.complete]
        dropped = tuple(c.year for c in years if not c.complete)
        rows = indicator_rows(store, catalog, indicator, "sido")
        return rows[rows["year"].isin(complete)], dropped
    return remembered((store, catalog), ("complete_rows", indicator), compute)


# --- group values -------------------------------------------------------------------------

@dataclass(frozen=True)
class GroupValues:
    """An indicator for every group, in catalog units. values: index year (the complete
    years only), columns 'nation', 'capital', 'noncapital' and the seven 권역. dropped: the
    years with 시도 data that could not be aggregated."""
    values: pd.DataFrame
    dropped: tuple[int, ...]

    def wide(self, grouping: str, with_nation: bool = False) -> pd.DataFrame:
        """year × the grouping's groups (and the nation)."""
        return self.values[list(groups_of(grouping)) + ([NATION] if with_nation else [])]


def all_groups() -> tuple[str, ...]:
    return (NATION, *CAPITAL_GROUPS, *gwonyeok_order())


def _sums(rows: pd.DataFrame) -> pd.DataFrame:
    """Per year, the sum over each group's members (complete cross-sections only)."""
    wide = rows.pivot(index="year", columns="region_code", values="value")
    return pd.DataFrame({group: wide[[c for c in wide.columns if c in group_codes(group)]]
                         .sum(axis=1, min_count=1) for group in all_groups()})


def group_values(store: pd.DataFrame, catalog: pd.DataFrame,
                 indicator: str) -> GroupValues | Availability:
    """The indicator for every group in every complete year, or why it has no group value."""
    return remembered((store, catalog), ("group_values", indicator),
                      lambda: _group_values(store, catalog, indicator))


def _group_values(store, catalog, indicator) -> GroupValues | Availability:
    entry = catalog.loc[indicator]
    if is_additive(entry):
        rows, dropped = complete_rows(store, catalog, indicator)
        if rows.empty:
            return why_not("why_no_complete_year")
        return GroupValues(_sums(rows), dropped)
    if not has_components(entry):
        return why_not("why_rate_without_components" if is_rate(entry)
                       else "why_volume_not_additive")
    top = group_values(store, catalog, entry["numerator"])
    bottom = group_values(store, catalog, entry["denominator"])
    if isinstance(top, Availability) or isinstance(bottom, Availability):
        return why_not("why_no_complete_components")
    years = top.values.index.intersection(bottom.values.index)
    if years.empty:
        return why_not("why_no_complete_components")
    rates = entry["rate_scale"] * top.values.loc[years] / bottom.values.loc[years]
    own_years = set(indicator_rows(store, catalog, indicator, "sido")["year"])
    return GroupValues(rates, tuple(sorted(own_years - set(years))))


def group_total(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str, year: int,
                group: str) -> float:
    """The indicator for one group and year in the catalog unit (see group_values); for the
    nation, the published national row when no group value can be built; else NaN."""
    values = group_values(store, catalog, indicator)
    if isinstance(values, GroupValues) and int(year) in values.values.index:
        return float(values.values.at[int(year), group])
    if group == NATION:
        national = cross_section(store, catalog, indicator, year, "nation")["value"]
        if NATIONAL_CODE in national.index:
            return float(national.loc[NATIONAL_CODE])
    return math.nan


def group_per_capita(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str, year: int,
                     group: str) -> float:
    """The group's total over its total population denominator (catalog units per person)."""
    top = group_total(store, catalog, indicator, year, group)
    bottom = group_total(store, catalog, catalog.loc[indicator, "per_capita_denominator"],
                         year, group)
    return top / bottom if bottom else math.nan
