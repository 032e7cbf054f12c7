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
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from charts.map_style import (BORDER_COLOR, CAPITAL_CASING, CAPITAL_LINE, border_color,
                              swatch_border)
from charts.map_view import MapOptions, MapView
from charts.maps import policy_points
from charts.theme import NO_DATA_COLOR
from exports.fonts import FONT_DIR, register_matplotlib_fonts
from loaders import load_policy_layers, load_regions
from i18n import t

PROJECTED_CRS = 5179          # Korea 2000 / Unified CS: true shapes for a printed map
FIGURE_WIDTH = 8.0            # inches; the height grows with the title, legend and notes
MIN_FIGURE_HEIGHT = 9.0
MIN_MAP_HEIGHT = 6.0          # inches; below that the canvas grows instead
MARGIN, GAP = 0.25, 0.18      # inches
DPI = 200                     # 1600 × 1800 px: sharp on a slide
HATCH = "////"
HATCH_COLOR = "#9a9a9a"
# Leaflet weights are CSS pixels; matplotlib widths are points (1 px = 0.75 pt at 96 dpi).
POINTS_PER_PIXEL = 0.75
BOLD_FONT = FONT_DIR / "NanumGothicBold.ttf"   # by file: its weight (600) matches no "bold"
TITLE_SIZE, LEGEND_SIZE, NOTE_SIZE = 15, 10, 9
LINE_SPACING = 1.3


def figure_png(figure: Figure, dpi: int) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def figure_svg(figure: Figure) -> bytes:
    """The figure as SVG; matplotlib writes text as outlines (svg.fonttype 'path'), so
    Hangul reads the same in any viewer, font or not."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", facecolor="white")
    return buffer.getvalue()


def map_figure(shapes: gpd.GeoSeries, classes: pd.Series, colors: Sequence[str],
               labels: Sequence[str], title: str, legend_title: str, source_line: str,
               no_data_label: str, capital_outline=None, capital_label: str = "",
               dpi: int = DPI, notes: Sequence[str] = (),
               markers: pd.DataFrame | None = None) -> Figure:
    """The map laid out without overlaps: the title wrapped to the width on top, the map
    and beside it the legend, then the notes and the source line wrapped below. Every
    block is measured with the renderer and the canvas grows to hold them all (at least
    FIGURE_WIDTH × MIN_FIGURE_HEIGHT inches), so long notes, many policy layers and either
    language fit.

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
    figure = Figure(figsize=(FIGURE_WIDTH, MIN_FIGURE_HEIGHT), dpi=dpi)
    renderer = FigureCanvasAgg(figure).get_renderer()
    handles = [Patch(facecolor=color, edgecolor=swatch_border(color), label=label)
               for color, label in zip(colors, labels)]
    if classes.isna().any():
        handles.append(Patch(facecolor=NO_DATA_COLOR, edgecolor=HATCH_COLOR, hatch=HATCH,
                             label=no_data_label))
    if capital_outline is not None:
        handles.append(Line2D([], [], color=CAPITAL_LINE["color"], label=capital_label,
                              linewidth=CAPITAL_LINE["weight"] * POINTS_PER_PIXEL * 1.5))
    if markers is not None and len(markers):
        handles.extend(_marker_handles(markers))

    width = FIGURE_WIDTH - 2 * MARGIN
    title_font = FontProperties(fname=BOLD_FONT, size=TITLE_SIZE)
    title_text = "\n".join(wrap_to_width(title, title_font, width, renderer, dpi))
    foot_font = _sized(font, NOTE_SIZE)
    foot_text = "\n".join(line for part in [*notes, source_line]
                          for line in wrap_to_width(part, foot_font, width, renderer, dpi))
    legend = _legend(figure, handles, legend_title, font)
    title_artist = figure.text(0, 0, title_text, ha="left", va="top", fontproperties=title_font,
                               linespacing=LINE_SPACING)
    foot_artist = figure.text(0, 0, foot_text, ha="left", va="bottom", color="#555555",
                              fontproperties=foot_font, linespacing=LINE_SPACING)
    inches = _extent_inches(renderer, dpi)
    legend_w, legend_h = inches(legend)
    legend.remove()                     # measured; placed below once the height is known
    title_h, foot_h = inches(title_artist)[1], inches(foot_artist)[1]

    minx, miny, maxx, maxy = projected.total_bounds
    aspect = (maxx - minx) / (maxy - miny)
    room = MIN_FIGURE_HEIGHT - 2 * MARGIN - title_h - foot_h - 2 * GAP
    map_h = min((width - legend_w - GAP) / aspect, max(room, MIN_MAP_HEIGHT))
    map_w = map_h * aspect
    body_h = max(map_h, legend_h)
    height = max(MIN_FIGURE_HEIGHT, 2 * MARGIN + title_h + body_h + foot_h + 2 * GAP)
    figure.set_size_inches(FIGURE_WIDTH, height)
    body_top = height - MARGIN - title_h - GAP
    title_artist.set_position((MARGIN / FIGURE_WIDTH, 1 - MARGIN / height))
    foot_artist.set_position((MARGIN / FIGURE_WIDTH, MARGIN / height))
    _legend(figure, handles, legend_title, font,
            anchor=((FIGURE_WIDTH - MARGIN) / FIGURE_WIDTH, body_top / height))
    axes = figure.add_axes((MARGIN / FIGURE_WIDTH, (body_top - map_h) / height,
                            map_w / FIGURE_WIDTH, map_h / height))
    _draw_regions(axes, projected, classes, colors)
    if capital_outline is not None:
        _draw_outline(axes, capital_outline, shapes.crs)
    if markers is not None and len(markers):
        _draw_markers(axes, markers)
    axes.set_axis_off()
    axes.set_aspect("equal", adjustable="datalim", anchor="NW")
    return figure


def wrap_to_width(text: str, font: FontProperties, width_inches: float, renderer,
                  dpi: float) -> list[str]:
    """Lines of ``text`` that each fit ``width_inches`` when drawn in ``font``, measured by
    the renderer (Hangul and Latin have different widths); words longer than a line are
    cut between characters."""
    limit = width_inches * dpi

    def fits(candidate: str) -> bool:
        return renderer.get_text_width_height_descent(candidate, font, ismath=False)[0] <= limit

    lines: list[str] = []
    for paragraph in str(text).split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if fits(candidate):
                line = candidate
                continue
            if line:
                lines.append(line)
            while not fits(word) and len(word) > 1:
                cut = max(i for i in range(1, len(word) + 1) if fits(word[:i]) or i == 1)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def _legend(figure: Figure, handles: list, title: str, font: FontProperties,
            anchor: tuple[float, float] = (1.0, 1.0)):
    """The legend box, its upper right corner at ``anchor`` (figure fractions)."""
    legend = figure.legend(handles=handles, title=title, loc="upper right",
                           bbox_to_anchor=anchor, borderaxespad=0, frameon=True,
                           framealpha=0.95, alignment="left", prop=_sized(font, LEGEND_SIZE))
    legend.get_title().set_fontproperties(_sized(font, LEGEND_SIZE))
    return legend


def _extent_inches(renderer, dpi: float):
    def inches(artist) -> tuple[float, float]:
        box = artist.get_window_extent(renderer)
        return box.width / dpi, box.height / dpi
    return inches


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
        present.plot(ax=axes, color=fills, edgecolor=[border_color(f) for f in fills],
                     linewidth=width)
    if missing.any():
        projected[missing].plot(ax=axes, facecolor=NO_DATA_COLOR, edgecolor=HATCH_COLOR,
                                hatch=HATCH, linewidth=0)
        projected[missing].plot(ax=axes, facecolor="none", edgecolor=BORDER_COLOR,
                                linewidth=width)


def _draw_markers(axes, markers: pd.DataFrame) -> None:
    """Policy-layer dots in the map's colours."""
    points = gpd.GeoSeries(gpd.points_from_xy(markers["lon"], markers["lat"]), crs=4326)
    projected = points.to_crs(PROJECTED_CRS)
    axes.scatter(projected.x, projected.y, s=60, c=list(markers["color"]), edgecolors="white",
                 linewidths=1.2, zorder=5)


def _marker_handles(markers: pd.DataFrame) -> list[Line2D]:
    """One legend entry per policy layer."""
    return [Line2D([], [], marker="o", linestyle="", markerfacecolor=color,
                   markeredgecolor="white", markersize=8, label=label)
            for label, color in dict(zip(markers["label"], markers["color"])).items()]


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


def map_view_figure(view: MapView, options: MapOptions, lang: str, dpi: int = DPI,
                    policy: Sequence[str] = ()) -> Figure:
    """The page's current MapView laid out as a figure: same classes, colours, legend
    labels, title, notes, source line and chosen policy layers as the interactive map."""
    capital = dissolved_sido("capital")["capital"]
    markers = policy_points(load_policy_layers(), list(policy))
    markers["label"] = [t(f"policy_{layer}", lang) for layer in markers["layer"]]
    return map_figure(
        view_shapes(options), view.regions["class"], view.colors, view.labels,
        title=view.title, legend_title=f"{t('unit_prefix', lang)}: {view.unit}",
        source_line=view.source, no_data_label=t("map_no_data", lang),
        capital_outline=capital, capital_label=t("map_capital_outline", lang), dpi=dpi,
        notes=view.notes, markers=markers)


def map_view_png(view: MapView, options: MapOptions, lang: str, dpi: int = DPI,
                 policy: Sequence[str] = ()) -> bytes:
    """map_view_figure as PNG bytes."""
    return figure_png(map_view_figure(view, options, lang, dpi, policy), dpi)
