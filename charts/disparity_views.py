"""Each chart of the disparity page as the page shows it — spec, title, reading line and
source — from the analysis results, so the page and a briefing slide rebuilt from the
page's link (ui.slides) draw the same chart with the same words. The page computes
the results through its caches; ``view_for_state`` computes them from the page's URL state.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import geopandas as gpd
import pandas as pd

from analysis.availability import Availability
from analysis.convergence import BetaConvergence, beta_convergence, sigma_series
from analysis.depopulation import comparison
from analysis.inequality import inequality_series
from analysis.regional_values import (RegionalVariable, complete_years, regional_variable,
                                      values_in, weighted_mean)
from analysis.spatial import SpatialClusters, spatial_clusters
from analysis.two_variables import Scatter, scatter
from charts import disparity as charts
from charts import disparity_readings as readings
from charts.cluster_map import ClusterView, cluster_view
from charts.sources import publisher_line
from i18n import t

# The page's charts in page order; 'lisa' is the 시군구 cluster map.
CHARTS = ("inequality", "decomposition", "sigma", "beta", "distribution", "scatter", "lisa",
          "depopulation")


@dataclass(frozen=True)
class ChartView:
    """spec: the Vega-Lite chart; title: its name in files and on slides; reading: the one
    line under it (a slide's key figure); source: its publishers; unit: of the values
    drawn when there is one ('' for indices, and where each axis names its own)."""
    spec: dict
    title: str
    reading: str
    source: str
    unit: str = ""


def inequality_view(series: pd.DataFrame, catalog: pd.DataFrame, variable: RegionalVariable,
                    year: int, lang: str) -> ChartView:
    name = charts.variable_name(catalog, variable, lang)
    return ChartView(charts.inequality_chart(series, catalog, variable, lang, year).to_dict(),
                     t("disparity_inequality_title", lang).format(name=name),
                     readings.inequality_reading(series, year, lang),
                     charts.publishers(catalog, [variable], lang))


def decomposition_view(series: pd.DataFrame, catalog: pd.DataFrame, variable: RegionalVariable,
                       grouping: str, weighted: bool, year: int, lang: str) -> ChartView:
    name = charts.variable_name(catalog, variable, lang)
    return ChartView(
        charts.decomposition_chart(series, catalog, variable, grouping, weighted, lang).to_dict(),
        t("disparity_decomposition_title", lang).format(
            name=name, grouping=t(f"disparity_grouping_{grouping}", lang)),
        readings.decomposition_reading(series, year, grouping, weighted, lang),
        charts.publishers(catalog, [variable], lang))


def sigma_view(sigma: pd.DataFrame, catalog: pd.DataFrame, variable: RegionalVariable,
               lang: str) -> ChartView:
    return ChartView(charts.sigma_chart(sigma, catalog, variable, lang).to_dict(),
                     t("disparity_sigma_title", lang).format(
                         name=charts.variable_name(catalog, variable, lang)),
                     readings.sigma_reading(sigma, lang),
                     charts.publishers(catalog, [variable], lang))


def beta_view(result: BetaConvergence, catalog: pd.DataFrame, variable: RegionalVariable,
              region: str | None, lang: str) -> ChartView:
    return ChartView(charts.beta_chart(result, catalog, variable, lang, region).to_dict(),
                     t("disparity_beta_title", lang).format(
                         name=charts.variable_name(catalog, variable, lang),
                         first=result.first_year, last=result.last_year),
                     readings.beta_reading(result, lang),
                     charts.publishers(catalog, [variable], lang))


def distribution_view(values: pd.Series, mean: float, year: int, catalog: pd.DataFrame,
                      variable: RegionalVariable, region: str | None, lang: str) -> ChartView:
    return ChartView(
        charts.distribution_chart(values, year, catalog, variable, mean, lang, region).to_dict(),
        t("disparity_distribution_title", lang).format(
            name=charts.variable_name(catalog, variable, lang), year=year),
        readings.distribution_reading(values, year, variable, lang, region),
        charts.publishers(catalog, [variable], lang), variable.unit(lang))


def scatter_view(result: Scatter, catalog: pd.DataFrame, x: RegionalVariable,
                 y: RegionalVariable, year: int, region: str | None, lang: str) -> ChartView:
    return ChartView(charts.scatter_chart(result, catalog, x, y, lang, region).to_dict(),
                     t("disparity_scatter_title", lang).format(
                         x=charts.variable_name(catalog, x, lang),
                         y=charts.variable_name(catalog, y, lang), year=year),
                     readings.scatter_reading(result, x, y, lang),
                     charts.publishers(catalog, [x, y], lang))


def depopulation_view(table: pd.DataFrame, year: int, base: int, lang: str) -> ChartView:
    return ChartView(charts.depopulation_chart(table, year, base, lang).to_dict(),
                     t("disparity_depopulation_title", lang).format(year=year),
                     readings.depopulation_reading(table, year, base, lang),
                     t("disparity_depopulation_source", lang))


def lisa_subject(catalog: pd.DataFrame, indicator: str, measure: str, base: int | None,
                 lang: str) -> str:
    """'65세 이상 인구 비중': what the cluster map compares."""
    return t(f"disparity_lisa_subject_{measure}", lang).format(
        name=catalog.loc[indicator, f"name_{lang}"], base=base)


def lisa_view(found: SpatialClusters, shapes: gpd.GeoDataFrame, catalog: pd.DataFrame,
              indicator: str, measure: str, year: int, base: int | None,
              lang: str) -> ClusterView:
    """The cluster map's content (``shapes``: load_regions('sigungu')), titled, sourced and
    read."""
    unit, publisher = found.unit(lang), publisher_line(catalog.loc[indicator], lang)
    title = t("disparity_lisa_title", lang).format(
        name=lisa_subject(catalog, indicator, measure, base, lang), year=year)
    view = cluster_view(found, shapes, title, unit,
                        f"{t('source_prefix', lang)}: {publisher} · {t('unit_prefix', lang)}: "
                        f"{unit}", lang)
    return replace(view, reading=readings.lisa_reading(found, lang))


def view_for_state(name: str, state: dict, store: pd.DataFrame, catalog: pd.DataFrame,
                   areas: pd.DataFrame, shapes: gpd.GeoDataFrame,
                   lang: str) -> ChartView | ClusterView | Availability:
    """The chart ``name`` (one of CHARTS) for the disparity page's state (ui.page_schemas),
    as the page draws it; Availability when that state gives it nothing to draw.
    ``areas``: the depopulation areas; ``shapes``: load_regions('sigungu')."""
    chosen = regional_variable(catalog, state["indicator"])
    region, year = state["region"], state["year"]
    if name in ("inequality", "decomposition"):
        series = inequality_series(store, catalog, chosen, state["grouping"])
        if name == "inequality":
            return inequality_view(series, catalog, chosen, year, lang)
        weighted = state["weighting"] == "population" and bool(chosen.weight)
        return decomposition_view(series, catalog, chosen, state["grouping"], weighted, year,
                                  lang)
    if name == "sigma":
        return sigma_view(sigma_series(store, catalog, chosen), catalog, chosen, lang)
    if name == "beta":
        if len(complete_years(store, catalog, chosen)) < 2:
            return Availability(False, "disparity_one_year")
        result = beta_convergence(store, catalog, chosen, *state["period"])
        return (result if isinstance(result, Availability)
                else beta_view(result, catalog, chosen, region, lang))
    if name == "distribution":
        return distribution_view(values_in(store, catalog, chosen, year).dropna(),
                                 weighted_mean(store, catalog, chosen, year), year, catalog,
                                 chosen, region, lang)
    if name == "scatter":
        if state["x"] == state["y"]:
            return Availability(False, "why_scatter_same")
        if state["syear"] is None:
            return Availability(False, "disparity_no_common_year")
        x, y = regional_variable(catalog, state["x"]), regional_variable(catalog, state["y"])
        result = scatter(store, catalog, x, y, state["syear"])
        return (result if isinstance(result, Availability)
                else scatter_view(result, catalog, x, y, state["syear"], region, lang))
    if name == "lisa":
        measure = state["lmeasure"]
        base = state["lbase"] if measure == "growth" else None
        found = spatial_clusters(store, catalog, state["lisa"], measure, state["lyear"], base)
        return (found if isinstance(found, Availability) else
                lisa_view(found, shapes, catalog, state["lisa"], measure, state["lyear"], base,
                          lang))
    if state["dbase"] is None:
        return Availability(False, "disparity_no_base_year")
    table = comparison(store, catalog, areas, shapes["region_code"], state["dyear"],
                       state["dbase"])
    return depopulation_view(table, state["dyear"], state["dbase"], lang)
