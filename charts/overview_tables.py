"""Display tables for the home page's capital-vs-rest overview (pure, no Streamlit)."""

from __future__ import annotations

import pandas as pd

from analysis.availability import Availability
from analysis.formatting import format_display, format_number, format_pp
from analysis.gap import GapSummary
from charts.sources import publisher_line
from i18n import both, t
from loaders.catalog import row_unit
from loaders.citations import cited

# Published groups by their store code, (Korean, English).
GROUP_NAMES = {code: both(f"group_{code}") for code in ("CAP", "NONCAP", "NONCAP_EXDJ")}


def _years(summary: GapSummary, entry: pd.Series, lang: str) -> str:
    latest = str(summary.latest_year)
    if pd.notna(entry["preliminary_year"]) and summary.latest_year == entry["preliminary_year"]:
        latest += f" ({t('preliminary', lang)})"
    return f"{summary.earliest_year} → {latest}"


def additive_table(overview: dict, catalog: pd.DataFrame, lang: str) -> pd.DataFrame:
    rows = []
    for indicator, summary in overview.items():
        entry = catalog.loc[indicator]
        if not isinstance(summary, GapSummary) or summary.capital_share is None:
            continue
        rows.append({
            t("col_indicator", lang): entry[f"name_{lang}"],
            t("col_years", lang): _years(summary, entry, lang),
            t("col_capital", lang): format_display(summary.capital, entry, lang),
            t("col_noncapital", lang): format_display(summary.noncapital, entry, lang),
            t("col_capital_share", lang): f"{summary.capital_share:.1f}%",
            t("col_share_change", lang): (format_pp(summary.share_change_pp, lang)
                                          if summary.earliest_year != summary.latest_year else "–"),
            t("col_source", lang): publisher_line(entry, lang),
        })
    return pd.DataFrame(rows)


def rate_table(overview: dict, catalog: pd.DataFrame, lang: str) -> pd.DataFrame:
    rows = []
    for indicator, summary in overview.items():
        entry = catalog.loc[indicator]
        if not isinstance(summary, GapSummary) or summary.capital_share is not None:
            continue
        rows.append({
            t("col_indicator", lang): entry[f"name_{lang}"],
            t("col_years", lang): _years(summary, entry, lang),
            t("col_capital", lang): f"{summary.capital:.1f}%",
            t("col_noncapital", lang): f"{summary.noncapital:.1f}%",
            t("col_gap_change", lang): format_pp(summary.rate_gap_change_pp, lang),
            t("col_source", lang): publisher_line(entry, lang),
        })
    return pd.DataFrame(rows)


def not_comparable_table(overview: dict, catalog: pd.DataFrame, lang: str) -> pd.DataFrame:
    rows = [{t("col_indicator", lang): catalog.loc[i, f"name_{lang}"],
             t("col_reason", lang): reason.reason(lang),
             t("col_source", lang): publisher_line(catalog.loc[i], lang)}
            for i, reason in overview.items() if isinstance(reason, Availability)]
    return pd.DataFrame(rows)


def published_table(groups: pd.DataFrame, catalog: pd.DataFrame, lang: str) -> pd.DataFrame:
    rows = [{t("col_indicator", lang): catalog.loc[row.indicator, f"name_{lang}"],
             t("col_year", lang): int(row.year),
             t("col_group", lang): GROUP_NAMES[row.region_code][lang == "en"],
             t("col_value", lang): format_number(row.value, 1, lang),
             t("col_unit", lang): row_unit(catalog.loc[row.indicator], row.unit, lang),
             t("col_source", lang): cited(row.source, lang)}
            for row in groups.itertuples()]
    return pd.DataFrame(rows)
