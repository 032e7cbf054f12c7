"""Whether a map measure is meaningful for an indicator in a year, and if not, why.

Rates are never summed or shared out, shares need a complete 시도 cross-section, and a
size is only compared with the national average per head of population.
"""

from __future__ import annotations

import math

import pandas as pd

from analysis.availability import OK, Availability, why_not
from analysis.groups import NATION, group_total, is_additive, is_rate
from analysis.measure_units import indicator_names
from analysis.rows import cross_section
from analysis.years import years_with_data

MEASURES = ("level", "per_capita", "share", "growth", "index")
LEVELS = ("sido", "sigungu")
REFERENCES = ("national", "capital")


def measure_availability(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str,
                         year: int, measure: str, base_year: int | None = None,
                         level: str = "sido") -> Availability:
    """Whether ``measure`` is meaningful for the indicator in that year, with the reason if not.

    level: always if there is data; per_capita: the catalog names a population
    denominator with data that year; share: additive and the 시도 cross-section is
    complete; growth: an earlier year exists (base_year, if given, precedes ``year`` and
    has data); index: a national rate (row or components) for rates, or a per-capita
    denominator for size indicators.
    """
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; use one of {MEASURES}")
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; use one of {LEVELS}")
    entry = catalog.loc[indicator]
    year = int(year)
    if cross_section(store, catalog, indicator, year, level).empty:
        return why_not("why_no_rows", year=year)
    if measure == "level":
        return OK
    if measure == "per_capita":
        return per_capita_availability(store, catalog, indicator, year, level)
    if measure == "share":
        if not is_additive(entry):
            return why_not("why_not_additive")
        if math.isnan(group_total(store, catalog, indicator, year, NATION)):
            return why_not("why_incomplete", year=year)
        return OK
    if measure == "growth":
        earlier = [y for y in years_with_data(store, catalog, indicator, level) if y < year]
        if base_year is None:
            return OK if earlier else why_not("why_no_earlier_year", year=year)
        if int(base_year) >= year:
            return why_not("why_base_not_before")
        if int(base_year) not in earlier:
            return why_not("why_base_missing", base_year=int(base_year))
        return OK
    # index
    if is_rate(entry):
        if math.isnan(group_total(store, catalog, indicator, year, NATION)):
            return why_not("why_no_national_rate")
        return OK
    if not entry["per_capita_denominator"]:
        return why_not("why_index_needs_denominator")
    return per_capita_availability(store, catalog, indicator, year, level)


def per_capita_availability(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str,
                            year: int, level: str = "sido") -> Availability:
    """A per-head value needs the catalog's population denominator with data that year."""
    denominator = catalog.loc[indicator, "per_capita_denominator"]
    if not denominator:
        return why_not("why_no_denominator")
    if cross_section(store, catalog, denominator, year, level).empty:
        return why_not("why_denominator_missing", year=int(year),
                       denominator=indicator_names(catalog, denominator))
    return OK
