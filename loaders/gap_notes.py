"""Why a bundled series has no figures in a year (data/gap_notes.csv, from the data README).

A chart breaks its line where a year is missing; a reader also needs the reason, e.g.
that the source has no 2022 age groups, rather than a silent gap.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from loaders.errors import InputError

GAP_NOTES_PATH = Path(__file__).resolve().parent.parent / "data" / "gap_notes.csv"
COLUMNS = ("indicator", "year", "note_ko", "note_en")


def read_gap_notes(path: Path = GAP_NOTES_PATH) -> pd.DataFrame:
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in COLUMNS if c not in table.columns]
    if missing:
        raise InputError(f"missing columns {missing}", file=path.name)
    years = pd.to_numeric(table["year"], errors="coerce")
    if years.isna().any():
        raise InputError("not a year", file=path.name, row=int(years.isna().idxmax()) + 2,
                         column="year")
    return table.assign(year=years.astype(int))


@lru_cache(maxsize=1)
def load_gap_notes() -> pd.DataFrame:
    return read_gap_notes()


def gap_note(indicator: str, year: int, lang: str) -> str:
    """The documented reason an indicator has no figures in a year, or ''."""
    notes = load_gap_notes()
    hit = notes[(notes["indicator"] == indicator) & (notes["year"] == int(year))]
    return hit[f"note_{lang}"].iloc[0] if len(hit) else ""
