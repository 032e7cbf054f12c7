"""Every page opens in a real browser, in both languages, with no exception, and asks
nothing of any host but the app (the module's autouse check)."""

import pytest

PAGES = {"": "home", "지도": "map", "추이": "trends", "비교": "compare", "격차지표": "disparity",
         "데이터": "import", "브리핑": "briefing"}


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("page", list(PAGES))
def test_page_opens(app, page, lang):
    app.open(page, lang=lang)
    assert app.titles(), "every page states what it shows"
    app.screenshot(f"pages_{PAGES[page]}_{lang}")
