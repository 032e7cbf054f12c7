"""Read the first sheet of an XLSX upload, checked before it is parsed.

An XLSX file is a zip archive of XML parts, and a few kilobytes can describe a sheet of
17 billion cells or a part that inflates a thousandfold. So, before any parser sees it:
the archive's parts are bounded in number, uncompressed size and compression ratio
(loaders.limits); XML with a DOCTYPE (entity bombs) is refused; and one streaming pass
over the sheet XML measures the used range (rows, columns, cells) and finds every
formula. Only then does python-calamine (Rust, measured 3× faster than openpyxl on the
MOIS download, bench/bench_hostile.py) read the cached values and merged ranges.

Formulas are never evaluated. A formula within the sheet is read as its cached value and
named in a warning; one that reads another workbook or the web (``[1]Sheet1!A1``,
WEBSERVICE …) or an archive with external links is refused, because its cached value
cannot be checked against anything in the file.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.etree import ElementTree

import python_calamine

from loaders import limits
from loaders.errors import InputError

_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CHUNK = 1024 * 1024
_MAX_PENDING = 16 * 1024 * 1024  # one row of sheet XML, at most
_TOKEN = re.compile(rb"<(?:\w+:)?(row|c|f)(?=[\s/>])([^>]*)>")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_FORMULA_TEXT = re.compile(rb"([^<]*)</(?:\w+:)?f>")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DECLARED_COUNT = re.compile(rb'\b(?:count|uniqueCount)="(\d{1,30})"')
_PROLOG_BYTES = 64 * 1024
_EXTERNAL = re.compile(r"\[\d+\]|\b(?:WEBSERVICE|FILTERXML|RTD|DDE|CALL|REGISTER|"
                       r"IMAGE|HYPERLINK)\s*\(", re.IGNORECASE)
WARNED_CELLS = 10
# What zipfile raises on a damaged, encrypted or exotic archive.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError,
               NotImplementedError, RuntimeError)  # cells named in a message; the count says how many more


@dataclass(frozen=True)
class Sheet:
    """Rows of text cells (row i is file row i+1) and the cells that held formulas."""
    rows: list[list[str]]
    formulas: tuple[str, ...] = field(default=())


def read_xlsx(data: bytes, file_name: str) -> Sheet:
    archive = _open(data, file_name)
    with archive:
        _check_archive(archive, file_name)
        sheet_path = _first_sheet(archive, file_name)
        formulas = _scan_sheet(archive, sheet_path, file_name)
        rows, merges = _values(data, file_name)
    _fill_merges(rows, merges, file_name)
    if not any(any(cell for cell in row) for row in rows):
        raise InputError("xlsx_empty_sheet", file=file_name)
    return Sheet(rows=rows, formulas=tuple(formulas))


def cell_list(refs, limit: int = WARNED_CELLS) -> str:
    """'B2, C3 and 4 more' style list of cell references (the count in any language)."""
    refs = list(refs)
    shown = ", ".join(refs[:limit])
    return shown + (f" (+{len(refs) - limit})" if len(refs) > limit else "")


def _open(data: bytes, file_name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as error:
        raise InputError("xlsx_damaged", file=file_name, detail=_detail(error)) from error


def _check_archive(archive: zipfile.ZipFile, file_name: str) -> None:
    """Bounds on the declared sizes; the real sizes are counted again while reading."""
    members = archive.infolist()
    if len(members) > limits.MAX_ARCHIVE_MEMBERS:
        raise InputError("xlsx_too_many_parts", file=file_name, count=len(members),
                         limit=limits.MAX_ARCHIVE_MEMBERS)
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > limits.MAX_MEMBER_BYTES or total > limits.MAX_ARCHIVE_BYTES:
            raise InputError("xlsx_part_too_large", file=file_name, part=member.filename,
                             mb=member.file_size // 2**20,
                             limit=limits.MAX_MEMBER_BYTES // 2**20)
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > limits.RATIO_CHECKED_FROM and ratio > limits.MAX_COMPRESSION_RATIO:
            raise InputError("xlsx_compression_ratio", file=file_name, part=member.filename,
                             ratio=int(ratio), limit=limits.MAX_COMPRESSION_RATIO)
        if member.filename.startswith("xl/externalLinks/"):
            raise InputError("xlsx_external_links", file=file_name)
        if member.filename.endswith((".xml", ".rels")):
            _check_prolog(archive, member.filename, file_name)


def _check_prolog(archive: zipfile.ZipFile, name: str, file_name: str) -> None:
    """The start of an XML part: no DTD, and no declared count (calamine reserves memory
    for sharedStrings' uniqueCount before reading a string) beyond MAX_CELLS."""
    try:
        with archive.open(name) as part:
            head = part.read(_PROLOG_BYTES)
    except _ZIP_ERRORS as error:
        raise InputError("xlsx_damaged", file=file_name, detail=_detail(error)) from error
    if _DTD.search(head):
        raise InputError("xlsx_dtd", file=file_name, part=name)
    for declared in _DECLARED_COUNT.findall(head):
        if int(declared) > limits.MAX_CELLS:
            raise InputError("xlsx_declared_count", file=file_name, part=name,
                             count=int(declared), limit=limits.MAX_CELLS)


def _read_part(archive: zipfile.ZipFile, name: str, file_name: str) -> bytes:
    """A small XML part, read whole (bounded) and refused if it declares a DTD."""
    try:
        with archive.open(name) as part:
            data = part.read(limits.MAX_XML_PART_BYTES + 1)
    except KeyError as error:
        raise InputError("xlsx_missing_part", file=file_name, part=name) from error
    except _ZIP_ERRORS as error:
        raise InputError("xlsx_damaged", file=file_name, detail=_detail(error)) from error
    if len(data) > limits.MAX_XML_PART_BYTES:
        raise InputError("xlsx_part_too_large", file=file_name, part=name,
                         mb=len(data) // 2**20, limit=limits.MAX_XML_PART_BYTES // 2**20)
    if _DTD.search(data):
        raise InputError("xlsx_dtd", file=file_name, part=name)
    return data


def _first_sheet(archive: zipfile.ZipFile, file_name: str) -> str:
    """The first sheet's part name, from workbook.xml and its relationships."""
    try:
        workbook = ElementTree.fromstring(_read_part(archive, "xl/workbook.xml", file_name))
        rels = ElementTree.fromstring(
            _read_part(archive, "xl/_rels/workbook.xml.rels", file_name))
        sheet = workbook.find(f"{_MAIN_NS}sheets/{_MAIN_NS}sheet")
        if sheet is None:
            raise InputError("xlsx_no_sheet", file=file_name)
        target = next(rel.get("Target") for rel in rels if rel.get("Id") == sheet.get(_REL_ID))
        return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    except (ElementTree.ParseError, StopIteration, TypeError, AttributeError) as error:
        raise InputError("xlsx_damaged", file=file_name, detail=_detail(error)) from error


def _scan_sheet(archive: zipfile.ZipFile, path: str, file_name: str) -> list[str]:
    """One streaming pass over the sheet XML: the used range against the limits, and the
    cells holding formulas (refused when a formula reaches outside the file)."""
    state = _ScanState(file_name)
    try:
        with archive.open(path) as part:
            pending, read = b"", 0
            while chunk := part.read(_CHUNK):
                read += len(chunk)
                if read > limits.MAX_MEMBER_BYTES:
                    raise InputError("xlsx_part_too_large", file=file_name, part=path,
                                     mb=read // 2**20, limit=limits.MAX_MEMBER_BYTES // 2**20)
                pending += chunk
                cut = pending.rfind(b"row>")
                if cut < 0:
                    if len(pending) > _MAX_PENDING:
                        raise InputError("xlsx_row_too_large", file=file_name,
                                         mb=_MAX_PENDING // 2**20)
                    continue
                state.scan(pending[:cut + 4])
                pending = pending[cut + 4:]
            state.scan(pending)
    except KeyError as error:
        raise InputError("xlsx_missing_part", file=file_name, part=path) from error
    except InputError:
        raise
    except _ZIP_ERRORS as error:
        raise InputError("xlsx_damaged", file=file_name, detail=_detail(error)) from error
    if state.external:
        raise InputError("xlsx_external_formulas", file=file_name,
                         cells=cell_list(state.external), count=len(state.external))
    return state.formulas


class _ScanState:
    """Where the scan is: the current row and column, and what it has found so far."""

    def __init__(self, file_name: str):
        self.file_name = file_name
        self.row = self.rows = self.column = self.widest = self.cells = 0
        self.ref = ""
        self.formulas: list[str] = []
        self.external: list[str] = []

    def scan(self, xml: bytes) -> None:
        if _DTD.search(xml):
            raise InputError("xlsx_dtd", file=self.file_name, part="sheet")
        for token in _TOKEN.finditer(xml):
            kind, attributes = token.group(1), token.group(2)
            if kind == b"row":
                number = _ROW_NUMBER.search(attributes)
                self.row = int(number.group(1)) if number else self.row + 1
                self.rows += 1
                self.column = 0
                if self.row > limits.MAX_ROWS or self.rows > limits.MAX_ROWS:
                    raise InputError("too_many_rows", file=self.file_name, row=self.row,
                                     limit=limits.MAX_ROWS)
            elif kind == b"c":
                self._cell(attributes)
            elif not attributes.rstrip().endswith(b"/"):
                text = _FORMULA_TEXT.match(xml, token.end())
                self._formula(text.group(1).decode("utf-8", "replace") if text else "")
            else:
                self._formula("")

    def _cell(self, attributes: bytes) -> None:
        ref = _CELL_REF.search(attributes)
        if ref:
            self.column = _column_number(ref.group(1))
            self.row = int(ref.group(2))
        else:
            self.column += 1
        self.cells += 1
        self.widest = max(self.widest, self.column)
        self.ref = f"{_column_letters(self.column)}{self.row}"
        if self.column > limits.MAX_COLUMNS:
            raise InputError("too_many_columns", file=self.file_name, row=self.row,
                             column=self.ref, limit=limits.MAX_COLUMNS)
        if self.row > limits.MAX_ROWS:
            raise InputError("too_many_rows", file=self.file_name, row=self.row,
                             limit=limits.MAX_ROWS)
        if self.row * self.widest > limits.MAX_CELLS:
            raise InputError("too_many_cells", file=self.file_name, row=self.row,
                             column=self.ref, limit=limits.MAX_CELLS)

    def _formula(self, text: str) -> None:
        if _EXTERNAL.search(text):
            self.external.append(self.ref)
        else:
            self.formulas.append(self.ref)


def _values(data: bytes, file_name: str) -> tuple[list[list[str]], list]:
    """Cached cell values as text (every row as wide as the checked used range) and the
    merged ranges, read by python-calamine."""
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        with workbook:
            sheet = workbook.get_sheet_by_index(0)
            values = sheet.to_python(skip_empty_area=False)
            merges = sheet.merged_cell_ranges or []
    except MemoryError:
        raise
    except BaseException as error:  # calamine's errors, and a Rust panic (PanicException)
        if isinstance(error, (KeyboardInterrupt, SystemExit)):
            raise
        raise InputError("xlsx_damaged", file=file_name, detail=_detail(error)) from None
    return [[_cell_text(value) for value in row] for row in values], merges


def _fill_merges(rows: list[list[str]], merges, file_name: str) -> None:
    """Calamine leaves all but the top-left cell of a merge empty; fill them, within the
    read range only, and at most MAX_CELLS cells in all."""
    if len(merges) > limits.MAX_MERGED_RANGES:
        raise InputError("xlsx_too_many_merges", file=file_name, count=len(merges),
                         limit=limits.MAX_MERGED_RANGES)
    budget = limits.MAX_CELLS
    for (first_row, first_col), (last_row, last_col) in merges:
        if first_row >= len(rows) or first_col >= len(rows[first_row]):
            continue
        anchor = rows[first_row][first_col]
        for r in range(first_row, min(last_row + 1, len(rows))):
            row = rows[r]
            span = range(first_col, min(last_col + 1, len(row)))
            budget -= len(span)
            if budget < 0:
                raise InputError("too_many_cells", file=file_name, limit=limits.MAX_CELLS)
            for c in span:
                row[c] = anchor


def _cell_text(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters or "A"


def _detail(error: BaseException) -> str:
    """The reader's own words, without any path of this machine."""
    return re.sub(r"(/[\w.+-]+)+/?", "…", str(error) or type(error).__name__)[:120]
