"""read_mois_population on the real MOIS downloads, checked against the reference tables."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from loaders.mois import read_mois_population

DATA = Path(os.environ.get("SHARED_DATA", "/work/shared/data"))
RAW, REF = DATA / "raw", DATA / "reference"
KEY = ["region_code", "year", "indicator"]
AGE_GROUPS = ["population_0_14", "population_15_64", "population_65_plus"]


@pytest.fixture(scope="module")
def sido_reference():
    return pd.read_csv(REF / "population_sido.csv", dtype={"region_code": str})


@pytest.fixture(scope="module")
def parsed():
    names = ["mois_age_population_202312.csv", "mois_age_population_202412.csv",
             "mois_age_population_201012_5yr.xlsx", "mois_annual_population_200812_202412.csv"]
    return {name: read_mois_population(RAW / name) for name in names}


@pytest.mark.parametrize("name, years, indicators, matched", [
    ("mois_age_population_202312.csv", [2023], ["population_total"] + AGE_GROUPS, 17 * 4),
    ("mois_age_population_202412.csv", [2024], ["population_total"] + AGE_GROUPS, 17 * 4),
    ("mois_age_population_201012_5yr.xlsx", [2010], ["population_total"] + AGE_GROUPS, 16 * 4),
    # 10-year bands straddle 14/15 and 64/65: only totals, 세종 from 2012
    ("mois_annual_population_200812_202412.csv", list(range(2008, 2025)),
     ["population_total"], 16 * 17 + 13),
])
def test_sido_values_equal_reference(parsed, sido_reference, name, years, indicators, matched):
    frame = parsed[name]
    assert sorted(frame.year.unique()) == years
    assert sorted(frame.indicator.unique()) == sorted(indicators)
    sido = frame[frame.level == "sido"]
    both = sido.merge(sido_reference, on=KEY, suffixes=("", "_ref"))
    assert len(both) == matched
    assert len(both) == len(sido)  # every parsed 시도 row is in the reference
    assert (both.value == both.value_ref).all(), both[both.value != both.value_ref]


def test_single_year_file_national_row_and_labels(parsed):
    frame = parsed["mois_age_population_202312.csv"].set_index(["region_code", "indicator"])
    assert frame.loc[("00", "population_total"), "value"] == 51325329
    assert frame.loc[("00", "population_total"), "level"] == "national"
    assert frame.loc[("11", "population_total"), "value"] == 9386034  # "9,386,034"
    assert frame.loc[("11", "population_total"), "region_label"] == "서울특별시"
    assert frame.loc[("11", "population_total"), "source_row"] == 3


def test_new_special_self_governing_codes_map_to_canonical(parsed):
    frame = parsed["mois_age_population_202412.csv"]
    sido = frame[(frame.level == "sido") & (frame.indicator == "population_total")]
    labels = sido.set_index("region_code").region_label
    assert labels["42"] == "강원특별자치도"  # MOIS code 5100000000
    assert labels["45"] == "전북특별자치도"  # MOIS code 5200000000
    assert labels["36"] == "세종특별자치시"
    assert len(sido) == 17


def test_age_groups_add_up_to_total(parsed):
    for name in ("mois_age_population_202412.csv", "mois_age_population_201012_5yr.xlsx"):
        wide = parsed[name].pivot_table(index=["region_code", "year"], columns="indicator",
                                        values="value", aggfunc="sum")
        assert (wide[AGE_GROUPS].sum(axis=1) == wide.population_total).all()


def test_sigungu_2024_equals_reference(parsed):
    frame = parsed["mois_age_population_202412.csv"]
    sigungu = frame[frame.level == "sigungu"]
    ref = pd.read_csv(REF / "population_sigungu.csv", dtype={"region_code": str})
    ref = ref[(ref.year == 2024) & ref.unit_type.isin(["sigungu", "general_gu"])]
    both = ref.merge(sigungu, on=KEY, how="left", suffixes=("_ref", ""))
    assert len(ref) == (217 + 35) * 4  # 시군구 without 일반구 cities, plus 35 일반구
    assert both.value.notna().all(), both[both.value.isna()].region_name.unique()
    assert (both.value == both.value_ref).all()
    assert sigungu.set_index(["region_code", "indicator"]).loc[
        ("51110", "population_total"), "value"] == 286069  # 춘천, keeps its 51xxx code


def test_placeholder_rows_are_dropped(parsed):
    frame = parsed["mois_age_population_202412.csv"]
    assert not frame.region_label.str.contains("출장소").any()  # zero-population branch offices
    assert set(frame.level) == {"sido", "sigungu"}  # 읍면동 rows dropped; no 전국 row in file
    assert set(frame[frame.level == "sigungu"].region_code.str.len()) == {5}
    annual = parsed["mois_annual_population_200812_202412.csv"]
    assert annual[annual.region_code == "36"].year.min() == 2012  # MOIS writes 0 before
