"""Make exported SVGs carry their own Korean font.

vl-convert writes SVG text as text naming a font family, so a viewer without a Korean
font would draw boxes. The bundled NanumGothic is subset to exactly the characters the
SVG uses (fontTools, a matplotlib dependency) and embedded as an @font-face data URL:
a few kilobytes instead of 4.7 MB, and the SVG renders the same everywhere.
"""

from __future__ import annotations

import base64
import html
import io
import re

from fontTools import subset
from fontTools.ttLib import TTFont

from exports.fonts import FAMILY, font_paths

TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.S)
TAG = re.compile(r"<[^>]+>")


def used_characters(svg: str) -> str:
    """Every character drawn by the SVG's text elements (entities decoded)."""
    return "".join(sorted({ch for body in TEXT.findall(svg)
                           for ch in html.unescape(TAG.sub("", body))}))


def font_subset(characters: str, font_index: int = 0) -> bytes:
    """The bundled font cut down to these characters, as WOFF bytes."""
    font = TTFont(str(font_paths()[font_index]))
    options = subset.Options()
    options.flavor = "woff"
    options.layout_features = ["*"]
    options.drop_tables += ["TSI0", "TSI1", "TSI2", "TSI3", "TSI5"]  # hinting sources
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff"
    font.save(buffer)
    return buffer.getvalue()


def embed_font(svg: str) -> str:
    """The SVG with a @font-face for the bundled family holding the glyphs it uses."""
    characters = used_characters(svg)
    if not characters:
        return svg
    faces = "".join(
        f"@font-face{{font-family:'{FAMILY}';font-weight:{weight};src:url(data:font/woff;"
        f"base64,{base64.b64encode(font_subset(characters, index)).decode('ascii')}) "
        "format('woff');}"
        for index, weight in ((0, "normal"), (1, "bold")))
    opening = re.search(r"<svg\b[^>]*>", svg)
    return svg[:opening.end()] + f"<defs><style>{faces}</style></defs>" + svg[opening.end():]
