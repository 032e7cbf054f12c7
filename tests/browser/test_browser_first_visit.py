"""A server's first visitor may arrive through a shared link to any page. Streamlit
decides on the first run of a process whether the app is an old-style `pages/` folder
app; a first visit straight to the map used to switch the whole process to that mode
(the navigation then showed file names, without titles or icons, for everyone)."""

from i18n import t

NAVIGATION = ["nav_home", "map_page_title", "trends_page_title", "compare_page_title",
              "disparity_page_title", "import_title", "briefing_title"]


def test_the_first_visit_of_a_fresh_server_through_a_map_link_keeps_the_navigation(app):
    app.open("지도", indicator="population_total")           # this module's fresh server
    assert app.navigation() == [t(key, "ko") for key in NAVIGATION]
    icons = app.find('[data-testid="stSidebarNav"] a [data-testid="stIconMaterial"]')
    assert len(icons) == len(NAVIGATION)
    app.open("추이", lang="en")                               # and for the next visitor
    assert app.navigation() == [t(key, "en") for key in NAVIGATION]
    app.screenshot("first_visit_navigation")
