"""The briefing as a PPTX deck: a contents slide, then one slide per pinned view.

Each view slide carries its image (chart or map PNG, already titled and sourced), the
title, a one-line key figure computed by the page from real data, and the source in
the footer, so a slide can be lifted into another deck and still say where it is from.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from i18n import t

SLIDE_WIDTH, SLIDE_HEIGHT = Inches(13.333), Inches(7.5)   # 16:9
MARGIN = Inches(0.5)
TITLE_TOP, TITLE_HEIGHT = Inches(0.3), Inches(0.9)
KEY_FIGURE_HEIGHT = Inches(0.6)
FOOTER_HEIGHT = Inches(0.4)
LAYOUT_TITLE_AND_CONTENT, LAYOUT_TITLE_ONLY = 1, 5
# Hangul in PowerPoint comes from the East Asian font slot; Malgun Gothic ships with
# Windows and Office for Mac maps it.
EAST_ASIAN_FONT = "Malgun Gothic"
GREY = RGBColor(0x55, 0x55, 0x55)
ACCENT = RGBColor(0xD5, 0x5E, 0x00)   # charts.theme.CAPITAL_COLOR


@dataclass(frozen=True)
class PinnedView:
    """One view of the briefing. kind: 'chart' or 'map'; image_png: the exported image
    (title, unit and source baked in); url: the shared link that reopens the live view."""
    kind: str
    title: str
    key_figure: str
    source: str
    image_png: bytes
    url: str = ""

    @property
    def identity(self) -> tuple[str, str, str]:
        """What makes two pins the same view (the image may differ by a render)."""
        return self.title, self.key_figure, self.url


def _style(run, size: int, bold: bool = False, color: RGBColor | None = None) -> None:
    run.font.size = Pt(size)
    run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color
    properties = run._r.get_or_add_rPr()
    for tag in ("a:latin", "a:ea"):
        element = properties.find(qn(tag))
        if element is None:
            element = properties.makeelement(qn(tag), {})
            properties.append(element)
        element.set("typeface", EAST_ASIAN_FONT)


def _text_box(slide, left, top, width, height, text: str, size: int, bold: bool = False,
              color: RGBColor | None = None):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = text
    _style(run, size, bold, color)
    return box


def _set_title(slide, text: str, size: int) -> None:
    title = slide.shapes.title
    title.left, title.top = MARGIN, TITLE_TOP
    title.width, title.height = SLIDE_WIDTH - 2 * MARGIN, TITLE_HEIGHT
    title.text_frame.text = ""
    run = title.text_frame.paragraphs[0].add_run()
    run.text = text
    _style(run, size, bold=True)


def _footer(slide, source: str, number: int, total: int) -> None:
    top = SLIDE_HEIGHT - FOOTER_HEIGHT - Inches(0.15)
    _text_box(slide, MARGIN, top, SLIDE_WIDTH - 2 * MARGIN - Inches(1), FOOTER_HEIGHT,
              source, 11, color=GREY)
    _text_box(slide, SLIDE_WIDTH - MARGIN - Inches(1), top, Inches(1), FOOTER_HEIGHT,
              f"{number} / {total}", 11, color=GREY)


def _fitted(png: bytes, width: int, height: int) -> tuple[int, int]:
    """The largest size with the image's aspect ratio inside width × height (EMU)."""
    pixels_wide, pixels_high = Image.open(io.BytesIO(png)).size
    scale = min(width / pixels_wide, height / pixels_high)
    return int(pixels_wide * scale), int(pixels_high * scale)


def _view_slide(deck, view: PinnedView, number: int, total: int) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[LAYOUT_TITLE_ONLY])
    _set_title(slide, view.title, 28)
    image_top = TITLE_TOP + TITLE_HEIGHT + Inches(0.1)
    key_top = SLIDE_HEIGHT - FOOTER_HEIGHT - Inches(0.25) - KEY_FIGURE_HEIGHT
    box_width, box_height = SLIDE_WIDTH - 2 * MARGIN, key_top - image_top - Inches(0.1)
    width, height = _fitted(view.image_png, box_width, box_height)
    slide.shapes.add_picture(io.BytesIO(view.image_png), Emu((SLIDE_WIDTH - width) // 2),
                             image_top, Emu(width), Emu(height))
    if view.key_figure:
        _text_box(slide, MARGIN, key_top, SLIDE_WIDTH - 2 * MARGIN, KEY_FIGURE_HEIGHT,
                  view.key_figure, 20, bold=True, color=ACCENT)
    _footer(slide, view.source, number, total)


def _contents_slide(deck, views: Sequence[PinnedView], title: str, lang: str) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[LAYOUT_TITLE_AND_CONTENT])
    _set_title(slide, title, 32)
    body = slide.placeholders[1]
    body.left, body.top = MARGIN, TITLE_TOP + TITLE_HEIGHT + Inches(0.2)
    body.width, body.height = SLIDE_WIDTH - 2 * MARGIN, SLIDE_HEIGHT - Inches(2.2)
    frame = body.text_frame
    heading = frame.paragraphs[0].add_run()
    heading.text = t("briefing_contents", lang)
    _style(heading, 22, bold=True)
    for number, view in enumerate(views, start=2):
        run = frame.add_paragraph().add_run()
        run.text = f"{number}. {view.title}"
        _style(run, 18)


def build_deck(views: Sequence[PinnedView], lang: str, title: str | None = None) -> bytes:
    """PPTX bytes: the contents slide, then one slide per view in the given order."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    _contents_slide(deck, views, title or t("briefing_deck_title", lang), lang)
    total = len(views) + 1
    for number, view in enumerate(views, start=2):
        _view_slide(deck, view, number, total)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
