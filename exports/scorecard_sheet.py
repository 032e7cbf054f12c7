"""The gap scorecard on one page (PNG): every plan panel, charted or saying why not.

Each chart panel is rendered on its own by vl-convert (so panels never clash over
selection names or config) and the page is composed with Pillow, using the bundled
font for the heading, the captions and the panels the data cannot fill.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import altair as alt
from PIL import Image, ImageDraw, ImageFont

from analysis.scorecard import STATUS_UNAVAILABLE, Panel
from charts.scorecard import fill_source, latest_text, panel_chart, panel_name
from exports.chart_images import chart_png
from exports.fonts import FONT_DIR, font_paths
from i18n import t

PANEL_WIDTH = 360            # chart width in CSS pixels; images are rendered at SCALE
SCALE = 2
COLUMNS = 2
PADDING = 24 * SCALE
CAPTION_SIZE, HEADING_SIZE = 13 * SCALE, 22 * SCALE           # font sizes in image pixels
FOOTER_SIZE, MESSAGE_TITLE_SIZE = 11 * SCALE, 15 * SCALE
MESSAGE_HEIGHT = 220 * SCALE
TEXT_COLOR, GREY, BOX_COLOR = (26, 26, 26), (85, 85, 85), (240, 240, 240)


@dataclass(frozen=True)
class SheetPanel:
    """One scorecard panel: a chart (altair or Vega-Lite dict) with a caption such as the
    latest shares and the change, or no chart and a caption saying why and who publishes
    the missing figures."""
    title: str
    caption: str
    chart: alt.TopLevelMixin | dict | None = None


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    font_paths()
    return ImageFont.truetype(str(FONT_DIR / ("NanumGothicBold.ttf" if bold else
                                              "NanumGothic.ttf")), size)


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy wrapping by measured width; Korean has spaces between words, so break there
    (and inside a word only when it alone is too long)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}".strip()
            if font.getlength(candidate) <= width or not line:
                line = candidate
            else:
                lines.append(line)
                line = word
            while font.getlength(line) > width and len(line) > 1:
                cut = max(i for i in range(1, len(line) + 1) if font.getlength(line[:i]) <= width
                          or i == 1)
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return lines


def _text_block(lines: list[str], font, width: int, color, background=(255, 255, 255)):
    line_height = int(font.size * 1.35)
    image = Image.new("RGB", (width, max(line_height * len(lines), 1)), background)
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(lines):
        draw.text((0, row * line_height), line, font=font, fill=color)
    return image


def _panel_image(panel: SheetPanel, lang: str, width: int) -> Image.Image:
    caption_font = _font(CAPTION_SIZE)
    if panel.chart is None:
        return _message_image(panel, caption_font, width)
    chart = Image.open(io.BytesIO(chart_png(panel.chart, lang, scale=SCALE,
                                            width=PANEL_WIDTH))).convert("RGB")
    if chart.width > width:
        chart = chart.resize((width, int(chart.height * width / chart.width)))
    caption = _text_block(_wrap(panel.caption, caption_font, width), caption_font, width,
                          TEXT_COLOR)
    image = Image.new("RGB", (width, chart.height + caption.height + PADDING // 2), "white")
    image.paste(chart, (0, 0))
    image.paste(caption, (0, chart.height + PADDING // 4))
    return image


def _message_image(panel: SheetPanel, caption_font, width: int) -> Image.Image:
    """A grey box with the panel's name and why it has no chart."""
    inner = width - PADDING
    title_font = _font(MESSAGE_TITLE_SIZE, bold=True)
    title = _text_block(_wrap(panel.title, title_font, inner), title_font, inner, TEXT_COLOR,
                        BOX_COLOR)
    caption = _text_block(_wrap(panel.caption, caption_font, inner), caption_font, inner,
                          GREY, BOX_COLOR)
    height = max(MESSAGE_HEIGHT, title.height + caption.height + 2 * PADDING)
    image = Image.new("RGB", (width, height), BOX_COLOR)
    image.paste(title, (PADDING // 2, PADDING // 2))
    image.paste(caption, (PADDING // 2, PADDING + title.height))
    return image


def scorecard_png(panels: Sequence[SheetPanel], title: str, footer: str, lang: str,
                  columns: int = COLUMNS) -> bytes:
    """One PNG page: heading, panels in a grid (row by row, in the given order), footer."""
    cell_width = (PANEL_WIDTH + 60) * SCALE
    images = [_panel_image(panel, lang, cell_width) for panel in panels]
    rows = [images[i:i + columns] for i in range(0, len(images), columns)]
    row_heights = [max(image.height for image in row) for row in rows]
    page_width = columns * cell_width + (columns + 1) * PADDING
    heading_font, footer_font = _font(HEADING_SIZE, bold=True), _font(FOOTER_SIZE)
    heading = _text_block(_wrap(title, heading_font, page_width - 2 * PADDING), heading_font,
                          page_width - 2 * PADDING, TEXT_COLOR)
    foot = _text_block(_wrap(footer, footer_font, page_width - 2 * PADDING), footer_font,
                       page_width - 2 * PADDING, GREY)
    page_height = (heading.height + sum(row_heights) + foot.height
                   + (len(rows) + 3) * PADDING)
    page = Image.new("RGB", (page_width, page_height), "white")
    page.paste(heading, (PADDING, PADDING))
    top = heading.height + 2 * PADDING
    for row, height in zip(rows, row_heights):
        for column, image in enumerate(row):
            page.paste(image, (PADDING + column * (cell_width + PADDING), top))
        top += height + PADDING
    page.paste(foot, (PADDING, top))
    buffer = io.BytesIO()
    page.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def sheet_panels(panels: Sequence[Panel], lang: str) -> list[SheetPanel]:
    """The home scorecard's panels as sheet panels: the same charts and latest-value
    lines, and for a panel the data cannot fill, why and who publishes the figures."""
    sheet = []
    for panel in panels:
        name = panel_name(panel, lang)
        if panel.status == STATUS_UNAVAILABLE:
            fill = t("scorecard_fill_source", lang).format(source=fill_source(panel, lang))
            sheet.append(SheetPanel(name, f"{t('scorecard_unavailable', lang)}\n{fill}"))
        else:
            sheet.append(SheetPanel(name, latest_text(panel, lang), panel_chart(panel, lang)))
    return sheet


def scorecard_sheet_png(panels: Sequence[Panel], lang: str) -> bytes:
    """The one-page gap scorecard for the briefing page's download button."""
    return scorecard_png(sheet_panels(panels, lang), t("scorecard_title", lang),
                         t("scorecard_footer", lang), lang)
