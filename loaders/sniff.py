"""Turn an uploaded file (path, bytes or file-like) into rows of text cells.

Users upload KOSIS and MOIS downloads as CSV in UTF-8 (with or without BOM) or CP949,
or as XLSX. Everything that cannot be read this way fails here with an InputError that
names the file, so the parsers only ever see a list of rows of strings. Sizes are
checked before parsing (loaders.limits); XLSX goes through loaders.xlsx.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from pathlib import Path

from loaders import limits
from loaders.errors import InputError
from loaders.xlsx import Sheet, read_xlsx

XLSX_MAGIC = b"PK\x03\x04"
XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2: legacy .xls (and .doc, .hwp …)
SNIFF_BYTES = 8192
FOREIGN = (  # formats users pick by mistake; HTML is what many "Excel" web exports really are
    (b"%pdf", "kind_pdf"), (b"\x89png", "kind_png"), (b"\xff\xd8\xff", "kind_jpeg"),
    (b"gif8", "kind_gif"), (b"\x1f\x8b", "kind_gzip"),
    (codecs.BOM_UTF16_LE, "kind_utf16"), (codecs.BOM_UTF16_BE, "kind_utf16"),
    (b"<!doctype html", "kind_html"), (b"<html", "kind_html"),
)


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


def read_rows(source, file_name: str | None = None) -> tuple[list[list[str]], str]:
    """read_table and the name to report errors with; a Sheet already read is used as is."""
    if isinstance(source, Sheet):
        return source.rows, file_name or "<upload>"
    data, name = read_source(source, file_name)
    return read_table(data, name), name


def read_table(source, file_name: str | None = None) -> list[list[str]]:
    """Rows of stripped string cells from a CSV or from the first sheet of an XLSX.

    Row i of the result is row i+1 of the file, so parsers can report 1-based rows.
    """
    return read_sheet(source, file_name).rows


def read_sheet(source, file_name: str | None = None) -> Sheet:
    """read_table, with the cells that held formulas (XLSX only)."""
    data, name = read_source(source, file_name)
    if not data:
        raise InputError("file_empty", file=name)
    check_size(data, name)
    if data.startswith(XLSX_MAGIC):
        return read_xlsx(data, name)
    if data.startswith(XLS_MAGIC):
        raise InputError("legacy_xls", file=name)
    start = data[:64].lstrip().lower()
    for magic, kind in FOREIGN:
        if start.startswith(magic):
            raise InputError("foreign_format", file=name, kind_key=kind)
    if b"\x00" in data[:SNIFF_BYTES]:
        raise InputError("binary_data", file=name)
    rows = _read_csv(decode_text(data, name), name)
    if not any(any(cell for cell in row) for row in rows):
        raise InputError("no_data_rows_blank", file=name)
    return Sheet(rows=rows)


def check_size(data: bytes, file_name: str) -> None:
    """Uploads over MAX_UPLOAD_MB are refused before anything reads them."""
    if len(data) > limits.MAX_UPLOAD_BYTES:
        raise InputError("file_too_large", file=file_name, mb=f"{len(data) / 2**20:.1f}",
                         limit=limits.MAX_UPLOAD_MB)


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
    key = "cannot_decode_utf8" if len(encodings) == 1 else "cannot_decode_utf8_cp949"
    raise InputError(key, file=file_name, row=row, byte=f"0x{data[offset]:02x}", offset=offset)


def _read_csv(text: str, file_name: str) -> list[list[str]]:
    """Rows of cells, refused as soon as the rows, columns or cells pass their limits."""
    control = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text)
    if control:
        raise InputError("control_character", file=file_name,
                         row=text.count("\n", 0, control.start()) + 1,
                         character=f"\\x{ord(control.group()):02x}")
    reader = csv.reader(io.StringIO(text))
    rows, cells = [], 0
    try:
        for row in reader:
            if len(rows) >= limits.MAX_ROWS:
                raise InputError("too_many_rows", file=file_name, row=reader.line_num,
                                 limit=limits.MAX_ROWS)
            if len(row) > limits.MAX_COLUMNS:
                raise InputError("too_many_columns", file=file_name, row=reader.line_num,
                                 column=f"column {limits.MAX_COLUMNS + 1}",
                                 limit=limits.MAX_COLUMNS)
            cells += len(row)
            if cells > limits.MAX_CELLS:
                raise InputError("too_many_cells", file=file_name, row=reader.line_num,
                                 limit=limits.MAX_CELLS)
            rows.append([cell.strip() for cell in row])
    except csv.Error as error:
        raise InputError("malformed_csv", file=file_name, row=reader.line_num,
                         detail=str(error)) from error
    return rows
