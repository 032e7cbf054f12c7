"""Read an uploaded file into a preview of what it holds; store a preview once confirmed.

Uploads go through the same readers as the bundled data: loaders.sniff decodes the
bytes (UTF-8 or CP949, XLSX without evaluating formulas, junk refused), then
loaders.kosis or loaders.mois parses KOSIS and MOIS downloads. A plain tidy table
(region or region_code, year, value[, unit][, indicator]) is read here. Nothing is stored
until the user has seen the preview and confirmed the series, its id, names, unit and
whether it adds up across regions. Rows that cannot be used are listed with their file
row and the reason, never dropped silently.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from i18n import t
from loaders.catalog import load_catalog as load_bundled_catalog
from loaders.crosswalk import NATIONAL_CODE, is_national, region_table, resolve_sido
from loaders.errors import InputError, UnknownRegionError
from loaders.kosis import (COUNT_UNITS, LONG_VALUE, LONG_YEAR, NO_DATA, UNIT, checked_number,
                           checked_year, read_kosis)
from loaders.limits import MAX_SERIES
from loaders.mois import REGION_HEADERS, read_mois_population
from loaders.sniff import XLSX_MAGIC, read_sheet
from loaders.user_catalog import make_entry
from loaders.user_store import Candidate, Manifest, Version, save_version
from loaders.xlsx import Sheet, cell_list

MAX_UNKNOWN_LABELS = 20  # beyond this many non-시도 labels the table is not a 시도 table
TIDY_CODE = frozenset({"region_code", "sido_code", "code", "지역코드", "시도코드", "행정구역코드"})
TIDY_NAME = frozenset({"region", "region_name", "sido", "sido_name", "name", "지역", "지역명",
                       "시도", "시도명"})
TIDY_SERIES = frozenset({"indicator", "series", "item", "지표", "항목"})
GROUP_LABELS = frozenset({"cap", "noncap", "noncap_exdj", "수도권", "비수도권"})
UNIT_IN_LABEL = re.compile(r"\(([^()]+)\)\s*$")
KOSIS_FIXED = ("region_code", "region_label", "year", "preliminary", "unit", "value",
               "source_file", "source_row")
OBSERVATION_COLUMNS = ["series", "region_code", "level", "region_label", "year", "preliminary",
                       "value", "unit", "source_row"]
UNUSED_COLUMNS = ["source_row", "series", "region_label", "year", "reason"]
UNMATCHED_COLUMNS = ["source_row", "region_label", "reason"]
# Reasons and notes are i18n keys (i18n/importing.py): the page shows them in its language.
NO_VALUE = "reason_no_value"
SIGUNGU_ROW = "reason_sigungu_row"
NOT_READ = {"kosis": "reason_not_read_kosis", "mois": "reason_not_read_mois",
            "tidy": "reason_not_read_tidy"}
PUBLISHERS = {"kosis": ("KOSIS 다운로드", "KOSIS download"),
              "mois": ("행정안전부 주민등록인구통계", "MOIS resident registration statistics"),
              "tidy": ("사용자 파일", "User file")}


@dataclass(frozen=True)
class Note:
    """A remark on the preview: an i18n key and its parameters."""
    key: str
    params: tuple[tuple[str, str], ...] = ()

    def text(self, lang: str) -> str:
        return t(self.key, lang).format(**dict(self.params))


@dataclass(frozen=True)
class Series:
    """One candidate indicator in a file, keyed by its item labels joined with ' · '."""
    key: str
    unit: str | None


@dataclass(frozen=True)
class Preview:
    """What an upload holds, before anything is stored."""
    file_name: str
    size: int
    sha256: str
    layout: str  # "kosis", "mois" or "tidy"
    series: tuple[Series, ...]
    observations: pd.DataFrame  # OBSERVATION_COLUMNS: matched 시도 and national rows
    unmatched: pd.DataFrame     # UNMATCHED_COLUMNS: region labels the crosswalk cannot place
    unused: pd.DataFrame        # UNUSED_COLUMNS: everything else not imported, with the reason
    notes: tuple[Note, ...]     # formulas read as cached values, columns ignored

    def rows_of(self, key: str) -> pd.DataFrame:
        """The series' observations that have a value."""
        rows = self.observations[self.observations["series"] == key]
        return rows[rows["value"].notna()]

    def matched_regions(self, key: str) -> pd.DataFrame:
        """File label → canonical code and name, one row per label."""
        labels = self.rows_of(key)[["region_label", "region_code"]].drop_duplicates()
        names = region_table().set_index("region_code")[["name_ko", "name_en"]]
        names.loc[NATIONAL_CODE] = ["전국", "Whole country"]
        return labels.join(names, on="region_code").reset_index(drop=True)

    def years(self, key: str) -> list[int]:
        return sorted(int(y) for y in self.rows_of(key)["year"].unique())

    def series_unit(self, key: str) -> str | None:
        return next(s.unit for s in self.series if s.key == key)


def preview_upload(data: bytes, file_name: str) -> Preview:
    """Parse an upload (bytes and its file name) into a Preview; bad files raise InputError."""
    sheet = read_sheet(data, file_name)
    rows = sheet.rows
    _refuse_truncated(data, rows, file_name)
    layout = _layout(rows)
    notes: list[Note] = []
    if sheet.formulas:
        notes.append(Note("note_formulas_cached", (("cells", cell_list(sheet.formulas)),
                                                   ("count", str(len(sheet.formulas))))))
    if layout == "tidy":
        observations, unmatched, unused, tidy_notes = _read_tidy(rows, file_name)
        notes += tidy_notes
    else:
        reader = read_mois_population if layout == "mois" else read_kosis
        frame, unmatched = _read_skipping_unknown_regions(reader, rows, file_name)
        observations, unused = (_mois_observations(frame) if layout == "mois"
                                else _kosis_observations(frame, file_name))
    unused = pd.concat([unused, _rows_not_read(rows, observations, unmatched, unused, layout)],
                       ignore_index=True)
    series = tuple(_series(observations))
    if not series:
        raise InputError("nothing_to_import", file=file_name)
    if len(series) > MAX_SERIES:
        raise InputError("too_many_series", file=file_name, count=len(series), limit=MAX_SERIES)
    return Preview(file_name=file_name, size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                   layout=layout, series=series, observations=observations,
                   unmatched=unmatched.sort_values("source_row", kind="stable")
                   .reset_index(drop=True),
                   unused=unused.sort_values("source_row", kind="stable").reset_index(drop=True),
                   notes=tuple(notes))


def confirm_new(preview: Preview, key: str, indicator: str, *, name_ko: str, name_en: str,
                unit: str, additive: bool, theme: str, unit_en: str = "",
                publisher_ko: str = "", publisher_en: str = "", definition_ko: str = "",
                definition_en: str = "", author: str,
                check: Callable[[Candidate], None] | None = None) -> Version:
    """Store a series as a new imported indicator (a new version if the id exists).
    author: who stores it; check: the validation gate (see user_store.save_version)."""
    fields = {"name_ko": name_ko, "name_en": name_en, "unit": unit}
    empty = [name for name, value in fields.items() if not str(value).strip()]
    if empty:
        raise InputError("fill_in_fields", column=empty[0], fields=", ".join(empty))
    default_ko, default_en = PUBLISHERS[preview.layout]
    rows = _store_rows(preview, key, indicator, unit.strip(),
                       publisher_ko.strip() or default_ko, "사용자 가져오기")
    integers = (rows["value"] % 1 == 0).all()
    entry = make_entry(
        indicator, name_ko=name_ko.strip(), name_en=name_en.strip(), unit_ko=unit.strip(),
        unit_en=unit_en.strip() or unit.strip(), additive=additive, theme=theme,
        decimals=0 if integers else 1, publisher_ko=publisher_ko.strip() or default_ko,
        publisher_en=publisher_en.strip() or default_en,
        definition_ko=definition_ko.strip() or f"{preview.file_name}에서 가져온 값",
        definition_en=definition_en.strip() or f"Imported from {preview.file_name}")
    return save_version(indicator, rows, kind="imported", entry=entry,
                        source_file=preview.file_name, sha256=preview.sha256, origin="upload",
                        author=author, check=check)


def confirm_update(preview: Preview, key: str, indicator: str, *, author: str,
                   check: Callable[[Candidate], None] | None = None) -> Version:
    """Store a series as newer values of a bundled indicator (never touching data/)."""
    catalog = load_bundled_catalog()
    if indicator not in catalog.index:
        raise InputError("not_bundled_indicator", column="indicator", indicator=indicator)
    entry = catalog.loc[indicator]
    unit = preview.series_unit(key)
    if unit is not None and _squeeze(unit) != _squeeze(entry["unit_ko"]):
        raise InputError("unit_differs", file=preview.file_name, column="unit", unit=unit,
                         indicator=indicator, expected=entry["unit_ko"])
    rows = _store_rows(preview, key, indicator, entry["unit_ko"], entry["publisher_ko"],
                       "사용자 갱신")
    return save_version(indicator, rows, kind="update", entry=None,
                        source_file=preview.file_name, sha256=preview.sha256, origin="upload",
                        author=author, check=check)


def _store_rows(preview: Preview, key: str, indicator: str, unit: str, publisher: str,
                action: str) -> pd.DataFrame:
    rows = preview.rows_of(key)
    if (rows["level"] == "sido").sum() == 0:
        raise InputError("series_no_sido", file=preview.file_name, series=key)
    units = set(rows["unit"].dropna())
    if len(units) > 1:
        raise InputError("series_mixes_units", file=preview.file_name, column="unit",
                         series=key, units=", ".join(sorted(units)))
    if unit in COUNT_UNITS and (rows["value"] < 0).any():
        first = rows[rows["value"] < 0].iloc[0]
        raise InputError("negative_count", file=preview.file_name,
                         row=int(first["source_row"]), value=f"{first['value']:g}", unit=unit)
    today = pd.Timestamp.now(tz="UTC").date().isoformat()
    source = (f"{publisher}; {action} {preview.file_name} ({today}, "
              f"SHA-256 {preview.sha256[:12]})")
    return pd.DataFrame({
        "region_code": rows["region_code"].to_numpy(), "level": rows["level"].to_numpy(),
        "year": rows["year"].astype(int).to_numpy(), "indicator": indicator,
        "value": rows["value"].astype(float).to_numpy(), "unit": unit, "source": source,
        "preliminary": rows["preliminary"].astype(bool).to_numpy()})


def _refuse_truncated(data: bytes, rows: list[list[str]], file_name: str) -> None:
    """A CSV cut off mid-row ends without a line break in a row shorter than the others."""
    if data.startswith(XLSX_MAGIC) or data.endswith((b"\n", b"\r")):
        return
    filled = [row for row in rows if sum(1 for cell in row if cell) >= 2]
    width = max((len(row) for row in filled), default=0)
    if filled and filled[-1] is rows[-1] and len(rows[-1]) < width:
        raise InputError("truncated_csv", file=file_name, row=len(rows), cells=len(rows[-1]),
                         width=width)


def _layout(rows: list[list[str]]) -> str:
    head = [row for row in rows[:30] if any(row)]
    cells = {cell.replace(" ", "") for row in head for cell in row}
    if cells & set(REGION_HEADERS) and any("총인구수" in cell for cell in cells):
        return "mois"
    first = {cell.casefold() for cell in head[0]}
    if first & (TIDY_CODE | TIDY_NAME) and first & LONG_YEAR and first & LONG_VALUE:
        return "tidy"
    return "kosis"


def _read_skipping_unknown_regions(reader, rows: list[list[str]], file_name: str):
    """Run a parser; each region label it cannot place is listed, blanked and parsed again.

    The parser gets the cells already read (merges filled), so a workbook is unzipped
    once and row numbers stay those of the file.
    """
    rows = [list(row) for row in rows]
    unmatched = []
    for _ in range(MAX_UNKNOWN_LABELS + 1):
        try:
            frame = reader(Sheet(rows=rows), file_name)
            return frame, pd.DataFrame(unmatched, columns=UNMATCHED_COLUMNS)
        except UnknownRegionError as error:
            column = _column_index(rows, error)
            label = rows[error.row - 1][column]
            for i in range(error.row - 1, len(rows)):
                if column < len(rows[i]) and rows[i][column] == label:
                    unmatched.append((i + 1, label, _unplaced_reason(label)))
                    rows[i] = [""] * len(rows[i])
    labels = ", ".join(sorted({repr(label) for _, label, _ in unmatched})[:5])
    raise InputError("too_many_unknown_regions", file=file_name, limit=MAX_UNKNOWN_LABELS,
                     labels=labels)


def _column_index(rows: list[list[str]], error: UnknownRegionError) -> int:
    """Where the parser's named column sits: 'column N', or the header cell above the row."""
    if error.row is None or error.column is None:
        raise error
    if match := re.fullmatch(r"column (\d+)", error.column):
        return int(match.group(1)) - 1
    for row in reversed(rows[:error.row - 1]):
        if error.column in row:
            return row.index(error.column)
    raise error


def _kosis_observations(frame: pd.DataFrame, file_name: str):
    dims = [c for c in frame.columns if c not in KOSIS_FIXED]
    if dims:
        labels = frame[dims[0]].astype(str).str.cat(
            [frame[c].astype(str) for c in dims[1:]], sep=" · ") if len(dims) > 1 \
            else frame[dims[0]].astype(str)
    else:
        labels = pd.Series(Path(file_name).stem, index=frame.index)
    observations = pd.DataFrame({
        "series": labels, "region_code": frame["region_code"],
        "level": frame["region_code"].map(lambda c: "nation" if c == NATIONAL_CODE else "sido"),
        "region_label": frame["region_label"], "year": frame["year"],
        "preliminary": frame["preliminary"], "value": frame["value"], "unit": frame["unit"],
        "source_row": frame["source_row"]})
    empty = observations["value"].isna()
    unused = observations.loc[empty, ["source_row", "series", "region_label", "year"]].assign(
        reason=NO_VALUE)
    return observations[~empty].reset_index(drop=True), unused


def _mois_observations(frame: pd.DataFrame):
    names = load_bundled_catalog()["name_ko"].to_dict()
    sigungu = frame["level"] == "sigungu"
    observations = pd.DataFrame({
        "series": frame["indicator"].map(lambda i: f"{names.get(i, i)} ({i})"),
        "region_code": frame["region_code"],
        "level": frame["level"].map({"national": "nation", "sido": "sido", "sigungu": "sigungu"}),
        "region_label": frame["region_label"], "year": frame["year"], "preliminary": False,
        "value": frame["value"].astype(float), "unit": "명", "source_row": frame["source_row"]})
    unused = observations.loc[sigungu, ["source_row", "series", "region_label", "year"]].assign(
        reason=SIGUNGU_ROW)
    return observations[~sigungu].reset_index(drop=True), unused


def _read_tidy(rows: list[list[str]], file_name: str):
    """A plain table: one row per region and year (and indicator, when there are several)."""
    header_at = next(i for i, row in enumerate(rows) if any(row))
    names = rows[header_at]
    at = _tidy_columns(names)
    ignored = [name for i, name in enumerate(names) if i not in at.values() and name]
    notes = [Note("note_columns_not_used", (("columns", ", ".join(ignored)),))] if ignored \
        else []
    observations, unmatched, unused, seen = [], [], [], {}
    for row_no, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        if sum(1 for cell in row if cell) < 2:
            continue
        code_text, name_text = _cell(row, at.get("code")), _cell(row, at.get("name"))
        label, series = name_text or code_text, _cell(row, at.get("series")) or Path(file_name).stem
        code, level, reason = _place_region(code_text, name_text)
        if reason:
            unmatched.append((row_no, label, reason))
            continue
        where = {"file": file_name, "row": row_no}
        year = checked_year(_cell(row, at["year"]), file_name, row_no, names[at["year"]])
        unit = _cell(row, at.get("unit")) or None
        value = _tidy_number(_cell(row, at["value"]), unit, where, names[at["value"]])
        if value is None:
            unused.append((row_no, series, label, int(year.group(1)), NO_VALUE))
            continue
        key = (series, code, int(year.group(1)))
        if key in seen:
            raise InputError("duplicated_observation", **where, column=names[at["value"]],
                             what=f"{label}, {key[2]}, {series}", other=seen[key])
        seen[key] = row_no
        observations.append((series, code, level, label, key[2], bool(year.group(2)), value,
                             unit, row_no))
    frame = pd.DataFrame(observations, columns=OBSERVATION_COLUMNS)
    if len(frame) and set(frame["region_code"]) == {NATIONAL_CODE}:
        raise InputError("totals_only", file=file_name)
    return (frame, pd.DataFrame(unmatched, columns=UNMATCHED_COLUMNS),
            pd.DataFrame(unused, columns=UNUSED_COLUMNS), notes)


def _tidy_columns(names: list[str]) -> dict[str, int]:
    """Positions of the region code/name, year, value, unit and indicator columns."""
    folded = [name.casefold() for name in names]
    wanted = {"code": TIDY_CODE, "name": TIDY_NAME, "year": LONG_YEAR, "value": LONG_VALUE,
              "unit": UNIT, "series": TIDY_SERIES}
    found = {role: next((i for i, name in enumerate(folded) if name in accepted), None)
             for role, accepted in wanted.items()}
    return {role: i for role, i in found.items() if i is not None}


def _tidy_number(text: str, unit: str | None, where: dict, column: str) -> float | None:
    """The cell as a number; None for a no-data mark; text and negative counts refused."""
    if text.replace(",", "") in NO_DATA:
        return None
    value = checked_number(text, where["file"], where["row"], column)
    if unit in COUNT_UNITS and value < 0:
        raise InputError("negative_count", **where, column=column, value=text, unit=unit)
    return value


def _cell(row: list[str], at: int | None) -> str:
    return row[at].strip() if at is not None and at < len(row) else ""


def _place_region(code_text: str, name_text: str) -> tuple[str | None, str | None, str | None]:
    """(code, level, None) for a 시도 or national row, else (None, None, why not)."""
    texts = [text for text in (code_text, name_text) if text]
    if not texts:
        return None, None, "reason_no_region"
    if any(is_national(text) for text in texts):
        return NATIONAL_CODE, "nation", None
    if any(text.casefold() in GROUP_LABELS for text in texts):
        return None, None, _unplaced_reason(name_text or code_text)
    if code_text.isdigit() and len(code_text) == 5:
        return None, None, "reason_sigungu_code"
    placed = {}
    for text in texts:
        try:
            placed[text] = resolve_sido(text)
        except UnknownRegionError:
            pass
    if not placed:
        return None, None, _unplaced_reason(name_text or code_text)
    if len(set(placed.values())) > 1:
        return None, None, "reason_code_name_differ"
    return next(iter(placed.values())), "sido", None


def _unplaced_reason(label: str) -> str:
    if label.replace(" ", "").casefold() in GROUP_LABELS:
        return "reason_group_aggregate"
    return "reason_not_a_region"


def _rows_not_read(rows, observations, unmatched, unused, layout: str) -> pd.DataFrame:
    """File rows below the header that no reader used: listed, so nothing vanishes."""
    used = (set(observations["source_row"]) | set(unmatched["source_row"])
            | set(unused["source_row"]))
    if not used:
        return pd.DataFrame(columns=UNUSED_COLUMNS)
    first = min(used)
    left = [(i + 1, next(c for c in row if c)[:80]) for i, row in enumerate(rows)
            if i + 1 > first and any(row) and i + 1 not in used]
    return pd.DataFrame([(row_no, "", label, pd.NA, NOT_READ[layout]) for row_no, label in left],
                        columns=UNUSED_COLUMNS)


def _series(observations: pd.DataFrame):
    """Candidate series in file order, each with its unit when the file states one."""
    for key, rows in observations[observations["value"].notna()].groupby("series", sort=False):
        units = rows["unit"].dropna().unique()
        unit = units[0] if len(units) == 1 else None
        if unit is None and (match := UNIT_IN_LABEL.search(key)):
            unit = match.group(1).strip()
        yield Series(key=key, unit=unit)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", str(text))


def versions_table(manifests: list[Manifest]) -> pd.DataFrame:
    """One row per stored version, newest first within each series."""
    rows = [(m.indicator, m.kind, f"v{v.number}", v.number == m.current, v.source_file,
             v.imported_at, v.rows, v.origin, v.sha256[:12])
            for m in manifests for v in reversed(m.versions)]
    return pd.DataFrame(rows, columns=["indicator", "kind", "version", "current", "source_file",
                                       "imported_at", "rows", "origin", "sha256"])


def catalog_overview(store: pd.DataFrame, catalog: pd.DataFrame, lang: str) -> pd.DataFrame:
    """What exists already: each indicator with its unit, 시도 years, source and KOSIS table."""
    sido = store[(store["level"] == "sido") & store["value"].notna()]
    years = sido.groupby("indicator")["year"].agg(["min", "max", "nunique"])
    coverage = {indicator: _span(int(r["min"]), int(r["max"]), int(r["nunique"]))
                for indicator, r in years.iterrows()}
    kosis = (catalog["kosis_org_id"] + "/" + catalog["kosis_tbl_id"]).where(
        catalog["kosis_tbl_id"] != "", "")
    return pd.DataFrame({
        "indicator": catalog.index, "name": catalog[f"name_{lang}"].to_numpy(),
        "kind": catalog["kind"].to_numpy(), "unit": catalog[f"unit_{lang}"].to_numpy(),
        "coverage": [coverage.get(i, "") for i in catalog.index],
        "source": catalog[f"publisher_{lang}"].to_numpy(), "kosis": kosis.to_numpy()})


def _span(first: int, last: int, count: int) -> str:
    """'1985–2023', with the number of years when some in between are missing."""
    gaps = count != last - first + 1
    return f"{first}–{last}" + (f", n={count}" if gaps else "")
