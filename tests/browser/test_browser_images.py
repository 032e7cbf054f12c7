"""Images people take away, downloaded as a person does in Korean and in English: the
trends PNG/SVG, the one-page scorecard and the compare chart. Each is kept next to the
screenshots to be looked at; here they are checked for their title and source, for
Hangul only where the page is Korean, and for colours that tell the regions apart."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image

from browser.streamlit_app import SCREENSHOTS

WINDOW = (1440, 1000)
HANGUL = re.compile(r"[가-힣]")
LABELS = {
    "ko": {"download": "내려받기", "png": "그림 PNG (슬라이드용 2배)", "svg": "그림 SVG",
           "scorecard": "격차 요약 한 장 PNG", "title": "지역내총생산(명목): 시도별 — 수준",
           "source": "출처: 통계청, 지역소득 (KOSIS 101/DT_1C81)",
           "names": ["서울", "경기", "부산", "광주", "강원"]},
    "en": {"download": "Download", "png": "Image PNG (2x for slides)", "svg": "Image SVG",
           "scorecard": "Gap scorecard one-pager PNG",
           "title": "GRDP (nominal): by province — level",
           "source": "Source: Statistics Korea, Regional Income (KOSIS 101/DT_1C81)",
           "names": ["Seoul", "Gyeonggi", "Busan", "Gwangju", "Gangwon"]},
}


def keep(path, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    return shutil.copy(path, SCREENSHOTS / name)


def colours(png) -> set[str]:
    """Colours covering at least 0.05% of the image, as '#RRGGBB'."""
    pixels = np.asarray(Image.open(png).convert("RGB")).reshape(-1, 3)
    values, counts = np.unique(pixels, axis=0, return_counts=True)
    return {"#" + "".join(f"{int(channel):02X}" for channel in v)
            for v, c in zip(values, counts) if c > len(pixels) / 2000}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_trend_images(app, lang):
    words = LABELS[lang]
    app.open("추이", view="regions", regions="11,41,26,29,42", years="2000-2023", lang=lang)
    app.expand(words["download"])
    svg = app.download(words["svg"])
    keep(svg, f"images_trend_{lang}.svg")
    root = ET.fromstring(svg.read_text(encoding="utf-8"))
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert words["title"] in texts and words["source"] in texts
    assert set(words["names"]) <= set(texts)
    if lang == "en":
        assert not [t for t in texts if HANGUL.search(t)], "no Hangul on an English chart"
    png = app.download(words["png"])
    keep(png, f"images_trend_{lang}.png")
    drawn = colours(png)
    assert {"#D55E00", "#E69F00", "#0072B2", "#009E73", "#56B4E9"} <= drawn


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_scorecard_and_compare_images(app, lang):
    words = LABELS[lang]
    app.open("", lang=lang)
    sheet = app.download(words["scorecard"])
    keep(sheet, f"images_scorecard_{lang}.png")
    image = Image.open(sheet)
    assert image.width > 1000 and image.height > image.width
    app.open("비교", regions="11,41,26,29,42", lang=lang)
    app.expand(words["download"])
    chart = app.download(words["png"])
    keep(chart, f"images_compare_{lang}.png")
    assert {"#D55E00", "#E69F00", "#0072B2", "#009E73", "#56B4E9"} <= colours(chart)
