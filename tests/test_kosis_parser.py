"""read_kosis on the real KOSIS downloads, checked against the reference tables."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from loaders.kosis import read_kosis
from loaders.kosis_items import TABLES, tag_indicators

DATA = Path(os.environ.get("SHARED_DATA", "/work/shared/data"))
RAW, REF = DATA / "raw", DATA / "reference"
KEY = ["region_code", "year", "indicator"]


def _reference(name: str) -> pd.DataFrame:
    ref = pd.read_csv(REF / f"{name}.csv", dtype={"region_code": str})
    return ref[KEY + ["value"]].sort_values(KEY).reset_index(drop=True)


def _observed(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.dropna(subset=["value"])
    return frame[KEY + ["value"]].sort_values(KEY).reset_index(drop=True)


@pytest.fixture(scope="module")
def grdp_2020():
    return read_kosis(RAW / "kosis_DT_1C81_grdp_sido_2020base_resaved.csv")


@pytest.fixture(scope="module")
def grdp_2015():
    return read_kosis(RAW / "kosis_grdp_sido_2015base_download_20240315.csv")


@pytest.fixture(scope="module")
def labour():
    return read_kosis(RAW / "kosis_labour_force_sido_download_20250626.xlsx")


@pytest.fixture(scope="module")
def establishments():
    return read_kosis(RAW / "kosis_establishments_sido_industry_long.csv")


def test_grdp_2020_base_equals_reference_for_every_region_year(grdp_2020):
    tagged = tag_indicators(grdp_2020, "grdp_sido")
    assert_frame_equal(_observed(tagged), _reference("grdp_sido"), check_dtype=False)


def test_grdp_2020_base_shape_and_provenance(grdp_2020):
    # 18 regions x 33 activities x 3 items x 39 years; the 'Unnamed: 43' column is ignored
    assert len(grdp_2020) == 18 * 33 * 3 * 39
    assert list(grdp_2020.columns) == ["region_code", "region_label", "year", "preliminary",
                                       "경제활동별", "항목", "unit", "value", "source_file",
                                       "source_row"]
    first = grdp_2020.iloc[0]
    assert (first.region_code, first.year, first.value, first.source_row) == ("00", 1985,
                                                                           93917477.0, 2)
    assert first.unit is None or pd.isna(first.unit)  # the 단위 column is empty in this file


def test_grdp_2020_base_gaps_are_regions_that_did_not_exist_yet(grdp_2020):
    tagged = tag_indicators(grdp_2020, "grdp_sido")
    gaps = tagged[tagged.value.isna()].groupby("region_code").year.agg(["min", "max"])
    # 광주 (1986), 대전 (1989), 울산 (1997) and 세종 (2012) were split off later
    assert gaps.to_dict("index") == {"29": {"min": 1985, "max": 1986},
                                     "30": {"min": 1985, "max": 1988},
                                     "31": {"min": 1985, "max": 1997},
                                     "36": {"min": 1985, "max": 2012}}


def test_grdp_2015_base_download_two_header_rows(grdp_2015):
    assert set(grdp_2015.항목) == {"명목", "실질", "실질기여도"}
    assert grdp_2015.year.unique().tolist() == [2022]
    assert grdp_2015.preliminary.all()  # '2022 p)'
    total = grdp_2015.set_index(["region_code", "경제활동별", "항목"]).value
    assert total[("00", "지역내총생산(시장가격)", "명목")] == 2165717327
    assert total[("00", "지역내총생산(시장가격)", "실질")] == 1972396056
    assert total[("11", "지역내총생산(시장가격)", "명목")] == 485747866
    assert total[("41", "지역내총생산(시장가격)", "명목")] == 546816496
    assert total[("36", "지역내총생산(시장가격)", "실질기여도")] == 3.25
    assert total[("42", "지역내총생산(시장가격)", "명목")] == 52530574  # labelled 강원도
    assert total[("00", "광업", "명목")] == 1984193  # '　광업': KOSIS indentation stripped
    assert grdp_2015.loc[grdp_2015.region_label == "서울특별시", "source_row"].min() == 31


def test_grdp_2015_base_is_another_vintage_than_the_reference(grdp_2015, grdp_2020):
    """Same table and labels, other base year: 2022 nominal GRDP was revised up by 7.5%."""
    def nominal_2022(frame):
        rows = frame[(frame.경제활동별 == "지역내총생산(시장가격)") & (frame.항목 == "명목")
                     & (frame.year == 2022)]
        return rows.set_index("region_code").value

    old, new = nominal_2022(grdp_2015), nominal_2022(grdp_2020)
    assert new["00"] == 2327595674 and old["00"] == 2165717327
    assert (old != new).all()
    assert math.isclose(new["00"] / old["00"], 1.0747, abs_tol=1e-4)


def test_labour_force_equals_reference_for_every_indicator(labour):
    tagged = tag_indicators(labour, "labour_force_sido")
    assert len(tagged) == len(labour)  # every item label of the file is mapped
    assert_frame_equal(_observed(tagged), _reference("labour_force_sido"), check_dtype=False)
    assert set(tagged.indicator) == set(TABLES["labour_force_sido"][1].values())


def test_labour_force_dash_cells_are_nan_rows(labour):
    missing = labour[labour.value.isna()]
    assert set(missing.region_code) == {"36"}
    assert sorted(missing.year.unique()) == list(range(2000, 2017))
    assert len(missing) == 17 * 9
    sejong_2017 = labour[(labour.region_code == "36") & (labour.year == 2017)]
    assert sejong_2017.value.notna().all() and len(sejong_2017) == 9


def test_labour_force_region_labels_of_that_era(labour):
    labels = labour.drop_duplicates("region_label").set_index("region_label").region_code
    assert labels["계"] == "00"
    assert labels["제주도"] == "50"
    assert labels["강원도"] == "42"
    row = labour[(labour.region_code == "11") & (labour.year == 2024)
                 & (labour.항목 == "취업자 (천명)")].iloc[0]
    assert row.source_row == 4


def test_establishments_long_format_equals_reference(establishments):
    assert len(establishments) == 18 * 20 * 3 * 4
    assert "지수" not in establishments.columns  # companion column right of 값
    assert set(establishments.unit) == {"개", "명", "백만원"}
    tagged = tag_indicators(establishments, "establishments_sido")
    assert len(tagged) == 18 * 3 * 4
    assert_frame_equal(_observed(tagged), _reference("establishments_sido"), check_dtype=False)
