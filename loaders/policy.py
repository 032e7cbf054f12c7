"""Policy layers named by the 2023 plan (bundled from ../shared/data/policy)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from loaders.crosswalk import resolve_sido
from loaders.errors import InputError

POLICY_PATH = Path(__file__).resolve().parent.parent / "data" / "policy" / "policy_layers.csv"


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
