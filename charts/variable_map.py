"""A small 시도 map of one regional variable in one year, for picking the 시도 that the
disparity charts highlight: quantile classes in the gap map's colours, the capital
region outlined, the chosen 시도 drawn with a heavy border."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from analysis.classify import classify
from charts.map_legend import class_labels, legend_html
from charts.map_style import NO_DATA_FILL, region_style, sequential_colors
from charts.map_tooltip import format_value, tooltip_html
from i18n import t

CLASSES = 5
CHOSEN_BORDER = {"color": "#000000", "weight": 3}


def variable_map(values: pd.Series, regions: gpd.GeoDataFrame, title: str, unit: str,
                 decimals: int, lang: str,
                 chosen: str | None = None) -> tuple[pd.DataFrame, str]:
    """(the 시도 indexed by code with their style and tooltip, as ui.gap_map draws them;
    legend HTML). ``regions``: load_regions('sido')."""
    values = values.reindex(regions["region_code"])
    classification = classify(values, "quantiles", CLASSES)
    colors = sequential_colors(classification.classes)
    classes = classification.class_of(values)
    frame = pd.DataFrame({"name": regions[f"name_{lang}"].to_numpy(),
                          "subtitle": regions["gwonyeok" if lang == "ko" else "gwonyeok_en"]
                          .to_numpy()}, index=values.index)
    styles, tooltips = [], []
    for code, value, klass in zip(values.index, values, classes):
        style = region_style(NO_DATA_FILL if pd.isna(klass) else colors[int(klass)])
        if code == chosen:
            style = {**style, **CHOSEN_BORDER}
        styles.append(style)
        tooltips.append(tooltip_html(frame.loc[code, "name"], frame.loc[code, "subtitle"],
                                     [(t("tooltip_value", lang),
                                       format_value(value, decimals, unit, lang))]))
    frame["style"], frame["tooltip"] = styles, tooltips
    legend = legend_html(title, unit, class_labels(classification.edges), colors, lang,
                         has_no_data=bool(values.isna().any()))
    return frame[["style", "tooltip"]], legend
