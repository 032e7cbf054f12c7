"""Briefing slides rebuilt from a pinned view's link with the pages' own builders: the
figures are the data's (checked against the reference tables), the language is the
deck's, the image carries no second title, and a link that no longer fits says so."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from conftest import read_reference
from ui.slides import SlideError, build_slide, untitled

CAPITAL = ("11", "28", "41")


@pytest.fixture(scope="module")
def grdp():
    table = read_reference("grdp_sido.csv")
    return table[table["indicator"] == "grdp_nominal"]


def trillion(grdp, code: str, year: int) -> float:
    """조원 from the reference's 백만원."""
    row = grdp[(grdp["region_code"] == code) & (grdp["year"] == year)]
    return round(float(row["value"].iloc[0]) / 1e6, 1)


def capital_share(grdp, year: int) -> float:
    rows = grdp[grdp["year"] == year]
    nation = float(rows[rows["region_code"] == "00"]["value"].iloc[0])
    return round(100 * float(rows[rows["region_code"].isin(CAPITAL)]["value"].sum()) / nation, 1)


def test_a_map_slide_shows_the_mapped_extremes(grdp):
    slide = build_slide("map", {"indicator": "grdp_nominal", "year": "2023"}, "ko")
    view = slide.view
    assert slide.notices == ()
    assert view.title == "지역내총생산(명목) · 수준, 2023"
    assert view.key_figure == (f"최고 경기도 {trillion(grdp, '41', 2023)} 조원 · 최저 "
                               f"세종특별자치시 {trillion(grdp, '36', 2023)} 조원 (2023)")
    assert view.source == "출처: 통계청, 지역소득 (KOSIS 101/DT_1C81) · 단위: 조원"
    assert view.unit == "조원" and view.kind == "map"
    width, height = Image.open(io.BytesIO(view.image_png)).size
    assert height > width                                   # the briefing lays it out beside


def test_a_trend_slide_follows_the_deck_language(grdp):
    params = {"indicator": "grdp_nominal", "view": "groups", "measure": "share",
              "years": "1985-2023"}
    korean, english = (build_slide("trends", params, lang).view for lang in ("ko", "en"))
    share = capital_share(grdp, 2023)
    assert korean.title == "지역내총생산(명목): 수도권 vs 비수도권 — 전국 대비 비중"
    assert korean.key_figure == f"2023: 수도권 {share}% · 비수도권 {100 - share:.1f}%"
    assert english.title.startswith("GRDP (nominal)")
    assert english.source.startswith("Source: Statistics Korea")
    assert korean.image_png.startswith(b"\x89PNG") and korean.image_png != english.image_png


def test_a_ranking_slide_names_the_highest_and_lowest(grdp):
    slide = build_slide("compare", {"year": "2021", "indicator": "grdp_nominal",
                                    "ranked": "level"}, "ko").view
    assert slide.title == "지역내총생산(명목), 2021: 시도 순위 (수준)"
    assert slide.key_figure.startswith(f"최고 경기 {trillion(grdp, '41', 2021)} 조원")


def test_a_scorecard_slide_and_a_slide_without_its_image(grdp):
    full = build_slide("home", {"panel": "grdp"}, "ko").view
    listed = build_slide("home", {"panel": "grdp"}, "ko", image=False).view
    assert full.key_figure.startswith(f"2023: 수도권 {capital_share(grdp, 2023)}%")
    assert listed.image_png == b"" and listed.title == full.title == "지역내총생산"
    with pytest.raises(SlideError):
        build_slide("home", {"panel": "not_a_panel"}, "ko")


def test_parameters_a_link_no_longer_fits_become_notices():
    slide = build_slide("trends", {"indicator": "grdp_nominal", "view": "sideways"}, "en",
                        image=False)
    assert len(slide.notices) == 1 and "view=sideways" in slide.notices[0]
    assert slide.view.title == "GRDP (nominal): capital region vs the rest — level"


def test_the_slide_image_has_no_title_of_its_own():
    spec = {"title": {"text": "T", "subtitle": ["출처: x"]}, "mark": "bar"}
    assert untitled(spec)["title"] == {"text": "", "subtitle": ["출처: x"]}
    assert "title" not in untitled({"title": "T", "mark": "bar"})
    assert spec["title"]["text"] == "T"                         # the page's spec is untouched


def per_head(code: str, year: int) -> float:
    """GRDP per head in 만원/인 from the reference tables (백만원 × 100 / persons)."""
    grdp, people = read_reference("grdp_sido.csv"), read_reference("population_sido.csv")
    value = grdp[(grdp["indicator"] == "grdp_nominal") & (grdp["region_code"] == code)
                 & (grdp["year"] == year)]["value"].iloc[0]
    persons = people[(people["indicator"] == "population_total")
                     & (people["region_code"] == code) & (people["year"] == year)]["value"]
    return float(value) * 100 / float(persons.iloc[0])


def test_a_disparity_slide_is_the_chart_with_its_reading_line():
    slide = build_slide("disparity", {"indicator": "grdp_nominal", "chart": "distribution",
                                      "region": "11"}, "ko")
    view = slide.view
    assert slide.notices == () and view.kind == "chart"
    assert view.title == "지역내총생산(명목) · 1인당: 권역별 시도, 2023"
    assert view.key_figure.startswith(f"2023년 최고 울산 {per_head('31', 2023):,.0f} 만원/인, "
                                      f"최저 대구 {per_head('27', 2023):,.0f} 만원/인")
    assert view.key_figure.endswith("서울 17곳 중 3위")
    assert view.source.endswith("· 단위: 만원/인") and "DT_1C81" in view.source
    assert view.image_png.startswith(b"\x89PNG")


@pytest.mark.parametrize("chart", ["inequality", "decomposition", "sigma", "beta", "scatter",
                                   "lisa", "depopulation"])
def test_every_disparity_chart_can_be_a_slide(chart):
    view = build_slide("disparity", {"chart": chart}, "en", image=False).view
    assert view.kind == ("map" if chart == "lisa" else "chart")
    assert view.title and view.key_figure and view.source.startswith("Source: ")
    assert "Source: Source" not in view.source


def test_a_disparity_link_that_draws_nothing_says_why():
    with pytest.raises(SlideError, match="which chart"):
        build_slide("disparity", {"indicator": "grdp_nominal"}, "en")
    with pytest.raises(SlideError, match="same indicator"):
        build_slide("disparity", {"chart": "scatter", "x": "grdp_nominal", "y": "grdp_nominal"},
                    "en")
