"""The LISA cluster map of a 시군구 variable: hot spots, cold spots and outliers on the gap
map's offline Leaflet base (charts.maps), with an HTML legend and escaped tooltips.
A 시군구 without a value is hatched "no data", never a cluster.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import geopandas as gpd
import pandas as pd

from analysis.spatial import CLUSTERS, PERMUTATIONS, SIGNIFICANCE, SpatialClusters
from charts.map_legend import HATCH_CSS
from charts.map_style import NO_DATA_FILL, region_style
from charts.map_tooltip import format_value, tooltip_html
from charts.theme import FONT_FAMILY
from i18n import t

# ColorBrewer RdBu ends for clusters, its light tints for outliers: red/blue stays
# distinguishable with the common colour-vision deficiencies.
CLUSTER_COLORS = {"HH": "#B2182B", "LL": "#2166AC", "HL": "#F4A582", "LH": "#92C5DE",
                  "ns": "#E3E3E3"}   # darker than the map's background (#f3f5f7)


@dataclass
class ClusterView:
    """What the page draws: ``regions`` indexed by 시군구 code with name, subtitle,
    cluster (or NA), class (its position in CLUSTERS, NA = no data), style and tooltip;
    ``reading``: the one line under the map (charts.disparity_views sets it)."""
    title: str
    unit: str
    regions: pd.DataFrame
    legend: str
    source: str
    notes: list[str]
    reading: str = ""


def cluster_label(cluster: str, lang: str) -> str:
    return t(f"disparity_cluster_{cluster}", lang)


def cluster_view(result: SpatialClusters, shapes: gpd.GeoDataFrame, title: str, unit: str,
                 source: str, lang: str) -> ClusterView:
    """The map's content: one row per drawn 시군구 (``shapes``: load_regions('sigungu'))."""
    frame = result.frame.set_index("region_code")
    codes = shapes["region_code"].to_numpy()
    names = pd.DataFrame({"name": shapes[f"name_{lang}"].to_numpy(),
                          "subtitle": shapes[f"sido_name_{lang}"].to_numpy()}, index=codes)
    regions = names.join(frame[["value", "cluster", "p_value"]], how="left")
    regions["class"] = regions["cluster"].map({c: i for i, c in enumerate(CLUSTERS)}).astype("Int64")
    regions["style"] = [region_style(CLUSTER_COLORS[c] if isinstance(c, str) else NO_DATA_FILL)
                        for c in regions["cluster"]]
    regions["tooltip"] = [_tooltip(row, unit, lang) for row in regions.itertuples()]
    notes = [t("disparity_lisa_method", lang).format(
        permutations=PERMUTATIONS, level=int(SIGNIFICANCE * 100))]
    if result.islands:
        islands = "; ".join(names.loc[list(result.islands), "name"])
        notes.append(t("disparity_lisa_islands", lang).format(names=islands))
    if result.missing:
        notes.append(t("disparity_lisa_missing", lang).format(count=len(result.missing)))
    return ClusterView(title, unit, regions, legend_html(result, lang), source, notes)


def _tooltip(row, unit: str, lang: str) -> str:
    if not isinstance(row.cluster, str):
        return tooltip_html(row.name, row.subtitle, [(t("tooltip_value", lang),
                                                      format_value(None, 1, unit, lang))])
    return tooltip_html(row.name, row.subtitle, [
        (t("tooltip_value", lang), format_value(row.value, 1 if unit == "%" else 2, unit, lang)),
        (t("disparity_col_cluster", lang), cluster_label(row.cluster, lang)),
        (t("disparity_col_pseudo_p", lang), f"{row.p_value:.3f}")])


def _legend_row(css: str, label: str) -> str:
    swatch = (f'<span style="display:inline-block;width:18px;height:12px;margin-right:6px;'
              f'vertical-align:middle;border:1px solid #bbb;{css}"></span>')
    return f'<div style="margin:2px 0;white-space:nowrap">{swatch}{escape(label)}</div>'


def legend_html(result: SpatialClusters, lang: str) -> str:
    """Cluster swatches with their counts, and the no-data hatch."""
    rows = [_legend_row(f"background:{CLUSTER_COLORS[c]}",
                        f"{cluster_label(c, lang)} ({result.count(c)})") for c in CLUSTERS]
    if result.missing:
        rows.append(_legend_row(HATCH_CSS, f"{t('map_no_data', lang)} ({len(result.missing)})"))
    heading = t("disparity_lisa_legend", lang).format(level=int(SIGNIFICANCE * 100))
    return (f'<div style="font-family:{FONT_FAMILY};font-size:13px;line-height:1.4">'
            f'<div style="font-weight:600">{escape(heading)}</div>{"".join(rows)}</div>')
