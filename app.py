"""Home: the capital region against the rest, for every indicator the data supports."""

import streamlit as st

from analysis.gap import noncapital_shares
from analysis.overview import capital_overview, published_groups
from charts.overview_tables import (additive_table, not_comparable_table, published_table,
                                    rate_table)
from loaders import load_catalog, load_indicators
from ui.i18n import t
from ui.layout import page_setup

PLAN_COMPARISON_YEARS = [2010, 2020]  # the years the 2023 plan quotes GRDP shares for

lang = page_setup("app_title")
store, catalog = load_indicators(), load_catalog()
overview = capital_overview(store, catalog)

st.title(t("home_heading", lang))
st.write(t("home_intro", lang))

st.subheader(t("additive_heading", lang))
st.dataframe(additive_table(overview, catalog, lang), hide_index=True, width="stretch")

st.subheader(t("rate_heading", lang))
st.dataframe(rate_table(overview, catalog, lang), hide_index=True, width="stretch")

with st.expander(t("vintage_heading", lang)):
    st.write(t("vintage_note", lang))
    shares = noncapital_shares(store, catalog, "grdp_nominal", PLAN_COMPARISON_YEARS)
    st.write(f"{t('vintage_values', lang)}: "
             + ", ".join(f"{year}: {share:.1f}%" for year, share in shares.items())
             + f" ({t('source_prefix', lang)}: {catalog.loc['grdp_nominal', f'publisher_{lang}']},"
             " KOSIS DT_1C81)")

st.subheader(t("not_comparable_heading", lang))
st.dataframe(not_comparable_table(overview, catalog, lang), hide_index=True, width="stretch")

st.subheader(t("published_heading", lang))
st.dataframe(published_table(published_groups(store), catalog, lang), hide_index=True,
             width="stretch")
