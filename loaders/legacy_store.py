"""Move the old parquet user store (one folder per series: manifest.json and vNNNN.parquet
files, a .lock and a generation token) into the database, once, on first start.

Every version of a series is checked as the old store checked it (the parquet file's
SHA-256 from the manifest, the store's columns) and against loaders/series_checks.py; a
series with any unreadable version is not migrated but quarantined, with the reason,
and listed on the import page. Migrated versions are marked pending, so the validation
gate runs on them before a page shows them. Afterwards the old files are moved, not
deleted, into user_data/legacy_parquet/<time>/, and lock, token and temporary files go.
Running twice, or in two processes at once, migrates each series once.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
from pathlib import Path

import pandas as pd
from sqlalchemy import insert, select

from loaders import series_checks, store_db
from loaders.store import STORE_COLUMNS, read_store
from loaders.store_db import (legacy_quarantine, user_changes, user_series, user_versions)

MANIFEST = "manifest.json"
ARCHIVE = "legacy_parquet"
DEBRIS = (".lock", "generation")
AUTHOR = "parquet store (migrated)"

_done: set[tuple[str, str]] = set()
_lock = threading.Lock()


class LegacyError(Exception):
    """A legacy series that cannot be migrated, and why (no server paths)."""


def migrate_once(url: str, root: Path) -> None:
    """Migrate root's parquet series into the store at url, once per process."""
    key = (url, str(root))
    if key in _done:
        return
    with _lock:
        if key in _done:
            return
        if present(root):
            migrate(url, root)
        _done.add(key)


def present(root: Path) -> bool:
    """Whether root still holds anything of the old store."""
    if not root.is_dir():
        return False
    return any(_series_folders(root)) or any((root / name).exists() for name in DEBRIS) \
        or any(root.glob(".*.tmp"))


def migrate(url: str, root: Path) -> list[str]:
    """Move every legacy series into the database; returns the ids migrated."""
    folders = list(_series_folders(root))
    readable, broken = [], []
    for folder in folders:
        try:
            readable.append((folder, *_read_series(folder)))
        except LegacyError as error:
            broken.append((folder.name, str(error)))
    migrated = []
    stamp = pd.Timestamp.now(tz="UTC").isoformat(timespec="seconds")
    with store_db.writing(url) as (connection, _):
        for folder, manifest, versions, manifest_sha in readable:
            indicator = manifest["indicator"]
            done = connection.execute(select(user_changes.c.id).where(
                user_changes.c.action == "migrate", user_changes.c.indicator == indicator,
                user_changes.c.sha256 == manifest_sha)).first()
            if done is not None:
                continue
            if connection.execute(select(user_series.c.indicator).where(
                    user_series.c.indicator == indicator)).first() is not None:
                broken.append((folder.name, f"{indicator!r} is already in the database"))
                continue
            _insert_series(connection, manifest, versions)
            connection.execute(insert(user_changes).values(
                at=stamp, author=AUTHOR, action="migrate", indicator=indicator,
                version=int(manifest["current"]) or None, source_file=MANIFEST,
                sha256=manifest_sha, detail=f"{len(versions)} versions"))
            migrated.append(indicator)
        for name, reason in broken:
            if connection.execute(select(legacy_quarantine.c.name).where(
                    legacy_quarantine.c.name == name)).first() is None:
                connection.execute(insert(legacy_quarantine).values(
                    name=name, reason=reason, found_at=stamp))
    _archive(root, folders, stamp)
    return migrated


def _series_folders(root: Path):
    for folder in sorted(root.iterdir()):
        if folder.is_dir() and folder.name != ARCHIVE and (
                (folder / MANIFEST).exists() or any(folder.glob("v*.parquet"))):
            yield folder


def _read_series(folder: Path):
    """(manifest, [(version record, rows)], manifest SHA-256), or LegacyError."""
    path = folder / MANIFEST
    try:
        raw = path.read_bytes()
        manifest = json.loads(raw.decode("utf-8"))
        indicator, kind = manifest["indicator"], manifest["kind"]
        current = int(manifest["current"])
        records = list(manifest["versions"])
    except FileNotFoundError:
        raise LegacyError("manifest.json is missing") from None
    except (ValueError, KeyError, TypeError) as error:
        raise LegacyError(f"manifest.json is damaged ({type(error).__name__})") from None
    if kind not in ("imported", "update") or indicator != folder.name:
        raise LegacyError(f"manifest.json names {indicator!r} as {kind!r}")
    versions = []
    for record in records:
        try:
            number, name = int(record["number"]), str(record["file"])
            parquet = folder / Path(name).name
            if hashlib.sha256(parquet.read_bytes()).hexdigest() != record["file_sha256"]:
                raise LegacyError(f"{parquet.name} was changed outside the app "
                                  "(checksum mismatch)")
            rows = read_store(parquet)
        except LegacyError:
            raise
        except FileNotFoundError:
            raise LegacyError(f"{Path(str(record.get('file'))).name} is missing") from None
        except Exception as error:  # a damaged file: pyarrow, pandas or our checks
            raise LegacyError(f"{Path(str(record.get('file'))).name} cannot be read "
                              f"({type(error).__name__})") from None
        rows = rows[list(STORE_COLUMNS)].reset_index(drop=True)
        found = series_checks.problems(rows)
        if found or set(rows["indicator"]) != {indicator}:
            column, message, _ = found[0] if found else ("indicator", "other indicators", 0)
            raise LegacyError(f"v{number}, column {column!r}: {message}")
        versions.append((number, record, rows))
    if current and current not in {number for number, _, _ in versions}:
        raise LegacyError(f"the current version v{current} is not in manifest.json")
    return manifest, versions, hashlib.sha256(raw).hexdigest()


def _insert_series(connection, manifest: dict, versions) -> None:
    indicator = manifest["indicator"]
    connection.execute(insert(user_series).values(
        indicator=indicator, kind=manifest["kind"], current=int(manifest["current"])))
    for number, record, rows in versions:
        entry = record.get("entry")
        connection.execute(insert(user_versions).values(
            indicator=indicator, number=number, source_file=str(record["source_file"]),
            imported_at=str(record["imported_at"]), sha256=str(record["sha256"]),
            rows_sha256=series_checks.digest(rows), row_count=len(rows),
            origin=str(record.get("origin", "upload")), author=AUTHOR,
            entry=json.dumps(entry, ensure_ascii=False) if entry else None,
            gate="pending", gate_detail=""))
        store_db.insert_rows(connection, indicator, number, rows)


def _archive(root: Path, folders: list[Path], stamp: str) -> None:
    """Keep the old files out of the way (not deleted); remove lock, token and temp files."""
    target = root / ARCHIVE / stamp.replace(":", "")
    for folder in folders:
        for debris in folder.glob(".*.tmp"):
            debris.unlink(missing_ok=True)
        target.mkdir(parents=True, exist_ok=True)
        try:
            shutil.move(str(folder), str(target / folder.name))
        except OSError:
            pass  # another process moved it first
    for name in DEBRIS:
        (root / name).unlink(missing_ok=True)
    for debris in root.glob(".*.tmp"):
        debris.unlink(missing_ok=True)

