"""Compare: chosen regions side by side in one year, all 17 ranked on one indicator, and
one region's history against the national and non-capital averages.

Widgets and layout only: numbers come from analysis.compare, charts from charts.compare.
The year's cross-sections are cached per year, so changing regions is a lookup.
"""

import streamlit as st

from analysis.compare import (RANKED_MEASURES, compare_years, gwonyeok_cross_section,
                              indicators_in_year, profile_indicators, ranked, ranked_measures,
                              region_profile, regional_cross_section)
from charts.compare import (comparison_chart, comparison_table, profile_heading, profile_panels,
                            ranked_chart)
from exports.data_export import cross_section_table
from loaders import load_catalog, load_indicators, region_table
from loaders.crosswalk import gwonyeok_names, gwonyeok_table
from ui import briefing
from ui.export_buttons import chart_downloads, data_downloads
from i18n import t
from ui.layout import (keep_valid, load_page_state, measure_radio, multiselect_chrome,
                       page_setup, view_cache, write_page_state)
from ui.page_schemas import (COMPARE_DEFAULT_GWONYEOK, COMPARE_DEFAULT_PROFILE,
                             COMPARE_DEFAULT_REGIONS, COMPARE_DEFAULT_YEAR, COMPARE_MAX,
                             COMPARE_MIN, compare_schema)
from ui.links import copy_link
from ui.responsive import grid, wrapping_columns
from ui.url_state import encode_state, seed_widgets

# One set of defaults for the page and its links (ui.page_schemas): 2021 is the latest year
# with GRDP, population, labour, establishments and SME firms.
MIN_SELECTED, MAX_SELECTED = COMPARE_MIN, COMPARE_MAX
DEFAULT_REGIONS, DEFAULT_GWONYEOK = COMPARE_DEFAULT_REGIONS, COMPARE_DEFAULT_GWONYEOK
DEFAULT_YEAR, DEFAULT_PROFILE = COMPARE_DEFAULT_YEAR, COMPARE_DEFAULT_PROFILE


@view_cache(show_spinner=False)
def years() -> list[int]:
    return compare_years(load_indicators(), load_catalog())


@view_cache(show_spinner=False)
def cross_section(year: int, by: str):
    builder = gwonyeok_cross_section if by == "gwonyeok" else regional_cross_section
    return builder(load_indicators(), load_catalog(), year)


@view_cache(show_spinner=False)
def year_indicators(year: int) -> list[str]:
    return indicators_in_year(load_indicators(), load_catalog(), year)


@view_cache(show_spinner=False)
def comparison(year: int, by: str, codes: tuple[str, ...], lang: str):
    """(display table, chart spec or None when no indicator compares with the nation)."""
    data, catalog = cross_section(year, by), load_catalog()
    table = comparison_table(data, list(codes), catalog, lang)
    if not (data["measure"] == "index").any():
        return table, None
    return table, comparison_chart(data, list(codes), by, catalog, year, lang).to_dict()


@view_cache(show_spinner=False)
def rank_options(indicator: str, year: int) -> dict:
    return ranked_measures(load_indicators(), load_catalog(), indicator, year)


@view_cache(show_spinner=False)
def ranked_spec(indicator: str, year: int, measure: str, lang: str) -> dict:
    store, catalog = load_indicators(), load_catalog()
    result = ranked(store, catalog, indicator, year, measure)
    return ranked_chart(result, catalog.loc[indicator], measure, year, lang).to_dict()


@view_cache(show_spinner=False)
def profile_specs(region: str, lang: str) -> tuple[str, list[str], list[dict]] | None:
    """Heading, notes and one spec per indicator panel (None: no statistics)."""
    store, catalog = load_indicators(), load_catalog()
    profile = region_profile(store, catalog, region, profile_indicators(catalog))
    if profile.empty:
        return None
    title, notes = profile_heading(profile, region, catalog, lang)
    return title, notes, [c.to_dict() for c in profile_panels(profile, region, catalog, lang)]


lang = page_setup("compare_page_title")
catalog = load_catalog()
regions = region_table()
region_codes = list(regions["region_code"])
names = dict(zip(regions["region_code"], regions[f"short_{lang}"]))
groups = gwonyeok_table()
names.update(gwonyeok_names(lang))

st.title(t("compare_heading", lang))
st.caption(t("compare_intro", lang))
schema = compare_schema(load_indicators(), catalog)
url_state = load_page_state(schema, "compare", lang)
seed_widgets(url_state, {"year": "compare_year", "unit": "compare_by",
                         "regions": ("compare_regions" if url_state["unit"] == "regions"
                                     else "compare_gwonyeok"),
                         "indicator": "compare_rank_indicator",
                         "ranked": "compare_rank_measure", "profile": "compare_profile_region"})

# --- chosen regions in one year ------------------------------------------------------------
st.subheader(t("compare_section_selected", lang))
controls = wrapping_columns("compare_controls", 200).columns([1, 2, 4])
year_options = years()
keep_valid("compare_year", year_options, DEFAULT_YEAR)
year = controls[0].selectbox(t("select_year", lang), year_options, key="compare_year")
by = controls[1].radio(t("select_unit", lang), ["regions", "gwonyeok"], key="compare_by",
                       horizontal=True, format_func=lambda b: t(f"unit_{b}", lang))
if by == "gwonyeok":
    keep_valid("compare_gwonyeok", list(groups["gwonyeok"]), DEFAULT_GWONYEOK)
    choices = controls[2].multiselect(
        t("select_compare_gwonyeok", lang), list(groups["gwonyeok"]),
        max_selections=MAX_SELECTED, key="compare_gwonyeok", format_func=names.get,
        **multiselect_chrome(lang))
else:
    keep_valid("compare_regions", region_codes, DEFAULT_REGIONS)
    choices = controls[2].multiselect(
        t("select_compare_regions", lang), region_codes,
        max_selections=MAX_SELECTED, key="compare_regions", format_func=names.get,
        **multiselect_chrome(lang))
if len(choices) < MIN_SELECTED:
    st.info(t("select_at_least_two", lang))
else:
    table, spec = comparison(year, by, tuple(choices), lang)
    if spec is None:
        st.info(t("compare_no_index", lang))
    else:
        st.vega_lite_chart(spec=spec, width="stretch")
    st.dataframe(table, hide_index=True, width="stretch")
    st.caption(t("compare_table_note", lang))
    shown = cross_section(year, by)
    with st.expander(t("export_heading", lang), icon=":material/download:"):
        if spec is not None:
            chart_downloads(spec, lang, key="compare", indicator=year_indicators(year),
                            measure=None, years=year, detail=by)
        data_downloads(lambda: cross_section_table(shown, choices, year, catalog, lang),
                       load_indicators(), catalog, year_indicators(year), lang,
                       key="compare_data", years=year)

# --- one indicator, all 17 ranked --------------------------------------------------------
st.subheader(t("compare_section_ranked", lang))
available = year_indicators(year)
keep_valid("compare_rank_indicator", available,
           "grdp_nominal" if "grdp_nominal" in available else available[0])
rank_controls = wrapping_columns("compare_rank_controls", 240).columns([3, 3])
indicator = rank_controls[0].selectbox(
    t("select_indicator", lang), available, key="compare_rank_indicator",
    format_func=lambda i: catalog.loc[i, f"name_{lang}"])
offered = rank_options(indicator, year)
with rank_controls[1]:
    measure = measure_radio("compare_rank_measure", RANKED_MEASURES, offered, lang)
rank_spec = ranked_spec(indicator, year, measure, lang)
st.vega_lite_chart(spec=rank_spec, width="stretch")
pin_column, rank_export_column = wrapping_columns("compare_rank_actions", 240).columns([1, 1])
with rank_export_column, st.expander(t("export_heading", lang), icon=":material/download:"):
    chart_downloads(rank_spec, lang, key="ranked", indicator=indicator, measure=measure,
                    years=year, detail="ranked")

# --- one region over time ----------------------------------------------------------------
st.subheader(t("compare_section_profile", lang))
keep_valid("compare_profile_region", region_codes, DEFAULT_PROFILE)
region = st.selectbox(t("select_profile_region", lang), region_codes,
                      key="compare_profile_region", format_func=names.get)
profile = profile_specs(region, lang)
if profile is None:
    st.info(t("profile_empty", lang))
else:
    title, notes, panels = profile
    st.markdown(f"**{title}**")
    st.caption("  \n".join(notes))
    with grid("compare_profile", 240):
        for panel in panels:
            st.vega_lite_chart(spec=panel, width="stretch")

# --- share, brief (the pinned image is made only when the button is pressed) -------------
page_state = {"year": int(year), "unit": by,
              "regions": list(choices) if len(choices) >= MIN_SELECTED else None,
              "indicator": indicator, "ranked": measure, "profile": region}
write_page_state(schema, page_state, "compare")
with pin_column:
    briefing.pin_button("compare", encode_state(schema, page_state), lang, key="ranked_pin")
st.divider()
copy_link("compare", encode_state(schema, page_state), lang)
