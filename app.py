"""Entry point: the navigation, titled in the chosen language, and the home page — the
plan's gap scorecard, then the capital region against the rest for every indicator the
data supports."""

import pandas as pd
import streamlit as st

from analysis.depopulation import outside_capital
from analysis.gap import noncapital_shares
from analysis.overview import capital_overview, published_groups
from analysis.scorecard import STATUS_COMPUTED, STATUS_UNAVAILABLE, Panel, scorecard
from charts.overview_tables import (additive_table, not_comparable_table, published_table,
                                    rate_table)
from charts.html_table import table_html
from charts.scorecard import fill_source, latest_text, panel_chart, panel_name
from charts.sources import publisher_line
from exports.filenames import export_filename
from exports.inline_svg import chart_image_html
from exports.scorecard_sheet import scorecard_sheet_png
from loaders import load_catalog, load_depopulation_areas, load_indicators
from ui import briefing
from i18n import counted, t
from ui.layout import PAGE_ICON, current_language, page_setup, view_cache
from ui.links import copy_link
from ui.responsive import grid

PLAN_COMPARISON_YEARS = [2010, 2020]  # the years the 2023 plan quotes GRDP shares for
SCORECARD_CARD_WIDTH = 220  # px: four cards on a 1440 px screen, two at 820 px
PANEL_IMAGE_WIDTH = 220     # px a panel is drawn at (a card at 1440 px); it scales with its card
# Every scorecard panel the bundled data cannot fill links to the data-import page
# (None: say the import is planned instead).
IMPORT_PAGE: str | None = "app_pages/4_데이터.py"


@view_cache(show_spinner=False)
def scorecard_panels() -> list[Panel]:
    return scorecard(load_indicators(), load_catalog())


@view_cache(show_spinner=False)
def panel_image(key: str, lang: str) -> str:
    """The panel's chart as an image, drawn once per language and data version
    (exports.inline_svg: static charts keep the home page's first render short; the
    trends page shows the same series interactive)."""
    panel = next(p for p in scorecard_panels() if p.spec.key == key)
    return chart_image_html(panel_chart(panel, lang).to_dict(), lang, PANEL_IMAGE_WIDTH,
                            panel_name(panel, lang))


def import_offer(lang: str) -> None:
    """Where a user can load the missing series: the import page, in the same language."""
    if IMPORT_PAGE:
        st.page_link(IMPORT_PAGE, label=t("scorecard_import_link", lang),
                     icon=":material/upload:", query_params={"lang": lang})
    else:
        st.caption(t("scorecard_import_planned", lang))


def show_panel(panel: Panel, catalog, lang: str) -> None:
    """One scorecard card: the chart and its latest values, or why there is none."""
    with st.container(border=True):
        if panel.status == STATUS_UNAVAILABLE:
            st.markdown(f"**{panel_name(panel, lang)}**")
            st.warning(t("scorecard_unavailable", lang))
        else:
            st.html(panel_image(panel.spec.key, lang))
            st.caption(latest_text(panel, lang))
            briefing.pin_button("home", {"panel": panel.spec.key}, lang,
                                key=f"scorecard_pin_{panel.spec.key}")
        if panel.status != STATUS_COMPUTED:
            st.caption(t("scorecard_fill_source", lang).format(source=fill_source(panel, lang)))
            if panel.status == STATUS_UNAVAILABLE and panel.fragments:
                items = ", ".join(
                    counted("scorecard_fragment", count, lang,
                            name=catalog.loc[indicator, f"name_{lang}"], year=year)
                    for indicator, year, count in panel.fragments)
                st.caption(t("scorecard_fragments", lang).format(items=items))
            import_offer(lang)


@view_cache(show_spinner=False)
def overview_tables(lang: str) -> dict[str, pd.DataFrame]:
    """The capital-vs-rest tables for every indicator (computed once per data version)."""
    store, catalog = load_indicators(), load_catalog()
    overview = capital_overview(store, catalog)
    return {"additive": additive_table(overview, catalog, lang),
            "rate": rate_table(overview, catalog, lang),
            "not_comparable": not_comparable_table(overview, catalog, lang),
            "published": published_table(published_groups(store), catalog, lang)}


@view_cache(show_spinner=False)
def plan_year_shares() -> dict[int, float]:
    """비수도권 share of nominal GRDP in the years the plan quotes, from the bundled series."""
    return noncapital_shares(load_indicators(), load_catalog(), "grdp_nominal",
                             PLAN_COMPARISON_YEARS)


def home() -> None:
    """The home page (the navigation's default)."""
    lang = page_setup("app_title")
    catalog = load_catalog()
    tables = overview_tables(lang)

    st.title(t("home_heading", lang))
    st.write(t("home_intro", lang))
    outside, total = outside_capital(load_depopulation_areas())
    st.markdown(t("home_depopulation", lang).format(
        total=total, outside=outside, share=f"{100 * outside / total:.1f}%"))

    st.subheader(t("scorecard_heading", lang))
    st.caption(t("scorecard_intro", lang))
    panels = scorecard_panels()
    with grid("scorecard", SCORECARD_CARD_WIDTH):   # as many cards per row as fit
        for panel in panels:
            show_panel(panel, catalog, lang)
    st.download_button(t("briefing_scorecard", lang),
                       data=lambda: scorecard_sheet_png(panels, lang),
                       file_name=export_filename("gap_scorecard", "png", lang), mime="image/png",
                       key="scorecard_png", on_click="ignore", icon=":material/download:")

    st.subheader(t("additive_heading", lang))
    st.html(table_html(tables["additive"]))

    st.subheader(t("rate_heading", lang))
    st.html(table_html(tables["rate"]))

    with st.expander(t("vintage_heading", lang)):
        st.write(t("vintage_note", lang))
        shares = plan_year_shares()
        st.write(f"{t('vintage_values', lang)}: "
                 + ", ".join(f"{year}: {share:.1f}%" for year, share in shares.items())
                 + f" ({t('source_prefix', lang)}: "
                 f"{publisher_line(catalog.loc['grdp_nominal'], lang)})")

    st.subheader(t("not_comparable_heading", lang))
    st.html(table_html(tables["not_comparable"]))

    st.subheader(t("published_heading", lang))
    st.html(table_html(tables["published"]))
    st.divider()
    copy_link("home", {}, lang)


NAVIGATION = [  # (page, title key, icon)
    (home, "nav_home", ":material/home:"),
    ("app_pages/1_지도.py", "map_page_title", ":material/map:"),
    ("app_pages/2_추이.py", "trends_page_title", ":material/show_chart:"),
    ("app_pages/3_비교.py", "compare_page_title", ":material/bar_chart:"),
    ("app_pages/6_격차지표.py", "disparity_page_title", ":material/insights:"),
    ("app_pages/4_데이터.py", "import_title", ":material/upload_file:"),
    ("app_pages/5_브리핑.py", "briefing_title", ":material/slideshow:"),
]

nav_lang = current_language()
st.set_page_config(page_icon=PAGE_ICON)  # before the navigation, whose icons are :material:
st.navigation([st.Page(page, title=t(key, nav_lang), icon=icon, default=page is home)
               for page, key, icon in NAVIGATION]).run()
