"""The briefing page under AppTest: empty, then with a deck of pinned views in the URL
(as a reload or a shared link brings it) to step through, present, remove and export.
The journeys themselves are in tests/browser/test_browser_presenter.py."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from conftest import ROOT, shown
from exports.deck import PinnedView, build_deck
from ui.briefing import slide_text_html

PAGE = str(ROOT / "app_pages" / "5_브리핑.py")
# A scorecard panel, a trend and a ranking: real views, as the pages pin them.
PINS = ["home?panel=grdp",
        "trends?indicator=grdp_nominal&view=groups&measure=share&years=1985-2023"
        "&multiples=0&shared_y=1",
        "compare?year=2021&unit=regions&regions=11%2C41%2C26&indicator=grdp_nominal"
        "&ranked=level&profile=26"]
TITLES = ["지역내총생산", "지역내총생산(명목): 수도권 vs 비수도권 — 전국 대비 비중",
          "지역내총생산(명목), 2021: 시도 순위 (수준)"]


def run(pins: list[str] | None = None, **params: str) -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=120)
    if pins is not None:
        app.query_params["pin"] = list(pins)
    for name, value in params.items():
        app.query_params[name] = value
    return app.run()


def html_of(app: AppTest) -> str:
    return "".join(element.value for element in app.get("html"))


def notices(app: AppTest) -> list[str]:
    return [c.value for c in app.caption if c.value.startswith("⚠️")]


def test_empty_deck_explains_how_to_pin_and_still_offers_the_scorecard():
    app = run()
    assert not app.exception
    assert app.title[0].value == "브리핑"
    assert "브리핑에 추가" in app.info[0].value
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels == ["격차 요약 한 장 PNG"]


def test_a_deck_in_the_url_is_shown_one_slide_at_a_time_with_key_figure_and_source():
    app = run(PINS)
    assert not app.exception and not notices(app)
    assert shown(app.header[0].value) == TITLES[0]
    assert len(app.get("image")) == 1
    body = html_of(app)
    assert "2023: 수도권 52.3% · 비수도권 47.7%" in body       # reference: grdp_sido.csv
    assert "출처: 통계청, 지역소득 (KOSIS 101/DT_1C81)" in body
    assert app.button(key="briefing_prev").disabled
    assert app.get("link_button")[0].proto.url == "/?panel=grdp&lang=ko"
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels == ["발표 자료 PPTX", "격차 요약 한 장 PNG"]
    assert [t.value for t in app.get("text")] == [f"{n}. {title}"
                                                  for n, title in enumerate(TITLES, 1)]
    assert app.query_params["pin"] == PINS                    # the deck stays in the URL


def test_buttons_step_through_the_deck_and_stop_at_the_ends():
    app = run(PINS)
    app.button(key="briefing_next").click().run()
    assert shown(app.header[0].value) == TITLES[1]
    app.button(key="briefing_next").click().run()
    assert shown(app.header[0].value) == TITLES[2]
    assert app.button(key="briefing_next").disabled
    app.button(key="briefing_prev").click().run()
    assert shown(app.header[0].value) == TITLES[1]
    assert app.query_params["slide"] in ("2", ["2"])


def test_navigation_keys_are_bound_to_the_arrow_keys():
    app = run(PINS)
    assert app.button(key="briefing_prev").proto.shortcut.lower() == "left"
    assert app.button(key="briefing_next").proto.shortcut.lower() == "right"


def test_a_reload_keeps_the_slide_and_the_presentation_without_a_notice():
    """What F5 does: the same URL in a new session (the deck comes from the URL)."""
    app = run(PINS, present="1", slide="2")
    assert not app.exception and not notices(app)
    assert shown(app.title[0].value) == TITLES[1]
    body = html_of(app)
    assert '[data-testid="stSidebar"]' in body and "display: none" in body
    assert not app.get("download_button"), "management stays out of the presentation"


def test_the_slides_follow_the_language():
    app = run(PINS, lang="en", slide="3")
    assert shown(app.header[0].value) == "GRDP (nominal), 2021: provinces ranked (level)"
    assert "Source: Statistics Korea" in html_of(app)


def test_unreadable_pins_are_left_out_with_a_notice():
    app = run(["nonsense", PINS[0], "map?" + "x" * 3000, PINS[0]])
    assert not app.exception
    assert [t.value for t in app.get("text")] == [f"1. {TITLES[0]}"]
    assert any("3" in notice for notice in notices(app))
    assert app.query_params["pin"] in (PINS[0], [PINS[0]])


def test_a_view_that_cannot_be_drawn_says_why():
    app = run(["home?panel=regional_rnd_spending"])       # not a panel: falls back, notice
    assert not app.exception
    assert app.warning, "a slide that cannot be drawn is a warning, not a blank"


def test_key_figures_and_sources_are_shown_as_text():
    view = PinnedView("chart", "t", "<script>alert(1)</script>", "<b>출처</b>", b"")
    html = slide_text_html(view)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html


def test_removing_a_view_keeps_a_valid_position():
    app = run(PINS, slide="3")
    app.button(key="briefing_remove_2").click().run()
    assert not app.exception
    assert app.query_params["pin"] == PINS[:2]
    assert shown(app.header[0].value) == TITLES[1]
    app.button(key="briefing_clear").click().run()
    assert "브리핑에 추가" in app.info[0].value
    assert "pin" not in app.query_params


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_deck_download_numbers_from_one_and_dates_and_links_every_view(lang):
    png = (ROOT / "static" / "leaflet-1.9.4" / "images" / "layers-2x.png").read_bytes()
    views = [PinnedView("chart", f"보기 {n}", f"핵심 {n}", f"출처: 시험 {n} · 단위: %", png,
                        f"http://x/%EC%B6%94%EC%9D%B4?n={n}", "%") for n in (1, 2)]
    deck = Presentation(io.BytesIO(build_deck(views, lang, date(2026, 11, 5))))
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    assert titles[1:] == ["보기 1", "보기 2"]
    contents = deck.slides[0].placeholders[1].text_frame.text
    assert ("작성일 2026-11-05" if lang == "ko" else "Made on 2026-11-05") in contents
    assert "1. 보기 1" in contents and "2. 보기 2" in contents
    links = [run.hyperlink.address for slide in deck.slides for shape in slide.shapes
             if shape.has_text_frame for p in shape.text_frame.paragraphs for run in p.runs
             if run.hyperlink.address]
    assert links == [views[0].url, views[1].url, views[0].url, views[1].url]
    footer = [s.text_frame.text for s in deck.slides[2].shapes if s.has_text_frame]
    assert "2 / 2" in footer and views[1].source in footer
