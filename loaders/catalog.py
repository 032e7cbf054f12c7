"""The indicator catalog: names, units, display scale, additivity and provenance.

Metadata lives here, not in pages or charts, so one edit relabels every view.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from i18n import both
from loaders.errors import InputError

CATALOG_PATH = Path(__file__).resolve().parent.parent / "data" / "catalog.csv"
# Units that published rows keep as the source printed them ('만개 (rounded to 0.1)'),
# named in both languages; every other row is in its indicator's catalog unit.
ROW_UNITS_PATH = CATALOG_PATH.with_name("row_units.csv")
REQUIRED_COLUMNS = (
    "indicator", "theme", "kind", "name_ko", "name_en", "unit_ko", "unit_en",
    "display_divisor", "display_unit_ko", "display_unit_en", "decimals", "additive",
    "numerator", "denominator", "rate_scale", "per_capita_denominator",
    "publisher_ko", "publisher_en", "kosis_org_id", "kosis_tbl_id", "preliminary_year",
    "definition_ko", "definition_en",
)
THEMES = {theme: both(f"theme_{theme}")   # theme id → (Korean, English) name
          for theme in ("output", "people", "labour", "firms", "innovation")}


def read_catalog(path: Path = CATALOG_PATH) -> pd.DataFrame:
    """Parse and check a catalog file; every problem names its row and column."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in REQUIRED_COLUMNS if c not in table.columns]
    if missing:
        raise InputError(f"missing columns {missing}", file=path.name)
    for position, row in table.iterrows():
        line = int(position) + 2
        if row["theme"] not in THEMES:
            raise InputError(f"unknown theme {row['theme']!r}", file=path.name, row=line, column="theme")
        if row["kind"] not in ("statistic", "published", "imported"):
            raise InputError(f"unknown kind {row['kind']!r}", file=path.name, row=line, column="kind")
        if row["additive"] not in ("True", "False"):
            raise InputError("additive must be True or False", file=path.name, row=line, column="additive")
        for column in ("display_divisor", "decimals"):
            try:
                float(row[column])
            except ValueError:
                raise InputError(f"not a number: {row[column]!r}", file=path.name, row=line,
                                 column=column) from None
    if table["indicator"].duplicated().any():
        duplicate = table.loc[table["indicator"].duplicated(), "indicator"].iloc[0]
        raise InputError(f"indicator {duplicate!r} listed twice", file=path.name, column="indicator")
    table["additive"] = table["additive"] == "True"
    table["display_divisor"] = table["display_divisor"].astype(float)
    table["decimals"] = table["decimals"].astype(int)
    table["rate_scale"] = pd.to_numeric(table["rate_scale"])
    table["preliminary_year"] = pd.to_numeric(table["preliminary_year"]).astype("Int64")
    return table.set_index("indicator", drop=False)


@lru_cache(maxsize=1)
def load_catalog() -> pd.DataFrame:
    """The bundled catalog, indexed by indicator id (cached once per process)."""
    return read_catalog()


def by_theme(catalog: pd.DataFrame) -> list[str]:
    """Indicator ids grouped by theme (in THEMES order), catalog order within a theme."""
    themes = list(THEMES)
    return sorted(catalog.index, key=lambda i: themes.index(catalog.loc[i, "theme"]))


def themed_name(catalog: pd.DataFrame, indicator: str, lang: str) -> str:
    """'생산 · 지역내총생산(명목)': how indicator pickers label an option."""
    theme_ko, theme_en = THEMES[catalog.loc[indicator, "theme"]]
    return f"{theme_en if lang == 'en' else theme_ko} · {catalog.loc[indicator, f'name_{lang}']}"


def indicator_name(indicator: str, lang: str = "ko") -> str:
    return load_catalog().loc[indicator, f"name_{lang}"]


def display_unit(indicator: str, lang: str = "ko") -> str:
    return load_catalog().loc[indicator, f"display_unit_{lang}"]


@lru_cache(maxsize=1)
def row_unit_names() -> dict[tuple[str, str], tuple[str, str]]:
    """(indicator, unit as stored) → (Korean, English) for rows not in the catalog unit."""
    table = pd.read_csv(ROW_UNITS_PATH, dtype=str, keep_default_na=False)
    return {(row.indicator, row.unit): (row.unit_ko, row.unit_en)
            for row in table.itertuples(index=False)}


def row_unit(entry: pd.Series, unit: str, lang: str) -> str:
    """A stored row's unit as a reader of ``lang`` reads it: the catalog's unit when the
    row is in it (``entry``: the indicator's catalog row), else the published unit's
    name (data/row_units.csv), else as stored."""
    if unit == entry["unit_ko"]:
        return entry[f"unit_{lang}"]
    names = row_unit_names().get((entry.name, unit))
    return unit if names is None else names[lang == "en"]
