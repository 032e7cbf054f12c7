"""One-line key figures for briefing slides, computed from the data a view shows.

A slide's line under the chart must come from the same numbers as the chart, never be
typed in: these helpers read the store (through analysis.gap), a MapView or a Trend.
"""

from __future__ import annotations

import pandas as pd

from analysis.formatting import format_pp
from analysis.compare import Ranked
from analysis.gap import noncapital_shares
from analysis.groups import CAPITAL, NONCAPITAL
from analysis.trends import Trend
from charts.map_tooltip import format_value
from charts.map_view import MapView
from charts.trends import series_label
from i18n import t


def noncapital_share_figure(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str,
                            year: int, since: int | None, lang: str) -> str | None:
    """'비수도권 지역내총생산(명목) 비중 47.7% (2023), 2013년 대비 −2.9%p'; None when the
    indicator is not additive or the year is incomplete."""
    years = [year] + ([since] if since is not None else [])
    shares = noncapital_shares(store, catalog, indicator, years)
    if year not in shares:
        return None
    name = catalog.loc[indicator, f"name_{lang}"]
    text = t("kf_noncapital_share", lang).format(name=name, share=shares[year], year=year)
    if since is not None and since in shares:
        change = format_pp(shares[year] - shares[since], lang).replace("-", "−")
        text += t("kf_since", lang).format(year=since, change=change)
    return text


def _extremes(names: pd.Series, values: pd.Series, decimals: int, unit: str, year: int,
              lang: str) -> str:
    """'최고 … · 최저 … (year)': the highest and lowest of the values that exist."""
    values = values.dropna()
    if values.empty:
        return ""
    top, bottom = values.idxmax(), values.idxmin()
    return t("kf_map", lang).format(
        top=names[top], top_value=format_value(values[top], decimals, unit, lang),
        bottom=names[bottom],
        bottom_value=format_value(values[bottom], decimals, unit, lang), year=year)


def map_key_figure(view: MapView, year: int, lang: str) -> str:
    """'최고 서울특별시 24.5 % · 최저 세종특별자치시 1.1 % (2023)' from the mapped values."""
    return _extremes(view.regions["name"], view.regions["value"], view.decimals, view.unit,
                     year, lang)


def ranked_key_figure(result: Ranked, year: int, lang: str) -> str:
    """The same line for a ranked bar chart of the 17 시도."""
    frame = result.frame.set_index("region_code")
    names = pd.Series({code: series_label(code, lang) for code in frame.index})
    unit = result.unit_en if lang == "en" else result.unit_ko
    return _extremes(names, frame["value"], result.decimals, unit, year, lang)


def trend_key_figure(trend: Trend, lang: str) -> str:
    """'2023: 수도권 52.3 % · 비수도권 47.7 %' — the latest year both groups have (groups
    view), or the latest values of the first two series otherwise."""
    frame = trend.frame.dropna(subset=["value"])
    if frame.empty:
        return ""
    series = [s for s in (CAPITAL, NONCAPITAL) if s in set(frame["series"])]
    series = series or list(dict.fromkeys(frame["series"]))[:2]
    shown = frame[frame["series"].isin(series)]
    years = shown.groupby("year")["series"].nunique()
    year = int(years[years == len(series)].index.max())
    unit = trend.unit_en if lang == "en" else trend.unit_ko
    parts = []
    for name in series:
        value = shown[(shown["series"] == name) & (shown["year"] == year)]["value"].iloc[0]
        parts.append(f"{series_label(name, lang)} "
                     f"{format_value(value, trend.decimals, unit, lang)}")
    return f"{year}: " + " · ".join(parts)
