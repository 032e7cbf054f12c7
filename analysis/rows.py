"""An indicator's rows from the store, in the catalog's unit, by level and year.

Published rows may keep the unit they were published in ('만개 (rounded to 0.1)'); every
computation works in the catalog unit, so the conversion happens here, once.
"""

from __future__ import annotations

import pandas as pd

from analysis.memo import remembered

# Row units a published source keeps ("만개 (rounded to 0.1)") relative to the catalog unit.
UNIT_PREFIX_FACTORS = {"만": 1e4, "천": 1e3}
_EMPTY = pd.DataFrame({"value": pd.Series(dtype=float), "source": pd.Series(dtype=object),
                       "preliminary": pd.Series(dtype=bool)}).rename_axis("region_code")


def unit_factor(row_unit: str, catalog_unit: str) -> float:
    """Multiplier from a row's published unit to the catalog unit ('만개' → '개' is 10,000)."""
    if row_unit.startswith(catalog_unit) or catalog_unit == "%":
        return 1.0
    prefix, rest = row_unit[:1], row_unit[1:]
    if prefix in UNIT_PREFIX_FACTORS and rest.startswith(catalog_unit):
        return UNIT_PREFIX_FACTORS[prefix]
    raise ValueError(f"cannot convert unit {row_unit!r} to {catalog_unit!r}")


def indicator_rows(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str,
                   level: str) -> pd.DataFrame:
    """An indicator's rows with a value at one level, values in the catalog unit."""
    def compute():
        rows = store[(store["indicator"] == indicator) & (store["level"] == level)]
        rows = rows.dropna(subset=["value"])
        if indicator in catalog.index and not rows.empty:
            catalog_unit = catalog.loc[indicator, "unit_ko"]
            factors = rows["unit"].map(lambda unit: unit_factor(unit, catalog_unit))
            rows = rows.assign(value=rows["value"] * factors)
        return rows
    return remembered((store, catalog), ("rows", indicator, level), compute)


def cross_section(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str, year: int,
                  level: str) -> pd.DataFrame:
    """One year's rows indexed by region_code (value, source, preliminary); empty if none."""
    def compute():
        rows = indicator_rows(store, catalog, indicator, level)
        columns = ["region_code", "value", "source", "preliminary"]
        return {int(year): frame[columns].set_index("region_code")
                for year, frame in rows.groupby("year")}
    by_year = remembered((store, catalog), ("by_year", indicator, level), compute)
    return by_year.get(int(year), _EMPTY)

