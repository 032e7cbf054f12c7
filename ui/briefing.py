"""'Add to briefing': pages pin their current view into a deck kept in the session.

A pinned view holds what a slide needs (title, key figure, source, the exported image)
and the shared link that reopens the live view. Images are rendered only when the
button is pressed, so pinning costs nothing on ordinary reruns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import altair as alt
import streamlit as st

from charts.map_view import MapOptions, MapView
from exports.chart_images import chart_png
from exports.deck import PinnedView
from exports.map_image import map_view_png
from i18n import counted, t

SESSION_KEY = "briefing_views"


def chart_view(chart: alt.TopLevelMixin | dict, lang: str, title: str, key_figure: str,
               source: str, unit: str | None = None, url: str = "") -> PinnedView:
    """A chart pinned as its 2x PNG. source: the publisher line; it and the unit are baked
    into the image unless the chart already shows them."""
    png = chart_png(chart, lang, title=title, source=source, unit=unit)
    return PinnedView("chart", title, key_figure, source, png, url)


def map_view(view: MapView, options: MapOptions, lang: str, key_figure: str,
             url: str = "", policy: Sequence[str] = ()) -> PinnedView:
    """The current choropleth pinned as its PNG (same classes, colours and layers as on
    screen)."""
    return PinnedView("map", view.title, key_figure, view.source,
                      map_view_png(view, options, lang, policy=policy), url)


def pinned_views() -> list[PinnedView]:
    return st.session_state.setdefault(SESSION_KEY, [])


def pin(view: PinnedView) -> bool:
    """Add a view unless the same one (title, key figure, link) is already pinned."""
    views = pinned_views()
    if any(pinned.identity == view.identity for pinned in views):
        return False
    views.append(view)
    return True


def remove(index: int) -> None:
    views = pinned_views()
    if 0 <= index < len(views):
        views.pop(index)


def clear() -> None:
    st.session_state[SESSION_KEY] = []


def pin_button(make_view: Callable[[], PinnedView], lang: str, key: str) -> None:
    """The 'add to briefing' button; ``make_view`` renders the image only when pressed."""
    if st.button(t("briefing_pin", lang), key=key, icon=":material/push_pin:"):
        with st.spinner():
            added = pin(make_view())
        st.toast(counted("briefing_pinned", len(pinned_views()), lang) if added
                 else t("briefing_already", lang))
