"""The user data area: imported and refreshed series, versioned beside the bundled store.

Files in data/ are never written. Each user series gets a folder under user_data/ (the
DASHBOARD_USER_DATA environment variable moves it) holding one parquet file per version
and a manifest that names the current version and, for every version, its source file,
import time (UTC), SHA-256 checksums, row count and origin (upload or KOSIS API).

Two kinds of series live here. An "imported" series is a new indicator with its own
catalog entry; its id may not be a bundled id. An "update" series holds newer or revised
values for a bundled indicator; it overlays the bundled rows (same region and year) and
rolling it back past its first version shows the bundled data again.

Every write goes to a temporary file in the destination folder, is read back and checked,
and only then renamed into place; the manifest is renamed last. A write that fails or is
interrupted therefore leaves the previous version current and readable.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
import uuid
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd

from loaders.catalog import load_catalog as load_bundled_catalog
from loaders.errors import InputError
from loaders.store import STORE_COLUMNS, read_store, write_store

ENV_VAR = "DASHBOARD_USER_DATA"
DEFAULT_DIR = Path(__file__).resolve().parent.parent / "user_data"
MANIFEST = "manifest.json"
GENERATION = "generation"  # rewritten on every change, so readers know when to reload
LOCK = ".lock"
LOCK_WAIT_SECONDS = 10.0
STALE_LOCK_SECONDS = 120.0  # a lock older than this was left by a crashed writer
INDICATOR_ID = re.compile(r"^[a-z][a-z0-9_]{1,62}$")
KINDS = ("imported", "update")
ORIGINS = ("upload", "kosis_api")
USER_LEVELS = ("nation", "sido")
KEY = ["indicator", "level", "region_code", "year"]


@dataclass(frozen=True)
class Version:
    """One stored version of a series and where it came from."""
    number: int
    file: str
    source_file: str
    imported_at: str   # UTC, ISO 8601
    sha256: str        # of the source: the uploaded bytes or the API payload
    file_sha256: str   # of the stored parquet file, checked whenever it is read
    rows: int
    origin: str
    entry: dict | None  # catalog entry (imported series); None for updates


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


def user_data_dir() -> Path:
    return Path(os.environ.get(ENV_VAR) or DEFAULT_DIR)


def generation() -> tuple[str, str]:
    """Which user data the caches hold: the folder and the token of its last change."""
    root = user_data_dir()
    try:
        token = (root / GENERATION).read_text(encoding="utf-8")
    except FileNotFoundError:
        token = ""
    return str(root), token


def read_manifest(indicator: str) -> Manifest | None:
    path = user_data_dir() / indicator / MANIFEST
    if not path.exists():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        versions = tuple(Version(**version) for version in raw["versions"])
        return Manifest(raw["indicator"], raw["kind"], int(raw["current"]), versions)
    except (ValueError, KeyError, TypeError) as error:
        raise InputError(f"damaged manifest ({error})", file=str(path)) from error


def manifests() -> list[Manifest]:
    """Every user series, sorted by indicator id."""
    root = user_data_dir()
    if not root.is_dir():
        return []
    found = (read_manifest(folder.name) for folder in sorted(root.iterdir())
             if (folder / MANIFEST).is_file())
    return [manifest for manifest in found if manifest is not None]


def read_version(indicator: str, number: int) -> pd.DataFrame:
    """The rows of one version, refusing a file that changed since it was written."""
    manifest = read_manifest(indicator)
    if manifest is None:
        raise InputError(f"no user series {indicator!r}")
    version = manifest.version(number)
    path = user_data_dir() / indicator / version.file
    if not path.exists():
        raise InputError("stored version is missing", file=str(path))
    if _file_sha256(path) != version.file_sha256:
        raise InputError("stored version was changed outside the app (checksum mismatch)",
                         file=str(path))
    return read_store(path)


def current_rows() -> pd.DataFrame:
    """The current version of every user series, in the store's columns."""
    frames = [read_version(m.indicator, m.current) for m in manifests() if m.current]
    if not frames:
        return pd.DataFrame(columns=list(STORE_COLUMNS))
    return pd.concat(frames, ignore_index=True)


def current_entries() -> list[dict]:
    """Catalog entries of the imported series that have a current version."""
    return [m.current_version.entry for m in manifests()
            if m.kind == "imported" and m.current_version is not None]


def save_version(indicator: str, rows: pd.DataFrame, *, kind: str, entry: dict | None,
                 source_file: str, sha256: str, origin: str) -> Version:
    """Store rows as the next version of a series and make it current."""
    _check_request(indicator, rows, kind, entry, origin)
    root = user_data_dir()
    with _locked(root):
        manifest = read_manifest(indicator)
        if manifest is not None and manifest.kind != kind:
            raise InputError(f"{indicator!r} is already stored as an {manifest.kind} series",
                             column="indicator")
        folder = root / indicator
        created = not folder.exists()
        folder.mkdir(parents=True, exist_ok=True)
        number = 1 + max((v.number for v in manifest.versions), default=0) if manifest else 1
        path = folder / f"v{number:04d}.parquet"
        try:
            _atomic_write(path, lambda tmp: write_store(rows, tmp),
                          lambda tmp: _check_parquet(tmp, rows))
        except Exception as error:
            if created:
                folder.rmdir()
            if isinstance(error, InputError):
                raise
            raise InputError(f"could not write the new version ({error}); the previous "
                             "version is unchanged", file=str(path)) from error
        version = Version(number=number, file=path.name, source_file=source_file,
                          imported_at=_utc_now(), sha256=sha256, file_sha256=_file_sha256(path),
                          rows=len(rows), origin=origin, entry=entry)
        versions = (manifest.versions if manifest else ()) + (version,)
        _write_manifest(Manifest(indicator, kind, number, versions))
        return version


def rollback(indicator: str) -> Manifest:
    """Make the version before the current one current again (for an update that means
    the bundled data once its first version is rolled back)."""
    with _locked(user_data_dir()):
        manifest = read_manifest(indicator)
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
        rolled = replace(manifest, current=previous)
        _write_manifest(rolled)
        return rolled


def _check_request(indicator, rows, kind, entry, origin) -> None:
    if not INDICATOR_ID.match(indicator):
        raise InputError(f"indicator id {indicator!r} must be 2-63 characters of a-z, 0-9 "
                         "and _, starting with a letter", column="indicator")
    if kind not in KINDS or origin not in ORIGINS:
        raise ValueError(f"kind {kind!r} / origin {origin!r}")
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
    unknown = set(rows["level"]) - set(USER_LEVELS)
    if unknown:
        raise InputError(f"user series hold 시도 and national rows only, not {sorted(unknown)}",
                         column="level")


def _check_parquet(path: Path, rows: pd.DataFrame) -> None:
    """Read the written file back: same keys and values, or the write is refused."""
    back = read_store(path)
    expected = rows.reset_index(drop=True)
    same = (len(back) == len(expected)
            and back["region_code"].tolist() == expected["region_code"].astype(str).tolist()
            and back["year"].tolist() == expected["year"].astype(int).tolist()
            and np.array_equal(back["value"].to_numpy(float),
                               expected["value"].to_numpy(float), equal_nan=True))
    if not same:
        raise InputError("the written file does not read back as written", file=path.name)


def _write_manifest(manifest: Manifest) -> None:
    path = user_data_dir() / manifest.indicator / MANIFEST
    text = json.dumps({"indicator": manifest.indicator, "kind": manifest.kind,
                       "current": manifest.current,
                       "versions": [asdict(v) for v in manifest.versions]},
                      ensure_ascii=False, indent=2)

    def check(tmp: Path) -> None:
        if json.loads(tmp.read_text(encoding="utf-8"))["current"] != manifest.current:
            raise InputError("the manifest does not read back as written", file=path.name)
    _atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"), check)
    generation_path = user_data_dir() / GENERATION
    _atomic_write(generation_path,
                  lambda tmp: tmp.write_text(uuid.uuid4().hex, encoding="utf-8"),
                  lambda tmp: None)


def _atomic_write(path: Path, write, check) -> None:
    """Write to a temporary file beside path, check it, flush it to disk, then rename."""
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(descriptor)
    tmp = Path(name)
    try:
        write(tmp)
        check(tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def _locked(root: Path):
    """One writer at a time across sessions and processes (an exclusive lock file)."""
    root.mkdir(parents=True, exist_ok=True)
    lock = root / LOCK
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            descriptor = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            try:
                if time.time() - lock.stat().st_mtime > STALE_LOCK_SECONDS:
                    lock.unlink(missing_ok=True)
                    continue
            except FileNotFoundError:
                continue
            if time.monotonic() > deadline:
                raise InputError("the user data area is busy with another import; try again",
                                 file=str(lock)) from None
            time.sleep(0.05)
    try:
        yield
    finally:
        os.close(descriptor)
        lock.unlink(missing_ok=True)


def _file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _utc_now() -> str:
    return pd.Timestamp.now(tz="UTC").isoformat(timespec="seconds")
