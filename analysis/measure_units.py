"""How each map measure is expressed: its unit, decimals, note, and the scale from the
catalog unit, so that figures read without exponents (money per head in 만원, counts per
1,000 persons)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.groups import is_additive, is_rate
from i18n import both

WON_PER_UNIT = {"백만원": 1e6, "억원": 1e8}
WON_PER_DISPLAY = 1e4
COUNT_PER = 1000
DENOMINATOR_LABELS = {  # how a per-head unit names its denominator: (one, a thousand)
    "population_total": ("per_person", "per_thousand_persons"),
    "population_15_64": ("per_working_age_person", "per_thousand_working_age"),
}


@dataclass(frozen=True)
class MeasureSpec:
    """How a measure is expressed: unit, decimals, note, and the scale from catalog units."""
    unit_ko: str
    unit_en: str
    decimals: int
    note_ko: str
    note_en: str
    factor: float = 1.0


def indicator_names(catalog: pd.DataFrame, indicator: str) -> tuple[str, str]:
    """(Korean, English) name, for a catalog string that names the indicator."""
    return catalog.loc[indicator, "name_ko"], catalog.loc[indicator, "name_en"]


def per_capita_unit(catalog: pd.DataFrame, indicator: str) -> tuple[float, str, str, int]:
    """(factor from catalog unit per person, unit_ko, unit_en, decimals): money per head in
    만원, counts per 1,000 persons, so that the figures read without exponents."""
    entry = catalog.loc[indicator]
    denominator = entry["per_capita_denominator"]
    name = indicator_names(catalog, denominator)
    one, thousand = DENOMINATOR_LABELS.get(denominator, ("per_one_of", "per_thousand_of"))
    if entry["unit_ko"] in WON_PER_UNIT:
        return (WON_PER_UNIT[entry["unit_ko"]] / WON_PER_DISPLAY,
                *both("unit_money_per_head", per=both(one, name=name)), 0)
    return (COUNT_PER, *both("unit_count_per", unit=(entry["unit_ko"], entry["unit_en"]),
                             per=both(thousand, name=name)), 1)


def measure_spec(catalog: pd.DataFrame, entry: pd.Series, year: int, measure: str,
                 base_year: int | None, level: str, reference: str) -> MeasureSpec:
    if measure == "level":
        note = both("note_level_average") if is_additive(entry) else ("", "")
        return MeasureSpec(entry["display_unit_ko"], entry["display_unit_en"],
                           int(entry["decimals"]), *note, factor=1 / entry["display_divisor"])
    if measure == "per_capita":
        factor, unit_ko, unit_en, decimals = per_capita_unit(catalog, entry.name)
        names = indicator_names(catalog, entry["per_capita_denominator"])
        return MeasureSpec(unit_ko, unit_en, decimals, *both("note_denominator", name=names),
                           factor=factor)
    if measure == "share":
        return MeasureSpec("%", "%", 1 if level == "sido" else 2, *both("note_share"))
    if measure == "growth":
        if is_rate(entry):
            return MeasureSpec(*both("unit_pp"), 1,
                               *both("note_growth_pp", base_year=base_year, year=year))
        note = "note_growth_nominal" if entry.name == "grdp_nominal" else "note_growth"
        return MeasureSpec(*both("unit_pct_per_year"), 2,
                           *both(note, base_year=base_year, year=year))
    name = both(f"reference_{reference}")
    basis = both("note_index_basis_rate" if is_rate(entry) else "note_index_basis_per_capita")
    return MeasureSpec(*both("unit_index_of", reference=name), 1,
                       *both("note_index", reference=name, basis=basis))
