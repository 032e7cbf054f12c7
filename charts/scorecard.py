"""Small charts for the home scorecard: 수도권 and 비수도권 shares, one panel per plan item.

Long computed series are two lines; a few scattered years are paired bars, so that a
handful of published figures never looks like a continuous series. Published and derived
figures are drawn lighter than computed ones and say so in the tooltip.
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from analysis.formatting import format_pp
from analysis.groups import CAPITAL, NONCAPITAL
from analysis.scorecard import COMPUTED, DERIVED, PUBLISHED, Panel
from charts.theme import CAPITAL_COLOR, NONCAPITAL_COLOR
from charts.trends import finish, highlight, series_label, year_axis
from i18n import t
from loaders.citations import cited

HEIGHT = 140
SUBTITLE_CHARS = {"ko": 22, "en": 34}  # fits a quarter of a wide page at 10 px
MIN_YEARS_FOR_LINES = 5
MAX_YEARS_LABELLED = 3  # more paired bars than this leave no room for value labels
METHOD_OPACITY = {COMPUTED: 1.0, PUBLISHED: 0.9, DERIVED: 0.5}


def panel_name(panel: Panel, lang: str) -> str:
    return panel.spec.name_en if lang == "en" else panel.spec.name_ko


def fill_source(panel: Panel, lang: str) -> str:
    """'과학기술정보통신부·KISTEP 연구개발활동조사 (KOSIS 127)': who publishes the full series."""
    publisher = panel.publisher_en if lang == "en" else panel.publisher_ko
    return publisher + (f" (KOSIS {panel.kosis})" if panel.kosis else "")


def source_lines(panel: Panel, lang: str) -> list[str]:
    """['출처: 통계청, 지역소득', 'KOSIS 101/DT_1C81'] — short lines that fit a narrow panel;
    partial panels add that the figures are quoted, not computed."""
    publisher = panel.publisher_en if lang == "en" else panel.publisher_ko
    extra = [f"KOSIS {panel.kosis}"] if panel.kosis else []
    if panel.status != "computed":
        extra.append(t("scorecard_quoted", lang))
    text = " · ".join([f"{t('source_prefix', lang)}: {publisher}", *extra])
    return textwrap.wrap(text, SUBTITLE_CHARS[lang])


def latest_text(panel: Panel, lang: str) -> str:
    """'2023: 수도권 52.3% · 비수도권 47.7% (1985 대비 수도권 +8.2%p)'."""
    year = panel.years[-1]
    capital, rest = panel.share(CAPITAL, year), panel.share(NONCAPITAL, year)
    text = (f"{year}: {series_label(CAPITAL, lang)} {capital:.1f}% · "
            f"{series_label(NONCAPITAL, lang)} {rest:.1f}%")
    change = panel.change_pp(CAPITAL)
    if change is not None:
        text += " " + t("scorecard_change", lang).format(
            first=panel.years[0], change=format_pp(change, lang))
    return text


def _data(panel: Panel, lang: str, with_gaps: bool) -> pd.DataFrame:
    """Chart rows; for lines, empty rows for missing years so the line breaks there."""
    data = panel.series.copy()
    if with_gaps:
        years = range(panel.years[0], panel.years[-1] + 1)
        full = pd.MultiIndex.from_product([years, [CAPITAL, NONCAPITAL]], names=["year", "group"])
        data = data.set_index(["year", "group"]).reindex(full).reset_index()
        data["method"] = data["method"].fillna(COMPUTED)
        data["source"] = data["source"].fillna("")
    data["source"] = [cited(source, lang) for source in data["source"]]   # reader's language
    data["label"] = [series_label(g, lang) for g in data["group"]]
    data["share_text"] = ["" if pd.isna(v) else f"{v:.1f}%" for v in data["share"]]
    data["method_text"] = [t(f"method_{m}", lang) for m in data["method"]]
    data["opacity"] = data["method"].map(METHOD_OPACITY)
    return data


def panel_chart(panel: Panel, lang: str) -> alt.TopLevelMixin:
    """Two lines (long computed series) or paired bars (a few years) of the two shares."""
    years = panel.years
    as_lines = len(years) >= MIN_YEARS_FOR_LINES and (panel.series["method"] == COMPUTED).all()
    data = _data(panel, lang, with_gaps=as_lines)
    domain = [series_label(CAPITAL, lang), series_label(NONCAPITAL, lang)]
    selection = alt.selection_point(fields=["label"], bind="legend")
    color = alt.Color("label:N", scale=alt.Scale(domain=domain,
                                                 range=[CAPITAL_COLOR, NONCAPITAL_COLOR]),
                      legend=alt.Legend(title=None, orient="bottom", columns=1, labelLimit=160,
                                        symbolOpacity=1, symbolSize=60, labelFontSize=10))
    y = alt.Y("share:Q", title=t("axis_share_short", lang),
              scale=alt.Scale(zero=False, nice=True))
    tips = [alt.Tooltip("label:N", title=t("legend_groups", lang)),
            alt.Tooltip("year:Q", title=t("axis_year", lang), format="d"),
            alt.Tooltip("share_text:N", title=t("axis_share", lang)),
            alt.Tooltip("method_text:N", title=t("scorecard_method", lang)),
            alt.Tooltip("source:N", title=t("source_prefix", lang))]
    base = alt.Chart(data)
    if as_lines:
        span = (years[0], years[-1])
        chart = alt.layer(
            base.mark_line(strokeWidth=2.4, invalid="break-paths-filter-domains").encode(
                x=year_axis(lang, span), y=y, color=color,
                opacity=highlight(selection),
            ).add_params(selection),
            base.mark_point(filled=True, size=16).encode(
                x=year_axis(lang, span), y=y, color=color, tooltip=tips),
        )
    else:
        x = alt.X("year:O", title=t("axis_year", lang), axis=alt.Axis(labelAngle=0))
        offset = alt.XOffset("label:N", sort=domain)
        bar_y = alt.Y("share:Q", title=t("axis_share_short", lang),
                      scale=alt.Scale(domain=[0, 100]))
        bars = base.mark_bar().encode(
            x=x, xOffset=offset, y=bar_y, color=color, tooltip=tips,
            opacity=alt.Opacity("opacity:Q", legend=None, scale=None, condition={
                "test": {"not": {"param": selection.name}}, "value": 0.15}),
        ).add_params(selection)
        chart = bars
        if len(years) <= MAX_YEARS_LABELLED:
            values = base.mark_text(dy=-3, baseline="bottom", fontSize=9).encode(
                x=x, xOffset=offset, y=bar_y, text=alt.Text("share:Q", format=".1f"))
            chart = alt.layer(bars, values)
    title = alt.Title(panel_name(panel, lang), subtitle=source_lines(panel, lang),
                      fontSize=14, subtitleFontSize=10, limit=400)
    chart.title, chart.height, chart.width = title, HEIGHT, "container"  # built here: no copy
    return finish(chart)
