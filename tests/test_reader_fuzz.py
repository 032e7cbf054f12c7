"""Property-based fuzzing of the upload readers (hypothesis, bounded in time): whatever
the bytes, preview_upload returns a preview or raises InputError with a catalog key,
never another exception, and never takes long (CPU time, so other load does not count)."""

from __future__ import annotations

import io
import time
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hostile_files
from i18n import STRINGS
from loaders import InputError, preview_upload

BOUNDED = settings(max_examples=60, deadline=3000, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow])
SECONDS = 3.0
CELLS = st.one_of(
    st.sampled_from(["서울특별시", "부산", "경기도", "전국", "계", "수도권", "아틀란티스", "11",
                     "시도별", "행정구역별", "연도", "값", "단위", "2022", "2022 년", "2023 p)",
                     "1,234", "-", "…", "12a4", "1e309", "=1+1", "주: 잠정치", "0000", "9999",
                     "행정구역", "2024년12월_계_총인구수", "region", "year", "value"]),
    st.text(max_size=12),
    st.integers(-10**12, 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
TABLES = st.lists(st.lists(CELLS, max_size=8), max_size=25)


def read(data: bytes, name: str) -> None:
    started = time.process_time()
    try:
        preview_upload(data, name)
    except InputError as error:
        assert error.key in STRINGS, error.key
        assert error.text("ko") and error.text("en")
    assert time.process_time() - started < SECONDS


def _csv(rows: list[list[str]]) -> str:
    return "\n".join(",".join(f'"{c}"' if any(x in c for x in ',"\n\r') and '"' not in c
                              else c for c in row) for row in rows)


@BOUNDED
@given(TABLES, st.sampled_from(["utf-8", "utf-8-sig", "cp949"]))
def test_csv_tables_of_plausible_and_hostile_cells(rows, encoding):
    text = _csv(rows)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    read(data, "fuzz.csv")


@BOUNDED
@given(st.binary(max_size=4096))
def test_arbitrary_bytes(data):
    read(data, "fuzz.bin")


@BOUNDED
@given(TABLES)
def test_xlsx_sheets_of_plausible_and_hostile_cells(rows):
    cells = []
    for r, row in enumerate(rows, start=1):
        line = "".join(hostile_files._text(f"{'ABCDEFGH'[c]}{r}", _xml(value))
                       for c, value in enumerate(row))
        cells.append(f'<row r="{r}">{line}</row>')
    sheet = (hostile_files.SHEET_HEAD + "<sheetData>" + "".join(cells)
             + "</sheetData></worksheet>")
    buffer = io.BytesIO()
    hostile_files.write_xlsx(buffer, sheet)
    read(buffer.getvalue(), "fuzz.xlsx")


@BOUNDED
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_xlsx_archives(flips):
    buffer = io.BytesIO()
    hostile_files.write_xlsx(buffer, hostile_files.SHEET_HEAD + "<sheetData>"
                             + hostile_files._kosis_rows() + "</sheetData></worksheet>")
    data = bytearray(buffer.getvalue())
    for at, value in flips:
        data[at % len(data)] = value
    read(bytes(data), "damaged.xlsx")


@BOUNDED
@given(st.text(alphabet=st.sampled_from('<>/="&;!x rcfvistn0123456789AZ'), max_size=300))
def test_sheet_xml_noise(noise):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", hostile_files.CONTENT_TYPES)
        archive.writestr("xl/workbook.xml", hostile_files.WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", hostile_files.WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", hostile_files.SHEET_HEAD + "<sheetData>"
                         + hostile_files._kosis_rows() + noise + "</sheetData></worksheet>")
    read(buffer.getvalue(), "noise.xlsx")


def _xml(text: str) -> str:
    cleaned = "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20
                      and not 0xD800 <= ord(ch) <= 0xDFFF and ch not in "\ufffe\uffff")
    return cleaned.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
