"""Addresses of the app's pages and the copy-link control every page shows.

A link is built from the app's base address (scheme, host and any path prefix, as the
browser sees it) plus the page's own path and query. The base cannot be taken from
``st.context.url`` as it is: Streamlit 1.67 fails to trim a percent-encoded Hangul page
path and appends the page again (``/지도/지도``), and after a page switch in the sidebar
it reports the address of the page the browser came from. Every known page path is
therefore trimmed off the end, which also keeps a prefix added by a reverse proxy.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from html import escape
from urllib.parse import quote, unquote, urlencode, urlsplit, urlunsplit

import streamlit as st

from i18n import t

# Page id → URL path, as Streamlit derives it from app.py's navigation (app_pages/1_지도.py →
# 지도; the home page is the default, at the root). tests/test_links.py checks them.
PAGE_PATHS = {"home": "", "map": "지도", "trends": "추이", "compare": "비교",
              "disparity": "격차지표", "import": "데이터", "briefing": "브리핑"}
PAGE_FILES = {"map": "app_pages/1_지도.py", "trends": "app_pages/2_추이.py",
              "compare": "app_pages/3_비교.py", "disparity": "app_pages/6_격차지표.py",
              "import": "app_pages/4_데이터.py", "briefing": "app_pages/5_브리핑.py"}

Params = Mapping[str, str | Sequence[str]]


def app_base(browser_url: str | None, prefix: str = "") -> str:
    """'http://host:port/prefix' from the address the browser reported ('' when none):
    trailing page paths are dropped, never the configured ``server.baseUrlPath``."""
    if not browser_url:
        return ""
    parts = urlsplit(browser_url)
    segments = [s for s in unquote(parts.path).split("/") if s]
    kept = len([s for s in prefix.split("/") if s])
    page_paths = {path for path in PAGE_PATHS.values() if path}
    while len(segments) > kept and segments[-1] in page_paths:
        segments.pop()
    path = quote("/" + "/".join(segments) if segments else "", safe="/")
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def view_url(base: str, page: str, params: Params) -> str:
    """The address of ``page`` with ``params`` (a list value repeats its parameter)."""
    path = quote(PAGE_PATHS[page], safe="")
    query = urlencode(params, doseq=True)
    return f"{base}/{path}" + (f"?{query}" if query else "")


def base_url() -> str:
    """This session's app base address ('' outside a browser, e.g. under AppTest)."""
    return app_base(st.context.url, st.get_option("server.baseUrlPath") or "")


def page_url(page: str, params: Params) -> str:
    return view_url(base_url(), page, params)


COPY_SCRIPT = """
(() => {
  const box = document.getElementById(%(id)s);
  if (!box) return;
  const field = box.querySelector("input"), button = box.querySelector("button");
  const label = button.querySelector(".share-link-label");
  field.addEventListener("focus", () => field.select());
  button.addEventListener("click", async () => {
    field.focus(); field.select();
    let copied = false;
    try { await navigator.clipboard.writeText(field.value); copied = true; }
    catch (error) { copied = document.execCommand("copy"); }
    label.textContent = copied ? %(copied)s : %(failed)s;
    setTimeout(() => { label.textContent = %(label)s; }, 2500);
  });
})();
"""
COPY_STYLE = """
.share-link { display: flex; flex-direction: column; gap: .3rem; font-size: .95rem; }
.share-link-row { display: flex; gap: .5rem; align-items: stretch; }
.share-link input { flex: 1; min-width: 0; font: inherit; font-size: .9rem;
  padding: .45rem .6rem; border: 1px solid rgba(49, 51, 63, .25); border-radius: .5rem;
  background: #f8f9fb; color: inherit; }
.share-link button { display: inline-flex; align-items: center; gap: .35rem; font: inherit;
  padding: .4rem .8rem; border: 1px solid rgba(49, 51, 63, .3); border-radius: .5rem;
  background: white; color: inherit; cursor: pointer; white-space: nowrap; }
.share-link button:hover { border-color: #D55E00; color: #D55E00; }
.share-link .share-link-icon { font-family: "Material Symbols Rounded"; font-size: 1.15rem;
  line-height: 1; }
.share-link small { color: rgba(49, 51, 63, .7); }
"""


def share_box_html(url: str, lang: str, key: str, heading: str = "") -> str:
    """A read-only field holding the link and a copy button (no code highlighter: it is a
    plain input). The link is escaped; the script only copies the field's value."""
    box_id = f"share-link-{key}"
    heading = heading or t("share_heading", lang)
    labels = {name: json.dumps(t(f"share_{name}", lang))
              for name in ("copy", "copied", "copy_failed")}
    script = COPY_SCRIPT % {"id": json.dumps(box_id), "label": labels["copy"],
                            "copied": labels["copied"], "failed": labels["copy_failed"]}
    return (f"<style>{COPY_STYLE}</style>"
            f'<div class="share-link" id="{box_id}" data-testid="share-link">'
            f"<strong>{escape(heading)}</strong>"
            f'<div class="share-link-row">'
            f'<input type="text" readonly value="{escape(url, quote=True)}" '
            f'aria-label="{escape(heading)}">'
            f'<button type="button"><span class="share-link-icon" aria-hidden="true">'
            f'content_copy</span><span class="share-link-label">'
            f"{escape(t('share_copy', lang))}</span></button></div>"
            f"<small>{escape(t('share_help', lang))}</small></div>"
            f"<script>{script}</script>")


def copy_link(page: str, params: Params, lang: str, heading: str = "") -> str:
    """The copy-link control for this view; returns the link. params: the page's encoded
    state (ui.url_state.encode_state), without the language, which is added here."""
    url = page_url(page, {**params, "lang": lang})
    st.html(share_box_html(url, lang, page, heading), unsafe_allow_javascript=True)
    return url
