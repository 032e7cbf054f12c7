"""Briefing: the views pinned on other pages, one slide at a time, ready to present.

The deck is the list of the pinned views' links, kept in the URL (ui.deck_link), so a
reload keeps it and the page's link shares it; each slide is rebuilt from its link in
the chosen language (ui.slides). Presentation mode hides the sidebar and header and fits
each slide to the screen; ← → (or the buttons) move through the deck, and the slide
number stays in the URL. The deck downloads as PPTX, the gap scorecard as a one-page
PNG. Widgets and layout only: the files come from exports/.
"""

import io
import math
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st
from PIL import Image

from analysis.scorecard import scorecard
from exports.deck import build_deck
from exports.filenames import export_filename
from exports.scorecard_sheet import scorecard_sheet_png
from i18n import counted, t
from loaders import load_catalog, load_indicators
from ui import briefing, deck_link
from ui.layout import page_setup
from ui.links import copy_link
from ui.page_schemas import briefing_schema
from i18n.safe_text import md
from ui.url_state import DECK_PARAM, encode_state, load_state, write_state

INDEX_KEY = "briefing_index"
# In presentation mode type scales with the screen width (vw), so the lines a title, key
# figure or source line wraps to can be estimated here (CHARS_PER_LINE: Hangul-wide
# characters per line at that size), and the image gets the height the viewport leaves
# (checked in tests/browser/test_browser_presenter.py at 1366×768 and 1920×1080).
CHARS_PER_LINE = {"title": 36, "key": 40, "source": 64}
BASE_CSS = """<style>
.brief-key { font-size: 1.6rem; font-weight: 700; color: #D55E00; margin: 0; line-height: 1.3; }
.brief-source { font-size: 1rem; color: #555; margin: 0; }
.st-key-brief_slide img, .st-key-brief_slide_portrait img {
  max-height: calc(100vh - var(--brief-reserve, 420px)); width: auto !important;
  max-width: 100%; object-fit: contain; margin: 0 auto; display: block; }
</style>"""
PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], header[data-testid="stHeader"] { display: none; }
[data-testid="stMainBlockContainer"], .block-container {
  padding: .75rem 2rem .5rem; max-width: 100vw; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: .5rem; }
.st-key-brief_slide { --brief-reserve: calc(95px + var(--title-lines) * 3.1vw
  + var(--key-lines) * 2.5vw + var(--source-lines) * 1.8vw); }
.st-key-brief_slide_portrait { --brief-reserve: calc(100px + var(--title-lines) * 3.1vw); }
[data-testid="stHeading"] h1 { font-size: clamp(1.7rem, 2.5vw, 3rem) !important;
  padding: 0 !important; line-height: 1.2; }
[data-testid="stHeading"] [data-testid="stMarkdownContainer"] { margin-bottom: 0 !important; }
.brief-key { font-size: clamp(1.3rem, 1.9vw, 2.4rem); }
.brief-source { font-size: clamp(1rem, 1.15vw, 1.4rem); }
</style>"""


def move(step: int, total: int) -> None:
    st.session_state[INDEX_KEY] = min(max(st.session_state[INDEX_KEY] + step, 0), total - 1)


def remove(index: int) -> None:
    deck_link.remove(index)
    st.session_state[INDEX_KEY] = max(min(st.session_state[INDEX_KEY],
                                          len(deck_link.deck()) - 1), 0)


def today() -> date:
    """The day in the viewer's time zone (the deck's date), else the server's."""
    try:
        return datetime.now(ZoneInfo(st.context.timezone)).date()
    except (TypeError, ValueError, ZoneInfoNotFoundError):
        return date.today()


def lines(text: str, kind: str) -> int:
    """Lines ``text`` wraps to in presentation type (Latin letters count about half)."""
    wide = sum(1 if ord(char) >= 0x1100 else 0.55 for char in text)
    return max(1, math.ceil(wide / CHARS_PER_LINE[kind]))


def is_portrait(png: bytes) -> bool:
    width, height = Image.open(io.BytesIO(png)).size
    return height > width


def show_slide(pin: str, present: bool, lang: str) -> None:
    """Title, image, key figure, source and the link back to the live view."""
    with st.spinner(t("briefing_preparing", lang)):
        built, problem = briefing.slide(pin, lang, briefing.live_url(pin, lang))
    if built is None:
        st.warning(t("briefing_slide_cannot", lang).format(why=problem))
        return
    view = built.view
    (st.title if present else st.header)(md(view.title), anchor=False)
    for notice in built.notices:
        st.caption(f"⚠️ {notice}")
    portrait = is_portrait(view.image_png)
    st.html(f"<style>:root {{ --title-lines: {lines(view.title, 'title')}; "
            f"--key-lines: {lines(view.key_figure, 'key') if view.key_figure else 0}; "
            f"--source-lines: {lines(view.source, 'source')}; }}</style>")
    with st.container(key="brief_slide_portrait" if portrait else "brief_slide"):
        if portrait:
            picture, text = st.columns([3, 2], vertical_alignment="center")
            link = text
        else:
            picture = st.container()
            text, link = st.columns([5, 1], vertical_alignment="center")
        picture.image(view.image_png, width="stretch")
        text.html(briefing.slide_text_html(view))
        link.link_button(t("briefing_open_live", lang), view.url, icon=":material/open_in_new:")


lang = page_setup("briefing_title")
pins = deck_link.deck()
schema = briefing_schema(len(pins))
state = load_state(schema, lang)
st.session_state.setdefault(INDEX_KEY, state["slide"] - 1)
st.session_state[INDEX_KEY] = min(st.session_state[INDEX_KEY], max(len(pins) - 1, 0))
present = bool(pins) and st.session_state.get("briefing_present", state["present"])
st.html(BASE_CSS + (PRESENT_CSS if present else ""))
if refused := deck_link.refused_pins():
    st.caption(f"⚠️ {counted('briefing_refused', len(refused), lang)}")

if not pins:
    st.title(t("briefing_title", lang))
    st.info(t("briefing_empty", lang))
else:
    index = st.session_state[INDEX_KEY]
    if not present:
        st.title(t("briefing_title", lang))
    previous, position, following, mode = st.columns([1, 3, 1, 2], vertical_alignment="center")
    previous.button(t("briefing_prev", lang), on_click=move, args=(-1, len(pins)),
                    disabled=index == 0, shortcut="Left", key="briefing_prev")
    position.caption(f"{t('briefing_position', lang).format(index=index + 1, total=len(pins))}"
                     f" · {t('briefing_keys', lang)}")
    following.button(t("briefing_next", lang), on_click=move, args=(1, len(pins)),
                     disabled=index == len(pins) - 1, shortcut="Right", key="briefing_next")
    st.session_state.setdefault("briefing_present", state["present"])
    present = mode.toggle(t("briefing_present", lang), key="briefing_present")
    show_slide(pins[index], present, lang)

page_state = {"slide": st.session_state[INDEX_KEY] + 1, "present": bool(present)}
if not present:
    with st.expander(t("briefing_manage", lang), expanded=not pins):
        for number, pin in enumerate(pins):
            built, problem = briefing.cached_slide(pin, lang, image=False)
            title_column, remove_column = st.columns([5, 1], vertical_alignment="center")
            title_column.text(f"{number + 1}. {built.view.title if built else problem}")
            remove_column.button(t("briefing_remove", lang), key=f"briefing_remove_{number}",
                                 on_click=remove, args=(number,))
        if pins:
            st.button(t("briefing_clear", lang), on_click=deck_link.clear, key="briefing_clear")
            links, made_on = [briefing.live_url(pin, lang) for pin in pins], today()
            st.download_button(
                t("briefing_deck", lang),
                data=lambda: build_deck(briefing.deck_views(pins, links, lang), lang, made_on),
                file_name=export_filename("briefing", "pptx", lang, detail=f"{len(pins)}_views"),
                mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                on_click="ignore", icon=":material/download:", key="briefing_deck")
        st.download_button(
            t("briefing_scorecard", lang),
            data=lambda: scorecard_sheet_png(scorecard(load_indicators(), load_catalog()), lang),
            file_name=export_filename("gap_scorecard", "png", lang), mime="image/png",
            on_click="ignore", icon=":material/download:", key="briefing_scorecard")
    if pins:
        copy_link("briefing", {**encode_state(schema, page_state), DECK_PARAM: pins}, lang,
                  heading=t("share_heading_briefing", lang))

write_state(schema, page_state)
