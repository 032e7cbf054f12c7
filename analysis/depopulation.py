"""The designated depopulation areas against the other 시군구: population, age structure
and change since a base year, as far as the bundled 시군구 population allows.

Areas are the Ministry of the Interior's 89 인구감소지역 and 18 인구감소관심지역
(loaders.load_depopulation_areas), on the bundled map units; every other 시군구 is
"other", split into the capital region and the rest. A group's population, shares and
change are sums over its 시군구 only when every one of them has data (in both years, for
the change): 2012–2015 lack the 경기 and 충북 시군구, so a change from those years is
refused for the groups they belong to and ``change_units`` says how many have data.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from analysis.groups import in_group
from analysis.rows import cross_section
from analysis.years import years_with_data

AREA_GROUPS = ("depopulation", "watch", "other_noncapital", "other_capital")
POPULATION = "population_total"
WORKING_AGE = "population_15_64"
OLDER = "population_65_plus"
COLUMNS = ("group", "units", "units_with_data", "population", "working_age_share",
           "older_share", "change", "change_units")


def outside_capital(areas: pd.DataFrame) -> tuple[int, int]:
    """(designated areas outside the capital region, all designated areas)."""
    outside = int((~in_group(areas["sido_code"], "capital")).sum())
    return outside, len(areas)


def area_groups(codes, areas: pd.DataFrame) -> pd.Series:
    """Each 시군구 map unit's group (AREA_GROUPS), indexed by code."""
    codes = pd.Index(codes, name="region_code")
    designated = areas.set_index("region_code")["area"]
    other = pd.Series(np.where(in_group(codes, "capital"), "other_capital", "other_noncapital"),
                      index=codes)
    return designated.reindex(codes).fillna(other)


def _people(store, catalog, indicator: str, year: int) -> pd.Series:
    return cross_section(store, catalog, indicator, year, "sigungu")["value"]


def comparison(store: pd.DataFrame, catalog: pd.DataFrame, areas: pd.DataFrame,
               map_units, year: int, base_year: int) -> pd.DataFrame:
    """One row per group: map units, units with data in ``year``, population and the
    working-age and 65+ shares (%) when every unit has data, and the population change
    (%) from ``base_year`` when every unit has data in both years (``change_units``)."""
    groups = area_groups(map_units, areas)
    now = {name: _people(store, catalog, name, year) for name in (POPULATION, WORKING_AGE, OLDER)}
    then = _people(store, catalog, POPULATION, base_year)
    rows = []
    for group in AREA_GROUPS:
        members = groups.index[groups == group]
        present = members.intersection(now[POPULATION].index)
        complete = len(present) == len(members) and len(members) > 0
        population = float(now[POPULATION].reindex(members).sum()) if complete else math.nan
        panel = present.intersection(then.index)
        change = (100 * (now[POPULATION].reindex(panel).sum() / then.reindex(panel).sum() - 1)
                  if complete and len(panel) == len(members) else math.nan)
        rows.append({
            "group": group, "units": len(members), "units_with_data": len(present),
            "population": population,
            "working_age_share": _share(now[WORKING_AGE], now[POPULATION], members, complete),
            "older_share": _share(now[OLDER], now[POPULATION], members, complete),
            "change": float(change), "change_units": len(panel)})
    return pd.DataFrame(rows, columns=list(COLUMNS))


def first_complete_year(store: pd.DataFrame, catalog: pd.DataFrame, map_units) -> int | None:
    """The first year in which every 시군구 map unit has a population figure."""
    units = set(map_units)
    return next((year for year in years_with_data(store, catalog, POPULATION, "sigungu")
                 if units <= set(cross_section(store, catalog, POPULATION, year, "sigungu").index)),
                None)


def _share(part: pd.Series, whole: pd.Series, members: pd.Index, complete: bool) -> float:
    if not complete or not members.isin(part.index).all():
        return math.nan
    return float(100 * part.reindex(members).sum() / whole.reindex(members).sum())
