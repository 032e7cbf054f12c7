"""Trend series on the real data, checked against sums computed here from the reference
tables; and the trend chart's spec (title, axes with units, source, palette, legend)."""

import pytest

from analysis.availability import Availability
from analysis.trends import (Trend, index_base_years, series_breaks, trend,
                             trend_availability, within)
from charts.line_labels import LINE_HEIGHT
from charts.theme import CAPITAL_COLOR, CAPITAL_PALETTE, NONCAPITAL_COLOR, NONCAPITAL_PALETTE
from charts.trends import HEIGHT, chart_data, trend_chart
from loaders import region_table
from conftest import read_reference, walk

CAPITAL = {"11", "28", "41"}
GWONYEOK = {"수도권": {"11", "28", "41"}, "충청권": {"30", "36", "43", "44"},
            "호남권": {"29", "45", "46"}, "대경권": {"27", "47"}, "동남권": {"26", "31", "48"},
            "강원권": {"42"}, "제주권": {"50"}}


def reference_rows(name, indicator, year):
    table = read_reference(name)
    return table[(table.indicator == indicator) & (table.year == year)
                 & (table.region_code != "00")].set_index("region_code")["value"]


def value_at(result: Trend, series: str, year: int) -> float:
    rows = result.frame[(result.frame.series == series) & (result.frame.year == year)]
    assert len(rows) == 1, (series, year, rows)
    return float(rows["value"].iloc[0])


# --- capital vs rest --------------------------------------------------------------------

@pytest.mark.parametrize("indicator, name, year", [
    ("grdp_nominal", "grdp_sido.csv", 2010), ("grdp_nominal", "grdp_sido.csv", 2015),
    ("grdp_nominal", "grdp_sido.csv", 2020), ("population_total", "population_sido.csv", 2008),
    ("population_total", "population_sido.csv", 2012),
    ("population_total", "population_sido.csv", 2024),
    ("population_15_64", "population_sido.csv", 2015),
    ("employed_persons", "labour_force_sido.csv", 2019),
])
def test_noncapital_share_matches_reference(store, catalog, indicator, name, year):
    rows = reference_rows(name, indicator, year)
    expected = 100 * rows[~rows.index.isin(CAPITAL)].sum() / rows.sum()
    result = trend(store, catalog, indicator, "share")
    assert value_at(result, "noncapital", year) == pytest.approx(expected, abs=1e-9)
    assert value_at(result, "capital", year) == pytest.approx(100 - expected, abs=1e-9)
    assert result.unit_ko == "%"


def test_levels_are_sums_in_the_display_unit(store, catalog):
    rows = reference_rows("grdp_sido.csv", "grdp_nominal", 2020)
    result = trend(store, catalog, "grdp_nominal", "level")
    capital = rows[rows.index.isin(CAPITAL)].sum()
    assert value_at(result, "capital", 2020) == pytest.approx(capital / 1e6)
    assert result.unit_ko == "조원" and result.unit_en == "KRW trillion"


def test_gap_is_the_ratio_for_sizes_and_the_difference_for_rates(store, catalog):
    rows = reference_rows("grdp_sido.csv", "grdp_nominal", 2015)
    capital, rest = rows[rows.index.isin(CAPITAL)].sum(), rows[~rows.index.isin(CAPITAL)].sum()
    ratio = trend(store, catalog, "grdp_nominal", "gap")
    assert value_at(ratio, "gap", 2015) == pytest.approx(capital / rest)
    assert ratio.unit_ko == "배"
    labour = read_reference("labour_force_sido.csv").query("year == 2020 and region_code != '00'")
    parts = {ind: labour[labour.indicator == ind].set_index("region_code")["value"]
             for ind in ("unemployed_persons", "econ_active_pop")}
    def rate(codes):
        unemployed, active = parts["unemployed_persons"], parts["econ_active_pop"]
        return 100 * unemployed[codes].sum() / active[codes].sum()
    capital_codes = sorted(CAPITAL)
    rest_codes = sorted(set(parts["econ_active_pop"].index) - CAPITAL)
    difference = trend(store, catalog, "unemployment_rate", "gap")
    expected = rate(capital_codes) - rate(rest_codes)
    assert value_at(difference, "gap", 2020) == pytest.approx(expected)
    assert difference.unit_ko == "%p"


def test_index_is_100_in_the_base_year(store, catalog):
    rows = {y: reference_rows("population_sido.csv", "population_15_64", y) for y in (2010, 2020)}
    result = trend(store, catalog, "population_15_64", "index", base_year=2010)
    assert result.base_year == 2010
    for series in ("capital", "noncapital", "nation"):
        assert value_at(result, series, 2010) == pytest.approx(100)
    rest = {y: r[~r.index.isin(CAPITAL)].sum() for y, r in rows.items()}
    assert value_at(result, "noncapital", 2020) == pytest.approx(100 * rest[2020] / rest[2010])


def test_an_unusable_base_year_falls_back_to_the_earliest(store, catalog):
    result = trend(store, catalog, "population_15_64", "index", base_year=1990)
    assert result.base_year == 2008


def test_rates_are_never_summed_shared_or_indexed(store, catalog):
    offered = trend_availability(store, catalog, "unemployment_rate", "groups")
    assert offered["level"].available and offered["gap"].available
    assert not offered["share"].available and not offered["index"].available
    assert offered["share"].reason_ko and offered["index"].reason_en


def test_chain_linked_volumes_get_no_aggregate_but_do_get_regions(store, catalog):
    groups = trend_availability(store, catalog, "grdp_real_chained2020", "groups")
    assert not any(a.available for a in groups.values())
    assert isinstance(trend(store, catalog, "grdp_real_chained2020", "level"), Availability)
    regions = trend_availability(store, catalog, "grdp_real_chained2020", "regions")
    assert regions["level"].available and regions["index"].available


# --- 권역 and 시도 -----------------------------------------------------------------------

@pytest.mark.parametrize("year", [2000, 2013, 2020])
def test_gwonyeok_levels_are_sums_of_their_provinces(store, catalog, year):
    rows = reference_rows("grdp_sido.csv", "grdp_nominal", year)
    result = trend(store, catalog, "grdp_nominal", "level", view="gwonyeok")
    for group, codes in GWONYEOK.items():
        expected = rows[rows.index.isin(codes)].sum() / 1e6
        assert value_at(result, group, year) == pytest.approx(expected)


def test_gwonyeok_rates_are_rebuilt_from_components(store, catalog):
    labour = read_reference("labour_force_sido.csv").query("year == 2018")
    codes = GWONYEOK["충청권"]
    part = labour[labour.region_code.isin(codes)]
    expected = 100 * part.query("indicator == 'employed_persons'")["value"].sum() / \
        part.query("indicator == 'pop_15plus'")["value"].sum()
    result = trend(store, catalog, "employment_rate_15plus", "level", view="gwonyeok")
    assert value_at(result, "충청권", 2018) == pytest.approx(expected)


def test_gwonyeok_shares_add_up_to_100(store, catalog):
    result = trend(store, catalog, "population_total", "share", view="gwonyeok")
    totals = result.frame.groupby("year")["value"].sum()
    assert totals.to_numpy() == pytest.approx([100] * len(totals))


def test_region_series_and_shares(store, catalog):
    rows = reference_rows("population_sido.csv", "population_total", 2016)
    levels = trend(store, catalog, "population_total", "level", view="regions",
                   regions=("11", "26"))
    assert set(levels.frame["series"]) == {"11", "26"}
    assert value_at(levels, "26", 2016) == pytest.approx(rows["26"] / 1e4)
    shares = trend(store, catalog, "population_total", "share", view="regions")
    assert value_at(shares, "26", 2016) == pytest.approx(100 * rows["26"] / rows.sum())


def test_regions_without_a_base_year_value_are_named_not_rebased(store, catalog):
    result = trend(store, catalog, "grdp_nominal", "index", view="regions", base_year=2000)
    assert "36" in result.unindexed and "36" not in set(result.frame["series"])
    assert value_at(result, "11", 2000) == pytest.approx(100)


# --- missing years: dropped with a note or drawn as gaps, never summed short ------------------

def test_a_year_with_a_missing_province_is_dropped_not_summed_short(store, catalog):
    holed = store[~((store.indicator == "grdp_nominal") & (store.region_code == "48")
                    & (store.year == 2015))].reset_index(drop=True)
    result = trend(holed, catalog, "grdp_nominal", "level")
    assert result.dropped_years == (2015,)
    values = result.frame[result.frame.year == 2015]["value"]
    assert values.isna().all() and len(values) == 2  # a gap in both lines
    assert 2015 not in index_base_years(result.frame)


def test_years_without_any_data_are_gaps(store, catalog):
    result = trend(store, catalog, "population_15_64", "level")
    assert result.gap_years == (2022,)
    assert result.frame[result.frame.year == 2022]["value"].isna().all()


def test_scattered_published_figures_are_not_summed(store, catalog):
    result = trend(store, catalog, "venture_firms", "level")
    assert set(result.frame["kind"]) == {"published"}
    assert result.dropped_years == (2010, 2017, 2020, 2023)
    assert not trend_availability(store, catalog, "venture_firms", "groups")["share"].available


# --- published series ------------------------------------------------------------------------

def test_published_group_rows_are_their_own_series(store, catalog):
    result = trend(store, catalog, "rnd_expenditure_share", "level")
    published = result.frame.set_index(["series", "year"])
    assert published.loc[("CAP", 2018), "value"] == pytest.approx(69.8)
    assert published.loc[("NONCAP", 2020), "value"] == pytest.approx(30.8)
    assert (result.frame["kind"] == "published").all()


def test_published_rows_are_rescaled_from_their_own_unit(store, catalog):
    result = trend(store, catalog, "sme_firms", "level")
    cap_2019 = result.frame.query("series == 'CAP' and year == 2019").iloc[0]
    assert cap_2019["value"] == pytest.approx(353.4)  # 3,534 천개 = 353.4 만개
    assert cap_2019["published_unit"] == "천개" and cap_2019["published_value"] == 3534
    computed = result.frame.query("kind == 'computed' and year == 2021")
    assert set(computed["series"]) == {"capital", "noncapital"}  # every 시도 published in 2021


# --- breaks ----------------------------------------------------------------------------------

def test_breaks_come_from_the_data_and_the_catalog(store, catalog):
    grdp = {(b.year, b.kind) for b in series_breaks(store, catalog, "grdp_nominal")}
    assert {(1998, "new_region"), (2013, "new_region"), (2020, "base_year"),
            (2023, "preliminary")} <= grdp
    population = {(b.year, b.kind) for b in series_breaks(store, catalog, "population_total")}
    assert population == {(2012, "new_region")}
    labour = {(b.year, b.kind) for b in series_breaks(store, catalog, "employed_persons")}
    assert labour == {(2017, "new_region")}


def test_new_province_breaks_only_annotate_the_province_view(store, catalog):
    groups = trend(store, catalog, "grdp_nominal", "level")
    assert {b.kind for b in groups.breaks} == {"base_year", "preliminary"}
    regions = trend(store, catalog, "grdp_nominal", "level", view="regions")
    assert "new_region" in {b.kind for b in regions.breaks}


def test_within_restricts_years_and_notes(store, catalog):
    result = within(trend(store, catalog, "population_15_64", "level"), (2010, 2020))
    assert result.frame["year"].between(2010, 2020).all() and result.gap_years == ()


# --- the chart spec ----------------------------------------------------------------------------

def spec_of(store, catalog, indicator, measure, view="groups", lang="ko", **options):
    result = trend(store, catalog, indicator, measure, view)
    return trend_chart(result, catalog.loc[indicator], lang, **options).to_dict()


def test_chart_has_title_axes_with_units_and_source(store, catalog):
    spec = spec_of(store, catalog, "grdp_nominal", "share")
    assert spec["title"]["text"].startswith("지역내총생산(명목): 수도권 vs 비수도권")
    assert any("DT_1C81" in line for line in spec["title"]["subtitle"])
    titles = {d["title"] for d in walk(spec) if isinstance(d.get("title"), str)}
    assert "전국 대비 비중 (%)" in titles and "연도" in titles


def test_chart_palette_and_interactive_labels(store, catalog):
    spec = spec_of(store, catalog, "grdp_nominal", "level")
    scales = [d["scale"] for d in walk(spec) if d.get("field") == "label" and "scale" in d]
    assert scales and scales[0]["domain"][:2] == ["수도권", "비수도권"]
    assert scales[0]["range"][:2] == [CAPITAL_COLOR, NONCAPITAL_COLOR]
    params = [d for d in walk(spec) if isinstance(d.get("select"), dict)]
    assert params and params[0]["select"]["fields"] == ["label"]   # a click on a name
    rows = [r for data in spec["datasets"].values() for r in data]
    named = {r["label"] for r in rows if r.get("kind") == "end_label"}
    assert named == {"수도권", "비수도권"}, "lines are named at their ends, not in a legend"
    tooltips = [d["field"] for d in walk(spec) if d.get("field") == "value_text"]
    assert tooltips, "tooltips show the formatted value with its unit"
    dataset = next(iter(spec["datasets"].values()))
    assert any(row["value_text"].endswith("조원") for row in dataset if row["value_text"])


def test_chart_marks_published_points_and_breaks(store, catalog):
    spec = spec_of(store, catalog, "rnd_expenditure_share", "level")
    marks = [d["mark"] for d in walk(spec) if isinstance(d.get("mark"), dict)]
    assert any(m.get("shape") == "diamond" for m in marks)
    named = {r["label"] for data in spec["datasets"].values() for r in data
             if r.get("kind") == "end_label"}
    assert named == {"수도권 (공표치)", "비수도권 (공표치)"}   # which diamonds are which
    grdp = spec_of(store, catalog, "grdp_nominal", "level")
    assert any(m.get("type") == "rule" for m in (d["mark"] for d in walk(grdp)
                                                  if isinstance(d.get("mark"), dict)))
    labels = {row.get("break_label") for data in grdp["datasets"].values() for row in data}
    assert "2023 잠정치" in labels


def test_chart_in_english_and_as_small_multiples(store, catalog):
    spec = spec_of(store, catalog, "population_total", "level", view="regions", lang="en",
                   small_multiples=True, shared_y=False)
    assert spec["title"]["text"] == "Total population: by province — level"
    assert spec["facet"]["field"] == "label" and spec["resolve"]["scale"]["y"] == "independent"
    shared = spec_of(store, catalog, "population_total", "level", view="regions",
                     small_multiples=True, shared_y=True)
    assert shared["resolve"]["scale"]["y"] == "shared"
    dataset = next(d for d in spec["datasets"].values() if "label" in d[0])
    assert "Seoul" in {row["label"] for row in dataset}


def test_index_chart_says_its_base_year(store, catalog):
    result = trend(store, catalog, "employed_persons", "index", base_year=2005)
    spec = trend_chart(result, catalog.loc["employed_persons"], "ko").to_dict()
    titles = {d["title"] for d in walk(spec) if isinstance(d.get("title"), str)}
    assert "지수 (2005년 = 100)" in titles


def catalog_indicators():
    from loaders import load_catalog
    return list(load_catalog().index)


@pytest.mark.parametrize("indicator", catalog_indicators())
def test_every_view_and_measure_builds_a_chart_or_says_why_not(store, catalog, indicator):
    for view in ("groups", "gwonyeok", "regions"):
        for measure, offered in trend_availability(store, catalog, indicator, view).items():
            if not offered.available:
                assert offered.reason_ko and offered.reason_en
                continue
            result = trend(store, catalog, indicator, measure, view)
            assert isinstance(result, Trend), (indicator, view, measure)
            chart = trend_chart(result, catalog.loc[indicator], "ko")
            title = chart.to_dict(validate=False)["title"]["text"]
            assert title.startswith(catalog.loc[indicator, "name_ko"])


# --- telling lines apart, and reading them right ---------------------------------------------

def _rows(spec, kind):
    return [r for data in spec["datasets"].values() for r in data if r.get("kind") == kind]


def test_chosen_provinces_each_get_their_own_colour(store, catalog):
    result = trend(store, catalog, "grdp_nominal", "level", "regions",
                   regions=("11", "41", "26", "29", "42"))
    spec = trend_chart(result, catalog.loc["grdp_nominal"], "ko").to_dict()
    scale = next(d["scale"] for d in walk(spec) if d.get("field") == "label" and "scale" in d
                 and len(d["scale"].get("range", [])) == 5 and "#" in str(d["scale"]["range"]))
    colours = dict(zip(scale["domain"], scale["range"]))
    assert len(set(colours.values())) == 5
    assert colours["서울"] == CAPITAL_COLOR and colours["경기"] in CAPITAL_PALETTE   # warm
    assert {colours[n] for n in ("부산", "광주", "강원")} <= set(NONCAPITAL_PALETTE)  # cool


def test_more_provinces_than_colours_repeat_them_dashed(store, catalog):
    result = trend(store, catalog, "population_total", "share", "regions")
    spec = trend_chart(result, catalog.loc["population_total"], "en").to_dict()
    dash = next(d["scale"] for d in walk(spec) if d.get("field") == "label"
                and "scale" in d and any(r != [1, 0] for r in d["scale"]["range"]
                                         if isinstance(r, list)))
    colours = next(d["scale"] for d in walk(spec) if d.get("field") == "label" and "scale" in d
                   and all(isinstance(r, str) for r in d["scale"]["range"]))
    styles = set(zip(colours["range"], map(tuple, dash["range"])))
    assert len(styles) == 17, "no two of the 17 lines look the same"


def test_every_line_is_named_at_its_end_without_overlap(store, catalog):
    result = trend(store, catalog, "population_total", "share", "regions")
    spec = trend_chart(result, catalog.loc["population_total"], "ko").to_dict()
    labels = _rows(spec, "end_label")
    assert {r["label"] for r in labels} == set(region_table()["short_ko"])
    low, high = next(d["scale"]["domain"] for d in walk(spec) if d.get("field") == "value"
                     and "domain" in d.get("scale", {}))
    pixels = sorted(HEIGHT * (high - r["label_value"]) / (high - low) for r in labels)
    assert min(b - a for a, b in zip(pixels, pixels[1:])) >= LINE_HEIGHT - 0.01
    assert 0 <= pixels[0] and pixels[-1] <= HEIGHT
    assert spec["padding"]["right"] >= 15 + 11 * 2, "the names fit inside the chart's width"


def test_break_labels_sit_above_the_plot_where_no_line_crosses_them(store, catalog):
    spec = spec_of(store, catalog, "grdp_nominal", "level")
    offsets = [d["y"]["value"] for d in walk(spec) if isinstance(d.get("y"), dict)
               and isinstance(d["y"].get("value"), (int, float))]
    assert offsets and all(value < 0 for value in offsets)
    assert "2023 잠정치" in {r["break_label"] for r in _rows(spec, "break")}


def test_missing_2022_age_groups_are_banded_and_explained(store, catalog):
    for view in ("groups", "regions"):
        result = trend(store, catalog, "population_15_64", "level", view)
        spec = trend_chart(result, catalog.loc["population_15_64"], "ko").to_dict()
        band = _rows(spec, "gap_band")
        assert [(r["year"], r["year_end"]) for r in band] == [(2021, 2023)], view
        assert band[0]["break_label"] == "2022 자료 없음"
        subtitle = " ".join(spec["title"]["subtitle"])
        assert "2022년 선이 끊긴 이유: 2022년 연령별 인구는 원자료에 없음" in subtitle, view
    english = trend_chart(trend(store, catalog, "population_15_64", "level"),
                          catalog.loc["population_15_64"], "en").to_dict()
    assert "Gap in 2022: the source has no 2022 age groups" in " ".join(
        english["title"]["subtitle"])


def test_tooltips_and_tables_cite_publishers_not_mirrors(store, catalog):
    result = trend(store, catalog, "rnd_expenditure_share", "level")
    data = chart_data(result, catalog.loc["rnd_expenditure_share"], "en")
    assert not data["source"].str.contains("http|github", case=False).any()
    assert "Joint ministries, Plan to promote the innovative growth of regional SMEs" in \
        " ".join(data["source"])
    computed = chart_data(trend(store, catalog, "grdp_nominal", "share"),
                          catalog.loc["grdp_nominal"], "ko")
    assert set(computed["source"]) == {"통계청, 지역소득 (KOSIS 101/DT_1C81)"}
