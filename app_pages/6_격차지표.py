"""Disparity (격차 지표): the measures regional economists judge regional gaps by —
inequality across the 시도 and its capital-vs-rest split, σ- and β-convergence, the 시도
by 권역, one indicator against another, 시군구 clusters, and the depopulation areas.

Widgets and layout only: figures come from analysis (regional_values, inequality,
convergence, two_variables, spatial, depopulation), charts with their titles and reading
lines from charts.disparity_views (briefing slides draw them with it too) and
charts.variable_map, downloads from exports. Every result is cached per choice.
"""

import streamlit as st

from analysis.availability import Availability
from analysis.convergence import beta_convergence, sigma_series
from analysis.depopulation import comparison, first_complete_year, outside_capital
from analysis.groups import GROUPINGS
from analysis.inequality import inequality_series
from analysis.regional_values import (complete_years, refused_years, regional_variable,
                                      values_in, variable_choices, weight_availability,
                                      weighted_mean)
from analysis.spatial import spatial_clusters
from analysis.spatial_values import lisa_years, spatial_subjects, subject_measures
from analysis.two_variables import common_years, scatter
from analysis.years import years_with_data
from charts import disparity as charts
from charts import disparity_views as views
from charts import facet_panels
from charts.maps import build_map, choropleth_geojson, region_geometries
from charts.sources import publisher_line
from charts.variable_map import variable_map
from exports import disparity_tables as tables
from exports.cluster_image import cluster_map_png, cluster_map_svg
from exports.map_html import standalone_map_html
from exports.filenames import export_filename
from i18n import t
from loaders import load_catalog, load_depopulation_areas, load_indicators, load_regions
from loaders.catalog import themed_name
from ui import briefing
from ui.export_buttons import chart_downloads, data_downloads
from ui.gap_map import gap_map
from ui.layout import keep_valid, load_page_state, page_setup, write_page_state
from ui.page_schemas import disparity_schema
from ui.responsive import wrapping_row
from i18n.safe_text import md
from ui.links import copy_link
from ui.url_state import encode_state, seed_widgets

PAGE = "disparity"
PLAY_SECONDS = 1.2
MAP_HEIGHT, SMALL_MAP_HEIGHT = 560, 430
# px: a small-multiples panel is never narrower (its axis labels and title fit)
PANEL_MIN_WIDTHS = {"inequality": 260, "depopulation": 400}
WIDGETS = {"indicator": "disp_indicator", "grouping": "disp_grouping",
           "weighting": "disp_weighting", "year": "disp_year", "region": "disp_region",
           "period": "disp_period", "x": "disp_x", "y": "disp_y", "syear": "disp_scatter_year",
           "lisa": "disp_lisa", "lmeasure": "disp_lisa_measure", "lyear": "disp_lisa_year",
           "lbase": "disp_lisa_base", "dyear": "disp_depop_year", "dbase": "disp_depop_base"}


# --- cached results (keyed by ids, so a rerun after a change is a lookup) -----------------

def variable(indicator: str):
    return regional_variable(load_catalog(), indicator)


@st.cache_data(show_spinner=False)
def offered() -> tuple[list[str], dict[str, str], dict[str, str]]:
    """(indicators compared, Korean and English reasons for every other catalog indicator)."""
    store, catalog = load_indicators(), load_catalog()
    choices = variable_choices(store, catalog)
    refused = {}
    for indicator in catalog.index:
        if indicator not in choices:
            found = regional_variable(catalog, indicator)
            refused[indicator] = (found if isinstance(found, Availability)
                                  else Availability(False, "why_no_complete_year"))
    return (choices, {i: a.reason("ko") for i, a in refused.items()},
            {i: a.reason("en") for i, a in refused.items()})


@st.cache_data(show_spinner=False)
def years_of(indicator: str) -> list[int]:
    return complete_years(load_indicators(), load_catalog(), variable(indicator))


@st.cache_data(show_spinner=False)
def year_notes(indicator: str, lang: str) -> tuple[list[str], str]:
    """(why years are left out, which years the weighted statistics cover and why not)."""
    store, catalog = load_indicators(), load_catalog()
    chosen = variable(indicator)
    left_out = [f"{year}: {a.reason(lang)}" for year, a in
                refused_years(store, catalog, chosen).items()]
    weighted = [y for y in years_of(indicator)
                if weight_availability(store, catalog, chosen, y).available]
    if weighted:
        note = t("disparity_weights_note", lang).format(
            weight=catalog.loc[chosen.weight, f"name_{lang}"],
            years=charts.year_ranges(weighted))
    else:
        note = t("disparity_weights_none", lang).format(reason=weight_availability(
            store, catalog, chosen, years_of(indicator)[-1]).reason(lang))
    return left_out, note


@st.cache_data(show_spinner=False)
def inequality(indicator: str, grouping: str):
    return inequality_series(load_indicators(), load_catalog(), variable(indicator), grouping)


@st.cache_data(show_spinner=False)
def sigma(indicator: str):
    return sigma_series(load_indicators(), load_catalog(), variable(indicator))


@st.cache_data(show_spinner=False)
def beta(indicator: str, first: int, last: int):
    return beta_convergence(load_indicators(), load_catalog(), variable(indicator), first, last)


@st.cache_data(show_spinner=False)
def values(indicator: str, year: int):
    store, catalog = load_indicators(), load_catalog()
    return (values_in(store, catalog, variable(indicator), year).dropna(),
            weighted_mean(store, catalog, variable(indicator), year))


@st.cache_data(show_spinner=False)
def scatter_years(x: str, y: str) -> list[int]:
    return common_years(load_indicators(), load_catalog(), variable(x), variable(y))


@st.cache_data(show_spinner=False)
def two_variables(x: str, y: str, year: int):
    return scatter(load_indicators(), load_catalog(), variable(x), variable(y), year)


@st.cache_data(show_spinner=False)
def clusters(indicator: str, measure: str, year: int, base: int | None):
    return spatial_clusters(load_indicators(), load_catalog(), indicator, measure, year,
                            base if measure == "growth" else None)


@st.cache_data(show_spinner=False)
def depopulation(year: int, base: int):
    return comparison(load_indicators(), load_catalog(), load_depopulation_areas(),
                      load_regions("sigungu")["region_code"], year, base)


@st.cache_data(show_spinner=False, max_entries=16)
def lisa_view(lisa: str, measure: str, year: int, base: int | None, lang: str):
    """(ClusterView, variable name, publisher) of the cluster map."""
    catalog = load_catalog()
    view = views.lisa_view(clusters(lisa, measure, year, base), load_regions("sigungu"),
                           catalog, lisa, measure, year, base, lang)
    return (view, views.lisa_subject(catalog, lisa, measure, base, lang),
            publisher_line(catalog.loc[lisa], lang))


@st.cache_data(show_spinner=False, max_entries=32)
def small_map(indicator: str, year: int, region: str | None, lang: str):
    """The 시도 map of the compared variable: (its 시도 styled for ui.gap_map, legend HTML)."""
    catalog, chosen = load_catalog(), variable(indicator)
    return variable_map(values(indicator, year)[0], load_regions("sido"),
                        charts.variable_name(catalog, chosen, lang), chosen.unit(lang),
                        chosen.decimals, lang, region)


@st.cache_data(show_spinner=False, max_entries=64)
def chart(name: str, lang: str, *args) -> views.ChartView:
    """A chart with its title, reading and source, built and validated once per choice and
    language (charts.disparity_views, which briefing slides draw with too)."""
    catalog = load_catalog()
    if name == "inequality":
        indicator, grouping, year = args
        return views.inequality_view(inequality(indicator, grouping), catalog,
                                     variable(indicator), year, lang)
    if name == "decomposition":
        indicator, grouping, weighted, year = args
        return views.decomposition_view(inequality(indicator, grouping), catalog,
                                        variable(indicator), grouping, weighted, year, lang)
    if name == "sigma":
        (indicator,) = args
        return views.sigma_view(sigma(indicator), catalog, variable(indicator), lang)
    if name == "beta":
        indicator, first, last, region = args
        return views.beta_view(beta(indicator, first, last), catalog, variable(indicator),
                               region, lang)
    if name == "distribution":
        indicator, year, region = args
        shown, mean = values(indicator, year)
        return views.distribution_view(shown, mean, year, catalog, variable(indicator), region,
                                       lang)
    if name == "scatter":
        x, y, year, region = args
        return views.scatter_view(two_variables(x, y, year), catalog, variable(x), variable(y),
                                  year, region, lang)
    year, base = args
    return views.depopulation_view(depopulation(year, base), year, base, lang)


# --- furniture shared by the sections -----------------------------------------------------

def reading_line(name: str, text: str) -> None:
    """The one-line reading under a chart (its own keyed container, one per chart)."""
    with st.container(key=f"reading_{name}"):
        st.caption(f"**{md(text)}**")


def small_multiples(name: str, chart: dict) -> None:
    """A faceted chart as one chart per panel on a grid of as many equal columns as fit
    (three inequality panels across a wide column, one on a narrow window), under the
    chart's title and subtitle. A plain container laid out by CSS: in a horizontal
    Streamlit container a chart takes the row's height instead of its own."""
    width = PANEL_MIN_WIDTHS[name]
    st.html(facet_panels.heading_html(chart)
            + f"<style>.st-key-panels_{name} {{ display: grid; gap: 0 1rem; "
            f"grid-template-columns: repeat(auto-fill, minmax(min({width}px, 100%), 1fr)); }}"
            "</style>")
    with st.container(key=f"panels_{name}"):
        for panel in facet_panels.panels(chart):
            st.vega_lite_chart(spec=panel, width="stretch")


def pin(name: str) -> None:
    """'Add to briefing' for one chart: the page's state so far (every choice the chart
    depends on is made above it) and the chart's name (ui.slides rebuilds it)."""
    briefing.pin_button(PAGE, {**encode_state(schema, page_state), "chart": name}, lang,
                        key=f"pin_{name}")


def chart_block(name: str, view: views.ChartView, table, indicators: list[str], years,
                lang: str) -> None:
    """A chart, its reading line, its pin and its downloads (files are made only when a
    button is pressed), in one keyed container per chart."""
    with st.container(key=f"block_{name}"):
        with st.container(key=f"chart_{name}"):
            if facet_panels.is_faceted(view.spec):
                small_multiples(name, view.spec)
            else:
                st.vega_lite_chart(spec=view.spec, width="stretch")
        reading_line(name, view.reading)
        pin(name)
        with st.expander(t("export_heading", lang), icon=":material/download:"):
            chart_downloads(view.spec, lang, key=f"disp_{name}", indicator=indicators,
                            measure=name, years=years, title=view.title, source=view.source)
            data_downloads(table, load_indicators(), load_catalog(), indicators, lang,
                           key=f"disp_{name}_data", measure=name, years=years,
                           with_full_series=False)


def why_not(text: str) -> None:
    st.info(md(text), icon=":material/info:")


# --- the page ---------------------------------------------------------------------------

lang = page_setup("disparity_page_title")
store, catalog = load_indicators(), load_catalog()
regions = load_regions("sido")
codes = list(regions["region_code"])
names = dict(zip(regions["region_code"], regions[f"short_{lang}"]))
st.title(t("disparity_heading", lang))
st.caption(t("disparity_intro", lang))

schema = disparity_schema(store, catalog)
url_state = load_page_state(schema, PAGE, lang)
seed_widgets(url_state, WIDGETS)
choices, refused_ko, refused_en = offered()

top = wrapping_row("disp_top", (240, 200, 220, 170))
keep_valid("disp_indicator", choices, "grdp_nominal")
indicator = top[0].selectbox(t("disparity_select_indicator", lang), choices,
                             key="disp_indicator",
                             format_func=lambda i: themed_name(catalog, i, lang))
chosen = variable(indicator)
keep_valid("disp_grouping", list(GROUPINGS), "capital")
grouping = top[1].radio(t("disparity_select_grouping", lang), GROUPINGS, key="disp_grouping",
                        horizontal=True, format_func=lambda g: t(f"disparity_grouping_{g}", lang))
years = years_of(indicator)
keep_valid("disp_year", years, years[-1])
year = (top[2].select_slider(t("disparity_select_year", lang), years, key="disp_year")
        if len(years) > 1 else years[0])
if st.session_state.get("disp_clicked") in codes:   # picked on the map below, last run
    st.session_state["disp_region"] = st.session_state.pop("disp_clicked")
keep_valid("disp_region", [""] + codes, "")
region = top[3].selectbox(t("disparity_select_region", lang), [""] + codes, key="disp_region",
                          format_func=lambda c: names.get(c, t("disparity_no_region", lang)))
highlight = region or None

left_out, weights_note = year_notes(indicator, lang)
compared = t("disparity_compared", lang).format(
    name=charts.variable_name(catalog, chosen, lang), unit=chosen.unit(lang))
st.caption(md(f"{compared} · {weights_note}"))
if left_out:
    with st.expander(t("disparity_years_left_out", lang).format(count=len(left_out))):
        for line in left_out:
            st.caption(md(line))
with st.expander(t("disparity_not_compared", lang).format(count=len(refused_ko))):
    for other, reason in (refused_en if lang == "en" else refused_ko).items():
        st.caption(f"**{md(catalog.loc[other, f'name_{lang}'])}** — {md(reason)}")

variables_used = list(chosen.sources)
page_state = {"indicator": indicator, "grouping": grouping, "year": int(year),
              "region": region or None}

# 1. inequality across the 시도 ------------------------------------------------------------
st.header(t("disparity_section_inequality", lang))
st.caption(t("disparity_section_inequality_help", lang))
series = inequality(indicator, grouping)
span = (int(series["year"].min()), int(series["year"].max()))
weightings = ["regions", "population"] if chosen.weight else ["regions"]
keep_valid("disp_weighting", weightings, "regions")
weighting = st.radio(t("disparity_select_weighting", lang), weightings, key="disp_weighting",
                     horizontal=True,
                     format_func=lambda w: t(f"disparity_weighting_{w}", lang))
page_state["weighting"] = weighting


chart_block("inequality", chart("inequality", lang, indicator, grouping, int(year)),
            lambda: tables.inequality_table(series, catalog, chosen, grouping, lang),
            variables_used, span, lang)
weighted = weighting == "population"
chart_block("decomposition", chart("decomposition", lang, indicator, grouping, weighted,
                                   int(year)),
            lambda: tables.inequality_table(series, catalog, chosen, grouping, lang),
            variables_used, span, lang)

# 2. convergence -----------------------------------------------------------------------------
st.header(t("disparity_section_convergence", lang))
st.caption(t("disparity_section_convergence_help", lang))
if chosen.indicator == "grdp_nominal":
    st.caption(t("disparity_nominal_note", lang))
chart_block("sigma", chart("sigma", lang, indicator),
            lambda: tables.sigma_table(sigma(indicator), catalog, chosen, lang),
            variables_used, span, lang)
if len(years) > 1:
    period = st.session_state.get("disp_period")
    if not (isinstance(period, tuple | list) and len(period) == 2
            and all(y in years for y in period) and period[0] < period[1]):
        st.session_state["disp_period"] = (years[0], years[-1])
    period = st.select_slider(t("disparity_select_period", lang), years, key="disp_period")
    page_state["period"] = tuple(period)
    result = beta(indicator, int(period[0]), int(period[1]))
    if isinstance(result, Availability):
        why_not(result.reason(lang))
    else:
        chart_block("beta", chart("beta", lang, indicator, result.first_year, result.last_year,
                                  highlight),
                    lambda: tables.beta_table(result, catalog, chosen, lang), variables_used,
                    (result.first_year, result.last_year), lang)
else:
    why_not(t("disparity_one_year", lang))

# 3. the 시도 by 권역, linked to the map --------------------------------------------------------
st.header(t("disparity_section_distribution", lang))
st.caption(t("disparity_section_distribution_help", lang))
shown, mean = values(indicator, year)
map_column, chart_column = wrapping_row("disp_distribution", (320, 520))
with map_column:
    styled, legend = small_map(indicator, int(year), highlight, lang)
    with st.container(key="chart_map"):
        returned = gap_map(styled, "sido", [], key="disp_map", height=SMALL_MAP_HEIGHT)
    st.html(legend)
    clicked = (returned or {}).get("region_code")
    click = ((returned or {}).get("clicks"), clicked)
    if clicked in names and click != st.session_state.get("disp_last_click"):
        st.session_state["disp_last_click"] = click
        st.session_state["disp_clicked"] = clicked   # the selectbox above takes it next run
        st.rerun()
with chart_column:
    chart_block("distribution", chart("distribution", lang, indicator, int(year), highlight),
                lambda: tables.distribution_table(shown, year, catalog, chosen, lang),
                variables_used, int(year), lang)

# 4. two indicators --------------------------------------------------------------------------
st.header(t("disparity_section_scatter", lang))
st.caption(t("disparity_section_scatter_help", lang))
pair = wrapping_row("disp_pair", (260, 260, 120))
keep_valid("disp_x", choices, "grdp_nominal")
keep_valid("disp_y", choices, "population_15_64" if "population_15_64" in choices else choices[0])
x = pair[0].selectbox(t("disparity_select_x", lang), choices, key="disp_x",
                      format_func=lambda i: themed_name(catalog, i, lang))
y = pair[1].selectbox(t("disparity_select_y", lang), choices, key="disp_y",
                      format_func=lambda i: themed_name(catalog, i, lang))
page_state.update(x=x, y=y)
pair_years = scatter_years(x, y)
if x == y:
    why_not(t("why_scatter_same", lang))
elif not pair_years:
    why_not(t("disparity_no_common_year", lang))
else:
    keep_valid("disp_scatter_year", pair_years, pair_years[-1])
    playing = st.session_state.get("disp_playing", False)
    if pair[2].button(t("disparity_pause" if playing else "disparity_play", lang),
                      key="disp_play_button", disabled=len(pair_years) < 2,
                      icon=":material/pause:" if playing else ":material/play_arrow:"):
        st.session_state["disp_playing"] = not playing
        st.session_state["disp_play_ticked"] = False
        if not playing and st.session_state["disp_scatter_year"] == pair_years[-1]:
            st.session_state["disp_scatter_year"] = pair_years[0]
        st.rerun()

    @st.fragment(run_every=PLAY_SECONDS if playing else None)
    def scatter_section() -> None:
        """The scatter and its year slider; while playing, each tick shows the next year."""
        if st.session_state.get("disp_playing"):
            position = pair_years.index(st.session_state["disp_scatter_year"])
            if st.session_state.get("disp_play_ticked"):
                position += 1
            st.session_state["disp_play_ticked"] = True
            if position >= len(pair_years) - 1:
                st.session_state["disp_scatter_year"] = pair_years[-1]
                st.session_state["disp_playing"] = False
                st.session_state["disp_play_ticked"] = False
                st.rerun()
            st.session_state["disp_scatter_year"] = pair_years[position]
        scatter_year = (st.select_slider(t("disparity_select_scatter_year", lang), pair_years,
                                         key="disp_scatter_year")
                        if len(pair_years) > 1 else pair_years[0])
        found = two_variables(x, y, int(scatter_year))
        if isinstance(found, Availability):
            why_not(found.reason(lang))
            return
        x_variable, y_variable = variable(x), variable(y)
        page_state["syear"] = int(scatter_year)
        chart_block("scatter", chart("scatter", lang, x, y, int(scatter_year), highlight),
                    lambda: tables.scatter_table(found, catalog, x_variable, y_variable, lang),
                    list(dict.fromkeys(x_variable.sources + y_variable.sources)),
                    int(scatter_year), lang)

    scatter_section()
    page_state["syear"] = int(st.session_state.get("disp_scatter_year", pair_years[-1]))

def cluster_block(found, lisa: str, measure: str, year: int, base: int | None) -> None:
    """The LISA map with its legend and notes, reading line, pin and downloads (PNG, SVG
    and offline HTML of the map, the values with their clusters as CSV/XLSX)."""
    shapes = load_regions("sigungu")
    view, name, publisher = lisa_view(lisa, measure, year, base, lang)
    title, unit = view.title, view.unit
    years_part = (base, year) if base else year

    def file_name(ext: str) -> str:
        return export_filename(lisa, ext, lang, "lisa", years_part, "map_sigungu")

    with st.container(key="block_lisa"):
        st.subheader(md(title))
        map_area, legend_area = wrapping_row("disp_lisa_row", (480, 220))
        with map_area, st.container(key="chart_lisa"):
            gap_map(view.regions[["style", "tooltip"]], "sigungu", [], key="disp_lisa_map",
                    height=MAP_HEIGHT)
        with legend_area:
            st.html(view.legend)
            for note in view.notes:
                st.caption(md(note))
            st.caption(md(view.source))
        reading_line("lisa", view.reading)
        pin("lisa")
        names = dict(zip(shapes["region_code"], shapes[f"name_{lang}"]))
        with st.expander(t("export_heading", lang), icon=":material/download:"):
            st.download_button(t("export_map_png", lang), data=lambda: cluster_map_png(view, lang),
                               file_name=file_name("png"), mime="image/png", key="disp_lisa_png",
                               on_click="ignore", icon=":material/download:")
            st.download_button(t("export_map_svg", lang), data=lambda: cluster_map_svg(view, lang),
                               file_name=file_name("svg"), mime="image/svg+xml",
                               key="disp_lisa_svg", on_click="ignore", icon=":material/download:")
            st.download_button(t("export_map_html", lang), data=lambda: standalone_map_html(
                build_map(choropleth_geojson(view.regions, region_geometries("sigungu"))),
                view.title, view.legend, view.source),
                file_name=file_name("html"), mime="text/html", key="disp_lisa_html",
                on_click="ignore", icon=":material/download:")
            data_downloads(lambda: tables.cluster_table(found, names, name, unit, publisher, lang),
                           store, catalog, [lisa], lang, key="disp_lisa_data", measure="lisa",
                           years=years_part, with_full_series=False)


# 5. spatial clusters at 시군구 ------------------------------------------------------------------
st.header(t("disparity_section_spatial", lang))
st.caption(t("disparity_section_spatial_help", lang))
subjects = spatial_subjects(store, catalog)
full_year = first_complete_year(store, catalog, load_regions("sigungu")["region_code"])
options = wrapping_row("disp_lisa_options", (240, 220, 140, 140))
keep_valid("disp_lisa", subjects, "population_65_plus")
lisa = options[0].selectbox(t("disparity_select_lisa", lang), subjects, key="disp_lisa",
                            format_func=lambda i: catalog.loc[i, f"name_{lang}"])
measures = list(subject_measures(lisa))
keep_valid("disp_lisa_measure", measures, measures[0])
lisa_measure = options[1].radio(t("disparity_select_lisa_measure", lang), measures,
                                key="disp_lisa_measure", horizontal=True,
                                format_func=lambda m: t(f"disparity_lisa_measure_{m}", lang))
lyears = lisa_years(store, catalog, lisa, lisa_measure)
keep_valid("disp_lisa_year", lyears, lyears[-1])
lisa_year = options[2].selectbox(t("disparity_select_lisa_year", lang), lyears,
                                 key="disp_lisa_year")
lisa_base = None
if lisa_measure == "growth":
    bases = [y for y in years_with_data(store, catalog, lisa, "sigungu") if y < lisa_year]
    keep_valid("disp_lisa_base", bases, full_year if full_year in bases else bases[0])
    lisa_base = options[3].selectbox(t("disparity_select_lisa_base", lang), bases,
                                     key="disp_lisa_base")
page_state.update(lisa=lisa, lmeasure=lisa_measure, lyear=int(lisa_year),
                  lbase=int(lisa_base) if lisa_base else None)
found = clusters(lisa, lisa_measure, int(lisa_year), lisa_base)
if isinstance(found, Availability):
    why_not(found.reason(lang))
else:
    cluster_block(found, lisa, lisa_measure, int(lisa_year), lisa_base)

# 6. depopulation areas ------------------------------------------------------------------------
st.header(t("disparity_section_depopulation", lang))
areas = load_depopulation_areas()
outside, total = outside_capital(areas)
st.caption(t("disparity_section_depopulation_help", lang).format(
    total=total, outside=outside, share=f"{100 * outside / total:.1f}%"))
population_years = years_with_data(store, catalog, "population_total", "sigungu")
depop = wrapping_row("disp_depop_options", (180, 180, 360))
keep_valid("disp_depop_year", population_years, population_years[-1])
depop_year = depop[0].selectbox(t("disparity_select_depop_year", lang), population_years,
                                key="disp_depop_year")
bases = [y for y in population_years if y < depop_year]
if bases:
    keep_valid("disp_depop_base", bases, full_year if full_year in bases else bases[0])
    depop_base = depop[1].selectbox(t("disparity_select_depop_base", lang), bases,
                                    key="disp_depop_base")
    page_state.update(dyear=int(depop_year), dbase=int(depop_base))
    table = depopulation(int(depop_year), int(depop_base))
    chart_block("depopulation", chart("depopulation", lang, int(depop_year), int(depop_base)),
                lambda: tables.depopulation_table(table, depop_year, depop_base, lang),
                ["population_total", "population_15_64", "population_65_plus"],
                (int(depop_base), int(depop_year)), lang)
else:
    why_not(t("disparity_no_base_year", lang))

# --- share and the series behind the page --------------------------------------------------------
write_page_state(schema, page_state, PAGE)
share_column, series_column = st.columns([1, 1])
with share_column:
    copy_link(PAGE, encode_state(schema, page_state), lang)
with series_column, st.expander(t("disparity_full_series", lang), icon=":material/download:"):
    shown_series = list(dict.fromkeys([*variables_used, *variable(page_state["x"]).sources,
                                       *variable(page_state["y"]).sources, page_state["lisa"],
                                       "population_total", "population_15_64",
                                       "population_65_plus"]))
    data_downloads(lambda: tables.depopulation_areas_table(load_depopulation_areas(), lang),
                   store, catalog, shown_series, lang, key="disp_series",
                   measure="depopulation_areas")
