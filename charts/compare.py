"""Charts and the table of the compare page: selected regions across indicators, all 17
ranked on one indicator, and one region's history against the averages.

Colours follow charts.theme: each selected 시도 its own colour (capital region warm, the
others cool), 권역 in GWONYEOK_COLORS, national figures in grey. Long indicator names
wrap onto two lines instead of being cut to the same 'Employment rate…'.
"""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from analysis.compare import Ranked
from analysis.formatting import format_number
from analysis.groups import NATION, NONCAPITAL, capital_codes
from charts.line_labels import end_labels, nice_domain, room_for
from charts.sources import publisher_line
from charts.theme import CAPITAL_COLOR, GWONYEOK_COLORS, NATION_COLOR, NONCAPITAL_COLOR, \
    region_styles
from charts.trends import (CONNECTOR, END_LABEL, finish, highlight, label_layers,
                           series_label, thicker_if, value_text, wrapped, year_axis)
from i18n import t

TABLE_MEASURES = ("level", "per_capita", "rank", "share", "index")
BAR_HEIGHT = 16
NAME_CHARS = {"ko": 12, "en": 18}   # an axis label line; longer names wrap
PROFILE_HEIGHT = 130
PROFILE_LABEL_SIZE = 10
PANEL_TITLE_CHARS = {"ko": 18, "en": 30}   # a panel heading line in a 240 px cell


def selection_colors(codes: list[str], by: str) -> list[str]:
    """A distinct colour per selected region that still reads as capital (warm) or not."""
    if by == "gwonyeok":
        return [GWONYEOK_COLORS.get(code, NATION_COLOR) for code in codes]
    styles = region_styles(codes, set(capital_codes()))
    return [styles[code][0] for code in codes]


def wrap_name(name: str, lang: str) -> str:
    """An indicator name in lines of at most NAME_CHARS (joined by newlines), so that axis
    labels are never cut short."""
    return "\n".join(textwrap.wrap(name, NAME_CHARS[lang], break_long_words=False)) or name


def publishers(catalog: pd.DataFrame, indicators, lang: str) -> str:
    """The distinct publishers of the indicators, for one source line."""
    names = dict.fromkeys(catalog.loc[list(indicators), f"publisher_{lang}"])
    return f"{t('source_prefix', lang)}: {'; '.join(names)}"


# --- selected regions across indicators ----------------------------------------------------

def _cell(row: pd.Series, lang: str) -> str:
    unit = "" if row["measure"] == "index" else row["unit_en"] if lang == "en" else row["unit_ko"]
    if row["measure"] == "rank":
        return (t("rank_of", lang).format(rank=int(row["value"]), n=int(row["ranked_of"]))
                if pd.notna(row["value"]) else format_number(None, 0, lang))
    return value_text(row["value"], int(row["decimals"]), unit, lang)


def comparison_table(cross_section: pd.DataFrame, codes: list[str], catalog: pd.DataFrame,
                     lang: str) -> pd.DataFrame:
    """One row per indicator and selected region: value, per head, rank, share, index."""
    rows = cross_section[cross_section["region_code"].isin(codes)].copy()
    rows["cell"] = [_cell(row, lang) for _, row in rows.iterrows()]
    wide = rows.pivot_table(index=["indicator", "region_code"], columns="measure",
                            values="cell", aggfunc="first").reset_index()
    order = {code: i for i, code in enumerate(codes)}
    indicators = {ind: i for i, ind in enumerate(catalog.index)}
    wide = wide.sort_values(["indicator", "region_code"], key=lambda s: s.map(
        indicators if s.name == "indicator" else order)).reset_index(drop=True)
    table = pd.DataFrame({
        t("col_indicator", lang): wide["indicator"].map(catalog[f"name_{lang}"]),
        t("col_region", lang): [series_label(code, lang) for code in wide["region_code"]],
    })
    for measure in TABLE_MEASURES:
        column = wide[measure] if measure in wide else pd.Series("", index=wide.index)
        table[t(f"col_{measure}", lang)] = column.fillna("–")
    table[t("col_source", lang)] = [publisher_line(catalog.loc[i], lang) for i in wide["indicator"]]
    return table


def comparison_chart(cross_section: pd.DataFrame, codes: list[str], by: str,
                     catalog: pd.DataFrame, year: int, lang: str) -> alt.TopLevelMixin:
    """Grouped bars per indicator: each selected region against the national average = 100
    (per head for size indicators, the rate itself for rates)."""
    rows = cross_section[(cross_section["measure"] == "index")
                         & cross_section["region_code"].isin(codes)].dropna(subset=["value"])
    rows = rows.assign(
        label=[series_label(c, lang) for c in rows["region_code"]],
        name=rows["indicator"].map(catalog[f"name_{lang}"]),
        axis_name=rows["indicator"].map(lambda i: wrap_name(catalog.loc[i, f"name_{lang}"],
                                                             lang)),
        value_text=[f"{v:.1f}" for v in rows["value"]])
    labels = [series_label(c, lang) for c in codes]
    names = list(dict.fromkeys(wrap_name(catalog.loc[i, f"name_{lang}"], lang)
                               for i in catalog.index if i in set(rows["indicator"])))
    selection = alt.selection_point(fields=["label"], bind="legend")
    color = alt.Color("label:N", title=t(f"legend_{'gwonyeok' if by == 'gwonyeok' else 'regions'}",
                                         lang),
                      scale=alt.Scale(domain=labels, range=selection_colors(codes, by)),
                      sort=labels)
    bars = alt.Chart(rows).mark_bar().encode(
        y=alt.Y("axis_name:N", sort=names, title=None,
                axis=alt.Axis(labelExpr="split(datum.label, '\\n')", labelLimit=220)),
        yOffset=alt.YOffset("label:N", sort=labels),
        x=alt.X("value:Q", title=t("axis_index_nation", lang)),
        color=color,
        opacity=highlight(selection, 0.2),
        tooltip=[alt.Tooltip("label:N", title=t("col_region", lang)),
                 alt.Tooltip("name:N", title=t("col_indicator", lang)),
                 alt.Tooltip("value_text:N", title=t("axis_index_nation", lang))],
    ).add_params(selection)
    average = alt.Chart(pd.DataFrame({"value": [100]})).mark_rule(
        color=NATION_COLOR, strokeDash=[4, 3]).encode(x=alt.X("value:Q"))
    title = alt.Title(t("compare_title", lang).format(year=year), subtitle=wrapped([
        t("compare_subtitle", lang), publishers(catalog, rows["indicator"].unique(), lang)],
        lang))
    height = max(120, BAR_HEIGHT * len(codes) * max(len(names), 1))
    return finish(alt.layer(bars, average, title=title, height=height, width="container"))


# --- one indicator, all 17 ranked ----------------------------------------------------------

def ranked_chart(result: Ranked, entry: pd.Series, measure: str, year: int,
                 lang: str) -> alt.TopLevelMixin:
    """Horizontal bars, highest first, 수도권 in its colour and the national average as a rule."""
    unit = result.unit_en if lang == "en" else result.unit_ko
    data = result.frame.dropna(subset=["value"]).assign(
        label=lambda f: [series_label(c, lang) for c in f["region_code"]],
        group=lambda f: [series_label("capital" if c else "noncapital", lang)
                         for c in f["is_capital"]],
        value_text=lambda f: [value_text(v, result.decimals, unit, lang) for v in f["value"]],
        rank_text=lambda f: [f"{int(r)}" for r in f["rank"]])
    groups = [series_label("capital", lang), series_label("noncapital", lang)]
    selection = alt.selection_point(fields=["group"], bind="legend")
    order = list(data["label"])
    measure_name = t(f"measure_{measure}", lang)
    x = alt.X("value:Q", title=f"{entry[f'name_{lang}']} — {measure_name} ({unit})")
    bars = alt.Chart(data).mark_bar().encode(
        y=alt.Y("label:N", sort=order, title=None), x=x,
        color=alt.Color("group:N", title=t("legend_groups", lang),
                        scale=alt.Scale(domain=groups, range=[CAPITAL_COLOR, NONCAPITAL_COLOR])),
        opacity=highlight(selection, 0.25),
        tooltip=[alt.Tooltip("label:N", title=t("legend_regions", lang)),
                 alt.Tooltip("value_text:N", title=t("tooltip_value", lang)),
                 alt.Tooltip("rank_text:N", title=t("col_rank", lang))],
    ).add_params(selection)
    average_text = value_text(result.national_average, result.decimals, unit, lang)
    average = pd.DataFrame({"value": [result.national_average],
                            "label": [f"{t('national_average', lang)} {average_text}"]})
    rule = alt.Chart(average).mark_rule(color=NATION_COLOR, strokeDash=[5, 3],
                                        strokeWidth=1.5).encode(
        x=alt.X("value:Q"), tooltip=[alt.Tooltip("label:N", title="")])
    basis = result.basis_en if lang == "en" else result.basis_ko
    title = alt.Title(
        t("ranked_title", lang).format(name=entry[f"name_{lang}"], year=year,
                                       measure=t(f"measure_{measure}", lang)),
        subtitle=wrapped([f"┆ {t('national_average', lang)} {average_text} ({basis})",
                          f"{t('source_prefix', lang)}: {publisher_line(entry, lang)}"], lang))
    return finish(alt.layer(bars, rule, title=title, height=BAR_HEIGHT * 1.4 * len(data),
                            width="container"))


# --- one region over time ------------------------------------------------------------------

def profile_heading(profile: pd.DataFrame, region: str, catalog: pd.DataFrame,
                    lang: str) -> tuple[str, list[str]]:
    """Title and notes above the profile's panels (what the averages are, the sources)."""
    return (t("profile_title", lang).format(region=series_label(region, lang)),
            [t("profile_subtitle", lang),
             publishers(catalog, profile["indicator"].unique(), lang)])


def profile_panels(profile: pd.DataFrame, region: str, catalog: pd.DataFrame,
                   lang: str) -> list[alt.TopLevelMixin]:
    """One small chart per indicator (own y axis, headed by indicator and unit): the region
    against the national and non-capital averages, each line named at its end. Separate
    charts, so that the page's grid reflows them to its width."""
    region_label = series_label(region, lang)
    names = {"region": region_label, NATION: t("series_nation_average", lang),
             NONCAPITAL: t("series_noncapital_average", lang)}
    own = CAPITAL_COLOR if region in capital_codes() else NONCAPITAL_COLOR
    domain = [region_label, names[NATION], names[NONCAPITAL]]
    order = {i: n for n, i in enumerate(catalog.index)}
    charts = []
    for indicator in sorted(profile["indicator"].unique(), key=order.get):
        rows = profile[profile["indicator"] == indicator]
        unit = rows[f"unit_{lang}"].iloc[0]
        data = rows.assign(
            label=rows["series"].map(names), basis=rows[f"basis_{lang}"],
            capital=rows["series"] == "region",
            value_text=[value_text(v, int(d), unit, lang) for v, d in
                        zip(rows["value"], rows["decimals"])])
        span = (int(data["year"].min()), int(data["year"].max()))
        values = nice_domain(data["value"], count=4)
        ends = data.dropna(subset=["value"]).sort_values("year").groupby("label").tail(1)
        labels = (end_labels(ends[["label", "year", "value"]], values, PROFILE_HEIGHT, span[1])
                  .assign(at_edge=True, kind=END_LABEL) if values else pd.DataFrame())
        charts.append(_profile_panel(
            pd.concat([data, labels], ignore_index=True), values, span, domain,
            [own, NATION_COLOR, NONCAPITAL_COLOR], lang,
            f"{catalog.loc[indicator, f'name_{lang}']} ({unit})"))
    return charts


def _profile_panel(data: pd.DataFrame, values, span, domain, colors, lang: str,
                   heading: str) -> alt.TopLevelMixin:
    scale = alt.Scale(domain=list(values), nice=False) if values else alt.Scale(zero=False)

    def x_of(field: str) -> alt.X:
        return year_axis(lang, span, ticks=4, field=field)

    def y_of(field: str) -> alt.Y:
        return alt.Y(f"{field}:Q", title=None, scale=scale)
    color = alt.Color("label:N", legend=None, sort=domain,
                      scale=alt.Scale(domain=domain, range=colors))
    series = alt.Chart().transform_filter(alt.datum.kind != END_LABEL)
    lines = series.mark_line(invalid="break-paths-filter-domains").encode(
        x=x_of("year"), y=y_of("value"), color=color,
        strokeDash=alt.StrokeDash("label:N", sort=domain, legend=None,
                                  scale=alt.Scale(domain=domain, range=[[1, 0], [5, 3], [2, 2]])),
        strokeWidth=thicker_if("datum.capital", 2.6, 1.5))
    points = series.mark_point(filled=True, size=14).encode(
        x=x_of("year"), y=y_of("value"), color=color,
        tooltip=[alt.Tooltip("label:N", title=t("legend_groups", lang)),
                 alt.Tooltip("year:Q", title=t("axis_year", lang), format="d"),
                 alt.Tooltip("value_text:N", title=t("tooltip_value", lang)),
                 alt.Tooltip("basis:N", title=t("tooltip_basis", lang))])
    names = label_layers(x_of, y_of, color, alt.OpacityValue(1.0), font_size=PROFILE_LABEL_SIZE)
    chart = alt.layer(lines, points, *names, data=data, height=PROFILE_HEIGHT, width="container",
                      title=alt.Title(wrapped([heading], lang, PANEL_TITLE_CHARS[lang]),
                                      fontSize=12, anchor="start"))
    labelled = data.loc[data.get("kind", pd.Series(dtype=object)) == END_LABEL, "label"] \
        if "kind" in data else []
    chart.padding = room_for(list(labelled), PROFILE_LABEL_SIZE, CONNECTOR + 3)
    return finish(chart)
