"""Share links in a real browser: on every page a person sets a view through the widgets,
copies the page's link with its copy button, and the link opened on another machine
(a Chromium with an empty profile) shows the same view: the same widget values, the
same visible text (titles, key figures, legends, captions) and, where the page offers
it, the same visible-data CSV. The briefing's links back to its live views too.

test_browser_share_prefix.py runs these journeys again under a path prefix.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from selenium.webdriver.common.keys import Keys

from browser.streamlit_app import fresh_browser
from i18n import t

LANG = "ko"


def label(key: str, lang: str = LANG) -> str:
    return t(key, lang)


def view(app) -> dict:
    """What a person can see of the view: widget values, headings and the main text."""
    return app.settled(lambda a: {"widgets": a.widget_values(), "titles": a.titles(),
                                  "text": a.text()})


def visible_csv(app, expander: str | None, lang: str = LANG) -> bytes:
    if expander:
        app.expand(label(expander, lang))
    return app.download(label("export_visible_csv", lang)).read_bytes()


def reopen(app, server, page: str, csv_expander: str | None = "",
           lang: str = LANG) -> tuple[str, dict]:
    """Copy the page's link, open it in a fresh browser and check it shows this view.
    page: the page's path ('' for home); csv_expander: the expander holding the
    visible-data CSV (None: on the page itself, '': the page offers none)."""
    shown = view(app)
    link = app.share_link()
    prefix = urlsplit(server.url).path
    assert unquote(urlsplit(link).path) == f"{prefix}/{page}", "the page's own address"
    with fresh_browser(server.url) as other:
        other.get(link)
        assert "⚠️" not in other.text(), "the link's every parameter is valid"
        reopened = view(other)
        assert reopened == shown, f"{link} opened elsewhere shows another view"
        if csv_expander != "":
            assert visible_csv(other, csv_expander, lang) == visible_csv(app, csv_expander,
                                                                         lang)
        other.screenshot(f"share_{unquote(urlsplit(link).path).strip('/').replace('/', '_')}")
    return link, shown


def test_home_link_keeps_the_language(app, server):
    app.open("")
    app.switch_language("en")
    link, shown = reopen(app, server, "")
    assert shown["titles"][0] == t("home_heading", "en")
    assert "lang=en" in link


def test_map_link_reopens_the_view(app, server):
    app.open("지도")
    app.choose_radio(label("map_measure"), label("map_measure_share"))
    app.slider_keys(label("map_year"), Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT)
    app.choose(label("map_scheme"), label("map_scheme_natural_breaks"))
    app.slider_keys(label("map_k"), Keys.ARROW_RIGHT)
    app.add_to_multiselect(label("map_policy"), label("policy_crisis_support_center"))
    app.choose(label("map_pick_region"), "부산광역시")
    _, shown = reopen(app, server, "지도", csv_expander=None)
    widgets = shown["widgets"]
    assert widgets[f"stSlider:{label('map_year')}"] == ["2020"]
    assert widgets[f"stSlider:{label('map_k')}"] == ["6"]
    assert widgets[f"stMultiSelect:{label('map_policy')}"] == [
        label("policy_crisis_support_center")]
    assert "2020" in app.text('[data-testid="stMain"] [data-testid="stHeading"] h3')


def test_trends_link_reopens_the_view(app, server):
    app.open("추이")
    app.choose_radio(label("select_view"), label("view_regions"))
    app.choose_radio(label("select_measure"), label("measure_index"))
    app.remove_from_multiselect(label("select_regions"), "서울")
    app.remove_from_multiselect(label("select_regions"), "부산")
    app.slider_keys(label("select_years"), *[Keys.ARROW_RIGHT] * 10)
    app.toggle(label("small_multiples"))
    _, shown = reopen(app, server, "추이", csv_expander="export_heading")
    widgets = shown["widgets"]
    assert "서울" not in widgets[f"stMultiSelect:{label('select_regions')}"]
    assert widgets[f"stCheckbox:{label('small_multiples')}"] is True
    assert widgets[f"stSlider:{label('select_years')}"][0] != "1985"


def test_compare_link_reopens_the_view(app, server):
    app.open("비교")
    app.choose(label("select_year"), "2019")
    app.choose_radio(label("select_unit"), label("unit_gwonyeok"))
    app.add_to_multiselect(label("select_compare_gwonyeok"), "제주권")
    app.choose_radio(label("select_measure"), label("measure_per_capita"))
    app.choose(label("select_profile_region"), "서울")
    _, shown = reopen(app, server, "비교", csv_expander="export_heading")
    widgets = shown["widgets"]
    assert widgets[f"stSelectbox:{label('select_year')}"] == "2019"
    assert "제주권" in widgets[f"stMultiSelect:{label('select_compare_gwonyeok')}"]


def test_import_link_keeps_the_language(app, server):
    app.open("데이터")
    app.switch_language("en")
    _, shown = reopen(app, server, "데이터", lang="en")
    assert shown["titles"][0] == t("import_heading", "en")


def test_briefing_link_shares_the_deck_and_links_back_to_each_view(app, server):
    app.open("")
    home_view = view(app)
    app.press(label("briefing_pin"))               # the first scorecard panel
    app.navigate(label("trends_page_title"))
    app.choose_radio(label("select_measure"), label("measure_share"))
    trend_view = view(app)
    app.press(label("briefing_pin"))
    app.navigate(label("briefing_title"))
    app.press(label("briefing_next"))
    _, shown = reopen(app, server, "브리핑")
    assert "2 / 2" in shown["text"] and shown["titles"] == [label("briefing_title")]
    assert app.query()["slide"] == "2" and len(app.driver.current_url) > 200

    trend_link = app.link_targets(label("briefing_open_live"))
    app.press(label("briefing_prev"))
    home_link = app.link_targets(label("briefing_open_live"))
    prefix = urlsplit(server.url).path
    for links, page, original in ((trend_link, "추이", trend_view), (home_link, "", home_view)):
        assert len(links) == 1 and unquote(urlsplit(links[0]).path) == f"{prefix}/{page}"
        with fresh_browser(server.url) as other:
            other.get(links[0])
            assert view(other) == original
            other.screenshot(f"share_briefing_live_{page or 'home'}")
