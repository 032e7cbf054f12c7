"""'Add to briefing': pages pin their current view into the deck (ui.deck_link, kept in
the URL), and the briefing page rebuilds each slide from its link (ui.slides).

Pinning stores only the view's link, so it costs nothing; a slide's image is drawn when
the slide is first shown or exported, once per view and language (st.cache_data).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import streamlit as st

from exports.deck import PinnedView
from i18n import counted, t
from i18n.safe_text import html as escape
from ui import deck_link
from ui.links import page_url
from ui.slides import Slide, SlideError, build_slide

SLIDE_CACHE_ENTRIES = 64


@st.cache_data(show_spinner=False, max_entries=SLIDE_CACHE_ENTRIES)
def cached_slide(pin: str, lang: str, image: bool = True) -> tuple[Slide | None, str]:
    """(slide, '') or (None, why it cannot be drawn), per pinned view and language;
    without its image (``image=False``) for lists of titles."""
    parsed = deck_link.parse_pin(pin)
    if parsed is None:
        return None, t("briefing_slide_unreadable", lang)
    try:
        return build_slide(*parsed, lang, image=image), ""
    except SlideError as error:
        return None, str(error)


def live_url(pin: str, lang: str) -> str:
    """The address that reopens the pinned view itself, in the deck's language."""
    parsed = deck_link.parse_pin(pin)
    return page_url(parsed[0], {**parsed[1], "lang": lang}) if parsed else ""


def slide(pin: str, lang: str, url: str, image: bool = True) -> tuple[Slide | None, str]:
    """The slide with its link back to the live view (``live_url``, which depends on the
    address this session uses, so it is not cached with the slide)."""
    built, problem = cached_slide(pin, lang, image)
    if built is None:
        return None, problem
    return replace(built, view=replace(built.view, url=url)), ""


def deck_views(pins: Sequence[str], urls: Sequence[str], lang: str) -> list[PinnedView]:
    """Every slide that can be drawn, in deck order, for the PPTX (it may run outside
    the script, so the links come in ready-made)."""
    slides = (slide(pin, lang, url)[0] for pin, url in zip(pins, urls))
    return [built.view for built in slides if built is not None]


def pin_button(page: str, params: Mapping[str, str], lang: str, key: str) -> None:
    """The 'add to briefing' button: adds the view's link (page + encoded state) to the
    deck in the URL; the page's own parameters stay as they are."""
    if st.button(t("briefing_pin", lang), key=key, icon=":material/push_pin:"):
        pin = deck_link.pin_text(page, params)
        pins = deck_link.deck()
        if pin in pins:
            st.toast(t("briefing_already", lang))
        elif deck_link.add(pin):
            st.toast(counted("briefing_pinned", len(pins) + 1, lang))
        else:
            st.toast(t("briefing_full", lang).format(count=deck_link.MAX_PINS))


def slide_text_html(view: PinnedView) -> str:
    """The slide's key figure and source line as HTML, escaped (a title or source may
    name an imported series)."""
    key = f'<p class="brief-key">{escape(view.key_figure)}</p>' if view.key_figure else ""
    return f'{key}<p class="brief-source">{escape(view.source)}</p>'
