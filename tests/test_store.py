"""The committed store holds every reference series, on canonical codes, unchanged in value."""

import subprocess
import sys

import pandas as pd
import pytest

from conftest import ROOT, read_reference
from loaders.errors import InputError
from loaders.store import read_store, write_store

SIDO_FILES = ["grdp_sido.csv", "population_sido.csv", "labour_force_sido.csv",
              "establishments_sido.csv", "published_figures.csv"]


@pytest.mark.parametrize("name", SIDO_FILES)
def test_every_reference_value_is_in_the_store(store, name):
    reference = read_reference(name).drop_duplicates(["region_code", "year", "indicator"])
    merged = reference.merge(store, on=["region_code", "year", "indicator"], how="left",
                             suffixes=("_ref", ""))
    assert merged["value"].notna().all()
    assert (merged["value"] - merged["value_ref"]).abs().max() == 0


def test_store_has_every_catalog_indicator_and_nothing_else(store, catalog):
    assert set(store["indicator"]) == set(catalog.index)


def test_units_and_sources_on_every_row(store):
    assert store["unit"].str.len().min() > 0
    assert store["source"].str.len().min() > 10


def test_known_values(store):
    def value(indicator, code, year):
        row = store[(store.indicator == indicator) & (store.region_code == code)
                    & (store.year == year)]
        return float(row["value"].iloc[0])
    assert value("grdp_nominal", "00", 2023) == 2404190710
    assert value("population_total", "11", 2024) == read_reference("population_sido.csv").query(
        "region_code == '11' and year == 2024 and indicator == 'population_total'")["value"].iloc[0]
    assert value("employed_persons", "41", 2024) == read_reference(
        "labour_force_sido.csv").query(
        "region_code == '41' and year == 2024 and indicator == 'employed_persons'")["value"].iloc[0]


def test_grdp_2023_is_flagged_preliminary(store):
    grdp = store[store.indicator == "grdp_nominal"]
    assert grdp.loc[grdp.year == 2023, "preliminary"].all()
    assert not grdp.loc[grdp.year == 2022, "preliminary"].any()


def test_repeated_published_quotes_are_one_row_citing_both(store):
    row = store[(store.indicator == "rnd_expenditure_share") & (store.region_code == "NONCAP")
                & (store.year == 2018)]
    assert len(row) == 1 and row["value"].iloc[0] == 30.2
    assert "촉진방안" in row["source"].iloc[0] and "ajunews" in row["source"].iloc[0]


def test_sigungu_rows_sum_to_their_sido(store):
    """Map units (일반구, not parent cities) add up to their 시도 — for the 시도 the year has:
    the bundled 시군구 source lacks 경기 for 2012–2015 and 충북 for 2012–2013."""
    sigungu = store[(store.level == "sigungu") & (store.indicator == "population_total")]
    sido = read_reference("population_sido.csv").query("indicator == 'population_total'")
    for year, absent in ((2012, {"41", "43"}), (2016, set()), (2021, set())):
        rows = sigungu[sigungu.year == year]
        totals = rows.groupby(rows["region_code"].str[:2])["value"].sum()
        expected = sido[sido.year == year].set_index("region_code")["value"]
        assert set(expected.index) - set(totals.index) == absent
        assert totals.to_dict() == expected.drop(sorted(absent)).to_dict()


def test_rebuilding_gives_identical_files(tmp_path):
    before = (ROOT / "data" / "indicators.parquet").read_bytes()
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_store.py")], check=True,
                   cwd=ROOT, capture_output=True)
    assert (ROOT / "data" / "indicators.parquet").read_bytes() == before


def test_duplicated_store_rows_are_refused(tmp_path, store):
    path = tmp_path / "indicators.parquet"
    write_store(pd.concat([store.head(3), store.head(1)]), path)
    with pytest.raises(InputError, match=r"indicators.parquet.*row 4.*duplicated"):
        read_store(path)


def test_missing_store_says_how_to_build(tmp_path):
    with pytest.raises(InputError, match="build_store.py"):
        read_store(tmp_path / "nothing.parquet")
