"""The current choropleth as a PNG, drawn without a browser (geopandas + matplotlib).

Colours and classes are not recomputed here: they come from the page's MapView (its
Classification, its colour per class and each region's class), so the image matches
the interactive map exactly; class labels come from the map legend's own formatter.
Missing regions are hatched grey and labelled 자료 없음, the capital region keeps its
dark-cased vermillion outline, and the title, unit and source are part of the image.
Drawn on a bare Figure with explicit font properties (no pyplot, no rcParams): the app
server renders from several threads at once.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache

import geopandas as gpd
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from charts.map_legend import class_labels
from charts.map_style import BORDER_COLOR, CAPITAL_CASING, CAPITAL_LINE
from charts.map_view import MapOptions, MapView
from charts.maps import policy_points
from charts.theme import NO_DATA_COLOR
from exports.fonts import FONT_DIR, register_matplotlib_fonts
from loaders import load_policy_layers, load_regions
from i18n import t

PROJECTED_CRS = 5179          # Korea 2000 / Unified CS: true shapes for a printed map
FIGURE_INCHES = (8.0, 9.0)
DPI = 200                     # 1600 × 1800 px: sharp on a slide
HATCH = "////"
HATCH_COLOR = "#9a9a9a"
# Leaflet weights are CSS pixels; matplotlib widths are points (1 px = 0.75 pt at 96 dpi).
POINTS_PER_PIXEL = 0.75
BOLD_FONT = FONT_DIR / "NanumGothicBold.ttf"   # by file: its weight (600) matches no "bold"


def render_map_png(shapes: gpd.GeoSeries, classes: pd.Series, colors: Sequence[str],
                   labels: Sequence[str], title: str, legend_title: str, source_line: str,
                   no_data_label: str, capital_outline=None, capital_label: str = "",
                   dpi: int = DPI, notes: Sequence[str] = (),
                   markers: pd.DataFrame | None = None) -> bytes:
    """Draw regions coloured by class and return PNG bytes.

    shapes: geometry per region code (any CRS; drawn in EPSG:5179). classes: class index
    per region code (NA = no data, hatched). colors/labels: one per class, lowest first,
    exactly as the interactive map's legend. capital_outline: a shapely geometry drawn on
    top with the map's casing and line colours. notes: coverage and preliminary-year
    notes printed above the source line, as under the interactive map. markers: policy
    layer points (lat, lon, color, label), drawn and listed in the legend as on the map.
    """
    font = FontProperties(family=register_matplotlib_fonts())
    projected = shapes.to_crs(PROJECTED_CRS)
    classes = classes.reindex(projected.index)
    figure = Figure(figsize=FIGURE_INCHES, dpi=dpi)
    axes = figure.subplots()
    _draw_regions(axes, projected, classes, colors)
    handles = [Patch(facecolor=color, edgecolor="#bbbbbb", label=label)
               for color, label in zip(colors, labels)]
    if classes.isna().any():
        handles.append(Patch(facecolor=NO_DATA_COLOR, edgecolor=HATCH_COLOR, hatch=HATCH,
                             label=no_data_label))
    if capital_outline is not None:
        _draw_outline(axes, capital_outline, shapes.crs)
        handles.append(Line2D([], [], color=CAPITAL_LINE["color"], label=capital_label,
                              linewidth=CAPITAL_LINE["weight"] * POINTS_PER_PIXEL * 1.5))
    if markers is not None and len(markers):
        _draw_markers(axes, markers, handles)
    axes.set_axis_off()
    axes.set_aspect("equal")
    legend = axes.legend(handles=handles, title=legend_title, loc="lower right",
                         frameon=True, framealpha=0.95, alignment="left",
                         prop=_sized(font, 10))
    legend.get_title().set_fontproperties(_sized(font, 10))
    figure.suptitle(title, x=0.03, y=0.975, ha="left",
                    fontproperties=FontProperties(fname=BOLD_FONT, size=15))
    figure.text(0.03, 0.015, "\n".join([*notes, source_line]), ha="left", va="bottom",
                color="#555555", wrap=True, fontproperties=_sized(font, 9))
    figure.subplots_adjust(left=0.02, right=0.98, top=0.93, bottom=0.06 + 0.015 * len(notes))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def _sized(font: FontProperties, size: float) -> FontProperties:
    sized = font.copy()
    sized.set_size(size)
    return sized


def _draw_regions(axes, projected: gpd.GeoSeries, classes: pd.Series,
                  colors: Sequence[str]) -> None:
    width = 0.7 * POINTS_PER_PIXEL
    missing = classes.isna()
    if (~missing).any():
        present = projected[~missing]
        fills = [colors[int(c)] for c in classes[~missing]]
        present.plot(ax=axes, color=fills, edgecolor=BORDER_COLOR, linewidth=width)
    if missing.any():
        projected[missing].plot(ax=axes, facecolor=NO_DATA_COLOR, edgecolor=HATCH_COLOR,
                                hatch=HATCH, linewidth=0)
        projected[missing].plot(ax=axes, facecolor="none", edgecolor=BORDER_COLOR,
                                linewidth=width)


def _draw_markers(axes, markers: pd.DataFrame, handles: list) -> None:
    """Policy-layer dots in the map's colours, one legend entry per layer."""
    points = gpd.GeoSeries(gpd.points_from_xy(markers["lon"], markers["lat"]), crs=4326)
    projected = points.to_crs(PROJECTED_CRS)
    axes.scatter(projected.x, projected.y, s=60, c=list(markers["color"]), edgecolors="white",
                 linewidths=1.2, zorder=5)
    for label, color in dict(zip(markers["label"], markers["color"])).items():
        handles.append(Line2D([], [], marker="o", linestyle="", markerfacecolor=color,
                              markeredgecolor="white", markersize=8, label=label))


def _draw_outline(axes, outline, crs) -> None:
    line = gpd.GeoSeries([outline], crs=crs).to_crs(PROJECTED_CRS)
    for style in (CAPITAL_CASING, CAPITAL_LINE):
        line.boundary.plot(ax=axes, color=style["color"], alpha=style["opacity"],
                           linewidth=style["weight"] * POINTS_PER_PIXEL)


@lru_cache(maxsize=3)
def dissolved_sido(grouping: str) -> gpd.GeoSeries:
    """시도 dissolved as the map dissolves them: 'capital' → capital/noncapital, 'gwonyeok'
    → the seven 권역 (keys as in MapView.regions)."""
    regions = load_regions("sido")
    keys = (regions["gwonyeok"] if grouping == "gwonyeok"
            else regions["is_capital"].map({True: "capital", False: "noncapital"}))
    return gpd.GeoDataFrame({"key": keys.to_numpy()}, geometry=regions.geometry.to_numpy(),
                            crs=regions.crs).dissolve("key").geometry


def view_shapes(options: MapOptions) -> gpd.GeoSeries:
    """The shapes the map draws for these options: 시도 or 시군구 by code, or groups."""
    if options.dissolve == "none":
        regions = load_regions(options.level)
        return gpd.GeoSeries(regions.geometry.to_numpy(), index=regions["region_code"],
                             crs=regions.crs)
    return dissolved_sido(options.dissolve)


def map_view_png(view: MapView, options: MapOptions, lang: str, dpi: int = DPI,
                 policy: Sequence[str] = ()) -> bytes:
    """The page's current MapView as a PNG: same classes, colours, legend labels, title,
    notes, source line and chosen policy layers as the interactive map."""
    capital = dissolved_sido("capital")["capital"]
    markers = policy_points(load_policy_layers(), list(policy))
    markers["label"] = [t(f"policy_{layer}", lang) for layer in markers["layer"]]
    return render_map_png(
        view_shapes(options), view.regions["class"], view.colors,
        class_labels(view.classification.edges, signed=options.diverging),
        title=view.title, legend_title=f"{t('unit_prefix', lang)}: {view.unit}",
        source_line=view.source, no_data_label=t("map_no_data", lang),
        capital_outline=capital, capital_label=t("map_capital_outline", lang), dpi=dpi,
        notes=view.notes, markers=markers)
