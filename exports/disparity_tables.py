"""The data behind each disparity chart, as the rows a CSV/XLSX download holds.

One long layout for every chart — region, year, statistic, value, unit, note, source —
so a table from any chart reads the same; a missing value is an empty cell with
"자료 없음" (or the reason) in the note column, never 0.
"""

from __future__ import annotations

import math

import pandas as pd

from analysis.convergence import BetaConvergence
from analysis.formatting import NO_DATA
from analysis.inequality import INDICES
from analysis.regional_values import RegionalVariable
from analysis.spatial import SpatialClusters
from analysis.two_variables import Scatter
from charts.cluster_map import cluster_label
from charts.disparity import DEPOPULATION_METRICS, publishers, variable_name
from exports.data_export import region_names
from i18n import t


def _record(statistic: str, value: float, unit: str, year: int | str = "",
            region_code: str = "", region: str = "", note: str = "") -> dict:
    return {"region_code": region_code, "region": region, "year": year,
            "statistic": statistic, "value": value, "unit": unit, "note": note}


def _table(records: list[dict], source: str, lang: str) -> pd.DataFrame:
    frame = pd.DataFrame(records, columns=["region_code", "region", "year", "statistic",
                                           "value", "unit", "note"])
    missing = frame["value"].isna() & (frame["note"] == "")
    frame.loc[missing, "note"] = NO_DATA[lang]
    return pd.DataFrame({
        t("xcol_region_code", lang): frame["region_code"],
        t("xcol_region", lang): frame["region"],
        t("xcol_year", lang): frame["year"],
        t("disparity_xcol_statistic", lang): frame["statistic"],
        t("xcol_value", lang): frame["value"],
        t("xcol_unit", lang): frame["unit"],
        t("xcol_note", lang): frame["note"],
        t("xcol_publisher", lang): source,
    })


def inequality_table(series: pd.DataFrame, catalog: pd.DataFrame, variable: RegionalVariable,
                     grouping: str, lang: str) -> pd.DataFrame:
    """Every index by year, Theil's split by the grouping (both weightings) and n."""
    subject = variable_name(catalog, variable, lang)
    split = t(f"disparity_grouping_{grouping}", lang)
    records = []
    for row in series.to_dict("records"):
        year = int(row["year"])
        for index in INDICES:
            records.append(_record(f"{subject} — {t(f'disparity_index_{index}', lang)}",
                                   row[index], "", year))
        for part in ("between", "within", "between_share"):
            for suffix, weighting in (("", "disparity_unweighted"),
                                      ("_weighted", "disparity_weighted")):
                label = (f"{subject} — {t(f'disparity_xpart_{part}', lang)} ({split}, "
                         f"{t(weighting, lang)})")
                records.append(_record(label, row[f"{part}{suffix}"],
                                       "%" if part == "between_share" else "", year))
        records.append(_record(t("disparity_col_regions", lang), row["n"], "", year))
    return _table(records, publishers(catalog, [variable], lang), lang)


def sigma_table(sigma: pd.DataFrame, catalog: pd.DataFrame, variable: RegionalVariable,
                lang: str) -> pd.DataFrame:
    label = f"{variable_name(catalog, variable, lang)} — {t('disparity_axis_sigma', lang)}"
    records = [_record(label, row["sigma"], "", int(row["year"]),
                       note=t("disparity_regions_count", lang).format(n=int(row["n"])))
               for row in sigma.to_dict("records")]
    return _table(records, publishers(catalog, [variable], lang), lang)


def beta_table(result: BetaConvergence, catalog: pd.DataFrame, variable: RegionalVariable,
               lang: str) -> pd.DataFrame:
    """Each 시도's initial value and growth, then the fitted slope and what follows from it."""
    names = region_names(lang)
    period = f"{result.first_year}-{result.last_year}"
    records = []
    for row in result.points.to_dict("records"):
        code = row["region_code"]
        records.append(_record(t("disparity_col_initial", lang).format(year=result.first_year),
                               row["initial"], variable.unit(lang), result.first_year, code,
                               names[code]))
        records.append(_record(t("disparity_col_growth", lang), row["growth"], "%", period,
                               code, names[code]))
    for key, value, unit in (("slope", result.slope, ""), ("ci_low", result.ci_low, ""),
                             ("ci_high", result.ci_high, ""),
                             ("r_squared", result.r_squared, ""), ("p_value", result.p_value, ""),
                             ("speed", result.speed, "%"),
                             ("half_life", result.half_life, t("disparity_unit_years", lang)),
                             ("n", result.n, "")):
        records.append(_record(t(f"disparity_xbeta_{key}", lang), value, unit, period))
    return _table(records, publishers(catalog, [variable], lang), lang)


def distribution_table(values: pd.Series, year: int, catalog: pd.DataFrame,
                       variable: RegionalVariable, lang: str) -> pd.DataFrame:
    names = region_names(lang)
    label = variable_name(catalog, variable, lang)
    records = [_record(label, value, variable.unit(lang), int(year), code, names[code])
               for code, value in values.items()]
    return _table(records, publishers(catalog, [variable], lang), lang)


def scatter_table(result: Scatter, catalog: pd.DataFrame, x: RegionalVariable,
                  y: RegionalVariable, lang: str) -> pd.DataFrame:
    names = region_names(lang)
    records = []
    for row in result.frame.to_dict("records"):
        code = row["region_code"]
        for variable, column in ((x, "x"), (y, "y")):
            records.append(_record(variable_name(catalog, variable, lang), row[column],
                                   variable.unit(lang), result.year, code, names[code]))
        records.append(_record(t("disparity_col_population", lang), row["population"],
                               t("disparity_unit_persons", lang), result.year, code,
                               names[code]))
    for key, value in (("slope", result.slope), ("intercept", result.intercept),
                       ("r_squared", result.r_squared), ("p_value", result.p_value)):
        records.append(_record(t(f"disparity_xfit_{key}", lang), value, "", result.year))
    return _table(records, publishers(catalog, [x, y], lang), lang)


def cluster_table(result: SpatialClusters, names: dict[str, str], label: str, unit: str,
                  source: str, lang: str) -> pd.DataFrame:
    """Each 시군구's value, cluster and pseudo p-value, then Moran's I and its test."""
    year = (f"{result.base_year}-{result.year}" if result.base_year is not None
            else result.year)
    records = []
    for row in result.frame.to_dict("records"):
        code = row["region_code"]
        records.append(_record(label, row["value"], unit, year, code, names.get(code, code),
                               note=cluster_label(row["cluster"], lang)))
        records.append(_record(t("disparity_col_pseudo_p", lang), row["p_value"], "", year,
                               code, names.get(code, code)))
    for code in result.missing:
        records.append(_record(label, math.nan, unit, year, code, names.get(code, code)))
    for key, value in (("moran_i", result.moran_i), ("expected_i", result.expected_i),
                       ("z_score", result.z_score), ("p_value", result.p_value),
                       ("n", result.n)):
        records.append(_record(t(f"disparity_xlisa_{key}", lang), value, "", year))
    return _table(records, source, lang)


def depopulation_table(table: pd.DataFrame, year: int, base_year: int,
                       lang: str) -> pd.DataFrame:
    records = []
    for row in table.to_dict("records"):
        group = t(f"disparity_area_{row['group']}", lang)
        records.append(_record(t("disparity_xunits", lang), row["units"], "", year, "", group))
        records.append(_record(t("disparity_col_population", lang), row["population"],
                               t("disparity_unit_persons", lang), year, "", group))
        for metric in DEPOPULATION_METRICS:
            note = ""
            if metric == "change" and math.isnan(row["change"]):
                note = t("disparity_change_partial", lang).format(count=row["change_units"],
                                                                 total=row["units"])
            records.append(_record(t(f"disparity_metric_{metric}", lang).format(
                year=year, base=base_year), row[metric], "%",
                f"{base_year}-{year}" if metric == "change" else year, "", group, note))
    return _table(records, t("disparity_depopulation_source", lang), lang)


def depopulation_areas_table(areas: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The designated areas as bundled: map unit code, current code, 시도, name,
    designation and the notice."""
    names = region_names(lang)
    return pd.DataFrame({
        t("xcol_region_code", lang): areas["region_code"],
        t("disparity_xcol_code_now", lang): areas["sigungu_code"],
        t("xcol_region", lang): areas["sigungu_name"],
        t("map_col_sido", lang): areas["sido_code"].map(names),
        t("disparity_xcol_designation", lang): [t(f"disparity_area_{a}", lang)
                                                for a in areas["area"]],
        t("xcol_publisher", lang): areas["source"],
    }).reset_index(drop=True)
