"""Briefing: the views pinned on other pages, one at a time, ready to present.

Presentation mode hides the sidebar and header and enlarges the type; ← → (or the
buttons) move through the deck. The deck downloads as PPTX, and the gap scorecard as a
one-page PNG. Widgets and layout only: the files come from exports/.
"""

import streamlit as st

from analysis.scorecard import scorecard
from exports.deck import build_deck
from exports.filenames import export_filename
from exports.scorecard_sheet import scorecard_sheet_png
from loaders import load_catalog, load_indicators
from ui import briefing
from ui.layout import page_setup
from ui.page_schemas import briefing_schema
from i18n import t
from i18n.safe_text import html as escape, md
from ui.url_state import load_state, write_state

INDEX_KEY = "briefing_index"
BASE_CSS = """<style>
.brief-key { font-size: 1.6rem; font-weight: 700; color: #D55E00; margin: .4rem 0; }
.brief-source { font-size: .95rem; color: #555; }
</style>"""
PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
header[data-testid="stHeader"] { display: none; }
.block-container { padding-top: 1rem; max-width: 96vw; }
h1 { font-size: 2.6rem !important; }
.brief-key { font-size: 2.2rem; }
.brief-source { font-size: 1.2rem; }
</style>"""


def move(step: int, total: int) -> None:
    st.session_state[INDEX_KEY] = min(max(st.session_state[INDEX_KEY] + step, 0), total - 1)


def remove(index: int) -> None:
    briefing.remove(index)
    st.session_state[INDEX_KEY] = max(min(st.session_state[INDEX_KEY],
                                          len(briefing.pinned_views()) - 1), 0)


lang = page_setup("briefing_title")
views = briefing.pinned_views()
schema = briefing_schema(len(views))
state = load_state(schema, lang)
st.session_state.setdefault(INDEX_KEY, state["slide"] - 1)
st.session_state[INDEX_KEY] = min(st.session_state[INDEX_KEY], max(len(views) - 1, 0))
present = st.toggle(t("briefing_present", lang), value=state["present"], key="briefing_present")
st.html(BASE_CSS + (PRESENT_CSS if present else ""))

if not views:
    st.title(t("briefing_title", lang))
    st.info(t("briefing_empty", lang))
else:
    index = st.session_state[INDEX_KEY]
    view = views[index]
    if not present:
        st.title(t("briefing_title", lang))
    previous, position, following = st.columns([1, 4, 1], vertical_alignment="center")
    previous.button(t("briefing_prev", lang), on_click=move, args=(-1, len(views)),
                    disabled=index == 0, shortcut="Left", key="briefing_prev")
    position.caption(f"{t('briefing_position', lang).format(index=index + 1, total=len(views))}"
                     f" · {t('briefing_keys', lang)}")
    following.button(t("briefing_next", lang), on_click=move, args=(1, len(views)),
                     disabled=index == len(views) - 1, shortcut="Right", key="briefing_next")
    if present:
        st.title(md(view.title))
    else:
        st.header(md(view.title))
    st.image(view.image_png, width="stretch")
    if view.key_figure:
        st.html(f'<div class="brief-key">{escape(view.key_figure)}</div>')
    st.html(f'<div class="brief-source">{escape(view.source)}</div>')
    if view.url:
        st.link_button(t("briefing_open_live", lang), view.url, icon=":material/open_in_new:")

if not present:
    with st.expander(t("briefing_manage", lang), expanded=not views):
        for number, pinned in enumerate(views):
            title_column, remove_column = st.columns([5, 1], vertical_alignment="center")
            title_column.write(f"{number + 1}. {pinned.title}")
            remove_column.button(t("briefing_remove", lang), key=f"briefing_remove_{number}",
                                 on_click=remove, args=(number,))
        if views:
            st.button(t("briefing_clear", lang), on_click=briefing.clear, key="briefing_clear")
            st.download_button(
                t("briefing_deck", lang), data=lambda: build_deck(views, lang),
                file_name=export_filename("briefing", "pptx", lang, detail=f"{len(views)}_views"),
                mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
                on_click="ignore", icon=":material/download:", key="briefing_deck")
        st.download_button(
            t("briefing_scorecard", lang),
            data=lambda: scorecard_sheet_png(scorecard(load_indicators(), load_catalog()), lang),
            file_name=export_filename("gap_scorecard", "png", lang), mime="image/png",
            on_click="ignore", icon=":material/download:", key="briefing_scorecard")

write_state(schema, {"slide": st.session_state[INDEX_KEY] + 1, "present": present})
