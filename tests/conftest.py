"""Shared test fixtures: the repo root on sys.path and the real reference tables."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import io
import re

import openpyxl
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
REFERENCE = SHARED / "reference"
RAW = SHARED / "raw"
sys.path.insert(0, str(ROOT))


def read_reference(name: str) -> pd.DataFrame:
    """A reference table as published in ../shared/data/reference (codes kept as text)."""
    return pd.read_csv(REFERENCE / name, dtype={"region_code": str, "sido_code": str})


@pytest.fixture(scope="session")
def store():
    from loaders import load_indicators
    return load_indicators()


@pytest.fixture(scope="session")
def catalog():
    from loaders import load_catalog
    return load_catalog()


def shown(markdown: str) -> str:
    """What a reader sees of text escaped by i18n.safe_text.md: escapes resolved, word
    joiners dropped (AppTest hands back the markdown source of titles and captions)."""
    from i18n.safe_text import WORD_JOINER
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace(WORD_JOINER, "")


def walk(node):
    """Every dict inside a Vega-Lite spec, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def xlsx_bytes(build) -> bytes:
    """An XLSX file built in memory: ``build`` fills the active sheet."""
    workbook = openpyxl.Workbook()
    build(workbook.active)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="session", autouse=True)
def no_outside_store():
    """Tests never use a store configured in the developer's shell."""
    os.environ.pop("DASHBOARD_STORE_URL", None)


@pytest.fixture(scope="session")
def postgres():
    """One private PostgreSQL server per test process (see tests/postgres_server.py)."""
    import postgres_server
    try:
        server = postgres_server.start()
    except postgres_server.Unavailable as why:
        pytest.skip(f"no PostgreSQL server can be started here: {why}")
    yield server
    postgres_server.stop(server)


@pytest.fixture
def user_dir(tmp_path, monkeypatch):
    """A fresh user data area for each test; bundled data stays as it is."""
    import loaders
    from loaders import user_store
    path = tmp_path / "user_data"
    monkeypatch.setenv(user_store.ENV_VAR, str(path))
    loaders.clear_caches()
    yield path
    loaders.clear_caches()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path, monkeypatch):
    """A fresh, empty user store on each backend: SQLite in a temporary user data area, or
    a new database on the private PostgreSQL server."""
    import loaders
    from loaders import store_db
    monkeypatch.setenv(store_db.DATA_ENV, str(tmp_path / "user_data"))
    database = None
    if request.param == "postgresql":
        server = request.getfixturevalue("postgres")
        database = server.create_database()
        monkeypatch.setenv(store_db.URL_ENV, server.url(database))
    loaders.clear_caches()
    yield request.param
    loaders.clear_caches()
    store_db.forget_engines()
    if database:
        request.getfixturevalue("postgres").drop_database(database)


def dump_store() -> dict:
    """Every table of the configured user store, as sorted rows ({} if never created)."""
    from loaders import store_db
    if not store_db.exists():
        return {}
    with store_db.reading() as connection:
        return {table.name: sorted(tuple(map(str, row)) for row in
                                   connection.execute(table.select()))
                for table in store_db.metadata.sorted_tables}
