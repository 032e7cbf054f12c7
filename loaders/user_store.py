"""The user store: imported and refreshed series, versioned beside the bundled data.

Files in data/ are never written. Every user series lives in the database of
loaders/store_db.py (SQLite in user_data/ by default, PostgreSQL when configured) as
versions with their provenance (source file, SHA-256 of the source, import time in
UTC, who stored it, origin) and their rows, and every change is logged with who made it.

Two kinds of series live here. An "imported" series is a new indicator with its own
catalog entry; its id may not be a bundled id. An "update" series holds newer or revised
values for a bundled indicator; it overlays the bundled rows (same region and year) and
rolling it back past its first version shows the bundled data again.

A save or rollback is one transaction; the rows are read back and compared before it
commits. Reading takes one snapshot, and a current version whose rows no longer match
their checksum or the rules of loaders/series_checks.py, or that the validation gate
refused, is quarantined: left out of every page and listed on the import page.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import and_, func, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from loaders import legacy_store, series_checks, store_db
from loaders.catalog import load_catalog as load_bundled_catalog
from loaders.errors import InputError
from loaders.store import STORE_COLUMNS
from loaders.store_db import (legacy_quarantine, user_changes, user_rows, user_series,
                              user_versions)

ENV_VAR = store_db.DATA_ENV
INDICATOR_ID = re.compile(r"^[a-z][a-z0-9_]{1,62}$")
KINDS = ("imported", "update")
ORIGINS = ("upload", "kosis_api")
KEY = ["indicator", "level", "region_code", "year"]
GATE_PASSED, GATE_PENDING, GATE_FAILED = "passed", "pending", "failed"


@dataclass(frozen=True)
class Version:
    """One stored version of a series, where it came from and who stored it."""
    number: int
    source_file: str
    imported_at: str   # UTC, ISO 8601
    sha256: str        # of the source: the uploaded bytes or the API payload
    rows_sha256: str   # of the stored rows (loaders.series_checks.digest)
    rows: int
    origin: str
    author: str
    entry: dict | None  # catalog entry (imported series); None for updates
    gate: str = GATE_PASSED  # passed, pending (stored without the gate) or failed
    gate_detail: str = ""


@dataclass(frozen=True)
class Manifest:
    """A series' versions; current is 0 when an update was rolled back to the bundled data."""
    indicator: str
    kind: str
    current: int
    versions: tuple[Version, ...]

    def version(self, number: int) -> Version:
        return next(v for v in self.versions if v.number == number)

    @property
    def current_version(self) -> Version | None:
        return self.version(self.current) if self.current else None


@dataclass(frozen=True)
class Quarantined:
    """A series left out of every page: why (a code the import page words), and detail."""
    indicator: str
    version: int | None
    reason: str   # changed, rows, gate, legacy, unreadable
    detail: str


@dataclass(frozen=True)
class Change:
    """One entry of the change log: who did what, when, from which file."""
    at: str
    author: str
    action: str   # import, update, rollback, migrate, gate
    indicator: str
    version: int | None
    source_file: str
    sha256: str
    detail: str


@dataclass(frozen=True)
class Candidate:
    """A version about to be stored, as the validation gate sees it."""
    indicator: str
    kind: str
    rows: pd.DataFrame
    entry: dict | None


@dataclass(frozen=True)
class Snapshot:
    """Everything the pages read from the store, from one read transaction."""
    label: str
    token: str
    series: tuple[Manifest, ...] = ()
    rows: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(STORE_COLUMNS)))
    quarantined: tuple[Quarantined, ...] = ()
    error: str = ""   # the store could not be read at all (pages show bundled data)

    def usable(self) -> list[Manifest]:
        """Series with a current version that is not quarantined."""
        left_out = {q.indicator for q in self.quarantined}
        return [m for m in self.series if m.current and m.indicator not in left_out]

    def pending(self) -> list[Manifest]:
        """Series whose current version was stored without the validation gate."""
        return [m for m in self.usable() if m.current_version.gate == GATE_PENDING]


class StoreBusyError(InputError):
    """Another writer held the store for longer than a writer waits."""


def generation() -> tuple[str, str]:
    """Which user data the caches hold: the store and the generation of its last change.
    One small query, so every process notices another's change at its next rerun."""
    url = store_db.store_url()
    label = store_db.store_label(url)
    try:
        _prepare(url)
        if not store_db.exists(url):
            return label, "empty"
        with store_db.ensure_schema(url).connect() as connection:
            store_id, number = store_db.state(connection)
        return label, f"{store_id}:{number}"
    except SQLAlchemyError as error:
        return label, f"unreadable:{type(error).__name__}"


def snapshot() -> Snapshot:
    """Every series, the rows of every usable current version and the quarantine list,
    read in one transaction (never a mix of two states)."""
    url = store_db.store_url()
    label = store_db.store_label(url)
    try:
        _prepare(url)
        if not store_db.exists(url):
            return Snapshot(label, "empty")
        with store_db.reading(url) as connection:
            store_id, number = store_db.state(connection)
            series = _read_manifests(connection)
            current = connection.execute(
                select(user_rows).join(user_series, and_(
                    user_rows.c.indicator == user_series.c.indicator,
                    user_rows.c.number == user_series.c.current))).all()
            legacy = connection.execute(select(legacy_quarantine)).all()
    except SQLAlchemyError as error:
        return Snapshot(label, f"unreadable:{type(error).__name__}",
                        error=type(error).__name__)
    rows = _frame(current)
    quarantined = [Quarantined(r.name, None, "legacy", r.reason) for r in legacy]
    usable = []
    for manifest in series:
        if not manifest.current:
            continue
        mine = rows[rows["indicator"] == manifest.indicator]
        problem = _unreadable(manifest, mine)
        if problem:
            quarantined.append(Quarantined(manifest.indicator, manifest.current, *problem))
        else:
            usable.append(mine)
    combined = (pd.concat(usable, ignore_index=True) if usable
                else pd.DataFrame(columns=list(STORE_COLUMNS)))
    return Snapshot(label, f"{store_id}:{number}", tuple(series), combined,
                    tuple(quarantined))


def manifests() -> list[Manifest]:
    """Every user series, sorted by indicator id."""
    return list(snapshot().series)


def read_manifest(indicator: str) -> Manifest | None:
    return next((m for m in manifests() if m.indicator == indicator), None)


def read_version(indicator: str, number: int) -> pd.DataFrame:
    """The rows of one version, refused if they changed since they were stored."""
    url = store_db.store_url()
    _prepare(url)
    if not store_db.exists(url):
        raise InputError(f"no user series {indicator!r}")
    with store_db.reading(url) as connection:
        manifest = next((m for m in _read_manifests(connection, indicator)), None)
        if manifest is None or number not in {v.number for v in manifest.versions}:
            raise InputError(f"no version {number} of {indicator!r}")
        rows = _frame(connection.execute(select(user_rows).where(
            user_rows.c.indicator == indicator, user_rows.c.number == number)).all())
    version = manifest.version(number)
    if len(rows) != version.rows or series_checks.digest(rows) != version.rows_sha256:
        raise InputError(f"stored version v{number} of {indicator!r} was changed outside "
                         "the app (checksum mismatch)")
    return rows


def changes(limit: int = 500) -> list[Change]:
    """The change log, newest first ([] when the store cannot be read: the import page
    says so)."""
    url = store_db.store_url()
    try:
        _prepare(url)
        if not store_db.exists(url):
            return []
        with store_db.reading(url) as connection:
            found = connection.execute(select(user_changes).order_by(user_changes.c.id.desc())
                                       .limit(limit)).all()
    except SQLAlchemyError:
        return []
    return [Change(r.at, r.author, r.action, r.indicator, r.version, r.source_file, r.sha256,
                   r.detail) for r in found]


def save_version(indicator: str, rows: pd.DataFrame, *, kind: str, entry: dict | None,
                 source_file: str, sha256: str, origin: str, author: str,
                 check: Callable[[Candidate], None] | None = None) -> Version:
    """Store rows as the next version of a series and make it current, in one transaction.

    check: the validation gate; it raises to refuse the candidate, and nothing is stored.
    Without one (the command-line refresh) the version is stored as pending, and the app
    runs the gate on it before any page reads it (validation.gate.check_pending).
    """
    rows = rows.reset_index(drop=True)
    _check_request(indicator, rows, kind, entry, origin, author)
    if check is not None:
        check(Candidate(indicator, kind, rows, entry))
    digest = series_checks.digest(rows)
    url = store_db.store_url()
    _prepare(url)
    stamp = _utc_now()
    version = None
    try:
        with store_db.writing(url) as (connection, _):
            existing = connection.execute(select(user_series).where(
                user_series.c.indicator == indicator)).first()
            if existing is not None and existing.kind != kind:
                raise InputError(f"{indicator!r} is already stored as an {existing.kind} "
                                 "series", column="indicator")
            number = 1 + (connection.execute(
                select(func.max(user_versions.c.number)).where(
                    user_versions.c.indicator == indicator)).scalar() or 0)
            if existing is None:
                connection.execute(insert(user_series).values(indicator=indicator, kind=kind,
                                                              current=0))
            version = Version(number=number, source_file=source_file, imported_at=stamp,
                              sha256=sha256, rows_sha256=digest, rows=len(rows),
                              origin=origin, author=author, entry=entry,
                              gate=GATE_PASSED if check else GATE_PENDING)
            connection.execute(insert(user_versions).values(_version_record(indicator,
                                                                            version)))
            try:
                store_db.insert_rows(connection, indicator, number, rows)
            except SQLAlchemyError:
                raise  # the database's own refusal: handled below
            except Exception as error:
                raise InputError(f"could not write the new version ({error}); the previous "
                                 "version is unchanged") from error
            back = _frame(connection.execute(select(user_rows).where(
                user_rows.c.indicator == indicator, user_rows.c.number == number)).all())
            if len(back) != len(rows) or series_checks.digest(back) != digest:
                raise InputError("the new version does not read back as written; the previous "
                                 "version is unchanged")
            connection.execute(update(user_series).where(user_series.c.indicator == indicator)
                               .values(current=number))
            _log(connection, author, "import" if kind == "imported" else "update", indicator,
                 number, source_file, sha256, f"{len(rows)} rows")
    except SQLAlchemyError as error:
        if version is not None and _committed(url, indicator, stamp, sha256):
            return version  # the commit reached the database; only its answer was lost
        raise _store_error(error) from error
    return version


def rollback(indicator: str, *, author: str) -> Manifest:
    """Make the version before the current one current again (for an update that means
    the bundled data once its first version is rolled back)."""
    if not author.strip():
        raise ValueError("a rollback needs its author")
    url = store_db.store_url()
    _prepare(url)
    if not store_db.exists(url):
        raise InputError(f"no user series {indicator!r}", column="indicator")
    try:
        with store_db.writing(url) as (connection, _):
            manifest = next(iter(_read_manifests(connection, indicator)), None)
            if manifest is None:
                raise InputError(f"no user series {indicator!r}", column="indicator")
            if manifest.current == 0:
                raise InputError(f"{indicator!r} already shows the bundled data")
            numbers = [v.number for v in manifest.versions]
            position = numbers.index(manifest.current)
            if position > 0:
                previous = numbers[position - 1]
            elif manifest.kind == "update":
                previous = 0
            else:
                raise InputError(f"v{manifest.current} is the first version of {indicator!r}: "
                                 "there is no earlier version to roll back to")
            connection.execute(update(user_series).where(user_series.c.indicator == indicator)
                               .values(current=previous))
            _log(connection, author, "rollback", indicator, previous, "", "",
                 f"v{manifest.current} → {f'v{previous}' if previous else 'bundled'}")
    except SQLAlchemyError as error:
        raise _store_error(error) from error
    return Manifest(indicator, manifest.kind, previous, manifest.versions)


def record_gate(indicator: str, number: int, passed: bool, detail: str, author: str) -> bool:
    """Settle a pending version: passed, or failed (quarantined). False if another process
    settled it first."""
    url = store_db.store_url()
    with store_db.writing(url) as (connection, _):
        done = connection.execute(
            update(user_versions).where(user_versions.c.indicator == indicator,
                                        user_versions.c.number == number,
                                        user_versions.c.gate == GATE_PENDING)
            .values(gate=GATE_PASSED if passed else GATE_FAILED, gate_detail=detail)).rowcount
        if done:
            _log(connection, author, "gate", indicator, number, "", "",
                 "passed" if passed else f"failed: {detail}")
    return bool(done)


def _prepare(url: str) -> None:
    """On first use in a process: move an old parquet user store into the database."""
    legacy_store.migrate_once(url, store_db.user_data_dir())


def _read_manifests(connection, indicator: str | None = None) -> list[Manifest]:
    series_query = select(user_series).order_by(user_series.c.indicator)
    version_query = select(user_versions).order_by(user_versions.c.indicator,
                                                   user_versions.c.number)
    if indicator is not None:
        series_query = series_query.where(user_series.c.indicator == indicator)
        version_query = version_query.where(user_versions.c.indicator == indicator)
    versions: dict[str, list[Version]] = {}
    for r in connection.execute(version_query):
        versions.setdefault(r.indicator, []).append(Version(
            number=r.number, source_file=r.source_file, imported_at=r.imported_at,
            sha256=r.sha256, rows_sha256=r.rows_sha256, rows=r.row_count, origin=r.origin,
            author=r.author, entry=json.loads(r.entry) if r.entry else None, gate=r.gate,
            gate_detail=r.gate_detail))
    return [Manifest(r.indicator, r.kind, int(r.current), tuple(versions.get(r.indicator, ())))
            for r in connection.execute(series_query)]


def _frame(records) -> pd.DataFrame:
    frame = pd.DataFrame([dict(r._mapping) for r in records],
                         columns=["number", *STORE_COLUMNS])
    frame = frame[list(STORE_COLUMNS)]
    return frame.astype({"region_code": str, "level": str, "indicator": str, "unit": str,
                         "source": str, "value": "float64", "preliminary": bool,
                         "year": "int64"})


def _unreadable(manifest: Manifest, rows: pd.DataFrame) -> tuple[str, str] | None:
    """(reason, detail) when the current version must not reach the pages."""
    version = next((v for v in manifest.versions if v.number == manifest.current), None)
    if version is None:
        return "changed", f"the current version v{manifest.current} is missing"
    if version.gate == GATE_FAILED:
        return "gate", version.gate_detail
    if len(rows) != version.rows or series_checks.digest(rows) != version.rows_sha256:
        return "changed", (f"v{version.number}: {len(rows)} rows stored, {version.rows} "
                           "recorded, or values changed outside the app (checksum mismatch)")
    found = series_checks.problems(rows)
    if found:
        column, message, _ = found[0]
        return "rows", f"v{version.number}, column {column!r}: {message}"
    return None


def _check_request(indicator, rows, kind, entry, origin, author) -> None:
    if not INDICATOR_ID.match(indicator):
        raise InputError(f"indicator id {indicator!r} must be 2-63 characters of a-z, 0-9 "
                         "and _, starting with a letter", column="indicator")
    if kind not in KINDS or origin not in ORIGINS:
        raise ValueError(f"kind {kind!r} / origin {origin!r}")
    if not str(author).strip():
        raise ValueError("every stored version needs its author")
    bundled = indicator in load_bundled_catalog().index
    if kind == "imported" and bundled:
        raise InputError(f"{indicator!r} is a bundled indicator: an import never replaces "
                         "bundled data; choose another id, or store it as an update",
                         column="indicator")
    if kind == "update" and not bundled:
        raise InputError(f"{indicator!r} is not a bundled indicator, so it cannot be updated",
                         column="indicator")
    if (kind == "imported") != (entry is not None):
        raise ValueError("an imported series needs a catalog entry; an update has none")
    missing = [c for c in STORE_COLUMNS if c not in rows.columns]
    if missing:
        raise ValueError(f"rows lack columns {missing}")
    if rows.empty or set(rows["indicator"]) != {indicator}:
        raise InputError(f"no rows for {indicator!r}", column="indicator")
    found = series_checks.problems(rows)
    if found:
        column, message, position = found[0]
        raise InputError(message, column=column,
                         row=None if position is None else position + 1)


def _version_record(indicator: str, version: Version) -> dict:
    return {"indicator": indicator, "number": version.number,
            "source_file": version.source_file, "imported_at": version.imported_at,
            "sha256": version.sha256, "rows_sha256": version.rows_sha256,
            "row_count": version.rows, "origin": version.origin, "author": version.author,
            "entry": json.dumps(version.entry, ensure_ascii=False) if version.entry else None,
            "gate": version.gate, "gate_detail": version.gate_detail}


def _log(connection, author: str, action: str, indicator: str, version: int | None,
         source_file: str, sha256: str, detail: str) -> None:
    connection.execute(insert(user_changes).values(
        at=_utc_now(), author=author, action=action, indicator=indicator, version=version,
        source_file=source_file, sha256=sha256, detail=detail))


def _committed(url: str, indicator: str, stamp: str, sha256: str) -> bool:
    """After a failed commit: did the version reach the database all the same?"""
    try:
        with store_db.reading(url) as connection:
            return connection.execute(select(user_versions.c.number).where(
                user_versions.c.indicator == indicator, user_versions.c.imported_at == stamp,
                user_versions.c.sha256 == sha256)).first() is not None
    except SQLAlchemyError:
        return False


def _store_error(error: SQLAlchemyError) -> InputError:
    """What the user is told when the database refused: no paths, no SQL."""
    text = str(getattr(error, "orig", error)).lower()
    if "locked" in text or "busy" in text or "lock timeout" in text:
        return StoreBusyError("the store is busy with another change; try again; the "
                              "previous version is unchanged")
    return InputError(f"the store could not be written ({type(error).__name__}); the "
                      "previous version is unchanged")


_utc_lock = threading.Lock()
_last_stamp = [""]


def _utc_now() -> str:
    """UTC time to the microsecond, never the same twice in a process (it tells two
    versions apart after a lost commit answer)."""
    with _utc_lock:
        stamp = pd.Timestamp.now(tz="UTC").isoformat(timespec="microseconds")
        if stamp <= _last_stamp[0]:
            stamp = (pd.Timestamp(_last_stamp[0]) + pd.Timedelta(microseconds=1)).isoformat(
                timespec="microseconds")
        _last_stamp[0] = stamp
        return stamp
