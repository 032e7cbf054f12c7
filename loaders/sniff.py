"""Turn an uploaded file (path, bytes or file-like) into rows of text cells.

Users upload KOSIS and MOIS downloads as CSV in UTF-8 (with or without BOM) or CP949,
or as XLSX. Everything that cannot be read this way fails here with an InputError that
names the file, so the parsers only ever see a list of rows of strings.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.exceptions import InvalidFileException

from loaders.errors import InputError

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2: legacy .xls (and .doc, .hwp …)
SNIFF_BYTES = 8192
FOREIGN = (  # formats users pick by mistake; HTML is what many "Excel" web exports really are
    (b"%pdf", "a PDF document"), (b"\x89png", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"gif8", "a GIF image"), (b"\x1f\x8b", "a gzip archive"),
    (codecs.BOM_UTF16_LE, "UTF-16 text (save it as CSV UTF-8)"),
    (codecs.BOM_UTF16_BE, "UTF-16 text (save it as CSV UTF-8)"),
    (b"<!doctype html", "an HTML page (save the table as .xlsx or CSV)"),
    (b"<html", "an HTML page (save the table as .xlsx or CSV)"),
)
_ENCODING_NAMES = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "cp949": "CP949/EUC-KR"}
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')


def read_source(source, file_name: str | None = None) -> tuple[bytes, str]:
    """The raw bytes of a path, bytes or file-like upload, and a name to report errors with."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        return path.read_bytes(), file_name or path.name
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), file_name or "<upload>"
    name = file_name or Path(str(getattr(source, "name", "<upload>"))).name
    data = source.getvalue() if hasattr(source, "getvalue") else source.read()
    return bytes(data), name


def read_table(source, file_name: str | None = None) -> list[list[str]]:
    """Rows of stripped string cells from a CSV or from the first sheet of an XLSX.

    Row i of the result is row i+1 of the file, so parsers can report 1-based rows.
    """
    data, name = read_source(source, file_name)
    if not data:
        raise InputError("the file is empty (0 bytes)", file=name)
    if data.startswith(XLSX_MAGIC):
        return _read_xlsx(data, name)
    if data.startswith(XLS_MAGIC):
        raise InputError("legacy Excel .xls (or another OLE2 document) is not supported; "
                         "save it as .xlsx or CSV", file=name)
    start = data[:64].lstrip().lower()
    for magic, kind in FOREIGN:
        if start.startswith(magic):
            raise InputError(f"this is {kind}, not a CSV or XLSX table", file=name)
    if b"\x00" in data[:SNIFF_BYTES]:
        raise InputError("binary data, not a CSV text or XLSX workbook", file=name)
    rows = _read_csv(decode_text(data, name), name)
    if not any(any(cell for cell in row) for row in rows):
        raise InputError("the file contains no data (only blank lines)", file=name)
    return rows


def decode_text(data: bytes, file_name: str) -> str:
    """UTF-8 (BOM optional), else CP949, which also covers EUC-KR; else say where it broke."""
    if data.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    else:
        encodings = ("utf-8", "cp949")
    furthest = None
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as error:
            if furthest is None or error.start > furthest.start:
                furthest = error
    offset = furthest.start
    row = data.count(b"\n", 0, offset) + 1
    tried = " or ".join(_ENCODING_NAMES[encoding] for encoding in encodings)
    raise InputError(f"cannot decode the text: byte 0x{data[offset]:02x} at byte offset {offset} "
                     f"is not valid {tried}", file=file_name, row=row)


def _read_csv(text: str, file_name: str) -> list[list[str]]:
    control = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text)
    if control:
        raise InputError(f"binary data: control character {control.group()!r} in the text",
                         file=file_name, row=text.count("\n", 0, control.start()) + 1)
    reader = csv.reader(io.StringIO(text))
    try:
        return [[cell.strip() for cell in row] for row in reader]
    except csv.Error as error:
        raise InputError(f"malformed CSV: {error}", file=file_name, row=reader.line_num) from error


def _read_xlsx(data: bytes, file_name: str) -> list[list[str]]:
    """Cached values only (data_only): formulas are never evaluated; merged cells are filled."""
    try:
        with warnings.catch_warnings():  # KOSIS/MOIS files lack a default style; harmless
            warnings.simplefilter("ignore", UserWarning)
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # KOSIS files declare a wrong <dimension ref="A1"/>
        rows = [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
        workbook.close()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            merges = _merged_ranges(archive)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, EOFError, ValueError,
            ElementTree.ParseError, StopIteration, IndexError) as error:
        raise InputError(f"not a readable XLSX workbook (truncated or damaged?): {error}",
                         file=file_name) from error
    width = max((len(row) for row in rows), default=0)
    rows = [row + [""] * (width - len(row)) for row in rows]
    for merge in merges:  # openpyxl leaves all but the top-left cell of a merge empty
        first_col, first_row, last_col, last_row = range_boundaries(merge)
        if first_row > len(rows) or first_col > width:
            continue
        anchor = rows[first_row - 1][first_col - 1]
        for r in range(first_row - 1, min(last_row, len(rows))):
            for c in range(first_col - 1, min(last_col, width)):
                rows[r][c] = anchor
    if not any(any(cell for cell in row) for row in rows):
        raise InputError("the workbook's first sheet is empty", file=file_name)
    return rows


def _merged_ranges(archive: zipfile.ZipFile) -> list[str]:
    """openpyxl's read-only mode drops merged ranges, so read them from the first sheet's XML."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    sheet_id = workbook.find(f"{_MAIN_NS}sheets/{_MAIN_NS}sheet").get(_REL_ID)
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    target = next(rel.get("Target") for rel in rels if rel.get("Id") == sheet_id)
    path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return [ref.decode() for ref in _MERGE.findall(archive.read(path))]


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()
