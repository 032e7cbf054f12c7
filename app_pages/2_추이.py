"""Trends: how the gap between 수도권 and the rest moved, for any bundled indicator.

Widgets and layout only: series come from analysis.trends, charts from charts.trends.
Results are cached per selector combination, so a rerun after a change is a lookup.
"""

import streamlit as st

from analysis.availability import Availability
from analysis.trends import (TREND_MEASURES, VIEWS, index_base_years, trend,
                             trend_availability, within)
from charts.sources import source_caption
from charts.trends import chart_data, panel_charts, trend_chart, trend_heading
from exports.data_export import trend_table
from loaders import load_catalog, load_indicators, region_table
from loaders.catalog import by_theme, themed_name
from ui import briefing
from ui.export_buttons import chart_downloads, data_downloads
from i18n import t
from i18n.safe_text import md
from ui.layout import (keep_valid, load_page_state, measure_radio, multiselect_chrome,
                       page_setup, view_cache, write_page_state)
from ui.page_schemas import trends_schema
from ui.links import copy_link
from ui.responsive import grid, wrapping_columns
from ui.url_state import encode_state, seed_widgets


@view_cache(show_spinner=False)
def availability(indicator: str, view: str) -> dict[str, Availability]:
    return trend_availability(load_indicators(), load_catalog(), indicator, view)


@view_cache(show_spinner=False)
def cached_trend(indicator: str, measure: str, view: str, base_year: int | None,
                 regions: tuple[str, ...] | None):
    return trend(load_indicators(), load_catalog(), indicator, measure, view, base_year, regions)


@view_cache(show_spinner=False)
def chart_spec(indicator: str, measure: str, view: str, base_year: int | None,
               regions: tuple[str, ...] | None, years: tuple[int, int], small_multiples: bool,
               shared_y: bool, lang: str) -> dict:
    """The Vega-Lite spec (shown, exported and pinned), built and validated once per
    combination."""
    shown = within(cached_trend(indicator, measure, view, base_year, regions), years)
    return trend_chart(shown, load_catalog().loc[indicator], lang, small_multiples,
                       shared_y).to_dict()


@view_cache(show_spinner=False)
def panel_specs(indicator: str, measure: str, view: str, base_year: int | None,
                regions: tuple[str, ...] | None, years: tuple[int, int], shared_y: bool,
                lang: str) -> tuple[str, list[str], list[dict]]:
    """Small multiples for the screen: heading, notes and one spec per panel (a grid of
    panels reflows to the page width; the exported facet does not need to)."""
    shown = within(cached_trend(indicator, measure, view, base_year, regions), years)
    entry = load_catalog().loc[indicator]
    title, notes = trend_heading(shown, entry, lang)
    return title, notes, [chart.to_dict() for chart in panel_charts(shown, entry, lang,
                                                                     shared_y)]


@view_cache(show_spinner=False)
def data_table(indicator: str, measure: str, view: str, base_year: int | None,
               regions: tuple[str, ...] | None, years: tuple[int, int], lang: str):
    shown = within(cached_trend(indicator, measure, view, base_year, regions), years)
    data = chart_data(shown, load_catalog().loc[indicator], lang).dropna(subset=["value"])
    return data[["label", "year", "value_text", "published_text", "source"]].rename(columns={
        "label": t(f"legend_{view}", lang), "year": t("axis_year", lang),
        "value_text": t("tooltip_value", lang), "published_text": t("tooltip_as_published", lang),
        "source": t("source_prefix", lang)})


lang = page_setup("trends_page_title")
catalog = load_catalog()
regions = region_table()
short_names = dict(zip(regions["region_code"], regions[f"short_{lang}"]))

st.title(t("trends_heading", lang))
st.caption(t("trends_intro", lang))
schema = trends_schema(load_indicators(), catalog)
url_state = load_page_state(schema, "trends", lang)
seed_widgets(url_state, {"indicator": "trend_indicator", "view": "trend_view",
                         "measure": "trend_measure", "regions": "trend_regions",
                         "years": "trend_years", "base": "trend_base_year",
                         "multiples": "trend_small_multiples", "shared_y": "trend_shared_y"})

indicators = by_theme(catalog)
keep_valid("trend_indicator", indicators, "grdp_nominal")
controls = wrapping_columns("trend_controls", 220)
top = controls.columns([3, 2, 3])
indicator = top[0].selectbox(
    t("select_indicator", lang), indicators, key="trend_indicator",
    format_func=lambda i: themed_name(catalog, i, lang))
keep_valid("trend_view", list(VIEWS), "groups")
view = top[1].radio(t("select_view", lang), VIEWS, key="trend_view", horizontal=True,
                    format_func=lambda v: t(f"view_{v}", lang))
offered = availability(indicator, view)
with top[2]:
    measure = measure_radio("trend_measure", TREND_MEASURES, offered, lang)

if measure is None:
    st.info(t("no_measure_in_view", lang))
    page_state = {"indicator": indicator, "view": view}   # the rest does not apply here
    write_page_state(schema, page_state, "trends")
    copy_link("trends", encode_state(schema, page_state), lang)
else:
    chosen_regions = None
    if view == "regions":   # a row of its own, so that every chosen tag stays visible
        codes = list(regions["region_code"])
        keep_valid("trend_regions", codes, codes)
        with controls:
            chosen_regions = tuple(st.multiselect(
                t("select_regions", lang), codes, key="trend_regions",
                format_func=lambda c: short_names[c], **multiselect_chrome(lang)))
            if not chosen_regions:
                st.caption(t("no_regions_selected", lang))
                chosen_regions = tuple(codes)
    options = controls.columns([2, 2, 2])
    base_year = None
    if measure == "index":
        level = cached_trend(indicator, "level", view, None, chosen_regions)
        years = index_base_years(level.frame)
        keep_valid("trend_base_year", years, years[0])
        base_year = options[0].selectbox(t("select_base_year", lang), years,
                                         key="trend_base_year")
    small_multiples = options[1].toggle(t("small_multiples", lang), key="trend_small_multiples")
    shared_y = options[2].radio(
        t("y_axis", lang), [True, False], key="trend_shared_y", horizontal=True,
        disabled=not small_multiples,
        format_func=lambda shared: t("y_shared" if shared else "y_independent", lang))

    series = cached_trend(indicator, measure, view, base_year, chosen_regions)
    first, last = int(series.frame["year"].min()), int(series.frame["year"].max())
    chart_area = st.container()
    if first < last:
        remembered = st.session_state.get("trend_years")
        if not (remembered and first <= remembered[0] <= remembered[1] <= last):
            st.session_state["trend_years"] = (first, last)
        span = st.slider(t("select_years", lang), first, last, key="trend_years")
    else:
        span = (first, last)
    spec = chart_spec(indicator, measure, view, base_year, chosen_regions, tuple(span),
                      small_multiples, shared_y, lang)
    with chart_area:
        if small_multiples:
            title, notes, panels = panel_specs(indicator, measure, view, base_year,
                                               chosen_regions, tuple(span), shared_y, lang)
            st.markdown(f"**{title}**")
            st.caption("  \n".join(notes))
            with grid("trend_panels", 240):
                for panel in panels:
                    st.vega_lite_chart(spec=panel, width="stretch")
        else:
            st.vega_lite_chart(spec=spec, width="stretch")
    entry = catalog.loc[indicator]
    unit = series.unit_en if lang == "en" else series.unit_ko
    st.caption(md(f"{entry[f'definition_{lang}']} · {source_caption(entry, lang, unit)}"))
    with st.expander(t("show_table", lang)):
        st.dataframe(data_table(indicator, measure, view, base_year, chosen_regions,
                                tuple(span), lang), hide_index=True, width="stretch")

    # --- share, export, brief (files and images are made only when a button is pressed) --
    page_state = {"indicator": indicator, "view": view, "measure": measure,
                  "regions": list(chosen_regions) if chosen_regions else None,
                  "years": tuple(span), "base": base_year,
                  "multiples": small_multiples, "shared_y": shared_y}
    write_page_state(schema, page_state, "trends")
    shown = within(series, tuple(span))
    share_column, export_column = wrapping_columns("trend_actions", 280).columns([1, 1])
    with share_column:
        copy_link("trends", encode_state(schema, page_state), lang)
        briefing.pin_button("trends", encode_state(schema, page_state), lang, key="trend_pin")
    with export_column, st.expander(t("export_heading", lang), icon=":material/download:"):
        chart_downloads(spec, lang, key="trend", indicator=indicator, measure=measure,
                        years=tuple(span), detail=view)
        data_downloads(lambda: trend_table(shown, entry, lang), load_indicators(), catalog,
                       [indicator], lang, key="trend_data", measure=measure,
                       years=tuple(span))
