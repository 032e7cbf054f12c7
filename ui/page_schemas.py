"""The URL state of each page: which fields a link carries, their defaults and the values
the data allows. Allowed values come from the data layer, so a link to an indicator,
year or measure the data no longer has falls back with a notice (ui.url_state).

Field names are the query-parameter names (short, stable ids); pages map them to their
widgets. Defaults match the pages' own defaults.
"""

from __future__ import annotations

import pandas as pd

from analysis.classify import DEFAULT_K, MAX_K, MIN_K, SCHEMES
from analysis.compare import RANKED_MEASURES, compare_years, indicators_in_year
from analysis.depopulation import first_complete_year
from analysis.groups import GROUPINGS
from analysis.measure_availability import LEVELS, MEASURES, REFERENCES, measure_availability
from analysis.years import default_year, years_with_data
from analysis.regional_values import complete_years, regional_variable, variable_choices
from analysis.spatial_values import lisa_years, spatial_subjects, subject_measures
from analysis.scorecard import PANELS
from analysis.trends import TREND_MEASURES, VIEWS, trend_availability, year_span
from analysis.two_variables import common_years
from charts.disparity_views import CHARTS
from charts.map_view import DISSOLVE_MODES
from loaders import load_policy_layers, load_regions, region_table
from loaders.crosswalk import gwonyeok_table
from ui.url_state import Field, Schema

DEFAULT_INDICATOR = "grdp_nominal"
COMPARE_UNITS = ("regions", "gwonyeok")
COMPARE_MIN, COMPARE_MAX = 2, 5
# The compare page's own defaults (app_pages/3_비교.py), so a link without them matches it.
COMPARE_DEFAULT_YEAR = 2021
COMPARE_DEFAULT_REGIONS = ["11", "41", "26"]
COMPARE_DEFAULT_GWONYEOK = ["수도권", "충청권", "동남권"]
COMPARE_DEFAULT_PROFILE = "26"


def _sido_codes() -> list[str]:
    return list(region_table()["region_code"])


def _mapped_indicators(store, catalog) -> list[str]:
    return [i for i in catalog.index if years_with_data(store, catalog, i, "sido")]


def _data_level(state) -> str:
    return "sido" if state["dissolve"] != "none" else state["level"]


def map_schema(store: pd.DataFrame, catalog: pd.DataFrame) -> Schema:
    """app_pages/1_지도.py: indicator, level, dissolve, year, measure, base year, diverging
    view and its reference, classification, policy layers and the picked region."""
    def available_measures(state):
        return [m for m in MEASURES if measure_availability(
            store, catalog, state["indicator"], state["year"], m, None,
            _data_level(state)).available]

    def region_codes(state):
        if _data_level(state) == "sido":
            return _sido_codes()
        rows = store[(store["indicator"] == state["indicator"]) & (store["level"] == "sigungu")]
        return set(rows["region_code"])

    return {
        "indicator": Field("str", DEFAULT_INDICATOR, lambda s: _mapped_indicators(store, catalog)),
        "level": Field("str", "sido", lambda s: [lv for lv in LEVELS if years_with_data(
            store, catalog, s["indicator"], lv)]),
        "dissolve": Field("str", "none", DISSOLVE_MODES),
        "year": Field("int", lambda s: default_year(store, catalog, s["indicator"],
                                                    _data_level(s)),
                      lambda s: years_with_data(store, catalog, s["indicator"], _data_level(s))),
        "measure": Field("str", "level", available_measures),
        "base": Field("int", None, lambda s: [y for y in years_with_data(
            store, catalog, s["indicator"], _data_level(s)) if y < s["year"]]),
        "diverging": Field("bool", False),
        "reference": Field("str", "national", REFERENCES),
        "scheme": Field("str", "quantiles", SCHEMES),
        "k": Field("int", DEFAULT_K, range(MIN_K, MAX_K + 1)),
        "breaks": Field("floats", []),
        "fixed": Field("bool", False),
        "layers": Field("strs", [], lambda s: set(load_policy_layers()["layer"])),
        "region": Field("str", None, region_codes),
        "depop": Field("bool", False),
    }


def trends_schema(store: pd.DataFrame, catalog: pd.DataFrame) -> Schema:
    """app_pages/2_추이.py: indicator, view, measure, regions, year range, index base year,
    small multiples and the shared y axis."""
    def measures(state):
        offered = trend_availability(store, catalog, state["indicator"], state["view"])
        return [m for m in TREND_MEASURES if offered[m].available]

    def years(state):
        first, last = year_span(store, state["indicator"])
        return range(first, last + 1)

    return {
        # Every catalog indicator: published-only ones (capital/rest figures) have trends too.
        "indicator": Field("str", DEFAULT_INDICATOR, lambda s: list(catalog.index)),
        "view": Field("str", "groups", VIEWS),
        "measure": Field("str", lambda s: (measures(s) or ["level"])[0], measures),
        "regions": Field("strs", lambda s: _sido_codes(), lambda s: _sido_codes(), min_items=1),
        "years": Field("int_range", lambda s: year_span(store, s["indicator"]), years),
        "base": Field("int", None, years),
        "multiples": Field("bool", False),
        "shared_y": Field("bool", True),
    }


def compare_schema(store: pd.DataFrame, catalog: pd.DataFrame) -> Schema:
    """app_pages/3_비교.py: year, 시도 or 권역, the two to five compared, the ranked indicator
    and its measure, and the profiled region."""
    def units(state):
        return (_sido_codes() if state["unit"] == "regions"
                else list(gwonyeok_table()["gwonyeok"]))

    def default_units(state):
        return COMPARE_DEFAULT_REGIONS if state["unit"] == "regions" else COMPARE_DEFAULT_GWONYEOK

    def default_year(state):
        years = compare_years(store, catalog)
        return COMPARE_DEFAULT_YEAR if COMPARE_DEFAULT_YEAR in years else years[0]

    return {
        "year": Field("int", default_year, lambda s: compare_years(store, catalog)),
        "unit": Field("str", "regions", COMPARE_UNITS),
        "regions": Field("strs", default_units, units, COMPARE_MIN, COMPARE_MAX),
        "indicator": Field("str", lambda s: (DEFAULT_INDICATOR if DEFAULT_INDICATOR in
                                             indicators_in_year(store, catalog, s["year"])
                                             else indicators_in_year(store, catalog, s["year"])[0]),
                           lambda s: indicators_in_year(store, catalog, s["year"])),
        "ranked": Field("str", "level", RANKED_MEASURES),
        "profile": Field("str", COMPARE_DEFAULT_PROFILE, lambda s: _sido_codes()),
    }


def briefing_schema(slide_count: int) -> Schema:
    """app_pages/5_브리핑.py: which slide is on screen (1-based) and presentation mode."""
    return {"slide": Field("int", 1, range(1, max(slide_count, 1) + 1)),
            "present": Field("bool", False)}


DISPARITY_DEFAULT_X, DISPARITY_DEFAULT_Y = "grdp_nominal", "population_15_64"
DISPARITY_DEFAULT_LISA = "population_65_plus"
DISPARITY_WEIGHTINGS = ("regions", "population")


def disparity_schema(store: pd.DataFrame, catalog: pd.DataFrame) -> Schema:
    """app_pages/6_격차지표.py: the compared indicator, the grouping and weighting of Theil's
    split, the year and highlighted 시도, the β period, the two-indicator scatter and its
    year, the 시군구 cluster map (indicator, measure, year, base) and the depopulation
    comparison (year, base); a briefing pin adds which chart it is."""
    def variable(indicator):
        return regional_variable(catalog, indicator)

    def years(state):
        return complete_years(store, catalog, variable(state["indicator"]))

    def scatter_years(state):
        return common_years(store, catalog, variable(state["x"]), variable(state["y"]))

    def lisa_years_of(state):
        return lisa_years(store, catalog, state["lisa"], state["lmeasure"])

    def lisa_bases(state):
        return [y for y in years_with_data(store, catalog, state["lisa"], "sigungu")
                if y < state["lyear"]]

    def population_years(state):
        return years_with_data(store, catalog, "population_total", "sigungu")

    def first_complete(state, before: int):
        first = first_complete_year(store, catalog, load_regions("sigungu")["region_code"])
        earlier = [y for y in population_years(state) if y < before]
        return first if first in earlier else (earlier[0] if earlier else None)

    choices = variable_choices(store, catalog)
    subjects = spatial_subjects(store, catalog)
    return {
        "indicator": Field("str", DEFAULT_INDICATOR, choices),
        "grouping": Field("str", "capital", GROUPINGS),
        "weighting": Field("str", "regions", DISPARITY_WEIGHTINGS),
        "year": Field("int", lambda s: years(s)[-1], years),
        "region": Field("str", None, lambda s: _sido_codes()),
        "period": Field("int_range", lambda s: (years(s)[0], years(s)[-1]), years),
        "x": Field("str", DISPARITY_DEFAULT_X, choices),
        "y": Field("str", DISPARITY_DEFAULT_Y, choices),
        "syear": Field("int", lambda s: (scatter_years(s) or [None])[-1], scatter_years),
        "lisa": Field("str", DISPARITY_DEFAULT_LISA, subjects),
        "lmeasure": Field("str", lambda s: subject_measures(s["lisa"])[0],
                          lambda s: subject_measures(s["lisa"])),
        "lyear": Field("int", lambda s: lisa_years_of(s)[-1], lisa_years_of),
        "lbase": Field("int", lambda s: first_complete(s, s["lyear"]), lisa_bases),
        "dyear": Field("int", lambda s: population_years(s)[-1], population_years),
        "dbase": Field("int", lambda s: first_complete(s, s["dyear"]),
                       lambda s: [y for y in population_years(s) if y < s["dyear"]]),
        "chart": Field("str", None, CHARTS),   # set only in a pinned chart's link
    }


def home_schema() -> Schema:
    """app.py: which scorecard panel a pinned home view is (the page has no other state)."""
    return {"panel": Field("str", None, [panel.key for panel in PANELS])}
