"""What the 시군구 cluster map can test: an age group's share of the population, or a
population's average annual growth since a base year — never a size (large 시군구 would
cluster as "hot" only for being large). Kept apart from analysis.spatial, which needs
PySAL, so that pages can offer the choices without loading it.
"""

from __future__ import annotations

import pandas as pd

from analysis.availability import Availability, why_not
from analysis.measure_availability import measure_availability
from analysis.measures import compute_measure
from analysis.regional_values import POPULATION_PARTS, regional_variable, values_in
from analysis.years import years_with_data

SPATIAL_MEASURES = ("share", "growth")


def spatial_subjects(store: pd.DataFrame, catalog: pd.DataFrame) -> list[str]:
    """시군구 indicators that can be tested: those the bundled 시군구 data holds."""
    return [i for i in catalog.index if years_with_data(store, catalog, i, "sigungu")]


def subject_measures(indicator: str) -> tuple[str, ...]:
    """An age group as a share of the population; any population as its growth."""
    return SPATIAL_MEASURES if indicator in POPULATION_PARTS else ("growth",)


def lisa_years(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str,
               measure: str) -> list[int]:
    """Years the variable can be tested in (growth needs an earlier year)."""
    years = years_with_data(store, catalog, indicator, "sigungu")
    return years[1:] if measure == "growth" else years


def sigungu_values(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str, measure: str,
                   year: int, base_year: int | None) -> tuple[pd.Series, str, str] | Availability:
    """(values per 시군구 map unit, unit_ko, unit_en), or why not."""
    if measure not in subject_measures(indicator):
        return why_not("why_spatial_size")
    if measure == "share":
        variable = regional_variable(catalog, indicator)
        if int(year) not in years_with_data(store, catalog, indicator, "sigungu"):
            return why_not("why_no_rows", year=int(year))
        return values_in(store, catalog, variable, year, "sigungu"), variable.unit_ko, \
            variable.unit_en
    availability = measure_availability(store, catalog, indicator, year, "growth", base_year,
                                        "sigungu")
    if base_year is None or not availability.available:
        return availability if not availability.available else why_not("why_spatial_base")
    result = compute_measure(store, catalog, indicator, year, "growth", base_year, "sigungu")
    return result.values["value"], result.unit_ko, result.unit_en
