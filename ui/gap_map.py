"""The gap map as a small Streamlit component of our own (Leaflet, served by the app).

streamlit-folium sent the whole map on every rerun: the shapes (~220 KB for 17 시도),
the 수도권 outline twice (~50 KB) and a page of folium/Jinja script, ~290 KB per year
change, and re-sent it on revisits. Here the shapes are static files written once per
process (named by their content's hash), which the component frame fetches over HTTP
once and the browser caches; each rerun sends only per-region styles and tooltips and
the policy markers (~10 KB). The frame stays, so pan and zoom survive a new choice.

Clicking a region returns ``{"region_code": ..., "clicks": n}``.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import pandas as pd
import streamlit.components.v1 as components

from charts.map_style import CAPITAL_CASING, CAPITAL_LINE, HATCH_DEFS_HTML
from charts.maps import KOREA_BOUNDS, MAP_CSS, group_geometries, region_geometries

FRONTEND = Path(__file__).resolve().parent / "gap_map_frontend"
MIN_ZOOM, MAX_ZOOM = 6, 12


# Shapes most first visits draw (the 시도 map, the 수도권 outline): the frame's page
# preloads them, so they download while Leaflet loads and the frame waits for its data.
PRELOADED = ("sido", "capital_only")


@lru_cache(maxsize=1)
def _component_dir() -> Path:
    """The component's files for this process: the geometry files (more added on
    demand), the frame's page with the map's CSS and hatch pattern filled in and the
    common shapes preloaded, and its script."""
    directory = Path(tempfile.mkdtemp(prefix="gap-map-component-"))
    atexit.register(shutil.rmtree, directory, ignore_errors=True)
    preloads = "".join(f'<link rel="preload" href="{_write_geometry(directory, layer)}" '
                       'as="fetch" crossorigin="anonymous">' for layer in PRELOADED)
    page = (FRONTEND / "index.html").read_text(encoding="utf-8")
    page = (page.replace("<!--PRELOAD-->", preloads).replace("<!--MAP_CSS-->", MAP_CSS)
            .replace("<!--HATCH_DEFS-->", HATCH_DEFS_HTML))
    (directory / "index.html").write_text(page, encoding="utf-8")
    shutil.copy(FRONTEND / "gap_map.js", directory / "gap_map.js")
    return directory


def _write_geometry(directory: Path, layer: str) -> str:
    """Write the shapes of ``layer`` ('sido', 'sigungu', or a dissolve: 'capital',
    'gwonyeok', 'capital_only') into ``directory`` unless there, and return the file's
    name, which changes with its content (so a browser never keeps stale shapes)."""
    if layer in ("sido", "sigungu"):
        shapes = region_geometries(layer)
    else:
        shapes = group_geometries(layer)
    features = ",".join(f'{{"type":"Feature","properties":{{"region_code":{json.dumps(code)}}},'
                        f'"geometry":{geometry}}}' for code, geometry in shapes.items())
    text = '{"type":"FeatureCollection","features":[' + features + "]}"
    digest = hashlib.sha256(text.encode()).hexdigest()[:12]
    name = f"{layer}-{digest}.json"
    path = directory / name
    if not path.exists():
        path.write_text(text, encoding="utf-8")
    return name


_component = components.declare_component("gap_map", path=str(_component_dir()))


@lru_cache(maxsize=8)
def geometry_file(layer: str) -> str:
    """The name of the component's file with the shapes of ``layer``, written once."""
    return _write_geometry(_component_dir(), layer)


def region_properties(regions: pd.DataFrame) -> dict[str, list]:
    """{region code: [Leaflet style, tooltip HTML]} from a view's regions (index code)."""
    return {str(code): [style, tooltip]
            for code, style, tooltip in zip(regions.index, regions["style"], regions["tooltip"])}


def gap_map(regions: pd.DataFrame, layer: str, policy: list[dict], key: str,
            height: int, areas: dict[str, list] | None = None) -> dict | None:
    """Draw the map: ``regions`` (index region code; columns style, tooltip) on the shapes
    of ``layer``, then ``areas`` ({code: [style, tooltip]} outlined on the same shapes, such
    as charts.maps.depopulation_features), the 수도권 outline on top, then the policy
    layers (charts.maps.policy_features)."""
    return _component(
        geometry=geometry_file(layer), outline=geometry_file("capital_only"),
        outline_styles=[CAPITAL_CASING, CAPITAL_LINE], regions=region_properties(regions),
        areas=areas or {}, policy=policy, bounds=KOREA_BOUNDS, height=height,
        min_zoom=MIN_ZOOM, max_zoom=MAX_ZOOM, key=key, default=None)
