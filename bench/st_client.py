"""A Streamlit 1.67 client that speaks the browser's protocol over the websocket, so
benchmarks measure the real server (`streamlit run`: Starlette/uvicorn), not AppTest.

How a browser session goes, and what this client does the same way:

1. ``GET /<page>`` (the HTML; the server sets the ``_streamlit_xsrf`` cookie, a reverse
   proxy may set its sticky-session cookie) — cookies are kept for the websocket.
2. Websocket ``/_stcore/stream`` with subprotocols ``streamlit, <xsrf token>`` and the
   page's Origin.
3. BackMsg ``rerun_script`` carrying a ClientState: query string, page name (the URL
   path of an ``st.navigation`` page), widget states (each widget's id and value in
   the type its element declares), the hashes of cached messages it holds, and the
   browser context.
4. ForwardMsgs until ``script_finished``: new_session, deltas (elements, blocks),
   page_info_changed (query string writes), ... Large element deltas carry a hash and
   ``metadata.cacheable``; like the browser, the client keeps those for 2 finished runs
   (``global.maxCachedMessageAge``) and sends their hashes, so the server answers with a
   ``ref_hash`` instead of the element.

Widgets are addressed by their user key (ids end in ``-<key>``) and values are chosen
among the options the element offers, so one interaction script works on every version
of a page as long as its widget keys stay.
"""

from __future__ import annotations

import asyncio
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.cookiejar import CookieJar

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED_OK = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}
MAX_CACHED_MESSAGE_AGE = 2        # runs, as the browser (global.maxCachedMessageAge)
RUN_TIMEOUT = 180                 # seconds for one script run
WIDGET_TYPES = {"slider", "selectbox", "radio", "multiselect", "checkbox", "text_input",
                "button_group", "number_input"}


@dataclass
class Run:
    """One script run as the client saw it."""
    seconds: float
    ws_bytes: int                       # websocket payload bytes received (uncompressed)
    messages: int
    elements: dict[str, int] = field(default_factory=dict)   # element type -> bytes
    exceptions: list[str] = field(default_factory=list)
    status: str = ""


@dataclass
class Widget:
    id: str
    kind: str
    proto: object

    @property
    def options(self) -> list[str]:
        return list(getattr(self.proto, "options", []))


class Session:
    """One browser tab: ``await Session.open(url, page)`` then ``await s.set(key, value)``."""

    def __init__(self, base_url: str, page: str = "", query: dict | None = None,
                 compression: bool = True):
        self.base_url = base_url.rstrip("/")
        self.page = page
        self.query = dict(query or {})
        self.compression = compression
        self.cookies = CookieJar()
        self.widgets: dict[str, Widget] = {}
        self.values: dict[str, tuple[str, object]] = {}   # widget id -> (value type, value)
        self.cache: dict[str, tuple[ForwardMsg, int]] = {}  # hash -> (msg, run it was last used)
        self.runs_finished = 0
        self.query_string = urllib.parse.urlencode(self.query)
        self.ws = None

    # --- connection ------------------------------------------------------------------
    @classmethod
    async def open(cls, base_url: str, page: str = "", query: dict | None = None,
                   compression: bool = True) -> tuple[Session, Run]:
        session = cls(base_url, page, query, compression)
        await asyncio.to_thread(session._get_html)
        await session._connect()
        return session, await session.rerun()

    def _get_html(self) -> None:
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        path = urllib.parse.quote(self.page)
        with opener.open(f"{self.base_url}/{path}", timeout=60) as response:
            response.read()

    async def _connect(self) -> None:
        parts = urllib.parse.urlsplit(self.base_url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        cookies = {c.name: c.value for c in self.cookies}
        xsrf = cookies.get("_streamlit_xsrf", "")
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}
        self.ws = await websockets.connect(
            f"{scheme}://{parts.netloc}{parts.path}/_stcore/stream",
            subprotocols=["streamlit", xsrf] if xsrf else ["streamlit"],
            origin=f"{parts.scheme}://{parts.netloc}", additional_headers=headers,
            compression="deflate" if self.compression else None,
            max_size=None, open_timeout=60, ping_interval=None)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None

    # --- running -----------------------------------------------------------------------
    def widget(self, key: str) -> Widget:
        for widget_id, widget in self.widgets.items():
            if widget_id.endswith(f"-{key}"):
                return widget
        raise KeyError(f"no widget with key {key!r} on {self.page or 'home'}; "
                       f"keys: {sorted(w.rsplit('-', 1)[-1] for w in self.widgets)}")

    def has(self, key: str) -> bool:
        return any(widget_id.endswith(f"-{key}") for widget_id in self.widgets)

    async def set(self, key: str, value) -> Run:
        """Give the widget with user key ``key`` a value (an option's text for select
        widgets, a list for multiselect/range, a bool for toggles) and rerun."""
        widget = self.widget(key)
        self.values[widget.id] = _widget_value(widget, value)
        return await self.rerun()

    async def goto(self, page: str, query: dict | None = None) -> Run:
        """Switch page in the same session, as the navigation does."""
        self.page, self.query = page, dict(query or {})
        self.query_string = urllib.parse.urlencode(self.query)
        self.values, self.widgets = {}, {}
        return await self.rerun()

    async def rerun(self) -> Run:
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query_string
        state.page_name = self.page
        for widget_id, (kind, value) in self.values.items():
            widget_state = state.widget_states.widgets.add()
            widget_state.id = widget_id
            if kind in ("string_array_value", "double_array_value"):
                getattr(widget_state, kind).data.extend(value)
            else:
                setattr(widget_state, kind, value)
        state.cached_message_hashes.extend(self.cache)
        state.context_info.timezone = "Asia/Seoul"
        state.context_info.locale = "ko-KR"
        state.context_info.url = f"{self.base_url}/{urllib.parse.quote(self.page)}"
        start = time.perf_counter()
        await self.ws.send(message.SerializeToString())
        return await self._read_run(start)

    async def _read_run(self, start: float) -> Run:
        run = Run(0.0, 0, 0)
        self.widgets = {}
        deadline = time.monotonic() + RUN_TIMEOUT
        while True:
            payload = await asyncio.wait_for(self.ws.recv(), max(deadline - time.monotonic(), 1))
            run.ws_bytes += len(payload)
            run.messages += 1
            msg = ForwardMsg()
            msg.ParseFromString(payload)
            kind = msg.WhichOneof("type")
            if kind == "ref_hash":
                msg = self._from_cache(msg.ref_hash)
                kind = msg.WhichOneof("type") if msg is not None else None
            elif msg.metadata.cacheable and msg.hash:
                self.cache[msg.hash] = (msg, self.runs_finished)
            if kind == "delta":
                self._take_delta(msg, len(payload), run)
            elif kind == "page_info_changed":
                self.query_string = msg.page_info_changed.query_string
            elif kind == "script_finished":
                status = msg.script_finished
                if status in FINISHED_OK:
                    run.seconds = time.perf_counter() - start
                    run.status = "ok"
                    self._age_cache()
                    return run
                if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    run.status = "compile error"
                    run.exceptions.append("compile error")
                    run.seconds = time.perf_counter() - start
                    return run
                # FINISHED_EARLY_FOR_RERUN: the script called st.rerun(); keep reading

    def _from_cache(self, ref: str) -> ForwardMsg | None:
        entry = self.cache.get(ref)
        if entry is None:
            return None
        self.cache[ref] = (entry[0], self.runs_finished)
        return entry[0]

    def _age_cache(self) -> None:
        self.runs_finished += 1
        self.cache = {h: (m, used) for h, (m, used) in self.cache.items()
                      if self.runs_finished - used <= MAX_CACHED_MESSAGE_AGE}

    def _take_delta(self, msg: ForwardMsg, size: int, run: Run) -> None:
        if msg.delta.WhichOneof("type") != "new_element":
            return
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        run.elements[kind] = run.elements.get(kind, 0) + size
        if kind == "exception":
            run.exceptions.append(f"{element.exception.type}: {element.exception.message}")
        elif kind in WIDGET_TYPES:
            proto = getattr(element, kind)
            if proto.id:
                self.widgets[proto.id] = Widget(proto.id, kind, proto)


def _widget_value(widget: Widget, value) -> tuple[str, object]:
    """(WidgetState field, value) the way the browser encodes a new choice."""
    kind, proto = widget.kind, widget.proto
    if kind == "checkbox":
        return "bool_value", bool(value)
    if kind in ("selectbox", "radio"):
        return "string_value", _option(widget, value)
    if kind == "multiselect":
        return "string_array_value", [_option(widget, v) for v in value]
    if kind == "slider":
        if proto.options:                       # select_slider: formatted options
            values = value if isinstance(value, list | tuple) else [value]
            return "string_array_value", [_option(widget, v) for v in values]
        values = value if isinstance(value, list | tuple) else [value]
        return "double_array_value", [float(v) for v in values]
    if kind == "text_input":
        return "string_value", str(value)
    if kind == "number_input":
        return "double_value", float(value)
    raise TypeError(f"cannot set a {kind} widget")


def _option(widget: Widget, value) -> str:
    """An option's text: ``value`` itself, or ``#i`` for the i-th option offered."""
    options = widget.options
    if isinstance(value, str) and value.startswith("#"):
        return options[int(value[1:]) % len(options)]
    text = str(value)
    if text not in options:
        raise ValueError(f"{text!r} is not offered by {widget.id}; options: {options[:20]}")
    return text
