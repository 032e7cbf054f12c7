"""An existing user_data/ of the old parquet store (folders of vNNNN.parquet files with a
manifest.json, a .lock, a generation token, temporary files) moves into the database on
first start: every readable series with its versions and provenance, the unreadable ones
quarantined and listed, the debris gone, the old files kept aside, nothing migrated
twice; the gate then settles the migrated versions before a page shows them."""

from __future__ import annotations

import hashlib
import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import loaders
from conftest import ROOT
from loaders import legacy_store, store_db, user_store
from loaders.crosswalk import region_table
from loaders.store import write_store
from loaders.user_catalog import make_entry

CODES = list(region_table()["region_code"])


def rows(indicator: str, year: int, value: float, unit: str = "개") -> pd.DataFrame:
    return pd.DataFrame({"region_code": CODES, "level": "sido", "year": year,
                         "indicator": indicator, "value": [value + i for i in range(17)],
                         "unit": unit, "source": f"사용자 가져오기 {indicator}.csv",
                         "preliminary": False})


def legacy_series(root, indicator, kind, versions, current, entry=None):
    """A series folder exactly as the old store wrote it."""
    folder = root / indicator
    folder.mkdir(parents=True)
    records = []
    for number, frame in versions:
        path = folder / f"v{number:04d}.parquet"
        write_store(frame, path)
        records.append({"number": number, "file": path.name,
                        "source_file": f"{indicator}-{number}.csv",
                        "imported_at": f"2026-10-0{number}T09:00:00+00:00",
                        "sha256": hashlib.sha256(f"{indicator}{number}".encode()).hexdigest(),
                        "file_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                        "rows": len(frame), "origin": "upload", "entry": entry})
    (folder / "manifest.json").write_text(json.dumps({
        "indicator": indicator, "kind": kind, "current": current, "versions": records}))
    return folder


@pytest.fixture
def legacy(backend):
    """A parquet store with two good series, one damaged file, one broken manifest, a
    series that breaks the compare page (all zero), and the old debris."""
    root = store_db.user_data_dir()
    entry = make_entry("my_firms", name_ko="내 기업", name_en="My firms", unit_ko="개",
                       unit_en="개", additive=True, theme="firms", decimals=0,
                       publisher_ko="사용자 파일", publisher_en="User file",
                       definition_ko="d", definition_en="d")
    legacy_series(root, "my_firms", "imported",
                  [(1, rows("my_firms", 2021, 10)), (2, rows("my_firms", 2021, 20))], 1, entry)
    legacy_series(root, "grdp_nominal", "update",
                  [(1, rows("grdp_nominal", 2022, 1_000_000, "백만원"))], 1)
    damaged = legacy_series(root, "damaged", "imported", [(1, rows("damaged", 2021, 1))], 1,
                            {**entry, "indicator": "damaged"})
    (damaged / "v0001.parquet").write_bytes(b"PAR1 not really")
    broken = legacy_series(root, "broken", "imported", [(1, rows("broken", 2021, 1))], 1,
                           {**entry, "indicator": "broken"})
    (broken / "manifest.json").write_text('{"indicator": "broken", "kind": ')
    zero = rows("all_zero", 2021, 0).assign(value=0.0)
    legacy_series(root, "all_zero", "imported", [(1, zero)], 1,
                  {**entry, "indicator": "all_zero"})
    (root / ".lock").write_text("")
    (root / "generation").write_text("abc")
    (root / "my_firms" / ".v0003.parquet.x1.tmp").write_bytes(b"half")
    (root / ".manifest.json.x2.tmp").write_text("{")
    legacy_store._done.clear()
    return root


def test_parquet_store_is_migrated_once_with_its_provenance(legacy):
    series = {m.indicator: m for m in loaders.user_series()}
    assert set(series) == {"my_firms", "grdp_nominal", "all_zero"}
    firms = series["my_firms"]
    assert (firms.kind, firms.current, [v.number for v in firms.versions]) == ("imported", 1,
                                                                              [1, 2])
    assert firms.versions[1].source_file == "my_firms-2.csv"
    assert firms.versions[0].imported_at == "2026-10-01T09:00:00+00:00"
    assert firms.versions[0].sha256 == hashlib.sha256(b"my_firms1").hexdigest()
    assert all(v.gate == "pending" for v in firms.versions)
    assert user_store.read_version("my_firms", 2)["value"].tolist() == [20.0 + i
                                                                        for i in range(17)]
    store = loaders.load_indicators()
    grdp = store[(store.indicator == "grdp_nominal") & (store.year == 2022)
                 & (store.region_code == "11")]["value"].item()
    assert grdp == 1_000_000
    reasons = {q.indicator: (q.reason, q.detail) for q in loaders.quarantined()}
    assert reasons["damaged"] == ("legacy", "v0001.parquet was changed outside the app "
                                            "(checksum mismatch)")
    assert reasons["broken"] == ("legacy", "manifest.json is damaged (JSONDecodeError)")
    assert str(legacy) not in " ".join(detail for _, detail in reasons.values())
    leftovers = sorted(p.name for p in legacy.iterdir())
    assert leftovers == ["legacy_parquet"] + sorted(
        name for name in (store_db.SQLITE_FILE, f"{store_db.SQLITE_FILE}-shm",
                          f"{store_db.SQLITE_FILE}-wal") if (legacy / name).exists())
    archived = {p.name for p in next((legacy / "legacy_parquet").iterdir()).iterdir()}
    assert archived == {"my_firms", "grdp_nominal", "damaged", "broken", "all_zero"}
    assert not list(legacy.rglob("*.tmp"))
    migrated = [c for c in loaders.store_changes() if c.action == "migrate"]
    assert len(migrated) == 3
    legacy_store._done.clear()
    legacy_store.migrate(store_db.store_url(), legacy)  # nothing left to move: no-op
    assert len([c for c in loaders.store_changes() if c.action == "migrate"]) == 3


def test_migrated_series_pass_the_gate_before_a_page_shows_them(legacy, monkeypatch):
    """The all-zero series the old store accepted made the compare page raise for
    everyone; after migration the gate quarantines it at the first page run."""
    monkeypatch.setenv("DASHBOARD_MODE", "personal")
    app = AppTest.from_file(str(ROOT / "app_pages" / "3_비교.py"), default_timeout=300).run()
    assert not app.exception, app.exception
    loaders.clear_caches()
    reasons = {q.indicator: q.reason for q in loaders.quarantined()}
    assert reasons["all_zero"] == "gate"
    detail = next(q.detail for q in loaders.quarantined() if q.indicator == "all_zero")
    assert "ZeroDivisionError" in detail
    series = {m.indicator: m for m in loaders.user_series()}
    assert series["my_firms"].current_version.gate == "passed"
    assert "all_zero" not in set(loaders.load_indicators()["indicator"])
    assert "my_firms" in set(loaders.load_indicators()["indicator"])
