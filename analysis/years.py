"""Which years an indicator can be shown for, and the years a view starts on."""

from __future__ import annotations

import pandas as pd

from analysis.coverage import complete_years
from analysis.memo import remembered
from analysis.rows import cross_section, indicator_rows


def years_with_data(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str,
                    level: str = "sido") -> list[int]:
    """Years in which the indicator has at least one value at the level."""
    return list(remembered((store, catalog), ("years", indicator, level), lambda: sorted(
        int(y) for y in indicator_rows(store, catalog, indicator, level)["year"].unique())))


def default_year(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str,
                 level: str = "sido") -> int | None:
    """The latest year with complete 시도 coverage, else the latest year with the most regions."""
    complete = complete_years(store, indicator)
    if level == "sido" and complete:
        return max(complete)
    rows = indicator_rows(store, catalog, indicator, level)
    if rows.empty:
        return None
    counts = rows.groupby("year")["region_code"].nunique()
    return int(counts[counts == counts.max()].index.max())


def default_base_year(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str, year: int,
                      level: str = "sido") -> int | None:
    """The earliest earlier year in which every region with data in ``year`` has data too,
    so that growth covers the whole map (GRDP 2023: 2013, the first year with 세종);
    else the earliest earlier year; None if there is none."""
    now = set(cross_section(store, catalog, indicator, int(year), level).index)
    earlier = [y for y in years_with_data(store, catalog, indicator, level) if y < int(year)]
    for candidate in earlier:
        if now <= set(cross_section(store, catalog, indicator, candidate, level).index):
            return candidate
    return earlier[0] if earlier else None
