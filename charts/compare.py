"""Charts and the table of the compare page: selected regions across indicators, all 17
ranked on one indicator, and one region's history against the averages.

Colours follow charts.theme: capital-region 시도 in shades of CAPITAL_COLOR, the others
in shades of NONCAPITAL_COLOR, 권역 in GWONYEOK_COLORS, national figures in grey.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.compare import Ranked
from analysis.formatting import format_number
from analysis.groups import NATION, NONCAPITAL, capital_codes
from charts.sources import publisher_line
from charts.theme import CAPITAL_COLOR, GWONYEOK_COLORS, NATION_COLOR, NONCAPITAL_COLOR
from charts.trends import finish, highlight, series_label, thicker_if, value_text, year_axis
from i18n import t

CAPITAL_SHADES = (CAPITAL_COLOR, "#F0A070", "#8A3C00")
NONCAPITAL_SHADES = (NONCAPITAL_COLOR, "#7FBCE6", "#00466E", "#3E93C9", "#1B2F5E")
TABLE_MEASURES = ("level", "per_capita", "rank", "share", "index")
BAR_HEIGHT = 16
PROFILE_COLUMNS = 4


def selection_colors(codes: list[str], by: str) -> list[str]:
    """A distinct colour per selected region that still reads as capital or not."""
    if by == "gwonyeok":
        return [GWONYEOK_COLORS.get(code, NATION_COLOR) for code in codes]
    capital = iter(CAPITAL_SHADES)
    rest = iter(NONCAPITAL_SHADES)
    return [next(capital) if code in capital_codes() else next(rest) for code in codes]


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
        value_text=[f"{v:.1f}" for v in rows["value"]])
    labels = [series_label(c, lang) for c in codes]
    names = list(dict.fromkeys(catalog.loc[[i for i in catalog.index
                                            if i in set(rows["indicator"])], f"name_{lang}"]))
    selection = alt.selection_point(fields=["label"], bind="legend")
    color = alt.Color("label:N", title=t(f"legend_{'gwonyeok' if by == 'gwonyeok' else 'regions'}",
                                         lang),
                      scale=alt.Scale(domain=labels, range=selection_colors(codes, by)),
                      sort=labels)
    bars = alt.Chart(rows).mark_bar().encode(
        y=alt.Y("name:N", sort=names, title=None),
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
    title = alt.Title(t("compare_title", lang).format(year=year), subtitle=[
        t("compare_subtitle", lang), publishers(catalog, rows["indicator"].unique(), lang)])
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
        subtitle=[f"┆ {t('national_average', lang)} {average_text} ({basis})",
                  f"{t('source_prefix', lang)}: {publisher_line(entry, lang)}"])
    return finish(alt.layer(bars, rule, title=title, height=BAR_HEIGHT * 1.4 * len(data),
                            width="container"))


# --- one region over time ------------------------------------------------------------------

def profile_chart(profile: pd.DataFrame, region: str, catalog: pd.DataFrame,
                  lang: str) -> alt.TopLevelMixin:
    """Small multiples, one per indicator (own y axis): the region against the national and
    non-capital averages, each panel headed by its indicator, basis and unit."""
    region_label = series_label(region, lang)
    names = {"region": region_label, NATION: t("series_nation_average", lang),
             NONCAPITAL: t("series_noncapital_average", lang)}
    data = profile.assign(
        label=profile["series"].map(names),
        panel=[f"{catalog.loc[i, f'name_{lang}']} ({u})" for i, u in
               zip(profile["indicator"], profile[f"unit_{lang}"])],
        basis=profile[f"basis_{lang}"],
        value_text=[value_text(v, int(d), u, lang) for v, d, u in
                    zip(profile["value"], profile["decimals"], profile[f"unit_{lang}"])])
    panels = list(dict.fromkeys(data.sort_values("indicator", key=lambda s: s.map(
        {i: n for n, i in enumerate(catalog.index)}))["panel"]))
    domain = [region_label, names[NATION], names[NONCAPITAL]]
    own = CAPITAL_COLOR if region in capital_codes() else NONCAPITAL_COLOR
    selection = alt.selection_point(fields=["label"], bind="legend")
    span = (int(data["year"].min()), int(data["year"].max()))
    lines = alt.Chart().mark_line(invalid="break-paths-filter-domains").encode(
        x=year_axis(lang, span),
        y=alt.Y("value:Q", title=None, scale=alt.Scale(zero=False)),
        color=alt.Color("label:N", title=None, sort=domain,
                        scale=alt.Scale(domain=domain, range=[own, NATION_COLOR,
                                                              NONCAPITAL_COLOR]),
                        legend=alt.Legend(symbolType="stroke", symbolStrokeWidth=2.5)),
        strokeDash=alt.StrokeDash("label:N", sort=domain, title=None,
                                  scale=alt.Scale(domain=domain, range=[[1, 0], [5, 3], [2, 2]])),
        strokeWidth=thicker_if("datum.series === 'region'", 2.6, 1.5),
        opacity=highlight(selection),
    ).add_params(selection)
    points = alt.Chart().mark_point(filled=True, size=14).encode(
        x=year_axis(lang, span), y=alt.Y("value:Q"),
        color=alt.Color("label:N", sort=domain),
        opacity=highlight(selection),
        tooltip=[alt.Tooltip("label:N", title=t("legend_groups", lang)),
                 alt.Tooltip("year:Q", title=t("axis_year", lang), format="d"),
                 alt.Tooltip("value_text:N", title=t("tooltip_value", lang)),
                 alt.Tooltip("basis:N", title=t("tooltip_basis", lang))])
    title = alt.Title(t("profile_title", lang).format(region=region_label),
                      subtitle=[t("profile_subtitle", lang),
                                publishers(catalog, data["indicator"].unique(), lang)])
    chart = alt.layer(lines, points, width=210, height=130).facet(
        facet=alt.Facet("panel:N", sort=panels, title=None,
                        header=alt.Header(labelFontSize=11, labelFontWeight="bold",
                                          labelLimit=260)),
        columns=PROFILE_COLUMNS, data=data, title=title,
        resolve=alt.Resolve(scale=alt.ScaleResolveMap(y="independent")))
    return finish(chart)
