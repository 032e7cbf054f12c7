"""Which 시도 a cross-section has, and whether it is complete enough to add up.

A 시도 missing before it existed (세종 2012, 울산 1997, 대전 1989, 광주 1986) is not
missing data; nor is one missing before an indicator first compiles it separately
(GRDP has 울산 from 1998 and 세종 from 2013, the labour survey 세종 from 2017): until
then its area is counted inside its former 시도, so the others still cover the nation.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.memo import remembered
from loaders.crosswalk import expected_regions, newer_regions


@dataclass(frozen=True)
class YearCoverage:
    year: int
    present: tuple[str, ...]
    missing: tuple[str, ...]
    counted_in_parent: tuple[str, ...]
    mixed_units: bool

    @property
    def complete(self) -> bool:
        return not self.missing and not self.mixed_units


def sido_rows(store: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """The indicator's 시도 rows (no national, group or 시군구 rows)."""
    return store[(store["indicator"] == indicator) & (store["level"] == "sido")]


def coverage_by_year(store: pd.DataFrame, indicator: str) -> list[YearCoverage]:
    """Coverage of every year in which the indicator has at least one 시도 value
    (remembered per store: it is the slowest step of every aggregate)."""
    return remembered((store,), ("coverage", indicator),
                      lambda: _coverage_by_year(store, indicator))


def _coverage_by_year(store: pd.DataFrame, indicator: str) -> list[YearCoverage]:
    rows = sido_rows(store, indicator).dropna(subset=["value"])
    if rows.empty:
        return []
    first_compiled = rows.groupby("region_code")["year"].min()
    result = []
    for year, group in rows.groupby("year"):
        expected = set(expected_regions(int(year)))
        present = set(group["region_code"])
        in_parent = {code for code in newer_regions()
                     if code in expected - present and code in first_compiled
                     and year < first_compiled[code]}
        expected -= in_parent
        result.append(YearCoverage(
            year=int(year), present=tuple(sorted(present)),
            missing=tuple(sorted(expected - present)), counted_in_parent=tuple(sorted(in_parent)),
            mixed_units=group["unit"].nunique() > 1))
    return result


def coverage_in(store: pd.DataFrame, indicator: str, year: int) -> YearCoverage | None:
    """The coverage of one year (None: no 시도 value that year)."""
    by_year = remembered((store,), ("coverage_by_year", indicator),
                         lambda: {c.year: c for c in coverage_by_year(store, indicator)})
    return by_year.get(int(year))


def complete_years(store: pd.DataFrame, indicator: str) -> list[int]:
    return [c.year for c in coverage_by_year(store, indicator) if c.complete]


def latest_complete_year(store: pd.DataFrame, indicator: str) -> int | None:
    years = complete_years(store, indicator)
    return max(years) if years else None
