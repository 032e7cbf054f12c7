"""Layouts that reflow on narrow screens.

Streamlit columns keep their number at any width, so at 820 px cards and small charts
are squeezed into slivers and buttons wrap a character per line. These containers are
ordinary keyed containers plus one CSS rule each (Streamlit gives a keyed container the
class ``st-key-<key>``): a grid that holds as many columns as fit, and rows of columns
that wrap instead of shrinking.
"""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator


def _style(css: str) -> None:
    """A style-only st.html block: Streamlit adds it without taking space on the page."""
    st.html(f"<style>{css}</style>")


def grid(key: str, min_width: int, gap: str = "1rem") -> DeltaGenerator:
    """A container whose children flow into as many columns of at least ``min_width``
    px as fit its width (one column when it is narrower)."""
    _style(f".st-key-{key} {{display: grid; gap: {gap}; align-items: start; "
           f"grid-template-columns: repeat(auto-fill, minmax(min({min_width}px, 100%), 1fr));}}"
           f" .st-key-{key} > div {{min-width: 0; width: auto;}}")
    return st.container(key=key)


def wrapping_columns(key: str, min_width: int) -> DeltaGenerator:
    """A container in which every row of st.columns wraps onto further lines rather than
    squeezing a column below ``min_width`` px."""
    _style(f".st-key-{key} [data-testid='stHorizontalBlock'] {{flex-wrap: wrap;}} "
           f".st-key-{key} [data-testid='stColumn'] {{min-width: min({min_width}px, 100%);}}")
    return st.container(key=key)


def wrapping_row(key: str, widths: tuple[int, ...]) -> list:
    """Containers side by side, like st.columns, that wrap onto the next line when the
    window is too narrow for them: each grows from its minimum width (px) in proportion
    to it, and is never wider than the row (st.columns squeezes instead)."""
    rules = "".join(f"div:has(> .st-key-{key}_{i}) {{ flex: {width} 1 {width}px; "
                    f"min-width: min({width}px, 100%); }}" for i, width in enumerate(widths))
    _style(rules)
    row = st.container(horizontal=True, gap="medium")
    return [row.container(key=f"{key}_{i}") for i in range(len(widths))]
