"""The briefing page under AppTest: empty, then with pinned views to step through,
present, remove and download."""

from __future__ import annotations

import io

from pptx import Presentation
from streamlit.testing.v1 import AppTest

from conftest import ROOT, shown
from exports.deck import PinnedView, build_deck

PAGE = str(ROOT / "pages" / "5_브리핑.py")
PNG = (ROOT / "static" / "leaflet-1.9.4" / "images" / "layers-2x.png").read_bytes()
VIEWS = [
    PinnedView("chart", "지역내총생산(명목): 수도권 vs 비수도권 — 전국 대비 비중",
               "비수도권 지역내총생산(명목) 비중 47.7% (2023), 2013년 대비 −2.9%p",
               "출처: 통계청 지역소득 (KOSIS 101 DT_1C81)", PNG,
               "http://localhost:8501/추이?indicator=grdp_nominal&measure=share&lang=ko"),
    PinnedView("map", "고용률(15~64세) · 수준, 2015", "최고 제주특별자치도 70.2 %",
               "출처: 통계청 경제활동인구조사 · 단위: %", PNG),
    PinnedView("chart", "<script>alert(1)</script>", "", "출처: 시험", PNG),
]


def run(views: list[PinnedView] | None = None, **params: str) -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=60)
    if views is not None:
        app.session_state["briefing_views"] = list(views)
    for name, value in params.items():
        app.query_params[name] = value
    return app.run()


def html_of(app: AppTest) -> str:
    return "".join(element.value for element in app.get("html"))


def test_empty_deck_explains_how_to_pin_and_still_offers_the_scorecard():
    app = run()
    assert not app.exception
    assert app.title[0].value == "브리핑"
    assert "브리핑에 추가" in app.info[0].value
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels == ["격차 요약 한 장 PNG"]


def test_pinned_views_are_shown_one_at_a_time_with_key_figure_and_source():
    app = run(VIEWS)
    assert not app.exception
    assert shown(app.header[0].value) == VIEWS[0].title
    assert len(app.get("image")) == 1
    body = html_of(app)
    assert VIEWS[0].key_figure in body and VIEWS[0].source in body
    assert app.button(key="briefing_prev").disabled
    assert app.get("link_button")[0].proto.url == VIEWS[0].url
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels == ["발표 자료 PPTX", "격차 요약 한 장 PNG"]


def test_buttons_step_through_the_deck_and_stop_at_the_ends():
    app = run(VIEWS)
    app.button(key="briefing_next").click().run()
    assert shown(app.header[0].value) == VIEWS[1].title
    app.button(key="briefing_next").click().run()
    assert app.button(key="briefing_next").disabled
    app.button(key="briefing_prev").click().run()
    assert shown(app.header[0].value) == VIEWS[1].title
    assert app.query_params["slide"] in ("2", ["2"])


def test_navigation_keys_are_bound_to_the_arrow_keys():
    app = run(VIEWS)
    assert app.button(key="briefing_prev").proto.shortcut.lower() == "left"
    assert app.button(key="briefing_next").proto.shortcut.lower() == "right"


def test_presentation_mode_hides_the_sidebar_and_enlarges_type():
    app = run(VIEWS, present="1", slide="2")
    assert not app.exception
    assert shown(app.title[0].value) == VIEWS[1].title
    body = html_of(app)
    assert '[data-testid="stSidebar"]' in body and "display: none" in body
    assert not app.get("download_button"), "management stays out of the presentation"


def test_data_from_titles_is_shown_as_text():
    app = run(VIEWS, slide="3")
    assert app.header[0].value == "<script>alert(1)</script>"      # a header, as text
    assert "<script>alert" not in html_of(app)


def test_removing_a_view_keeps_a_valid_position():
    app = run(VIEWS, slide="3")
    app.button(key="briefing_remove_2").click().run()
    assert not app.exception
    assert len(app.session_state["briefing_views"]) == 2
    assert shown(app.header[0].value) == VIEWS[1].title
    app.button(key="briefing_clear").click().run()
    assert "브리핑에 추가" in app.info[0].value


def test_the_deck_download_holds_every_pinned_view():
    deck = Presentation(io.BytesIO(build_deck(VIEWS, "en")))
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    assert titles == ["Capital region vs the rest: briefing", *(v.title for v in VIEWS)]
    assert "Contents" in deck.slides[0].placeholders[1].text_frame.text
