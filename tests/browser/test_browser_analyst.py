"""The analyst's journey in a real browser: five provinces over a narrowed span on the
trends page, then every download (CSV, XLSX, PNG, SVG) checked against what the screen
shows — the same years, provinces, values, unit and citation, and one colour per
province that can be told apart."""

from __future__ import annotations

import io
import re
import shutil
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest
from PIL import Image
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from browser.streamlit_app import SCREENSHOTS

WINDOW = (1440, 1000)
REGIONS = ["서울", "경기", "부산", "광주", "강원"]
PICKER = "시도 (수도권은 굵은 선, 붉은 계열)"
GRDP_SOURCE = "통계청, 지역소득 (KOSIS 101/DT_1C81)"
TITLE = "지역내총생산(명목): 시도별 — 수준"
SVG = "{http://www.w3.org/2000/svg}"


def keep(path, name):
    """A copy of a downloaded file next to the screenshots, to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return shutil.copy(path, SCREENSHOTS / name)


def svg_marks(svg_text: str) -> tuple[list[str], dict[str, str], set[str]]:
    """(every text, fill of each text, strokes of the line marks) of an exported SVG."""
    root = ET.fromstring(svg_text)
    texts, fills, strokes = [], {}, set()
    for group in root.iter(f"{SVG}g"):
        classes = group.get("class", "")
        for child in group:
            if child.tag == f"{SVG}text" or child.tag == f"{SVG}g":
                for text in ([child] if child.tag == f"{SVG}text" else child.iter(f"{SVG}text")):
                    content = "".join(text.itertext())
                    texts.append(content)
                    fills.setdefault(content, text.get("fill", ""))
            if "mark-line" in classes and child.tag == f"{SVG}path" and child.get("stroke"):
                strokes.add(child.get("stroke").upper())
    return texts, fills, strokes


@pytest.fixture(scope="module")
def chosen(app):
    """The trends page with five provinces and 2000–2021, set up as a person does."""
    app.open("추이")
    app.choose_radio("보기", "시도별")
    for name in app.multiselect_values(PICKER):
        if name not in REGIONS:
            app.remove_from_multiselect(PICKER, name)
    assert sorted(app.multiselect_values(PICKER)) == sorted(REGIONS)
    app.slider_keys("기간", *[Keys.ARROW_RIGHT] * 15, thumb_index=0)
    app.slider_keys("기간", Keys.ARROW_LEFT, Keys.ARROW_LEFT, thumb_index=1)
    assert app.slider_value("기간") == ["2000", "2021"]
    points = app.wait_for(lambda a: [p for p in a.chart_items(0, "symbol")
                                     if p.get("kind") == "statistic"] or None,
                          message="the chart draws its points")
    app.screenshot("analyst_trends_5_regions", full_page=True)
    app.expand("내려받기")
    return {(p["label"], int(p["year"])): p["value"] for p in points}


def test_the_chart_shows_five_provinces_each_in_its_own_colour(app, chosen):
    assert {label for label, _ in chosen} == set(REGIONS)
    assert {year for _, year in chosen} == set(range(2000, 2022))
    lines = {row["label"]: row["_stroke"].upper() for row in app.chart_items(0, "line")}
    assert set(lines) == set(REGIONS) and len(set(lines.values())) == 5
    names = {row["_text"]: row["_fill"].upper() for row in app.chart_items(0, "text")
             if row.get("kind") == "end_label"}
    assert names == lines, "each line is named at its end, in its own colour"
    texts = app.chart_texts(0)
    assert TITLE in texts and f"출처: {GRDP_SOURCE}" in texts
    assert "지역내총생산(명목) (조원)" in texts


def test_visible_csv_and_xlsx_are_the_chart_data(app, chosen):
    csv_file = app.download("보이는 자료 CSV")
    data = pd.read_csv(csv_file, encoding="utf-8-sig")
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbf")
    valued = data.dropna(subset=["값"])
    assert {(r, int(y)): v for r, y, v in zip(valued["지역"], valued["연도"], valued["값"])} \
        == pytest.approx(chosen)
    assert set(data["연도"]) == set(range(2000, 2022)) and set(data["지역"]) == set(REGIONS)
    assert set(data["단위"]) == {"조원"} and set(data["지표"]) == {"지역내총생산(명목)"}
    assert set(data["출처"]) == {GRDP_SOURCE}
    fetched = data["입수 경로(원자료 사본)"]
    assert fetched.str.contains("DT_1C81").all() and not data["출처"].str.contains("github").any()

    xlsx_file = app.download("보이는 자료 XLSX")
    sheets = pd.read_excel(io.BytesIO(xlsx_file.read_bytes()), sheet_name=None, engine="openpyxl")
    assert list(sheets) == ["data", "definitions"]
    pd.testing.assert_frame_equal(sheets["data"], data, check_dtype=False)
    definition = sheets["definitions"].iloc[0]
    assert definition["지표 ID"] == "grdp_nominal" and definition["표시 단위"] == "조원"
    assert definition["출처"] == GRDP_SOURCE


def test_full_series_csv_says_its_unit_and_level_truthfully(app, chosen):
    data = pd.read_csv(app.download("전체 시계열 CSV"), encoding="utf-8-sig",
                       dtype={"지역코드": str})
    assert set(data["지역 단위"]) == {"전국", "시도"}
    seoul = data[(data["지역코드"] == "11") & (data["연도"] == 2021)].iloc[0]
    assert seoul["값"] == pytest.approx(chosen[("서울", 2021)])    # the screen's 조원
    assert seoul["단위"] == "조원" and seoul["공표 단위"] == "백만원"
    assert seoul["공표 원값"] == pytest.approx(chosen[("서울", 2021)] * 1e6)


def test_png_and_svg_carry_title_unit_source_and_every_province(app, chosen):
    svg_file = app.download("그림 SVG")
    keep(svg_file, "analyst_trend.svg")
    svg_text = svg_file.read_text(encoding="utf-8")
    texts, fills, strokes = svg_marks(svg_text)
    assert TITLE in texts and f"출처: {GRDP_SOURCE}" in texts
    assert "지역내총생산(명목) (조원)" in texts
    on_screen = {row["label"]: row["_stroke"].upper() for row in app.chart_items(0, "line")}
    assert {name: fills[name].upper() for name in REGIONS} == on_screen
    assert set(on_screen.values()) <= strokes and len(set(on_screen.values())) == 5

    png_file = app.download("그림 PNG (슬라이드용 2배)")
    keep(png_file, "analyst_trend.png")
    image = Image.open(png_file).convert("RGB")
    width, height = (float(v) for v in re.search(r'width="([\d.]+)" height="([\d.]+)"',
                                                svg_text).groups())
    assert image.size == (round(2 * width), round(2 * height))
    pixels = np.asarray(image, dtype=int).reshape(-1, 3)
    for name, colour in on_screen.items():
        rgb = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
        drawn = int((np.abs(pixels - rgb).max(axis=1) <= 8).sum())
        assert drawn > 300, f"{name}'s colour {colour} is drawn in the PNG ({drawn} px)"


def test_clicking_a_name_highlights_its_line(app, chosen):
    name = app.driver.execute_script(
        "const c = document.querySelectorAll('[data-testid=\"stVegaLiteChart\"]')[0];"
        "return Array.from(c.querySelectorAll('g.mark-text > text'))"
        ".find(t => t.textContent === '부산');")
    app.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", name)
    ActionChains(app.driver).move_to_element(name).click().perform()
    faded = app.wait_for(_line_opacity, message="the other lines fade")
    assert faded["부산"] == 1 and all(v < 0.5 for k, v in faded.items() if k != "부산")


def _line_opacity(app) -> dict[str, float] | None:
    """Each line's stroke opacity, once 부산's stands out (None before that)."""
    opacity = app.driver.execute_script(
        "const c = document.querySelectorAll('[data-testid=\"stVegaLiteChart\"]')[0];"
        "return Array.from(c.querySelectorAll('g.mark-line > path')).map(p => "
        "[p.__data__.datum.label, parseFloat(p.getAttribute('opacity') || '1')]);")
    lines = dict(opacity)
    return lines if lines.get("부산") == 1 and min(lines.values()) < 1 else None
