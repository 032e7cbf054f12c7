"""The LISA cluster map as a PNG or SVG, drawn like the gap map's PNG
(exports.map_image): the same shapes, cluster colours, legend, notes and source line as
on screen."""

from __future__ import annotations

import geopandas as gpd
from matplotlib.figure import Figure

from analysis.spatial import CLUSTERS, SIGNIFICANCE
from charts.cluster_map import CLUSTER_COLORS, ClusterView, cluster_label
from exports.map_image import DPI, dissolved_sido, figure_png, figure_svg, map_figure
from i18n import t
from loaders import load_regions


def cluster_map_png(view: ClusterView, lang: str) -> bytes:
    return figure_png(cluster_figure(view, lang), DPI)


def cluster_map_svg(view: ClusterView, lang: str) -> bytes:
    return figure_svg(cluster_figure(view, lang))


def cluster_figure(view: ClusterView, lang: str) -> Figure:
    regions = load_regions("sigungu")
    shapes = gpd.GeoSeries(regions.geometry.to_numpy(), index=regions["region_code"],
                           crs=regions.crs)
    return map_figure(
        shapes, view.regions["class"], [CLUSTER_COLORS[c] for c in CLUSTERS],
        [cluster_label(c, lang) for c in CLUSTERS], title=view.title,
        legend_title=t("disparity_lisa_legend", lang).format(level=int(SIGNIFICANCE * 100)),
        source_line=view.source, no_data_label=t("map_no_data", lang),
        capital_outline=dissolved_sido("capital")["capital"],
        capital_label=t("map_capital_outline", lang), notes=view.notes)
