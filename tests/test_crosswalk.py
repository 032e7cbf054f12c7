"""Every alias a source may use lands on one canonical 시도, and none collide."""

import pytest

from loaders.crosswalk import (alias_table, expected_regions, is_national, region_existed,
                               region_table, resolve_sido)
from loaders.errors import UnknownRegionError

CANONICAL = {"11", "26", "27", "28", "29", "30", "31", "36", "41", "42", "43", "44", "45", "46",
             "47", "48", "50"}


def test_region_table_has_the_17_sido_with_capital_and_gwonyeok():
    table = region_table()
    assert set(table["region_code"]) == CANONICAL
    assert set(table.loc[table["is_capital"], "short_ko"]) == {"서울", "인천", "경기"}
    assert table.groupby("gwonyeok").size().to_dict() == {
        "강원권": 1, "대경권": 2, "동남권": 3, "수도권": 3, "제주권": 1, "충청권": 4, "호남권": 3}


def test_every_alias_resolves_to_its_region():
    for alias, scheme, code in alias_table()[["alias", "scheme", "region_code"]].itertuples(
            index=False):
        resolved = resolve_sido(alias, scheme if scheme in ("kosis_old",) else None)
        assert resolved == code, (alias, scheme)


def test_no_alias_maps_to_two_regions_within_a_scheme():
    aliases = alias_table()
    per_alias = aliases.groupby(["scheme", "alias"])["region_code"].nunique()
    assert per_alias.max() == 1


@pytest.mark.parametrize("alias, scheme, code", [
    ("강원도", None, "42"), ("강원특별자치도", None, "42"), ("51", None, "42"),
    ("전라북도", None, "45"), ("전북특별자치도", None, "45"), ("52", None, "45"),
    ("5200000000", None, "45"), ("5100000000", None, "42"), ("3600000000", None, "36"),
    ("21", "kosis_old", "26"), ("26", "kosis_old", "31"), ("26", None, "26"),
    ("29", "kosis_old", "36"), ("39", "kosis_old", "50"), ("서울 특별시", None, "11"),
    ("Gyeonggi-do", None, "41"),
])
def test_old_and_new_names_and_codes(alias, scheme, code):
    assert resolve_sido(alias, scheme) == code


def test_unknown_region_is_a_clear_error():
    with pytest.raises(UnknownRegionError, match="아틀란티스"):
        resolve_sido("아틀란티스")
    with pytest.raises(UnknownRegionError, match="99"):
        resolve_sido("99")


def test_national_labels():
    assert is_national("전국") and is_national("0000000000") and not is_national("서울")


def test_sejong_exists_from_2012_only():
    assert not region_existed("36", 2011) and region_existed("36", 2012)
    assert len(expected_regions(2011)) == 16 and len(expected_regions(2012)) == 17
