"""Spatial clusters of a 시군구 population variable: global Moran's I and local (LISA)
hot and cold spots, with PySAL (esda on libpysal weights from the bundled shapes).

The variable comes from analysis.spatial_values (an age group's share, or a population's
growth; never a size). Neighbours are 시군구 that share a border or a corner
(queen contiguity); an island with no such neighbour (강화, 옹진, 울릉, 거제 …) is joined
to its nearest 시군구, as bridges and ferries do; weights are row-standardised. The global
I is tested analytically under randomisation; local clusters with 999 conditional
permutations (fixed seed, so a link always shows the same map) at the 5% level.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import lru_cache

import esda
import pandas as pd
from libpysal.weights import KNN, Queen
from libpysal.weights.util import attach_islands

from analysis.availability import Availability, why_not
from analysis.memo import remembered
from analysis.spatial_values import sigungu_values
from loaders import load_regions

SIGNIFICANCE = 0.05
PERMUTATIONS = 999
SEED = 20231
PROJECTED_CRS = 5179
MIN_UNITS = 30
# esda's quadrants (1 HH, 2 LH, 3 LL, 4 HL) as cluster names; "ns" = not significant.
QUADRANTS = {1: "HH", 2: "LH", 3: "LL", 4: "HL"}
CLUSTERS = ("HH", "LL", "HL", "LH", "ns")


@dataclass(frozen=True)
class SpatialClusters:
    """frame: region_code, value, cluster (HH, LL, HL, LH or ns), p_value, local_i —
    one row per 시군구 with data. missing: map units without a value (not tested)."""
    indicator: str
    measure: str
    year: int
    base_year: int | None
    moran_i: float
    expected_i: float
    z_score: float
    p_value: float
    frame: pd.DataFrame
    missing: tuple[str, ...]
    islands: tuple[str, ...]
    components: int
    unit_ko: str = "%"
    unit_en: str = "%"

    def unit(self, lang: str) -> str:
        return self.unit_en if lang == "en" else self.unit_ko

    @property
    def n(self) -> int:
        return len(self.frame)

    def count(self, cluster: str) -> int:
        return int((self.frame["cluster"] == cluster).sum())


@lru_cache(maxsize=16)
def contiguity_weights(codes: tuple[str, ...]):
    """Queen contiguity among these 시군구 map units, islands joined to their nearest
    unit, row-standardised; returns (weights, island codes, connected components)."""
    regions = load_regions("sigungu").set_index("region_code").loc[list(codes)]
    shapes = regions.reset_index().to_crs(PROJECTED_CRS)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # libpysal warns about islands, handled below
        queen = Queen.from_dataframe(shapes, use_index=False, silence_warnings=True)
        islands = tuple(codes[i] for i in queen.islands)
        if queen.islands:
            nearest = KNN.from_dataframe(shapes.set_geometry(shapes.centroid), k=1)
            queen = attach_islands(queen, nearest)
    queen.transform = "r"
    return queen, islands, int(queen.n_components)


def spatial_clusters(store: pd.DataFrame, catalog: pd.DataFrame, indicator: str,
                     measure: str, year: int,
                     base_year: int | None = None) -> SpatialClusters | Availability:
    """Moran's I and the LISA clusters of the variable over the 시군구 with data."""
    def compute():
        found = sigungu_values(store, catalog, indicator, measure, year, base_year)
        if isinstance(found, Availability):
            return found
        values, unit_ko, unit_en = found
        shapes = set(load_regions("sigungu")["region_code"])
        present = values.dropna()
        present = present[present.index.isin(shapes)].sort_index()
        if len(present) < MIN_UNITS:
            return why_not("why_spatial_few", count=len(present), minimum=MIN_UNITS)
        weights, islands, components = contiguity_weights(tuple(present.index))
        y = present.to_numpy(dtype=float)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            moran = esda.Moran(y, weights, permutations=0)
            local = esda.Moran_Local(y, weights, permutations=PERMUTATIONS, seed=SEED,
                                     keep_simulations=False)
        significant = local.p_sim <= SIGNIFICANCE
        clusters = [QUADRANTS[int(q)] if s else "ns" for q, s in zip(local.q, significant)]
        frame = pd.DataFrame({"region_code": present.index.astype(str), "value": y,
                              "cluster": clusters, "p_value": local.p_sim,
                              "local_i": local.Is})
        missing = tuple(sorted(shapes - set(present.index)))
        return SpatialClusters(indicator, measure, int(year), base_year, float(moran.I),
                               float(moran.EI), float(moran.z_rand), float(moran.p_rand),
                               frame, missing, islands, components, unit_ko, unit_en)
    return remembered((store, catalog), ("lisa", indicator, measure, int(year), base_year),
                      compute)

