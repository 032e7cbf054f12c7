"""The committed store holds every reference series, on canonical codes, unchanged in value."""

import subprocess
import sys

import pandas as pd
import pytest

from conftest import REFERENCE, ROOT, read_reference
from loaders.errors import InputError
from loaders.provenance import retrieved_from
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
    assert row["source"].iloc[0] == (
        "과학기술정보통신부 자료 (김장겸 의원실 제공, 언론 보도 인용); 관계부처 합동, "
        "「지역중소기업 혁신성장 촉진방안」 (비상경제장관회의 23-11-4, 2023-04-06), "
        "I. 추진 배경")
    fetched = retrieved_from(row.assign(indicator="rnd_expenditure_share")).iloc[0]
    assert "ajunews" in fetched and "촉진방안" in fetched


def test_sources_cite_publishers_and_tables_not_mirrors(store, catalog):
    """Statistics cite the catalog's publisher and KOSIS table; published quotes their
    original publisher; no row cites the repository or page its file was fetched from."""
    assert not store["source"].str.contains(r"github|https?://|commit|\.csv|\.xlsx",
                                            case=False).any()
    grdp = store[(store.indicator == "grdp_nominal")]
    assert set(grdp["source"]) == {"통계청, 지역소득 (KOSIS 101/DT_1C81)"}
    labour = store[(store.indicator == "employed_persons")]
    assert set(labour["source"]) == {"통계청, 경제활동인구조사 (KOSIS 101/DT_1DA7004S)"}
    people = store[store.indicator == "population_total"]
    assert set(people["source"]) == {"행정안전부, 주민등록 인구통계"}
    startups = store[store.indicator == "startup_firms_new"]
    assert set(startups["source"]) == {"중소벤처기업부, 창업기업동향 (KOSIS 142/DT_142N_F204)"}


def test_every_figure_keeps_where_it_was_fetched(store):
    """The mirror each reference row came from is kept, beside the store, for every row."""
    fetched = retrieved_from(store)
    assert (fetched.str.len() > 10).all()
    reference = read_reference("grdp_sido.csv").iloc[0]
    row = store[(store.indicator == reference.indicator) & (store.year == reference.year)
                & (store.region_code == reference.region_code)]
    assert retrieved_from(row).iloc[0] == reference.source


def test_an_unmapped_published_source_is_refused(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_store
    text = (REFERENCE / "published_figures.csv").read_text(encoding="utf-8")
    old = "https://venturesquare.net/?p=182"
    assert old in text
    path = tmp_path / "published_figures.csv"
    path.write_text(text.replace(old, "https://example.org/unknown", 1), encoding="utf-8")
    table = build_store.read_reference(path)
    with pytest.raises(InputError, match=r"published_figures.csv, row \d+, column 'source': "
                                         r"no citation"):
        build_store.canonical_sido_rows(table, path.name)


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
    files = [ROOT / "data" / name for name in ("indicators.parquet", "provenance.parquet")]
    before = [path.read_bytes() for path in files]
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_store.py")], check=True,
                   cwd=ROOT, capture_output=True)
    assert [path.read_bytes() for path in files] == before


def test_duplicated_store_rows_are_refused(tmp_path, store):
    path = tmp_path / "indicators.parquet"
    write_store(pd.concat([store.head(3), store.head(1)]), path)
    with pytest.raises(InputError, match=r"indicators.parquet.*row 4.*duplicated"):
        read_store(path)


def test_missing_store_says_how_to_build(tmp_path):
    with pytest.raises(InputError, match="build_store.py"):
        read_store(tmp_path / "nothing.parquet")
