"""Download buttons for a page's view: data (CSV/XLSX, visible and full series), chart
images (PNG 2x, SVG) and maps (PNG, offline HTML).

Files are generated only when a button is clicked (deferred ``data`` callables) and
the app does not rerun on download, so offering exports costs nothing per rerun.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import altair as alt
import folium
import pandas as pd
import streamlit as st

from charts.map_view import MapOptions, MapView
from exports.chart_images import chart_png, chart_svg
from exports.data_export import csv_bytes, definitions_table, full_series, xlsx_bytes
from exports.filenames import export_filename, map_detail
from exports.map_html import standalone_map_html
from exports.map_image import map_view_png
from i18n import t

CSV, XLSX = "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _button(label: str, data: Callable[[], bytes | str], file_name: str, mime: str,
            key: str) -> None:
    st.download_button(label, data=data, file_name=file_name, mime=mime, key=key,
                       on_click="ignore", icon=":material/download:")


def data_downloads(visible: Callable[[], pd.DataFrame], store: pd.DataFrame,
                   catalog: pd.DataFrame, indicators: Sequence[str], lang: str, key: str,
                   measure: str | None = None, years=None, view_detail: str = "",
                   with_full_series: bool = True) -> None:
    """Four buttons: the visible table and the indicators' full stored series, each as
    CSV and XLSX (with the definitions sheet). ``visible`` builds the page's table
    (exports.data_export.map_table / trend_table, or the page's own frame); ``view_detail``
    names what else sets the visible table apart (exports.filenames.map_detail). A page
    with several charts on the same series offers the full series once
    (with_full_series=False for the others)."""
    def definitions() -> pd.DataFrame:
        return definitions_table(catalog, indicators, lang)

    def full() -> pd.DataFrame:
        return full_series(store, catalog, indicators, lang)

    def name(detail: str, ext: str) -> str:
        scoped = detail == "visible"   # the full series has every measure and year
        return export_filename(indicators, ext, lang, measure if scoped else None,
                               years if scoped else None,
                               "_".join(filter(None, [detail, view_detail if scoped else ""])))

    _button(t("export_visible_csv", lang), lambda: csv_bytes(visible()),
            name("visible", "csv"), CSV, f"{key}_visible_csv")
    _button(t("export_visible_xlsx", lang), lambda: xlsx_bytes(visible(), definitions()),
            name("visible", "xlsx"), XLSX, f"{key}_visible_xlsx")
    if not with_full_series:
        return
    _button(t("export_full_csv", lang), lambda: csv_bytes(full()),
            name("full", "csv"), CSV, f"{key}_full_csv")
    _button(t("export_full_xlsx", lang), lambda: xlsx_bytes(full(), definitions()),
            name("full", "xlsx"), XLSX, f"{key}_full_xlsx")


def chart_downloads(chart: alt.TopLevelMixin | dict, lang: str, key: str,
                    indicator: str | Sequence[str], measure: str | None, years,
                    detail: str | None = None,
                    title: str | None = None, source: str | None = None,
                    unit: str | None = None) -> None:
    """PNG (2x) and SVG of the chart with title, unit and source baked in."""
    labels = {"title": title, "source": source, "unit": unit}

    def name(ext: str) -> str:
        return export_filename(indicator, ext, lang, measure, years, detail)

    _button(t("export_png", lang), lambda: chart_png(chart, lang, **labels), name("png"),
            "image/png", f"{key}_png")
    _button(t("export_svg", lang), lambda: chart_svg(chart, lang, **labels), name("svg"),
            "image/svg+xml", f"{key}_svg")


def map_downloads(view: MapView, options: MapOptions, fmap: Callable[[], folium.Map],
                  lang: str, key: str, policy: Sequence[str] = (), legend_html: str = "") -> None:
    """The map as PNG (same classes, colours and policy layers) and as an offline HTML
    file. ``fmap`` builds a complete new folium map (charts.maps.build_map);
    ``legend_html``: the legend shown beside the map (classes and policy markers)."""
    legend_html = legend_html or view.legend
    years = (options.base_year, options.year) if options.base_year else options.year
    detail = map_detail(options, policy)

    def name(ext: str) -> str:
        return export_filename(options.indicator, ext, lang, options.measure, years, detail)

    _button(t("export_map_png", lang), lambda: map_view_png(view, options, lang, policy=policy),
            name("png"),
            "image/png", f"{key}_map_png")
    _button(t("export_map_html", lang),
            lambda: standalone_map_html(fmap(), view.title, legend_html, view.source),
            name("html"), "text/html", f"{key}_map_html")
