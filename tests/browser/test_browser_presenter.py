"""The presenter's journey in a real browser: pin a map, a trend and a comparison, reload
(the deck is in the URL, so nothing is lost), present with the arrow keys at 1920×1080
and 1366×768 with every part of each slide on screen, and take the PPTX away."""

from __future__ import annotations

import io
from datetime import date
from urllib.parse import unquote

from pptx import Presentation
from selenium.webdriver.common.keys import Keys

from i18n import t

LANG = "ko"
SIZES = [(1920, 1080), (1366, 768)]
SLIDE_PARTS = {"title": '[data-testid="stHeading"] h1',
               "image": '[class*="st-key-brief_slide"] img',
               "key figure": ".brief-key", "source": ".brief-source"}


def label(key: str) -> str:
    return t(key, LANG)


def slide_shown(app) -> dict[str, str]:
    """The slide on screen: heading, key figure, source and where its link goes."""
    heading = app.find('[data-testid="stHeading"] h2, [data-testid="stHeading"] h1')
    return {"title": heading[-1].text, "key": app.text(".brief-key"),
            "source": app.text(".brief-source"),
            "link": app.link_targets(label("briefing_open_live"))[0]}


def position(app) -> str:
    return next(c.text for c in app.find('[data-testid="stCaptionContainer"]')
                if "/" in c.text)


def parts_on_screen(app) -> dict[str, tuple[int, int, int, int]]:
    """Each slide part's box (left, top, right, bottom), once its image has loaded."""
    app.wait_for(lambda a: a.driver.execute_script(
        "const i = document.querySelector(arguments[0]); return i && i.complete"
        " && i.naturalWidth > 0", SLIDE_PARTS["image"]), message="the slide image loads")
    boxes = {}
    for name, css in SLIDE_PARTS.items():
        box = app.driver.execute_script(
            "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
            "return [r.left, r.top, r.right, r.bottom].map(Math.round)", css)
        boxes[name] = tuple(box)
    return boxes


def pin_views(app) -> dict[str, str]:
    """Pin three non-default views; returns what each page showed as its subject."""
    app.open("지도")
    app.choose_radio(label("map_measure"), label("map_measure_per_capita"))
    app.slider_keys(label("map_year"), Keys.ARROW_LEFT, Keys.ARROW_LEFT)
    map_title = app.text('[data-testid="stMain"] [data-testid="stHeading"] h3')
    app.press(label("briefing_pin"))
    assert "pin" in app.query() and app.query()["measure"] == "per_capita"

    app.navigate(label("trends_page_title"))
    app.choose_radio(label("select_view"), label("view_gwonyeok"))
    app.choose_radio(label("select_measure"), label("measure_share"))
    app.press(label("briefing_pin"))
    query = app.query()
    assert query["view"] == "gwonyeok" and query["measure"] == "share"   # page state kept
    assert unquote(query["pin"]).startswith("trends?") and len(app.driver.current_url) > 300

    app.navigate(label("compare_page_title"))
    app.choose_radio(label("select_measure"), label("measure_per_capita"))
    app.press(label("briefing_pin"))
    return {"map": map_title}


def test_presenter_pins_reloads_presents_and_exports(app):
    shown_on_pages = pin_views(app)
    app.navigate(label("briefing_title"))
    assert position(app).startswith("1 / 3")

    slides = []
    for number in range(3):
        slides.append(slide_shown(app))
        if number < 2:
            app.press(label("briefing_next"))
    assert slides[0]["title"] == shown_on_pages["map"]
    assert label("map_measure_per_capita") in slides[0]["title"] and "최고" in slides[0]["key"]
    assert slides[1]["title"].endswith(f"{label('view_title_gwonyeok')} — "
                                       f"{label('measure_share')}")
    assert slides[2]["title"].endswith(f"({label('measure_per_capita')})")
    assert all(s["source"].startswith("출처: ") and "단위: " in s["source"] for s in slides)
    assert [unquote(s["link"]).split("?")[0].rsplit("/", 1)[-1] for s in slides] == \
        ["지도", "추이", "비교"]

    # F5 before the meeting: the deck, the slide and no notice.
    app.reload()
    assert position(app).startswith("3 / 3") and slide_shown(app) == slides[2]
    assert "⚠️" not in app.text()

    app.toggle(label("briefing_present"))
    assert not app.find('[data-testid="stSidebar"]')[0].is_displayed()
    app.keys(Keys.ARROW_LEFT)
    assert app.query()["slide"] == "2" and slide_shown(app)["title"] == slides[1]["title"]
    app.keys(Keys.ARROW_LEFT)
    app.keys(Keys.ARROW_LEFT)                                 # stops at the first slide
    assert app.query()["slide"] == "1" and slide_shown(app)["title"] == slides[0]["title"]
    app.keys(Keys.ARROW_RIGHT)
    app.reload()
    assert (app.query()["slide"], app.query()["present"]) == ("2", "1")
    assert slide_shown(app)["title"] == slides[1]["title"] and "⚠️" not in app.text()

    for width, height in SIZES:
        app.set_viewport(width, height)
        while app.query()["slide"] != "1":
            app.keys(Keys.ARROW_LEFT)
        for number in range(1, 4):
            boxes = parts_on_screen(app)
            app.screenshot(f"presenter_{width}x{height}_slide{number}")
            for name, (left, top, right, bottom) in boxes.items():
                assert 0 <= left and right <= width and 0 <= top and bottom <= height, \
                    f"slide {number}: the {name} {boxes[name]} is off a {width}×{height} screen"
            assert boxes["title"][3] <= boxes["image"][1] + 1, "the title overlaps the image"
            font = app.driver.execute_script(
                "return parseFloat(getComputedStyle(document.querySelector(arguments[0]))"
                ".fontSize)", SLIDE_PARTS["title"])
            assert font >= 27, f"the title is {font}px: too small to present"
            assert app.driver.execute_script(
                "const m = document.querySelector('[data-testid=stMain]');"
                "return m.scrollHeight <= m.clientHeight + 1"), "the slide scrolls"
            if number < 3:
                app.keys(Keys.ARROW_RIGHT)
    app.set_viewport(1440, 1000)

    app.toggle(label("briefing_present"))
    app.expand(label("briefing_manage"))
    listed = [e.text for e in app.find('[data-testid="stExpander"] [data-testid="stText"]')]
    assert [f"{n}. {s['title']}" for n, s in enumerate(slides, 1)] == listed[:3]
    deck = Presentation(io.BytesIO(app.download(label("briefing_deck")).read_bytes()))
    check_deck(deck, slides)


def texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def links(slide) -> list[str]:
    return [run.hyperlink.address for shape in slide.shapes if shape.has_text_frame
            for paragraph in shape.text_frame.paragraphs for run in paragraph.runs
            if run.hyperlink.address]


def check_deck(deck, slides: list[dict[str, str]]) -> None:
    """Contents numbered from 1 with the date and a link per view; then per view its
    title, image, key figure, source with unit, and the link back, as on screen."""
    assert len(deck.slides) == 4
    contents = deck.slides[0]
    body = contents.placeholders[1].text_frame.text
    assert f"작성일 {date.today().isoformat()}" in body
    numbered = [line for line in body.splitlines() if line[:1].isdigit() and ". " in line]
    assert numbered == [f"{n}. {s['title']}" for n, s in enumerate(slides, 1)]
    assert links(contents) == [s["link"] for s in slides]
    for number, (slide, shown) in enumerate(zip(list(deck.slides)[1:], slides), 1):
        assert slide.shapes.title.text_frame.text == shown["title"]
        written = texts(slide)
        assert shown["key"] in written and shown["source"] in written
        assert f"{number} / 3" in written
        assert links(slide) == [shown["link"]]
        pictures = [s for s in slide.shapes if s.shape_type == 13]
        assert len(pictures) == 1 and pictures[0].image.blob.startswith(b"\x89PNG")
        assert pictures[0].top + pictures[0].height <= deck.slide_height
        fonts = {el.get("typeface") for el in slide.shapes.title._element.iter()
                 if el.tag.endswith("}ea")}
        assert fonts == {"Malgun Gothic"}, "Hangul needs the East Asian font slot"
