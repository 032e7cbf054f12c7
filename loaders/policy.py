"""Policy layers (bundled from ../shared/data/policy): the regions the 2023 plan names, and
the 시군구 the Ministry of the Interior designated as depopulation areas."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from loaders.crosswalk import region_table, resolve_sido
from loaders.errors import InputError
from loaders.geo import load_regions

POLICY_DIR = Path(__file__).resolve().parent.parent / "data" / "policy"
POLICY_PATH = POLICY_DIR / "policy_layers.csv"
DEPOPULATION_PATH = POLICY_DIR / "depopulation_areas.csv"
# The two designations, as the notices name them, and the ids the app uses for them.
DEPOPULATION_CATEGORIES = {"인구감소지역": "depopulation", "인구감소관심지역": "watch"}
DEPOPULATION_COLUMNS = ("sigungu_code", "sigungu_code_2021", "sido_code", "sido_name",
                        "sigungu_name", "category", "is_capital", "source")


@lru_cache(maxsize=1)
def load_policy_layers() -> pd.DataFrame:
    """One row per (layer, region) with the plan's note; codes checked through the crosswalk."""
    layers = pd.read_csv(POLICY_PATH, dtype=str, keep_default_na=False)
    for position, code in layers["region_code"].items():
        try:
            resolve_sido(code, "admin_std")
        except InputError as error:
            raise InputError(error.reason, file=POLICY_PATH.name, row=int(position) + 2,
                             column="region_code") from None
    return layers


def read_depopulation_areas(path: Path = DEPOPULATION_PATH,
                            map_units: frozenset[str] | None = None) -> pd.DataFrame:
    """The designated 시군구, checked: one row per map unit (sigungu_code_2021, the scheme of
    the bundled shapes), a known category, a 시도 code the crosswalk knows and whose capital
    flag matches the file's. Adds ``area`` (depopulation | watch) and ``region_code`` (the
    map unit). Every problem names the file, row and column."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in DEPOPULATION_COLUMNS if c not in table.columns]
    if missing:
        raise InputError(f"missing columns {missing}", file=path.name)
    capital = dict(zip(region_table()["region_code"], region_table()["is_capital"]))
    for position, row in table.iterrows():
        line = int(position) + 2

        def fail(message: str, column: str, line: int = line):
            raise InputError(message, file=path.name, row=line, column=column)
        if row["category"] not in DEPOPULATION_CATEGORIES:
            fail(f"unknown category {row['category']!r}", "category")
        try:
            sido = resolve_sido(row["sido_code"], "admin_std")
        except InputError as error:
            fail(error.reason, "sido_code")
        if not row["sigungu_code_2021"].isdigit() or len(row["sigungu_code_2021"]) != 5:
            fail(f"not a 5-digit 시군구 code: {row['sigungu_code_2021']!r}", "sigungu_code_2021")
        if map_units is not None and row["sigungu_code_2021"] not in map_units:
            fail(f"{row['sigungu_code_2021']} is not a bundled 시군구 shape", "sigungu_code_2021")
        if (row["is_capital"] == "True") != capital[sido]:
            fail(f"is_capital {row['is_capital']} contradicts the region table for {sido}",
                 "is_capital")
    if table["sigungu_code_2021"].duplicated().any():
        duplicate = table.loc[table["sigungu_code_2021"].duplicated(), "sigungu_code_2021"]
        fail_row = int(duplicate.index[0]) + 2
        raise InputError(f"{duplicate.iloc[0]} listed twice", file=path.name, row=fail_row,
                         column="sigungu_code_2021")
    return table.assign(region_code=table["sigungu_code_2021"],
                        area=table["category"].map(DEPOPULATION_CATEGORIES),
                        is_capital=table["is_capital"] == "True")


@lru_cache(maxsize=1)
def load_depopulation_areas() -> pd.DataFrame:
    """The 89 인구감소지역 and 18 인구감소관심지역 on the bundled 시군구 map units."""
    return read_depopulation_areas(map_units=frozenset(load_regions("sigungu")["region_code"]))
