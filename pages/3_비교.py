"""Compare: chosen regions side by side in one year, all 17 ranked on one indicator, and
one region's history against the national and non-capital averages.

Widgets and layout only: numbers come from analysis.compare, charts from charts.compare.
The year's cross-sections are cached per year, so changing regions is a lookup.
"""

import streamlit as st

from analysis.compare import (RANKED_MEASURES, compare_years, gwonyeok_cross_section,
                              indicators_in_year, profile_indicators, ranked, ranked_measures,
                              region_profile, regional_cross_section)
from analysis.trends import gwonyeok_table
from charts.compare import comparison_chart, comparison_table, profile_chart, ranked_chart
from loaders import load_catalog, load_indicators, region_table
from ui.i18n import t
from ui.layout import page_setup

MIN_SELECTED, MAX_SELECTED = 2, 5
DEFAULT_REGIONS = ["11", "41", "26"]
DEFAULT_GWONYEOK = ["수도권", "충청권", "동남권"]
DEFAULT_YEAR = 2021  # the latest year with GRDP, population, labour, establishments and SME firms


@st.cache_data(show_spinner=False)
def years() -> list[int]:
    return compare_years(load_indicators(), load_catalog())


@st.cache_data(show_spinner=False)
def cross_section(year: int, by: str):
    builder = gwonyeok_cross_section if by == "gwonyeok" else regional_cross_section
    return builder(load_indicators(), load_catalog(), year)


@st.cache_data(show_spinner=False)
def year_indicators(year: int) -> list[str]:
    return indicators_in_year(load_indicators(), load_catalog(), year)


@st.cache_data(show_spinner=False)
def comparison(year: int, by: str, codes: tuple[str, ...], lang: str):
    """(display table, chart spec or None when no indicator compares with the nation)."""
    data, catalog = cross_section(year, by), load_catalog()
    table = comparison_table(data, list(codes), catalog, lang)
    if not (data["measure"] == "index").any():
        return table, None
    return table, comparison_chart(data, list(codes), by, catalog, year, lang).to_dict()


@st.cache_data(show_spinner=False)
def rank_options(indicator: str, year: int) -> dict:
    return ranked_measures(load_indicators(), load_catalog(), indicator, year)


@st.cache_data(show_spinner=False)
def ranked_spec(indicator: str, year: int, measure: str, lang: str) -> dict:
    store, catalog = load_indicators(), load_catalog()
    result = ranked(store, catalog, indicator, year, measure)
    return ranked_chart(result, catalog.loc[indicator], measure, year, lang).to_dict()


@st.cache_data(show_spinner=False)
def profile_spec(region: str, lang: str) -> dict | None:
    store, catalog = load_indicators(), load_catalog()
    profile = region_profile(store, catalog, region, profile_indicators(catalog))
    return None if profile.empty else profile_chart(profile, region, catalog, lang).to_dict()


def keep_valid(key: str, options: list, default) -> None:
    """Reset a widget whose remembered value is no longer an option."""
    if st.session_state.get(key) not in options:
        st.session_state[key] = default


lang = page_setup("compare_page_title")
catalog = load_catalog()
regions = region_table()
region_codes = list(regions["region_code"])
names = dict(zip(regions["region_code"], regions[f"short_{lang}"]))
groups = gwonyeok_table()
names.update(zip(groups["gwonyeok"], groups["name_en"] if lang == "en" else groups["gwonyeok"]))

st.title(t("compare_heading", lang))
st.caption(t("compare_intro", lang))

# --- chosen regions in one year ------------------------------------------------------------
st.subheader(t("compare_section_selected", lang))
controls = st.columns([1, 2, 4])
year_options = years()
keep_valid("compare_year", year_options, DEFAULT_YEAR)
year = controls[0].selectbox(t("select_year", lang), year_options, key="compare_year")
by = controls[1].radio(t("select_unit", lang), ["regions", "gwonyeok"], key="compare_by",
                       horizontal=True, format_func=lambda b: t(f"unit_{b}", lang))
if by == "gwonyeok":
    choices = controls[2].multiselect(
        t("select_compare_gwonyeok", lang), list(groups["gwonyeok"]), default=DEFAULT_GWONYEOK,
        max_selections=MAX_SELECTED, key="compare_gwonyeok", format_func=names.get)
else:
    choices = controls[2].multiselect(
        t("select_compare_regions", lang), region_codes, default=DEFAULT_REGIONS,
        max_selections=MAX_SELECTED, key="compare_regions", format_func=names.get)
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

# --- one indicator, all 17 ranked --------------------------------------------------------
st.subheader(t("compare_section_ranked", lang))
available = year_indicators(year)
keep_valid("compare_rank_indicator", available,
           "grdp_nominal" if "grdp_nominal" in available else available[0])
rank_controls = st.columns([3, 3])
indicator = rank_controls[0].selectbox(
    t("select_indicator", lang), available, key="compare_rank_indicator",
    format_func=lambda i: catalog.loc[i, f"name_{lang}"])
offered = rank_options(indicator, year)
measures = [m for m in RANKED_MEASURES if offered[m].available]
keep_valid("compare_rank_measure", measures, measures[0])
with rank_controls[1]:
    measure = st.radio(t("select_measure", lang), measures, key="compare_rank_measure",
                       horizontal=True, format_func=lambda m: t(f"measure_{m}", lang))
    refused = [f"{t(f'measure_{m}', lang)}: {a.reason_en if lang == 'en' else a.reason_ko}"
               for m, a in offered.items() if not a.available]
    if refused:
        st.caption(t("measures_unavailable", lang) + " · ".join(refused))
st.vega_lite_chart(spec=ranked_spec(indicator, year, measure, lang), width="stretch")

# --- one region over time ----------------------------------------------------------------
st.subheader(t("compare_section_profile", lang))
keep_valid("compare_profile_region", region_codes, "26")
region = st.selectbox(t("select_profile_region", lang), region_codes,
                      key="compare_profile_region", format_func=names.get)
spec = profile_spec(region, lang)
if spec is None:
    st.info(t("profile_empty", lang))
else:
    st.vega_lite_chart(spec=spec, width="stretch")
