"""Public interface of the data layer: pages and tests import from here only.

Every loader reads once per process (functools caches work with and without
Streamlit), and every bad input raises InputError naming file, row and column.
Indicators and catalog entries combine the bundled store with the user store
(loaders/user_store.py); the caches are keyed by the store's generation, read from the
database every process shares, so an import or rollback in any session or process is
seen on the next page run.

A session may hide every user series and see the bundled, official data only
(``show_user_data(False)``, set by the page furniture from the viewer's choice).
"""

from contextvars import ContextVar
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
from loaders.policy import load_depopulation_areas, load_policy_layers
from loaders.store import load_store
from loaders.store_db import is_embedded as store_is_embedded
from loaders.upload_sandbox import preview_isolated
from loaders.user_catalog import entries_table
from loaders.user_versions import (USER_COLUMNS, UserVersion, user_version,
                                   version_source)

_with_user_data: ContextVar[bool] = ContextVar("with_user_data", default=True)


def load_indicators() -> pd.DataFrame:
    """The tidy store: region_code, level, year, indicator, value, unit, source, preliminary.

    Bundled rows plus the current version of every usable user series; an update series
    replaces the bundled value of the same indicator, level, region and year, and every
    user row's source names its version. Treat the frame as read-only.
    """
    return _combined_indicators(data_version()[1], _with_user_data.get())


def load_catalog() -> pd.DataFrame:
    """The bundled catalog plus the entries of imported series, indexed by indicator id,
    with the user version (if any) that feeds each indicator in USER_COLUMNS."""
    return _combined_catalog(data_version()[1], _with_user_data.get())


def indicator_name(indicator: str, lang: str = "ko") -> str:
    return load_catalog().loc[indicator, f"name_{lang}"]


def data_version() -> tuple[str, str]:
    """A cheap token that changes with every import, refresh or rollback, in any process.
    Pass it to st.cache_data functions so their results follow the data."""
    return user_store.generation()


def show_user_data(shown: bool) -> None:
    """Whether this session's page run sees user series (False: bundled data only)."""
    _with_user_data.set(bool(shown))


def showing_user_data() -> bool:
    return _with_user_data.get()


def store_snapshot() -> user_store.Snapshot:
    """The store as last read (series, quarantine, error) for the current generation."""
    return _snapshot(data_version()[1])


def user_series() -> list[user_store.Manifest]:
    """Every stored user series with its versions (for the import page)."""
    return list(store_snapshot().series)


def quarantined() -> list[user_store.Quarantined]:
    """Series left out of every page, and why (for the import page)."""
    return list(store_snapshot().quarantined)


def store_changes(limit: int = 500) -> list[user_store.Change]:
    """The change log, newest first: who imported, updated or rolled back what, when."""
    return user_store.changes(limit)


def rollback(indicator: str, *, author: str) -> user_store.Manifest:
    """Make the previous version of a user series current; every page sees it at once."""
    return user_store.rollback(indicator, author=author)


def candidate_data(candidate: user_store.Candidate) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(indicators, catalog) as every page would read them once the candidate is stored:
    the current combined data with the candidate in place of the series' current version."""
    snapshot = store_snapshot()
    rows = snapshot.rows[snapshot.rows["indicator"] != candidate.indicator]
    series = [m for m in snapshot.usable() if m.indicator != candidate.indicator]
    pending = user_store.Version(
        number=1 + max((v.number for m in snapshot.series if m.indicator == candidate.indicator
                        for v in m.versions), default=0),
        source_file="", imported_at=pd.Timestamp.now(tz="UTC").isoformat(), sha256="",
        rows_sha256="", rows=len(candidate.rows), origin="upload", author="",
        entry=candidate.entry)
    series.append(user_store.Manifest(candidate.indicator, candidate.kind, pending.number,
                                      (pending,)))
    user = pd.concat([rows, candidate.rows], ignore_index=True)
    return _combine_rows(user, series), _combine_catalog(series, user)


def clear_caches() -> None:
    """Forget combined data now (imports and rollbacks also change the cache key)."""
    _snapshot.cache_clear()
    _combined_indicators.cache_clear()
    _combined_catalog.cache_clear()


@lru_cache(maxsize=2)
def _snapshot(_token: str) -> user_store.Snapshot:
    return user_store.snapshot()


@lru_cache(maxsize=4)
def _combined_indicators(token: str, with_user: bool) -> pd.DataFrame:
    if not with_user:
        return load_store()
    snapshot = _snapshot(token)
    return _combine_rows(snapshot.rows, snapshot.usable())


@lru_cache(maxsize=4)
def _combined_catalog(token: str, with_user: bool) -> pd.DataFrame:
    snapshot = _snapshot(token)
    return _combine_catalog(snapshot.usable() if with_user else [], snapshot.rows)


def _combine_rows(user: pd.DataFrame, series: list[user_store.Manifest]) -> pd.DataFrame:
    """Bundled rows with the user rows laid over them, each user row's source naming its
    version; imported series whose id a newer bundled catalog now uses are left out
    (bundled data always wins; the user's versions stay in the store)."""
    bundled = load_store()
    shown = {m.indicator: m for m in _shown(series)}
    user = user[user["indicator"].isin(shown)]
    if user.empty:
        return bundled
    user = user.assign(source=[version_source(shown[indicator], source) for indicator, source
                               in zip(user["indicator"], user["source"])])
    combined = pd.concat([bundled, user.astype(bundled.dtypes.to_dict())], ignore_index=True)
    return combined.drop_duplicates(user_store.KEY, keep="last").reset_index(drop=True)


def _combine_catalog(series: list[user_store.Manifest], rows: pd.DataFrame) -> pd.DataFrame:
    bundled = load_bundled_catalog()
    shown = _shown(series)
    entries = [m.current_version.entry for m in shown if m.kind == "imported"]
    catalog = pd.concat([bundled, read_catalog(entries_table(entries))]) if entries \
        else bundled.copy()
    for column, default in USER_COLUMNS.items():
        catalog[column] = default
    years = {indicator: sorted(set(frame["year"])) for indicator, frame in rows.groupby(
        "indicator")}
    for manifest in shown:
        version = UserVersion.of(manifest, years.get(manifest.indicator, ()))
        for column, value in version.as_columns().items():
            catalog.loc[manifest.indicator, column] = value
    return catalog


def _shown(series: list[user_store.Manifest]) -> list[user_store.Manifest]:
    bundled = load_bundled_catalog().index
    return [m for m in series if m.current
            and not (m.kind == "imported" and m.indicator in bundled)]


__all__ = [
    "MAX_UPLOAD_MB", "THEMES", "USER_COLUMNS", "InputError", "UnknownRegionError",
    "UserVersion", "candidate_data", "catalog_overview", "clear_caches", "confirm_new",
    "confirm_update", "data_version", "expected_regions", "indicator_name",
    "load_bundled_catalog", "load_catalog", "load_depopulation_areas", "load_indicators",
    "load_policy_layers",
    "load_regions", "preview_isolated", "preview_upload", "quarantined", "region_existed",
    "region_table", "resolve_sido", "rollback", "show_user_data", "showing_user_data",
    "store_changes", "store_is_embedded", "store_snapshot", "user_series", "user_version",
    "versions_table",
]
