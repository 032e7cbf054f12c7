"""Gap map: any indicator over the 17 시도 (population also over 시군구), with the capital
region outlined. Widgets and layout only; the content comes from charts.map_view."""

from dataclasses import replace

import pandas as pd
import streamlit as st

from analysis.classify import DEFAULT_K, MAX_K, MIN_K, SCHEMES, parse_breaks
from analysis.measure_availability import LEVELS, MEASURES, REFERENCES, measure_availability
from analysis.measures import measure_series
from analysis.years import default_base_year, default_year, years_with_data
from charts.html_table import table_html
from charts.map_legend import policy_legend_html
from charts.map_trend import trend_chart, trend_frame
from charts.map_view import (DISSOLVE_MODES, MapOptions, MapView, breaks_pool, build_view,
                             indicator_choices)
from charts.maps import (POLICY_COLORS, PolicyChoice, build_map, choropleth_geojson,
                         depopulation_features, depopulation_legend_html, group_geometries,
                         policy_features, region_geometries)
from exports.data_export import map_table
from exports.filenames import map_detail
from loaders import (load_catalog, load_depopulation_areas, load_indicators, load_policy_layers,
                     load_regions)
from loaders.catalog import themed_name
from ui import briefing
from ui.export_buttons import data_downloads, map_downloads
from ui.gap_map import gap_map
from i18n import t
from i18n.safe_text import md
from ui.layout import keep_valid, multiselect_chrome, page_setup, view_cache
from ui.page_schemas import map_schema
from ui.links import copy_link
from ui.url_state import encode_state, format_value, load_state, seed_widgets, write_state

MAP_HEIGHT = 620
MAP_KEY = "gap_map"
SIDE_WIDTH = 290      # px: the legend and the region trend beside the map
MAP_MIN_WIDTH = 480   # px: below this the side panel wraps under the map
# The table under the map: past TABLE_ROWS rows (시군구) it scrolls in TABLE_HEIGHT px.
TABLE_ROWS, TABLE_HEIGHT = 20, 520


@view_cache(show_spinner=False)
def cached_pool(options: MapOptions) -> pd.Series:
    return breaks_pool(load_indicators(), load_catalog(), options)


@view_cache(show_spinner=False, max_entries=256)
def cached_view(options: MapOptions, lang: str) -> tuple[MapView, str]:
    """The view and its serialised GeoJSON for one set of choices."""
    level = "sido" if options.dissolve != "none" else options.level
    pool = cached_pool(replace(options, year=0)) if options.fixed_breaks else None
    view = build_view(load_indicators(), load_catalog(), load_regions(level), options, lang, pool)
    geometries = (region_geometries(level) if options.dissolve == "none"
                  else group_geometries(options.dissolve))
    return view, choropleth_geojson(view.regions, geometries)


@st.cache_data(show_spinner=False)
def cached_policy(chosen: tuple[str, ...], lang: str) -> list[dict]:
    """The chosen policy layers as the map component draws them."""
    labels = {p: t(f"policy_{p}", lang) for p in dict.fromkeys(load_policy_layers()["layer"])}
    return policy_features(load_policy_layers(), list(chosen), labels, lang)


@st.cache_data(show_spinner=False)
def cached_areas(lang: str) -> dict[str, list]:
    """The depopulation areas as the map component outlines them on the 시군구 shapes."""
    return depopulation_features(load_depopulation_areas(), area_labels_in(lang), lang)


def area_labels_in(lang: str) -> dict[str, str]:
    return {a: t(f"disparity_area_{a}", lang) for a in ("depopulation", "watch")}


@view_cache(show_spinner=False)
def cached_series(indicator: str, measure: str, base_year, level: str, reference: str):
    return measure_series(load_indicators(), load_catalog(), indicator, measure, base_year,
                          level, reference)


lang = page_setup("map_page_title")
store, catalog = load_indicators(), load_catalog()
st.title(t("map_heading", lang))
st.caption(t("map_intro", lang))

# --- choices (sidebar) ---------------------------------------------------------------------
sidebar = st.sidebar
indicators = indicator_choices(store, catalog)
schema = map_schema(store, catalog)
url_state = load_state(schema, lang)
seed_widgets(url_state, {"indicator": "map_indicator", "level": "map_level",
                         "dissolve": "map_dissolve", "year": "map_year",
                         "measure": "map_measure", "base": "map_base_year",
                         "diverging": "map_diverging", "reference": "map_reference",
                         "scheme": "map_scheme", "k": "map_k", "fixed": "map_fixed_breaks",
                         "layers": "map_policy", "region": "map_region",
                         "depop": "map_depopulation"})
if url_state["breaks"]:
    st.session_state.setdefault("map_manual_breaks", format_value("floats", url_state["breaks"]))
keep_valid("map_indicator", indicators, "grdp_nominal")
indicator = sidebar.selectbox(
    t("map_indicator", lang), indicators, key="map_indicator",
    format_func=lambda i: themed_name(catalog, i, lang))

levels = [lv for lv in LEVELS if years_with_data(store, catalog, indicator, lv)]
keep_valid("map_level", levels, "sido")
if len(levels) > 1:
    level = sidebar.radio(t("map_level", lang), levels, horizontal=True, key="map_level",
                          format_func=lambda lv: t(f"map_level_{lv}", lang))
else:
    level = levels[0]
    sidebar.caption(t("map_sigungu_only_population", lang))

dissolve = sidebar.radio(t("map_dissolve", lang), DISSOLVE_MODES, key="map_dissolve",
                         format_func=lambda d: t(f"map_dissolve_{d}", lang))
data_level = "sido" if dissolve != "none" else level
if dissolve != "none" and level != "sido":
    sidebar.caption(t("map_dissolve_uses_sido", lang))

years = years_with_data(store, catalog, indicator, data_level)
keep_valid("map_year", years, default_year(store, catalog, indicator, data_level) or years[-1])
year = (sidebar.select_slider(t("map_year", lang), years, key="map_year") if len(years) > 1
        else years[0])

availability = {m: measure_availability(store, catalog, indicator, year, m, None, data_level)
                for m in MEASURES}
measures = [m for m in MEASURES if availability[m].available]
# The measure the user chose (by hand or by link) is kept even while the year or indicator
# does not offer it: the map falls back to 수준 and says so (see fallback_note below), and
# the choice comes back as soon as it is available again.
st.session_state.setdefault("map_measure_wanted", st.session_state.get("map_measure", "level"))
wanted_measure = st.session_state["map_measure_wanted"]
if wanted_measure in measures:
    st.session_state["map_measure"] = wanted_measure
keep_valid("map_measure", measures, "level")
measure = sidebar.radio(t("map_measure", lang), measures, key="map_measure",
                        format_func=lambda m: t(f"map_measure_{m}", lang),
                        on_change=lambda: st.session_state.update(
                            map_measure_wanted=st.session_state["map_measure"]))
fallback_note = ""
if wanted_measure != measure and wanted_measure in MEASURES:
    offered = [y for y in years if measure_availability(store, catalog, indicator, y,
                                                        wanted_measure, None,
                                                        data_level).available]
    reason = availability[wanted_measure]
    fallback_note = t("map_measure_fallback", lang).format(
        wanted=t(f"map_measure_{wanted_measure}", lang), year=year,
        shown=t(f"map_measure_{measure}", lang),
        reason=reason.reason_ko if lang == "ko" else reason.reason_en)
    if offered:
        fallback_note += " " + t("map_measure_fallback_years", lang).format(
            wanted=t(f"map_measure_{wanted_measure}", lang), first=offered[0],
            last=offered[-1])
unavailable = [m for m in MEASURES if not availability[m].available]
if unavailable:
    with sidebar.expander(t("map_unavailable_measures", lang)):
        for m in unavailable:
            reason = availability[m].reason_ko if lang == "ko" else availability[m].reason_en
            st.caption(f"**{t(f'map_measure_{m}', lang)}** — {reason}")

base_year = None
if measure == "growth":
    earlier = [y for y in years if y < year]
    keep_valid("map_base_year", earlier,
            default_base_year(store, catalog, indicator, year, data_level))
    base_year = sidebar.selectbox(t("map_base_year", lang), earlier, key="map_base_year")

diverging = sidebar.toggle(t("map_diverging", lang), key="map_diverging")
reference = "national"
if diverging or measure == "index":
    reference = sidebar.radio(t("map_reference", lang), REFERENCES, horizontal=True,
                              key="map_reference",
                              format_func=lambda r: t(f"map_reference_{r}", lang))

scheme = sidebar.selectbox(t("map_scheme", lang), SCHEMES, key="map_scheme",
                           format_func=lambda s: t(f"map_scheme_{s}", lang))
manual_breaks: tuple[float, ...] = ()
k = DEFAULT_K
if scheme == "manual":
    typed = sidebar.text_input(t("map_manual_breaks", lang), key="map_manual_breaks")
    breaks, rejected = parse_breaks(typed)
    manual_breaks = tuple(breaks)
    if rejected:
        sidebar.caption(f"{', '.join(rejected)}: {t('map_manual_rejected', lang)}")
else:
    st.session_state.setdefault("map_k", DEFAULT_K)
    k = sidebar.slider(t("map_k", lang), MIN_K, MAX_K, key="map_k")
fixed_breaks = sidebar.toggle(t("map_fixed_breaks", lang), key="map_fixed_breaks",
                              help=t("map_fixed_breaks_help", lang))

policy_ids = list(dict.fromkeys(load_policy_layers()["layer"]))
chosen_policy = sidebar.multiselect(t("map_policy", lang), policy_ids, key="map_policy",
                                    format_func=lambda p: t(f"policy_{p}", lang),
                                    help=t("map_policy_help", lang),
                                    **multiselect_chrome(lang))
depopulation = data_level == "sigungu" and sidebar.toggle(
    t("map_depopulation", lang), key="map_depopulation", help=t("map_depopulation_help", lang))

options = MapOptions(indicator=indicator, year=int(year), measure=measure, level=level,
                     base_year=base_year, reference=reference, scheme=scheme, k=k,
                     manual_breaks=manual_breaks, fixed_breaks=fixed_breaks,
                     diverging=diverging, dissolve=dissolve)
view, geojson = cached_view(options, lang)

# --- map, its legend and the side panel ------------------------------------------------------
st.subheader(md(view.title))
if fallback_note:
    st.info(fallback_note)
area_labels = area_labels_in(lang)
policy = PolicyChoice(load_policy_layers(), tuple(chosen_policy),
                      tuple((p, t(f"policy_{p}", lang)) for p in policy_ids), lang,
                      load_depopulation_areas() if depopulation else None,
                      tuple(area_labels.items()))
policy_items = [(t(f"policy_{p}", lang), POLICY_COLORS[p]) for p in chosen_policy]
legend = (view.legend + (policy_legend_html(policy_items) if chosen_policy else "")
          + (depopulation_legend_html(area_labels) if depopulation else ""))
# The legend right above the map, so that it is in view with the map at any window size.
st.html(view.legend_strip + (policy_legend_html(policy_items, strip=True) if chosen_policy
                             else "")
        + (depopulation_legend_html(area_labels, strip=True) if depopulation else ""))
# A row that wraps: the region panel sits beside the map on a wide window and below it on
# a narrow one, instead of squeezing both.
st.html(f"<style>div:has(> .st-key-map_column) {{ flex: 1 1 {MAP_MIN_WIDTH}px; "
        f"min-width: min({MAP_MIN_WIDTH}px, 100%); }}</style>")   # the row's flex item
map_row = st.container(horizontal=True, gap="medium")
map_column = map_row.container(width="stretch", key="map_column")
side_column = map_row.container(width=SIDE_WIDTH, key="map_side")
with map_column:
    returned = gap_map(view.regions, level if dissolve == "none" else dissolve,
                       cached_policy(tuple(chosen_policy), lang), key=MAP_KEY,
                       height=MAP_HEIGHT, areas=cached_areas(lang) if depopulation else None)

regions = load_regions(data_level)
codes = list(regions["region_code"])
names = dict(zip(regions["region_code"], regions[f"name_{lang}"]))
clicked_code = (returned or {}).get("region_code")
click = ((returned or {}).get("clicks"), clicked_code)
if clicked_code in names and click != st.session_state.get("map_last_click"):
    st.session_state["map_last_click"] = click
    st.session_state["map_region"] = clicked_code
keep_valid("map_region", [""] + codes, "")

with side_column:
    st.markdown(f"**{t('map_region_panel', lang)}**")
    region = st.selectbox(t("map_pick_region", lang), [""] + codes, key="map_region",
                          format_func=lambda c: names.get(c, t("map_pick_none", lang)))
    if region:
        series = cached_series(indicator, measure, base_year, data_level, reference)
        frame = trend_frame(series, region, names[region], lang)
        if frame["year"].nunique() > 1:
            st.altair_chart(trend_chart(frame, names[region], view.unit, lang), width="stretch")
        else:
            st.caption(t("map_no_trend", lang))
        st.caption(md(view.source))

# --- notes, table, source ---------------------------------------------------------------------
for note in view.notes:
    st.caption(md(note))
if depopulation:
    st.caption(t("map_depopulation_source", lang))
st.caption(md(view.source))
st.markdown(f"**{t('map_table_heading', lang)}**")
st.html(table_html(view.table, TABLE_HEIGHT if len(view.table) > TABLE_ROWS else None))

# --- share, export, brief --------------------------------------------------------------------
page_state = {"indicator": indicator, "level": level, "dissolve": dissolve, "year": int(year),
              "measure": measure, "base": base_year, "diverging": diverging,
              "reference": reference, "scheme": scheme, "k": k, "breaks": list(manual_breaks),
              "fixed": fixed_breaks, "layers": chosen_policy, "region": region or None,
              "depop": bool(depopulation)}
write_state(schema, page_state)
share_column, export_column = st.columns([1, 1])
with share_column:
    copy_link("map", encode_state(schema, page_state), lang)
    briefing.pin_button("map", encode_state(schema, page_state), lang, key="map_pin")
with export_column:
    map_downloads(view, options, lambda: build_map(geojson, policy), lang, key="map",
                  policy=chosen_policy, legend_html=legend)
    data_downloads(lambda: map_table(view, options, catalog, lang), store, catalog, [indicator],
                   lang, key="map_data", measure=measure, years=int(year),
                   view_detail=map_detail(options))
