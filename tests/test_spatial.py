"""시군구 clusters: Moran's I and LISA (PySAL) against an independent computation with a
neighbour matrix built here from the bundled shapes with shapely, on the real 2024
shares of the population aged 65+ (../shared/data/reference)."""

import numpy as np
import pandas as pd
import pytest
import shapely

from analysis.availability import why_not
from analysis.spatial import SIGNIFICANCE, spatial_clusters
from conftest import ROOT, read_reference
from loaders import load_regions


@pytest.fixture(scope="module")
def older_2024(store, catalog):
    return spatial_clusters(store, catalog, "population_65_plus", "share", 2024)


def reference_older_share_2024():
    """65+ share per 시군구 from the reference table on its current (2024) codes, moved
    onto the map units the way geo/README.md describes."""
    table = read_reference("population_sigungu.csv").query("year == 2024")
    table = table[~table["unit_type"].str.startswith("si_with_gu")]
    mapping = pd.read_csv(ROOT / "geo" / "sigungu_crosswalk.csv", dtype=str,
                          keep_default_na=False)
    mapping["to"] = pd.to_numeric(mapping["valid_to_year"]).fillna(9999)
    mapping["from"] = pd.to_numeric(mapping["valid_from_year"]).fillna(0)
    mapping = mapping[(mapping["from"] <= 2024) & (mapping["to"] >= 2024)]
    codes = dict(zip(mapping["source_code"], mapping["map_code"]))
    table = table.assign(unit=table["region_code"].map(codes)).dropna(subset=["unit"])
    wide = table.pivot_table(index="unit", columns="indicator", values="value", aggfunc="sum")
    return 100 * wide["population_65_plus"] / wide["population_total"]


def neighbour_matrix(codes):
    """Queen contiguity by shapely (shapes that touch or overlap), each island joined to
    its nearest shape by centroid distance, row-standardised."""
    regions = load_regions("sigungu").set_index("region_code").loc[codes].to_crs(5179)
    shapes = list(regions.geometry)
    tree = shapely.STRtree(shapes)
    n = len(shapes)
    matrix = np.zeros((n, n))
    for i, shape in enumerate(shapes):
        for j in tree.query(shape, predicate="intersects"):
            if j != i:
                matrix[i, j] = 1
    centroids = np.array([[s.centroid.x, s.centroid.y] for s in shapes])
    for i in np.where(matrix.sum(axis=1) == 0)[0]:
        distances = np.hypot(*(centroids - centroids[i]).T)
        distances[i] = np.inf
        nearest = int(np.argmin(distances))
        matrix[i, nearest] = matrix[nearest, i] = 1
    return matrix / matrix.sum(axis=1, keepdims=True)


def test_the_values_are_the_reference_shares(older_2024):
    expected = reference_older_share_2024()
    values = older_2024.frame.set_index("region_code")["value"]
    assert older_2024.n == 247 and not older_2024.missing
    assert values.to_numpy() == pytest.approx(expected.reindex(values.index).to_numpy(),
                                              rel=1e-12)


def test_global_and_local_moran_match_an_independent_computation(older_2024):
    frame = older_2024.frame
    weights = neighbour_matrix(list(frame["region_code"]))
    z = frame["value"].to_numpy() - frame["value"].mean()
    moran = len(z) / weights.sum() * (z @ weights @ z) / (z @ z)
    assert older_2024.moran_i == pytest.approx(moran, rel=1e-9)
    assert older_2024.expected_i == pytest.approx(-1 / (len(z) - 1))
    assert older_2024.p_value < 1e-6 and older_2024.z_score > 10
    lag = weights @ z
    local = z * lag / (z @ z / (len(z) - 1))          # esda's local I (n − 1 denominator)
    assert frame["local_i"].to_numpy() == pytest.approx(local, rel=1e-9)
    significant = frame["p_value"] <= SIGNIFICANCE
    for cluster, above, lag_above in (("HH", True, True), ("LL", False, False),
                                      ("HL", True, False), ("LH", False, True)):
        members = (frame["cluster"] == cluster).to_numpy()
        assert (significant[members]).all()
        assert ((z[members] > 0) == above).all() and ((lag[members] > 0) == lag_above).all()
    assert (frame.loc[~significant, "cluster"] == "ns").all()


def test_islands_are_joined_to_their_nearest_municipality(older_2024):
    assert {"47940", "28720", "28710"} <= set(older_2024.islands)   # 울릉, 옹진, 강화
    clusters = older_2024.frame.set_index("region_code")["cluster"]
    assert clusters["47730"] == "HH"        # 의성군: among the oldest, next to old neighbours
    assert clusters["36110"] in ("LL", "LH", "ns")   # 세종: young
    assert older_2024.count("HH") + older_2024.count("LL") > 60


def test_growth_since_a_base_year_leaves_out_municipalities_without_that_year(store, catalog):
    result = spatial_clusters(store, catalog, "population_total", "growth", 2024, 2012)
    assert result.n == 194 and len(result.missing) == 53        # 경기·충북 have no 2012 rows
    assert all(code[:2] in ("41", "43") for code in result.missing)
    assert result.unit_ko == "%/년"


def test_sizes_and_missing_base_years_are_refused(store, catalog):
    assert spatial_clusters(store, catalog, "population_total", "share", 2024) == \
        why_not("why_spatial_size")
    refused = spatial_clusters(store, catalog, "population_total", "growth", 2024, 2023)
    assert refused.reason_key == "why_base_missing"
