"""The data behind a view as CSV and XLSX, with its units and sources attached.

Two variants: exactly what a page shows (the page hands over its table, or builds it
from its MapView or Trend with the helpers here) and the full stored series of the
chosen indicators. CSV is UTF-8 with a BOM, so Excel opens Hangul correctly. A missing
value stays an empty cell with "자료 없음" in the note column, never 0. Values are in
the unit the screen shows, named in the unit column (the full series also keeps the
value as published); every row cites its original publisher and table, and the copy
the figure was read from is kept apart, in the last column.

Names, units, publishers and labels can come from users' files, so both writers
neutralise formula injection (OWASP "CSV injection"): in CSV a text cell that starts
with = + - @, a tab or a carriage return gets a leading apostrophe; in XLSX every text
cell is written as text, never as a formula.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import pandas as pd

from analysis.coverage import coverage_by_year
from analysis.formatting import NO_DATA
from analysis.groups import is_rate
from analysis.rows import indicator_rows
from analysis.trends import PUBLISHED, STATISTIC, Trend
from charts.map_view import MapOptions, MapView, view_publishers
from charts.overview_tables import GROUP_NAMES
from charts.sources import publisher_line, row_sources
from charts.trends import series_label
from loaders import load_regions, region_table
from loaders.catalog import row_unit
from loaders.crosswalk import gwonyeok_names
from loaders.provenance import retrieved_from
from i18n import t

DATA_SHEET = "data"
DEFINITIONS_SHEET = "definitions"
MAX_COLUMN_WIDTH = 60


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_bytes(data: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, CRLF line ends; missing values are empty fields; no text cell reads
    as a formula."""
    # CRLF (RFC 4180) also makes the writer quote a text cell that holds a lone CR.
    return _without_formulas(data).to_csv(index=False, na_rep="", lineterminator="\r\n") \
        .encode("utf-8-sig")


def _without_formulas(data: pd.DataFrame) -> pd.DataFrame:
    """Text cells and headers that a spreadsheet would run as a formula, prefixed with '."""
    def safe(value):
        return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_START) \
            else value
    texts = [column for column in data.columns
             if not pd.api.types.is_numeric_dtype(data[column])
             and not pd.api.types.is_bool_dtype(data[column])]
    out = data.copy()
    for column in texts:
        out[column] = out[column].map(safe)
    out.columns = [safe(column) for column in out.columns]
    return out


def _text_as_text(sheet) -> None:
    """openpyxl writes a str starting with '=' as a formula; write it as text instead."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


def xlsx_bytes(data: pd.DataFrame, definitions: pd.DataFrame) -> bytes:
    """A workbook with the data sheet and the definitions sheet (names, units, sources)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in ((DATA_SHEET, data), (DEFINITIONS_SHEET, definitions)):
            frame.to_excel(writer, sheet_name=name, index=False)
            sheet = writer.sheets[name]
            _text_as_text(sheet)
            sheet.freeze_panes = "A2"
            for column, header in zip(sheet.columns, frame.columns):
                longest = max([len(str(header)), *(len(str(v)) for v in frame[header].head(200))])
                sheet.column_dimensions[column[0].column_letter].width = min(
                    longest + 2, MAX_COLUMN_WIDTH)
    return buffer.getvalue()


def definitions_table(catalog: pd.DataFrame, indicators: Sequence[str], lang: str) -> pd.DataFrame:
    """One row per indicator: name, definition, units, publisher with KOSIS table ids."""
    rows = []
    for indicator in dict.fromkeys(indicators):
        entry = catalog.loc[indicator]
        rows.append({
            t("xcol_indicator_id", lang): indicator,
            t("xcol_indicator", lang): entry[f"name_{lang}"],
            t("xcol_definition", lang): entry[f"definition_{lang}"],
            t("xcol_stored_unit", lang): entry[f"unit_{lang}"],
            t("xcol_display_unit", lang): entry[f"display_unit_{lang}"],
            t("xcol_display_divisor", lang): entry["display_divisor"],
            t("xcol_additive", lang): t("yes" if entry["additive"] else "no", lang),
            t("xcol_publisher", lang): publisher_line(entry, lang),
            t("xcol_kosis_org", lang): entry["kosis_org_id"],
            t("xcol_kosis_table", lang): entry["kosis_tbl_id"],
        })
    return pd.DataFrame(rows)


def region_names(lang: str, with_sigungu: bool = False) -> dict[str, str]:
    """Code → name for the nation, published groups, 시도 and (optionally) 시군구."""
    names = {"00": t("region_nation", lang)}
    names.update({code: pair[lang == "en"] for code, pair in GROUP_NAMES.items()})
    names.update(region_table().set_index("region_code")[f"name_{lang}"].to_dict())
    if with_sigungu:
        names.update(load_regions("sigungu").set_index("region_code")[f"name_{lang}"].to_dict())
    return names


def _note(values: pd.Series, lang: str, reasons: pd.Series | None = None) -> pd.Series:
    """'자료 없음' where a value is missing, or the more specific reason when one is known."""
    note = pd.Series("", index=values.index, dtype=object).mask(values.isna(), NO_DATA[lang])
    return note if reasons is None else note.mask(reasons.fillna("") != "", reasons)


def full_series(store: pd.DataFrame, catalog: pd.DataFrame, indicators: Sequence[str],
                lang: str) -> pd.DataFrame:
    """Every stored row of the indicators, at every level: the value in the unit the
    screen shows (조원, 만명 …) and as published (e.g. 백만원), each with its unit.

    시도 that existed but have no figure get a row with an empty value and a note (자료
    없음, or counted in their former 시도 before it was compiled separately), so a gap is
    visible rather than absent.
    """
    rows = pd.concat([_display_rows(store, catalog, indicator) for indicator in indicators]
                     + [_blank_sido_rows(store, catalog, indicator, lang)
                        for indicator in indicators], ignore_index=True)
    names = region_names(lang, with_sigungu=(rows["level"] == "sigungu").any())
    level_order = {"nation": 0, "group": 1, "sido": 2, "sigungu": 3}
    rows = rows.assign(_order=rows["level"].map(level_order), _ind=rows["indicator"].map(
        {ind: i for i, ind in enumerate(indicators)})).sort_values(
        ["_ind", "_order", "region_code", "year"])
    display_unit = rows["indicator"].map(catalog[f"display_unit_{lang}"])
    return pd.DataFrame({
        t("xcol_indicator_id", lang): rows["indicator"],
        t("xcol_indicator", lang): rows["indicator"].map(catalog[f"name_{lang}"]),
        t("xcol_level", lang): rows["level"].map(lambda level: t(f"level_{level}", lang)),
        t("xcol_region_code", lang): rows["region_code"],
        t("xcol_region", lang): rows["region_code"].map(names),
        t("xcol_year", lang): rows["year"].astype(int),
        t("xcol_value", lang): rows["display_value"],
        t("xcol_unit", lang): display_unit,
        t("xcol_published_value", lang): rows["value"],
        t("xcol_published_unit", lang): _unit_in(rows, catalog, lang),
        t("xcol_preliminary", lang): rows["preliminary"].map(
            lambda p: t("xcol_preliminary", lang) if p is True else ""),
        t("xcol_note", lang): _note(rows["value"], lang, rows["note"]),
        t("xcol_publisher", lang): _citations(rows, catalog, lang),
        t("xcol_provenance", lang): retrieved_from(rows).to_numpy(),
    }).reset_index(drop=True)


def _citations(rows: pd.DataFrame, catalog: pd.DataFrame, lang: str) -> list[str]:
    """Each row's citation (its own, or the indicator's publisher for a blank row)."""
    parts = [row_sources(group["source"], catalog.loc[indicator], lang)
             for indicator, group in rows.groupby("indicator", sort=False)]
    return list(pd.concat(parts).reindex(rows.index))


def _display_rows(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """The indicator's stored rows with ``display_value``: converted to the catalog unit
    (a published row may keep its own, e.g. 만개) and divided into the display unit."""
    parts = []
    for level in ("nation", "group", "sido", "sigungu"):
        converted = indicator_rows(store, catalog, indicator, level)
        if converted.empty:
            continue
        stored = store.loc[converted.index]
        parts.append(stored.assign(
            display_value=converted["value"] / catalog.loc[indicator, "display_divisor"],
            note=""))
    return pd.concat(parts) if parts else pd.DataFrame(columns=[*store.columns, "display_value",
                                                                 "note"])


def _unit_in(rows: pd.DataFrame, catalog: pd.DataFrame, lang: str) -> pd.Series:
    """Each row's unit in the language (loaders.catalog.row_unit)."""
    pairs = list(zip(rows["indicator"], rows["unit"]))
    names = {pair: row_unit(catalog.loc[pair[0]], pair[1], lang) for pair in set(pairs)}
    return pd.Series([names[pair] for pair in pairs], index=rows.index, dtype=object)


def _blank_sido_rows(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str,
                     lang: str) -> pd.DataFrame:
    """Rows for 시도 missing from a year the indicator covers (value NaN, with the reason)."""
    unit = catalog.loc[indicator, "unit_ko"]
    records = []
    for coverage in coverage_by_year(store, indicator):
        for code in coverage.missing:
            records.append((code, coverage.year, NO_DATA[lang]))
        for code in coverage.counted_in_parent:
            records.append((code, coverage.year, t("counted_in_parent", lang)))
    return pd.DataFrame({
        "region_code": [r[0] for r in records], "level": "sido",
        "year": [r[1] for r in records], "indicator": indicator, "value": float("nan"),
        "display_value": float("nan"), "unit": unit, "source": "", "preliminary": False,
        "note": [r[2] for r in records]})


def map_table(view: MapView, options: MapOptions, catalog: pd.DataFrame,
              lang: str) -> pd.DataFrame:
    """The map's visible data: one row per mapped region (or dissolved group), with the
    exact values behind the colours, the class each fell in, and why a region is blank."""
    entry = catalog.loc[options.indicator]
    regions = view.regions
    table = pd.DataFrame({
        t("xcol_region_code", lang): regions.index,
        t("xcol_region", lang): regions["name"].to_numpy(),
        t("xcol_year", lang): int(options.year),
        t("xcol_indicator", lang): entry[f"name_{lang}"],
        t("xcol_measure", lang): t(f"map_measure_{options.measure}", lang),
        t("xcol_value", lang): regions["value"].to_numpy(),
        t("xcol_unit", lang): view.unit,
    })
    if "change" in regions:
        table[t("xcol_change", lang)] = regions["change"].to_numpy()
    if options.diverging:
        table[t(f"map_gap_to_{options.reference}", lang)] = regions["mapped"].to_numpy()
    table[t("xcol_rank", lang)] = regions["rank"].astype("Int64").to_numpy()
    table[t("xcol_class", lang)] = (regions["class"].astype("Int64") + 1).to_numpy()
    reasons = regions["missing"].where(regions["missing"].apply(lambda m: isinstance(m, str)), "")
    table[t("xcol_note", lang)] = _note(regions["value"], lang, reasons).to_numpy()
    table[t("xcol_preliminary", lang)] = [t("xcol_preliminary", lang) if flag else ""
                                          for flag in regions["preliminary"]]
    # A per-capita value has two sources: the numerator's and the population denominator's.
    table[t("xcol_publisher", lang)] = "; ".join(view_publishers(catalog, options, lang))
    return table


def trend_table(trend: Trend, entry: pd.Series, lang: str) -> pd.DataFrame:
    """The trend chart's visible data: one row per series and year, gaps included."""
    frame = trend.frame
    unit = trend.unit_en if lang == "en" else trend.unit_ko
    rate = is_rate(entry)
    table = pd.DataFrame({
        t("xcol_region", lang): [series_label(s, lang, rate) for s in frame["series"]],
        t("xcol_year", lang): frame["year"].astype(int).to_numpy(),
        t("xcol_indicator", lang): entry[f"name_{lang}"],
        t("xcol_measure", lang): t(f"measure_{trend.measure}", lang),
        t("xcol_value", lang): frame["value"].to_numpy(),
        t("xcol_unit", lang): unit,
        t("xcol_kind", lang): [t(f"kind_{k}", lang) for k in frame["kind"]],
        t("xcol_preliminary", lang): [t("xcol_preliminary", lang) if p is True else ""
                                      for p in frame["preliminary"]],
    })
    # Computed aggregates cite the publisher of the 시도 figures they are summed from and
    # were fetched nowhere; published and 시도 rows cite (and were fetched) row by row.
    sources = frame["source"] if "source" in frame else pd.Series("", index=frame.index)
    fetched = frame["kind"].isin([STATISTIC, PUBLISHED])
    provenance = retrieved_from(frame.loc[fetched].assign(
        indicator=trend.indicator, region_code=frame.loc[fetched, "series"]))
    table[t("xcol_note", lang)] = _note(frame["value"].reset_index(drop=True), lang).to_numpy()
    table[t("xcol_publisher", lang)] = row_sources(sources, entry, lang).to_numpy()
    table[t("xcol_provenance", lang)] = provenance.reindex(frame.index).fillna("").to_numpy()
    return table


def cross_section_table(data: pd.DataFrame, codes: Sequence[str], year: int,
                        catalog: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The compare page's visible data: its long cross-section (analysis.compare, one row
    per indicator, region or 권역 and measure) for the chosen codes, in display units."""
    rows = data[data["region_code"].isin(list(codes))]
    names = region_names(lang) | gwonyeok_names(lang)
    table = pd.DataFrame({
        t("xcol_indicator_id", lang): rows["indicator"].to_numpy(),
        t("xcol_indicator", lang): rows["indicator"].map(catalog[f"name_{lang}"]).to_numpy(),
        t("xcol_region_code", lang): rows["region_code"].to_numpy(),
        t("xcol_region", lang): rows["region_code"].map(names).to_numpy(),
        t("xcol_year", lang): int(year),
        t("xcol_measure", lang): [t(f"xmeasure_{m}", lang) for m in rows["measure"]],
        t("xcol_value", lang): rows["value"].to_numpy(),
        t("xcol_unit", lang): rows[f"unit_{lang}"].to_numpy(),
    })
    table[t("xcol_note", lang)] = _note(table[t("xcol_value", lang)], lang).to_numpy()
    table[t("xcol_publisher", lang)] = [publisher_line(catalog.loc[i], lang)
                                        for i in rows["indicator"]]
    return table

