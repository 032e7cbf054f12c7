"""What a map or chart can show for an indicator: level, per capita, share, growth, index.

Every measure is computed for every region that existed in the year (NaN = no data,
never 0), in a readable unit, together with the same measure for the nation, 수도권 and
비수도권 (``aggregates``) so that a region can be compared with them. A measure that is
not meaningful for an indicator is refused by ``measure_availability`` with a reason:
rates are never summed or shared out, and levels are only compared with the national
average per head of population.

Group figures (nation, 수도권, 비수도권) are always built from 시도 rows, also for a
시군구 map: the 시도 cross-sections are more complete than the 시군구 ones.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import pandas as pd

from analysis.coverage import YearCoverage, coverage_by_year
from i18n import both
from loaders.crosswalk import expected_regions, region_table

MEASURES = ("level", "per_capita", "share", "growth", "index")
LEVELS = ("sido", "sigungu")
REFERENCES = ("national", "capital")
GROUPS = ("nation", "capital", "noncapital")
NATIONAL_CODE = "00"

# Money per head reads best in 만원 (10,000 won); counts per 1,000 persons.
WON_PER_UNIT = {"백만원": 1e6, "억원": 1e8}
WON_PER_DISPLAY = 1e4
COUNT_PER = 1000
# Row units a published source keeps ("만개 (rounded to 0.1)") relative to the catalog unit.
UNIT_PREFIX_FACTORS = {"만": 1e4, "천": 1e3}
DENOMINATOR_LABELS = {  # how a per-head unit names its denominator: (one, a thousand)
    "population_total": ("per_person", "per_thousand_persons"),
    "population_15_64": ("per_working_age_person", "per_thousand_working_age"),
}


@dataclass(frozen=True)
class Availability:
    """Whether a measure can be shown, and if not, why (in both languages)."""
    available: bool
    reason_ko: str = ""
    reason_en: str = ""


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


def _unavailable(reason: str, **values) -> Availability:
    """A refusal worded by the catalog key unavailable_<reason>."""
    return Availability(False, *both(f"unavailable_{reason}", **values))


# --- store access -------------------------------------------------------------------

_MEMO: dict[tuple, tuple[pd.DataFrame, pd.DataFrame, object]] = {}
_EMPTY = pd.DataFrame({"value": pd.Series(dtype=float), "source": pd.Series(dtype=object),
                       "preliminary": pd.Series(dtype=bool)}).rename_axis("region_code")


def _memo(store: pd.DataFrame, catalog: pd.DataFrame, key: tuple, compute):
    """Remember a derived value per (store, catalog) object pair: the page reruns compute
    the same cross-sections and group totals many times. Holding the objects themselves
    makes a reused id() impossible."""
    full_key = (id(store), id(catalog), *key)
    cached = _MEMO.get(full_key)
    if cached is not None and cached[0] is store and cached[1] is catalog:
        return cached[2]
    value = compute()
    _MEMO[full_key] = (store, catalog, value)
    return value


def _unit_factor(row_unit: str, catalog_unit: str) -> float:
    """Multiplier from a row's published unit to the catalog unit ('만개' → '개' is 10,000)."""
    if row_unit.startswith(catalog_unit) or catalog_unit == "%":
        return 1.0
    prefix, rest = row_unit[:1], row_unit[1:]
    if prefix in UNIT_PREFIX_FACTORS and rest.startswith(catalog_unit):
        return UNIT_PREFIX_FACTORS[prefix]
    raise ValueError(f"cannot convert unit {row_unit!r} to {catalog_unit!r}")


def indicator_rows(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str,
                   level: str) -> pd.DataFrame:
    """An indicator's rows at one level, values converted to the catalog unit (published
    rows may keep their own unit, e.g. '만개 (rounded to 0.1)')."""
    def compute():
        rows = store[(store["indicator"] == indicator) & (store["level"] == level)]
        rows = rows.dropna(subset=["value"])
        if indicator in catalog.index and not rows.empty:
            catalog_unit = catalog.loc[indicator, "unit_ko"]
            factors = rows["unit"].map(lambda unit: _unit_factor(unit, catalog_unit))
            rows = rows.assign(value=rows["value"] * factors)
        return rows
    return _memo(store, catalog, ("rows", indicator, level), compute)


def _cross_section(store, catalog, indicator: str, year: int, level: str) -> pd.DataFrame:
    """One year's rows indexed by region_code (value, source, preliminary)."""
    def compute():
        rows = indicator_rows(store, catalog, indicator, level)
        columns = ["region_code", "value", "source", "preliminary"]
        return {int(year): frame[columns].set_index("region_code")
                for year, frame in rows.groupby("year")}
    return _memo(store, catalog, ("by_year", indicator, level), compute).get(int(year), _EMPTY)


def years_with_data(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str,
                    level: str = "sido") -> list[int]:
    """Years in which the indicator has at least one value at the level."""
    return sorted(int(y) for y in indicator_rows(store, catalog, indicator, level)["year"].unique())


def default_year(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str,
                 level: str = "sido") -> int | None:
    """The latest year with complete 시도 coverage, else the latest year with the most regions."""
    complete = [c.year for c in _coverage(store, indicator).values() if c.complete]
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
    now = set(_cross_section(store, catalog, indicator, int(year), level).index)
    earlier = [y for y in years_with_data(store, catalog, indicator, level) if y < int(year)]
    for candidate in earlier:
        if now <= set(_cross_section(store, catalog, indicator, candidate, level).index):
            return candidate
    return earlier[0] if earlier else None


def regions_of(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str, year: int,
               level: str = "sido") -> list[str]:
    """The regions a cross-section should hold: 시도 that existed that year, or every 시군구
    map unit the indicator has in any year (units that did not exist are merged into their
    successors by the crosswalk)."""
    if level == "sido":
        return list(expected_regions(int(year)))
    return sorted(indicator_rows(store, catalog, indicator, level)["region_code"].unique())


def _coverage(store: pd.DataFrame, indicator: str) -> dict[int, YearCoverage]:
    return _memo(store, store, ("coverage", indicator),
                 lambda: {c.year: c for c in coverage_by_year(store, indicator)})


@cache
def group_codes(group: str) -> frozenset[str]:
    """The 시도 codes of a group: 'nation', 'capital' (수도권), 'noncapital', or a 권역 name."""
    table = region_table()
    if group == "nation":
        return frozenset(table["region_code"])
    if group in ("capital", "noncapital"):
        return frozenset(table.loc[table["is_capital"] == (group == "capital"), "region_code"])
    if group in set(table["gwonyeok"]):
        return frozenset(table.loc[table["gwonyeok"] == group, "region_code"])
    raise ValueError(f"unknown group {group!r}")


def in_group(codes, group: str) -> np.ndarray:
    """Which region codes (시도 or 시군구: the first two digits name the 시도) are in a group."""
    members = group_codes(group)
    return np.fromiter((str(code)[:2] in members for code in codes), dtype=bool)


# --- group totals (always from 시도 rows) --------------------------------------------------

def _is_rate(entry: pd.Series) -> bool:
    return not entry["additive"] and entry["unit_ko"] == "%"


def group_total(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str, year: int,
                group: str) -> float:
    """An indicator for a group of 시도 in the catalog unit: the sum of an additive one
    (only when every member has data), a rate rebuilt from its summed components, or the
    published national row; NaN when none of these is possible."""
    return _memo(store, catalog, ("group_total", indicator, int(year), group),
                 lambda: _group_total(store, catalog, indicator, int(year), group))


def _group_total(store, catalog, indicator: str, year: int, group: str) -> float:
    entry = catalog.loc[indicator]
    if entry["additive"]:
        coverage = _coverage(store, indicator).get(year)
        if coverage is not None and not coverage.mixed_units:
            needed = [c for c in expected_regions(year) if c not in coverage.counted_in_parent]
            needed = [c for c, member in zip(needed, in_group(needed, group)) if member]
            values = _cross_section(store, catalog, indicator, year, "sido")["value"]
            members = values.reindex(needed)
            if members.notna().all():
                return float(members.sum())
    elif entry["numerator"] and entry["denominator"]:
        top = group_total(store, catalog, entry["numerator"], year, group)
        bottom = group_total(store, catalog, entry["denominator"], year, group)
        if bottom and not math.isnan(top / bottom):
            return float(entry["rate_scale"] * top / bottom)
    if group == "nation":
        national = _cross_section(store, catalog, indicator, year, "nation")["value"]
        if NATIONAL_CODE in national.index:
            return float(national.loc[NATIONAL_CODE])
    return math.nan


# --- availability -------------------------------------------------------------------------

def _denominator_name(catalog: pd.DataFrame, indicator: str, lang: str) -> str:
    return catalog.loc[indicator, f"name_{lang}"]


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
    here = _cross_section(store, catalog, indicator, year, level)
    if here.empty:
        return _unavailable("no_rows", year=year)
    if measure == "level":
        return Availability(True)
    if measure == "per_capita":
        return _per_capita_availability(store, catalog, entry, year, level)
    if measure == "share":
        if not entry["additive"]:
            return _unavailable("not_additive")
        if math.isnan(group_total(store, catalog, indicator, year, "nation")):
            return _unavailable("incomplete", year=year)
        return Availability(True)
    if measure == "growth":
        earlier = [y for y in years_with_data(store, catalog, indicator, level) if y < year]
        if base_year is None:
            return Availability(True) if earlier else _unavailable("no_earlier_year", year=year)
        if int(base_year) >= year:
            return _unavailable("base_not_before")
        if int(base_year) not in earlier:
            return _unavailable("base_missing", base_year=int(base_year))
        return Availability(True)
    # index
    if _is_rate(entry):
        if math.isnan(group_total(store, catalog, indicator, year, "nation")):
            return _unavailable("no_national_rate")
        return Availability(True)
    if not entry["per_capita_denominator"]:
        return _unavailable("index_needs_denominator")
    return _per_capita_availability(store, catalog, entry, year, level)


def _per_capita_availability(store, catalog, entry: pd.Series, year: int,
                             level: str) -> Availability:
    denominator = entry["per_capita_denominator"]
    if not denominator:
        return _unavailable("no_denominator")
    if _cross_section(store, catalog, denominator, year, level).empty:
        return _unavailable("denominator_missing", year=year, denominator=(
            _denominator_name(catalog, denominator, "ko"),
            _denominator_name(catalog, denominator, "en")))
    return Availability(True)


# --- computation ----------------------------------------------------------------------------

@dataclass(frozen=True)
class _Spec:
    """How a measure is expressed: unit, decimals, note, and the scale from catalog units."""
    unit_ko: str
    unit_en: str
    decimals: int
    note_ko: str
    note_en: str
    factor: float = 1.0


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
    here = _cross_section(store, catalog, indicator, year, level).reindex(regions)
    spec = _spec(catalog, entry, year, measure, base_year, level, reference)
    values = _region_values(store, catalog, entry, year, measure, base_year, level, here,
                            reference, spec)
    aggregates = {}
    for group in GROUPS:
        figure = _group_measure(store, catalog, entry, year, measure, group, base_year,
                                reference, spec)[0]
        if measure in ("level", "share") and entry["additive"]:
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
    spec = _spec(catalog, entry, year, measure, base_year, "sido", reference)
    rows = [_group_measure(store, catalog, entry, year, measure, group, base_year, reference,
                           spec) for group in groups]
    values = pd.DataFrame(rows, columns=["value", "change"],
                          index=pd.Index(groups, name="region_code"))
    if measure != "growth":
        values = values.drop(columns="change")
    here = _cross_section(store, catalog, indicator, year, "sido")
    values["source"] = here["source"].iloc[0] if not here.empty else ""
    aggregates = {}
    for group in GROUPS:
        figure = _group_measure(store, catalog, entry, year, measure, group, base_year,
                                reference, spec)[0]
        if measure in ("level", "share") and entry["additive"]:
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


def _spec(catalog, entry, year, measure, base_year, level, reference) -> _Spec:
    if measure == "level":
        note = both("note_level_average") if entry["additive"] else ("", "")
        return _Spec(entry["display_unit_ko"], entry["display_unit_en"], int(entry["decimals"]),
                     *note, factor=1 / entry["display_divisor"])
    if measure == "per_capita":
        factor, unit_ko, unit_en, decimals = per_capita_unit(catalog, entry.name)
        denominator = entry["per_capita_denominator"]
        names = (_denominator_name(catalog, denominator, "ko"),
                 _denominator_name(catalog, denominator, "en"))
        return _Spec(unit_ko, unit_en, decimals, *both("note_denominator", name=names),
                     factor=factor)
    if measure == "share":
        return _Spec("%", "%", 1 if level == "sido" else 2, *both("note_share"))
    if measure == "growth":
        if _is_rate(entry):
            return _Spec(*both("unit_pp"), 1,
                         *both("note_growth_pp", base_year=base_year, year=year))
        note = "note_growth_nominal" if entry.name == "grdp_nominal" else "note_growth"
        return _Spec(*both("unit_pct_per_year"), 2, *both(note, base_year=base_year, year=year))
    name = both(f"reference_{reference}")
    basis = both("note_index_basis_rate" if _is_rate(entry) else "note_index_basis_per_capita")
    return _Spec(*both("unit_index_of", reference=name), 1,
                 *both("note_index", reference=name, basis=basis))


def _region_values(store, catalog, entry, year, measure, base_year, level, here, reference,
                   spec: _Spec) -> pd.DataFrame:
    value = here["value"]
    if measure == "level":
        return _frame(value * spec.factor)
    if measure == "per_capita":
        return _frame(_per_capita_values(store, catalog, entry, year, level, here) * spec.factor)
    if measure == "share":
        return _frame(100 * value / group_total(store, catalog, entry.name, year, "nation"))
    if measure == "growth":
        base = _cross_section(store, catalog, entry.name, base_year, level)["value"]
        annual, total = _growth_pair(value, base.reindex(here.index), year - base_year,
                                     _is_rate(entry))
        return _frame(annual, change=total.astype(float))
    reference_group = "nation" if reference == "national" else "capital"
    if _is_rate(entry):
        return _frame(100 * value / group_total(store, catalog, entry.name, year, reference_group))
    region = _per_capita_values(store, catalog, entry, year, level, here)
    return _frame(100 * region / _group_per_capita(store, catalog, entry, year, reference_group))


def _group_measure(store, catalog, entry, year, measure, group, base_year, reference,
                   spec: _Spec) -> tuple[float, float]:
    """(value, total change) of the measure for a group of 시도 as a whole."""
    indicator = entry.name
    if measure == "level":
        return group_total(store, catalog, indicator, year, group) * spec.factor, math.nan
    if measure == "per_capita":
        return _group_per_capita(store, catalog, entry, year, group) * spec.factor, math.nan
    if measure == "share":
        return (100 * group_total(store, catalog, indicator, year, group)
                / group_total(store, catalog, indicator, year, "nation"), math.nan)
    if measure == "growth":
        return _growth_pair(group_total(store, catalog, indicator, year, group),
                            group_total(store, catalog, indicator, base_year, group),
                            year - base_year, _is_rate(entry))
    reference_group = "nation" if reference == "national" else "capital"
    if _is_rate(entry):
        figure = group_total(store, catalog, indicator, year, group)
        base = group_total(store, catalog, indicator, year, reference_group)
    else:
        figure = _group_per_capita(store, catalog, entry, year, group)
        base = _group_per_capita(store, catalog, entry, year, reference_group)
    return 100 * figure / base, math.nan


def _frame(values: pd.Series, **extra: pd.Series) -> pd.DataFrame:
    return pd.DataFrame({"value": values.astype(float), **extra})


def per_capita_unit(catalog: pd.DataFrame, indicator: str) -> tuple[float, str, str, int]:
    """(factor from catalog unit per person, unit_ko, unit_en, decimals): money per head in
    만원, counts per 1,000 persons, so that the figures read without exponents."""
    entry = catalog.loc[indicator]
    denominator = entry["per_capita_denominator"]
    name = (_denominator_name(catalog, denominator, "ko"),
            _denominator_name(catalog, denominator, "en"))
    one, thousand = DENOMINATOR_LABELS.get(denominator, ("per_one_of", "per_thousand_of"))
    if entry["unit_ko"] in WON_PER_UNIT:
        return (WON_PER_UNIT[entry["unit_ko"]] / WON_PER_DISPLAY,
                *both("unit_money_per_head", per=both(one, name=name)), 0)
    return (COUNT_PER, *both("unit_count_per", unit=(entry["unit_ko"], entry["unit_en"]),
                             per=both(thousand, name=name)), 1)


def _per_capita_values(store, catalog, entry, year, level, here) -> pd.Series:
    denominator = _cross_section(store, catalog, entry["per_capita_denominator"], year, level)
    return here["value"] / denominator["value"].reindex(here.index)


def _group_per_capita(store, catalog, entry, year, group) -> float:
    top = group_total(store, catalog, entry.name, year, group)
    bottom = group_total(store, catalog, entry["per_capita_denominator"], year, group)
    return top / bottom if bottom else math.nan


def _growth_pair(current, base, years: int, is_rate: bool):
    """(annualised, total) growth: CAGR and % change, or the %p change for rates."""
    if is_rate:
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
    group = "nation" if reference == "national" else "capital"
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
    present = set(_cross_section(store, catalog, indicator, int(year), level).index)
    in_parent = set()
    coverage = _coverage(store, indicator).get(int(year))
    if level == "sido" and coverage is not None:
        in_parent = set(coverage.counted_in_parent)
    reasons: dict[str, list[str]] = {"counted_in_parent": [], "not_in_source": [],
                                     "not_computable": []}
    for code in blank:
        key = ("counted_in_parent" if code in in_parent else
               "not_computable" if code in present else "not_in_source")
        reasons[key].append(code)
    return {key: codes for key, codes in reasons.items() if codes}
