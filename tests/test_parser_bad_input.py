"""Bad uploads fail with an InputError that names the file, row and column to fix."""

from __future__ import annotations

import io
import math
import os
import random
import time
import zipfile
from pathlib import Path

import pytest

from conftest import xlsx_bytes
from loaders.errors import InputError, UnknownRegionError
from loaders.kosis import read_kosis
from loaders.mois import read_mois_population
from loaders.sniff import read_sheet, read_table

RAW = Path(os.environ.get("SHARED_DATA", "/work/shared/data")) / "raw"
HEADER = "시도별,2021 년,2022 년\n"


def _csv(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def test_bytes_neither_utf8_nor_cp949_name_row_and_offset():
    data = b"region,2022\nSeoul,1\n\xff\xfe\xfd,2\n"
    with pytest.raises(InputError) as caught:
        read_kosis(data, "latin.csv")
    error = caught.value
    assert (error.file, error.row) == ("latin.csv", 3)
    assert "byte 0xff at byte offset 20" in str(error)
    assert "UTF-8 or CP949/EUC-KR" in str(error)


def test_cp949_and_utf8_bom_uploads_read_the_same():
    text = HEADER + "서울특별시,1,2\n부산광역시,3,4\n"
    cp949 = read_kosis(_csv(text, "cp949"), "a.csv")
    bom = read_kosis(_csv(text, "utf-8-sig"), "b.csv")
    assert cp949.drop(columns="source_file").equals(bom.drop(columns="source_file"))
    assert cp949.value.tolist() == [1.0, 2.0, 3.0, 4.0]


def test_unknown_region_names_label_row_and_column():
    text = HEADER + "서울특별시,1,2\n부산광역시,3,4\n아틀란티스,5,6\n"
    with pytest.raises(UnknownRegionError) as caught:
        read_kosis(_csv(text), "regions.csv")
    error = caught.value
    assert (error.file, error.row, error.column) == ("regions.csv", 4, "시도별")
    assert "'아틀란티스'" in str(error)


def test_unknown_region_in_mois_file():
    text = "행정구역,2024년12월_계_총인구수\n아틀란티스,5\n"
    with pytest.raises(UnknownRegionError, match="아틀란티스") as caught:
        read_mois_population(_csv(text), "mois.csv")
    assert (caught.value.row, caught.value.column) == (2, "행정구역")


def test_text_in_number_cell():
    text = HEADER + "서울특별시,1,2\n부산광역시,3,12a4\n"
    with pytest.raises(InputError, match="'12a4' is not a number") as caught:
        read_kosis(_csv(text), "numbers.csv")
    assert (caught.value.file, caught.value.row, caught.value.column) == (
        "numbers.csv", 3, "2022 년")


def test_text_in_mois_count_cell():
    text = "행정구역,2024년12월_계_총인구수\n서울특별시  (1100000000),\"9,38a\"\n"
    with pytest.raises(InputError, match="'9,38a' is not a head count") as caught:
        read_mois_population(_csv(text), "mois.csv")
    assert (caught.value.row, caught.value.column) == (2, "2024년12월_계_총인구수")


def test_negative_count_in_long_format():
    text = "행정구역별,연도,지표,단위,값\n서울,2022,사업체수,개,5\n부산,2022,사업체수,개,-3\n"
    with pytest.raises(InputError, match="negative count") as caught:
        read_kosis(_csv(text), "long.csv")
    assert (caught.value.row, caught.value.column) == (3, "값")


@pytest.mark.parametrize("reader", [read_kosis, read_mois_population])
def test_empty_file(reader):
    with pytest.raises(InputError, match=r"file empty.csv: the file is empty \(0 bytes\)"):
        reader(b"", "empty.csv")


def test_header_only_files():
    with pytest.raises(InputError, match="file h.csv: header only"):
        read_kosis(_csv(HEADER), "h.csv")
    with pytest.raises(InputError, match="file m.csv: header only"):
        read_mois_population(_csv("행정구역,2024년12월_계_총인구수\n"), "m.csv")


def test_duplicated_rows():
    text = HEADER + "서울특별시,1,2\n서울,1,2\n"  # two names of one 시도 are still one region
    with pytest.raises(InputError, match="duplicated observation.*also in row 2") as caught:
        read_kosis(_csv(text), "dup.csv")
    assert (caught.value.row, caught.value.column) == (3, "2021 년")


def test_duplicated_mois_rows():
    row = "서울특별시  (1100000000),\"9,386,034\"\n"
    with pytest.raises(InputError, match="duplicated region 서울특별시") as caught:
        read_mois_population(_csv("행정구역,2023년12월_계_총인구수\n" + row + row), "m.csv")
    assert caught.value.row == 3


def test_mois_ages_that_do_not_add_up():
    text = ("행정구역,2024년12월_계_총인구수,2024년12월_계_0~14세,2024년12월_계_15~64세,"
            "2024년12월_계_65세 이상\n"
            "서울특별시  (1100000000),100,10,80,10\n"
            "부산광역시  (2600000000),100,10,80,5\n")
    with pytest.raises(InputError, match="age groups add up to 95, not to the total 100") as caught:
        read_mois_population(_csv(text), "ages.csv")
    assert (caught.value.row, caught.value.column) == (3, "2024년12월_계_총인구수")


def test_no_region_column_and_totals_only():
    with pytest.raises(InputError, match="no region column.*'가'"):
        read_kosis(_csv("항목,2022 년\n가,1\n나,2\n"), "items.csv")
    with pytest.raises(InputError, match="totals-only") as caught:
        read_kosis(_csv("시도별,항목,2022 년\n전국,가,1\n계,나,2\n"), "totals.csv")
    assert caught.value.file == "totals.csv"


def test_footnotes_below_the_table_are_skipped():
    text = HEADER + "서울특별시,1,2\n부산광역시,3,-\n\n주: 2022년은 잠정치\n자료: 통계청,KOSIS\n"
    frame = read_kosis(_csv(text), "notes.csv")
    assert len(frame) == 4 and math.isnan(frame.value.iloc[-1])


def test_truncated_xlsx():
    data = (RAW / "kosis_labour_force_sido_download_20250626.xlsx").read_bytes()
    with pytest.raises(InputError, match="not a readable XLSX workbook") as caught:
        read_kosis(data[: len(data) // 2], "half.xlsx")
    assert caught.value.file == "half.xlsx"


def test_zip_that_is_not_a_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match="not a readable XLSX workbook"):
        read_table(buffer.getvalue(), "x.zip")


def test_legacy_xls_is_refused():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)
    with pytest.raises(InputError, match=r"file old.xls: legacy Excel \.xls"):
        read_kosis(data, "old.xls")


@pytest.mark.parametrize("reader", [read_kosis, read_mois_population])
def test_ten_megabytes_of_random_junk_fail_fast(reader):
    junk = random.Random(7).randbytes(10 * 1024 * 1024)
    started = time.perf_counter()
    with pytest.raises(InputError, match="file junk.csv: binary data"):
        reader(junk, "junk.csv")
    assert time.perf_counter() - started < 2


def test_formula_cells_are_never_evaluated_and_read_as_no_data():
    """openpyxl writes formulas without a cached value; such a cell reads as empty, so the
    observation is kept as NaN (no data), and the formula cells are named. The formula
    text never leaks."""
    def build(sheet):
        sheet.append(["시도별", "2021", "2022"])
        sheet.append(["서울특별시", 1, "=B2*2"])
        sheet.append(["부산광역시", 3, "=B3+1"])
    data = xlsx_bytes(build)
    frame = read_kosis(data, "formula.xlsx")
    values = frame.set_index(["region_code", "year"]).value
    assert values[("11", 2021)] == 1 and values[("26", 2021)] == 3
    assert math.isnan(values[("11", 2022)]) and math.isnan(values[("26", 2022)])
    assert not frame.astype(str).apply(lambda col: col.str.contains("=")).any().any()
    assert read_sheet(data, "formula.xlsx").formulas == ("C2", "C3")


def test_formulas_that_read_the_web_are_refused():
    def build(sheet):
        sheet.append(["시도별", "2021", "2022"])
        sheet.append(["서울특별시", 1, 2])
        sheet.append(["부산광역시", 3, '=WEBSERVICE("http://example.invalid/")'])
    with pytest.raises(InputError, match="formulas in cells C3 .1 in all. read another "
                                         "workbook or the web") as caught:
        read_kosis(xlsx_bytes(build), "formula.xlsx")
    assert caught.value.file == "formula.xlsx"


def test_merged_year_header_spans_its_items():
    def build(sheet):
        sheet.append(["시도별", "2022 p)", None, None])
        sheet.append(["시도별", "명목", "실질", "실질기여도"])
        sheet.append(["서울특별시", 485747866, 438537013, 1.59])
        sheet.append(["경기도", 546816496, 516358207, 3.61])
        sheet.merge_cells("B1:D1")
    frame = read_kosis(xlsx_bytes(build), "merged.xlsx")
    assert len(frame) == 6
    assert set(frame.year) == {2022} and frame.preliminary.all()
    assert frame[frame.region_code == "41"].set_index("항목").value.to_dict() == {
        "명목": 546816496, "실질": 516358207, "실질기여도": 3.61}
    assert frame.source_row.tolist() == [3, 3, 3, 4, 4, 4]


def test_unmerged_blank_year_header_is_refused():
    def build(sheet):  # the same table with the merge lost: the blank columns are not years
        sheet.append(["시도별", "2022 p)", None, None])
        sheet.append(["서울특별시", 1, 2, 3])
    with pytest.raises(InputError, match="is not a year") as caught:
        read_kosis(xlsx_bytes(build), "unmerged.xlsx")
    assert (caught.value.row, caught.value.column) == (1, "column 3")


@pytest.mark.parametrize("data, kind", [
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document"),
    (b"  <!DOCTYPE html><html><table><tr><td>1</td></tr></table>", "an HTML page"),
    ("a,b\n1,2\n".encode("utf-16"), "UTF-16 text"),
])
def test_other_formats_are_named(data, kind):
    with pytest.raises(InputError, match=f"file upload.xls: this is {kind}"):
        read_table(data, "upload.xls")


def test_vertically_merged_region_cells_are_filled():
    def build(sheet):  # KOSIS XLSX with 시도 merged over its item rows
        sheet.append(["시도별", "항목", "2022"])
        sheet.append(["서울특별시", "명목", 10])
        sheet.append([None, "실질", 9])
        sheet.merge_cells("A2:A3")
    frame = read_kosis(xlsx_bytes(build), "vertical.xlsx")
    assert frame.region_code.tolist() == ["11", "11"]
    assert frame.set_index("항목").value.to_dict() == {"명목": 10, "실질": 9}
