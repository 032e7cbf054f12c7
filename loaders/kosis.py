"""Read KOSIS downloads (CSV or XLSX, wide by year or long) into one tidy frame.

KOSIS hands out the same table in several shapes: wide by year with one header row
('1985 년' … '2023 p)'), wide with a year row over an item row (명목/실질/…), or long
(행정구역별, 산업별, 연도, 지표, 단위, 값). All of them become one row per observation,
with the region placed by the crosswalk and every cell traceable to its file row.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

import pandas as pd

from loaders.crosswalk import NATIONAL_CODE, is_national, resolve_sido
from loaders.errors import InputError, UnknownRegionError
from loaders.sniff import read_rows

YEAR = re.compile(r"^(\d{4})(?:\s*년)?(?:\s*\(?([pP])\)?)?$")
FIRST_YEAR = 1900
NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
NO_DATA = frozenset({"", "-", "…", "...", "..", "x", "X"})
NOTE = re.compile(r"^(주\s*[:)\d]|자료\s*:|출처\s*:|※|\*)")
LONG_YEAR = frozenset({"연도", "년도", "시점", "year", "prd_de"})
LONG_VALUE = frozenset({"값", "데이터", "수치", "value", "dt"})
UNIT = frozenset({"단위", "unit", "unit_nm"})
COUNT_UNITS = frozenset({"개", "명", "천명", "가구", "개소", "건"})
ITEM_DIMENSION = "항목"  # KOSIS's own name for the item axis; a two-row header leaves it unnamed


@dataclass(frozen=True)
class _Cell:
    """One observation before parsing: labels of its row, year text and value text."""
    row: int
    labels: tuple[str, ...]
    year: str
    value: str
    column: str
    year_column: str


def read_kosis(source, file_name: str | None = None) -> pd.DataFrame:
    """One row per observation: region_code, region_label, year, preliminary, the file's
    classification columns, unit, value (NaN for no-data marks), source_file, source_row."""
    rows, name = read_rows(source, file_name)
    body = _strip_notes([(i + 1, row) for i, row in enumerate(rows) if any(row)])
    if len(body) < 2:
        raise InputError("header_only", file=name)
    header = [cell.casefold() for cell in body[0][1]]
    if LONG_YEAR & set(header) and LONG_VALUE & set(header):
        names, cells = _long_cells(body)
    else:
        names, cells = _wide_cells(body, name)
    if not cells:
        raise InputError("header_only", file=name)
    return _tidy(names, cells, name)


def _strip_notes(rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """Drop title lines above the header and 주:/자료: footnotes below the data."""
    def is_note(row: list[str]) -> bool:
        filled = [cell for cell in row if cell]
        return len(filled) <= 1 or bool(NOTE.match(filled[0]))
    start, end = 0, len(rows)
    while start < end and is_note(rows[start][1]):
        start += 1
    while end > start and is_note(rows[end - 1][1]):
        end -= 1
    return rows[start:end]


def _long_cells(body) -> tuple[list[str], list[_Cell]]:
    header = body[0][1]
    folded = [cell.casefold() for cell in header]
    year_at = next(i for i, c in enumerate(folded) if c in LONG_YEAR)
    value_at = next(i for i, c in enumerate(folded) if c in LONG_VALUE)
    # Columns right of the value (KOSIS 지수, 증감률 …) are companion values, not labels.
    label_at = [i for i in range(len(header)) if i not in (year_at, value_at)
                and (i < value_at or folded[i] in UNIT)]
    cells = [_Cell(row_no, tuple(_at(row, i) for i in label_at), _at(row, year_at),
                   _at(row, value_at), header[value_at], header[year_at])
             for row_no, row in body[1:]]
    return [header[i] for i in label_at], cells


def _wide_cells(body, file_name: str) -> tuple[list[str], list[_Cell]]:
    first = body[0][1]
    second = body[1][1]
    year_row, item_row = first, None
    if not any(YEAR.match(c) for c in first) and any(YEAR.match(c) for c in second):
        year_row, item_row = second, first  # item row above the year row
    years = [i for i, c in enumerate(year_row) if YEAR.match(c)]
    if not years:
        raise InputError("no_year_columns", file=file_name, row=body[0][0])
    first_year = years[0]
    if item_row is None and _is_item_row(second, years, first_year):
        item_row = second
    data = body[2:] if item_row is not None else body[1:]
    for col in range(first_year, len(year_row)):
        if col not in years and any(_at(row, col) for _, row in data):
            raise InputError("header_not_year", file=file_name, row=body[0][0],
                             column=year_row[col] or f"column {col + 1}", header=year_row[col])
    names = [year_row[i] or (item_row[i] if item_row else "") or f"column {i + 1}"
             for i in range(first_year)]
    if item_row is not None:
        names.append(ITEM_DIMENSION)
    cells = []
    for row_no, row in data:
        labels = tuple(_at(row, i) for i in range(first_year))
        for col in years:
            item = (_at(item_row, col),) if item_row is not None else ()
            column = year_row[col] + (f" / {_at(item_row, col)}" if item_row is not None else "")
            cells.append(_Cell(row_no, labels + item, year_row[col], _at(row, col), column,
                               year_row[col]))
    return names, cells


def _is_item_row(row: list[str], years: list[int], first_year: int) -> bool:
    """A second header row holds text labels in every year column and no region in its
    label columns; a data row holds a region and numbers (a typo in one of them is still a
    data row, reported as not a number, never taken for a header)."""
    if any(_places(_at(row, col)) for col in range(first_year) if _at(row, col)):
        return False
    values = [_at(row, col) for col in years]
    return all(v and v not in NO_DATA and not NUMBER.match(v.replace(",", "")) for v in values)


def _tidy(names: list[str], cells: list[_Cell], file_name: str) -> pd.DataFrame:
    unit_at = next((i for i, n in enumerate(names) if n.casefold() in UNIT), None)
    region_at = _region_column(names, cells, unit_at, file_name)
    dims = [i for i in range(len(names)) if i not in (region_at, unit_at)]
    codes: dict[str, str] = {}
    seen: dict[tuple, int] = {}
    out = {key: [] for key in ("region_code", "region_label", "year", "preliminary")}
    out.update({names[i]: [] for i in dims})
    out.update({key: [] for key in ("unit", "value", "source_file", "source_row")})
    for cell in cells:
        label = cell.labels[region_at]
        if label not in codes:
            codes[label] = _region_code(label, file_name, cell.row, names[region_at])
        year = checked_year(cell.year, file_name, cell.row, cell.year_column)
        unit = (cell.labels[unit_at] or None) if unit_at is not None else None
        value = _number(cell, file_name)
        if unit in COUNT_UNITS and value < 0:
            raise InputError("negative_count", file=file_name, row=cell.row, column=cell.column,
                             value=cell.value, unit=unit)
        key = (codes[label], int(year.group(1))) + tuple(cell.labels[i] for i in dims)
        if key in seen:
            what = ", ".join(map(str, (label, *key[1:])))
            raise InputError("duplicated_observation", file=file_name, row=cell.row,
                             column=cell.column, what=what, other=seen[key])
        seen[key] = cell.row
        for column, item in zip(out, (codes[label], label, key[1], bool(year.group(2)),
                                      *key[2:], unit, value, file_name, cell.row)):
            out[column].append(item)
    if set(codes.values()) == {NATIONAL_CODE}:
        raise InputError("totals_only", file=file_name, column=names[region_at])
    return pd.DataFrame(out)


def _region_column(names, cells, unit_at, file_name: str) -> int:
    """The first label column whose values are mostly 시도 names (or 전국)."""
    for i in range(len(names)):
        distinct = {cell.labels[i] for cell in cells} - {""}
        placed = sum(1 for label in distinct if not label.isdigit() and _places(label))
        if i != unit_at and distinct and placed * 2 > len(distinct):
            return i
    sample = sorted({cell.labels[0] for cell in cells} - {""})[:3] if names else []
    raise InputError("no_region_column", file=file_name,
                     sample=", ".join(map(repr, sample)) or "—")


def _places(label: str) -> bool:
    if is_national(label):
        return True
    try:
        resolve_sido(label)
    except UnknownRegionError:
        return False
    return True


def _region_code(label: str, file_name: str, row: int, column: str) -> str:
    if is_national(label):
        return NATIONAL_CODE
    try:
        return resolve_sido(label)
    except UnknownRegionError as error:
        raise UnknownRegionError("unknown_region", file=file_name, row=row, column=column,
                                 label=label) from error


def _number(cell: _Cell, file_name: str) -> float:
    text = cell.value.replace(",", "")
    if text in NO_DATA:
        return math.nan
    return checked_number(cell.value, file_name, cell.row, cell.column)


def checked_number(text: str, file_name: str, row: int, column: str) -> float:
    """A finite number (thousands commas allowed), else an InputError at its cell."""
    plain = text.replace(",", "")
    if not NUMBER.match(plain):
        raise InputError("not_a_number", file=file_name, row=row, column=column, value=text)
    value = float(plain)
    if not math.isfinite(value):
        raise InputError("not_finite", file=file_name, row=row, column=column, value=text)
    return value


def checked_year(text: str, file_name: str, row: int, column: str) -> re.Match:
    """A year from FIRST_YEAR to next year ('2022', '2022 년', '2022 p)'), else an InputError."""
    year = YEAR.match(text)
    if not year:
        raise InputError("not_a_year", file=file_name, row=row, column=column, value=text)
    last = date.today().year + 1
    if not FIRST_YEAR <= int(year.group(1)) <= last:
        raise InputError("year_out_of_range", file=file_name, row=row, column=column,
                         value=text, first=FIRST_YEAR, last=last)
    return year


def _at(row: list[str], col: int) -> str:
    return row[col] if col < len(row) else ""
