"""The data behind every disparity chart as downloaded (CSV/XLSX rows), the chart specs'
titles, units and sources, and the PNG of the LISA map."""

import io
import math

import pandas as pd
import pytest

from analysis.convergence import beta_convergence, sigma_series
from analysis.depopulation import comparison
from analysis.inequality import inequality_series
from analysis.regional_values import regional_variable, values_in, weighted_mean
from analysis.spatial import spatial_clusters
from analysis.two_variables import scatter
from charts import disparity as charts
from charts.cluster_map import CLUSTER_COLORS, cluster_view
from exports import disparity_tables as tables
from exports.cluster_image import cluster_map_png, cluster_map_svg
from exports.data_export import csv_bytes, definitions_table, xlsx_bytes
from loaders import load_depopulation_areas, load_regions


@pytest.fixture(scope="module")
def grdp(catalog):
    return regional_variable(catalog, "grdp_nominal")


@pytest.fixture(scope="module")
def series(store, catalog, grdp):
    return inequality_series(store, catalog, grdp, "capital")


def test_inequality_rows_hold_every_index_and_both_splits(catalog, series, grdp):
    table = tables.inequality_table(series, catalog, grdp, "capital", "ko")
    assert list(table.columns) == ["지역코드", "지역", "연도", "통계", "값", "단위", "비고", "출처"]
    share = table[(table["연도"] == 2023) & table["통계"].str.endswith(
        "집단 간 몫 (수도권 vs 비수도권, 인구 가중)")]
    assert share["값"].iloc[0] == pytest.approx(
        series.set_index("year").loc[2023, "between_share_weighted"])
    assert 2012 not in set(table["연도"])
    assert table["출처"].iloc[0] == "통계청, 지역소득 (KOSIS 101/DT_1C81); 행정안전부, 주민등록 인구통계"
    english = tables.inequality_table(series, catalog, grdp, "capital", "en")
    assert "Theil T between groups" in " ".join(english["Statistic"])


def test_a_missing_value_is_an_empty_cell_with_a_note(store, catalog):
    variable = regional_variable(catalog, "employment_rate_15_64")    # no weights
    table = tables.inequality_table(inequality_series(store, catalog, variable), catalog,
                                    variable, "capital", "ko")
    weighted = table[table["통계"].str.contains("윌리엄슨")]
    assert weighted["값"].isna().all() and (weighted["비고"] == "자료 없음").all()
    assert b",,\xec\x9e\x90\xeb\xa3\x8c \xec\x97\x86\xec\x9d\x8c" in csv_bytes(weighted)  # ",,자료 없음"


def test_every_chart_table_builds_and_opens_as_xlsx(store, catalog, series, grdp):
    older = regional_variable(catalog, "population_65_plus")
    areas = load_depopulation_areas()
    found = spatial_clusters(store, catalog, "population_65_plus", "share", 2024)
    names = dict(zip(load_regions("sigungu")["region_code"], load_regions("sigungu")["name_ko"]))
    built = {
        "sigma": tables.sigma_table(sigma_series(store, catalog, grdp), catalog, grdp, "ko"),
        "beta": tables.beta_table(beta_convergence(store, catalog, grdp, 2013, 2023), catalog,
                                  grdp, "ko"),
        "distribution": tables.distribution_table(values_in(store, catalog, grdp, 2023).dropna(),
                                                  2023, catalog, grdp, "ko"),
        "scatter": tables.scatter_table(scatter(store, catalog, grdp, older, 2023), catalog, grdp,
                                        older, "ko"),
        "lisa": tables.cluster_table(found, names, "고령인구 비중", "%", "행정안전부", "ko"),
        "depopulation": tables.depopulation_table(comparison(
            store, catalog, areas, load_regions("sigungu")["region_code"], 2024, 2012), 2024,
            2012, "ko"),
        "areas": tables.depopulation_areas_table(areas, "ko"),
    }
    assert len(built["areas"]) == 107 and len(built["distribution"]) == 17
    beta = built["beta"].set_index("통계")
    assert beta.loc["β 기울기", "값"] == pytest.approx(-3.7628640929915442)
    assert (built["lisa"]["비고"] == "고-고 (핫스팟)").sum() == found.count("HH")
    change = built["depopulation"][built["depopulation"]["통계"].str.startswith("인구 변화율")]
    assert change["값"].isna().all() and change["비고"].str.startswith("계산 안 함").all()
    definitions = definitions_table(catalog, ["grdp_nominal", "population_total"], "ko")
    for name, table in built.items():
        sheets = pd.read_excel(io.BytesIO(xlsx_bytes(table, definitions)), sheet_name=None,
                               engine="openpyxl")
        assert len(sheets["data"]) == len(table), name


def test_chart_specs_carry_title_unit_and_source(store, catalog, series, grdp):
    lines = " ".join(charts.inequality_chart(series, catalog, grdp, "ko").to_dict()
                     ["title"]["subtitle"])
    assert "출처: 통계청, 지역소득 (KOSIS 101/DT_1C81); 행정안전부, 주민등록 인구통계" in lines
    assert "단위: 만원/인" in lines and "2012" in lines            # the left-out year is named
    decomposition = charts.decomposition_chart(series, catalog, grdp, "capital", False, "en")
    data = next(iter(decomposition.to_dict()["datasets"].values()))
    assert {row["year"] for row in data} == set(series["year"])   # 2012 absent, not a zero bar
    assert all(row["value"] >= 0 for row in data)
    distribution = charts.distribution_chart(values_in(store, catalog, grdp, 2023).dropna(),
                                             2023, catalog, grdp,
                                             weighted_mean(store, catalog, grdp, 2023), "en", "26")
    spec = distribution.to_dict()
    # a long title on two lines, so that a narrow window shows it whole
    assert spec["title"]["text"] == ["GRDP (nominal) · per head:", "provinces by region group, 2023"]
    rows = next(iter(spec["datasets"].values()))
    assert [r["name"] for r in rows if r["chosen"]] == ["Busan"]


def test_the_lisa_map_png_has_the_clusters(store, catalog):
    found = spatial_clusters(store, catalog, "population_65_plus", "share", 2024)
    view = cluster_view(found, load_regions("sigungu"), "고령인구 비중: 시군구 공간 군집 (LISA), 2024",
                        "%", "출처: 행정안전부, 주민등록 인구통계 · 단위: %", "ko")
    assert view.regions["class"].notna().sum() == 247
    assert "유의수준 5%" in view.legend and "고-고 (핫스팟) (46)" in view.legend
    png = cluster_map_png(view, "ko")
    assert png.startswith(b"\x89PNG") and len(png) > 100_000
    assert not math.isnan(found.moran_i)
    svg = cluster_map_svg(view, "ko").decode()
    # every shape drawn with its cluster's colour; text as outlines, so Hangul reads anywhere
    assert svg.count(f"fill: {CLUSTER_COLORS['HH'].lower()}") >= 46 and "<text" not in svg


def test_the_weighted_mean_of_chained_volumes_is_not_called_national(store, catalog):
    real = regional_variable(catalog, "grdp_real_chained2020")
    assert not real.national and regional_variable(catalog, "grdp_nominal").national
    spec = charts.distribution_chart(values_in(store, catalog, real, 2023).dropna(), 2023,
                                     catalog, real, weighted_mean(store, catalog, real, 2023),
                                     "ko").to_dict()
    assert "연쇄가격이라 전국 값과 다름" in " ".join(spec["title"]["subtitle"])
