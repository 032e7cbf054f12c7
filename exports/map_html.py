"""The folium map as one standalone HTML file that works with no network.

The app serves Leaflet from ``static/`` (``/app/static/...`` URLs), which a saved file
cannot reach: every script and stylesheet is inlined here, and the images a stylesheet
points at become data URIs. An asset that is neither under ``static/`` nor found there
by file name raises OfflineAssetError instead of leaving a CDN address in the file.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from pathlib import Path

import folium

from charts.theme import FONT_FAMILY
from i18n.safe_text import html as escape

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
STATIC_PREFIXES = ("/app/static/", "app/static/", "static/")
SCRIPT_TAG = re.compile(r'<script\b[^>]*\bsrc="([^"]+)"[^>]*>\s*</script>', re.I)
LINK_TAG = re.compile(r'<link\b[^>]*\bhref="([^"]+)"[^>]*>', re.I)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
PANEL_STYLE = (f"position:absolute;z-index:1000;background:rgba(255,255,255,0.94);"
               f"padding:8px 10px;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3);"
               f"font-family:{FONT_FAMILY};")


class OfflineAssetError(ValueError):
    """A map asset that cannot be bundled: the file would need the network."""


def resolve_asset(url: str, static_dir: Path = STATIC_DIR) -> Path:
    """The local file for an asset URL: a path under static/, or a file with the same
    name anywhere under static/ (a CDN address of a library the app also ships)."""
    for prefix in STATIC_PREFIXES:
        if url.startswith(prefix):
            path = static_dir / url[len(prefix):]
            if path.is_file():
                return path
    name = url.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    matches = sorted(static_dir.rglob(name)) if name else []
    if matches:
        return matches[0]
    raise OfflineAssetError(f"map asset not available offline: {url}")


def _data_uri(path: Path) -> str:
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _inline_css(path: Path) -> str:
    """The stylesheet with relative url(...) images embedded (VML behaviours and data URIs
    are left alone)."""
    def embed(match: re.Match) -> str:
        target = match.group(1)
        if target.startswith(("data:", "#")):
            return match.group(0)
        local = (path.parent / target).resolve()
        if not local.is_file():
            raise OfflineAssetError(f"{path.name} refers to a missing file: {target}")
        return f"url({_data_uri(local)})"
    return CSS_URL.sub(embed, path.read_text(encoding="utf-8"))


def inline_assets(html: str, static_dir: Path = STATIC_DIR) -> str:
    """Replace every external <script src> and stylesheet <link> by the file's content.
    (A '</script' inside a library would end the tag early: it is escaped as '<\\/script'.)"""
    def script(match: re.Match) -> str:
        code = resolve_asset(match.group(1), static_dir).read_text(encoding="utf-8")
        return "<script>" + code.replace("</script", "<\\/script") + "</script>"

    def link(match: re.Match) -> str:
        tag = match.group(0)
        if not re.search(r'rel="?stylesheet', tag, re.I):
            return tag
        return "<style>" + _inline_css(resolve_asset(match.group(1), static_dir)) + "</style>"

    return LINK_TAG.sub(link, SCRIPT_TAG.sub(script, html))


def standalone_map_html(fmap: folium.Map, title: str, legend_html: str, source_line: str,
                        static_dir: Path = STATIC_DIR) -> str:
    """The map with its title, legend (the page's own HTML legend, already escaped) and
    source line drawn over it, every asset inlined."""
    html = fmap.get_root().render()
    overlay = (f'<div style="{PANEL_STYLE}top:10px;left:50px;font-size:16px;font-weight:600">'
               f"{escape(title)}</div>"
               f'<div style="{PANEL_STYLE}bottom:24px;right:10px">{legend_html}</div>'
               f'<div style="{PANEL_STYLE}bottom:40px;left:10px;font-size:12px;color:#444">'
               f"{escape(source_line)}</div>")
    html = html.replace("</body>", overlay + "</body>", 1)
    html = re.sub(r"<head>", f"<head><title>{escape(title)}</title>", html, count=1)
    return inline_assets(html, static_dir)
