"""Page addresses: the base is recovered from whatever Streamlit reports as the browser's
address (with or without a path prefix, after any page switch), the page paths are the
ones Streamlit serves, and the copy-link control escapes what it shows."""

from __future__ import annotations

import pytest
from streamlit.source_util import page_icon_and_name

from conftest import ROOT
from ui.links import PAGE_FILES, PAGE_PATHS, app_base, share_box_html, view_url

MAP = "%EC%A7%80%EB%8F%84"   # 지도


# What st.context.url says in Streamlit 1.67 (tests/browser shows the same in Chromium):
# a percent-encoded page path is not trimmed and the page is appended again; after a
# sidebar switch it names the page the browser came from.
@pytest.mark.parametrize("reported, prefix, base", [
    (f"http://127.0.0.1:8501/{MAP}/지도", "", "http://127.0.0.1:8501"),
    ("http://127.0.0.1:8501", "", "http://127.0.0.1:8501"),
    (f"http://127.0.0.1:8501/{MAP}", "", "http://127.0.0.1:8501"),
    (f"http://h:8501/dash/{MAP}/지도", "dash", "http://h:8501/dash"),
    ("http://h:8501/dash", "/dash/", "http://h:8501/dash"),
    ("http://h/apps/dash/추이", "", "http://h/apps/dash"),      # a proxy's own prefix
    ("http://h/지도/지도", "지도", f"http://h/{MAP}"),             # a prefix named like a page
    (None, "", ""),
])
def test_the_base_address_drops_page_paths_but_keeps_the_prefix(reported, prefix, base):
    assert app_base(reported, prefix) == base


def test_view_urls_encode_the_page_and_repeat_list_parameters():
    assert view_url("http://h/dash", "map", {"year": "2020", "lang": "ko"}) == \
        f"http://h/dash/{MAP}?year=2020&lang=ko"
    assert view_url("http://h", "home", {}) == "http://h/"
    assert view_url("http://h", "briefing", {"pin": ["map?year=2020", "home?panel=grdp"]}) \
        == "http://h/%EB%B8%8C%EB%A6%AC%ED%95%91?pin=map%3Fyear%3D2020&pin=home%3Fpanel%3Dgrdp"


def test_page_paths_are_the_ones_streamlit_serves():
    """st.Page infers a page's URL path from its file name (page_icon_and_name), and
    app.py's navigation lists these files with the home page as the default."""
    navigation = (ROOT / "app.py").read_text()
    for page, path in PAGE_FILES.items():
        assert page_icon_and_name(ROOT / path)[1] == PAGE_PATHS[page]
        assert f'"{path}"' in navigation
    assert PAGE_PATHS["home"] == "" and set(PAGE_FILES) | {"home"} == set(PAGE_PATHS)


def test_the_copy_control_escapes_the_link_and_names_its_button():
    html = share_box_html('http://h/?a="><script>alert(1)</script>', "en", "map")
    assert '"><script>alert' not in html and "&quot;&gt;&lt;script&gt;" in html
    assert "Copy link" in html and 'id="share-link-map"' in html
    assert "<code" not in html and "<pre" not in html      # no code block, no highlighter
