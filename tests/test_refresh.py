"""The KOSIS refresh against recorded API responses: no network, no real key.

The fixtures in tests/fixtures/kosis are KOSIS statisticsParameterData JSON bodies in the
vendor format pykosis parses (ORG_ID, TBL_ID, C1/C1_NM, C2/C2_NM, ITM_ID/ITM_NM, UNIT_NM,
PRD_SE, PRD_DE, DT as text), built by hand with real values: DT_1C81_2019_2023.json holds
the 2020 base-year GRDP of the bundled raw download (= reference/grdp_sido.csv) for
2019-2023, with C1 in KOSIS's older 시도 codes; DT_1C81_2022_2015base.json holds the 2022
nominal GRDP of the earlier 2015 base-year vintage (raw/kosis_grdp_sido_2015base_…csv),
which serves as a real revision. The C2 and ITM_ID codes are illustrative; the refresh
selects rows by their labels. error_invalid_key.json is KOSIS's answer to a bad key.
pykosis's HTTP transport is replaced by httpx.MockTransport.
"""

from __future__ import annotations

import json
import logging
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, quote_plus, urlparse

import httpx
import pytest
from pykosis import KOSIS

import loaders
from conftest import ROOT, dump_store, read_reference
from loaders import refresh, store_db, user_store

FIXTURES = Path(__file__).parent / "fixtures" / "kosis"
SECRET = "SECRET+KEY/7f3a9c=="  # base64-like, so the URL carries it encoded


@pytest.fixture
def user_dir(user_dir, tmp_path, monkeypatch):
    """The fresh user data area, and no KOSIS key from the environment or secrets."""
    monkeypatch.delenv(refresh.KEY_ENV, raising=False)
    monkeypatch.setattr(refresh, "SECRETS_FILES", (tmp_path / "secrets.toml",))
    return user_dir


def client(*fixtures: str, requests: list | None = None) -> KOSIS:
    """A pykosis client whose transport answers with the fixtures, one per request."""
    bodies = iter(fixtures)

    def answer(request: httpx.Request) -> httpx.Response:
        if requests is not None:
            requests.append(request)
        body = (FIXTURES / next(bodies)).read_text(encoding="utf-8")
        return httpx.Response(200, content=body.encode("utf-8"),
                              headers={"content-type": "application/json"})
    return KOSIS(api_key=SECRET, transport=httpx.MockTransport(answer))


def grdp(level: str = "nation", code: str = "00") -> dict[int, float]:
    store = loaders.load_indicators()
    rows = store[(store.indicator == "grdp_nominal") & (store.level == level)
                 & (store.region_code == code)]
    return rows.set_index("year")["value"].to_dict()


def without_2023(real):
    """The dashboard as it was before the 2023 figures were published."""
    def load():
        store = real()
        return store[~((store.indicator == "grdp_nominal") & (store.year == 2023))]
    return load


def test_request_names_the_table_and_the_recent_years(user_dir):
    requests = []
    outcomes = refresh.refresh(client("DT_1C81_2019_2023.json", requests=requests),
                               ["grdp_nominal"], this_year=2025)
    query = parse_qs(urlparse(str(requests[0].url)).query)
    assert {k: query[k][0] for k in ("orgId", "tblId", "prdSe", "objL1", "objL2", "itmId")} == {
        "orgId": "101", "tblId": "DT_1C81", "prdSe": "Y", "objL1": "ALL", "objL2": "ALL",
        "itmId": "ALL"}
    assert query["newEstPrdCnt"] == ["7"]  # 2024 and 2025, plus five years for revisions
    assert [(o.indicator, o.status) for o in outcomes] == [("grdp_nominal", "unchanged")]
    assert not user_dir.exists()  # nothing changed, nothing written


def test_new_year_is_written_as_a_version_and_shown_everywhere(user_dir, monkeypatch):
    monkeypatch.setattr(refresh, "load_indicators", without_2023(loaders.load_indicators))
    [outcome] = refresh.refresh(client("DT_1C81_2019_2023.json"), ["grdp_nominal"],
                                this_year=2025)
    assert (outcome.status, outcome.new_years, outcome.revised, outcome.version) == (
        "updated", [2023], [], 1)
    manifest = user_store.read_manifest("grdp_nominal")
    assert (manifest.kind, manifest.current_version.origin) == ("update", "kosis_api")
    assert manifest.current_version.source_file == "KOSIS Open API 101/DT_1C81"
    assert manifest.current_version.author.startswith("KOSIS Open API refresh (command line")
    assert manifest.current_version.gate == "pending"  # the app gates it before showing it
    reference = read_reference("grdp_sido.csv").query(
        "indicator == 'grdp_nominal' and year == 2023").set_index("region_code")["value"]
    store = loaders.load_indicators()
    rows = store[(store.indicator == "grdp_nominal") & (store.year == 2023)]
    assert rows.set_index("region_code")["value"].to_dict() == reference.to_dict()
    assert rows["preliminary"].all() and "Open API" in rows["source"].iloc[0]
    assert not store.duplicated(user_store.KEY).any()


def test_revised_values_are_reported_old_to_new(user_dir):
    [outcome] = refresh.refresh(client("DT_1C81_2022_2015base.json"), ["grdp_nominal"],
                                this_year=2025)
    assert outcome.status == "updated" and outcome.new_years == []
    revised = {(region, year): (old, new) for region, year, old, new in outcome.revised}
    assert len(revised) == 18
    assert revised[("00", 2022)] == (2327595674.0, 2165717327.0)
    assert revised[("42", 2022)] == (read_reference("grdp_sido.csv").query(
        "indicator == 'grdp_nominal' and region_code == '42' and year == 2022")["value"].item(),
        52530574.0)
    report = refresh.format_report([outcome], dry_run=False)
    assert "revised 00 2022: 2,327,595,674 → 2,165,717,327" in report
    assert grdp()[2022] == 2165717327 and grdp()[2021] == 2224179729


def test_later_refresh_keeps_earlier_fetched_years_and_rolls_back(user_dir):
    refresh.refresh(client("DT_1C81_2022_2015base.json"), ["grdp_nominal"], this_year=2025)
    [outcome] = refresh.refresh(client("DT_1C81_2019_2023.json"), ["grdp_nominal"],
                                this_year=2025)
    assert outcome.status == "updated" and outcome.version == 2
    assert grdp()[2022] == 2327595674  # revised back by the newer vintage
    loaders.rollback("grdp_nominal", author="tester")
    assert grdp()[2022] == 2165717327
    loaders.rollback("grdp_nominal", author="tester")
    assert grdp()[2022] == 2327595674  # the bundled data again


def test_dry_run_reports_and_writes_nothing(user_dir):
    [outcome] = refresh.refresh(client("DT_1C81_2022_2015base.json"), ["grdp_nominal"],
                                dry_run=True, this_year=2025)
    assert outcome.status == "would update" and len(outcome.revised) == 18
    assert not user_dir.exists()


def test_interrupted_refresh_leaves_the_previous_version_readable(user_dir, monkeypatch):
    refresh.refresh(client("DT_1C81_2022_2015base.json"), ["grdp_nominal"], this_year=2025)
    before = dump_store()
    insert_rows = store_db.insert_rows

    def dies_mid_write(connection, indicator, number, rows):
        insert_rows(connection, indicator, number, rows.iloc[:3])
        raise OSError("connection to the disk lost")
    monkeypatch.setattr(store_db, "insert_rows", dies_mid_write)
    [outcome] = refresh.refresh(client("DT_1C81_2019_2023.json"), ["grdp_nominal"],
                                this_year=2025)
    assert outcome.status == "failed" and "previous version is unchanged" in outcome.message
    assert dump_store() == before
    assert user_store.read_manifest("grdp_nominal").current == 1
    assert grdp()[2022] == 2165717327  # version 1 is still what every page reads


def test_main_exit_code_and_report(user_dir, monkeypatch, capsys):
    monkeypatch.setenv(refresh.KEY_ENV, SECRET)
    monkeypatch.setattr(refresh, "preflight", lambda: None)
    monkeypatch.setattr(refresh, "make_client",
                        lambda key, budget: client("DT_1C81_2022_2015base.json", "DT_1C81_2019_2023.json"))
    assert refresh.main(["--indicator", "grdp_nominal", "--indicator",
                         "grdp_real_chained2020"]) == 0
    out = capsys.readouterr().out
    assert "- grdp_nominal: updated (v1)" in out
    assert "- grdp_real_chained2020: unchanged" in out
    assert SECRET not in out


def test_catalog_rows_without_a_mapping_are_skipped_and_said_so(user_dir, monkeypatch):
    catalog = loaders.load_bundled_catalog().copy()
    catalog.loc["population_total", "kosis_tbl_id"] = ""
    catalog.loc["startup_firms_new", ["kosis_org_id", "kosis_tbl_id"]] = ["142", "DT_142N_F204"]
    monkeypatch.setattr(refresh, "load_bundled_catalog", lambda: catalog)
    outcomes = refresh.refresh(client(), ["startup_firms_new", "population_total"])
    assert [(o.indicator, o.status) for o in outcomes] == [
        ("population_total", "skipped"), ("startup_firms_new", "skipped")]
    assert "no KOSIS org and table id" in outcomes[0].message
    assert "no row mapping" in outcomes[1].message


def test_missing_key_fails_fast_with_a_clear_message(user_dir, capsys):
    started = time.perf_counter()
    assert refresh.main([]) == refresh.EXIT_NO_KEY
    assert time.perf_counter() - started < 2
    err = capsys.readouterr().err
    assert "no KOSIS API key: set the KOSIS_API_KEY environment variable" in err


def test_key_from_streamlit_secrets_is_used_but_never_shown(user_dir, monkeypatch, capsys):
    (user_dir.parent / "secrets.toml").write_text(f'kosis_api_key = "{SECRET}"\n')
    assert refresh.api_key() == SECRET

    def unreachable(address, timeout):
        raise socket.gaierror(-3, "Temporary failure in name resolution")
    monkeypatch.setattr(socket, "create_connection", unreachable)
    started = time.perf_counter()
    assert refresh.main([]) == refresh.EXIT_NO_NETWORK
    assert time.perf_counter() - started < 2
    captured = capsys.readouterr()
    assert "cannot reach kosis.kr" in captured.err
    assert SECRET not in captured.out + captured.err


def test_rejected_key_is_reported_without_the_key(user_dir, monkeypatch, capsys, caplog):
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv(refresh.KEY_ENV, SECRET)
    monkeypatch.setattr(refresh, "preflight", lambda: None)
    monkeypatch.setattr(refresh, "make_client", lambda key, budget: client("error_invalid_key.json"))
    assert refresh.main(["--indicator", "grdp_nominal"]) == refresh.EXIT_FAILED
    captured = capsys.readouterr()
    assert "- grdp_nominal: failed: [11] 유효하지 않은 인증KEY입니다." in captured.out
    shown = captured.out + captured.err + caplog.text
    assert SECRET not in shown and quote_plus(SECRET) not in shown
    assert "apiKey=<key>" in caplog.text  # the request line is kept, without the key
    assert not user_dir.exists()


def test_the_key_is_never_written_to_disk(user_dir, monkeypatch):
    monkeypatch.setenv(refresh.KEY_ENV, SECRET)
    monkeypatch.setattr(refresh, "preflight", lambda: None)
    monkeypatch.setattr(refresh, "make_client",
                        lambda key, budget: client("DT_1C81_2022_2015base.json", "DT_1C81_2019_2023.json"))
    refresh.main(["--indicator", "grdp_nominal", "--indicator", "grdp_real_chained2020"])
    for path in user_dir.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path


def test_command_line_without_key_exits_non_zero(tmp_path):
    if any(path.exists() for path in refresh.SECRETS_FILES[:1]):
        pytest.skip("a developer secrets.toml is present")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           user_store.ENV_VAR: str(tmp_path / "user_data")}
    result = subprocess.run([sys.executable, "-m", "loaders.refresh", "--dry-run"], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == refresh.EXIT_NO_KEY
    assert "no KOSIS API key" in result.stderr


def test_fixtures_are_in_the_vendor_format():
    rows = json.loads((FIXTURES / "DT_1C81_2019_2023.json").read_text(encoding="utf-8"))
    assert {"ORG_ID", "TBL_ID", "C1", "C1_NM", "C2_NM", "ITM_ID", "ITM_NM", "UNIT_NM",
            "PRD_SE", "PRD_DE", "DT"} <= set(rows[0])
    assert all(isinstance(row["DT"], str) for row in rows)
    assert {row["C1"] for row in rows} >= {"21", "29", "39"}  # KOSIS's older 시도 codes


def test_the_catalog_decides_which_mapped_tables_are_fetched(user_dir, monkeypatch):
    """A mapping is used only while data/catalog.csv names the same org and table."""
    catalog = loaders.load_bundled_catalog().copy()
    monkeypatch.setattr(refresh, "load_bundled_catalog", lambda: catalog)
    for table, why in (("", "no KOSIS org and table id"),
                       ("DT_OTHER", "catalog says 101/DT_OTHER, the mapping 101/DT_1DA7004S")):
        catalog.loc["employed_persons", "kosis_tbl_id"] = table
        [outcome] = refresh.refresh(client(), ["employed_persons"])
        assert outcome.status == "skipped" and why in outcome.message
    catalog.loc["employed_persons", "kosis_tbl_id"] = "DT_1DA7004S"
    requests = []
    [outcome] = refresh.refresh(client("DT_1DA7004S_2022_2024.json", requests=requests),
                                ["employed_persons"], this_year=2025)
    assert outcome.status == "unchanged"  # real 2022-2024 values, as bundled
    assert parse_qs(urlparse(str(requests[0].url)).query)["tblId"] == ["DT_1DA7004S"]
