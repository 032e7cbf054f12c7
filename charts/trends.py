"""Line charts of a Trend: 수도권 vs 비수도권, 권역 or 시도, one panel or small multiples.

One grammar for every series chart: lines for computed or official series (broken where
a year is missing, with the reason), diamonds labelled 공표치 for published figures,
dashed rules for breaks labelled above the plot, each line named at its end (nudged so
that no two names overlap; a click on a line or name highlights it), and tooltips with
exact values, units and citations. Colours come from charts.theme: 수도권 is the same
vermillion everywhere, and each chosen 시도 gets its own colour (warm for the capital
region, cool for the rest).
"""

from __future__ import annotations

import textwrap
from functools import lru_cache

import altair as alt
import pandas as pd

from analysis.formatting import NO_DATA, format_number
from analysis.groups import CAPITAL, NATION, NONCAPITAL, capital_codes, is_rate
from analysis.trends import COMPUTED, GAP, PUBLISHED, STATISTIC, Trend
from charts.line_labels import LINE_HEIGHT, end_labels, fits, nice_domain, room_for
from charts.sources import publisher_line, row_sources
from charts.theme import (CAPITAL_COLOR, FONT_FAMILY, GWONYEOK_COLORS, NATION_COLOR,
                          NONCAPITAL_COLOR, region_styles)
from loaders.catalog import row_unit
from loaders.crosswalk import gwonyeok_names, gwonyeok_table, region_table
from loaders.gap_notes import gap_note
from i18n import t
from loaders.user_versions import label_user_years

HEIGHT = 380
PANEL_HEIGHT = 150
PANEL_WIDTH = 190
EXPORT_COLUMNS = 3       # small multiples in an exported image (4 beyond nine panels)
FADED = 0.15
BREAK_COLOR = "#888888"
GAP_COLOR = "#f0f0f0"
SOLID = [1, 0]
CONNECTOR = 12           # px from a line's end to its name
LABEL_SIZE = 11
# Chart rows that carry an annotation rather than a value.
BREAK, GAP_BAND, END_LABEL = "break", "gap_band", "end_label"
SUBTITLE_CHARS = {"ko": 46, "en": 84}  # a subtitle line fits a 480 px wide chart
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


def series_styles(series: list[str], view: str) -> dict[str, tuple[str, list[int]]]:
    """(colour, stroke dash) per series: 수도권 vermillion and 비수도권 blue in every view;
    chosen 시도 each their own colour (capital region warm, the rest cool)."""
    if view == "regions":
        styles = region_styles(sorted(series), set(capital_codes()))
        return {code: (color, list(dash) or SOLID) for code, (color, dash) in styles.items()}
    colors = GWONYEOK_COLORS if view == "gwonyeok" else SERIES_COLORS
    return {s: (colors.get(s, NATION_COLOR), SOLID) for s in series}


def is_capital(series: str) -> bool:
    """Series drawn thicker: the capital region and its 시도."""
    return series in (CAPITAL, "CAP", "수도권") or series in capital_codes()


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


def year_axis(lang: str, years: tuple[int, int], ticks: int | None = None,
              field: str = "year") -> alt.X:
    """Years as whole numbers, never run together ('19851990'): labels that would touch
    are dropped, and narrow panels ask for fewer ticks. ``field``: another column placed
    on the same axis (annotations)."""
    axis = alt.Axis(format="d", tickMinStep=1, labelOverlap="greedy", labelSeparation=6,
                    labelFlush=False,
                    **({"tickCount": ticks} if ticks else {}))
    return alt.X(f"{field}:Q", title=t("axis_year", lang),
                 scale=alt.Scale(domain=list(years), nice=False), axis=axis)


def wrapped(lines: list[str], lang: str, width: int | None = None) -> list[str]:
    """Subtitle lines broken at spaces so that none is wider than a narrow chart."""
    limit = width or SUBTITLE_CHARS[lang]
    return [part for line in lines if line
            for part in textwrap.wrap(line, limit, break_long_words=False) or [line]]


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
    """Source line first, then what the reader must know to read the lines right — also
    why a line breaks, where the data says why."""
    lines = [f"{t('source_prefix', lang)}: {publisher_line(entry, lang)}"]
    if (trend.frame["kind"] == PUBLISHED).any():
        lines.append(t("note_published", lang))
    if trend.dropped_years:
        lines.append(t("note_dropped", lang).format(years=_years(trend.dropped_years)))
    reasons: dict[str, list[int]] = {}
    for year in trend.gap_years:
        reasons.setdefault(gap_note(trend.indicator, year, lang), []).append(year)
    for reason, years in reasons.items():
        key = "note_gap_reason" if reason else "note_gaps"
        lines.append(t(key, lang).format(years=_years(tuple(years)), reason=reason))
    if trend.unindexed:
        names = ", ".join(series_label(s, lang) for s in trend.unindexed)
        lines.append(t("note_unindexed", lang).format(regions=names, base=trend.base_year))
    return lines


def _years(years: tuple[int, ...]) -> str:
    return ", ".join(str(y) for y in years)


def chart_data(trend: Trend, entry: pd.Series, lang: str) -> pd.DataFrame:
    """The trend's frame with labels, colours, citations and tooltip text."""
    rate = is_rate(entry)
    data = trend.frame.copy()
    series = list(dict.fromkeys(data["series"]))
    styles = series_styles(series, trend.view)
    data["label"] = data["series"].map({s: series_label(s, lang, rate) for s in series})
    data["color"] = data["series"].map({s: styles[s][0] for s in series})
    data["capital"] = data["series"].map(is_capital)
    source = data["source"] if "source" in data else pd.Series("", index=data.index)
    data["source"] = row_sources(source, entry, lang).to_numpy()
    unit = trend.unit_en if lang == "en" else trend.unit_ko
    if "published_unit" in data:
        data["published_unit"] = [row_unit(entry, u, lang) if isinstance(u, str) else u
                                  for u in data["published_unit"]]
    if "source" in data:
        data = label_user_years(data, entry, lang)
    return with_tooltip_text(data, trend.decimals, unit, lang)


def series_order(trend: Trend) -> list[str]:
    """Label order: capital region first, then 권역 or 시도 in their table order."""
    present = list(dict.fromkeys(trend.frame["series"]))
    if trend.view == "regions":
        return sorted(present, key=lambda s: (not is_capital(s), s))
    if trend.view == "gwonyeok":
        return [g for g in gwonyeok_table()["gwonyeok"] if g in set(present)]
    return present


def _scales(data: pd.DataFrame, trend: Trend) -> tuple[list[str], list[str], list[list[int]]]:
    """Labels, colours and dashes in series order, for the colour and dash scales."""
    order = series_order(trend)
    styles = series_styles(order, trend.view)
    labels = data.drop_duplicates("series").set_index("series")["label"]
    return ([labels[s] for s in order], [styles[s][0] for s in order],
            [styles[s][1] for s in order])


def y_domain(data: pd.DataFrame, trend: Trend, entry: pd.Series) -> tuple[float, float] | None:
    """The y axis' rounded range: from zero for additive levels, including 100 for an
    index; fixed, so that end labels can be placed in pixels."""
    values = list(data["value"].dropna())
    if trend.measure == "level" and bool(entry["additive"]):
        values.append(0.0)
    if trend.measure == "index":
        values.append(100.0)
    return nice_domain(values, count=max(HEIGHT // 40, 2))


def label_rows(data: pd.DataFrame, domain: tuple[float, float] | None,
               span: tuple[int, int]) -> pd.DataFrame:
    """End labels: every line's name at the right edge, nudged apart and tied to its end
    by a short connector; a published series not reaching the edge is named beside its
    last point. Empty when there is no room (a legend is drawn instead)."""
    columns = ["label", "year", "value"]
    valued = data[data["value"].notna()].sort_values("year")
    lines = valued[valued["kind"].isin([COMPUTED, STATISTIC])]
    published = valued[valued["kind"] == PUBLISHED].groupby("label").tail(1)
    at_edge = pd.concat([lines.groupby("label").tail(1),
                         published[published["year"] == span[1]]])[columns]
    beside = published[published["year"] != span[1]][columns]
    if domain is None or (at_edge.empty and beside.empty) or not fits(len(at_edge), HEIGHT):
        return pd.DataFrame(columns=[*columns, "label_year", "label_value", "at_edge"])
    placed = end_labels(at_edge, domain, HEIGHT, span[1]).assign(at_edge=True)
    beside = beside.assign(label_year=beside["year"], label_value=beside["value"],
                           at_edge=False)
    return pd.concat([placed, beside], ignore_index=True).assign(kind=END_LABEL)


def gap_runs(data: pd.DataFrame) -> list[tuple[int, int]]:
    """Runs of years (first, last) inside the lines' span where no line has a value."""
    lines = data[data["kind"].isin([COMPUTED, STATISTIC])]
    valued = sorted(set(lines.loc[lines["value"].notna(), "year"].astype(int)))
    if not valued:
        return []
    missing = [y for y in range(valued[0], valued[-1] + 1) if y not in set(valued)]
    runs: list[list[int]] = []
    for year in missing:
        if runs and runs[-1][1] == year - 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return [(first, last) for first, last in runs]


def annotation_rows(trend: Trend, data: pd.DataFrame, lang: str,
                    panels: list[str] | None) -> pd.DataFrame:
    """Breaks and gaps inside the shown years as extra chart rows: dashed rules (kind
    'break') and grey bands where every line is missing (kind 'gap_band'), with short
    labels staggered over three rows above the plot; labels in the right third are
    right-aligned so they stay above it. In small multiples the rows repeat for every
    panel label, since layers with data of their own are misplaced inside a facet."""
    years = trend.frame["year"]
    first, last = int(years.min()), int(years.max())
    # (label position, label, break kind, row kind, band start, band end)
    marks = [(b.year, b.label_en if lang == "en" else b.label_ko, b.kind, BREAK, b.year, None)
             for b in trend.breaks if first <= b.year <= last]
    for start, end in gap_runs(data):
        total = "dropped" if start in trend.dropped_years else "missing"
        label = t(f"gap_label_{total}", lang).format(
            years=f"{start}" if start == end else f"{start}–{end}", no_data=NO_DATA[lang])
        marks.append(((start + end) / 2, label, "gap", GAP_BAND, max(start - 1, first),
                      min(end + 1, last)))
    marks.sort(key=lambda m: m[0])
    rows = pd.DataFrame({
        "label_year": [m[0] for m in marks], "break_label": [m[1] for m in marks],
        "break_kind": [m[2] for m in marks], "kind": [m[3] for m in marks],
        "year": [m[4] for m in marks], "year_end": [m[5] for m in marks],
        "offset": [4 + LINE_HEIGHT * (i % 3) for i in range(len(marks))],
        "align": ["right" if last > first and (m[0] - first) / (last - first) > 2 / 3
                  else "left" for m in marks]}, columns=[
        "label_year", "break_label", "break_kind", "kind", "year", "year_end", "offset",
        "align"])
    if panels is None:
        return rows
    return rows.merge(pd.DataFrame({"label": panels}), how="cross")


def annotation_layers(rows: pd.DataFrame, x_of, labelled: bool) -> list[alt.Chart]:
    """Grey bands under the lines where data is missing, dashed vertical rules for breaks,
    and (when labelled) their short labels above the plot, where no line can cross them
    (one text layer per row and alignment, since those are mark properties). ``x_of``
    gives the year axis for a column."""
    if rows.empty:
        return []
    x, layers = x_of("year"), []
    if (rows["kind"] == GAP_BAND).any():
        layers.append(alt.Chart().transform_filter(alt.datum.kind == GAP_BAND).mark_rect(
            color=GAP_COLOR).encode(x=x, x2=alt.X2("year_end"),
                                    tooltip=[alt.Tooltip("break_label:N", title="")]))
    if (rows["kind"] == BREAK).any():
        layers.append(alt.Chart().transform_filter(alt.datum.kind == BREAK).mark_rule(
            color=BREAK_COLOR, strokeDash=[4, 3]).encode(
            x=x, tooltip=[alt.Tooltip("break_label:N", title="")]))
    if labelled:
        at = x_of("label_year")
        is_mark = alt.FieldOneOfPredicate(field="kind", oneOf=[BREAK, GAP_BAND])
        for offset, align in rows[["offset", "align"]].drop_duplicates().itertuples(index=False):
            layers.append(alt.Chart().transform_filter(is_mark).transform_filter(
                (alt.datum.offset == int(offset)) & (alt.datum.align == align),
            ).mark_text(align=align, baseline="bottom", dx=3 if align == "left" else -3,
                        fontSize=10, color=BREAK_COLOR).encode(
                x=at, y=alt.YValue(-int(offset)), text=alt.Text("break_label:N")))
    return layers


def break_note(trend: Trend, lang: str) -> str:
    """The breaks in the shown years as one line of text, for small multiples where labels
    would crowd."""
    first, last = int(trend.frame["year"].min()), int(trend.frame["year"].max())
    labels = [b.label_en if lang == "en" else b.label_ko for b in trend.breaks
              if first <= b.year <= last]
    return f"{t('note_breaks', lang)}: {', '.join(labels)}" if labels else ""


def _series_layers(x: alt.X, y: alt.Y, color: alt.Color, dash: alt.StrokeDash,
                   opacity, tips) -> list[alt.Chart]:
    """Lines (broken at missing years) with their points, and published diamonds."""
    base = alt.Chart()
    lines_data = base.transform_filter(alt.FieldOneOfPredicate(field="kind",
                                                               oneOf=[COMPUTED, STATISTIC]))
    lines = lines_data.mark_line(invalid="break-paths-filter-domains", strokeWidth=2).encode(
        x=x, y=y, color=color, strokeDash=dash, opacity=opacity,
        strokeWidth=thicker_if("datum.capital", 2.6, 1.6), detail=alt.Detail("label:N"))
    points = lines_data.mark_point(filled=True, size=18).encode(
        x=x, y=y, color=color, opacity=opacity, tooltip=tips)
    diamonds = base.transform_filter(alt.datum.kind == PUBLISHED).mark_point(
        shape="diamond", filled=True, size=110, stroke="white", strokeWidth=1).encode(
        x=x, y=y, color=color, opacity=opacity, tooltip=tips)
    return [lines, points, diamonds]


def _index_rule(trend: Trend) -> list[alt.Chart]:
    """The base-year level (= 100) of an index, as one rule."""
    if trend.measure != "index":
        return []
    return [alt.Chart().transform_aggregate(rows="count()").mark_rule(
        color=NATION_COLOR, strokeWidth=1).encode(y=alt.YDatum(100))]


def label_layers(x_of, y_of, color: alt.Color, opacity,
                 font_size: int = LABEL_SIZE) -> list[alt.Chart]:
    """Connectors from each line's end to its nudged name, and the names (rows of kind
    'end_label', from label_rows or line_labels.end_labels)."""
    is_label = alt.datum.kind == END_LABEL
    x, y, at_x, at_y = x_of("year"), y_of("value"), x_of("label_year"), y_of("label_value")
    connectors = alt.Chart().transform_filter(is_label & alt.datum.at_edge).mark_rule(
        x2Offset=CONNECTOR, strokeWidth=1).encode(
        x=x, y=y, x2=alt.X2("label_year"), y2=alt.Y2("label_value"), color=color,
        opacity=opacity)
    names = alt.Chart().transform_filter(is_label).mark_text(
        align="left", baseline="middle", dx=CONNECTOR + 3, fontSize=font_size,
        fontWeight="bold").encode(
        x=at_x, y=at_y, text=alt.Text("label:N"), color=color, opacity=opacity)
    return [connectors, names]


def trend_chart(trend: Trend, entry: pd.Series, lang: str, small_multiples: bool = False,
                shared_y: bool = True) -> alt.TopLevelMixin:
    """The trend as one panel of labelled lines, or small multiples (one panel per series,
    for exports; the page lays out panel_charts in a grid that reflows)."""
    data = chart_data(trend, entry, lang)
    domain, colors, dashes = _scales(data, trend)
    span = (int(data["year"].min()), int(data["year"].max()))
    values = y_domain(data, trend, entry)
    labels = (pd.DataFrame() if small_multiples else label_rows(data, values, span))
    legend = None if small_multiples or not labels.empty else alt.Legend(symbolType="stroke")
    selection = (alt.selection_point(fields=["label"], bind="legend") if legend else
                 alt.selection_point(fields=["label"], on="click", clear="dblclick"))
    color = alt.Color("label:N", title=t(f"legend_{trend.view}", lang), legend=legend,
                      scale=alt.Scale(domain=domain, range=colors), sort=domain)
    dash = alt.StrokeDash("label:N", legend=None, sort=domain,
                          scale=alt.Scale(domain=domain, range=dashes))
    opacity = highlight(selection)
    unit = trend.unit_en if lang == "en" else trend.unit_ko
    fixed = values is not None and (shared_y or not small_multiples)
    y_scale = (alt.Scale(domain=list(values), nice=False) if fixed else
               alt.Scale(zero=trend.measure == "level" and bool(entry["additive"])))
    y_name = unit if small_multiples else y_title(trend, entry, lang)

    def y_of(field: str) -> alt.Y:
        return alt.Y(f"{field}:Q", title=y_name, scale=y_scale)

    def x_of(field: str) -> alt.X:
        return year_axis(lang, span, ticks=5 if small_multiples else None, field=field)
    x, y = x_of("year"), y_of("value")
    tips = tooltip(lang, t(f"legend_{trend.view}", lang))
    annotations = annotation_rows(trend, data, lang, domain if small_multiples else None)
    notes = subtitle(trend, entry, lang)
    if small_multiples:  # labels would repeat in every panel: list them in the subtitle
        annotations = annotations[annotations["break_kind"] != "new_region"]
        notes.append(break_note(trend, lang))
    series = _series_layers(x, y, color, dash, opacity, tips)
    names = label_layers(x_of, y_of, color, opacity) if not labels.empty else []
    if names:   # a click on a name (or, with a legend, a legend entry) highlights its line
        names[-1] = names[-1].add_params(selection)
    else:
        series[0] = series[0].add_params(selection)
    layers = [*annotation_layers(annotations, x_of, labelled=not small_multiples), *series,
              *_index_rule(trend), *names]
    data = pd.concat([data, annotations, labels], ignore_index=True)
    title = alt.Title(trend_title(trend, entry, lang), subtitle=wrapped(notes, lang))
    if not small_multiples:
        chart = alt.layer(*layers, data=data, title=title, height=HEIGHT, width="container")
        if not labels.empty:
            chart.padding = room_for(labels["label"], LABEL_SIZE, CONNECTOR + 3)
        return finish(chart)
    columns = EXPORT_COLUMNS if len(domain) <= 3 * EXPORT_COLUMNS else EXPORT_COLUMNS + 1
    return finish(alt.layer(*layers, width=PANEL_WIDTH, height=PANEL_HEIGHT).facet(
        facet=alt.Facet("label:N", sort=domain, title=None,
                        header=alt.Header(labelFontSize=12, labelFontWeight="bold")),
        columns=columns, data=data, title=title,
        resolve=alt.Resolve(scale=alt.ScaleResolveMap(
            y="shared" if shared_y else "independent"))))


def panel_charts(trend: Trend, entry: pd.Series, lang: str,
                 shared_y: bool = True) -> list[alt.TopLevelMixin]:
    """Small multiples for the screen: one chart per series, each as wide as its grid
    cell, so the page can reflow them into as many columns as fit (a facet cannot)."""
    data = chart_data(trend, entry, lang)
    domain, colors, dashes = _scales(data, trend)
    span = (int(data["year"].min()), int(data["year"].max()))
    shared = y_domain(data, trend, entry) if shared_y else None
    annotations = annotation_rows(trend, data, lang, None)
    annotations = annotations[annotations["break_kind"] != "new_region"]
    unit = trend.unit_en if lang == "en" else trend.unit_ko
    def x_of(field: str) -> alt.X:
        return year_axis(lang, span, ticks=4, field=field)
    x = x_of("year")
    tips = tooltip(lang, t(f"legend_{trend.view}", lang))
    charts = []
    for label, colour, stroke in zip(domain, colors, dashes):
        rows = data[data["label"] == label]
        values = shared or y_domain(rows, trend, entry)
        y = alt.Y("value:Q", title=unit, scale=alt.Scale(
            domain=list(values), nice=False) if values else alt.Scale(zero=False))
        color = alt.Color("label:N", legend=None, scale=alt.Scale(domain=[label], range=[colour]))
        dash = alt.StrokeDash("label:N", legend=None,
                              scale=alt.Scale(domain=[label], range=[stroke]))
        layers = [*annotation_layers(annotations, x_of, labelled=False),
                  *_series_layers(x, y, color, dash, alt.OpacityValue(1.0), tips),
                  *_index_rule(trend)]
        charts.append(finish(alt.layer(
            *layers, data=pd.concat([rows, annotations], ignore_index=True),
            title=alt.Title(label, fontSize=13, anchor="start"), height=PANEL_HEIGHT,
            width="container")))
    return charts


def trend_heading(trend: Trend, entry: pd.Series, lang: str) -> tuple[str, list[str]]:
    """The title and notes of the small multiples (above the page's grid of panels)."""
    notes = [*subtitle(trend, entry, lang), break_note(trend, lang)]
    return trend_title(trend, entry, lang), [n for n in notes if n]
