"""Capital-vs-rest aggregates, checked against sums computed here from the reference tables."""

import math

import pytest

from analysis.coverage import coverage_by_year, latest_complete_year
from analysis.availability import Availability
from analysis.gap import capital_vs_rest, noncapital_shares
from conftest import read_reference

CAPITAL = {"11", "28", "41"}


def reference_noncapital_share(name, indicator, year):
    table = read_reference(name)
    rows = table[(table.indicator == indicator) & (table.year == year)
                 & (table.region_code != "00")]
    rest = rows.loc[~rows.region_code.isin(CAPITAL), "value"].sum()
    return 100 * rest / rows["value"].sum()


@pytest.mark.parametrize("indicator, name, year", [
    ("grdp_nominal", "grdp_sido.csv", 2010), ("grdp_nominal", "grdp_sido.csv", 2020),
    ("grdp_nominal", "grdp_sido.csv", 2023), ("population_total", "population_sido.csv", 2010),
    ("population_15_64", "population_sido.csv", 2024),
    ("employed_persons", "labour_force_sido.csv", 2015),
])
def test_noncapital_share_matches_reference(store, catalog, indicator, name, year):
    computed = noncapital_shares(store, catalog, indicator, [year])[year]
    assert computed == pytest.approx(reference_noncapital_share(name, indicator, year), abs=1e-9)


def test_bundled_series_differs_from_the_plans_older_vintage(store, catalog):
    shares = noncapital_shares(store, catalog, "grdp_nominal", [2010, 2020])
    # 2020 base-year series: close to, but not equal to, the plan's 51.6% / 47.5%.
    assert round(shares[2010], 1) != 51.6 and abs(shares[2010] - 51.6) < 2
    assert round(shares[2020], 1) != 47.5 and abs(shares[2020] - 47.5) < 2


def test_rates_are_rebuilt_from_components_not_summed(store, catalog):
    result = capital_vs_rest(store, catalog, "unemployment_rate").set_index("year")
    labour = read_reference("labour_force_sido.csv").query("year == 2024")
    capital = labour[labour.region_code.isin(CAPITAL)]
    expected = 100 * capital.query("indicator == 'unemployed_persons'")["value"].sum() / \
        capital.query("indicator == 'econ_active_pop'")["value"].sum()
    assert result.loc[2024, "capital"] == pytest.approx(expected)


def test_rates_without_components_and_chain_linked_volumes_are_refused(store, catalog):
    assert isinstance(capital_vs_rest(store, catalog, "employment_rate_15_64"), Availability)
    real = capital_vs_rest(store, catalog, "grdp_real_chained2020")
    assert isinstance(real, Availability) and "do not add up" in real.reason_en


def test_partial_published_series_are_not_summed(store, catalog):
    assert isinstance(capital_vs_rest(store, catalog, "venture_firms"), Availability)


def test_missing_age_groups_in_2022_are_a_gap_not_zero(store, catalog):
    result = capital_vs_rest(store, catalog, "population_15_64")
    assert 2022 not in set(result["year"]) and {2021, 2023} <= set(result["year"])


def test_sejong_before_2012_and_before_compilation_is_not_missing(store):
    grdp = {c.year: c for c in coverage_by_year(store, "grdp_nominal")}
    assert grdp[2011].complete and grdp[2012].complete and grdp[2012].counted_in_parent == ("36",)
    assert grdp[1990].counted_in_parent == () and grdp[1990].complete
    labour = {c.year: c for c in coverage_by_year(store, "employed_persons")}
    assert labour[2016].counted_in_parent == ("36",) and labour[2017].present.count("36") == 1


def test_latest_complete_years(store, catalog):
    assert latest_complete_year(store, "grdp_nominal") == 2023
    assert latest_complete_year(store, "population_15_64") == 2024
    assert latest_complete_year(store, "sme_firms") == 2021
    assert latest_complete_year(store, "venture_firms") is None
    assert not math.isnan(capital_vs_rest(store, catalog, "grdp_nominal")["capital_share"].iloc[-1])
