"""Show text that came from a URL or a file as text: the one escaping helper.

Streamlit renders markdown in titles, captions, notices and widget labels, so a stored
name like ``[세션 만료](https://…)`` would become a link and ``![x](http://…)`` would
fetch an image. ``md`` backslash-escapes every character markdown (and Streamlit's
``:color[…]``, ``:material/…:`` and ``$math$`` extensions) gives a meaning to, folds
line breaks, and puts an invisible word joiner into ``://``, ``www.`` and ``@``, because
GitHub-flavoured markdown turns bare addresses into links after escapes are resolved; ``html`` escapes for HTML (legends, tooltips, slides). ``clip`` cuts an
echoed value to ECHO_LIMIT characters. It lives beside the catalog, below every layer,
so charts, exports and ui can all use it.
"""

from __future__ import annotations

import html as _html
import re

ECHO_LIMIT = 80
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&=\"'^%@])")
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\u2028\u2029]+")
_AUTOLINK = re.compile(r"(:(?=//)|(?<![^\W_])www(?=\.)|@)", re.IGNORECASE)
WORD_JOINER = "\u2060"


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
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def html(text, limit: int | None = None) -> str:
    """Text for an HTML context, shown literally."""
    text = str(text)
    if limit is not None:
        text = clip(text, limit)
    return _html.escape(text, quote=True)
