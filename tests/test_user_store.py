"""The user store on both backends (SQLite in WAL mode, and a real PostgreSQL server):
versions, provenance and the change log, one generation that every process reads,
concurrent writers from two processes, quarantine of rows changed behind the app's back,
and a commit whose answer was lost."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from contextlib import contextmanager

import pandas as pd
import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

import loaders
from conftest import ROOT, dump_store
from loaders import InputError, preview_upload, store_db, user_store
from loaders.store import load_store

SIDO = ("서울", "부산", "대구", "인천", "광주", "대전", "울산", "세종", "경기", "강원", "충북",
        "충남", "전북", "전남", "경북", "경남", "제주")


def tidy(values: dict[int, float], unit: str = "개") -> bytes:
    """A tidy upload: every 시도, the given years, value = base + region position."""
    lines = ["region,year,value,unit"]
    lines += [f"{name},{year},{base + i},{unit}" for year, base in values.items()
              for i, name in enumerate(SIDO)]
    return ("\n".join(lines) + "\n").encode()


def store_series(indicator: str, values: dict[int, float], author: str = "tester"):
    preview = preview_upload(tidy(values), f"{indicator}.csv")
    return loaders.confirm_new(preview, indicator, indicator, name_ko=indicator,
                               name_en=indicator, unit="개", additive=True, theme="firms",
                               author=author)


def shown(indicator: str) -> pd.Series:
    store = loaders.load_indicators()
    rows = store[(store["indicator"] == indicator) & (store["level"] == "sido")]
    return rows.set_index(["region_code", "year"])["value"].sort_index()


def test_versions_provenance_and_log_on_both_backends(backend):
    assert loaders.data_version()[1] == "empty" or backend == "postgresql"
    first = store_series("firm_count", {2021: 100})
    token = loaders.data_version()
    second = store_series("firm_count", {2021: 200, 2022: 300}, author="kim (password)")
    assert loaders.data_version() != token  # every change moves the generation
    assert (first.number, second.number) == (1, 2)
    assert shown("firm_count")[("11", 2022)] == 300
    manifest = user_store.read_manifest("firm_count")
    assert [v.author for v in manifest.versions] == ["tester", "kim (password)"]
    assert manifest.current_version.source_file == "firm_count.csv"
    loaders.rollback("firm_count", author="lee (oidc)")
    assert shown("firm_count")[("11", 2021)] == 100 and ("11", 2022) not in shown("firm_count")
    log = [(c.action, c.author, c.version) for c in loaders.store_changes()]
    assert log == [("rollback", "lee (oidc)", 1), ("import", "kim (password)", 2),
                   ("import", "tester", 1)]
    assert loaders.load_catalog().loc["firm_count", "user_version"] == 1


def test_sqlite_is_in_wal_mode(backend):
    if backend != "sqlite":
        pytest.skip("SQLite only")
    store_series("firm_count", {2021: 1})
    with store_db.engine().connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert (store_db.user_data_dir() / store_db.SQLITE_FILE).exists()


def test_postgres_label_hides_the_password(backend):
    if backend != "postgresql":
        pytest.skip("PostgreSQL only")
    label, _ = loaders.data_version()
    assert label.startswith("postgresql+psycopg://dashboard_test:***@127.0.0.1:")


def test_the_store_refuses_rows_that_break_its_rules(backend):
    before = dump_store()
    with pytest.raises(InputError, match=r"column 'year': year '?9999'? is outside 1900–\d{4}"):
        preview = preview_upload(tidy({9999: 1}), "future.csv")   # the reader refuses it
        loaders.confirm_new(preview, "future", "future_firms", name_ko="미래", name_en="future",
                            unit="개", additive=True, theme="firms", author="tester")
    assert dump_store() == before


def test_values_changed_in_the_database_are_quarantined(backend):
    store_series("firm_count", {2021: 100})
    store_series("other_count", {2021: 5})
    with store_db.engine().begin() as connection:
        connection.execute(text("UPDATE user_rows SET year = 9999 WHERE indicator = "
                                "'other_count' AND region_code = '11'"))
    loaders.clear_caches()
    [left_out] = loaders.quarantined()
    assert (left_out.indicator, left_out.reason) == ("other_count", "changed")
    assert "other_count" not in set(loaders.load_indicators()["indicator"])
    assert shown("firm_count")[("11", 2021)] == 100  # the rest is untouched


def test_a_lost_commit_answer_is_not_reported_as_a_failure(backend, monkeypatch):
    """The commit reached the database but its answer did not (a dropped connection):
    the version is live, so the save reports it instead of an error."""
    real = store_db.writing

    @contextmanager
    def commits_then_fails(url=None):
        with real(url) as pair:
            yield pair
        raise OperationalError("COMMIT", {}, Exception("server closed the connection"))
    monkeypatch.setattr(store_db, "writing", commits_then_fails)
    version = store_series("firm_count", {2021: 7})
    assert version.number == 1 and shown("firm_count")[("11", 2021)] == 7


def test_a_refused_write_says_so_without_paths_or_sql(backend, monkeypatch):
    @contextmanager
    def refuses(url=None):
        raise OperationalError("BEGIN IMMEDIATE", {}, Exception(
            f"database is locked at {store_db.user_data_dir()}"))
        yield
    monkeypatch.setattr(store_db, "writing", refuses)
    with pytest.raises(user_store.StoreBusyError) as caught:
        store_series("firm_count", {2021: 7})
    assert str(store_db.user_data_dir()) not in str(caught.value)
    assert "try again" in str(caught.value)


WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    import pandas as pd
    from loaders import user_store
    SIDO = {sido!r}
    who, count = sys.argv[1], int(sys.argv[2])
    from loaders.crosswalk import resolve_sido
    codes = [resolve_sido(name) for name in SIDO]
    for i in range(count):
        rows = pd.DataFrame({{"region_code": codes, "level": "sido", "year": 2021,
                             "indicator": "raced", "value": [float(i)] * len(codes),
                             "unit": "개", "source": who, "preliminary": False}})
        entry = {entry!r}
        version = user_store.save_version("raced", rows, kind="imported", entry=entry,
                                          source_file=f"{{who}}-{{i}}.csv", sha256="0" * 64,
                                          origin="upload", author=who)
        print(version.number, flush=True)
""")


def test_concurrent_imports_of_one_indicator_from_two_processes_serialise(backend, tmp_path):
    from loaders.user_catalog import make_entry
    entry = make_entry("raced", name_ko="경합", name_en="raced", unit_ko="개", unit_en="개",
                       additive=True, theme="firms", decimals=0, publisher_ko="p",
                       publisher_en="p", definition_ko="d", definition_en="d")
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(root=str(ROOT), sido=SIDO, entry=entry))
    store_db.forget_engines()
    writers = [subprocess.Popen([sys.executable, str(script), who, "8"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for who in ("a", "b")]
    results = [writer.communicate(timeout=300) for writer in writers]
    for writer, (_, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0, err
    numbers = sorted(int(n) for out, _ in results for n in out.split())
    assert numbers == list(range(1, 17))  # every save got its own number, none failed
    loaders.clear_caches()
    manifest = user_store.read_manifest("raced")
    assert [v.number for v in manifest.versions] == list(range(1, 17))
    assert manifest.current == 16
    authors = [c.author for c in loaders.store_changes()]
    assert sorted(authors) == ["a"] * 8 + ["b"] * 8
    for number in range(1, 17):  # every version reads back with its checksum
        assert len(user_store.read_version("raced", number)) == len(SIDO)


def test_a_damaged_database_file_leaves_every_page_working(backend, monkeypatch):
    """Garbage in store.sqlite: pages show the bundled data, the import page says the
    store cannot be read (no path), and a save is refused with a plain message."""
    if backend != "sqlite":
        pytest.skip("SQLite only")
    from streamlit.testing.v1 import AppTest
    path = store_db.user_data_dir() / store_db.SQLITE_FILE
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database" * 100)
    store_db.forget_engines()
    loaders.clear_caches()
    assert loaders.store_snapshot().error == "DatabaseError"
    assert len(loaders.load_indicators()) == len(load_store())
    monkeypatch.setenv("DASHBOARD_MODE", "personal")
    app = AppTest.from_file(str(ROOT / "app_pages" / "4_데이터.py"), default_timeout=120)
    app.query_params["lang"] = "en"
    app.run()
    assert not app.exception
    shown = [e.value for e in app.error]
    assert any("The user store cannot be read" in value for value in shown)
    assert not any(str(store_db.user_data_dir()) in value for value in shown)
    with pytest.raises(InputError, match=r"the store could not be written \(DatabaseError\)"):
        store_series("firm_count", {2021: 1})
