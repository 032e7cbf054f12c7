"""σ- and β-convergence and the two-indicator scatter, against numpy computations from
../shared/data/reference."""

import math

import numpy as np
import pytest
from scipy import stats

from analysis.availability import why_not
from analysis.convergence import beta_convergence, sigma_series
from analysis.regional_values import regional_variable
from analysis.two_variables import common_years, fitted_ends, scatter
from conftest import read_reference


def per_head(year: int):
    grdp = read_reference("grdp_sido.csv").query(
        "indicator == 'grdp_nominal' and year == @year and region_code != '00'")
    people = read_reference("population_sido.csv").query(
        "indicator == 'population_total' and year == @year and region_code != '00'")
    grdp = grdp.set_index("region_code")["value"]
    return grdp * 100 / people.set_index("region_code")["value"].reindex(grdp.index)


def test_sigma_is_the_spread_of_log_values(store, catalog):
    sigma = sigma_series(store, catalog, regional_variable(catalog, "grdp_nominal")
                         ).set_index("year")
    for year in (2008, 2016, 2023):
        assert sigma.loc[year, "sigma"] == pytest.approx(np.log(per_head(year)).std(ddof=0),
                                                         rel=1e-12)
    assert 2012 not in sigma.index


def test_beta_convergence_matches_least_squares_by_hand(store, catalog):
    first, last = 2013, 2023
    result = beta_convergence(store, catalog, regional_variable(catalog, "grdp_nominal"),
                              first, last)
    start, end = per_head(first), per_head(last).reindex(per_head(first).index)
    x = np.log(start.to_numpy())
    g = (np.log(end.to_numpy()) - x) / (last - first)
    slope, intercept = np.polyfit(x, g, 1)
    residuals = g - (intercept + slope * x)
    n = len(x)
    stderr = math.sqrt(residuals @ residuals / (n - 2) / np.sum((x - x.mean()) ** 2))
    margin = stats.t.ppf(0.975, n - 2) * stderr
    r_squared = 1 - residuals @ residuals / np.sum((g - g.mean()) ** 2)
    assert result.n == n == 17
    assert result.slope == pytest.approx(100 * slope, rel=1e-9)
    assert result.intercept == pytest.approx(100 * intercept, rel=1e-9)
    assert result.ci_low == pytest.approx(100 * (slope - margin), rel=1e-9)
    assert result.ci_high == pytest.approx(100 * (slope + margin), rel=1e-9)
    assert result.r_squared == pytest.approx(r_squared, rel=1e-9)
    speed = -math.log(1 + slope * (last - first)) / (last - first)
    assert result.speed == pytest.approx(100 * speed, rel=1e-9)
    assert result.half_life == pytest.approx(math.log(2) / speed, rel=1e-9)
    assert result.converging and not result.diverging
    assert round(result.slope, 2) == -3.76 and round(result.half_life) == 15


def test_beta_uses_only_provinces_with_both_years(store, catalog):
    result = beta_convergence(store, catalog, regional_variable(catalog, "grdp_nominal"),
                              2008, 2023)
    assert result.n == 16 and "36" not in set(result.points["region_code"])   # 세종 from 2012
    assert not result.converging and not result.diverging   # the interval straddles zero


@pytest.mark.parametrize("first, last, reason", [
    (2023, 2013, "why_beta_order"), (2012, 2023, "why_beta_year"),
    (2013, 2024, "why_beta_year"),
])
def test_beta_periods_that_cannot_be_fitted_say_why(store, catalog, first, last, reason):
    refused = beta_convergence(store, catalog, regional_variable(catalog, "grdp_nominal"),
                               first, last)
    assert refused.reason_key == reason and refused.reason_ko and refused.reason_en


def test_scatter_fit_and_bubble_sizes(store, catalog):
    x, y = regional_variable(catalog, "grdp_nominal"), regional_variable(catalog,
                                                                         "population_65_plus")
    result = scatter(store, catalog, x, y, 2023)
    people = read_reference("population_sido.csv").query("year == 2023 and region_code != '00'")
    older = people.query("indicator == 'population_65_plus'").set_index("region_code")["value"]
    total = people.query("indicator == 'population_total'").set_index("region_code")["value"]
    expected_x = per_head(2023)
    expected_y = (100 * older / total).reindex(expected_x.index)
    fit = np.polyfit(expected_x.to_numpy(), expected_y.to_numpy(), 1)
    assert result.n == 17
    assert result.slope == pytest.approx(fit[0], rel=1e-9)
    assert result.intercept == pytest.approx(fit[1], rel=1e-9)
    assert result.r_squared == pytest.approx(
        np.corrcoef(expected_x, expected_y)[0, 1] ** 2, rel=1e-9)
    frame = result.frame.set_index("region_code")
    assert frame.loc["41", "population"] == total["41"] and frame.loc["11", "is_capital"]
    ends = fitted_ends(result)
    assert list(ends["x"]) == [expected_x.min(), expected_x.max()]


def test_scatter_years_are_those_both_variables_cover(store, catalog):
    x, y = regional_variable(catalog, "grdp_nominal"), regional_variable(catalog,
                                                                         "population_15_64")
    years = common_years(store, catalog, x, y)
    assert years[0] == 2008 and years[-1] == 2023 and 2012 not in years and 2022 not in years
    assert scatter(store, catalog, x, y, 2022) == why_not("why_scatter_year", year=2022)
    assert scatter(store, catalog, x, x, 2023) == why_not("why_scatter_same")
