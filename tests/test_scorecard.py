"""The plan's ten panels: shares from the reference tables, published figures kept as
published, derived ones labelled, and every unsupported panel naming its source."""

import pytest
from streamlit.testing.v1 import AppTest

from analysis.scorecard import PANELS, scorecard
from charts.scorecard import latest_text, panel_chart
from charts.theme import CAPITAL_COLOR, NONCAPITAL_COLOR
from conftest import ROOT, read_reference, walk
from visible_text import chart_images

CAPITAL = {"11", "28", "41"}


@pytest.fixture(scope="module")
def panels(store, catalog):
    return {panel.spec.key: panel for panel in scorecard(store, catalog)}


def reference_share(name, indicator, year):
    table = read_reference(name)
    rows = table[(table.indicator == indicator) & (table.year == year)
                 & (table.region_code != "00")]
    return 100 * rows[rows.region_code.isin(CAPITAL)]["value"].sum() / rows["value"].sum()


def method(panel, year, group):
    rows = panel.series[(panel.series.year == year) & (panel.series.group == group)]
    return rows["method"].iloc[0]


def test_all_ten_panels_in_the_plans_order(panels):
    assert list(panels) == ["working_age", "grdp", "rnd_expenditure", "rnd_personnel",
                            "sme_firms", "sme_employees", "sme_exports", "research_institutes",
                            "venture_firms", "venture_investment"]
    assert len(PANELS) == 10


def test_no_panel_is_left_out_silently(panels):
    for panel in panels.values():
        if panel.status == "unavailable":
            assert panel.series.empty and panel.publisher_ko and panel.publisher_en
        else:
            assert set(panel.series["group"]) == {"capital", "noncapital"}
            totals = panel.series.groupby("year")["share"].sum()
            assert totals.to_numpy() == pytest.approx([100] * len(totals))


@pytest.mark.parametrize("key, name, indicator, year", [
    ("working_age", "population_sido.csv", "population_15_64", 2010),
    ("working_age", "population_sido.csv", "population_15_64", 2024),
    ("grdp", "grdp_sido.csv", "grdp_nominal", 2010),
    ("grdp", "grdp_sido.csv", "grdp_nominal", 2015),
    ("grdp", "grdp_sido.csv", "grdp_nominal", 2020),
])
def test_computed_panels_match_reference(panels, key, name, indicator, year):
    panel = panels[key]
    assert panel.status == "computed"
    assert panel.share("capital", year) == pytest.approx(reference_share(name, indicator, year))
    assert method(panel, year, "capital") == "computed"


def test_working_age_has_no_2022(panels):
    assert 2022 not in panels["working_age"].years


def test_published_shares_stay_as_published_and_complements_are_derived(panels):
    rnd = panels["rnd_expenditure"]
    assert rnd.status == "partial"
    assert rnd.share("capital", 2018) == pytest.approx(69.8)
    assert method(rnd, 2018, "capital") == "published"
    assert rnd.share("capital", 2019) == pytest.approx(100 - 30.1)
    assert method(rnd, 2019, "capital") == "derived"
    assert method(rnd, 2019, "noncapital") == "published"
    personnel = panels["rnd_personnel"]
    assert personnel.years == [2018, 2019, 2020]
    assert personnel.share("noncapital", 2020) == pytest.approx(37.1)


def test_sme_firms_from_all_provinces_and_from_published_levels(panels):
    firms = panels["sme_firms"]
    published = read_reference("published_figures.csv").query(
        "indicator == 'sme_firms' and year == 2021 and region_code not in ['00', 'CAP', 'NONCAP']")
    expected = 100 * published[published.region_code.isin(CAPITAL)]["value"].sum() / \
        published["value"].sum()
    assert firms.share("capital", 2021) == pytest.approx(expected)
    assert method(firms, 2021, "capital") == "computed"
    assert firms.share("capital", 2019) == pytest.approx(100 * 3534e3 / 6888435)
    assert method(firms, 2019, "capital") == "derived"


def test_venture_firms_from_the_capital_provinces_of_one_release(panels):
    figures = read_reference("published_figures.csv").query(
        "indicator == 'venture_firms' and year == 2023")
    capital = figures[figures.region_code.isin(CAPITAL)]["value"].sum()
    national = figures[figures.region_code == "00"]["value"].iloc[0]
    venture = panels["venture_firms"]
    assert venture.share("capital", 2023) == pytest.approx(100 * capital / national)
    assert 2020 not in venture.years  # only 부산 was published for 2020


def test_unsupported_panels_name_the_survey_that_would_fill_them(panels):
    institutes = panels["research_institutes"]
    assert institutes.status == "unavailable" and "KOITA" in institutes.publisher_ko
    exports = panels["sme_exports"]
    assert exports.status == "unavailable"
    assert ("sme_export_share", 2019, 8) in exports.fragments  # 8 provinces, no 서울
    assert panels["rnd_expenditure"].kosis == "127"
    assert panels["sme_firms"].kosis == "142"


def test_latest_values_and_change(panels):
    text = latest_text(panels["grdp"], "ko")
    assert text.startswith("2023: 수도권 52.3% · 비수도권 47.7%") and "1985 대비" in text
    assert "%p" in text


def test_long_series_are_lines_and_scattered_years_bars(panels):
    grdp = panel_chart(panels["grdp"], "ko").to_dict()
    marks = {d["mark"]["type"] for d in walk(grdp) if isinstance(d.get("mark"), dict)}
    assert "line" in marks and "bar" not in marks
    assert grdp["title"]["text"] == "지역내총생산" and "DT_1C81" in " ".join(grdp["title"]["subtitle"])
    rnd = panel_chart(panels["rnd_expenditure"], "en").to_dict()
    marks = {d["mark"]["type"] for d in walk(rnd) if isinstance(d.get("mark"), dict)}
    assert "bar" in marks
    assert rnd["title"]["text"] == "R&D expenditure"
    assert any("quoted" in line for line in rnd["title"]["subtitle"])
    scale = next(d["scale"] for d in walk(rnd) if d.get("field") == "label" and "scale" in d)
    assert scale["range"] == [CAPITAL_COLOR, NONCAPITAL_COLOR]
    titles = {d["title"] for d in walk(rnd) if isinstance(d.get("title"), str)}
    assert "Share of nation (%)" in titles


def test_home_page_shows_every_panel():
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not app.exception
    charts = chart_images(app)                 # each panel's chart, named for screen readers
    assert len(charts) == 8 and charts[:2] == ["생산연령인구", "지역내총생산"]
    assert len(app.warning) == 2  # SME exports and corporate research institutes
    captions = " ".join(c.value for c in app.caption)
    assert "한국산업기술진흥협회(KOITA)" in captions and "KOSIS 127" in captions
