"""The tidy indicator store: one row per region, year and indicator, with unit and source."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from loaders.errors import InputError

STORE_PATH = Path(__file__).resolve().parent.parent / "data" / "indicators.parquet"
STORE_COLUMNS = ("region_code", "level", "year", "indicator", "value", "unit", "source",
                 "preliminary")
LEVELS = ("nation", "group", "sido", "sigungu")
# Published aggregates: 수도권, the other 14, and the 13 outside 수도권 and 대전.
GROUP_CODES = ("CAP", "NONCAP", "NONCAP_EXDJ")


def write_store(store: pd.DataFrame, path: Path) -> None:
    """Write with fixed dtypes and no index so that rebuilding gives identical bytes."""
    typed = store.astype({"region_code": str, "level": str, "year": "int16",
                          "indicator": str, "value": "float64", "unit": str, "source": str,
                          "preliminary": bool})
    typed.to_parquet(path, index=False, compression="zstd")


def read_store(path: Path = STORE_PATH) -> pd.DataFrame:
    """Read and check a store file: right columns, known levels, no duplicate keys."""
    if not path.exists():
        raise InputError("indicator store not found; run scripts/build_store.py", file=str(path))
    store = pd.read_parquet(path)
    missing = [c for c in STORE_COLUMNS if c not in store.columns]
    if missing:
        raise InputError(f"missing columns {missing}", file=path.name)
    unknown = set(store["level"]) - set(LEVELS)
    if unknown:
        raise InputError(f"unknown levels {sorted(unknown)}", file=path.name, column="level")
    duplicated = store.duplicated(["region_code", "year", "indicator"])
    if duplicated.any():
        first = store[duplicated].iloc[0]
        raise InputError(f"duplicated row {first['indicator']} {first['region_code']} "
                         f"{first['year']}", file=path.name, row=int(duplicated.idxmax()) + 1)
    return store


@lru_cache(maxsize=1)
def load_store() -> pd.DataFrame:
    """The bundled store, read once per process. Treat the frame as read-only."""
    return read_store()
