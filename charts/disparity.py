"""Charts of the disparity page: inequality over time, Theil's decomposition, σ- and
β-convergence, the 시도 by 권역, one variable against another, and depopulation areas
against the other 시군구. Pure builders (altair); every chart carries its title, what it
measures, its source and unit, and never draws a missing value as zero.
"""

from __future__ import annotations

import math

import altair as alt
import numpy as np
import pandas as pd

from analysis.convergence import BetaConvergence
from analysis.groups import capital_codes, gwonyeok_order
from analysis.inequality import INDICES
from analysis.regional_values import RegionalVariable
from analysis.two_variables import Scatter, fitted_ends
from charts.map_tooltip import format_value
from charts.sources import publisher_line
from charts.theme import CAPITAL_COLOR, NATION_COLOR, NONCAPITAL_COLOR
from charts.trends import finish, value_text, year_axis
from i18n import t
from loaders.crosswalk import gwonyeok_names, region_table

HEIGHT = 320
PANEL_WIDTH, PANEL_HEIGHT = 250, 150
DEPOPULATION_PANEL_WIDTH = 190   # three panels and the row labels fit a 1,000 px column
BETWEEN_COLOR, WITHIN_COLOR = CAPITAL_COLOR, "#8DA0B6"
HIGHLIGHT_COLOR = "#000000"
NO_DATA_TEXT = "#888888"
INDEX_DECIMALS = {"max_min": 2}
# Two names overprint when their dots are closer than this share of the x and the y span
# (an 11 px name of two or three syllables on a ~900 × 250 px plot, with room to spare).
LABEL_GAP = (0.045, 0.06)
TITLE_LINE = 30   # Hangul characters of a 16 px title that fit a narrow (~480 px) chart


# --- names and lines shared by the charts ----------------------------------------------------

def short_names(lang: str) -> dict[str, str]:
    table = region_table()
    return dict(zip(table["region_code"], table[f"short_{lang}"]))


def variable_name(catalog: pd.DataFrame, variable: RegionalVariable, lang: str) -> str:
    """'지역내총생산(명목) · 1인당' — what is compared, without its unit."""
    name = catalog.loc[variable.indicator, f"name_{lang}"]
    return t(f"disparity_basis_{variable.basis}", lang).format(name=name)


def source_line(catalog: pd.DataFrame, variable: RegionalVariable, lang: str,
                unit: str | None = None) -> str:
    """'출처: 통계청 지역소득 (KOSIS 101 DT_1C81); 행정안전부 주민등록인구통계 · 단위: 만원/인'."""
    publishers = "; ".join(dict.fromkeys(publisher_line(catalog.loc[i], lang)
                                         for i in variable.sources))
    unit = variable.unit(lang) if unit is None else unit
    line = f"{t('source_prefix', lang)}: {publishers}"
    return f"{line} · {t('unit_prefix', lang)}: {unit}" if unit else line


def publishers(catalog: pd.DataFrame, variables, lang: str) -> str:
    """The publisher lines behind one or more variables, for exports and pins."""
    return "; ".join(dict.fromkeys(publisher_line(catalog.loc[i], lang)
                                   for variable in variables for i in variable.sources))


def year_ranges(years) -> str:
    """[2008, 2009, 2010, 2013, 2014] → '2008–2010, 2013–2014'."""
    years, runs = sorted(int(y) for y in years), []
    for year in years:
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def _gap_note(series: pd.DataFrame, lang: str) -> list[str]:
    """'Years left out (the line breaks): 2012' when complete years are not contiguous."""
    if series.empty:
        return []
    years = set(series["year"].astype(int))
    gaps = [y for y in range(min(years), max(years) + 1) if y not in years]
    return [t("disparity_gap_years", lang).format(years=year_ranges(gaps))] if gaps else []


def _chart_title(text: str, subtitle: list[str]) -> alt.Title:
    """A chart title; a long one on two balanced lines, so that a narrow window shows it
    whole instead of cutting it off with '…'."""
    return alt.Title(_title_lines(text), subtitle=subtitle)


def _title_lines(text: str) -> str | list[str]:
    def width(part: str) -> float:   # in Hangul characters: Latin letters and digits ~½
        return sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in part)
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if width(text) <= TITLE_LINE or not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(width(text[:i]) - width(text[i + 1:])))
    return [text[:cut], text[cut + 1:]]


def _number(value: float, decimals: int, lang: str) -> str:
    return value_text(value, decimals, "", lang)


# --- inequality over time ------------------------------------------------------------------

def inequality_frame(series: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Long rows (year, index, label, value, value_text, n) of every index with values;
    years missing inside the span are rows with no value, so lines break there."""
    if series.empty:
        return pd.DataFrame(columns=["year", "index", "label", "value", "value_text", "n"])
    years = range(int(series["year"].min()), int(series["year"].max()) + 1)
    full = series.set_index("year").reindex(years)
    rows = []
    for index in INDICES:
        if full[index].isna().all():
            continue
        decimals = INDEX_DECIMALS.get(index, 3)
        for year, value, n in zip(full.index, full[index], full["n"]):
            rows.append({"year": int(year), "index": index,
                         "label": t(f"disparity_index_{index}", lang), "value": value,
                         "value_text": _number(value, decimals, lang),
                         "n": "" if pd.isna(n) else str(int(n))})
    return pd.DataFrame(rows)


def inequality_chart(series: pd.DataFrame, catalog: pd.DataFrame, variable: RegionalVariable,
                     lang: str, highlight_year: int | None = None) -> alt.TopLevelMixin:
    """Small multiples, one per index (independent y axes): how unequal the 시도 are."""
    data = inequality_frame(series, lang)
    order = list(dict.fromkeys(data["label"]))
    span = (int(data["year"].min()), int(data["year"].max())) if len(data) else (0, 1)
    x = year_axis(lang, span)
    y = alt.Y("value:Q", title=None, scale=alt.Scale(zero=False))
    tips = [alt.Tooltip("label:N", title=t("disparity_col_index", lang)),
            alt.Tooltip("year:Q", title=t("axis_year", lang), format="d"),
            alt.Tooltip("value_text:N", title=t("tooltip_value", lang)),
            alt.Tooltip("n:N", title=t("disparity_col_regions", lang))]
    line = alt.Chart().mark_line(invalid="break-paths-filter-domains", color=NONCAPITAL_COLOR,
                                 strokeWidth=2).encode(x=x, y=y)
    points = alt.Chart().mark_point(filled=True, size=22, color=NONCAPITAL_COLOR).encode(
        x=x, y=y, tooltip=tips)
    layers = [line, points]
    if highlight_year is not None:
        layers.append(alt.Chart().transform_filter(alt.datum.year == int(highlight_year))
                      .mark_point(size=90, color=CAPITAL_COLOR, filled=True).encode(
                          x=x, y=y, tooltip=tips))
    title = _chart_title(t("disparity_inequality_title", lang).format(
        name=variable_name(catalog, variable, lang)),
        subtitle=[t("disparity_inequality_subtitle", lang), *_gap_note(series, lang),
                  source_line(catalog, variable, lang)])
    return finish(alt.layer(*layers, width=PANEL_WIDTH, height=PANEL_HEIGHT).facet(
        facet=alt.Facet("label:N", sort=order, title=None,
                        header=alt.Header(labelFontSize=12, labelFontWeight="bold")),
        columns=3, data=data, title=title,
        resolve=alt.Resolve(scale=alt.ScaleResolveMap(y="independent"))))


# --- Theil's decomposition ----------------------------------------------------------------

def decomposition_frame(series: pd.DataFrame, weighted: bool, lang: str) -> pd.DataFrame:
    """Long rows (year, part, label, value, share) of Theil's between and within parts."""
    suffix = "_weighted" if weighted else ""
    rows = []
    for row in series.itertuples(index=False):
        row = row._asdict()
        share = row[f"between_share{suffix}"]
        for part in ("between", "within"):
            value = row[f"{part}{suffix}"]
            if pd.isna(value):
                continue
            rows.append({"year": int(row["year"]), "part": part,
                         "label": t(f"disparity_part_{part}", lang), "value": value,
                         "value_text": _number(value, 4, lang),
                         "share_text": value_text(share if part == "between" else 100 - share,
                                                  1, "%", lang)})
    return pd.DataFrame(rows, columns=["year", "part", "label", "value", "value_text",
                                       "share_text"])


def decomposition_chart(series: pd.DataFrame, catalog: pd.DataFrame,
                        variable: RegionalVariable, grouping: str, weighted: bool,
                        lang: str) -> alt.TopLevelMixin:
    """Theil's T each year as stacked bars: between the groups (수도권 vs 비수도권, or the
    7 권역) and within them; the tooltip gives each part's share of T."""
    data = decomposition_frame(series, weighted, lang)
    labels = [t("disparity_part_between", lang), t("disparity_part_within", lang)]
    span = (int(series["year"].min()), int(series["year"].max())) if len(series) else (0, 1)
    x = alt.X("year:O", title=t("axis_year", lang),
              scale=alt.Scale(domain=list(range(span[0], span[1] + 1))),
              axis=alt.Axis(labelAngle=0, labelOverlap=True))
    bars = alt.Chart(data).mark_bar().encode(
        x=x, y=alt.Y("value:Q", title=t("disparity_axis_theil", lang), stack="zero"),
        color=alt.Color("label:N", title=None, sort=labels,
                        scale=alt.Scale(domain=labels, range=[BETWEEN_COLOR, WITHIN_COLOR])),
        order=alt.Order("part:N", sort="ascending"),
        tooltip=[alt.Tooltip("label:N", title=t("disparity_col_part", lang)),
                 alt.Tooltip("year:O", title=t("axis_year", lang)),
                 alt.Tooltip("value_text:N", title=t("tooltip_value", lang)),
                 alt.Tooltip("share_text:N", title=t("disparity_col_share_of_t", lang))])
    weighting = t("disparity_weighted" if weighted else "disparity_unweighted", lang)
    title = _chart_title(t("disparity_decomposition_title", lang).format(
        name=variable_name(catalog, variable, lang),
        grouping=t(f"disparity_grouping_{grouping}", lang)),
        subtitle=[t("disparity_decomposition_subtitle", lang).format(weighting=weighting),
                  source_line(catalog, variable, lang)])
    return finish(bars.properties(width="container", height=HEIGHT, title=title))


# --- convergence -----------------------------------------------------------------------------

def sigma_chart(sigma: pd.DataFrame, catalog: pd.DataFrame, variable: RegionalVariable,
                lang: str) -> alt.TopLevelMixin:
    """σ-convergence: the standard deviation of the log values across the 시도 by year."""
    span = (int(sigma["year"].min()), int(sigma["year"].max())) if len(sigma) else (0, 1)
    years = range(span[0], span[1] + 1)
    data = sigma.set_index("year").reindex(years).rename_axis("year").reset_index()
    data["value_text"] = [_number(v, 3, lang) for v in data["sigma"]]
    x = year_axis(lang, span)
    y = alt.Y("sigma:Q", title=t("disparity_axis_sigma", lang), scale=alt.Scale(zero=False))
    tips = [alt.Tooltip("year:Q", title=t("axis_year", lang), format="d"),
            alt.Tooltip("value_text:N", title=t("disparity_axis_sigma", lang)),
            alt.Tooltip("n:Q", title=t("disparity_col_regions", lang))]
    base = alt.Chart(data)
    chart = alt.layer(
        base.mark_line(invalid="break-paths-filter-domains", color=NONCAPITAL_COLOR,
                       strokeWidth=2).encode(x=x, y=y),
        base.mark_point(filled=True, color=NONCAPITAL_COLOR, size=26).encode(
            x=x, y=y, tooltip=tips))
    title = _chart_title(t("disparity_sigma_title", lang).format(
        name=variable_name(catalog, variable, lang)),
        subtitle=[t("disparity_sigma_subtitle", lang), *_gap_note(sigma, lang),
                  source_line(catalog, variable, lang)])
    return finish(chart.properties(width="container", height=HEIGHT - 60, title=title))


def _point_frame(codes, lang: str, highlight: str | None) -> pd.DataFrame:
    names = short_names(lang)
    capital = capital_codes()
    return pd.DataFrame({"region_code": list(codes),
                         "name": [names.get(c, c) for c in codes],
                         "group": [t("series_capital" if c in capital else "series_noncapital",
                                     lang) for c in codes],
                         "chosen": [c == highlight for c in codes]})


def named_points(x, y, first, x_log: bool = False, y_from_zero: bool = False,
                 gap: tuple[float, float] = LABEL_GAP) -> list[bool]:
    """Which dots of a scatter carry their name: a name is left out when a dot already
    named lies closer than ``gap`` (shares of the axes' spans) on both axes, so names do
    not overprint; the chosen and capital 시도 (``first``) are named first, then the
    dots farthest from the middle. Every dot keeps its name in the tooltip."""
    xs = np.log(np.asarray(x, dtype=float)) if x_log else np.asarray(x, dtype=float)
    ys = np.asarray(y, dtype=float)
    low_y = min(ys.min(), 0.0) if y_from_zero else ys.min()
    xs = (xs - xs.min()) / ((xs.max() - xs.min()) or 1.0)
    ys = (ys - low_y) / ((ys.max() - low_y) or 1.0)
    apart = np.hypot(xs - np.median(xs), ys - np.median(ys))
    order = sorted(range(len(xs)), key=lambda i: (not first[i], -apart[i]))
    shown: list[int] = []
    for i in order:
        if all(abs(xs[i] - xs[j]) >= gap[0] or abs(ys[i] - ys[j]) >= gap[1] for j in shown):
            shown.append(i)
    return [i in shown for i in range(len(xs))]


def _group_color(lang: str) -> alt.Color:
    domain = [t("series_capital", lang), t("series_noncapital", lang)]
    return alt.Color("group:N", title=None, sort=domain,
                     scale=alt.Scale(domain=domain, range=[CAPITAL_COLOR, NONCAPITAL_COLOR]))


def beta_chart(result: BetaConvergence, catalog: pd.DataFrame, variable: RegionalVariable,
               lang: str, highlight: str | None = None) -> alt.TopLevelMixin:
    """β-convergence: each 시도's average annual growth against its initial value (log
    scale), with the fitted line growth = a + b·ln(initial)."""
    unit = variable.unit(lang)
    data = _point_frame(result.points["region_code"], lang, highlight)
    data["initial"] = result.points["initial"].to_numpy()
    data["growth"] = result.points["growth"].to_numpy()
    data["initial_text"] = [value_text(v, variable.decimals, unit, lang) for v in data["initial"]]
    data["growth_text"] = [value_text(v, 2, "%", lang) for v in data["growth"]]
    low, high = data["initial"].min(), data["initial"].max()
    xs = np.exp(np.linspace(math.log(low), math.log(high), 40))
    line = pd.DataFrame({"initial": xs, "growth": result.intercept + result.slope * np.log(xs)})
    x = alt.X("initial:Q", scale=alt.Scale(type="log", zero=False, nice=False),
              title=t("disparity_axis_initial", lang).format(year=result.first_year, unit=unit))
    y = alt.Y("growth:Q", title=t("disparity_axis_growth", lang).format(
        first=result.first_year, last=result.last_year))
    tips = [alt.Tooltip("name:N", title=t("col_region", lang)),
            alt.Tooltip("initial_text:N", title=t("disparity_col_initial", lang).format(
                year=result.first_year)),
            alt.Tooltip("growth_text:N", title=t("disparity_col_growth", lang))]
    points = alt.Chart(data).mark_circle(size=90, opacity=0.9).encode(
        x=x, y=y, color=_group_color(lang), tooltip=tips)
    data["named"] = named_points(data["initial"], data["growth"],
                                 (data["chosen"] | (data["group"] == t("series_capital", lang)))
                                 .tolist(), x_log=True, y_from_zero=True)
    labels = alt.Chart(data).transform_filter(alt.datum.named).mark_text(
        align="left", dx=7, fontSize=11).encode(x=x, y=y, text="name:N",
                                                color=_group_color(lang))
    fitted = alt.Chart(line).mark_line(color=NATION_COLOR, strokeDash=[6, 4]).encode(x=x, y=y)
    layers = [fitted, points, labels, *_highlight_ring(data, x, y)]
    title = _chart_title(t("disparity_beta_title", lang).format(
        name=variable_name(catalog, variable, lang), first=result.first_year,
        last=result.last_year),
        subtitle=[t("disparity_beta_subtitle", lang).format(
            slope=_number(result.slope, 2, lang), low=_number(result.ci_low, 2, lang),
            high=_number(result.ci_high, 2, lang), r2=_number(result.r_squared, 2, lang),
            n=result.n), *_unnamed_note(data, lang), source_line(catalog, variable, lang)])
    return finish(alt.layer(*layers).properties(width="container", height=HEIGHT, title=title))


def _unnamed_note(data: pd.DataFrame, lang: str) -> list[str]:
    """Names the crowded dots left out (they are in the tooltip and the table)."""
    hidden = data.loc[~data["named"], "name"].tolist()
    return [t("disparity_unnamed_dots", lang).format(names=", ".join(hidden))] if hidden else []


def _highlight_ring(data: pd.DataFrame, x, y) -> list[alt.Chart]:
    """A black ring around the chosen 시도 (a filter on the chart's own data: one dataset)."""
    if not data["chosen"].any():
        return []
    return [alt.Chart(data).transform_filter(alt.datum.chosen).mark_point(
        size=320, color=HIGHLIGHT_COLOR, strokeWidth=2).encode(x=x, y=y)]


# --- the 시도 by 권역 ------------------------------------------------------------------------

def distribution_chart(values: pd.Series, year: int, catalog: pd.DataFrame,
                       variable: RegionalVariable, weighted_mean: float, lang: str,
                       highlight: str | None = None) -> alt.TopLevelMixin:
    """One year's 시도 as dots, one row per 권역; the capital three in vermillion, the
    chosen 시도 ringed, the population-weighted mean as a dashed line."""
    unit = variable.unit(lang)
    values = values.dropna()
    table = region_table().set_index("region_code")
    data = _point_frame(values.index, lang, highlight)
    groups = gwonyeok_names(lang)
    data["gwonyeok"] = [groups[table.loc[c, "gwonyeok"]] for c in values.index]
    data["value"] = values.to_numpy()
    data["value_text"] = [value_text(v, variable.decimals, unit, lang) for v in data["value"]]
    order = [groups[g] for g in gwonyeok_order()]
    x = alt.X("value:Q", title=f"{variable_name(catalog, variable, lang)} ({unit})",
              scale=alt.Scale(zero=False))
    y = alt.Y("gwonyeok:N", title=None, sort=order)
    tips = [alt.Tooltip("name:N", title=t("col_region", lang)),
            alt.Tooltip("gwonyeok:N", title=t("legend_gwonyeok", lang)),
            alt.Tooltip("value_text:N", title=t("tooltip_value", lang))]
    dots = alt.Chart(data).mark_circle(size=140, opacity=0.9).encode(
        x=x, y=y, color=_group_color(lang), tooltip=tips)
    data["below"] = _crowded(data["gwonyeok"], data["value"])
    labels = [alt.Chart(data).transform_filter(alt.datum.below == below).mark_text(
        dy=13 if below else -11, fontSize=10).encode(
        x=x, y=y, text="name:N", color=_group_color(lang)) for below in (False, True)]
    layers = [dots, *labels, *_highlight_ring(data, x, y)]
    if not math.isnan(weighted_mean):
        label = t("disparity_weighted_mean" if variable.national
                  else "disparity_weighted_mean_only", lang).format(
            value=value_text(weighted_mean, variable.decimals, unit, lang))
        layers.insert(0, alt.Chart(data).transform_aggregate(rows="count()").mark_rule(
            color=NATION_COLOR, strokeDash=[5, 4]).encode(  # one rule, from the same data
            x=alt.XDatum(weighted_mean), tooltip=alt.TooltipValue(label)))
    title = _chart_title(t("disparity_distribution_title", lang).format(
        name=variable_name(catalog, variable, lang), year=year),
        subtitle=[t("disparity_distribution_subtitle" if variable.national
                    else "disparity_distribution_subtitle_only", lang),
                  source_line(catalog, variable, lang)])
    return finish(alt.layer(*layers).properties(width="container", height=HEIGHT, title=title))


def _crowded(rows: pd.Series, values: pd.Series, gap: float = 0.04) -> list[bool]:
    """Which dots put their label below: a dot closer than ``gap`` of the value range to
    the previous one in its row alternates, so neighbours' names do not overprint."""
    span = float(values.max() - values.min()) or 1.0
    below = pd.Series(False, index=values.index)
    for _, members in values.groupby(rows.to_numpy()):
        ordered = members.sort_values()
        for previous, current in zip(ordered.index, ordered.index[1:]):
            if (ordered[current] - ordered[previous]) / span < gap:
                below[current] = not below[previous]
    return below.tolist()


# --- two variables ---------------------------------------------------------------------------

def scatter_chart(result: Scatter, catalog: pd.DataFrame, x_variable: RegionalVariable,
                  y_variable: RegionalVariable, lang: str,
                  highlight: str | None = None) -> alt.TopLevelMixin:
    """The 시도 on two variables, bubbles sized by population, with the fitted line."""
    x_unit, y_unit = x_variable.unit(lang), y_variable.unit(lang)
    frame = result.frame
    data = _point_frame(frame["region_code"], lang, highlight)
    data["x"], data["y"] = frame["x"].to_numpy(), frame["y"].to_numpy()
    data["population"] = frame["population"].to_numpy()
    data["x_text"] = [value_text(v, x_variable.decimals, x_unit, lang) for v in data["x"]]
    data["y_text"] = [value_text(v, y_variable.decimals, y_unit, lang) for v in data["y"]]
    data["population_text"] = [value_text(v / 1e4, 1, t("disparity_unit_10k_persons", lang), lang)
                               for v in data["population"]]
    x = alt.X("x:Q", title=f"{variable_name(catalog, x_variable, lang)} ({x_unit})",
              scale=alt.Scale(zero=False))
    y = alt.Y("y:Q", title=f"{variable_name(catalog, y_variable, lang)} ({y_unit})",
              scale=alt.Scale(zero=False))
    tips = [alt.Tooltip("name:N", title=t("col_region", lang)),
            alt.Tooltip("x_text:N", title=variable_name(catalog, x_variable, lang)),
            alt.Tooltip("y_text:N", title=variable_name(catalog, y_variable, lang)),
            alt.Tooltip("population_text:N", title=t("disparity_col_population", lang))]
    size = alt.Size("population:Q", title=t("disparity_col_population", lang),
                    scale=alt.Scale(range=[40, 1800]), legend=None)
    bubbles = alt.Chart(data).mark_circle(opacity=0.55, stroke="white", strokeWidth=1).encode(
        x=x, y=y, size=size, color=_group_color(lang), tooltip=tips)
    data["named"] = named_points(data["x"], data["y"],
                                 (data["chosen"] | (data["group"] == t("series_capital", lang)))
                                 .tolist())
    labels = alt.Chart(data).transform_filter(alt.datum.named).mark_text(
        fontSize=10, dy=-10).encode(x=x, y=y, text="name:N", color=_group_color(lang))
    ends = fitted_ends(result)
    layers = [bubbles, labels, *_highlight_ring(data, x, y)]
    if len(ends):
        layers.insert(0, alt.Chart(ends).mark_line(color=NATION_COLOR, strokeDash=[6, 4])
                      .encode(x=x, y=y))
    sources = (f"{t('source_prefix', lang)}: "
               f"{publishers(catalog, [x_variable, y_variable], lang)}")
    title = _chart_title(t("disparity_scatter_title", lang).format(
        x=variable_name(catalog, x_variable, lang), y=variable_name(catalog, y_variable, lang),
        year=result.year),
        subtitle=[t("disparity_scatter_subtitle", lang).format(
            r2=_number(result.r_squared, 2, lang), n=result.n), *_unnamed_note(data, lang),
            sources])
    return finish(alt.layer(*layers).properties(width="container", height=HEIGHT + 60,
                                                title=title))


# --- depopulation areas -----------------------------------------------------------------------

DEPOPULATION_METRICS = ("change", "working_age_share", "older_share")
AREA_COLORS = {"depopulation": "#7B3294", "watch": "#C2A5CF", "other_noncapital": NONCAPITAL_COLOR,
               "other_capital": CAPITAL_COLOR}


def depopulation_frame(table: pd.DataFrame, year: int, base_year: int,
                       lang: str) -> pd.DataFrame:
    """Long rows (group, label, metric, value, value_text) for the chart; a missing
    change says how many of the group's 시군구 have data in both years."""
    rows = []
    for row in table.itertuples(index=False):
        for metric in DEPOPULATION_METRICS:
            value = getattr(row, metric)
            if not pd.isna(value):
                text = format_value(value, 1, "%", lang, signed=metric == "change")
            elif metric == "change":
                text = t("disparity_change_partial", lang).format(count=row.change_units,
                                                                 total=row.units)
            else:
                text = t("map_no_data", lang)
            rows.append({"group": row.group, "label": t(f"disparity_area_{row.group}", lang),
                         "metric": t(f"disparity_metric_{metric}", lang).format(
                             year=year, base=base_year),
                         "value": value, "value_text": text})
    return pd.DataFrame(rows)


def depopulation_chart(table: pd.DataFrame, year: int, base_year: int,
                       lang: str) -> alt.TopLevelMixin:
    """The four groups of 시군구 on population change and age structure; a missing
    figure is a grey 'no data' label, never a zero bar."""
    data = depopulation_frame(table, year, base_year, lang)
    order = [t(f"disparity_area_{g}", lang) for g in AREA_COLORS]
    metrics = list(dict.fromkeys(data["metric"]))
    color = alt.Color("label:N", title=None, sort=order, legend=None,  # rows are labelled
                      scale=alt.Scale(domain=order, range=list(AREA_COLORS.values())))
    y = alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=240))
    tips = [alt.Tooltip("label:N", title=t("disparity_col_area", lang)),
            alt.Tooltip("metric:N", title=t("disparity_col_metric", lang)),
            alt.Tooltip("value_text:N", title=t("tooltip_value", lang))]
    bars = alt.Chart().transform_filter("isValid(datum.value)").mark_bar().encode(
        x=alt.X("value:Q", title="%"), y=y, color=color, tooltip=tips)
    text = alt.Chart().mark_text(align="left", dx=4, fontSize=11).encode(
        x=alt.X("plotted:Q"), y=y, text="value_text:N",
        color=alt.condition("isValid(datum.value)", alt.value("#333333"),
                            alt.value(NO_DATA_TEXT)))
    chart = alt.layer(bars, text.transform_calculate(
        plotted="isValid(datum.value) ? max(datum.value, 0) : 0"),
        width=DEPOPULATION_PANEL_WIDTH, height=150)
    title = _chart_title(t("disparity_depopulation_title", lang).format(year=year),
                      subtitle=[t("disparity_depopulation_subtitle", lang),
                                f"{t('source_prefix', lang)}: "
                                f"{t('disparity_depopulation_source', lang)}"])
    return finish(chart.facet(
        column=alt.Column("metric:N", sort=metrics, title=None,
                          header=alt.Header(labelFontSize=12, labelFontWeight="bold")),
        data=data, title=title, resolve=alt.Resolve(scale=alt.ScaleResolveMap(x="independent"))))
