"""Kill the writer: 30 SIGKILLs of a process that stores and rolls back versions in a
loop, on each backend. After every kill the store must be consistent (every current
version exists and reads back with its checksum, one log entry per change, the
generation counted with every change, SQLite's integrity check clean) and nothing may be
left locked: the next write goes through at once. Run with -s to see the figures."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

from sqlalchemy import func, select, text

import loaders
from conftest import ROOT
from loaders import store_db, user_store
from loaders.store_db import store_state, user_changes, user_versions

KILLS = 30
NEXT_WRITE_SECONDS = 5.0   # the old store made the next import wait 10 s, then fail
WRITER = textwrap.dedent("""
    # A zygote: imports once, then forks one writer per line read ("<marker file>"), so a
    # killed writer is replaced in milliseconds. The writer stores and rolls back
    # versions in a loop, writing B before and C after each change to its marker file.
    import os, signal, sys
    sys.path.insert(0, {root!r})
    import pandas as pd
    from loaders import user_store
    from loaders.crosswalk import region_table
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # killed writers are reaped at once
    codes = list(region_table()["region_code"])
    years = list(range(1985, 2024))
    print("ready", flush=True)
    for line in sys.stdin:
        pid = os.fork()
        if pid:
            print(pid, flush=True)
            continue
        markers = open(line.strip(), "w", buffering=1)
        i = 0
        while True:
            i += 1
            rows = pd.DataFrame({{"region_code": [c for c in codes for _ in years],
                                 "level": "sido", "year": years * len(codes),
                                 "indicator": "grdp_nominal", "value": float(i),
                                 "unit": "백만원", "source": "kill loop",
                                 "preliminary": False}})
            markers.write(f"B {{i}}\\n")
            if i % 4 == 0:
                user_store.rollback("grdp_nominal", author="killed writer")
            else:
                user_store.save_version("grdp_nominal", rows, kind="update", entry=None,
                                        source_file="kill.csv", sha256="0" * 64,
                                        origin="upload", author="killed writer")
            markers.write(f"C {{i}}\\n")
""")


def consistent(checked: set) -> None:
    """Every rule the store promises after a crash (versions already read back and still
    covered by the checksum of the snapshot are in ``checked``)."""
    loaders.clear_caches()
    snapshot = user_store.snapshot()
    assert not snapshot.error and not snapshot.quarantined, snapshot
    with store_db.reading() as connection:
        generation = connection.execute(select(store_state.c.generation)).scalar_one()
        changes = connection.execute(select(func.count()).select_from(user_changes)).scalar()
        versions = connection.execute(select(func.count()).select_from(user_versions)).scalar()
        saves = connection.execute(select(func.count()).select_from(user_changes).where(
            user_changes.c.action == "update")).scalar()
    assert generation == changes, "every committed change moved the generation once"
    assert saves == versions, "one log entry per stored version"
    for manifest in snapshot.series:
        assert manifest.current == 0 or manifest.current in {v.number for v in manifest.versions}
        for version in manifest.versions:
            if (manifest.indicator, version.number) not in checked:
                user_store.read_version(manifest.indicator, version.number)  # checksum holds
                checked.add((manifest.indicator, version.number))
    if store_db.is_embedded():
        with store_db.engine().connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def next_write_seconds() -> float:
    """How long the next write takes: a left-over lock would make it wait."""
    manifest = user_store.read_manifest("grdp_nominal")
    rows = user_store.read_version("grdp_nominal", manifest.versions[-1].number)
    started = time.perf_counter()
    user_store.save_version("grdp_nominal", rows, kind="update", entry=None,
                            source_file="after-kill.csv", sha256="1" * 64, origin="upload",
                            author="tester")
    return time.perf_counter() - started


def leftover_sessions() -> int:
    """PostgreSQL sessions still inside a transaction that no client will finish."""
    with store_db.engine().connect() as connection:
        return connection.execute(text(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'")).scalar()


def test_killing_the_writer_leaves_the_store_consistent_and_unlocked(backend, tmp_path):
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(root=str(ROOT)))
    random.seed(2026)
    during_save, waits, leftovers, checked = 0, [], 0, set()
    store_db.forget_engines()
    zygote = subprocess.Popen([sys.executable, str(script)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=os.environ.copy())
    try:
        assert zygote.stdout.readline().strip() == "ready", zygote.stderr.read()
        for kill in range(KILLS):
            markers = tmp_path / f"writer-{kill}.log"
            zygote.stdin.write(f"{markers}\n")
            zygote.stdin.flush()
            pid = int(zygote.stdout.readline())
            deadline = time.monotonic() + 120
            while "C" not in (markers.read_text() if markers.exists() else ""):
                assert time.monotonic() < deadline, "the writer stored nothing"
                time.sleep(0.02)
            time.sleep(random.uniform(0.0, 0.4))
            os.kill(pid, signal.SIGKILL)
            _wait_gone(pid)
            last = markers.read_text().split()[-2]
            during_save += last == "B"
            if not store_db.is_embedded():
                time.sleep(0.2)  # the server notices the closed connection
                leftovers += leftover_sessions()
            consistent(checked)
            waits.append(next_write_seconds())
            consistent(checked)
    finally:
        zygote.kill()
        zygote.wait(timeout=30)
    print(f"\n[{backend}] {KILLS} SIGKILLs, {during_save} during a save or rollback; "
          f"next write after a kill: max {max(waits):.2f} s, median "
          f"{sorted(waits)[len(waits) // 2]:.2f} s; sessions left in a transaction: "
          f"{leftovers}; inconsistent states: 0")
    assert max(waits) < NEXT_WRITE_SECONDS
    assert leftovers == 0
    assert during_save > 0, "no kill landed inside a write: the loop tests nothing"


def _wait_gone(pid: int) -> None:
    """Until the killed writer has exited (the zygote reaps it)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.01)
    raise AssertionError(f"writer {pid} did not exit")
