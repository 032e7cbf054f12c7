"""Depopulation areas: the bundled file checked on load, the home page's count, the
comparison with the other 시군구 against sums computed here from the reference tables,
and the 시군구 map layer."""

import json
import math
import shutil

import pandas as pd
import pytest

from analysis.depopulation import comparison, first_complete_year, outside_capital
from charts.maps import depopulation_layer, depopulation_legend_html
from conftest import SHARED, read_reference
from loaders import InputError, load_depopulation_areas, load_regions
from loaders.policy import DEPOPULATION_PATH, read_depopulation_areas

CAPITAL_SIDO = {"11", "28", "41"}


@pytest.fixture(scope="module")
def areas():
    return load_depopulation_areas()


def test_the_bundled_file_is_the_shared_one(areas):
    assert DEPOPULATION_PATH.read_bytes() == (SHARED / "policy" / "depopulation_areas.csv"
                                              ).read_bytes()
    assert len(areas) == 107 and areas["area"].value_counts().to_dict() == {
        "depopulation": 89, "watch": 18}
    assert set(areas["region_code"]) <= set(load_regions("sigungu")["region_code"])
    assert areas["source"].str.startswith("행정안전부 고시").all()


def test_hundred_of_the_107_lie_outside_the_capital_region(areas):
    raw = pd.read_csv(SHARED / "policy" / "depopulation_areas.csv", dtype=str)
    assert outside_capital(areas) == (100, 107)
    assert (~raw["sido_code"].isin(CAPITAL_SIDO)).sum() == 100
    assert round(100 * 100 / 107, 1) == 93.5


def test_home_page_states_the_count():
    from streamlit.testing.v1 import AppTest
    from conftest import ROOT
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    texts = [block.value for block in app.markdown]
    assert any("107곳 중 100곳(93.5%)이 비수도권" in text for text in texts), texts


def reference_sum(indicator: str, year: int, codes) -> float:
    table = read_reference("population_sigungu.csv").query(
        "indicator == @indicator and year == @year")
    table = table[~table["unit_type"].str.startswith("si_with_gu")]
    table = table[table["unit_type"] != "general_gu"] if year >= 2024 else table
    rows = table[table["region_code"].isin(set(codes))]
    assert rows["region_code"].nunique() == len(set(codes))
    return float(rows["value"].sum())


def test_groups_against_sums_of_the_reference_table(store, catalog, areas):
    units = load_regions("sigungu")["region_code"]
    table = comparison(store, catalog, areas, units, 2024, 2016).set_index("group")
    designated = areas[areas["area"] == "depopulation"]
    # 2024 rows carry the current codes (강원 51, 전북 52, 군위 27720); 2016 rows the old ones
    population_2024 = reference_sum("population_total", 2024, designated["sigungu_code"])
    population_2016 = reference_sum("population_total", 2016, designated["sigungu_code_2021"])
    working_age = reference_sum("population_15_64", 2024, designated["sigungu_code"])
    row = table.loc["depopulation"]
    assert row["units"] == 89 and row["units_with_data"] == 89 and row["change_units"] == 89
    assert row["population"] == pytest.approx(population_2024)
    assert row["working_age_share"] == pytest.approx(100 * working_age / population_2024)
    assert row["change"] == pytest.approx(100 * (population_2024 / population_2016 - 1))
    assert table["units"].sum() == 247
    provinces = read_reference("population_sido.csv").query(
        "indicator == 'population_total' and year == 2024")["value"]
    assert table["population"].sum() == pytest.approx(float(provinces.sum()))


def test_change_from_a_year_without_every_municipality_is_not_made(store, catalog, areas):
    units = load_regions("sigungu")["region_code"]
    assert first_complete_year(store, catalog, units) == 2016
    table = comparison(store, catalog, areas, units, 2024, 2012).set_index("group")
    assert table["change"].isna().all()                      # 경기·충북 missing in 2012
    assert table.loc["depopulation", "change_units"] == 81
    assert table.loc["other_capital", "change_units"] == 32
    assert not math.isnan(table.loc["depopulation", "population"])


@pytest.mark.parametrize("column, value, message", [
    ("category", "소멸위험지역", "unknown category"),
    ("is_capital", "True", "contradicts the region table"),
    ("sigungu_code_2021", "4272", "not a 5-digit"),
    ("sido_code", "99", "sido_code"),
])
def test_a_bad_row_names_its_file_row_and_column(tmp_path, column, value, message):
    table = pd.read_csv(DEPOPULATION_PATH, dtype=str, keep_default_na=False)
    table.loc[4, column] = value
    path = tmp_path / "depopulation_areas.csv"
    table.to_csv(path, index=False)
    with pytest.raises(InputError) as raised:
        read_depopulation_areas(path)
    error = raised.value
    assert error.file == path.name and error.row == 6
    assert message in str(error)


def test_an_unknown_map_unit_is_refused(tmp_path):
    path = tmp_path / "depopulation_areas.csv"
    shutil.copyfile(DEPOPULATION_PATH, path)
    with pytest.raises(InputError, match="not a bundled 시군구 shape"):
        read_depopulation_areas(path, map_units=frozenset({"11110"}))


def test_the_map_layer_outlines_every_area(areas):
    labels = {"depopulation": "인구감소지역", "watch": "인구감소관심지역"}
    layer = depopulation_layer(areas, labels, "ko")
    (script,) = list(layer._children.values())
    collection = json.loads(script.geojson)
    features = collection["features"]
    assert len(features) == 107
    dashed = [f for f in features if "dashArray" in f["properties"]["style"]]
    assert len(dashed) == 18 and all(not f["properties"]["style"]["fill"] for f in features)
    assert any("가평군: 인구감소지역" in f["properties"]["tooltip"] for f in features)
    legend = depopulation_legend_html(labels)
    assert "solid" in legend and "dashed" in legend and "인구감소관심지역" in legend
