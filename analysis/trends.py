"""Series over time: 수도권 vs 비수도권, the seven 권역, or individual 시도.

Aggregates add up only complete cross-sections (analysis.coverage): a year in which a
시도 is missing is dropped from every aggregate, listed in the result's note and drawn
as a gap, never summed short. Rates are never summed: a group's rate is rebuilt from
its summed components. Published figures (CAP/NONCAP rows, national rows of published
indicators) stay their own series, marked as published, and are never mixed into sums.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from analysis.coverage import YearCoverage, coverage_by_year
from analysis.measures import Availability, indicator_rows
from i18n import both
from loaders.crosswalk import gwonyeok_table, newer_regions, region_table

VIEWS = ("groups", "gwonyeok", "regions")
TREND_MEASURES = ("level", "share", "gap", "index")
CAPITAL, NONCAPITAL, NATION, GAP = "capital", "noncapital", "nation", "gap"
COMPUTED, STATISTIC, PUBLISHED = "computed", "statistic", "published"

# KOSIS DT_1C81 is the 2020 base-year series (data README): every year was revised onto it.
BASE_YEAR_REVISIONS = {"DT_1C81": 2020}


NOT_AGGREGABLE = Availability(False, *both("trend_not_aggregable"))
NO_COMPLETE_YEAR = Availability(False, *both("trend_no_complete_year"))
ONLY_GROUPS = Availability(False, *both("trend_only_groups"))
NOT_FOR_RATES = Availability(False, *both("trend_not_for_rates"))
NOT_ADDITIVE = Availability(False, *both("trend_not_additive"))
SCATTERED = Availability(False, *both("trend_scattered"))
NO_PROVINCIAL_DATA = Availability(False, *both("trend_no_provincial_data"))
OK = Availability(True)


@dataclass(frozen=True)
class Break:
    """A point where the series changes meaning: a new 시도, a base-year revision, a
    preliminary year. scope "regions" breaks only matter when 시도 are shown one by one
    (세종 was carved out of 충남, inside the same 권역 and outside 수도권)."""
    year: int
    kind: str
    label_ko: str
    label_en: str
    scope: str = "all"


@dataclass(frozen=True)
class Trend:
    """A measure's series, in display units. frame columns: year, series, value, kind
    (computed | statistic | published), preliminary, published_value, published_unit, source."""
    indicator: str
    measure: str
    view: str
    frame: pd.DataFrame
    unit_ko: str
    unit_en: str
    decimals: int
    base_year: int | None = None
    dropped_years: tuple[int, ...] = ()
    gap_years: tuple[int, ...] = ()
    breaks: tuple[Break, ...] = field(default_factory=tuple)
    unindexed: tuple[str, ...] = ()


# --- metadata helpers ----------------------------------------------------------------

def is_rate(entry: pd.Series) -> bool:
    """Percent-valued indicators (rates and published shares): never summed or indexed."""
    return entry["unit_ko"] == "%"


def has_components(entry: pd.Series) -> bool:
    return bool(entry["numerator"]) and bool(entry["denominator"])


_COVERAGE: dict[str, list[YearCoverage]] = {}
_COVERAGE_OF: list[pd.DataFrame | None] = [None]


def coverage(store: pd.DataFrame, indicator: str) -> list[YearCoverage]:
    """coverage_by_year, remembered for the store object last asked about: the store is
    read-only and loaded once per process, and coverage is the slowest step of a trend."""
    if _COVERAGE_OF[0] is not store:
        _COVERAGE.clear()
        _COVERAGE_OF[0] = store
    if indicator not in _COVERAGE:
        _COVERAGE[indicator] = coverage_by_year(store, indicator)
    return _COVERAGE[indicator]


def _sido(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """The indicator's 시도 rows with values in the catalog unit (published rows keep their
    own unit in the store, e.g. '만개 (rounded to 0.1)')."""
    return indicator_rows(store, catalog, indicator, "sido")


def _as_published(rows: pd.DataFrame, store: pd.DataFrame) -> pd.DataFrame:
    """Attach the value and unit exactly as published, for tooltips."""
    return rows.assign(published_value=store.loc[rows.index, "value"],
                       published_unit=rows["unit"])


# --- complete cross-sections --------------------------------------------------------

def complete_rows(store: pd.DataFrame, catalog: pd.DataFrame,
                  indicator: str) -> tuple[pd.DataFrame, tuple[int, ...]]:
    """시도 rows of the years with full coverage (in catalog units), and the years dropped."""
    years = coverage(store, indicator)
    complete = [c.year for c in years if c.complete]
    dropped = tuple(c.year for c in years if not c.complete)
    rows = _sido(store, catalog, indicator)
    return rows[rows["year"].isin(complete)], dropped


def _keyed_sums(rows: pd.DataFrame, keys: pd.Series) -> pd.DataFrame:
    """Per year and key, the sum of the rows' values (wide: one column per key)."""
    return rows.assign(key=keys.to_numpy()).pivot_table(
        index="year", columns="key", values="value", aggfunc="sum")


def _group_key(codes: pd.Series, view: str) -> pd.Series:
    table = region_table().set_index("region_code")
    if view == "groups":
        return codes.map(table["is_capital"]).map({True: CAPITAL, False: NONCAPITAL})
    return codes.map(table["gwonyeok"])


def aggregate_levels(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str,
                     view: str) -> tuple[pd.DataFrame, tuple[int, ...]] | Availability:
    """Wide table (year × group) of 수도권/비수도권/전국 or 권역 levels in catalog units.

    Additive indicators: sums over complete years. Rates with components: the summed
    numerator over the summed denominator. Anything else has no honest aggregate.
    """
    entry = catalog.loc[indicator]
    if entry["additive"]:
        rows, dropped = complete_rows(store, catalog, indicator)
        if rows.empty:
            return NO_COMPLETE_YEAR
        sums = _keyed_sums(rows, _group_key(rows["region_code"], view))
        if view == "groups":
            sums[NATION] = sums[CAPITAL] + sums[NONCAPITAL]
        return sums, dropped
    if not has_components(entry):
        return NOT_AGGREGABLE
    top, _ = complete_rows(store, catalog, entry["numerator"])
    bottom, _ = complete_rows(store, catalog, entry["denominator"])
    years = sorted(set(top["year"]) & set(bottom["year"]))
    if not years:
        return NO_COMPLETE_YEAR
    top, bottom = top[top["year"].isin(years)], bottom[bottom["year"].isin(years)]
    numerators = _keyed_sums(top, _group_key(top["region_code"], view))
    denominators = _keyed_sums(bottom, _group_key(bottom["region_code"], view))
    if view == "groups":
        numerators[NATION] = numerators.sum(axis=1)
        denominators[NATION] = denominators.sum(axis=1)
    rate_years = set(_sido(store, catalog, indicator)["year"])
    dropped = tuple(sorted(rate_years - set(years)))
    return entry["rate_scale"] * numerators / denominators, dropped


# --- availability -------------------------------------------------------------------

def trend_availability(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str,
                       view: str) -> dict[str, Availability]:
    """Each trend measure for the indicator in the view: offered, or the reason it is not."""
    aggregate = None if view == "regions" else aggregate_levels(store, catalog, indicator, view)
    return _availability(store, catalog, indicator, view, aggregate)


def _availability(store, catalog, indicator, view, aggregate) -> dict[str, Availability]:
    entry = catalog.loc[indicator]
    if view == "regions":
        has_rows = not _sido(store, catalog, indicator).empty
        level = OK if has_rows else NO_PROVINCIAL_DATA
        index = (NOT_FOR_RATES if is_rate(entry)
                 else SCATTERED if entry["kind"] == "published" else level)
        return {"level": level,
                "share": _share_availability(store, catalog, indicator, entry),
                "gap": ONLY_GROUPS, "index": index}
    computed = OK if not isinstance(aggregate, Availability) else aggregate
    published = view == "groups" and not published_series(store, catalog, indicator).empty
    return {"level": OK if published else computed,
            "share": computed if entry["additive"] else NOT_ADDITIVE,
            "gap": computed if view == "groups" else ONLY_GROUPS,
            "index": NOT_FOR_RATES if is_rate(entry) else computed}


def _share_availability(store, catalog, indicator, entry) -> Availability:
    if not entry["additive"]:
        return NOT_ADDITIVE
    rows, _ = complete_rows(store, catalog, indicator)
    return OK if not rows.empty else NO_COMPLETE_YEAR


# --- the series ---------------------------------------------------------------------

def published_series(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """Published CAP/NONCAP/NONCAP_EXDJ rows and, for published indicators, the national row,
    in catalog units; each keeps its value and unit as published and its source."""
    levels = ["group", "nation"] if catalog.loc[indicator, "kind"] == "published" else ["group"]
    return pd.concat([_as_published(indicator_rows(store, catalog, indicator, level), store)
                      for level in levels])


def trend(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str, measure: str,
          view: str = "groups", base_year: int | None = None,
          regions: tuple[str, ...] | None = None) -> Trend | Availability:
    """The indicator's series for one measure and view, or why it cannot be shown.

    measure: level | share (of the national total) | gap (수도권 ÷ 비수도권 for additive
    indicators, 수도권 − 비수도권 in %p for rates) | index (base_year = 100).
    """
    aggregate = None if view == "regions" else aggregate_levels(store, catalog, indicator, view)
    availability = _availability(store, catalog, indicator, view, aggregate)[measure]
    if not availability.available:
        return availability
    entry = catalog.loc[indicator]
    if view == "regions":
        frame, dropped = _region_frame(store, catalog, indicator, measure, regions)
    else:
        frame, dropped = _group_frame(store, catalog, indicator, measure, view, aggregate)
    unindexed: tuple[str, ...] = ()
    if measure == "index":
        base_year = _valid_base_year(frame, base_year)
        frame, unindexed = _indexed(frame, base_year)
    if measure == "level" and view == "groups":
        frame = pd.concat([frame, _published_frame(store, catalog, indicator)], ignore_index=True)
    frame = with_gaps(frame).astype({"year": int})
    unit_ko, unit_en, decimals = measure_unit(entry, measure)
    if measure == "level":
        frame = frame.assign(value=frame["value"] / entry["display_divisor"])
    gaps = tuple(sorted(set(frame.loc[frame["value"].isna(), "year"]) - set(dropped)))
    return Trend(indicator, measure, view, frame.reset_index(drop=True), unit_ko, unit_en,
                 decimals, base_year if measure == "index" else None, dropped, gaps,
                 tuple(b for b in series_breaks(store, catalog, indicator)
                       if b.scope == "all" or view == "regions"), unindexed)


def measure_unit(entry: pd.Series, measure: str) -> tuple[str, str, int]:
    """Display unit (ko, en) and decimals of a measure's values."""
    if measure == "share":
        return "%", "%", 1
    if measure == "index":
        return *both("unit_index"), 1
    if measure == "gap":
        return (*both("unit_pp"), 1) if is_rate(entry) else (*both("unit_times"), 3)
    return entry["display_unit_ko"], entry["display_unit_en"], int(entry["decimals"])


def _long(wide: pd.DataFrame, kind: str) -> pd.DataFrame:
    return (wide.rename_axis(index="year", columns="series").stack().rename("value")
            .reset_index().assign(kind=kind))


def _group_frame(store, catalog, indicator, measure, view,
                 aggregate) -> tuple[pd.DataFrame, tuple]:
    """Computed aggregates; empty (with every year listed as dropped) when there are none,
    which leaves only the published points of a published indicator."""
    entry = catalog.loc[indicator]
    if isinstance(aggregate, Availability):
        dropped = tuple(c.year for c in coverage(store, indicator) if not c.complete)
        return pd.DataFrame(columns=["year", "series", "value", "kind", "preliminary"]), dropped
    wide, dropped = aggregate
    if view == "gwonyeok":
        wide = wide[[g for g in gwonyeok_table()["gwonyeok"] if g in wide.columns]]
        if measure == "share":
            wide = 100 * wide.div(wide.sum(axis=1), axis=0)
    elif measure == "share":
        wide = 100 * wide[[CAPITAL, NONCAPITAL]].div(wide[NATION], axis=0)
    elif measure == "gap":
        gap = (wide[CAPITAL] - wide[NONCAPITAL] if is_rate(entry)
               else wide[CAPITAL] / wide[NONCAPITAL])
        wide = gap.to_frame(GAP)
    elif measure == "level" and entry["additive"]:
        wide = wide[[CAPITAL, NONCAPITAL]]  # the national sum would dwarf both lines
    frame = _long(wide, COMPUTED)
    return _with_preliminary(frame, store, catalog, indicator), dropped


def _region_frame(store, catalog, indicator, measure, regions) -> tuple[pd.DataFrame, tuple]:
    entry = catalog.loc[indicator]
    kind = PUBLISHED if entry["kind"] == "published" else STATISTIC
    dropped: tuple[int, ...] = ()
    if measure == "share":
        rows, dropped = complete_rows(store, catalog, indicator)
        rows = rows.assign(value=100 * rows["value"]
                           / rows.groupby("year")["value"].transform("sum"))
    else:
        rows = _sido(store, catalog, indicator)
    if regions is not None:
        rows = rows[rows["region_code"].isin(regions)]
    columns = ["year", "region_code", "value", "preliminary", "source"]
    if kind == PUBLISHED:
        rows = _as_published(rows, store)
        columns += ["published_value", "published_unit"]
    frame = rows[columns].rename(columns={"region_code": "series"}).assign(kind=kind)
    return frame, dropped


def _published_frame(store, catalog, indicator) -> pd.DataFrame:
    rows = published_series(store, catalog, indicator)
    columns = ["year", "region_code", "value", "preliminary", "source", "published_value",
               "published_unit"]
    return rows[[c for c in columns if c in rows]].rename(
        columns={"region_code": "series"}).assign(kind=PUBLISHED)


def _with_preliminary(frame: pd.DataFrame, store: pd.DataFrame, catalog: pd.DataFrame,
                      indicator: str) -> pd.DataFrame:
    rows = _sido(store, catalog, indicator)
    preliminary = set(rows.loc[rows["preliminary"], "year"])
    return frame.assign(preliminary=frame["year"].isin(preliminary))


def _valid_base_year(frame: pd.DataFrame, base_year: int | None) -> int:
    """The requested base year if any series has a value then, else the earliest such year."""
    years = index_base_years(frame)
    return base_year if base_year in years else years[0]


def index_base_years(frame: pd.DataFrame) -> list[int]:
    """Years in which at least one line (not a published point) has a value: the
    candidates for base = 100."""
    lines = frame[(frame["kind"] != PUBLISHED) & frame["value"].notna()]
    return sorted(int(y) for y in lines["year"].unique())


def within(trend: Trend, years: tuple[int, int]) -> Trend:
    """The trend restricted to a year range (breaks outside it are dropped by the chart)."""
    frame = trend.frame[trend.frame["year"].between(*years)].reset_index(drop=True)
    gaps = tuple(y for y in trend.gap_years if years[0] <= y <= years[1])
    dropped = tuple(y for y in trend.dropped_years if years[0] <= y <= years[1])
    return replace(trend, frame=frame, gap_years=gaps, dropped_years=dropped)


def _indexed(frame: pd.DataFrame, base_year: int) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Each series divided by its base-year value; series without one (세종 before it
    existed) are left out and named, rather than indexed to another year."""
    base = frame[frame["year"] == base_year].dropna(subset=["value"]).set_index("series")["value"]
    unindexed = tuple(sorted(set(frame["series"]) - set(base.index)))
    frame = frame[frame["series"].isin(base.index)]
    return frame.assign(value=100 * frame["value"] / frame["series"].map(base)), unindexed


def with_gaps(frame: pd.DataFrame, keys: tuple[str, ...] = ("series",)) -> pd.DataFrame:
    """Insert empty rows for years missing inside each line's own span (a line = one value
    of ``keys``), so the line breaks there instead of bridging the gap. Years before a
    series starts (세종 before 2012) are not gaps; published points are not lines."""
    is_line = frame["kind"] != PUBLISHED if "kind" in frame else pd.Series(True, frame.index)
    lines = frame[is_line]
    missing = []
    for key, rows in lines.groupby(list(keys)):
        valued = rows.loc[rows["value"].notna(), "year"]
        if valued.empty:
            continue
        present = set(rows["year"].astype(int))
        missing += [(*key, year) for year in range(int(valued.min()), int(valued.max()) + 1)
                    if year not in present]
    if not missing:
        return frame
    filler = pd.DataFrame(missing, columns=[*keys, "year"]).assign(value=float("nan"))
    if "kind" in frame:
        filler = filler.assign(kind=lines["kind"].iloc[0], preliminary=False)
    return pd.concat([frame, filler], ignore_index=True).sort_values(
        [*keys, "year"], kind="stable").reset_index(drop=True)


# --- breaks -------------------------------------------------------------------------

def series_breaks(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str) -> list[Break]:
    """Breaks the bundled data can justify: a 시도 first compiled separately inside the
    series (세종 2012/2013/2017, 울산 1998 …), the base-year revision of the GRDP series
    (KOSIS DT_1C81, 2020 base) and the catalog's latest preliminary year."""
    entry = catalog.loc[indicator]
    breaks = []
    by_year = ({c.year: c for c in coverage(store, indicator)}
               if entry["kind"] != "published" else {})
    if by_year:
        first_year = min(by_year)
        first_compiled = _sido(store, catalog, indicator).groupby("region_code")["year"].min()
        names = region_table().set_index("region_code")
        for code in newer_regions():
            year = first_compiled.get(code)
            if year is not None and year > first_year and by_year[int(year)].complete:
                region = (names.loc[code, "short_ko"], names.loc[code, "short_en"])
                breaks.append(Break(int(year), "new_region",
                                    *both("break_new_region", region=region), scope="regions"))
    revision = BASE_YEAR_REVISIONS.get(entry["kosis_tbl_id"])
    if revision is not None:
        breaks.append(Break(revision, "base_year", *both("break_base_year", year=revision)))
    if pd.notna(entry["preliminary_year"]):
        year = int(entry["preliminary_year"])
        breaks.append(Break(year, "preliminary", *both("break_preliminary", year=year)))
    return sorted(breaks, key=lambda b: (b.year, b.kind))


def year_span(store: pd.DataFrame, indicator: str) -> tuple[int, int]:
    """First and last year with any value of the indicator (any level)."""
    years = store.loc[(store["indicator"] == indicator) & store["value"].notna(), "year"]
    return int(years.min()), int(years.max())
