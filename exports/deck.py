"""The briefing as a PPTX deck: a contents slide, then one slide per pinned view.

The contents slide says when the deck was made and lists the views, numbered from 1 as
their slides are, each linked to its live view. Each view slide carries its title, its
image (chart or map PNG), a one-line key figure computed from the same data, the source
and unit in the footer and the link back to the live view, so a slide can be lifted
into another deck and still say where it is from.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

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
LINE_HEIGHT = Inches(0.32)          # one 11 pt footer line
FOOTER_HEIGHT = 2 * LINE_HEIGHT     # source and unit, then the link back
LAYOUT_TITLE_AND_CONTENT, LAYOUT_TITLE_ONLY = 1, 5
# Hangul in PowerPoint comes from the East Asian font slot; Malgun Gothic ships with
# Windows and Office for Mac maps it.
EAST_ASIAN_FONT = "Malgun Gothic"
GREY = RGBColor(0x55, 0x55, 0x55)
ACCENT = RGBColor(0xD5, 0x5E, 0x00)   # charts.theme.CAPITAL_COLOR


@dataclass(frozen=True)
class PinnedView:
    """One view of the briefing. kind: 'chart' or 'map'; source: the '출처: … · 단위: …'
    line; image_png: the chart or map (the slide carries the title); url: the link that
    reopens the live view; unit: the unit of the figures shown."""
    kind: str
    title: str
    key_figure: str
    source: str
    image_png: bytes
    url: str = ""
    unit: str = ""


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
              color: RGBColor | None = None, link: str = ""):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = text
    _style(run, size, bold, color)
    if link:
        run.hyperlink.address = link
    return box


def _set_title(slide, text: str, size: int) -> None:
    title = slide.shapes.title
    title.left, title.top = MARGIN, TITLE_TOP
    title.width, title.height = SLIDE_WIDTH - 2 * MARGIN, TITLE_HEIGHT
    title.text_frame.text = ""
    run = title.text_frame.paragraphs[0].add_run()
    run.text = text
    _style(run, size, bold=True)


def source_and_unit(view: PinnedView, lang: str) -> str:
    """The view's source line, with its unit unless the line names it already."""
    if not view.unit or view.unit in view.source:
        return view.source
    return f"{view.source} · {t('unit_prefix_export', lang)}: {view.unit}"


def _footer(slide, view: PinnedView, number: int, total: int, lang: str) -> None:
    top = SLIDE_HEIGHT - FOOTER_HEIGHT - Inches(0.15)
    width = SLIDE_WIDTH - 2 * MARGIN - Inches(1)
    _text_box(slide, MARGIN, top, width, LINE_HEIGHT, source_and_unit(view, lang), 11,
              color=GREY)
    if view.url:
        _text_box(slide, MARGIN, top + LINE_HEIGHT, width, LINE_HEIGHT,
                  f"{t('briefing_open_live', lang)} ↗", 11, color=ACCENT, link=view.url)
    _text_box(slide, SLIDE_WIDTH - MARGIN - Inches(1), top, Inches(1), LINE_HEIGHT,
              f"{number} / {total}", 11, color=GREY)


def _fitted(png: bytes, width: int, height: int) -> tuple[int, int]:
    """The largest size with the image's aspect ratio inside width × height (EMU)."""
    pixels_wide, pixels_high = Image.open(io.BytesIO(png)).size
    scale = min(width / pixels_wide, height / pixels_high)
    return int(pixels_wide * scale), int(pixels_high * scale)


def _view_slide(deck, view: PinnedView, number: int, total: int, lang: str) -> None:
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
    _footer(slide, view, number, total, lang)


def _contents_slide(deck, views: Sequence[PinnedView], title: str, made_on: date,
                    lang: str) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[LAYOUT_TITLE_AND_CONTENT])
    _set_title(slide, title, 32)
    body = slide.placeholders[1]
    body.left, body.top = MARGIN, TITLE_TOP + TITLE_HEIGHT + Inches(0.2)
    body.width, body.height = SLIDE_WIDTH - 2 * MARGIN, SLIDE_HEIGHT - Inches(2.2)
    frame = body.text_frame
    made = frame.paragraphs[0].add_run()
    made.text = t("briefing_deck_made", lang).format(date=made_on.isoformat())
    _style(made, 16, color=GREY)
    heading = frame.add_paragraph().add_run()
    heading.text = t("briefing_contents", lang)
    _style(heading, 22, bold=True)
    for number, view in enumerate(views, start=1):
        run = frame.add_paragraph().add_run()
        run.text = f"{number}. {view.title}"
        _style(run, 18)
        if view.url:
            run.hyperlink.address = view.url


def build_deck(views: Sequence[PinnedView], lang: str, made_on: date,
               title: str | None = None) -> bytes:
    """PPTX bytes: the contents slide (dated ``made_on``), then one slide per view in the
    given order, numbered 1 … n as in the contents."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    _contents_slide(deck, views, title or t("briefing_deck_title", lang), made_on, lang)
    for number, view in enumerate(views, start=1):
        _view_slide(deck, view, number, len(views), lang)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
