"""The database behind the user store: one schema, one code path for SQLite and PostgreSQL.

SQLite (standard library, WAL mode) in user_data/store.sqlite is the embedded default,
so `make run` needs no set-up; DASHBOARD_STORE_URL (an SQLAlchemy URL such as
postgresql+psycopg://dashboard@db/dashboard) points every replica of a shared deployment
at one PostgreSQL database instead.

Writers are serialised by the one row of ``store_state``: every write transaction first
raises its generation (SQLite: BEGIN IMMEDIATE; PostgreSQL: the row lock), so two imports
of one indicator from two processes take turns and number their versions one after the
other. The generation is what page caches are keyed on, read in the same database every
process uses. A killed writer leaves nothing behind: the database rolls its transaction
back and releases its locks.
"""

from __future__ import annotations

import os
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import (BigInteger, Boolean, Column, Double, ForeignKeyConstraint, Integer,
                        MetaData, String, Table, Text, create_engine, event, insert, select,
                        text, update)
from sqlalchemy.engine import Connection, Engine, make_url

URL_ENV = "DASHBOARD_STORE_URL"
DATA_ENV = "DASHBOARD_USER_DATA"
DEFAULT_DIR = Path(__file__).resolve().parent.parent / "user_data"
SQLITE_FILE = "store.sqlite"
SQLITE_BUSY_SECONDS = 30  # a writer waits this long for another one before giving up
SCHEMA_VERSION = 1
SCHEMA_LOCK = 7_318_442  # PostgreSQL advisory lock id held while the schema is created

metadata = MetaData()
store_state = Table(
    "store_state", metadata,
    Column("id", Integer, primary_key=True),
    Column("store_id", String(32), nullable=False),
    Column("generation", BigInteger, nullable=False),
    Column("schema_version", Integer, nullable=False))
user_series = Table(
    "user_series", metadata,
    Column("indicator", String(63), primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("current", Integer, nullable=False))  # 0: an update rolled back to bundled data
user_versions = Table(
    "user_versions", metadata,
    Column("indicator", String(63), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("source_file", Text, nullable=False),
    Column("imported_at", String(32), nullable=False),  # UTC, ISO 8601
    Column("sha256", String(64), nullable=False),       # of the source bytes or API payload
    Column("rows_sha256", String(64), nullable=False),  # of the rows, checked on every read
    Column("row_count", Integer, nullable=False),
    Column("origin", String(16), nullable=False),
    Column("author", Text, nullable=False),
    Column("entry", Text),                               # catalog entry (JSON) of an import
    Column("gate", String(16), nullable=False),         # passed | pending | failed
    Column("gate_detail", Text, nullable=False, default=""),
    ForeignKeyConstraint(["indicator"], ["user_series.indicator"]))
user_rows = Table(
    "user_rows", metadata,
    Column("indicator", String(63), primary_key=True),
    Column("number", Integer, primary_key=True),
    Column("level", String(8), primary_key=True),
    Column("region_code", String(16), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("value", Double),
    Column("unit", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("preliminary", Boolean, nullable=False),
    ForeignKeyConstraint(["indicator", "number"],
                         ["user_versions.indicator", "user_versions.number"]))
user_changes = Table(
    "user_changes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("author", Text, nullable=False),
    Column("action", String(16), nullable=False),  # import update rollback migrate gate
    Column("indicator", String(63), nullable=False),
    Column("version", Integer),
    Column("source_file", Text, nullable=False, default=""),
    Column("sha256", String(64), nullable=False, default=""),
    Column("detail", Text, nullable=False, default=""))
legacy_quarantine = Table(  # parquet-store series that could not be migrated
    "legacy_quarantine", metadata,
    Column("name", String(255), primary_key=True),
    Column("reason", Text, nullable=False),
    Column("found_at", String(32), nullable=False))

_engines: dict[str, Engine] = {}
_ready: set[str] = set()
_lock = threading.Lock()


def user_data_dir() -> Path:
    return Path(os.environ.get(DATA_ENV) or DEFAULT_DIR)


def store_url() -> str:
    """The configured database: DASHBOARD_STORE_URL, else SQLite in the user data area."""
    configured = os.environ.get(URL_ENV, "").strip()
    return configured or f"sqlite:///{user_data_dir() / SQLITE_FILE}"


def is_embedded(url: str | None = None) -> bool:
    return make_url(url or store_url()).get_backend_name() == "sqlite"


def store_label(url: str | None = None) -> str:
    """The URL without its password (for cache keys and the import page)."""
    return make_url(url or store_url()).render_as_string(hide_password=True)


def exists(url: str | None = None) -> bool:
    """False only for an embedded store whose file was never created (nothing stored yet);
    readers never create it."""
    url = url or store_url()
    if not is_embedded(url):
        return True
    database = make_url(url).database
    return bool(database) and Path(database).exists()


def engine(url: str | None = None) -> Engine:
    """One engine (connection pool) per URL and process."""
    url = url or store_url()
    with _lock:
        if url not in _engines:
            _engines[url] = _make_engine(url)
        return _engines[url]


def _make_engine(url: str) -> Engine:
    if not is_embedded(url):
        return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)
    database = make_url(url).database
    if database:
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    made = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS,
                                            "check_same_thread": False})

    @event.listens_for(made, "connect")
    def _configure(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # transactions begin where we say
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000}")
        cursor.close()

    @event.listens_for(made, "begin")
    def _begin(connection):
        writing = connection.get_execution_options().get("store_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return made


def forget_engines() -> None:
    """Close every pool (tests that switch databases; a process about to fork)."""
    with _lock:
        for made in _engines.values():
            made.dispose()
        _engines.clear()
        _ready.clear()


@contextmanager
def reading(url: str | None = None):
    """A read transaction: one consistent snapshot of the store (SQLite WAL snapshot,
    PostgreSQL REPEATABLE READ), so a reader sees the old or the new version, never a mix."""
    made = ensure_schema(url)
    options = {} if is_embedded(url) else {"isolation_level": "REPEATABLE READ"}
    with made.connect().execution_options(**options) as connection:
        with connection.begin():
            yield connection


@contextmanager
def writing(url: str | None = None):
    """A write transaction holding the store's write lock; yields (connection, generation)."""
    made = ensure_schema(url)
    with made.connect().execution_options(store_write=True) as connection:
        with connection.begin():
            generation = connection.execute(
                update(store_state).where(store_state.c.id == 1)
                .values(generation=store_state.c.generation + 1)
                .returning(store_state.c.generation)).scalar_one()
            yield connection, generation


def ensure_schema(url: str | None = None) -> Engine:
    """Create the tables and the state row once per database (safe to race)."""
    url = url or store_url()
    made = engine(url)
    if url in _ready:
        return made
    with made.connect().execution_options(store_write=True) as connection:
        with connection.begin():
            if not is_embedded(url):
                connection.execute(text("SELECT pg_advisory_xact_lock(:id)"),
                                   {"id": SCHEMA_LOCK})
            metadata.create_all(connection)
            if connection.execute(select(store_state.c.id)).first() is None:
                connection.execute(insert(store_state).values(
                    id=1, store_id=uuid.uuid4().hex, generation=0,
                    schema_version=SCHEMA_VERSION))
    _ready.add(url)
    return made


def state(connection: Connection) -> tuple[str, int]:
    """(store id, generation) as seen by this transaction."""
    row = connection.execute(select(store_state.c.store_id, store_state.c.generation)).one()
    return row.store_id, int(row.generation)


def insert_rows(connection: Connection, indicator: str, number: int, rows) -> None:
    """Insert one version's rows (a frame in the store's columns)."""
    records = [{"indicator": indicator, "number": number, "level": str(r.level),
                "region_code": str(r.region_code), "year": int(r.year),
                "value": None if r.value != r.value else float(r.value),
                "unit": str(r.unit), "source": str(r.source),
                "preliminary": bool(r.preliminary)}
               for r in rows.itertuples(index=False)]
    if records:
        connection.execute(insert(user_rows), records)
