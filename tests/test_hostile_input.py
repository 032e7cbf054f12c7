"""Hostile input (README "Bad input"): every file, link or name is bounded, escaped and
fails with a message in the page's language that names file, row and column, quickly,
and nothing is stored. The files come from tests/hostile_files.py, built per test run.
"""

from __future__ import annotations

import io
import re
import socket
import threading
import time
import tomllib
import zipfile

import httpx
import pandas as pd
import pytest
from pykosis import KOSIS

import hostile_files
from conftest import RAW, ROOT, shown
from exports.data_export import csv_bytes, xlsx_bytes
from i18n import STRINGS
from i18n.safe_text import ECHO_LIMIT, clip, html, md
from loaders import InputError, limits, preview_upload, refresh, upload_sandbox
from loaders.upload_sandbox import preview_isolated
from ui.url_state import Notice, notice_text

FAST = 5.0  # CPU seconds: a hostile file is refused before it is parsed


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return tmp_path_factory.mktemp("hostile")


def refused(path, match: str) -> InputError:
    """The file is refused within FAST CPU seconds with ``match`` in its English message; the
    Korean message exists too and names the same place."""
    started = time.process_time()  # CPU time: the machine's other load does not count
    with pytest.raises(InputError, match=match) as caught:
        preview_upload(path.read_bytes(), path.name)
    assert time.process_time() - started < FAST
    error = caught.value
    assert error.file == path.name and error.key in STRINGS
    assert error.text("ko").startswith(f"파일 {path.name}") and error.text("ko") != str(error)
    return error


@pytest.mark.parametrize("builder, match", [
    ("widest_range", "too many columns: at most 2,000 columns are read"),
    ("inflating_sheet", r"sheet1.xml is 1,024 MB uncompressed \(at most 100 MB\)"),
    ("ten_million_rows", r"sheet1.xml is 305 MB uncompressed"),
    ("billion_laughs", r"xl/workbook.xml declares a DTD"),
    ("shared_strings_count", r"sharedStrings.xml declares 4,000,000,000 entries"),
    ("external_formulas", "links to other workbooks"),
    ("large_kosis_csv", "too many rows: at most 50,000 rows"),
])
def test_hostile_files_are_refused_before_parsing(files, user_dir, builder, match):
    error = refused(hostile_files.BUILDERS[builder](files), match)
    assert "Traceback" not in error.text("en") and str(ROOT) not in error.text("en")
    assert not user_dir.exists()


def test_the_widest_range_names_the_cell(files):
    error = refused(hostile_files.widest_range(files), "too many columns")
    assert (error.row, error.column) == (1, "XFD1")


def test_a_million_rows_is_refused_by_size_and_by_row_count(files, monkeypatch):
    refused(hostile_files.million_rows(files), "sheet1.xml is 1.. MB uncompressed")
    monkeypatch.setattr(limits, "MAX_MEMBER_BYTES", 2**31)
    monkeypatch.setattr(limits, "MAX_ARCHIVE_BYTES", 2**31)
    error = refused(files / "million_rows.xlsx", "too many rows: at most 50,000")
    assert error.row == 50_001


def test_compression_ratio_and_used_range_limits(files, monkeypatch):
    sheet = (hostile_files.SHEET_HEAD + "<sheetData>" + hostile_files._kosis_rows()
             + " " * (3 * 2**20) + "</sheetData></worksheet>")
    path = hostile_files.write_xlsx(files / "ratio.xlsx", sheet)
    refused(path, r"inflates [\d,]+-fold \(at most 100\)")
    monkeypatch.setattr(limits, "MAX_CELLS", 20)
    error = refused(hostile_files.local_formula(files), "used range passes 20 cells")
    assert error.row == 7


def test_formulas_within_the_sheet_are_imported_as_cached_values_with_a_warning(files):
    preview = preview_upload(hostile_files.local_formula(files).read_bytes(), "local.xlsx")
    assert preview.rows_of("local").set_index(["region_code", "year"]).loc[
        ("11", 2022), "value"] == 1021
    assert [note.text("en") for note in preview.notes] == [
        "cells C2 (1 in all) hold formulas: their values as saved in the file were imported; "
        "the formulas were not run"]
    assert preview.notes[0].text("ko").startswith("셀 C2(1개)에 수식이 있습니다")


def test_web_and_other_workbook_formulas_are_refused_with_their_cells(files):
    sheet = (hostile_files.SHEET_HEAD + "<sheetData>" + hostile_files._kosis_rows()
             .replace('<c r="B2"><v>1020</v></c>', '<c r="B2"><f>[1]Sheet1!A1*2</f><v>1020</v></c>')
             .replace('<c r="C3"><v>1031</v></c>',
                      '<c r="C3"><f>WEBSERVICE("http://x.invalid/")</f><v>1031</v></c>')
             + "</sheetData></worksheet>")
    path = hostile_files.write_xlsx(files / "web.xlsx", sheet)
    error = refused(path, r"formulas in cells B2, C3 \(2 in all\) read another workbook")
    assert "B2, C3" in error.text("ko")


def test_a_typo_in_the_first_data_row_is_reported_not_taken_for_a_header(files):
    error = refused(hostile_files.typo_first_row(files), "'12a4' is not a number")
    assert (error.row, error.column) == (2, "2022 년")


@pytest.mark.parametrize("builder, match, row, column", [
    ("year_9999", r"year '9999' is outside 1900–\d{4}", 2, "연도"),
    ("year_0000", r"year '0000 년' is outside 1900–\d{4}", 2, "0000 년"),
    ("value_1e309", "'1e309' is not a finite number", 2, "2022 년"),
])
def test_impossible_years_and_values(files, builder, match, row, column):
    error = refused(hostile_files.BUILDERS[builder](files), match)
    assert (error.row, error.column) == (row, column)


def test_next_year_is_the_last_year_accepted():
    year = pd.Timestamp.now().year
    text = f"행정구역별,연도,값\n서울특별시,{year + 1},1\n부산광역시,1900,2\n"
    assert sorted(preview_upload(text.encode(), "ok.csv").observations["year"]) == [1900, year + 1]


def test_oversized_uploads_are_refused_by_the_server_setting_and_the_reader(files):
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == limits.MAX_UPLOAD_MB
    assert config["client"]["showErrorDetails"] == "none"
    refused(hostile_files.oversized_csv(files), "the file is 25.0 MB; uploads are limited to 20 MB")


def test_long_cells_are_cut_in_messages():
    long = "가" * 100_000
    error = InputError("not_a_number", file="x" * 300 + ".csv", row=2, column=long, value=long)
    assert len(error.text("ko")) < 4 * ECHO_LIMIT + 100
    assert error.column == long  # the structured field keeps the whole header


def test_the_worker_limits_are_clear_messages():
    data = (RAW / "mois_age_population_201012_5yr.xlsx").read_bytes()
    with pytest.raises(InputError, match="needed more than 1 MB of memory") as caught:
        preview_isolated(data, "mois.xlsx", memory_bytes=2**20)
    assert caught.value.text("ko").startswith("파일 mois.xlsx: 파일을 읽는 데 메모리가 1 MB")
    with pytest.raises(InputError, match="took longer than 0 s"):
        preview_isolated(data, "mois.xlsx", seconds=0)
    preview = preview_isolated(data, "mois.xlsx")
    assert len(preview.series) == 4


def test_an_unexpected_worker_failure_shows_an_error_id_and_logs_the_traceback(caplog):
    traceback = (b'Traceback (most recent call last):\n  File "/srv/dashboard/loaders/kosis.py", '
                 b'line 9, in parse\nKeyError: 0\n')
    with caplog.at_level("ERROR", logger="loaders.upload_sandbox"):
        with pytest.raises(InputError) as caught:
            upload_sandbox._outcome(upload_sandbox.EXIT_FAILED, b"", traceback, "x.csv", 30, 2**30)
    incident = caught.value.params["incident"]
    assert re.fullmatch(r"[0-9a-f]{8}", incident)
    for lang in ("ko", "en"):
        text = caught.value.text(lang)
        assert incident in text and "/srv" not in text and "KeyError" not in text
    assert f"error id {incident}" in caplog.text and "/srv/dashboard/loaders/kosis.py" in caplog.text


def test_uploads_wait_for_a_free_worker(monkeypatch):
    taken = threading.BoundedSemaphore(1)
    taken.acquire()
    monkeypatch.setattr(upload_sandbox, "_WORKERS", taken)
    with pytest.raises(InputError, match="the server is busy reading other files"):
        preview_isolated("시도별,2022 년\n서울특별시,1\n".encode(), "x.csv", seconds=0.1)


def test_exports_neutralise_formulas_in_csv_and_xlsx():
    hostile = ['=HYPERLINK("http://x.invalid/?"&A2,"보기")', "+1", "-2", "@SUM(A1)", "\tx",
               "\rx", "정상"]
    data = pd.DataFrame({"=name": hostile, "value": [1.0, -2, 3, 4, 5, 6, 7]})
    text = csv_bytes(data).decode("utf-8-sig")
    parsed = pd.read_csv(io.StringIO(text), keep_default_na=False)
    assert parsed.columns.tolist() == ["'=name", "value"]
    assert parsed["'=name"].tolist() == [f"'{v}" for v in hostile[:-1]] + ["정상"]
    assert parsed["value"].tolist() == [1.0, -2, 3, 4, 5, 6, 7]  # numbers stay numbers
    workbook = xlsx_bytes(data, pd.DataFrame({"x": ["=1+1"]}))
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        sheets = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any(b"<f>" in sheet or b"<f " in sheet for sheet in sheets)
    assert pd.read_excel(io.BytesIO(workbook), engine="openpyxl")["=name"].tolist() == hostile


def test_markdown_and_html_from_urls_and_files_are_shown_as_text():
    link = "[세션 만료 - 다시 로그인](https://evil.invalid/login)"
    image = "![x](http://evil.invalid/pixel.png)"
    assert md(link) == "\\[세션 만료 - 다시 로그인\\](https:\u2060//evil.invalid/login)"
    assert md(image) == "!\\[x\\](http:\u2060//evil.invalid/pixel.png)"
    assert md("www.evil.invalid a@b.invalid <https://x.invalid>") == (
        "www\u2060.evil.invalid a@\u2060b.invalid \\<https:\u2060//x.invalid>")
    assert md(":red[경고] $x$ **굵게** _기울임_\n# 제목") == (
        "\\:red\\[경고\\] \\$x\\$ \\*\\*굵게\\*\\* \\_기울임\\_ # 제목")
    assert md("# 제목") == "\\# 제목" and md("1. 항목") == "1\\. 항목" and md("- 3") == "\\- 3"
    for plain in ("지역내총생산(명목) · 수준, 2023", "단위: 조원, 수도권=100", "KOSIS 101 DT_1C81"):
        assert md(plain) == plain  # ordinary names read the same
    for text in (link, image, "고용률(15~64세)", ":material/warning: 1. _a_"):
        assert shown(md(text)) == text
    assert html('<img src=x onerror="alert(1)">') == "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
    notice = notice_text(Notice("year", link + "x" * 100_000, "2023"), "en")
    assert not re.search(r"(?<!\\)[\[\]]", notice) and len(notice) < 400
    assert clip("가" * 100) == "가" * (ECHO_LIMIT - 1) + "…"


# --- refresh against a server that accepts and never answers -------------------------------

@pytest.fixture
def silent_server():
    """A TCP server on 127.0.0.1 that accepts connections and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    held, stop = [], threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue
    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()


class _ToLocal(httpx.HTTPTransport):
    """Sends every request to the silent local server instead of kosis.kr."""

    def __init__(self, port: int):
        super().__init__()
        self.port = port

    def handle_request(self, request):
        request.url = request.url.copy_with(scheme="http", host="127.0.0.1", port=self.port)
        return super().handle_request(request)


def test_refresh_has_one_time_budget_for_the_whole_run(user_dir, silent_server, monkeypatch):
    monkeypatch.setattr(refresh, "TIMEOUT_SECONDS", 1.0)
    budget = refresh.Budget(4.0)
    started = time.perf_counter()
    with refresh.make_client("key", budget, _ToLocal(silent_server)) as client:
        outcomes = refresh.refresh(client, budget=budget, this_year=2025)
    elapsed = time.perf_counter() - started
    assert elapsed < 4.0 + 4.0  # the budget, plus pykosis's pauses between retries
    fetched = [o for o in outcomes if o.status == "failed"]
    assert fetched and all("request failed" in o.message for o in fetched)
    later = [o for o in outcomes if "time budget was used up" in o.message]
    assert later and len(fetched) + len(later) == len([o for o in outcomes
                                                       if o.status != "skipped"
                                                       or "budget" in o.message])
    assert not user_dir.exists()


def test_a_rejected_key_stops_the_refresh_at_the_first_indicator(user_dir):
    requests = []

    def answer(request):
        requests.append(request)
        return httpx.Response(200, json={"err": "11", "errMsg": "유효하지 않은 인증KEY입니다."})
    with KOSIS(api_key="bad", transport=httpx.MockTransport(answer)) as client:
        outcomes = refresh.refresh(client, this_year=2025)
    assert len(requests) == 1
    failed = [o for o in outcomes if o.status == "failed"]
    assert len(failed) == 1 and "[11]" in failed[0].message
    assert sum("KOSIS rejected the API key" in o.message for o in outcomes) >= 10
