"""Regions side by side: a year's cross-section across indicators, a ranking of the 17,
and one region's history against the national and non-capital averages.

Averages are computed, never taken as plain means of regional figures:
- size indicators with a population denominator: per head (group total ÷ group
  population), so a region's per-capita value compares with them;
- size indicators without one (population and labour counts, establishments …): the
  group total ÷ the number of 시도 in it (average per 시도);
- rates: rebuilt from the group's summed components; a rate without bundled components
  has only the official national figure and no non-capital average.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.gap import capital_codes
from analysis.measures import (compute_measure, indicator_rows, measure_availability,
                               per_capita_unit, rank_of)
from analysis.trends import (NATION, NONCAPITAL, aggregate_levels, complete_rows,
                             has_components, is_rate, with_gaps)
from i18n import both
from loaders.crosswalk import gwonyeok_table

COMPARE_MEASURES = ("level", "per_capita", "share", "index")
RANKED_MEASURES = ("level", "per_capita", "share")
NATION_INDEX_UNIT = both("unit_index_of", reference=both("reference_national"))  # 전국=100
AVERAGE_BASIS = {basis: both(f"basis_{basis}") for basis in (
    "per_capita", "per_region", "rate", "national_row", "national_value", "share")}


def indicators_in_year(store: pd.DataFrame, catalog: pd.DataFrame, year: int) -> list[str]:
    """Catalog indicators with at least one 시도 value in the year, in catalog order."""
    return [i for i in catalog.index
            if int(year) in set(indicator_rows(store, catalog, i, "sido")["year"])]


def compare_years(store: pd.DataFrame, catalog: pd.DataFrame) -> list[int]:
    """Years in which at least one catalog indicator has 시도 values, newest first."""
    rows = store[(store["level"] == "sido") & store["indicator"].isin(catalog.index)]
    return sorted((int(y) for y in rows["year"].unique()), reverse=True)


# --- a year's cross-section ---------------------------------------------------------

def regional_cross_section(store: pd.DataFrame, catalog: pd.DataFrame,
                           year: int) -> pd.DataFrame:
    """Every indicator with data in the year × every 시도: value, per_capita, share, index
    (national average = 100) and rank (1 = highest level among the 시도 with data).

    Long frame: indicator, region_code, measure, value, unit_ko, unit_en, decimals,
    ranked_of (how many 시도 the rank is out of).
    """
    parts = []
    for indicator in indicators_in_year(store, catalog, year):
        for measure in COMPARE_MEASURES:
            if not measure_availability(store, catalog, indicator, year, measure).available:
                continue
            result = compute_measure(store, catalog, indicator, year, measure)
            parts.append(_measure_rows(indicator, measure, result.values["value"],
                                       result.unit_ko, result.unit_en, result.decimals))
            if measure == "level":
                ranks = rank_of(result.values["value"])
                parts.append(_measure_rows(indicator, "rank", ranks, *both("unit_rank"), 0,
                                           ranked_of=int(ranks.notna().sum())))
    return pd.concat(parts, ignore_index=True)


def _measure_rows(indicator, measure, values: pd.Series, unit_ko, unit_en, decimals,
                  ranked_of: int | None = None) -> pd.DataFrame:
    return pd.DataFrame({"indicator": indicator, "region_code": values.index.astype(str),
                         "measure": measure, "value": values.to_numpy(dtype=float),
                         "unit_ko": unit_ko, "unit_en": unit_en, "decimals": decimals,
                         "ranked_of": ranked_of})


def gwonyeok_cross_section(store: pd.DataFrame, catalog: pd.DataFrame,
                           year: int) -> pd.DataFrame:
    """Like regional_cross_section for the seven 권역: sums of complete cross-sections
    (rates rebuilt from components), per head from the summed population, share of the
    national total, index against the national per-head value or rate, rank of 7."""
    parts = []
    for indicator in indicators_in_year(store, catalog, year):
        entry = catalog.loc[indicator]
        levels = _gwonyeok_year(store, catalog, indicator, year)
        if levels is None:
            continue
        divisor = 1.0 if is_rate(entry) else entry["display_divisor"]
        parts.append(_measure_rows(indicator, "level", levels / divisor,
                                   entry["display_unit_ko"], entry["display_unit_en"],
                                   int(entry["decimals"])))
        ranks = rank_of(levels)
        parts.append(_measure_rows(indicator, "rank", ranks, *both("unit_rank"), 0,
                                   ranked_of=int(ranks.notna().sum())))
        if is_rate(entry):
            national = _national_rate(store, catalog, indicator, year)
            parts.append(_measure_rows(indicator, "index", 100 * levels / national,
                                       *NATION_INDEX_UNIT, 1))
            continue
        if entry["additive"]:
            parts.append(_measure_rows(indicator, "share", 100 * levels / levels.sum(),
                                       "%", "%", 1))
        per_head = _gwonyeok_per_capita(store, catalog, indicator, year, levels)
        if per_head is not None:
            values, national, (factor, unit_ko, unit_en, decimals) = per_head
            parts.append(_measure_rows(indicator, "per_capita", values * factor,
                                       unit_ko, unit_en, decimals))
            parts.append(_measure_rows(indicator, "index", 100 * values / national,
                                       *NATION_INDEX_UNIT, 1))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["indicator", "region_code", "measure", "value", "unit_ko", "unit_en",
                 "decimals", "ranked_of"])


def _gwonyeok_year(store, catalog, indicator, year) -> pd.Series | None:
    aggregate = aggregate_levels(store, catalog, indicator, "gwonyeok")
    if isinstance(aggregate, tuple) and int(year) in aggregate[0].index:
        order = [g for g in gwonyeok_table()["gwonyeok"] if g in aggregate[0].columns]
        return aggregate[0].loc[int(year), order]
    return None


def _national_rate(store, catalog, indicator, year) -> float:
    aggregate = aggregate_levels(store, catalog, indicator, "groups")
    return float(aggregate[0].loc[int(year), NATION])


def _gwonyeok_per_capita(store, catalog, indicator, year, levels):
    """(per-head values in catalog unit per person, national per head, display unit) or None."""
    denominator = catalog.loc[indicator, "per_capita_denominator"]
    if not denominator:
        return None
    people = _gwonyeok_year(store, catalog, denominator, year)
    if people is None:
        return None
    return levels / people, levels.sum() / people.sum(), per_capita_unit(catalog, indicator)


# --- one indicator ranked ------------------------------------------------------------

@dataclass(frozen=True)
class Ranked:
    """The 17 시도 for one indicator, measure and year, highest first, with the national
    average (see the module docstring for how it is computed) and its basis."""
    frame: pd.DataFrame   # region_code, value, rank, is_capital
    national_average: float
    basis_ko: str
    basis_en: str
    unit_ko: str
    unit_en: str
    decimals: int


def ranked_measures(store, catalog, indicator: str, year: int) -> dict[str, object]:
    """RANKED_MEASURES → Availability for the indicator in the year."""
    return {m: measure_availability(store, catalog, indicator, year, m) for m in RANKED_MEASURES}


def ranked(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str, year: int,
           measure: str = "level") -> Ranked:
    """All 시도 ranked on one measure; regions without data keep NaN and sort last."""
    entry = catalog.loc[indicator]
    result = compute_measure(store, catalog, indicator, year, measure)
    values = result.values["value"]
    frame = pd.DataFrame({"region_code": values.index.astype(str), "value": values.to_numpy(),
                          "rank": rank_of(values).to_numpy()})
    frame["is_capital"] = frame["region_code"].isin(capital_codes())
    frame = frame.sort_values(["rank", "region_code"], na_position="last").reset_index(drop=True)
    basis = ("per_capita" if measure == "per_capita" else "share" if measure == "share"
             else "rate" if is_rate(entry) and has_components(entry)
             else "national_value" if is_rate(entry) or not entry["additive"]
             else "per_region")
    basis_ko, basis_en = AVERAGE_BASIS[basis]
    return Ranked(frame, float(result.aggregates.get(NATION, np.nan)), basis_ko, basis_en,
                  result.unit_ko, result.unit_en, result.decimals)


# --- one region over time ------------------------------------------------------------

def profile_indicators(catalog: pd.DataFrame) -> list[str]:
    """Official statistics with a history: published figures are scattered quotes."""
    return [i for i in catalog.index if catalog.loc[i, "kind"] != "published"]


def region_profile(store: pd.DataFrame, catalog: pd.DataFrame, region: str,
                   indicators: list[str] | None = None) -> pd.DataFrame:
    """One 시도's indicators over time next to the national and non-capital averages.

    Long frame: indicator, year, series (region | nation | noncapital), value (display
    unit of the basis), unit_ko, unit_en, decimals, basis_ko, basis_en.
    """
    parts = [_profile_one(store, catalog, region, indicator)
             for indicator in (indicators or profile_indicators(catalog))]
    parts = [p for p in parts if p is not None and not p.empty]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def _profile_one(store, catalog, region, indicator) -> pd.DataFrame | None:
    entry = catalog.loc[indicator]
    rows = indicator_rows(store, catalog, indicator, "sido")
    own = rows[rows["region_code"] == region].set_index("year")["value"]
    if own.empty:
        return None
    if entry["per_capita_denominator"]:
        series, basis, unit = _per_capita_profile(store, catalog, indicator, region, own)
    elif is_rate(entry):
        series, basis = _rate_profile(store, catalog, indicator, own)
        unit = (entry["display_unit_ko"], entry["display_unit_en"], int(entry["decimals"]))
    elif entry["additive"]:
        series, basis = _per_region_profile(store, catalog, indicator, own)
        divisor = entry["display_divisor"]
        series = {k: v / divisor for k, v in series.items()}
        unit = (entry["display_unit_ko"], entry["display_unit_en"], int(entry["decimals"]))
    else:
        return None
    frames = [s.rename("value").rename_axis("year").reset_index().assign(series=name)
              for name, s in series.items() if s is not None]
    frame = with_gaps(pd.concat(frames, ignore_index=True).dropna(subset=["value"]))
    basis_ko, basis_en = AVERAGE_BASIS[basis]
    return frame.assign(indicator=indicator, unit_ko=unit[0], unit_en=unit[1],
                        decimals=unit[2], basis_ko=basis_ko, basis_en=basis_en)


def _group_sums(store, catalog, indicator) -> pd.DataFrame | None:
    aggregate = aggregate_levels(store, catalog, indicator, "groups")
    return aggregate[0] if isinstance(aggregate, tuple) else None


def _per_capita_profile(store, catalog, indicator, region, own):
    entry = catalog.loc[indicator]
    factor, unit_ko, unit_en, decimals = per_capita_unit(catalog, indicator)
    people_rows = indicator_rows(store, catalog, entry["per_capita_denominator"], "sido")
    people = people_rows[people_rows["region_code"] == region].set_index("year")["value"]
    series = {"region": factor * own / people.reindex(own.index)}
    totals = _group_sums(store, catalog, indicator)
    population = _group_sums(store, catalog, entry["per_capita_denominator"])
    if totals is not None and population is not None:
        series[NATION] = factor * totals[NATION] / population[NATION]
        series[NONCAPITAL] = factor * totals[NONCAPITAL] / population[NONCAPITAL]
    else:  # a chain-linked volume: national row over national population, no rest figure
        national = indicator_rows(store, catalog, indicator, "nation").set_index("year")["value"]
        if population is not None:
            series[NATION] = factor * national / population[NATION]
    return series, "per_capita", (unit_ko, unit_en, decimals)


def _rate_profile(store, catalog, indicator, own):
    rates = _group_sums(store, catalog, indicator)
    if rates is not None:
        return {"region": own, NATION: rates[NATION], NONCAPITAL: rates[NONCAPITAL]}, "rate"
    national = indicator_rows(store, catalog, indicator, "nation").set_index("year")["value"]
    return {"region": own, NATION: national}, "national_row"


def _per_region_profile(store, catalog, indicator, own):
    rows, _ = complete_rows(store, catalog, indicator)
    capital = rows["region_code"].isin(capital_codes())
    rest = rows[~capital].groupby("year")["value"]
    everyone = rows.groupby("year")["value"]
    return {"region": own, NATION: everyone.sum() / everyone.count(),
            NONCAPITAL: rest.sum() / rest.count()}, "per_region"
