"""Nothing is wider than its container at 1440, 1366 and 820 px, on the home scorecard,
the trends page (one chart, and small multiples of five provinces) and the compare page;
at 820 px the scorecard reflows to fewer, readable cards and no button wraps inside a
word."""

from __future__ import annotations

import pytest

WINDOW = (1440, 1000)
FIVE = "11,41,26,29,42"
PAGES = {
    "home": ("", {}),
    "trends": ("추이", {"view": "regions", "regions": FIVE, "years": "2000-2021"}),
    "multiples": ("추이", {"view": "regions", "regions": FIVE, "multiples": "1"}),
    "compare": ("비교", {"regions": FIVE}),
}
CARDS = ".st-key-scorecard > div"


def charts_drawn(app):
    """Every Vega chart has drawn, and every chart image (the scorecard's) has loaded."""
    charts = app.charts()
    images = app.driver.execute_script(
        "return Array.from(document.querySelectorAll('img[src^=\"data:image/svg\"]'))"
        ".map(i => i.complete && i.naturalWidth > 0)")
    return ((charts or images) and all(images)
            and all(c.find_elements("css selector", "svg, canvas") for c in charts))


@pytest.mark.parametrize("width", [1440, 1366, 820])
@pytest.mark.parametrize("page", list(PAGES))
def test_nothing_overflows(app, page, width):
    app.driver.set_window_size(width, 1000)
    path, params = PAGES[page]
    app.open(path, **params)
    app.wait_for(charts_drawn, message="every chart drawn")
    assert app.overflowing() == []
    assert app.broken_words() == []
    app.screenshot(f"layout_{page}_{width}", full_page=True)


@pytest.mark.parametrize("width, per_row", [(1440, 4), (1366, 3), (820, 2)])
def test_scorecard_cards_reflow_and_stay_readable(app, width, per_row):
    app.driver.set_window_size(width, 1000)
    app.open("")
    app.wait_for(charts_drawn, message="every chart drawn")
    widths = app.widths(CARDS)
    assert len(widths) == 10 and min(widths) >= 220, widths
    tops = app.driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0]))"
        ".map(e => Math.round(e.getBoundingClientRect().top));", CARDS)
    assert tops.count(tops[0]) == per_row, tops
    assert app.broken_words() == []
