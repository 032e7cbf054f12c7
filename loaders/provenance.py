"""Retrieval provenance: which copy of an official table each bundled figure was read from.

Kept beside the store (data/provenance.parquet), keyed like it by indicator, region and
year, so exports can say where a number was fetched without passing a mirror off as
its source (the store's ``source`` column is the citation, loaders.citations).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from loaders.errors import InputError

PROVENANCE_PATH = Path(__file__).resolve().parent.parent / "data" / "provenance.parquet"
KEY = ["indicator", "region_code", "year"]
PROVENANCE_COLUMNS = (*KEY, "retrieved_from")


def write_provenance(table: pd.DataFrame, path: Path = PROVENANCE_PATH) -> None:
    """Fixed dtypes, sorted, no index: rebuilding gives identical bytes."""
    typed = table[list(PROVENANCE_COLUMNS)].astype(
        {"indicator": str, "region_code": str, "year": "int16", "retrieved_from": str})
    typed.sort_values(KEY).reset_index(drop=True).to_parquet(path, index=False,
                                                             compression="zstd")


def read_provenance(path: Path = PROVENANCE_PATH) -> pd.DataFrame:
    if not path.exists():
        raise InputError("provenance table not found; run scripts/build_store.py",
                         file=str(path))
    table = pd.read_parquet(path)
    missing = [c for c in PROVENANCE_COLUMNS if c not in table.columns]
    if missing:
        raise InputError(f"missing columns {missing}", file=path.name)
    return table


@lru_cache(maxsize=1)
def load_provenance() -> pd.DataFrame:
    """The bundled provenance, read once per process. Treat the frame as read-only."""
    return read_provenance()


def retrieved_from(rows: pd.DataFrame) -> pd.Series:
    """Where each of ``rows`` (columns indicator, region_code, year) was fetched; '' for
    figures the bundle did not fetch (computed aggregates, a user's imports)."""
    if rows.empty:
        return pd.Series("", index=rows.index, dtype=object)
    key = rows[KEY].astype({"indicator": str, "region_code": str, "year": int})
    table = load_provenance().astype({"year": int})
    merged = key.merge(table, on=KEY, how="left")
    return pd.Series(merged["retrieved_from"].fillna("").to_numpy(), index=rows.index)
