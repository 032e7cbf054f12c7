"""The value per region that inequality, convergence and scatter measures compare.

Regions can only be compared on a value that does not grow with their size: a level per
head of the population it is measured against (GRDP per person, workers per working-age
person), a rate as published (the unemployment rate), or an age group's share of the
population (the working-age share). Sizes (a population, a GRDP total) and published
quotes are refused with their reason.

A year counts only when every 시도 that existed then has the value, with numerator and
denominator covering the same 시도: GRDP still counts 세종 inside 충남 in 2012 while the
register already lists 세종 on its own, so 2012 GRDP per head is refused, not mixed.
Weights (Williamson's CV, the national mean) are the variable's own population — its
per-head denominator, the rate's denominator — with the same complete coverage.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from analysis.availability import OK, Availability, why_not
from analysis.coverage import coverage_in
from analysis.groups import has_components, is_additive, is_rate
from analysis.measure_units import per_capita_unit
from analysis.memo import remembered
from analysis.rows import cross_section
from analysis.years import years_with_data
from loaders.crosswalk import region_table

BASES = ("per_capita", "rate", "population_share")
# Age groups of the resident register, as a share of its total on the same date.
POPULATION_PARTS = {"population_15_64": "population_total",
                    "population_0_14": "population_total",
                    "population_65_plus": "population_total"}
SHARE_SCALE = 100.0


@dataclass(frozen=True)
class RegionalVariable:
    """What is compared across regions, in which unit. numerator / denominator: catalog
    ids (denominator '' for a rate as published); weight: the population that weights
    each region ('' when none is bundled); factor: catalog units → display unit;
    national: the weighted mean is the national figure (not for chain-linked volumes,
    whose regions do not add up to the nation)."""
    indicator: str
    basis: str
    denominator: str
    weight: str
    factor: float
    unit_ko: str
    unit_en: str
    decimals: int
    national: bool = True

    def unit(self, lang: str) -> str:
        return self.unit_en if lang == "en" else self.unit_ko

    @property
    def sources(self) -> tuple[str, ...]:
        """The catalog entries whose publishers the figures cite."""
        return tuple(dict.fromkeys(i for i in (self.indicator, self.denominator) if i))


def regional_variable(catalog: pd.DataFrame, indicator: str) -> RegionalVariable | Availability:
    """The comparable value of an indicator, or why there is none (remembered per catalog:
    reading a catalog row costs a millisecond and pages ask for every indicator)."""
    return remembered((catalog,), ("regional_variable", indicator),
                      lambda: _regional_variable(catalog, indicator))


def _regional_variable(catalog: pd.DataFrame, indicator: str) -> RegionalVariable | Availability:
    entry = catalog.loc[indicator]
    if entry["kind"] == "published":
        return why_not("why_disparity_published")
    if is_rate(entry):
        weight = entry["denominator"] if has_components(entry) else ""
        return RegionalVariable(indicator, "rate", "", weight, 1.0, "%", "%", 1)
    if entry["per_capita_denominator"]:
        factor, unit_ko, unit_en, decimals = per_capita_unit(catalog, indicator)
        denominator = entry["per_capita_denominator"]
        return RegionalVariable(indicator, "per_capita", denominator, denominator, factor,
                                unit_ko, unit_en, decimals, national=is_additive(entry))
    if indicator in POPULATION_PARTS:
        total = POPULATION_PARTS[indicator]
        return RegionalVariable(indicator, "population_share", total, total, SHARE_SCALE,
                                "%", "%", 1)
    return why_not("why_disparity_size" if is_additive(entry) else "why_disparity_no_basis")


def variable_choices(store: pd.DataFrame, catalog: pd.DataFrame) -> list[str]:
    """Indicators with a comparable value in at least one complete year, catalog order."""
    return list(remembered((store, catalog), ("variable_choices",), lambda: [
        i for i in catalog.index if isinstance(regional_variable(catalog, i), RegionalVariable)
        and complete_years(store, catalog, regional_variable(catalog, i))]))


def _parts(variable: RegionalVariable) -> tuple[str, ...]:
    return (variable.indicator, variable.denominator) if variable.denominator \
        else (variable.indicator,)


def year_availability(store: pd.DataFrame, catalog: pd.DataFrame, variable: RegionalVariable,
                      year: int) -> Availability:
    """Whether every 시도 has the value in the year, from the same regional division."""
    coverages = [coverage_in(store, part, year) for part in _parts(variable)]
    for part, coverage in zip(_parts(variable), coverages):
        if coverage is None:
            return why_not("why_disparity_no_year", year=int(year),
                           part=_names(catalog, part))
        if not coverage.complete:
            return why_not("why_disparity_incomplete", year=int(year),
                           regions=region_names(coverage.missing))
    if len({c.present for c in coverages}) > 1:
        moved = sorted(set().union(*(c.counted_in_parent for c in coverages)))
        return why_not("why_disparity_division", year=int(year), regions=region_names(moved))
    return OK


def complete_years(store: pd.DataFrame, catalog: pd.DataFrame,
                   variable: RegionalVariable) -> list[int]:
    """Years in which the variable covers every 시도 (see year_availability)."""
    return remembered((store, catalog), ("variable_years", variable), lambda: [
        year for year in years_with_data(store, catalog, variable.indicator)
        if year_availability(store, catalog, variable, year).available])


def refused_years(store: pd.DataFrame, catalog: pd.DataFrame,
                  variable: RegionalVariable) -> dict[int, Availability]:
    """Years with some 시도 data that are left out, with the reason for each."""
    return {year: year_availability(store, catalog, variable, year)
            for year in years_with_data(store, catalog, variable.indicator)
            if not year_availability(store, catalog, variable, year).available}


def values_in(store: pd.DataFrame, catalog: pd.DataFrame, variable: RegionalVariable,
              year: int, level: str = "sido") -> pd.Series:
    """The variable per region in the display unit (index region_code; NaN = no data).
    At 시도 level only complete years are meaningful (see complete_years)."""
    def compute():
        top = cross_section(store, catalog, variable.indicator, year, level)["value"]
        if not variable.denominator:
            return (top * variable.factor).astype(float)
        bottom = cross_section(store, catalog, variable.denominator, year, level)["value"]
        regions = top.index.union(bottom.index)
        ratio = top.reindex(regions) / bottom.reindex(regions).where(lambda b: b > 0)
        return (ratio * variable.factor).astype(float).rename_axis("region_code")
    return remembered((store, catalog), ("variable_values", variable, int(year), level),
                      compute)


def weight_availability(store: pd.DataFrame, catalog: pd.DataFrame,
                        variable: RegionalVariable, year: int) -> Availability:
    """Weighted statistics need the variable's population for the same 시도, same year."""
    if not variable.weight:
        return why_not("why_disparity_no_weights")
    coverage = coverage_in(store, variable.weight, year)
    own = coverage_in(store, variable.indicator, year)
    if coverage is None or not coverage.complete or own is None \
            or coverage.present != own.present:
        return why_not("why_disparity_weights_missing", year=int(year),
                       weight=_names(catalog, variable.weight))
    return OK


def weights_in(store: pd.DataFrame, catalog: pd.DataFrame, variable: RegionalVariable,
               year: int) -> pd.Series | None:
    """Each 시도's weight (its population at risk, persons) in the year, or None."""
    if not weight_availability(store, catalog, variable, year).available:
        return None
    return cross_section(store, catalog, variable.weight, year, "sido")["value"].astype(float)


def weighted_mean(store: pd.DataFrame, catalog: pd.DataFrame, variable: RegionalVariable,
                  year: int) -> float:
    """The regions' mean weighted by their population at risk: Σ numerators ÷ Σ
    denominators, the national per-head value or rate when variable.national; NaN
    without weights."""
    weights = weights_in(store, catalog, variable, year)
    if weights is None:
        return math.nan
    values = values_in(store, catalog, variable, year).reindex(weights.index)
    return float((values * weights).sum() / weights.sum())


def _names(catalog: pd.DataFrame, indicator: str) -> tuple[str, str]:
    return catalog.loc[indicator, "name_ko"], catalog.loc[indicator, "name_en"]


def region_names(codes) -> tuple[str, str]:
    """Short 시도 names, joined, in both languages (for a reason's text)."""
    table = region_table().set_index("region_code")
    return tuple(", ".join(table.loc[c, f"short_{lang}"] for c in codes) or "—"
                 for lang in ("ko", "en"))
