"""Line charts of a Trend: 수도권 vs 비수도권, 권역 or 시도, one panel or small multiples.

One grammar for every series chart: lines for computed or official series (broken where
a year is missing), diamonds labelled 공표치 for published figures, dashed rules for
breaks, a legend that highlights a series when clicked, and tooltips with exact values
and units. The palette comes from charts.theme so 수도권 is the same colour everywhere.
"""

from __future__ import annotations

from functools import lru_cache

import altair as alt
import pandas as pd

from analysis.formatting import format_number
from analysis.gap import capital_codes
from analysis.trends import (CAPITAL, COMPUTED, GAP, NATION, NONCAPITAL, PUBLISHED,
                             STATISTIC, Trend, is_rate)
from charts.sources import publisher_line
from charts.theme import (CAPITAL_COLOR, FONT_FAMILY, GWONYEOK_COLORS, NATION_COLOR,
                          NONCAPITAL_COLOR)
from loaders.catalog import row_unit
from loaders.crosswalk import gwonyeok_names, gwonyeok_table, region_table
from i18n import t

HEIGHT = 380
PANEL_HEIGHT = 150
PANEL_WIDTH = 190
FADED = 0.15
BREAK_COLOR = "#888888"
BREAK = "break"  # chart rows that carry a break annotation rather than a value
SERIES_KEYS = {CAPITAL: "series_capital", NONCAPITAL: "series_noncapital",
               NATION: "series_nation", "CAP": "series_cap_published",
               "NONCAP": "series_noncap_published", "NONCAP_EXDJ": "series_noncap_exdj_published",
               "00": "series_nation_published"}
SERIES_COLORS = {CAPITAL: CAPITAL_COLOR, "CAP": CAPITAL_COLOR, NONCAPITAL: NONCAPITAL_COLOR,
                 "NONCAP": NONCAPITAL_COLOR, "NONCAP_EXDJ": NONCAPITAL_COLOR,
                 NATION: NATION_COLOR, "00": NATION_COLOR, GAP: NATION_COLOR}


# --- labels, colours and text shared by the series charts ------------------------------

@lru_cache(maxsize=2)
def _names(lang: str) -> dict[str, str]:
    """Short 시도 names and 권역 names by code, in one language."""
    regions = dict(zip(region_table()["region_code"], region_table()[f"short_{lang}"]))
    return {**regions, **gwonyeok_names(lang)}


def series_label(series: str, lang: str, rate: bool = False) -> str:
    """What a legend calls a series: 수도권 / 수도권 (공표치) / 서울 / 충청권 …"""
    if series == GAP:
        return t("series_gap_rate" if rate else "series_gap_ratio", lang)
    if series in SERIES_KEYS:
        return t(SERIES_KEYS[series], lang)
    return _names(lang).get(series, series)


def series_color(series: str, view: str) -> str:
    """수도권 in CAPITAL_COLOR and the rest in NONCAPITAL_COLOR, in every view."""
    if view == "gwonyeok":
        return GWONYEOK_COLORS.get(series, NATION_COLOR)
    if view == "regions":
        return CAPITAL_COLOR if series in capital_codes() else NONCAPITAL_COLOR
    return SERIES_COLORS.get(series, NATION_COLOR)


def value_text(value: float, decimals: int, unit: str, lang: str) -> str:
    """'1,234.5 조원' for tooltips and tables ('자료 없음' for NaN, never 0)."""
    number = format_number(value, decimals, lang)
    if pd.isna(value) or not unit:
        return number
    return f"{number}{unit}" if unit in ("%", "%p") else f"{number} {unit}"


def with_tooltip_text(data: pd.DataFrame, decimals: int, unit: str, lang: str) -> pd.DataFrame:
    """Add value_text, published_text and note columns that tooltips show verbatim."""
    data = data.copy()
    data["value_text"] = [value_text(v, decimals, unit, lang) for v in data["value"]]
    if "published_value" in data:
        data["published_text"] = [
            "" if pd.isna(v) else f"{format_number(v, 1 if v % 1 else 0, lang)} {u}"
            for v, u in zip(data["published_value"], data["published_unit"])]
    else:
        data["published_text"] = ""
    preliminary = data.get("preliminary", pd.Series(False, index=data.index))
    data["note"] = [t("preliminary", lang) if p is True else "" for p in preliminary]
    data["source"] = data.get("source", pd.Series("", index=data.index)).fillna("")
    return data


def tooltip(lang: str, label_title: str) -> list[alt.Tooltip]:
    return [alt.Tooltip("label:N", title=label_title),
            alt.Tooltip("year:Q", title=t("axis_year", lang), format="d"),
            alt.Tooltip("value_text:N", title=t("tooltip_value", lang)),
            alt.Tooltip("note:N", title=t("tooltip_note", lang)),
            alt.Tooltip("published_text:N", title=t("tooltip_as_published", lang)),
            alt.Tooltip("source:N", title=t("source_prefix", lang))]


def finish(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The shared look: Korean-capable font, no chart border, readable axes, legend below.
    Set as one Config on the freshly built chart: configure_* calls copy the whole chart."""
    chart.config = alt.Config(
        font=FONT_FAMILY, view=alt.ViewConfig(stroke=None),
        axis=alt.AxisConfig(labelFontSize=11, titleFontSize=12, grid=True, gridOpacity=0.4),
        legend=alt.LegendConfig(labelFontSize=11, titleFontSize=12, orient="bottom",
                                columns=9, symbolLimit=0),
        title=alt.TitleConfig(fontSize=16, subtitleFontSize=11, subtitleColor="#555555",
                              anchor="start"))
    if getattr(chart, "width", None) == "container":
        # Fill the page width but keep the height for the plot itself: altair's default
        # ("fit") would squeeze the plot to make room for title, legend and notes.
        chart.autosize = alt.AutoSizeParams(type="fit-x", contains="padding")
    return chart


def highlight(selection: alt.Parameter, faded: float = FADED) -> alt.OpacityValue:
    """Full opacity for the series picked in the legend, faded for the others. Built as a
    channel object: altair re-parses plain condition dicts, which costs ~25 ms each."""
    return alt.OpacityValue(faded, condition={"param": selection.name, "value": 1.0})


def thicker_if(test: str, thick: float, thin: float) -> alt.StrokeWidthValue:
    """A wider stroke where the Vega expression holds (e.g. the capital region's lines)."""
    return alt.StrokeWidthValue(thin, condition={"test": test, "value": thick})


def year_axis(lang: str, years: tuple[int, int]) -> alt.X:
    return alt.X("year:Q", title=t("axis_year", lang),
                 scale=alt.Scale(domain=list(years), nice=False),
                 axis=alt.Axis(format="d", tickMinStep=1, labelOverlap=True))


# --- the trend chart --------------------------------------------------------------------

def trend_title(trend: Trend, entry: pd.Series, lang: str) -> str:
    """'지역내총생산(명목): 수도권 vs 비수도권 — 전국 대비 비중' — the chart's subject."""
    view = t(f"view_title_{trend.view}", lang)
    measure = t(f"measure_{trend.measure}", lang)
    return f"{entry[f'name_{lang}']}: {view} — {measure}"


def y_title(trend: Trend, entry: pd.Series, lang: str) -> str:
    unit = trend.unit_en if lang == "en" else trend.unit_ko
    if trend.measure == "index":
        return t("axis_index", lang).format(base=trend.base_year)
    if trend.measure == "gap":
        return f"{series_label(GAP, lang, is_rate(entry))} ({unit})"
    if trend.measure == "share":
        return f"{t('axis_share', lang)} ({unit})"
    return f"{entry[f'name_{lang}']} ({unit})"


def subtitle(trend: Trend, entry: pd.Series, lang: str) -> list[str]:
    """Source line first, then what the reader must know to read the lines right."""
    lines = [f"{t('source_prefix', lang)}: {publisher_line(entry, lang)}"]
    if (trend.frame["kind"] == PUBLISHED).any():
        lines.append(t("note_published", lang))
    if trend.dropped_years:
        lines.append(t("note_dropped", lang).format(years=_years(trend.dropped_years)))
    if trend.gap_years:
        lines.append(t("note_gaps", lang).format(years=_years(trend.gap_years)))
    if trend.unindexed:
        names = ", ".join(series_label(s, lang) for s in trend.unindexed)
        lines.append(t("note_unindexed", lang).format(regions=names, base=trend.base_year))
    return lines


def _years(years: tuple[int, ...]) -> str:
    return ", ".join(str(y) for y in years)


def chart_data(trend: Trend, entry: pd.Series, lang: str) -> pd.DataFrame:
    """The trend's frame with labels, colours and tooltip text; legend order = frame order."""
    rate = is_rate(entry)
    data = trend.frame.copy()
    series = data["series"].unique()
    data["label"] = data["series"].map({s: series_label(s, lang, rate) for s in series})
    data["color"] = data["series"].map({s: series_color(s, trend.view) for s in series})
    unit = trend.unit_en if lang == "en" else trend.unit_ko
    if "published_unit" in data:
        data["published_unit"] = [row_unit(entry, u, lang) if isinstance(u, str) else u
                                  for u in data["published_unit"]]
    return with_tooltip_text(data, trend.decimals, unit, lang)


def _legend_order(data: pd.DataFrame, trend: Trend) -> tuple[list[str], list[str]]:
    if trend.view == "regions":
        order = sorted(data["series"].unique(), key=lambda s: (s not in capital_codes(), s))
    elif trend.view == "gwonyeok":
        order = [g for g in gwonyeok_table()["gwonyeok"] if g in set(data["series"])]
    else:
        order = list(dict.fromkeys(data["series"]))
    labels = data.drop_duplicates("series").set_index("series")
    return ([labels.loc[s, "label"] for s in order], [labels.loc[s, "color"] for s in order])


def break_rows(trend: Trend, lang: str, labels: list[str] | None) -> pd.DataFrame:
    """Breaks inside the shown years as extra chart rows (kind 'break'), repeated for every
    panel label in small multiples: layers with data of their own are misplaced inside a
    facet. Labels are staggered over three lines; those in the right third of the plot are
    right-aligned so they stay inside it."""
    years = trend.frame["year"]
    first, last = int(years.min()), int(years.max())
    shown = [b for b in trend.breaks if first <= b.year <= last]
    rows = pd.DataFrame({
        "year": [b.year for b in shown],
        "break_label": [b.label_en if lang == "en" else b.label_ko for b in shown],
        "break_kind": [b.kind for b in shown],
        "offset": [4 + 13 * (i % 3) for i in range(len(shown))],
        "align": ["right" if last > first and (b.year - first) / (last - first) > 2 / 3
                  else "left" for b in shown]}).assign(kind=BREAK)
    if labels is None:
        return rows
    return rows.merge(pd.DataFrame({"label": labels}), how="cross")


def break_layers(breaks: pd.DataFrame, labelled: bool) -> list[alt.Chart]:
    """Dashed vertical rules, with short labels at the top of the plot when labelled (one
    text layer per line and alignment, since those are mark properties)."""
    if breaks.empty:
        return []
    is_break = alt.datum.kind == BREAK
    layers = [alt.Chart().transform_filter(is_break).mark_rule(
        color=BREAK_COLOR, strokeDash=[4, 3]).encode(
        x=alt.X("year:Q"), tooltip=[alt.Tooltip("break_label:N", title="")])]
    if labelled:
        for offset, align in breaks[["offset", "align"]].drop_duplicates().itertuples(index=False):
            layers.append(alt.Chart().transform_filter(
                is_break & (alt.datum.offset == int(offset)) & (alt.datum.align == align),
            ).mark_text(align=align, baseline="top", dx=3 if align == "left" else -3,
                        fontSize=10, color=BREAK_COLOR).encode(
                x=alt.X("year:Q"), y=alt.YValue(int(offset)), text=alt.Text("break_label:N")))
    return layers


def break_note(trend: Trend, lang: str) -> str:
    """The breaks as one line of text, for small multiples where labels would crowd."""
    labels = [b.label_en if lang == "en" else b.label_ko for b in trend.breaks]
    return f"{t('note_breaks', lang)}: {', '.join(labels)}" if labels else ""


def trend_chart(trend: Trend, entry: pd.Series, lang: str, small_multiples: bool = False,
                shared_y: bool = True) -> alt.TopLevelMixin:
    """The trend as one panel of lines, or small multiples (one panel per series)."""
    data = chart_data(trend, entry, lang)
    domain, colors = _legend_order(data, trend)
    span = (int(data["year"].min()), int(data["year"].max()))
    selection = alt.selection_point(fields=["label"], bind="legend")
    color = alt.Color("label:N", title=t(f"legend_{trend.view}", lang),
                      scale=alt.Scale(domain=domain, range=colors), sort=domain)
    opacity = highlight(selection)
    unit = trend.unit_en if lang == "en" else trend.unit_ko
    y = alt.Y("value:Q", title=unit if small_multiples else y_title(trend, entry, lang),
              scale=alt.Scale(zero=trend.measure == "level" and bool(entry["additive"])))
    x = year_axis(lang, span)
    tips = tooltip(lang, t(f"legend_{trend.view}", lang))
    base = alt.Chart()
    lines_data = base.transform_filter(alt.FieldOneOfPredicate(field="kind",
                                                               oneOf=[COMPUTED, STATISTIC]))
    lines = lines_data.mark_line(invalid="break-paths-filter-domains", strokeWidth=2).encode(
        x=x, y=y, color=color, opacity=opacity,
        strokeWidth=thicker_if(f"datum.color === '{CAPITAL_COLOR}'", 2.6, 1.6),
        detail=alt.Detail("label:N")).add_params(selection)
    points = lines_data.mark_point(filled=True, size=18).encode(
        x=x, y=y, color=color, opacity=opacity, tooltip=tips)
    published = base.transform_filter(alt.datum.kind == PUBLISHED)
    diamonds = published.mark_point(shape="diamond", filled=True, size=110, stroke="white",
                                    strokeWidth=1).encode(
        x=x, y=y, color=color, opacity=opacity, tooltip=tips)
    published_labels = published.transform_window(
        rank="rank()", groupby=["label"], sort=[alt.SortField("year", order="descending")],
    ).transform_filter(alt.datum.rank == 1).mark_text(
        align="left", dx=8, fontSize=10).encode(
        x=x, y=y, color=color, opacity=opacity, text=alt.TextValue(t("published_mark", lang)))
    layers = [lines, points, diamonds, published_labels]
    if trend.measure == "index":
        layers.append(base.transform_aggregate(rows="count()").mark_rule(  # one rule
            color=NATION_COLOR, strokeWidth=1).encode(y=alt.YDatum(100)))
    breaks = break_rows(trend, lang, domain if small_multiples else None)
    notes = subtitle(trend, entry, lang)
    if small_multiples:  # labels would repeat in every panel: list them in the subtitle
        breaks = breaks[breaks["break_kind"] != "new_region"]
        notes.append(break_note(trend, lang))
    layers += break_layers(breaks, labelled=not small_multiples)
    data = pd.concat([data, breaks], ignore_index=True)
    title = alt.Title(trend_title(trend, entry, lang), subtitle=[n for n in notes if n])
    if not small_multiples:
        return finish(alt.layer(*layers, data=data, title=title, height=HEIGHT,
                                width="container"))
    columns = {"regions": 6, "gwonyeok": 4}.get(trend.view, 3)
    return finish(alt.layer(*layers, width=PANEL_WIDTH, height=PANEL_HEIGHT).facet(
        facet=alt.Facet("label:N", sort=domain, title=None,
                        header=alt.Header(labelFontSize=12, labelFontWeight="bold")),
        columns=columns, data=data, title=title,
        resolve=alt.Resolve(scale=alt.ScaleResolveMap(
            y="shared" if shared_y else "independent"))))
