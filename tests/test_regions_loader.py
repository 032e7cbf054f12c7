"""load_regions joins boundaries to the region table on codes, and matches the store's codes."""

import pytest

from loaders import load_regions
from loaders.errors import InputError


def test_sido_layer_has_one_row_per_region_with_attributes(store):
    regions = load_regions("sido")
    assert regions.crs.to_epsg() == 4326 and len(regions) == 17
    assert regions["region_code"].is_unique
    assert set(regions["region_code"]) == set(store.loc[store.level == "sido", "region_code"])
    seoul = regions.set_index("region_code").loc["11"]
    assert (seoul["name_ko"], seoul["name_en"], seoul["is_capital"], seoul["gwonyeok"]) == (
        "서울특별시", "Seoul", True, "수도권")
    assert regions["is_capital"].sum() == 3 and regions["gwonyeok"].nunique() == 7


def test_sigungu_layer_covers_every_sigungu_code_in_the_store(store):
    regions = load_regions("sigungu")
    assert regions["region_code"].is_unique and regions["name_ko"].notna().all()
    data_codes = set(store.loc[store.level == "sigungu", "region_code"])
    assert data_codes <= set(regions["region_code"])
    assert regions.loc[regions.region_code == "41111", "name_ko"].iloc[0] == "수원시 장안구"
    assert set(regions["sido_code"]) == set(load_regions("sido")["region_code"])


def test_unknown_level_is_refused():
    with pytest.raises(InputError, match="unknown level 'emd'"):
        load_regions("emd")
