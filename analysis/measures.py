"""What a map or chart can show for an indicator: level, per capita, share, growth, index.

Every measure is computed for every region that existed in the year (NaN = no data,
never 0), in a readable unit (analysis.measure_units), together with the same measure
for the nation, 수도권 and 비수도권 (``aggregates``) so that a region can be compared
with them. Whether a measure is meaningful is decided by analysis.measure_availability;
group figures come from the aggregation core (analysis.groups), always built from 시도
rows, also for a 시군구 map: the 시도 cross-sections are more complete than the 시군구 ones.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import pandas as pd

from analysis.coverage import coverage_in
from analysis.groups import (CAPITAL, NATION, NONCAPITAL, group_codes, group_per_capita,
                             group_total, in_group, is_additive, is_rate)
from analysis.measure_availability import REFERENCES, measure_availability
from analysis.measure_units import MeasureSpec, measure_spec
from analysis.rows import cross_section, indicator_rows
from analysis.years import default_base_year, years_with_data
from i18n import both
from loaders.crosswalk import expected_regions

GROUPS = (NATION, CAPITAL, NONCAPITAL)


@dataclass
class MeasureResult:
    """A measure for one indicator, year and level, ready to map or tabulate.

    values: indexed by region_code (every region that existed that year), columns
    ``value`` (NaN = no data) and ``source``; growth adds ``change`` (% or %p since the
    base year). aggregates: the same measure for 'nation', 'capital' and 'noncapital'
    (NaN when it cannot be built); for the level and share of additive indicators this is
    the average per region, so that it compares with a region's value.
    """
    values: pd.DataFrame
    unit_ko: str
    unit_en: str
    decimals: int
    note_ko: str = ""
    note_en: str = ""
    aggregates: dict[str, float] = field(default_factory=dict)


def regions_of(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str, year: int,
               level: str = "sido") -> list[str]:
    """The regions a cross-section should hold: 시도 that existed that year, or every 시군구
    map unit the indicator has in any year (units that did not exist are merged into their
    successors by the crosswalk)."""
    if level == "sido":
        return list(expected_regions(int(year)))
    return sorted(indicator_rows(store, catalog, indicator, level)["region_code"].unique())


def compute_measure(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str, year: int,
                    measure: str, base_year: int | None = None, level: str = "sido",
                    reference: str = "national") -> MeasureResult:
    """The measure for every region of the level that existed in ``year``.

    growth: ``value`` is the compound annual growth rate (% per year) since ``base_year``
    (default: default_base_year) and ``change`` the total % change;
    for % indicators both are the change in percentage points. index: the region's rate,
    or its per-capita value, against the reference average (``reference``: 'national'
    or 'capital' = 100). Raises ValueError when the measure is not available.
    """
    entry, year, base_year = _checked(store, catalog, indicator, year, measure, base_year,
                                      level, reference)
    regions = pd.Index(regions_of(store, catalog, indicator, year, level), name="region_code")
    here = cross_section(store, catalog, indicator, year, level).reindex(regions)
    spec = measure_spec(catalog, entry, year, measure, base_year, level, reference)
    values = _region_values(store, catalog, entry, year, measure, base_year, level, here,
                            reference, spec)
    aggregates = {}
    for group in GROUPS:
        figure = _group_measure(store, catalog, entry, year, measure, group, base_year,
                                reference, spec)[0]
        if measure in ("level", "share") and is_additive(entry):
            figure /= max(int(in_group(regions, group).sum()), 1)  # average per region
        aggregates[group] = float(figure)
    values["source"] = here["source"]
    result = MeasureResult(values, spec.unit_ko, spec.unit_en, spec.decimals, spec.note_ko,
                           spec.note_en, aggregates)
    if measure == "index" and values["value"].isna().all():
        unbuildable_ko, unbuildable_en = both("note_index_unbuildable")
        result.note_ko += " " + unbuildable_ko
        result.note_en += " " + unbuildable_en
    return _with_preliminary(result, here["preliminary"], year)


def dissolved_measure(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str, year: int,
                      measure: str, groups: tuple[str, ...], base_year: int | None = None,
                      reference: str = "national") -> MeasureResult:
    """The measure for groups of 시도 drawn as one shape each (('capital', 'noncapital') or
    the seven 권역): sums for sizes and shares, rates rebuilt from components, per-capita
    values from summed numerators and denominators. NaN where a member lacks data."""
    entry, year, base_year = _checked(store, catalog, indicator, year, measure, base_year,
                                      "sido", reference)
    spec = measure_spec(catalog, entry, year, measure, base_year, "sido", reference)
    per_group = measure in ("level", "share") and is_additive(entry)
    if per_group:   # the comparison figures are averages per drawn group, not per 시도
        note_ko, note_en = both(f"note_{measure}_group_average")
        spec = replace(spec, note_ko=note_ko, note_en=note_en)
    rows = [_group_measure(store, catalog, entry, year, measure, group, base_year, reference,
                           spec) for group in groups]
    values = pd.DataFrame(rows, columns=["value", "change"],
                          index=pd.Index(groups, name="region_code"))
    if measure != "growth":
        values = values.drop(columns="change")
    here = cross_section(store, catalog, indicator, year, "sido")
    values["source"] = here["source"].iloc[0] if not here.empty else ""
    aggregates = {}
    for group in GROUPS:
        figure = _group_measure(store, catalog, entry, year, measure, group, base_year,
                                reference, spec)[0]
        if per_group:
            # Average per drawn group, so that it compares with a group's value.
            inside = sum(group_codes(g) <= group_codes(group) for g in groups)
            figure /= max(inside, 1)
        aggregates[group] = float(figure)
    return _with_preliminary(MeasureResult(values, spec.unit_ko, spec.unit_en, spec.decimals,
                                           spec.note_ko, spec.note_en, aggregates),
                             here["preliminary"], year)


def _checked(store, catalog, indicator, year, measure, base_year, level, reference):
    availability = measure_availability(store, catalog, indicator, year, measure, base_year, level)
    if not availability.available:
        raise ValueError(f"{measure} of {indicator} in {year}: {availability.reason_en}")
    if reference not in REFERENCES:
        raise ValueError(f"unknown reference {reference!r}; use one of {REFERENCES}")
    if measure == "growth" and base_year is None:
        base_year = default_base_year(store, catalog, indicator, year, level)
    return catalog.loc[indicator], int(year), None if base_year is None else int(base_year)


def _sentences(*parts: str) -> str:
    """Notes joined as sentences: each ends with a full stop before the next begins."""
    return " ".join(part if part.endswith(".") else part + "." for part in parts if part)


def _with_preliminary(result: MeasureResult, preliminary: pd.Series, year: int) -> MeasureResult:
    if preliminary.fillna(False).astype(bool).any():
        note_ko, note_en = both("note_preliminary_year", year=year)
        result.note_ko = _sentences(result.note_ko, note_ko)
        result.note_en = _sentences(result.note_en, note_en)
    return result


def _region_values(store, catalog, entry, year, measure, base_year, level, here, reference,
                   spec: MeasureSpec) -> pd.DataFrame:
    value = here["value"]
    if measure == "level":
        return _frame(value * spec.factor)
    if measure == "per_capita":
        return _frame(_per_capita_values(store, catalog, entry, year, level, here) * spec.factor)
    if measure == "share":
        return _frame(100 * value / group_total(store, catalog, entry.name, year, NATION))
    if measure == "growth":
        base = cross_section(store, catalog, entry.name, base_year, level)["value"]
        annual, total = _growth_pair(value, base.reindex(here.index), year - base_year,
                                     is_rate(entry))
        return _frame(annual, change=total.astype(float))
    reference_group = NATION if reference == "national" else CAPITAL
    if is_rate(entry):
        return _frame(100 * value / group_total(store, catalog, entry.name, year, reference_group))
    region = _per_capita_values(store, catalog, entry, year, level, here)
    national = group_per_capita(store, catalog, entry.name, year, reference_group)
    return _frame(100 * region / national)


def _group_measure(store, catalog, entry, year, measure, group, base_year, reference,
                   spec: MeasureSpec) -> tuple[float, float]:
    """(value, total change) of the measure for a group of 시도 as a whole."""
    indicator = entry.name
    if measure == "level":
        return group_total(store, catalog, indicator, year, group) * spec.factor, math.nan
    if measure == "per_capita":
        return group_per_capita(store, catalog, indicator, year, group) * spec.factor, math.nan
    if measure == "share":
        return (100 * group_total(store, catalog, indicator, year, group)
                / group_total(store, catalog, indicator, year, NATION), math.nan)
    if measure == "growth":
        return _growth_pair(group_total(store, catalog, indicator, year, group),
                            group_total(store, catalog, indicator, base_year, group),
                            year - base_year, is_rate(entry))
    reference_group = NATION if reference == "national" else CAPITAL
    if is_rate(entry):
        figure = group_total(store, catalog, indicator, year, group)
        base = group_total(store, catalog, indicator, year, reference_group)
    else:
        figure = group_per_capita(store, catalog, indicator, year, group)
        base = group_per_capita(store, catalog, indicator, year, reference_group)
    return 100 * figure / base, math.nan


def _frame(values: pd.Series, **extra: pd.Series) -> pd.DataFrame:
    return pd.DataFrame({"value": values.astype(float), **extra})


def _per_capita_values(store, catalog, entry, year, level, here) -> pd.Series:
    denominator = cross_section(store, catalog, entry["per_capita_denominator"], year, level)
    return here["value"] / denominator["value"].reindex(here.index)


def _growth_pair(current, base, years: int, in_points: bool):
    """(annualised, total) growth: CAGR and % change, or the %p change for rates."""
    if in_points:
        return current - base, current - base
    if isinstance(base, pd.Series):
        ratio = (current / base).where(base > 0)
    else:
        ratio = current / base if base > 0 else math.nan
    return 100 * (ratio ** (1 / years) - 1), 100 * (ratio - 1)


def measure_series(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str, measure: str,
                   base_year: int | None = None, level: str = "sido",
                   reference: str = "national") -> pd.DataFrame:
    """The measure in every year where it is available: long rows (year, region_code, value)
    for regions and for the groups 'nation', 'capital', 'noncapital' (is_group True). Used
    for trend lines and to hold class breaks fixed across years."""
    frames = []
    for year in years_with_data(store, catalog, indicator, level):
        if not measure_availability(store, catalog, indicator, year, measure, base_year,
                                    level).available:
            continue
        result = compute_measure(store, catalog, indicator, year, measure, base_year, level,
                                 reference)
        regions = result.values["value"].rename_axis("region_code").reset_index()
        groups = pd.DataFrame({"region_code": list(result.aggregates),
                               "value": list(result.aggregates.values())})
        frames.append(pd.concat([regions.assign(is_group=False), groups.assign(is_group=True)])
                      .assign(year=year))
    if not frames:
        return pd.DataFrame(columns=["year", "region_code", "value", "is_group"])
    return pd.concat(frames, ignore_index=True)[["year", "region_code", "value", "is_group"]]


def gap_to_reference(result: MeasureResult, reference: str = "national") -> pd.Series:
    """Each region's difference from the national (or 수도권) figure of the same measure:
    the input of a diverging map centred at zero."""
    group = NATION if reference == "national" else CAPITAL
    return result.values["value"] - result.aggregates.get(group, math.nan)


def rank_of(values: pd.Series) -> pd.Series:
    """Rank with 1 = highest; ties share the better rank; NaN stays NaN."""
    return values.rank(ascending=False, method="min", na_option="keep")


# --- why regions are blank ----------------------------------------------------------------------

def missing_by_reason(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str, year: int,
                      result: MeasureResult, level: str = "sido") -> dict[str, list[str]]:
    """Regions without a value, by reason: 'counted_in_parent' (세종 before it was compiled
    separately: its area is inside its former 시도), 'not_in_source' (the source has no
    figure), 'not_computable' (a figure exists but the measure lacks its base year or
    denominator)."""
    blank = result.values.index[result.values["value"].isna()]
    present = set(cross_section(store, catalog, indicator, int(year), level).index)
    in_parent = set()
    coverage = coverage_in(store, indicator, year)
    if level == "sido" and coverage is not None:
        in_parent = set(coverage.counted_in_parent)
    reasons: dict[str, list[str]] = {"counted_in_parent": [], "not_in_source": [],
                                     "not_computable": []}
    for code in blank:
        key = ("counted_in_parent" if code in in_parent else
               "not_computable" if code in present else "not_in_source")
        reasons[key].append(code)
    return {key: codes for key, codes in reasons.items() if codes}
