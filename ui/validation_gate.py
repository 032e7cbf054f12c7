"""The validation gate: a candidate version is stored only if the pages can show it.

Before a version is committed, the same pure builders the pages call (analysis, charts,
exports) compute every page's views of the indicator — map (each level, measure,
classification, dissolve; the years that changed and the default, first and last ones),
trends (each view and measure), compare (cross-sections of its years, rankings, the
default profile), home (its scorecard panels, the capital-vs-rest tables), the import
page's list and the data exports — and every page's default view as far as the
indicator takes part in it, on the data as it would be once stored. Any exception is
a failure: the preview lists them and nothing is stored.

Work is kept to what the candidate can change: the builders get the candidate's
indicator, the indicators it is a component or denominator of, and their components,
so a cross-section or table is computed for those rows only, by the same code. Runs in a
few seconds, inside the import request. No Streamlit calls here; the page defaults come
from ui.page_schemas (one set of defaults for pages, links and the gate).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pandas as pd

from analysis.classify import SCHEMES
from analysis.compare import (RANKED_MEASURES, compare_years, gwonyeok_cross_section,
                              indicators_in_year, profile_indicators, ranked, ranked_measures,
                              region_profile, regional_cross_section)
from analysis.gap import noncapital_shares
from analysis.measure_availability import LEVELS, MEASURES, measure_availability
from analysis.measures import measure_series
from analysis.memo import forget
from analysis.years import default_base_year, default_year, years_with_data
from analysis.overview import capital_overview, published_groups
from analysis.scorecard import PANELS, STATUS_UNAVAILABLE, build_panel
from analysis.trends import VIEWS, index_base_years, trend, trend_availability, within
from charts.compare import (comparison_chart, comparison_table, profile_heading, profile_panels,
                            ranked_chart)
from charts.map_trend import trend_chart as map_trend_chart
from charts.map_trend import trend_frame
from charts.map_view import MapOptions, breaks_pool, build_view
from charts.overview_tables import (additive_table, not_comparable_table, published_table,
                                    rate_table)
from charts.scorecard import latest_text, panel_chart
from charts.trends import chart_data, trend_chart
from exports.data_export import (cross_section_table, definitions_table, full_series,
                                 map_table, trend_table)
from exports.key_figures import map_key_figure, ranked_key_figure, trend_key_figure
from loaders import (InputError, candidate_data, catalog_overview, load_indicators,
                     load_regions, store_snapshot)
from loaders.user_store import Candidate, record_gate
from ui.page_schemas import (COMPARE_DEFAULT_GWONYEOK, COMPARE_DEFAULT_PROFILE,
                             COMPARE_DEFAULT_REGIONS, COMPARE_DEFAULT_YEAR)

COMPONENT_COLUMNS = ("numerator", "denominator", "per_capita_denominator")
DEFAULT_INDICATOR = "grdp_nominal"  # what the map, trends and ranking open with
MAX_MAP_YEARS = 5       # years mapped with every measure (default, first, last, changed)
LANGS = ("ko", "en")  # text builders run in both; charts in Korean (the same code path)
MAX_ERROR_CHARS = 300
_PATH = re.compile(r"(?:[A-Za-z]:)?(?:/[^\s/'\"():]+)+/([^\s/'\"():]+)")


@dataclass(frozen=True)
class Failure:
    """One view that could not be computed: the page (its title's i18n key), the view (as
    ids: indicator · level · year · measure …, the same in both languages), the error."""
    page: str
    view: str
    error: str


class GateError(InputError):
    """The candidate breaks at least one view; nothing was stored."""

    def __init__(self, failures: list[Failure]):
        self.failures = failures
        first = failures[0]
        super().__init__(f"{len(failures)} view(s) cannot be computed with this series, "
                         f"e.g. {first.page}: {first.view}: {first.error}")


def check(candidate: Candidate) -> None:
    """The gate for user_store.save_version: raises GateError when any view fails."""
    store, catalog = candidate_data(candidate)
    failures = run(candidate.indicator, store, catalog, changed_years(candidate, store))
    if failures:
        raise GateError(failures)


def check_pending(author: str = "validation gate") -> list[tuple[str, bool]]:
    """Settle every version stored without the gate (command-line refresh, migration):
    passed, or failed and quarantined. Returns (indicator, passed) for each one settled."""
    settled = []
    for manifest in store_snapshot().pending():
        version = manifest.current_version
        rows = store_snapshot().rows
        candidate = Candidate(manifest.indicator, manifest.kind,
                              rows[rows["indicator"] == manifest.indicator], version.entry)
        try:
            store, catalog = candidate_data(candidate)
            failures = run(manifest.indicator, store, catalog, None)
        except Exception as error:  # the candidate cannot even be combined with the data
            failures = [Failure("import_title", manifest.indicator, describe(error))]
        detail = "" if not failures else f"{failures[0].view}: {failures[0].error}"
        if record_gate(manifest.indicator, version.number, not failures, detail, author):
            settled.append((manifest.indicator, not failures))
    return settled


def changed_years(candidate: Candidate, store: pd.DataFrame) -> set[int] | None:
    """Years whose values the candidate changes (None: all of them are new)."""
    if candidate.kind == "imported":
        return None
    now = load_indicators()  # the data as every page shows it now
    before = now[now["indicator"] == candidate.indicator].set_index(
        ["level", "region_code", "year"])["value"]
    after = candidate.rows.set_index(["level", "region_code", "year"])["value"]
    old = before.reindex(after.index)
    differ = ~((old == after) | (old.isna() & after.isna()))
    return {int(year) for year in after.index.get_level_values("year")[differ.to_numpy()]}


def run(indicator: str, store: pd.DataFrame, catalog: pd.DataFrame,
        years: set[int] | None = None) -> list[Failure]:
    """Compute every view; a failure for each exception (the rest still run)."""
    related = related_indicators(indicator, catalog)
    small_store = store[store["indicator"].isin(related)]
    small_catalog = catalog.loc[[i for i in catalog.index if i in related]]
    failures = []
    try:
        for page, view, compute in views(indicator, small_store, small_catalog, catalog,
                                         store, years):
            try:
                compute()
            except Exception as error:  # every kind of failure is what the gate reports
                failures.append(Failure(page, view, describe(error)))
    finally:
        forget(small_store)
        forget(store)
    return failures


def related_indicators(indicator: str, catalog: pd.DataFrame) -> set[str]:
    """The indicator, those it is a component or denominator of, and all their components."""
    related = {indicator}
    related |= {i for i in catalog.index
                if indicator in {catalog.loc[i, c] for c in COMPONENT_COLUMNS}}
    while True:
        parts = {catalog.loc[i, c] for i in related for c in COMPONENT_COLUMNS
                 if i in catalog.index} - {""}
        grown = related | (parts & set(catalog.index))
        if grown == related:
            return related
        related = grown


def describe(error: Exception) -> str:
    """The error's type and message, server paths cut to their last part."""
    text = _PATH.sub(r"\1", str(error)).strip().splitlines()
    first = text[0] if text else ""
    return f"{type(error).__name__}: {first}"[:MAX_ERROR_CHARS]


Views = Iterator[tuple[str, str, Callable[[], object]]]


def views(indicator: str, store, catalog, full_catalog, full_store,
          years: set[int] | None) -> Views:
    yield from _map_views(indicator, store, catalog, years)
    yield from _trend_views(indicator, store, catalog)
    yield from _compare_views(indicator, store, catalog, years)
    yield from _home_views(indicator, store, catalog, full_store, full_catalog)
    yield from _export_views(indicator, store, catalog)


# --- map ---------------------------------------------------------------------------------

def _map_views(indicator, store, catalog, changed) -> Views:
    page = "map_page_title"
    for level in LEVELS:
        available = years_with_data(store, catalog, indicator, level)
        if not available:
            continue
        chosen = default_year(store, catalog, indicator, level) or available[-1]
        for year in _map_years(available, chosen, changed):
            for measure in MEASURES:
                if not measure_availability(store, catalog, indicator, year, measure, None,
                                            level).available:
                    continue
                base = (default_base_year(store, catalog, indicator, year, level)
                        if measure == "growth" else None)
                if measure == "growth" and base is None:
                    continue
                options = MapOptions(indicator, int(year), measure, level, base_year=base)
                yield page, f"{indicator} · {level} · {year} · {measure}", \
                    _map_view(store, catalog, options, LANGS if year == chosen else ("ko",))
                if year == chosen:
                    yield from _map_variants(page, store, catalog, options)
        for measure in MEASURES:
            yield page, f"{indicator} · {level} · {measure} · trend panel", \
                _map_trend(store, catalog, indicator, measure, level)


def _map_years(available: list[int], chosen: int, changed: set[int] | None) -> list[int]:
    picked = [chosen, available[0], available[-1]]
    pool = available if changed is None else sorted(set(available) & changed)
    step = max(1, len(pool) // MAX_MAP_YEARS)
    picked += pool[::step]
    return sorted(set(picked))[: MAX_MAP_YEARS + 3]


def _map_variants(page, store, catalog, options: MapOptions) -> Views:
    label = f"{options.indicator} · {options.level} · {options.year} · {options.measure}"
    for scheme in SCHEMES:
        if scheme not in ("manual", options.scheme):
            yield page, f"{label} · {scheme}", _map_view(
                store, catalog, MapOptions(**{**options.__dict__, "scheme": scheme}), ("ko",))
    yield page, f"{label} · diverging", _map_view(
        store, catalog, MapOptions(**{**options.__dict__, "diverging": True}), ("ko",))
    yield page, f"{label} · fixed breaks", _map_view(
        store, catalog, MapOptions(**{**options.__dict__, "fixed_breaks": True}), ("ko",))
    if options.level == "sido" and options.measure in ("level", "share", "per_capita"):
        for dissolve in ("capital", "gwonyeok"):
            yield page, f"{label} · {dissolve}", _map_view(
                store, catalog, MapOptions(**{**options.__dict__, "dissolve": dissolve}),
                ("ko",))


def _map_view(store, catalog, options: MapOptions, langs) -> Callable[[], object]:
    def compute():
        level = "sido" if options.dissolve != "none" else options.level
        pool = (breaks_pool(store, catalog, MapOptions(**{**options.__dict__, "year": 0}))
                if options.fixed_breaks else None)
        for lang in langs:
            view = build_view(store, catalog, load_regions(level), options, lang, pool)
            map_table(view, options, catalog, lang)
            map_key_figure(view, options.year, lang)
    return compute


def _map_trend(store, catalog, indicator, measure, level) -> Callable[[], object]:
    def compute():
        years = years_with_data(store, catalog, indicator, level)
        available = [m for m in (measure,) if measure_availability(
            store, catalog, indicator, years[-1], m, None, level).available]
        if not available or measure == "growth":
            return
        series = measure_series(store, catalog, indicator, measure, None, level, "national")
        regions = load_regions(level)
        code = str(regions["region_code"].iloc[0])
        frame = trend_frame(series, code, code, "ko")
        if frame["year"].nunique() > 1:
            map_trend_chart(frame, code, "", "ko").to_dict()
    return compute


# --- trends ------------------------------------------------------------------------------

def _trend_views(indicator, store, catalog) -> Views:
    page = "trends_page_title"
    entry = catalog.loc[indicator]
    for view in VIEWS:
        offered = trend_availability(store, catalog, indicator, view)
        for measure, availability in offered.items():
            if availability.available:
                yield page, f"{indicator} · {view} · {measure}", \
                    _trend(store, catalog, entry, indicator, measure, view)


def _trend(store, catalog, entry, indicator, measure, view) -> Callable[[], object]:
    def compute():
        base = None
        if measure == "index":
            level = trend(store, catalog, indicator, "level", view, None, None)
            base = index_base_years(level.frame)[0]
        series = trend(store, catalog, indicator, measure, view, base, None)
        span = (int(series.frame["year"].min()), int(series.frame["year"].max()))
        shown = within(series, span)
        trend_chart(shown, entry, "ko", view == "regions", True).to_dict()
        for lang in LANGS:
            chart_data(shown, entry, lang)
            trend_table(shown, entry, lang)
            trend_key_figure(shown, lang)
    return compute


# --- compare -----------------------------------------------------------------------------

def _compare_views(indicator, store, catalog, changed) -> Views:
    page = "compare_page_title"
    mine = set(years_with_data(store, catalog, indicator, "sido"))
    years = [y for y in compare_years(store, catalog) if y in mine]
    if not years:
        return
    default = COMPARE_DEFAULT_YEAR if COMPARE_DEFAULT_YEAR in years else years[0]
    checked = years if changed is None else [y for y in years if y in changed or y == default]
    for year in checked:
        yield page, f"{year} · regions", _cross_section(store, catalog, year, "regions",
                                                        COMPARE_DEFAULT_REGIONS)
        yield page, f"{year} · gwonyeok", _cross_section(store, catalog, year, "gwonyeok",
                                                   COMPARE_DEFAULT_GWONYEOK)
        for measure, availability in ranked_measures(store, catalog, indicator, year).items():
            if availability.available and measure in RANKED_MEASURES:
                yield page, f"{indicator} · {year} · {measure} · ranked", \
                    _ranked(store, catalog, indicator, year, measure)
    if indicator in profile_indicators(catalog):
        for region in dict.fromkeys((COMPARE_DEFAULT_PROFILE, "11")):
            yield page, f"{indicator} · profile {region}", _profile(store, catalog, indicator,
                                                                    region)


def _cross_section(store, catalog, year, by, codes) -> Callable[[], object]:
    def compute():
        if not indicators_in_year(store, catalog, year):
            return
        builder = gwonyeok_cross_section if by == "gwonyeok" else regional_cross_section
        data = builder(store, catalog, year)
        if (data["measure"] == "index").any():
            comparison_chart(data, list(codes), by, catalog, year, "ko").to_dict()
        for lang in LANGS:
            comparison_table(data, list(codes), catalog, lang)
            cross_section_table(data, list(codes), year, catalog, lang)
    return compute


def _ranked(store, catalog, indicator, year, measure) -> Callable[[], object]:
    def compute():
        result = ranked(store, catalog, indicator, year, measure)
        ranked_chart(result, catalog.loc[indicator], measure, year, "ko").to_dict()
        for lang in LANGS:
            ranked_key_figure(result, year, lang)
    return compute


def _profile(store, catalog, indicator, region) -> Callable[[], object]:
    def compute():
        profile = region_profile(store, catalog, region, [indicator])
        if not profile.empty:
            profile_heading(profile, region, catalog, "ko")
            for panel in profile_panels(profile, region, catalog, "ko"):
                panel.to_dict()
    return compute


# --- home, import page and exports --------------------------------------------------------

def _home_views(indicator, store, catalog, full_store, full_catalog) -> Views:
    page = "nav_home"
    for spec in PANELS:
        if set(spec.indicators) & set(catalog.index):
            yield page, f"scorecard · {spec.key}", _panel(full_store, full_catalog, spec)
    yield page, "capital vs rest tables", _overview(store, catalog)
    if indicator == DEFAULT_INDICATOR:
        yield page, "vintage note", lambda: noncapital_shares(
            full_store, full_catalog, DEFAULT_INDICATOR, [2010, 2020])
    yield "import_title", "indicator list", lambda: [
        catalog_overview(store, catalog, lang) for lang in LANGS]


def _panel(store, catalog, spec) -> Callable[[], object]:
    def compute():
        panel = build_panel(store, catalog, spec)
        if panel.status != STATUS_UNAVAILABLE:
            panel_chart(panel, "ko").to_dict()
            for lang in LANGS:
                latest_text(panel, lang)
    return compute


def _overview(store, catalog) -> Callable[[], object]:
    def compute():
        overview = capital_overview(store, catalog)
        for lang in LANGS:
            additive_table(overview, catalog, lang)
            rate_table(overview, catalog, lang)
            not_comparable_table(overview, catalog, lang)
            published_table(published_groups(store), catalog, lang)
    return compute


def _export_views(indicator, store, catalog) -> Views:
    page = "export_heading"
    yield page, f"{indicator} · full series", lambda: [
        (full_series(store, catalog, [indicator], lang),
         definitions_table(catalog, [indicator], lang)) for lang in LANGS]
