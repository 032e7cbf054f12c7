"""Build the tidy indicator store in data/ from ../shared/data (dev-time, reproducible).

Run: .venv/bin/python scripts/build_store.py [--shared PATH]
Reads the reference tables, maps every region onto canonical codes through the
crosswalk, checks units against the catalog and regional sums against the national
row, and writes data/indicators.parquet. Each row's ``source`` is its citation (the
original publisher and table, loaders.citations); the copy the reference row was read
from goes to data/provenance.parquet. Building twice gives identical files.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loaders.catalog import load_catalog  # noqa: E402
from loaders.citations import SEPARATOR, catalog_citation, load_citations  # noqa: E402
from loaders.crosswalk import NATIONAL_CODE, resolve_sido  # noqa: E402
from loaders.errors import InputError  # noqa: E402
from loaders.provenance import PROVENANCE_COLUMNS, PROVENANCE_PATH, write_provenance  # noqa: E402
from loaders.store import GROUP_CODES, STORE_COLUMNS, STORE_PATH, write_store  # noqa: E402

SIDO_TABLES = ("grdp_sido.csv", "population_sido.csv", "labour_force_sido.csv",
               "establishments_sido.csv", "published_figures.csv")
SIGUNGU_TABLE = "population_sigungu.csv"
SIGUNGU_CROSSWALK = ROOT / "geo" / "sigungu_crosswalk.csv"
# Reference tables spell units in English; the store uses the catalog's Korean unit.
UNIT_NAMES = {
    "백만원 (KRW million, current prices)": "백만원",
    "백만원 (KRW million, chained 2020 prices)": "백만원",
    "persons": "명", "thousand persons": "천명", "%": "%",
    "establishments": "개", "million KRW": "백만원",
}
# Regional sums may differ from the national row by published rounding only: 17 figures
# each rounded to the nearest thousand can drift by up to 17 × 0.5 thousand.
SUM_TOLERANCE = {"천명": 8.5}


def read_reference(path: Path) -> pd.DataFrame:
    """Read one tidy reference table, failing on the first unusable cell."""
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError:
        raise InputError("the file is empty", file=path.name) from None
    required = ["region_code", "year", "indicator", "value", "unit", "source"]
    missing = [c for c in required if c not in table.columns]
    if missing:
        raise InputError(f"missing columns {missing}", file=path.name)
    for column in ("year", "value"):
        numbers = pd.to_numeric(table[column], errors="coerce")
        bad = numbers.isna()
        if bad.any():
            line = int(bad.idxmax()) + 2
            raise InputError(f"not a number: {table.loc[bad.idxmax(), column]!r}",
                             file=path.name, row=line, column=column)
        table[column] = numbers
    table["year"] = table["year"].astype(int)
    table["source_row"] = table.index + 2
    return table


def canonical_sido_rows(table: pd.DataFrame, file_name: str) -> pd.DataFrame:
    """Map codes to canonical 시도 codes and tag the level of each row."""
    catalog = load_catalog()
    codes, levels, units = [], [], []
    for row in table.itertuples():
        if row.indicator not in catalog.index:
            raise InputError(f"indicator {row.indicator!r} is not in the catalog",
                             file=file_name, row=row.source_row, column="indicator")
        if row.region_code == NATIONAL_CODE:
            codes.append(NATIONAL_CODE), levels.append("nation")
        elif row.region_code in GROUP_CODES:
            codes.append(row.region_code), levels.append("group")
        else:
            try:
                codes.append(resolve_sido(row.region_code, "admin_std")), levels.append("sido")
            except InputError as error:
                raise InputError(error.reason, file=file_name, row=row.source_row,
                                 column="region_code") from None
        entry = catalog.loc[row.indicator]
        if entry["kind"] == "published":
            units.append(row.unit)
        else:
            unit = UNIT_NAMES.get(row.unit)
            if unit != entry["unit_ko"]:
                raise InputError(f"unit {row.unit!r} does not match the catalog unit "
                                 f"{entry['unit_ko']!r}", file=file_name, row=row.source_row,
                                 column="unit")
            units.append(unit)
    return table.assign(region_code=codes, level=levels, unit=units,
                        retrieved_from=table["source"],
                        source=citations(table, file_name))


def citations(table: pd.DataFrame, file_name: str) -> list[str]:
    """Each row's citation: statistics cite the catalog's publisher and table, published
    quotes the entry of data/citations.csv for their retrieval string (none: refused)."""
    catalog, quoted = load_catalog(), load_citations()
    cited = []
    for row in table.itertuples():
        entry = catalog.loc[row.indicator]
        if entry["kind"] != "published":
            cited.append(catalog_citation(entry, "ko"))
        elif row.source in quoted.index:
            cited.append(quoted.loc[row.source, "citation_ko"])
        else:
            raise InputError("no citation for this source in data/citations.csv (name its "
                             "original publisher there)", file=file_name, row=row.source_row,
                             column="source")
    return cited


def sigungu_rows(path: Path) -> pd.DataFrame:
    """시군구 population on the map's units: drop parent-city sums, map codes by year."""
    table = read_reference(path)
    table = table[~table["unit_type"].str.startswith("si_with_gu")]
    crosswalk = pd.read_csv(SIGUNGU_CROSSWALK, dtype=str, keep_default_na=False)
    crosswalk["valid_from_year"] = pd.to_numeric(crosswalk["valid_from_year"]).fillna(0)
    crosswalk["valid_to_year"] = pd.to_numeric(crosswalk["valid_to_year"]).fillna(9999)
    merged = table.merge(crosswalk, left_on="region_code", right_on="source_code", how="left")
    merged = merged[merged["map_code"].isna()
                    | merged["year"].between(merged["valid_from_year"], merged["valid_to_year"])]
    unmatched = table[~table.set_index(["region_code", "year"]).index.isin(
        merged.dropna(subset=["map_code"]).set_index(["region_code", "year"]).index)]
    if len(unmatched):
        first = unmatched.iloc[0]
        raise InputError(f"시군구 code {first['region_code']} ({first['year']}) has no map unit "
                         "in geo/sigungu_crosswalk.csv", file=path.name,
                         row=int(first["source_row"]), column="region_code")
    grouped = (merged.groupby(["map_code", "year", "indicator"], sort=True)
               .agg(value=("value", "sum"), unit=("unit", "first"),
                    retrieved_from=("source", lambda s: SEPARATOR.join(sorted(set(s)))))
               .reset_index().rename(columns={"map_code": "region_code"}))
    grouped["unit"] = grouped["unit"].map(UNIT_NAMES)
    catalog = load_catalog()
    grouped["source"] = grouped["indicator"].map(
        lambda indicator: catalog_citation(catalog.loc[indicator], "ko"))
    grouped["level"] = "sigungu"
    return grouped


def merge_repeated_quotes(table: pd.DataFrame, file_name: str) -> pd.DataFrame:
    """The same figure quoted by two sources is one row citing both (and keeping both
    retrieval strings); differing values fail."""
    key = ["region_code", "year", "indicator"]
    spread = table.groupby(key)["value"].nunique()
    if (spread > 1).any():
        region, year, indicator = spread[spread > 1].index[0]
        raise InputError(f"two different values for {indicator} {region} {year}", file=file_name,
                         column="value")
    return (table.groupby(key, sort=False)
            .agg(value=("value", "first"), unit=("unit", "first"), level=("level", "first"),
                 source=("source", lambda s: SEPARATOR.join(dict.fromkeys(s))),
                 retrieved_from=("retrieved_from", lambda s: SEPARATOR.join(dict.fromkeys(s))))
            .reset_index())


def check_regional_sums(store: pd.DataFrame) -> None:
    """Additive statistics: regions must add up to the national row (the data's own check)."""
    catalog = load_catalog()
    additive = catalog.index[catalog["additive"] & (catalog["kind"] == "statistic")]
    rows = store[store["indicator"].isin(additive)]
    sums = rows[rows["level"] == "sido"].groupby(["indicator", "year"])["value"].sum()
    national = rows[rows["level"] == "nation"].set_index(["indicator", "year"])["value"]
    both = pd.concat({"sum": sums, "national": national}, axis=1).dropna()
    for (indicator, year), row in both.iterrows():
        tolerance = SUM_TOLERANCE.get(catalog.loc[indicator, "unit_ko"], 0.5)
        if abs(row["sum"] - row["national"]) > tolerance:
            raise InputError(f"{indicator} {year}: 시도 sum {row['sum']} != national "
                             f"{row['national']}", file="reference tables", column="value")


def build(shared: Path) -> pd.DataFrame:
    # Load inputs.
    reference = shared / "reference"
    parts = []
    for name in SIDO_TABLES:
        table = canonical_sido_rows(read_reference(reference / name), name)
        parts.append(merge_repeated_quotes(table, name))
    parts.append(sigungu_rows(reference / SIGUNGU_TABLE))
    # Process data.
    store = pd.concat(parts, ignore_index=True)
    preliminary = load_catalog()["preliminary_year"]
    store["preliminary"] = store["year"] == store["indicator"].map(preliminary).fillna(-1)
    store = store.sort_values(["indicator", "level", "region_code", "year"])
    check_regional_sums(store)
    # Save outputs.
    write_store(store[list(STORE_COLUMNS)].reset_index(drop=True), STORE_PATH)
    write_provenance(store[list(PROVENANCE_COLUMNS)], PROVENANCE_PATH)
    policy_dir = ROOT / "data" / "policy"
    policy_dir.mkdir(exist_ok=True)
    for name in ("policy_layers.csv", "targets.csv", "depopulation_areas.csv"):
        shutil.copyfile(shared / "policy" / name, policy_dir / name)
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    store = build(parser.parse_args().shared)
    print(f"wrote {STORE_PATH.relative_to(ROOT)} and {PROVENANCE_PATH.relative_to(ROOT)}: "
          f"{len(store)} rows, {store['indicator'].nunique()} indicators")


if __name__ == "__main__":
    main()
