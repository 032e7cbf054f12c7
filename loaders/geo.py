"""Region boundaries joined to the region table on codes, never on names."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import geopandas as gpd

from loaders.crosswalk import gwonyeok_table, region_table
from loaders.errors import InputError

GEO_DIR = Path(__file__).resolve().parent.parent / "geo"
LEVEL_FILES = {"sido": "sido.geojson", "sigungu": "sigungu.geojson"}


def read_boundaries(level: str) -> gpd.GeoDataFrame:
    if level not in LEVEL_FILES:
        raise InputError(f"unknown level {level!r}; use one of {sorted(LEVEL_FILES)}")
    path = GEO_DIR / LEVEL_FILES[level]
    shapes = gpd.read_file(path)
    if shapes.crs is None or shapes.crs.to_epsg() != 4326:
        shapes = shapes.set_crs(4326, allow_override=True)
    return shapes


@lru_cache(maxsize=2)
def load_regions(level: str = "sido") -> gpd.GeoDataFrame:
    """One row per region with region_code, names, is_capital and 권역, in EPSG:4326."""
    shapes = read_boundaries(level)
    regions = region_table()
    if level == "sido":
        joined = shapes[["region_code", "geometry"]].merge(regions, on="region_code", how="left",
                                                           validate="one_to_one")
        unknown = joined["name_ko"].isna()
        if unknown.any():
            raise InputError(f"boundary codes not in the region table: "
                             f"{sorted(joined.loc[unknown, 'region_code'])}",
                             file=LEVEL_FILES[level], column="region_code")
        columns = ["region_code", "name_ko", "name_en", "short_ko", "short_en", "is_capital",
                   "gwonyeok", "geometry"]
    else:
        parents = regions.rename(columns={"region_code": "sido_code", "name_ko": "sido_name_ko",
                                          "name_en": "sido_name_en"})
        joined = shapes.merge(parents[["sido_code", "sido_name_ko", "sido_name_en", "short_en",
                                       "is_capital", "gwonyeok"]],
                              on="sido_code", how="left", validate="many_to_one")
        # 시군구 have no official English names in the bundled sources: show the Korean name.
        joined["name_en"] = joined["name_ko"] + ", " + joined["short_en"]
        columns = ["region_code", "sido_code", "name_ko", "name_en", "sido_name_ko",
                   "sido_name_en", "is_capital", "gwonyeok", "geometry"]
    gwonyeok = gwonyeok_table().rename(columns={"name_en": "gwonyeok_en"})
    joined = joined[columns].merge(gwonyeok[["gwonyeok", "gwonyeok_en"]], on="gwonyeok",
                                   how="left")
    return gpd.GeoDataFrame(joined, geometry="geometry", crs=4326).sort_values(
        "region_code").reset_index(drop=True)
