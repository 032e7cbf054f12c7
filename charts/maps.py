"""Folium builders for the gap map: an offline base map and the layers drawn on it.

The base map never changes (no tiles, Leaflet served by the app from ``static/``), and
everything that does change (the choropleth, the capital outline, policy layers) is one
FeatureGroup. streamlit-folium keys its component on the base map's script, so a new
year or measure swaps the FeatureGroup inside the same map instead of reloading it:
no flicker, and pan/zoom survive.

Folium elements are built anew for every render: streamlit-folium renames the ids of
every element it renders, in place, so an element that was shown on the page and then
put into another map (the offline HTML export) refers to variables that the second map
never declares. ``map_layer`` and ``build_map`` therefore take the chosen policy layers
as data (``PolicyChoice``) and make their own folium objects.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache

import folium
import geopandas as gpd
import pandas as pd
from branca.element import Element, MacroElement
from jinja2 import Template

from charts.map_style import CAPITAL_CASING, CAPITAL_LINE, HATCH_DEFS_HTML
from charts.map_tooltip import marker_tooltip_html
from charts.theme import FONT_FAMILY
from i18n import t
from loaders import load_regions

STATIC_URL = "/app/static"
LEAFLET_DIR = f"{STATIC_URL}/leaflet-1.9.4"
LEAFLET_JS = f"{LEAFLET_DIR}/leaflet.js"
LEAFLET_CSS = f"{LEAFLET_DIR}/leaflet.css"
KOREA_BOUNDS = [[33.05, 124.55], [38.65, 131.0]]  # 제주 to 강원, 백령도 to 독도
MAP_CSS = f"""<style>
div.leaflet-container {{ background: #f3f5f7; font-family: {FONT_FAMILY}; }}
.gm-tooltip table {{ border-collapse: collapse; margin-top: 3px; }}
.gm-tooltip th {{ text-align: left; font-weight: normal; color: #555; padding: 0 8px 0 0; }}
.gm-tooltip td {{ text-align: right; }}
.gm-tooltip .gm-sub {{ color: #666; }}
path.leaflet-interactive:focus:not(:focus-visible) {{ outline: none; }}
</style>"""
POLICY_COLORS = {  # marker fills, dark enough to read on every class colour
    "future_industry_pair": "#000000", "crisis_support_center": "#CC79A7",
    "restructuring_center": "#0072B2", "regulation_free_zone": "#009E73",
    "growth_project": "#E69F00", "startup_cluster": "#56B4E9",
}
POLICY_OFFSET_DEGREES = 0.12   # layers in one 시도 sit around its centre, not on top of each other


def base_map() -> folium.Map:
    """An empty map of Korea with no tile layer and Leaflet from the app's static files."""
    fmap = folium.Map(location=[36.0, 127.8], zoom_start=7, tiles=None, zoom_snap=0.25,
                      zoom_delta=0.5, min_zoom=6, max_zoom=12)
    fmap.default_js = [("leaflet", LEAFLET_JS)]
    fmap.default_css = [("leaflet_css", LEAFLET_CSS)]
    fmap.fit_bounds(KOREA_BOUNDS)
    root = fmap.get_root()
    root.header.add_child(Element(MAP_CSS), name="gap_map_css")
    root.html.add_child(Element(HATCH_DEFS_HTML), name="gap_map_hatch")
    return fmap


# --- geometry, computed once per process -------------------------------------------------

@lru_cache(maxsize=2)
def region_geometries(level: str) -> dict[str, str]:
    """Serialised GeoJSON geometry per region code, encoded once per process (the boundary
    files are already simplified and rounded to 4 decimals, about 10 m)."""
    shapes = load_regions(level)
    return {code: script_json(geometry.__geo_interface__)
            for code, geometry in zip(shapes["region_code"], shapes.geometry)}


@lru_cache(maxsize=3)
def group_geometries(grouping: str) -> dict[str, str]:
    """Dissolved 시도 shapes, serialised: grouping 'capital' gives {'capital', 'noncapital'},
    'gwonyeok' the seven 권역, 'capital_only' the 수도권 outline."""
    shapes = load_regions("sido")
    if grouping == "gwonyeok":
        keys = shapes["gwonyeok"]
    else:
        keys = shapes["is_capital"].map({True: "capital", False: "noncapital"})
    dissolved = gpd.GeoDataFrame({"key": keys}, geometry=shapes.geometry).dissolve("key")
    if grouping == "capital_only":
        dissolved = dissolved.loc[["capital"]]
    return {key: script_json(geometry.__geo_interface__)
            for key, geometry in dissolved.geometry.items()}


@lru_cache(maxsize=1)
def sido_anchor_points() -> dict[str, tuple[float, float]]:
    """(lat, lon) inside each 시도 for policy markers."""
    shapes = load_regions("sido")
    points = shapes.geometry.representative_point()
    return {code: (point.y, point.x) for code, point in zip(shapes["region_code"], points)}


# --- layers -------------------------------------------------------------------------------

def script_json(data) -> str:
    """JSON that is safe inside a <script> element ('</script>' cannot end it early)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


def choropleth_geojson(frame: pd.DataFrame, geometries: dict[str, str]) -> str:
    """The regions in ``frame`` (index region_code; columns name, style, tooltip) as a
    serialised FeatureCollection for GeoJsonScript; regions without a geometry are skipped.
    Geometries arrive pre-serialised, so a new year only encodes its properties."""
    features = []
    for code, name, style, tooltip in zip(frame.index, frame["name"], frame["style"],
                                          frame["tooltip"]):
        if code in geometries:
            properties = script_json({"region_code": code, "name": name, "style": style,
                                      "tooltip": tooltip})
            features.append(f'{{"type":"Feature","geometry":{geometries[code]},'
                            f'"properties":{properties}}}')
    return '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}"


class _Prerendered(Element):
    """Script text placed in the page as it is. branca wraps each rendered script in
    Element(text), which compiles the text as a Jinja template: ~30 ms per 300 KB of
    GeoJSON on every rerun, and a '{{' in the data would be evaluated."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class GeoJsonScript(MacroElement):
    """A Leaflet GeoJSON layer from pre-serialised GeoJSON whose features carry their own
    ``style`` and, when ``tooltips`` is set, pre-escaped ``tooltip`` HTML. Hovering
    thickens a region's border; ``interactive=False`` lets clicks pass through (outlines).
    ``class_name`` marks the drawn paths ('gm-region' for regions, so a test or a style
    can tell them from outlines and policy markers)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJson({{ this.geojson }}, {
            className: {{ this.class_name|tojson }},
            style: function(feature) { return feature.properties.style; },
            interactive: {{ this.interactive|tojson }},
            onEachFeature: function(feature, layer) {
                {%- if this.tooltips %}
                layer.bindTooltip(feature.properties.tooltip, {sticky: true});
                layer.on('mouseover', function(e) {
                    e.target.setStyle({weight: 2.5, color: '#222222'}); });
                layer.on('mouseout', function(e) {
                    e.target.setStyle(feature.properties.style); });
                {%- endif %}
            }
        }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, geojson: str, tooltips: bool = True, interactive: bool = True,
                 class_name: str = "gm-region"):
        super().__init__()
        self._name = "GeoJsonScript"
        self.geojson = geojson
        self.tooltips = tooltips
        self.interactive = interactive
        self.class_name = class_name

    def render(self, **kwargs):
        script = self._template.module.script(self, kwargs)
        self.get_root().script.add_child(_Prerendered(script), name=self.get_name())


@lru_cache(maxsize=1)
def capital_outline_json() -> tuple[str, str]:
    """The 수도권 boundary serialised twice: a dark casing and the vermillion line on it."""
    geometry = group_geometries("capital_only")["capital"]
    return tuple(f'{{"type":"Feature","geometry":{geometry},"properties":'
                 f'{{"style":{script_json(style)}}}}}' for style in (CAPITAL_CASING, CAPITAL_LINE))


def policy_marker_position(layer_position: int, code: str) -> tuple[float, float]:
    """(lat, lon) of a policy layer's marker in a 시도: the layers sit around the 시도's anchor
    at fixed angles so that several never cover each other (the map and its PNG agree)."""
    angle = 2 * math.pi * layer_position / max(len(POLICY_COLORS), 1)
    lat, lon = sido_anchor_points()[code]
    return (lat + POLICY_OFFSET_DEGREES * math.sin(angle),
            lon + POLICY_OFFSET_DEGREES * math.cos(angle))


def policy_points(layers: pd.DataFrame, chosen: list[str]) -> pd.DataFrame:
    """One row per (chosen layer, 시도) with its marker's lat, lon and colour."""
    rows = [(layer, code, *policy_marker_position(position, code),
             POLICY_COLORS.get(layer, "#000000"))
            for position, layer in enumerate(chosen)
            for code in dict.fromkeys(layers.loc[layers["layer"] == layer, "region_code"])]
    return pd.DataFrame(rows, columns=["layer", "region_code", "lat", "lon", "color"])


@dataclass(frozen=True)
class PolicyChoice:
    """The policy layers to draw: the plan's table, the chosen layer ids in order, their
    labels and the language of region names."""
    layers: pd.DataFrame = field(default_factory=pd.DataFrame)
    chosen: tuple[str, ...] = ()
    labels: tuple[tuple[str, str], ...] = ()
    lang: str = "ko"


def policy_features(layers: pd.DataFrame, chosen: list[str], labels: dict[str, str],
                    lang: str) -> list[dict]:
    """The chosen policy layers as plain data, one dict per layer: its label and colour,
    one marker per 시도 carrying every note of the plan for it (``point`` [lat, lon],
    escaped ``tooltip``), and for the 지역협력형 미래 신산업 pairs a dashed line joining
    the partner regions. The plan's notes are Korean only; region names follow ``lang``."""
    sido = load_regions("sido")
    region_names = dict(zip(sido["region_code"], sido["short_ko" if lang == "ko" else "short_en"]))
    features = []
    for position, layer in enumerate(chosen):
        rows = layers[layers["layer"] == layer]
        lines, markers = [], []
        if layer == "future_industry_pair":
            for name, members in rows.groupby("group", sort=False):
                lines.append({"points": [list(policy_marker_position(position, code))
                                         for code in members["region_code"]],
                              "tooltip": marker_tooltip_html(
                                  name, list(dict.fromkeys(members["note"])))})
        for code, members in rows.groupby("region_code", sort=False):
            notes = [" · ".join(filter(None, [row["group"], row["place"],
                                              _year_label(row["status_year"], lang)]))
                     + (f" — {row['note']}" if row["note"] else "")
                     for _, row in members.iterrows()]
            title = f"{labels[layer]}: {region_names.get(code, members['region_name'].iloc[0])}"
            markers.append({"point": list(policy_marker_position(position, code)),
                            "tooltip": marker_tooltip_html(title, notes)})
        features.append({"layer": layer, "label": labels[layer],
                         "color": POLICY_COLORS.get(layer, "#000000"),
                         "lines": lines, "markers": markers})
    return features


def policy_layers(layers: pd.DataFrame, chosen: list[str], labels: dict[str, str],
                  lang: str) -> list[folium.FeatureGroup]:
    """policy_features as folium FeatureGroups (for the offline HTML map)."""
    groups = []
    for feature in policy_features(layers, chosen, labels, lang):
        group = folium.FeatureGroup(name=feature["label"])
        for line in feature["lines"]:
            folium.PolyLine(line["points"], color=feature["color"], weight=2, dash_array="6 4",
                            opacity=0.8, tooltip=folium.Tooltip(line["tooltip"])).add_to(group)
        for marker in feature["markers"]:
            folium.CircleMarker(marker["point"], radius=7, color="#ffffff", weight=1.5,
                                fill=True, fill_color=feature["color"], fill_opacity=1,
                                tooltip=folium.Tooltip(marker["tooltip"])).add_to(group)
        groups.append(group)
    return groups


def _year_label(year: str, lang: str) -> str:
    return t("map_status_year", lang).format(year=year) if year else year


def map_layer(geojson: str, policy: PolicyChoice = PolicyChoice()) -> folium.FeatureGroup:
    """Everything that changes with the user's choices, as one new FeatureGroup: the
    choropleth (from choropleth_geojson), the capital outline on top of it, then the
    chosen policy layers."""
    layer = folium.FeatureGroup(name="gap_map")
    GeoJsonScript(geojson).add_to(layer)
    for outline in capital_outline_json():
        GeoJsonScript(outline, tooltips=False, interactive=False,
                      class_name="gm-outline").add_to(layer)
    if policy.chosen:
        for group in policy_layers(policy.layers, list(policy.chosen), dict(policy.labels),
                                   policy.lang):
            group.add_to(layer)
    return layer


def build_map(geojson: str, policy: PolicyChoice = PolicyChoice()) -> folium.Map:
    """A complete new map (base map plus layer), e.g. to save as HTML or to inspect in
    tests."""
    fmap = base_map()
    map_layer(geojson, policy).add_to(fmap)
    return fmap
