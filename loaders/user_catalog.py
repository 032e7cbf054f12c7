"""Catalog entries for imported series, checked by the same reader as data/catalog.csv.

An imported series needs every catalog column the pages rely on (display unit, scale,
decimals, additivity, publisher). The user supplies the meaning (names, unit, additive,
theme, publisher); the rest gets neutral defaults. Entries are validated and typed by
loaders.catalog.read_catalog, so an imported entry can never look different from a
bundled one.
"""

from __future__ import annotations

import csv
import io

from loaders.catalog import REQUIRED_COLUMNS, read_catalog


def make_entry(indicator: str, *, name_ko: str, name_en: str, unit_ko: str, unit_en: str,
               additive: bool, theme: str, decimals: int, publisher_ko: str, publisher_en: str,
               definition_ko: str, definition_en: str) -> dict:
    """A complete catalog row (strings, as in catalog.csv), refused if any field is invalid."""
    entry = dict.fromkeys(REQUIRED_COLUMNS, "")
    entry.update(indicator=indicator, theme=theme, kind="imported", name_ko=name_ko,
                 name_en=name_en, unit_ko=unit_ko, unit_en=unit_en, display_divisor="1",
                 display_unit_ko=unit_ko, display_unit_en=unit_en, decimals=str(decimals),
                 additive=str(bool(additive)), publisher_ko=publisher_ko,
                 publisher_en=publisher_en, definition_ko=definition_ko,
                 definition_en=definition_en)
    read_catalog(entries_table([entry]))
    return entry


def entries_table(entries: list[dict]) -> io.StringIO:
    """Entries as an in-memory catalog file that read_catalog can parse."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(REQUIRED_COLUMNS), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(entries)
    buffer.seek(0)
    buffer.name = "user_data catalog entries"  # read_catalog names the file in its errors
    return buffer

