"""One line under each disparity chart that says what it shows, with the figures:
"수도권–비수도권 간 격차가 전체 지역 간 불평등의 2.2%를 설명 (2023)". The same line is the
key figure of a pinned briefing slide. Pure text from analysis results (no Streamlit).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from analysis.convergence import BetaConvergence
from analysis.regional_values import RegionalVariable
from analysis.spatial import SIGNIFICANCE, SpatialClusters
from analysis.two_variables import Scatter
from charts.disparity import short_names
from charts.map_tooltip import format_value
from charts.trends import value_text
from i18n import t

# A change smaller than this (relative) reads as "no change": indices move by rounding.
STABLE = 0.005


def _n(value: float, decimals: int, lang: str) -> str:
    return value_text(value, decimals, "", lang)


def significant(value: float, digits: int = 3) -> str:
    """0.000312 → '0.000312', 12.345 → '12.35': a slope reads whatever its units."""
    if math.isnan(value):
        return "–"
    if abs(value) >= 1:
        return f"{value:,.2f}"
    return np.format_float_positional(value, precision=digits, unique=False,
                                      fractional=False, trim="-")


def share_text(share: float, lang: str) -> str:
    """A share of Theil's T: one decimal, two below 1% so a small share is not '0.0%'."""
    return value_text(share, 1 if abs(share) >= 1 else 2, "%", lang)


def _direction(first: float, last: float) -> str:
    if math.isnan(first) or math.isnan(last) or abs(last - first) <= STABLE * abs(first):
        return "same"
    return "down" if last < first else "up"


def _row(series: pd.DataFrame, year: int) -> pd.Series | None:
    rows = series[series["year"] == int(year)]
    return rows.iloc[0] if len(rows) else None


def inequality_reading(series: pd.DataFrame, year: int, lang: str) -> str:
    """The year's CV (weighted where possible) and Gini, and the direction since the first year."""
    row, first = _row(series, year), series.iloc[0] if len(series) else None
    if row is None:
        return t("disparity_read_none", lang)
    key = "disparity_read_inequality" if not math.isnan(row["williamson"]) \
        else "disparity_read_inequality_unweighted"
    direction = t(f"disparity_direction_{_direction(first['cv'], row['cv'])}", lang)
    return t(key, lang).format(year=int(year), cv=_n(row["cv"], 3, lang),
                               williamson=_n(row["williamson"], 3, lang),
                               gini=_n(row["gini"], 3, lang), first=int(first["year"]),
                               direction=direction if int(first["year"]) != int(year)
                               else t("disparity_direction_single", lang))


def decomposition_reading(series: pd.DataFrame, year: int, grouping: str, weighted: bool,
                          lang: str) -> str:
    """'수도권–비수도권 간 격차가 전체 지역 간 불평등(타일 T, …)의 2.2%를 설명 (2023)'."""
    row = _row(series, year)
    share = math.nan if row is None else row[
        "between_share_weighted" if weighted else "between_share"]
    if math.isnan(share):
        return t("disparity_read_none", lang)
    return t("disparity_read_decomposition", lang).format(
        grouping=t(f"disparity_read_grouping_{grouping}", lang),
        weighting=t("disparity_weighted" if weighted else "disparity_unweighted", lang),
        share=share_text(share, lang), year=int(year))


def sigma_reading(sigma: pd.DataFrame, lang: str) -> str:
    """The dispersion of log values, first and last complete year, and what that means."""
    if len(sigma) < 2:
        return t("disparity_read_none", lang)
    first, last = sigma.iloc[0], sigma.iloc[-1]
    verdict = t(f"disparity_sigma_{_direction(first['sigma'], last['sigma'])}", lang)
    return t("disparity_read_sigma", lang).format(
        first=int(first["year"]), last=int(last["year"]), a=_n(first["sigma"], 3, lang),
        b=_n(last["sigma"], 3, lang), verdict=verdict)


def beta_reading(result: BetaConvergence, lang: str) -> str:
    """The slope with its interval and R², and convergence speed and half-life if any."""
    if result.converging and not math.isnan(result.half_life):
        verdict = t("disparity_beta_converging", lang).format(
            speed=_n(result.speed, 2, lang), half_life=_n(result.half_life, 0, lang))
    elif result.diverging:
        verdict = t("disparity_beta_diverging", lang)
    else:
        verdict = t("disparity_beta_neither", lang).format(
            level=int(round(100 * result.confidence)))
    return t("disparity_read_beta", lang).format(
        slope=_n(result.slope, 2, lang), low=_n(result.ci_low, 2, lang),
        high=_n(result.ci_high, 2, lang), level=int(round(100 * result.confidence)),
        r2=_n(result.r_squared, 2, lang), first=result.first_year, last=result.last_year,
        n=result.n, verdict=verdict)


def distribution_reading(values: pd.Series, year: int, variable: RegionalVariable, lang: str,
                         highlight: str | None = None) -> str:
    """Highest and lowest 시도 and their ratio; the chosen 시도's rank."""
    values = values.dropna()
    if values.empty:
        return t("disparity_read_none", lang)
    names, unit = short_names(lang), variable.unit(lang)
    top, bottom = values.idxmax(), values.idxmin()
    line = t("disparity_read_distribution", lang).format(
        year=int(year), max_name=names[top], min_name=names[bottom],
        max=value_text(values[top], variable.decimals, unit, lang),
        min=value_text(values[bottom], variable.decimals, unit, lang),
        ratio=_n(values[top] / values[bottom], 2, lang))
    if highlight in values.index:
        rank = int(values.rank(ascending=False, method="min")[highlight])
        line += t("disparity_read_rank", lang).format(name=names[highlight], rank=rank,
                                                      n=len(values))
    return line


def scatter_reading(result: Scatter, x: RegionalVariable, y: RegionalVariable,
                    lang: str) -> str:
    """Slope (y units per x unit) and R² of the year's 시도."""
    return t("disparity_read_scatter", lang).format(
        year=result.year, n=result.n, slope=significant(result.slope),
        x_unit=x.unit(lang), y_unit=y.unit(lang), r2=_n(result.r_squared, 2, lang))


def lisa_reading(result: SpatialClusters, lang: str) -> str:
    """Moran's I with its test, and how many hot and cold spots."""
    p_text = "< 0.001" if result.p_value < 0.001 else f"= {result.p_value:.3f}"
    return t("disparity_read_lisa", lang).format(
        i=_n(result.moran_i, 3, lang), z=_n(result.z_score, 1, lang), p=p_text,
        hh=result.count("HH"), ll=result.count("LL"), n=result.n,
        level=int(SIGNIFICANCE * 100), year=result.year)


def depopulation_reading(table: pd.DataFrame, year: int, base_year: int, lang: str) -> str:
    """The designated areas' population change and working-age share against the rest of
    the non-capital 시군구."""
    rows = table.set_index("group")
    area, other = rows.loc["depopulation"], rows.loc["other_noncapital"]
    if math.isnan(area["change"]) or math.isnan(other["change"]):
        return t("disparity_read_depopulation_partial", lang).format(
            base=base_year, year=year, count=int(area["change_units"]), total=int(area["units"]),
            share=value_text(area["working_age_share"], 1, "%", lang),
            other_share=value_text(other["working_age_share"], 1, "%", lang))
    return t("disparity_read_depopulation", lang).format(
        base=base_year, year=year, units=int(area["units"]),
        change=format_value(area["change"], 1, "%", lang, signed=True),
        other=format_value(other["change"], 1, "%", lang, signed=True),
        share=value_text(area["working_age_share"], 1, "%", lang),
        other_share=value_text(other["working_age_share"], 1, "%", lang))
