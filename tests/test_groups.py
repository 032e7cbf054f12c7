"""The aggregation core (analysis.groups): membership, completeness and group values on the
real store, checked against sums computed here from ../shared/data/reference; and the
pages' capital shares, which all come from it, agreeing figure by figure."""

import math

import pytest

from analysis.availability import Availability, why_not
from analysis.compare import gwonyeok_cross_section
from analysis.gap import capital_vs_rest
from analysis.groups import (GroupValues, group_codes, group_of, group_total, group_values,
                             in_group, is_additive, is_rate)
from analysis.measures import dissolved_measure
from analysis.trends import trend
from conftest import read_reference

GWONYEOK = ("수도권", "충청권", "호남권", "대경권", "동남권", "강원권", "제주권")


def reference_sido(name, indicator, year):
    table = read_reference(name)
    rows = table[(table.indicator == indicator) & (table.year == year)
                 & (table.region_code != "00")]
    return rows.set_index("region_code")["value"].astype(float)


def test_membership_of_the_capital_region_and_the_gwonyeok():
    assert group_codes("capital") == {"11", "28", "41"}
    assert len(group_codes("noncapital")) == 14 and len(group_codes("nation")) == 17
    assert group_codes("충청권") == {"30", "36", "43", "44"}
    assert sorted(code for group in GWONYEOK for code in group_codes(group)) == \
        sorted(group_codes("nation"))
    # a 시군구 belongs to the groups of its 시도
    assert list(in_group(["41110", "26110", "11"], "capital")) == [True, False, True]
    assert list(group_of(["41110", "47720", "50"], "gwonyeok")) == ["수도권", "대경권", "제주권"]
    with pytest.raises(ValueError):
        group_codes("서울권")


@pytest.mark.parametrize("indicator, name, year", [
    ("grdp_nominal", "grdp_sido.csv", 2023), ("grdp_nominal", "grdp_sido.csv", 1995),
    ("population_total", "population_sido.csv", 2012),
    ("population_15_64", "population_sido.csv", 2024),
    ("employed_persons", "labour_force_sido.csv", 2020),
])
def test_group_totals_are_sums_of_their_members(store, catalog, indicator, name, year):
    rows = reference_sido(name, indicator, year)
    for group in ("nation", "capital", "noncapital", *GWONYEOK):
        expected = rows[rows.index.isin(group_codes(group))].sum()
        assert group_total(store, catalog, indicator, year, group) == pytest.approx(expected)


def test_a_rate_is_rebuilt_from_its_summed_components(store, catalog):
    rows = {ind: reference_sido("labour_force_sido.csv", ind, 2019)
            for ind in ("employed_persons", "pop_15plus")}
    members = sorted(group_codes("호남권"))
    expected = 100 * rows["employed_persons"][members].sum() / rows["pop_15plus"][members].sum()
    assert group_total(store, catalog, "employment_rate_15plus", 2019, "호남권") == \
        pytest.approx(expected)


def test_no_group_is_summed_from_an_incomplete_cross_section(store, catalog):
    # 부산 missing in 2015: not only the nation and 비수도권 but 수도권 too has no 2015 value,
    # so every group of a year comes from the same complete cross-section.
    holed = store[~((store.indicator == "grdp_nominal") & (store.region_code == "26")
                    & (store.year == 2015))].reset_index(drop=True)
    values = group_values(holed, catalog, "grdp_nominal")
    assert 2015 in values.dropped and 2015 not in values.values.index
    assert math.isnan(group_total(holed, catalog, "grdp_nominal", 2015, "capital"))
    # the published national row is still the nation's figure
    assert group_total(holed, catalog, "grdp_nominal", 2015, "nation") == pytest.approx(
        read_reference("grdp_sido.csv").query(
            "indicator == 'grdp_nominal' and year == 2015 and region_code == '00'")["value"]
        .iloc[0])
    # partial published figures: 수도권 alone is never summed
    assert math.isnan(group_total(store, catalog, "venture_firms", 2023, "capital"))


def test_a_percentage_is_never_summed_even_if_marked_additive(store, catalog):
    marked = catalog.copy()
    marked.loc["unemployment_rate", "additive"] = True      # e.g. a mislabelled import
    entry = marked.loc["unemployment_rate"]
    assert is_rate(entry) and not is_additive(entry)
    rebuilt = group_total(store, marked, "unemployment_rate", 2024, "capital")
    assert rebuilt == pytest.approx(group_total(store, catalog, "unemployment_rate", 2024,
                                                "capital"))
    assert rebuilt < 10   # a rate, not the sum of three rates


@pytest.mark.parametrize("indicator, reason", [
    ("grdp_real_chained2020", "why_volume_not_additive"),
    ("employment_rate_15_64", "why_rate_without_components"),
    ("venture_firms", "why_no_complete_year"),
])
def test_no_group_value_comes_with_its_reason(store, catalog, indicator, reason):
    refused = group_values(store, catalog, indicator)
    assert refused == why_not(reason)
    assert refused.reason_ko and refused.reason_en and refused.reason_ko != refused.reason_en


def test_a_reason_names_its_values_in_each_language():
    refusal = why_not("why_denominator_missing", year=2022, denominator=("총인구", "Total population"))
    assert refusal.reason("ko") == "2022년 분모(총인구) 자료가 없음"
    assert refusal.reason("en") == "the denominator (Total population) has no data for 2022"
    with pytest.raises(KeyError):
        why_not("why_no_such_reason")


def capital_share_figures(store, catalog):
    """(indicator, year) → the 수도권 share of every page that shows one."""
    figures, by_year = {}, {}
    for indicator in catalog.index:
        comparison = capital_vs_rest(store, catalog, indicator)
        if isinstance(comparison, Availability) or "capital_share" not in comparison:
            continue
        shares = trend(store, catalog, indicator, "share").frame
        shares = shares[(shares.series == "capital") & (shares.kind == "computed")]
        by_trend = dict(zip(shares.year, shares.value))
        for year, home in zip(comparison.year, comparison.capital_share):
            dissolved = dissolved_measure(store, catalog, indicator, year, "share",
                                          ("capital", "noncapital"))
            if year not in by_year:
                by_year[year] = gwonyeok_cross_section(store, catalog, year)
            gwonyeok = by_year[year].query(
                "indicator == @indicator and measure == 'share' and region_code == '수도권'")
            figures[(indicator, int(year))] = (home, by_trend[year],
                                               dissolved.values.loc["capital", "value"],
                                               float(gwonyeok["value"].iloc[0]))
    return figures


def test_every_page_shows_the_same_capital_share(store, catalog):
    figures = capital_share_figures(store, catalog)
    assert len(figures) == 242
    for key, (home, trends_page, map_page, compare_page) in figures.items():
        assert trends_page == pytest.approx(home, abs=1e-9), key
        assert map_page == pytest.approx(home, abs=1e-9), key
        assert compare_page == pytest.approx(home, abs=1e-9), key
    rows = reference_sido("grdp_sido.csv", "grdp_nominal", 2023)
    assert figures[("grdp_nominal", 2023)][0] == pytest.approx(
        100 * rows[rows.index.isin({"11", "28", "41"})].sum() / rows.sum())


def test_group_values_are_remembered_per_store(store, catalog):
    first = group_values(store, catalog, "grdp_nominal")
    assert isinstance(first, GroupValues) and group_values(store, catalog, "grdp_nominal") is first
    copy = store.copy()
    assert group_values(copy, catalog, "grdp_nominal") is not first
