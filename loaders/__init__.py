"""Public interface of the data layer: pages and tests import from here only.

Every loader reads once per process (functools caches work with and without
Streamlit), and every bad input raises InputError naming file, row and column.
Indicators and catalog entries combine the bundled store with the user data area
(loaders/user_store.py); the caches are keyed by the user data's last change, so an
import or rollback in any session or process is seen on the next page run.
"""

from functools import lru_cache

import pandas as pd

from loaders import user_store
from loaders.catalog import THEMES, read_catalog
from loaders.catalog import load_catalog as load_bundled_catalog
from loaders.crosswalk import expected_regions, region_existed, region_table, resolve_sido
from loaders.errors import InputError, UnknownRegionError
from loaders.geo import load_regions
from loaders.importing import (catalog_overview, confirm_new, confirm_update, preview_upload,
                               versions_table)
from loaders.limits import MAX_UPLOAD_MB
from loaders.policy import load_policy_layers
from loaders.store import load_store
from loaders.upload_sandbox import preview_isolated
from loaders.user_catalog import entries_table


def load_indicators() -> pd.DataFrame:
    """The tidy store: region_code, level, year, indicator, value, unit, source, preliminary.

    Bundled rows plus the current version of every user series; an update series
    replaces the bundled value of the same indicator, level, region and year.
    Treat the frame as read-only.
    """
    return _combined_indicators(data_version())


def load_catalog() -> pd.DataFrame:
    """The bundled catalog plus the entries of imported series, indexed by indicator id."""
    return _combined_catalog(data_version())


def indicator_name(indicator: str, lang: str = "ko") -> str:
    return load_catalog().loc[indicator, f"name_{lang}"]


def data_version() -> tuple[str, str]:
    """A cheap token that changes with every import, refresh or rollback, in any process.
    Pass it to st.cache_data functions so their results follow the data."""
    return user_store.generation()


def user_series() -> list[user_store.Manifest]:
    """Every stored user series with its versions (for the import page)."""
    return user_store.manifests()


def rollback(indicator: str) -> user_store.Manifest:
    """Make the previous version of a user series current; every page sees it at once."""
    return user_store.rollback(indicator)


def clear_caches() -> None:
    """Forget combined data now (imports and rollbacks also change the cache key)."""
    _combined_indicators.cache_clear()
    _combined_catalog.cache_clear()


@lru_cache(maxsize=2)
def _combined_indicators(_generation: tuple[str, str]) -> pd.DataFrame:
    bundled = load_store()
    user = _user_rows()
    if user.empty:
        return bundled
    combined = pd.concat([bundled, user.astype(bundled.dtypes.to_dict())], ignore_index=True)
    return combined.drop_duplicates(user_store.KEY, keep="last").reset_index(drop=True)


@lru_cache(maxsize=2)
def _combined_catalog(_generation: tuple[str, str]) -> pd.DataFrame:
    bundled = load_bundled_catalog()
    entries = [e for e in user_store.current_entries() if e["indicator"] not in bundled.index]
    if not entries:
        return bundled
    return pd.concat([bundled, read_catalog(entries_table(entries))])


def _user_rows() -> pd.DataFrame:
    """Current user rows, minus imported series whose id a newer bundled catalog now uses
    (bundled data always wins; the user's files stay on disk)."""
    rows = user_store.current_rows()
    bundled = load_bundled_catalog().index
    shadowed = {m.indicator for m in user_store.manifests()
                if m.kind == "imported" and m.indicator in bundled}
    return rows[~rows["indicator"].isin(shadowed)]


__all__ = [
    "MAX_UPLOAD_MB", "THEMES", "InputError", "UnknownRegionError", "catalog_overview",
    "clear_caches", "confirm_new", "confirm_update", "data_version", "expected_regions",
    "indicator_name",
    "load_bundled_catalog", "load_catalog", "load_indicators", "load_policy_layers",
    "load_regions", "preview_isolated", "preview_upload", "region_existed", "region_table", "resolve_sido",
    "rollback", "user_series", "versions_table",
]
