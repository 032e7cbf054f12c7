"""Numbers as people read them: in the catalog's display unit, with that unit attached."""

from __future__ import annotations

import math

import pandas as pd

from i18n import LANGUAGES, t

NO_DATA = {lang: t("no_data", lang) for lang in LANGUAGES}


def to_display(value: float, entry: pd.Series) -> float:
    """Convert a stored value (catalog base unit) into the display unit (조원, 만명 …)."""
    return value / entry["display_divisor"]


def format_number(value: float | None, decimals: int, lang: str = "ko") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NO_DATA[lang]
    return f"{value:,.{decimals}f}"


def format_display(value: float | None, entry: pd.Series, lang: str = "ko") -> str:
    """A stored value as '123.4 조원'; missing values say so instead of showing 0."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NO_DATA[lang]
    number = format_number(to_display(value, entry), int(entry["decimals"]), lang)
    return f"{number} {entry[f'display_unit_{lang}']}"


def format_pp(change: float | None, lang: str = "ko") -> str:
    """A change in percentage points with its sign: '+2.1%p' / '+2.1 pp'."""
    if change is None or math.isnan(change):
        return NO_DATA[lang]
    unit = t("unit_pp", lang)
    return f"{change:+.1f}{unit}" if lang == "ko" else f"{change:+.1f} {unit}"
