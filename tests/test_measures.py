"""Map measures (level, per capita, share, growth, index) on the real store, with expected
values computed here from ../shared/data/reference."""

import math

import numpy as np
import pandas as pd
import pytest

from analysis.measure_availability import MEASURES, measure_availability
from analysis.measures import (compute_measure, dissolved_measure, gap_to_reference,
                               measure_series, missing_by_reason, rank_of)
from analysis.years import default_year
from conftest import read_reference

CAPITAL = {"11", "28", "41"}


def ref(name, indicator, year, code=None):
    """Reference rows of one indicator and year, as a Series by region_code."""
    table = read_reference(name)
    rows = table[(table.indicator == indicator) & (table.year == year)]
    series = rows.set_index("region_code")["value"].astype(float)
    return series if code is None else series.loc[code]


def sido(series):
    return series.drop("00", errors="ignore")


def test_level_is_in_the_display_unit(store, catalog):
    result = compute_measure(store, catalog, "grdp_nominal", 2023, "level")
    assert result.unit_ko == "조원" and result.unit_en == "KRW trillion"
    assert result.values.loc["11", "value"] == pytest.approx(
        ref("grdp_sido.csv", "grdp_nominal", 2023, "11") / 1e6)
    assert "잠정치" in result.note_ko  # 2023 GRDP is preliminary


def test_grdp_per_capita_seoul_2023(store, catalog):
    result = compute_measure(store, catalog, "grdp_nominal", 2023, "per_capita")
    grdp = ref("grdp_sido.csv", "grdp_nominal", 2023, "11")            # 백만원
    people = ref("population_sido.csv", "population_total", 2023, "11")
    assert result.unit_ko == "만원/인"
    assert result.values.loc["11", "value"] == pytest.approx(grdp * 100 / people)  # 만원 per person
    capital_grdp = sido(ref("grdp_sido.csv", "grdp_nominal", 2023))[list(CAPITAL)].sum()
    capital_people = ref("population_sido.csv", "population_total", 2023)[list(CAPITAL)].sum()
    assert result.aggregates["capital"] == pytest.approx(capital_grdp * 100 / capital_people)


def test_workers_per_thousand_working_age_people(store, catalog):
    result = compute_measure(store, catalog, "workers_all_industries", 2023, "per_capita")
    workers = ref("establishments_sido.csv", "workers_all_industries", 2023, "26")
    working_age = ref("population_sido.csv", "population_15_64", 2023, "26")
    assert result.unit_ko == "명/생산연령인구 천 명"
    assert result.values.loc["26", "value"] == pytest.approx(1000 * workers / working_age)


def test_share_of_gyeonggi_in_nominal_grdp_2020(store, catalog):
    result = compute_measure(store, catalog, "grdp_nominal", 2020, "share")
    regions = sido(ref("grdp_sido.csv", "grdp_nominal", 2020))
    assert result.values.loc["41", "value"] == pytest.approx(100 * regions["41"] / regions.sum())
    assert result.values["value"].sum() == pytest.approx(100)
    assert result.unit_ko == "%"


def test_cagr_and_total_change_since_base_year(store, catalog):
    result = compute_measure(store, catalog, "grdp_nominal", 2020, "growth", base_year=2010)
    now = ref("grdp_sido.csv", "grdp_nominal", 2020, "11")
    then = ref("grdp_sido.csv", "grdp_nominal", 2010, "11")
    assert result.values.loc["11", "value"] == pytest.approx(100 * ((now / then) ** 0.1 - 1))
    assert result.values.loc["11", "change"] == pytest.approx(100 * (now / then - 1))
    assert result.unit_ko == "%/년"
    assert math.isnan(result.values.loc["36", "value"])  # 세종: no 2010 figure to grow from


def test_growth_of_a_rate_is_a_change_in_percentage_points(store, catalog):
    result = compute_measure(store, catalog, "unemployment_rate", 2024, "growth", base_year=2015)
    expected = (ref("labour_force_sido.csv", "unemployment_rate", 2024, "26")
                - ref("labour_force_sido.csv", "unemployment_rate", 2015, "26"))
    assert result.unit_ko == "%p"
    assert result.values.loc["26", "value"] == pytest.approx(expected)


def test_index_of_a_rate_uses_the_national_rate_rebuilt_from_components(store, catalog):
    result = compute_measure(store, catalog, "unemployment_rate", 2024, "index")
    unemployed = sido(ref("labour_force_sido.csv", "unemployed_persons", 2024))
    active = sido(ref("labour_force_sido.csv", "econ_active_pop", 2024))
    national = 100 * unemployed.sum() / active.sum()
    rate = ref("labour_force_sido.csv", "unemployment_rate", 2024, "27")
    assert result.values.loc["27", "value"] == pytest.approx(100 * rate / national)
    assert result.aggregates["nation"] == pytest.approx(100)


def test_index_of_a_level_is_per_capita_against_national_per_capita(store, catalog):
    result = compute_measure(store, catalog, "grdp_nominal", 2023, "index")
    grdp = sido(ref("grdp_sido.csv", "grdp_nominal", 2023))
    people = ref("population_sido.csv", "population_total", 2023)
    expected = (grdp["50"] / people["50"]) / (grdp.sum() / people.sum()) * 100
    assert result.values.loc["50", "value"] == pytest.approx(expected)
    capital = compute_measure(store, catalog, "grdp_nominal", 2023, "index", reference="capital")
    assert capital.aggregates["capital"] == pytest.approx(100)
    assert capital.unit_ko == "수도권=100"


def test_sigungu_share_uses_the_national_total_of_the_provinces(store, catalog):
    result = compute_measure(store, catalog, "population_total", 2024, "share", level="sigungu")
    gangnam = ref("population_sigungu.csv", "population_total", 2024, "11680")
    nation = ref("population_sido.csv", "population_total", 2024).sum()
    assert result.values.loc["11680", "value"] == pytest.approx(100 * gangnam / nation)


def test_dissolved_capital_region_share(store, catalog):
    result = dissolved_measure(store, catalog, "grdp_nominal", 2023, "share",
                               ("capital", "noncapital"))
    regions = sido(ref("grdp_sido.csv", "grdp_nominal", 2023))
    expected = 100 * regions[list(CAPITAL)].sum() / regions.sum()
    assert result.values.loc["capital", "value"] == pytest.approx(expected)
    gwonyeok = dissolved_measure(store, catalog, "grdp_nominal", 2023, "share",
                                 ("수도권", "충청권", "호남권", "대경권", "동남권", "강원권", "제주권"))
    assert gwonyeok.values["value"].sum() == pytest.approx(100)


def test_comparison_notes_say_what_the_figures_average_over(store, catalog):
    # 시도 map: 수도권 level = its total ÷ its 3 시도 (an average per region).
    level = compute_measure(store, catalog, "grdp_nominal", 2023, "level")
    regions = sido(ref("grdp_sido.csv", "grdp_nominal", 2023))
    per_sido = regions[list(CAPITAL)].sum() / 3 / catalog.loc["grdp_nominal", "display_divisor"]
    assert level.aggregates["capital"] == pytest.approx(per_sido)
    assert level.note_ko.startswith("비교값은 지역당 평균")
    # Dissolved map: 수도권 is one drawn group (its total), the nation the mean of the two
    # groups (total ÷ 2), as the labels say; the note must not claim 'per region'.
    dissolved = dissolved_measure(store, catalog, "grdp_nominal", 2023, "level",
                                  ("capital", "noncapital"))
    total = regions.sum() / catalog.loc["grdp_nominal", "display_divisor"]
    assert dissolved.aggregates["nation"] == pytest.approx(total / 2)
    assert dissolved.aggregates["capital"] == pytest.approx(3 * per_sido)
    assert "지역당" not in dissolved.note_ko and "per region" not in dissolved.note_en
    assert dissolved.note_ko.startswith("비교값은 그려진 묶음당 평균")
    share = dissolved_measure(store, catalog, "grdp_nominal", 2023, "share",
                              ("capital", "noncapital"))
    assert share.aggregates["nation"] == pytest.approx(50)
    assert "per drawn group" in share.note_en


def test_published_rows_keep_their_unit_and_are_converted(store, catalog):
    # sme_firms 2021 is published in 만개 (rounded); the catalog unit is 개, displayed in 만개.
    result = compute_measure(store, catalog, "sme_firms", 2021, "level")
    assert result.values.loc["11", "value"] == pytest.approx(162.5)
    assert result.unit_ko == "만개"


def test_every_region_that_existed_is_listed_and_blank_is_nan_not_zero(store, catalog):
    before = compute_measure(store, catalog, "grdp_nominal", 2010, "level")
    assert len(before.values) == 16 and "36" not in before.values.index   # 세종 from 2012
    first_year = compute_measure(store, catalog, "grdp_nominal", 2012, "level")
    assert len(first_year.values) == 17 and math.isnan(first_year.values.loc["36", "value"])
    reasons = missing_by_reason(store, catalog, "grdp_nominal", 2012, first_year)
    assert reasons == {"counted_in_parent": ["36"]}
    assert (first_year.values["value"].dropna() > 0).all()


def test_partial_published_figures_stay_partial(store, catalog):
    result = compute_measure(store, catalog, "venture_firms", 2023, "level")
    assert result.values["value"].notna().sum() == 8 and len(result.values) == 17
    reasons = missing_by_reason(store, catalog, "venture_firms", 2023, result)
    assert len(reasons["not_in_source"]) == 9


@pytest.mark.parametrize("indicator, year, measure, reason_fragment", [
    ("unemployment_rate", 2024, "share", "합산할 수 없는"),
    ("grdp_real_chained2020", 2023, "share", "합산할 수 없는"),
    ("population_total", 2024, "per_capita", "분모"),
    ("population_total", 2024, "index", "인구 분모가 없음"),
    ("grdp_nominal", 2005, "per_capita", "분모(총인구) 자료가 없음"),
    ("workers_all_industries", 2022, "per_capita", "2022년 분모"),   # age groups missing in 2022
    ("venture_firms", 2023, "index", "인구 분모가 없음"),
    ("rnd_expenditure_share", 2022, "index", "전국 값도 구성요소도 없어"),
    ("sme_firms", 2021, "growth", "앞선 자료 연도가 없어"),
])
def test_measures_that_are_not_meaningful_are_refused_with_a_reason(
        store, catalog, indicator, year, measure, reason_fragment):
    availability = measure_availability(store, catalog, indicator, year, measure)
    assert not availability.available
    assert reason_fragment in availability.reason_ko and availability.reason_en
    with pytest.raises(ValueError):
        compute_measure(store, catalog, indicator, year, measure)


def test_growth_base_year_must_precede_and_have_data(store, catalog):
    assert not measure_availability(store, catalog, "grdp_nominal", 2010, "growth", 2015).available
    assert not measure_availability(store, catalog, "population_total", 2024, "growth", 2000,
                                    level="sigungu").available
    assert measure_availability(store, catalog, "grdp_nominal", 2010, "growth").available


@pytest.mark.parametrize("indicator", ["grdp_nominal", "unemployment_rate", "population_total",
                                       "workers_all_industries", "employment_rate_15_64"])
def test_every_available_measure_computes_for_every_region(store, catalog, indicator):
    year = default_year(store, catalog, indicator)
    for measure in MEASURES:
        if measure_availability(store, catalog, indicator, year, measure).available:
            result = compute_measure(store, catalog, indicator, year, measure)
            assert len(result.values) == 17 and result.values["value"].notna().all()
            assert set(result.aggregates) == {"nation", "capital", "noncapital"}


def test_gap_to_reference_centres_on_the_national_figure(store, catalog):
    result = compute_measure(store, catalog, "grdp_nominal", 2023, "per_capita")
    gap = gap_to_reference(result)
    assert gap.loc["11"] == pytest.approx(result.values.loc["11", "value"]
                                          - result.aggregates["nation"])


def test_rank_is_one_for_the_highest_and_keeps_nan():
    ranks = rank_of(pd.Series([5.0, np.nan, 9.0, 5.0], index=list("abcd")))
    assert ranks["c"] == 1 and ranks["a"] == 2 and ranks["d"] == 2 and math.isnan(ranks["b"])


def test_measure_series_has_every_available_year_and_the_groups(store, catalog):
    series = measure_series(store, catalog, "grdp_nominal", "per_capita")
    assert sorted(series["year"].unique()) == list(range(2008, 2024))  # population from 2008
    groups = series[series["is_group"]]
    assert set(groups["region_code"]) == {"nation", "capital", "noncapital"}
