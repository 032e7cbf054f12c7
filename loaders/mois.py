"""Read MOIS 주민등록 연령별 인구현황 downloads (CSV or XLSX) into tidy population rows.

MOIS files name regions "서울특별시  (1100000000)" or put the 10-digit code in its own
column, write numbers as "9,386,034", and come with single-year, 5-year or 10-year age
bands. Only the 계 (both sexes) columns are read. Age groups are derived only when no
band straddles 14/15 or 64/65, so 10-year files give population_total alone. Rows with
a zero total are placeholders, not regions (세종 before 2012, 출장소), and are dropped.
"""

from __future__ import annotations

import math
import re
from datetime import date

import pandas as pd

from loaders.crosswalk import NATIONAL_CODE, is_national, resolve_sido
from loaders.errors import InputError, UnknownRegionError
from loaders.kosis import FIRST_YEAR
from loaders.sniff import read_rows

COLUMN = re.compile(r"^(\d{4})년(?:\s*\d{1,2}월)?_(계|남|여)_(.+)$")
NAME_WITH_CODE = re.compile(r"^(.*?)\s*\((\d{10})\)$")
BAND = re.compile(r"^(\d+)(?:~(\d+))?세(\s*이상)?$")
TOTAL_ITEM = "총인구수"
GROUPS = {"population_0_14": (0, 14), "population_15_64": (15, 64),
          "population_65_plus": (65, math.inf)}
REGION_HEADERS = ("행정구역", "행정기관")


def read_mois_population(source, file_name: str | None = None) -> pd.DataFrame:
    """Rows of region_code, level, region_label, year, indicator, value, source_file, source_row
    for the national, 시도 and 시군구 rows (읍면동 rows are dropped)."""
    rows, name = read_rows(source, file_name)
    header_at = next((i for i, row in enumerate(rows)
                      if any(cell.replace(" ", "") in REGION_HEADERS for cell in row)), None)
    if header_at is None:
        raise InputError("mois_no_region_header", file=name)
    header = _Header(rows[:header_at + 1], name)
    out = []
    for row_no, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        if sum(1 for cell in row if cell) <= 1:  # blank line or a ※ footnote
            continue
        label, code, level = _region(row, header, row_no)
        if level is None:
            continue
        for year, total_col, bands in header.periods:
            total = header.count(row, total_col, row_no)
            if total == 0:  # placeholders: 세종 before 2012, 출장소 (branch offices)
                continue
            ages = {band: header.count(row, col, row_no) for band, col in bands.items()}
            if ages and sum(ages.values()) != total:
                raise InputError("mois_ages_do_not_add_up", file=name, row=row_no,
                                 column=header.names[total_col],
                                 ages=f"{sum(ages.values()):,}", total=f"{total:,}")
            values = {"population_total": total, **_groups(ages)}
            out += [(code, level, label, year, indicator, value, name, row_no)
                    for indicator, value in values.items()]
    frame = pd.DataFrame(out, columns=["region_code", "level", "region_label", "year", "indicator",
                                       "value", "source_file", "source_row"])
    if frame.empty:
        raise InputError("mois_header_only", file=name)
    duplicated = frame[frame.duplicated(["region_code", "year", "indicator"])]
    if not duplicated.empty:
        first = duplicated.iloc[0]
        raise InputError("mois_duplicated_region", file=name, row=int(first.source_row),
                         column=header.names[header.name_col], label=first.region_label,
                         code=first.region_code, year=int(first.year))
    return frame


class _Header:
    """Where the region name/code sit, and per period: (year, total column, {band: column})."""

    def __init__(self, header_rows: list[list[str]], file_name: str):
        self.file_name = file_name
        last = header_rows[-1]
        # CSV headers read '2024년12월_계_0세'; XLSX ones stack 2010년 / 계 / 0~4세 in rows.
        stacked = [_stacked(header_rows, col) for col in range(len(last))]
        self.names = [text if COLUMN.match(text) else last[col] for col, text in enumerate(stacked)]
        self.name_col = next(i for i, c in enumerate(last) if c.replace(" ", "") in REGION_HEADERS)
        self.code_col = next((i for i, c in enumerate(last) if "코드" in c), None)
        periods: dict[int, tuple[int | None, dict]] = {}
        for col, text in enumerate(stacked):
            match = COLUMN.match(text)
            if not match or match.group(2) != "계":
                continue
            year, item = int(match.group(1)), match.group(3)
            if not FIRST_YEAR <= year <= date.today().year + 1:
                raise InputError("year_out_of_range", file=file_name, row=len(header_rows),
                                 column=self.names[col], value=str(year), first=FIRST_YEAR,
                                 last=date.today().year + 1)
            total_col, bands = periods.setdefault(year, (None, {}))
            if item == TOTAL_ITEM:
                periods[year] = (col, bands)
            elif band := BAND.match(item):
                low = int(band.group(1))
                bands[(low, math.inf if band.group(3) else int(band.group(2) or low))] = col
        if not periods:
            raise InputError("mois_no_total_columns", file=file_name, row=len(header_rows),
                             example="2024년12월_계_총인구수")
        missing = [year for year, (total_col, _) in periods.items() if total_col is None]
        if missing:
            raise InputError("mois_no_total_for_year", file=file_name, row=len(header_rows),
                             year=missing[0])
        self.periods = [(year, total, bands) for year, (total, bands) in periods.items()]

    def count(self, row: list[str], col: int, row_no: int) -> int:
        cell = row[col] if col < len(row) else ""
        if not cell.replace(",", "").isdigit():
            raise InputError("mois_not_a_count", file=self.file_name, row=row_no,
                             column=self.names[col], value=cell)
        return int(cell.replace(",", ""))


def _stacked(header_rows: list[list[str]], col: int) -> str:
    return "_".join(row[col] for row in header_rows if col < len(row) and row[col]).replace(" ", "")


def _region(row: list[str], header: _Header, row_no: int):
    """(label, region code, level); level None for 읍면동 rows, which are dropped."""
    label = _at(row, header.name_col)
    code = _at(row, header.code_col) if header.code_col is not None else ""
    if match := NAME_WITH_CODE.match(label):
        label, code = match.group(1).strip(), match.group(2)
    where = {"file": header.file_name, "row": row_no, "column": header.names[header.name_col]}
    if not code:  # names only (the annual file): national or 시도
        if is_national(label):
            return label, NATIONAL_CODE, "national"
        try:
            return label, resolve_sido(label), "sido"
        except UnknownRegionError as error:
            raise UnknownRegionError("mois_unknown_region", label=label, **where) from error
    if not re.fullmatch(r"\d{10}", code):
        raise InputError("mois_bad_code", code=code, **where)
    if code == "0000000000":
        return label, NATIONAL_CODE, "national"
    if code.endswith("0" * 8):
        try:
            return label, resolve_sido(code), "sido"
        except UnknownRegionError as error:
            raise UnknownRegionError("mois_unknown_sido_code", code=code, label=label,
                                     **where) from error
    if code.endswith("0" * 5):
        return label, code[:5], "sigungu"
    return label, code, None


def _at(row: list[str], col: int) -> str:
    return row[col].strip() if col < len(row) else ""


def _groups(ages: dict[tuple[int, float], int]) -> dict[str, int]:
    """Sum bands into the three age groups, skipping any group that a band straddles."""
    groups = {}
    for indicator, (low, high) in GROUPS.items():
        inside = [band for band in ages if low <= band[0] and band[1] <= high]
        straddles = any(lo < low <= hi or lo <= high < hi for lo, hi in ages)
        if inside and not straddles:
            groups[indicator] = sum(ages[band] for band in inside)
    return groups
