"""What every stored user series must be, checked when it is written and whenever it is read.

The rules are about the rows themselves (known levels and regions, plausible years,
finite values, one row per region and year, a unit); whether the pages can draw a series
is the validation gate's question (validation/gate.py). A series that breaks these rules
on reading is quarantined instead of reaching any page.
"""

from __future__ import annotations

import hashlib
import math

import pandas as pd

from loaders.crosswalk import NATIONAL_CODE, region_table
from loaders.store import STORE_COLUMNS

USER_LEVELS = ("nation", "sido")
FIRST_YEAR = 1900
ROW_KEY = ["level", "region_code", "year"]


def last_year() -> int:
    """No statistic describes a year that has not begun."""
    return pd.Timestamp.now(tz="UTC").year


def problems(rows: pd.DataFrame) -> list[tuple[str, str, int | None]]:
    """(column, what is wrong, first offending row position) for every broken rule."""
    missing = [c for c in STORE_COLUMNS if c not in rows.columns]
    if missing:
        return [(missing[0], f"missing columns {missing}", None)]
    found = []

    def first(mask) -> int | None:
        return int(mask.to_numpy().nonzero()[0][0]) if mask.any() else None

    levels = ~rows["level"].isin(USER_LEVELS)
    if levels.any():
        found.append(("level", "user series hold 시도 and national rows only, not "
                      f"{sorted(set(rows.loc[levels, 'level']))}", first(levels)))
    sido = set(region_table()["region_code"])
    codes = ~(((rows["level"] == "sido") & rows["region_code"].isin(sido))
              | ((rows["level"] == "nation") & (rows["region_code"] == NATIONAL_CODE)))
    if codes.any() and not levels.any():
        found.append(("region_code", f"unknown region code "
                      f"{rows.loc[codes, 'region_code'].iloc[0]!r}", first(codes)))
    years = pd.to_numeric(rows["year"], errors="coerce")
    outside = years.isna() | (years < FIRST_YEAR) | (years > last_year()) | (years % 1 != 0)
    if outside.any():
        found.append(("year", f"year {rows.loc[outside, 'year'].iloc[0]} is outside "
                      f"{FIRST_YEAR}–{last_year()}", first(outside)))
    values = pd.to_numeric(rows["value"], errors="coerce")
    infinite = values.isin([math.inf, -math.inf]) | (values.isna() & rows["value"].notna())
    if infinite.any():
        found.append(("value", f"value {rows.loc[infinite, 'value'].iloc[0]!r} is not a "
                      "finite number", first(infinite)))
    duplicated = rows.duplicated(ROW_KEY)
    if duplicated.any():
        row = rows[duplicated].iloc[0]
        found.append(("year", f"two rows for {row['region_code']} {row['year']}",
                      first(duplicated)))
    units = rows["unit"].fillna("").astype(str).str.strip() == ""
    if units.any():
        found.append(("unit", "a row has no unit", first(units)))
    return found


def digest(rows: pd.DataFrame) -> str:
    """SHA-256 of the rows in a fixed order and exact text (float.hex), so a read-back
    that differs in any value, key, unit, source or flag is noticed."""
    ordered = rows.sort_values(ROW_KEY, kind="stable")
    lines = []
    for row in ordered[list(STORE_COLUMNS)].itertuples(index=False):
        value = "null" if pd.isna(row.value) else float(row.value).hex()
        lines.append("\t".join((str(row.indicator), str(row.level), str(row.region_code),
                                str(int(row.year)), value, str(row.unit), str(row.source),
                                "1" if bool(row.preliminary) else "0")))
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
