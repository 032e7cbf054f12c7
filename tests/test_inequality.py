"""Inequality across the 시도: PySAL's Theil, TheilD and Gini against hand computations on a
small fixture (the decomposition identity to 1e-12), and the real indices against an
independent computation from ../shared/data/reference."""

import math

import numpy as np
import pandas as pd
import pytest

from analysis.availability import why_not
from analysis.inequality import (coefficient_of_variation, indices_of, inequality_series,
                                 theil_decomposition, weighted_theil_decomposition, williamson)
from analysis.regional_values import (complete_years, refused_years, regional_variable,
                                      values_in, weight_availability, weighted_mean)
from conftest import read_reference

CAPITAL = {"11", "28", "41"}
# Six regions in two groups, values chosen so that every part is non-trivial.
FIXTURE = np.array([2.0, 3.0, 7.0, 1.0, 4.0, 5.0])
GROUPS = np.array(["a", "a", "a", "b", "b", "b"])
WEIGHTS = np.array([10.0, 40.0, 5.0, 20.0, 15.0, 10.0])


def hand_theil(y: np.ndarray) -> float:
    """T = (1/n) Σ (y_i/μ) ln(y_i/μ)."""
    ratio = y / y.mean()
    return float(np.mean(ratio * np.log(ratio)))


def hand_split(y: np.ndarray, groups: np.ndarray) -> tuple[float, float]:
    """Between = Σ_g s_g ln(s_g · n / n_g); within = Σ_g s_g T_g, computed on their own."""
    between = within = 0.0
    for group in np.unique(groups):
        members = y[groups == group]
        share = members.sum() / y.sum()
        between += share * math.log(share * len(y) / len(members))
        within += share * hand_theil(members)
    return between, within


def hand_gini(y: np.ndarray) -> float:
    """Mean absolute difference over twice the mean."""
    return float(np.abs(y[:, None] - y[None, :]).sum() / (2 * len(y) ** 2 * y.mean()))


def test_pysal_theil_and_its_split_match_the_hand_computation():
    total, between, within = theil_decomposition(FIXTURE, GROUPS)
    hand_between, hand_within = hand_split(FIXTURE, GROUPS)
    assert total == pytest.approx(hand_theil(FIXTURE), abs=1e-12)
    assert between == pytest.approx(hand_between, abs=1e-12)
    assert within == pytest.approx(hand_within, abs=1e-12)
    assert hand_between + hand_within == pytest.approx(total, abs=1e-12)
    assert 0 < between < total


def test_population_weighted_theil_splits_exactly():
    total, between, within = weighted_theil_decomposition(FIXTURE, WEIGHTS, GROUPS)
    people = WEIGHTS / WEIGHTS.sum()
    mean = np.sum(people * FIXTURE)
    # T_w = Σ p_i (y_i/μ) ln(y_i/μ): each person weighs the same
    assert total == pytest.approx(np.sum(people * FIXTURE / mean * np.log(FIXTURE / mean)),
                                  abs=1e-12)
    assert between + within == pytest.approx(total, abs=1e-12)
    # between part = the Theil of the group means, weighted by the groups' people
    groups = [GROUPS == g for g in ("a", "b")]
    group_people = np.array([people[g].sum() for g in groups])
    group_means = np.array([np.sum(people[g] * FIXTURE[g]) / people[g].sum() for g in groups])
    assert between == pytest.approx(np.sum(group_people * group_means / mean
                                           * np.log(group_means / mean)), abs=1e-12)
    # equal weights give PySAL's unweighted split
    assert weighted_theil_decomposition(FIXTURE, np.ones(6), GROUPS) == pytest.approx(
        theil_decomposition(FIXTURE, GROUPS), abs=1e-12)


def test_gini_cv_williamson_and_max_min_on_the_fixture():
    index = pd.Index(list("uvwxyz"))
    result = indices_of(pd.Series(FIXTURE, index=index), pd.Series(GROUPS, index=index),
                        pd.Series(WEIGHTS, index=index))
    assert result["gini"] == pytest.approx(hand_gini(FIXTURE), abs=1e-12)
    assert result["cv"] == pytest.approx(FIXTURE.std() / FIXTURE.mean(), abs=1e-12)
    shares = WEIGHTS / WEIGHTS.sum()
    mean = np.sum(shares * FIXTURE)
    assert result["williamson"] == pytest.approx(
        math.sqrt(np.sum(shares * (FIXTURE - mean) ** 2)) / mean, abs=1e-12)
    assert result["max_min"] == pytest.approx(7.0) and result["max_region"] == "w"
    assert result["between_share"] == pytest.approx(
        100 * hand_split(FIXTURE, GROUPS)[0] / hand_theil(FIXTURE), abs=1e-9)
    assert coefficient_of_variation(np.full(4, 3.0)) == 0 and williamson(
        np.full(3, 2.0), np.array([1.0, 2.0, 3.0])) == 0


def grdp_per_head(year: int) -> tuple[pd.Series, pd.Series]:
    """GRDP per head (만원) and population of the 시도, from the reference tables."""
    grdp = read_reference("grdp_sido.csv").query(
        "indicator == 'grdp_nominal' and year == @year and region_code != '00'")
    people = read_reference("population_sido.csv").query(
        "indicator == 'population_total' and year == @year and region_code != '00'")
    grdp = grdp.set_index("region_code")["value"]
    people = people.set_index("region_code")["value"].reindex(grdp.index)
    return grdp * 100 / people, people


@pytest.mark.parametrize("year", [2023, 2015, 2010])
def test_grdp_per_head_indices_match_an_independent_computation(store, catalog, year):
    values, people = grdp_per_head(year)
    y = values.to_numpy()
    row = inequality_series(store, catalog, regional_variable(catalog, "grdp_nominal")
                            ).set_index("year").loc[year]
    assert row["n"] == len(values) == (17 if year > 2012 else 16)
    assert row["cv"] == pytest.approx(y.std() / y.mean(), rel=1e-12)
    assert row["gini"] == pytest.approx(hand_gini(y), rel=1e-12)
    assert row["theil"] == pytest.approx(hand_theil(y), rel=1e-12)
    capital = np.array(["capital" if c in CAPITAL else "rest" for c in values.index])
    between, within = hand_split(y, capital)
    assert row["between"] == pytest.approx(between, rel=1e-9)
    assert row["between"] + row["within"] == pytest.approx(row["theil"], abs=1e-12)
    shares = (people / people.sum()).to_numpy()
    mean = np.sum(shares * y)
    assert row["williamson"] == pytest.approx(math.sqrt(np.sum(shares * (y - mean) ** 2)) / mean,
                                              rel=1e-12)
    # the weighted mean is the national GRDP per head
    national = read_reference("grdp_sido.csv").query(
        "indicator == 'grdp_nominal' and year == @year and region_code == '00'")["value"].iloc[0]
    assert weighted_mean(store, catalog, regional_variable(catalog, "grdp_nominal"), year) == \
        pytest.approx(national * 100 / people.sum(), rel=1e-9)
    assert row["max_region"] == values.idxmax() and row["min_region"] == values.idxmin()


def test_capital_split_of_grdp_per_head_in_2023(store, catalog):
    """The page's headline figure: the capital-vs-rest share of regional inequality."""
    values, people = grdp_per_head(2023)
    y, w = values.to_numpy(), people.to_numpy()
    capital = np.array(["capital" if c in CAPITAL else "rest" for c in values.index])
    row = inequality_series(store, catalog, regional_variable(catalog, "grdp_nominal")
                            ).set_index("year").loc[2023]
    between, _ = hand_split(y, capital)
    assert row["between_share"] == pytest.approx(100 * between / hand_theil(y), rel=1e-9)
    assert round(row["between_share"], 2) == 0.04          # each 시도 one observation
    mean = np.sum(w * y) / w.sum()
    income = w * y / np.sum(w * y)
    group_between = sum(
        income[capital == g].sum()
        * math.log(np.sum(w[capital == g] * y[capital == g]) / w[capital == g].sum() / mean)
        for g in ("capital", "rest"))
    total = np.sum(income * np.log(y / mean))
    assert row["between_share_weighted"] == pytest.approx(100 * group_between / total, rel=1e-9)
    assert round(row["between_share_weighted"], 1) == 2.2  # population-weighted


def test_grdp_per_head_is_not_compared_in_2012(store, catalog):
    """2012: GRDP counts 세종 inside 충남, the register lists it separately."""
    variable = regional_variable(catalog, "grdp_nominal")
    refused = refused_years(store, catalog, variable)
    assert refused[2012].reason_key == "why_disparity_division"
    assert "Sejong" in refused[2012].reason_en and "세종" in refused[2012].reason_ko
    assert refused[2005].reason_key == "why_disparity_no_year"   # no population before 2008
    years = complete_years(store, catalog, variable)
    assert years[0] == 2008 and years[-1] == 2023 and 2012 not in years


def test_rates_count_sejong_once_it_is_surveyed(store, catalog):
    variable = regional_variable(catalog, "unemployment_rate")
    assert variable.weight == "econ_active_pop"
    series = inequality_series(store, catalog, variable).set_index("year")
    assert series.loc[2016, "n"] == 16 and series.loc[2017, "n"] == 17
    rates = read_reference("labour_force_sido.csv").query(
        "indicator == 'unemployment_rate' and year == 2024 and region_code != '00'")["value"]
    assert series.loc[2024, "gini"] == pytest.approx(hand_gini(rates.to_numpy()), rel=1e-12)


def test_population_shares_are_age_groups_over_the_register_total(store, catalog):
    variable = regional_variable(catalog, "population_15_64")
    shares = values_in(store, catalog, variable, 2024)
    people = read_reference("population_sido.csv").query("year == 2024 and region_code != '00'")
    part = people.query("indicator == 'population_15_64'").set_index("region_code")["value"]
    whole = people.query("indicator == 'population_total'").set_index("region_code")["value"]
    assert shares["46"] == pytest.approx(100 * part["46"] / whole["46"])
    assert variable.unit_ko == "%" and 2022 not in complete_years(store, catalog, variable)


@pytest.mark.parametrize("indicator, reason", [
    ("population_total", "why_disparity_size"),
    ("employed_persons", "why_disparity_size"),
    ("sme_firms", "why_disparity_published"),
    ("rnd_expenditure_share", "why_disparity_published"),
])
def test_sizes_and_published_quotes_are_not_compared(catalog, indicator, reason):
    assert regional_variable(catalog, indicator) == why_not(reason)


def test_weighted_statistics_need_the_rates_denominator(store, catalog):
    variable = regional_variable(catalog, "employment_rate_15_64")   # components not bundled
    assert weight_availability(store, catalog, variable, 2024) == why_not(
        "why_disparity_no_weights")
    series = inequality_series(store, catalog, variable)
    assert series["williamson"].isna().all() and series["theil_weighted"].isna().all()
    assert series["cv"].notna().all()
    workers = regional_variable(catalog, "workers_all_industries")  # per working-age person
    assert workers.weight == "population_15_64"
    assert 2022 not in complete_years(store, catalog, workers)      # age groups missing in 2022
