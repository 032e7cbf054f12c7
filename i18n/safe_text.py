"""Show text that came from a URL or a file as text: the one escaping helper.

Streamlit renders markdown in titles, captions, notices and widget labels, so a stored
name like ``[세션 만료](https://…)`` would become a link and ``![x](http://…)`` would
fetch an image. ``md`` backslash-escapes what gives text a meaning in markdown and in
Streamlit's extensions (links and images ``[ ]``, emphasis ``* _ ~``, code, math ``$``,
tables ``|``, ``:color[…]``, ``:emoji:`` and ``:material/…:``, autolinks ``<scheme:…>``,
a heading, quote or list marker at the start), folds line breaks, and puts an invisible
word joiner into ``://``, ``www.`` and ``@``, because GitHub-flavoured markdown turns
bare addresses into links after escapes are resolved. Everything else (parentheses,
full stops, ``=``) stays as it is, so ordinary names read the same in the source.
``html`` escapes for HTML (legends, tooltips, slides). ``clip`` cuts an echoed value to
ECHO_LIMIT characters. It lives beside the catalog, below every layer, so charts,
exports and ui can all use it.
"""

from __future__ import annotations

import html as _html
import re

ECHO_LIMIT = 80
WORD_JOINER = "\u2060"
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\u2028\u2029]+")
_AUTOLINK = re.compile(r"(:(?=//)|(?<![^\W_])www(?=\.)|@)", re.IGNORECASE)
_SPECIAL = re.compile(
    r"[\\`*\[\]~$|]"                       # anywhere
    r"|<(?=[A-Za-z][A-Za-z0-9+.\-]{1,31}:)"   # <scheme:…> autolink
    r"|:(?=[A-Za-z/])"                       # :red[…], :smile:, :material/…:
    r"|(?<![^\W_])_|_(?![^\W_])")            # _emphasis_ (not snake_case or DT_1C81)
_BLOCK_START = re.compile(r"^(\s*)([#>+\-]|\d+(?=[.)]))")  # heading, quote, list item


def clip(text, limit: int = ECHO_LIMIT) -> str:
    """The text, cut to ``limit`` characters with an ellipsis when it is longer."""
    text = str(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def md(text, limit: int | None = None) -> str:
    """Text for a markdown context (st.markdown, caption, title, labels) shown literally."""
    text = _LINE_BREAKS.sub(" ", str(text))
    if limit is not None:
        text = clip(text, limit)
    text = _AUTOLINK.sub(lambda match: match.group() + WORD_JOINER, text)
    text = _SPECIAL.sub(lambda match: "\\" + match.group(), text)
    return _BLOCK_START.sub(_block_start, text)


def _block_start(match: re.Match) -> str:
    space, marker = match.groups()
    if marker.isdigit():  # '1. ' or '1) ': the punctuation after the number makes the list
        return space + marker + "\\"
    return space + "\\" + marker


def html(text, limit: int | None = None) -> str:
    """Text for an HTML context, shown literally."""
    text = str(text)
    if limit is not None:
        text = clip(text, limit)
    return _html.escape(text, quote=True)
