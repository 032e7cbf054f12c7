"""The indicator catalog: names, units, display scale, additivity and provenance.

Metadata lives here, not in pages or charts, so one edit relabels every view.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from loaders.errors import InputError

CATALOG_PATH = Path(__file__).resolve().parent.parent / "data" / "catalog.csv"
REQUIRED_COLUMNS = (
    "indicator", "theme", "kind", "name_ko", "name_en", "unit_ko", "unit_en",
    "display_divisor", "display_unit_ko", "display_unit_en", "decimals", "additive",
    "numerator", "denominator", "rate_scale", "per_capita_denominator",
    "publisher_ko", "publisher_en", "kosis_org_id", "kosis_tbl_id", "preliminary_year",
    "definition_ko", "definition_en",
)
THEMES = {"output": ("생산", "Output"), "people": ("인구", "People"),
          "labour": ("고용", "Labour"), "firms": ("기업", "Firms"),
          "innovation": ("혁신", "Innovation")}


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
