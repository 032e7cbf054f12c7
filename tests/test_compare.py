"""Compare-page numbers on the real data, checked against the reference tables, and the
compare charts' specs (titles, units, national-average rule, capital colour)."""

import math

import pytest

from analysis.compare import (gwonyeok_cross_section, ranked, region_profile,
                              regional_cross_section)
from charts.compare import (comparison_chart, comparison_table, profile_heading, profile_panels,
                            ranked_chart)
from charts.theme import CAPITAL_COLOR, NATION_COLOR, NONCAPITAL_COLOR
from conftest import read_reference, walk

CAPITAL = {"11", "28", "41"}
CHUNGCHEONG = {"30", "36", "43", "44"}


def reference(name, indicator, year):
    table = read_reference(name)
    return table[(table.indicator == indicator) & (table.year == year)
                 & (table.region_code != "00")].set_index("region_code")["value"]


def cell(frame, indicator, code, measure):
    rows = frame[(frame.indicator == indicator) & (frame.region_code == code)
                 & (frame.measure == measure)]
    assert len(rows) == 1, (indicator, code, measure)
    return rows.iloc[0]


@pytest.fixture(scope="module")
def regions_2020(store, catalog):
    return regional_cross_section(store, catalog, 2020)


@pytest.fixture(scope="module")
def gwonyeok_2020(store, catalog):
    return gwonyeok_cross_section(store, catalog, 2020)


# --- a year's cross-section -------------------------------------------------------------

def test_values_shares_and_ranks_match_reference(regions_2020):
    grdp = reference("grdp_sido.csv", "grdp_nominal", 2020)
    level = cell(regions_2020, "grdp_nominal", "26", "level")["value"]
    assert level == pytest.approx(grdp["26"] / 1e6)
    assert cell(regions_2020, "grdp_nominal", "26", "share")["value"] == pytest.approx(
        100 * grdp["26"] / grdp.sum())
    order = grdp.sort_values(ascending=False).index
    for position, code in enumerate(order, start=1):
        rank = cell(regions_2020, "grdp_nominal", code, "rank")
        assert rank["value"] == position and rank["ranked_of"] == 17


def test_per_capita_uses_the_same_years_population(regions_2020):
    grdp = reference("grdp_sido.csv", "grdp_nominal", 2020)
    people = reference("population_sido.csv", "population_total", 2020)
    per_head = cell(regions_2020, "grdp_nominal", "26", "per_capita")
    assert per_head["value"] == pytest.approx(grdp["26"] * 1e6 / people["26"] / 1e4)  # 만원
    assert per_head["unit_ko"] == "만원/인"
    national = grdp.sum() / people.sum()
    assert cell(regions_2020, "grdp_nominal", "26", "index")["value"] == pytest.approx(
        100 * (grdp["26"] / people["26"]) / national)


def test_rates_are_not_shared_out(regions_2020):
    measures = set(regions_2020[regions_2020.indicator == "unemployment_rate"]["measure"])
    assert "share" not in measures and {"level", "rank", "index"} <= measures


def test_gwonyeok_are_sums_shares_and_per_head_of_their_provinces(gwonyeok_2020):
    grdp = reference("grdp_sido.csv", "grdp_nominal", 2020)
    people = reference("population_sido.csv", "population_total", 2020)
    capital = grdp[grdp.index.isin(CAPITAL)].sum()
    level = cell(gwonyeok_2020, "grdp_nominal", "수도권", "level")["value"]
    assert level == pytest.approx(capital / 1e6)
    assert cell(gwonyeok_2020, "grdp_nominal", "수도권", "share")["value"] == pytest.approx(
        100 * capital / grdp.sum())
    assert cell(gwonyeok_2020, "grdp_nominal", "수도권", "per_capita")["value"] == pytest.approx(
        capital * 1e6 / people[people.index.isin(CAPITAL)].sum() / 1e4)
    assert cell(gwonyeok_2020, "grdp_nominal", "수도권", "rank")["ranked_of"] == 7
    shares = gwonyeok_2020.query("indicator == 'population_total' and measure == 'share'")
    assert shares["value"].sum() == pytest.approx(100)


def test_gwonyeok_rates_are_rebuilt_from_components(gwonyeok_2020):
    labour = read_reference("labour_force_sido.csv").query("year == 2020")
    part = labour[labour.region_code.isin(CHUNGCHEONG)]
    expected = 100 * part.query("indicator == 'unemployed_persons'")["value"].sum() / \
        part.query("indicator == 'econ_active_pop'")["value"].sum()
    rate = cell(gwonyeok_2020, "unemployment_rate", "충청권", "level")["value"]
    assert rate == pytest.approx(expected)


# --- one indicator ranked -------------------------------------------------------------------

def test_ranked_per_capita_with_national_average_per_head(store, catalog):
    grdp = reference("grdp_sido.csv", "grdp_nominal", 2020)
    people = reference("population_sido.csv", "population_total", 2020)
    result = ranked(store, catalog, "grdp_nominal", 2020, "per_capita")
    assert list(result.frame["rank"]) == sorted(result.frame["rank"])
    assert result.frame["value"].is_monotonic_decreasing
    assert result.national_average == pytest.approx(grdp.sum() * 1e6 / people.sum() / 1e4)
    assert set(result.frame.loc[result.frame.is_capital, "region_code"]) == CAPITAL
    assert "1인당" in result.basis_ko


def test_ranked_level_average_is_per_province(store, catalog):
    grdp = reference("grdp_sido.csv", "grdp_nominal", 2020)
    result = ranked(store, catalog, "grdp_nominal", 2020, "level")
    assert result.national_average == pytest.approx(grdp.sum() / 17 / 1e6)
    assert "시도당" in result.basis_ko


def test_ranked_rate_average_is_rebuilt(store, catalog):
    labour = read_reference("labour_force_sido.csv").query("year == 2020 and region_code != '00'")
    expected = 100 * labour.query("indicator == 'unemployed_persons'")["value"].sum() / \
        labour.query("indicator == 'econ_active_pop'")["value"].sum()
    result = ranked(store, catalog, "unemployment_rate", 2020, "level")
    assert result.national_average == pytest.approx(expected)


# --- one region over time ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def busan(store, catalog):
    return region_profile(store, catalog, "26").set_index(["indicator", "series", "year"])["value"]


def test_profile_per_capita_averages(busan):
    grdp = reference("grdp_sido.csv", "grdp_nominal", 2015)
    people = reference("population_sido.csv", "population_total", 2015)
    rest = ~grdp.index.isin(CAPITAL)
    assert busan[("grdp_nominal", "nation", 2015)] == pytest.approx(
        grdp.sum() * 1e6 / people.sum() / 1e4)
    assert busan[("grdp_nominal", "noncapital", 2015)] == pytest.approx(
        grdp[rest].sum() * 1e6 / people[~people.index.isin(CAPITAL)].sum() / 1e4)
    assert busan[("grdp_nominal", "region", 2015)] == pytest.approx(
        grdp["26"] * 1e6 / people["26"] / 1e4)


def test_profile_counts_average_per_province(busan):
    for year, provinces in ((2010, 16), (2015, 17)):
        people = reference("population_sido.csv", "population_total", year)
        assert len(people) == provinces
        assert busan[("population_total", "nation", year)] == pytest.approx(
            people.sum() / provinces / 1e4)
        rest = people[~people.index.isin(CAPITAL)]
        assert busan[("population_total", "noncapital", year)] == pytest.approx(
            rest.sum() / len(rest) / 1e4)


def test_profile_rates_rebuilt_and_uncomponented_rates_have_no_rest_average(busan):
    labour = read_reference("labour_force_sido.csv").query("year == 2010 and region_code != '00'")
    rest = labour[~labour.region_code.isin(CAPITAL)]
    expected = 100 * rest.query("indicator == 'unemployed_persons'")["value"].sum() / \
        rest.query("indicator == 'econ_active_pop'")["value"].sum()
    assert busan[("unemployment_rate", "noncapital", 2010)] == pytest.approx(expected)
    series = set(busan.loc["employment_rate_15_64"].index.get_level_values("series"))
    assert series == {"region", "nation"}


def test_profile_gap_years_are_empty_not_bridged(busan):
    assert math.isnan(busan[("population_15_64", "region", 2022)])


# --- chart specs -----------------------------------------------------------------------------

def test_comparison_table_and_chart(regions_2020, catalog):
    codes = ["11", "26", "30"]
    table = comparison_table(regions_2020, codes, catalog, "ko")
    assert list(table.columns) == ["지표", "지역", "값", "1인당", "순위(높은 순)", "전국 대비 비중",
                                   "전국 평균 = 100", "출처"]
    first = table.iloc[0]
    assert first["지표"] == "지역내총생산(명목)" and first["지역"] == "서울"
    assert first["값"].endswith("조원") and first["순위(높은 순)"].startswith("17개 중")
    spec = comparison_chart(regions_2020, codes, "regions", catalog, 2020, "ko").to_dict()
    assert spec["title"]["text"] == "2020년 선택 지역 비교: 전국 평균 = 100"
    assert any(line.startswith("출처:") for line in spec["title"]["subtitle"])
    colours = next(d["scale"]["range"] for d in walk(spec) if d.get("field") == "label"
                   and "scale" in d)
    assert colours[0] == CAPITAL_COLOR and colours[1] == NONCAPITAL_COLOR
    assert any(d.get("bind") == "legend" for d in walk(spec))


def test_ranked_chart_marks_capital_and_average(store, catalog):
    result = ranked(store, catalog, "grdp_nominal", 2020, "per_capita")
    spec = ranked_chart(result, catalog.loc["grdp_nominal"], "per_capita", 2020, "en").to_dict()
    assert spec["title"]["text"] == "GRDP (nominal), 2020: provinces ranked (per head)"
    titles = {d["title"] for d in walk(spec) if isinstance(d.get("title"), str)}
    assert "GRDP (nominal) — per head (KRW 10k per person)" in titles
    rules = [d for d in walk(spec) if isinstance(d.get("mark"), dict)
             and d["mark"].get("type") == "rule"]
    assert rules and rules[0]["mark"]["color"] == NATION_COLOR
    scale = next(d["scale"] for d in walk(spec) if d.get("field") == "group" and "scale" in d)
    assert scale["range"] == [CAPITAL_COLOR, NONCAPITAL_COLOR]
    assert any("National average" in line for line in spec["title"]["subtitle"])


def test_profile_panels_have_own_axes_and_named_lines(store, catalog):
    profile = region_profile(store, catalog, "11")
    title, notes = profile_heading(profile, "11", catalog, "ko")
    assert title.startswith("서울") and any(n.startswith("출처:") for n in notes)
    panels = [panel.to_dict() for panel in profile_panels(profile, "11", catalog, "ko")]
    headings = [" ".join(p["title"]["text"]) for p in panels]
    assert "지역내총생산(명목) (만원/인)" in headings
    assert len(panels) == profile["indicator"].nunique()
    domains = [next(d["scale"]["domain"] for d in walk(p) if d.get("field") == "value"
                    and "domain" in d.get("scale", {})) for p in panels]
    assert len({tuple(d) for d in domains}) > 1, "every panel has its own y axis"
    for panel in panels:
        named = {r["label"] for data in panel["datasets"].values() for r in data
                 if r.get("kind") == "end_label"}
        assert "서울" in named and "전국 평균" in named
        assert panel["padding"]["right"] > 40, "room for the names beside the plot"


def test_comparison_colours_are_distinct_and_warm_for_the_capital(regions_2020, catalog):
    codes = ["11", "41", "26", "29", "42"]
    spec = comparison_chart(regions_2020, codes, "regions", catalog, 2020, "en").to_dict()
    colours = next(d["scale"]["range"] for d in walk(spec) if d.get("field") == "label"
                   and "scale" in d)
    assert len(set(colours)) == 5
    assert colours[:2] == [CAPITAL_COLOR, "#E69F00"] and colours[2] == NONCAPITAL_COLOR
    labels = {row.get("axis_name") for data in spec["datasets"].values() for row in data}
    assert "Employment rate\n(15–64)" in labels and "Employment rate\n(15+)" in labels
