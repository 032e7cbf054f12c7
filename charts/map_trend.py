"""The side panel's small trend chart: one region against the national and group averages."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.theme import CAPITAL_COLOR, FONT_FAMILY, NATION_COLOR, NONCAPITAL_COLOR
from i18n import t

GROUP_KEYS = ("nation", "capital", "noncapital")
REGION_COLOR = "#111111"


def trend_frame(series: pd.DataFrame, region_code: str, region_name: str,
                lang: str) -> pd.DataFrame:
    """Long rows (year, series label, value) for the region and the three group figures
    of measure_series(); years without a value are dropped, not drawn as 0."""
    labels = {"nation": t("map_tt_nation", lang), "capital": t("map_tt_capital", lang),
              "noncapital": t("map_tt_noncapital", lang)}
    region = series[(series["region_code"] == region_code) & ~series["is_group"].astype(bool)]
    groups = series[series["region_code"].isin(GROUP_KEYS) & series["is_group"].astype(bool)]
    frame = pd.concat([region.assign(label=region_name),
                       groups.assign(label=groups["region_code"].map(labels))])
    return frame.dropna(subset=["value"])[["year", "label", "value"]]


def trend_chart(frame: pd.DataFrame, region_name: str, unit: str, lang: str) -> alt.Chart:
    """Lines over years: the region bold and black, the averages thin and dashed in the
    colours every page uses for the nation, 수도권 and 비수도권."""
    labels = [region_name, t("map_tt_nation", lang), t("map_tt_capital", lang),
              t("map_tt_noncapital", lang)]
    colors = [REGION_COLOR, NATION_COLOR, CAPITAL_COLOR, NONCAPITAL_COLOR]
    dashes = [[1, 0], [2, 2], [5, 3], [5, 3]]
    widths = [3, 1.5, 1.5, 1.5]
    encoding = dict(
        x=alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1)),
        y=alt.Y("value:Q", title=None, scale=alt.Scale(zero=False)),
        color=alt.Color("label:N", title=None, scale=alt.Scale(domain=labels, range=colors),
                        legend=alt.Legend(orient="bottom", columns=1, labelLimit=0)),
        strokeDash=alt.StrokeDash("label:N", scale=alt.Scale(domain=labels, range=dashes),
                                  legend=None),
        strokeWidth=alt.StrokeWidth("label:N", scale=alt.Scale(domain=labels, range=widths),
                                    legend=None),
        tooltip=[alt.Tooltip("label:N", title=t("map_trend_series", lang)),
                 alt.Tooltip("year:Q", format="d"), alt.Tooltip("value:Q", format=",.2f")],
    )
    # The unit heads the chart: as a vertical axis title it is longer than the panel is tall.
    heading = alt.Title(f"{t('map_trend_axis', lang)} ({unit})", anchor="start", fontSize=11,
                        fontWeight="normal", color="#555555")
    return (alt.Chart(frame, title=heading).mark_line(point=alt.OverlayMarkDef(size=10))
            .encode(**encoding).properties(height=240).configure(font=FONT_FAMILY))
