"""A byte-counting TCP relay between a client (browser, websocket client) and the app:
counts what really crosses the wire, after any HTTP gzip or websocket
permessage-deflate, split into plain HTTP and websocket connections (a connection is
a websocket when its first request asks to upgrade).

    with WireCounter("127.0.0.1", 8501) as wire:   # relay on wire.url
        ...
        wire.totals()   # {"http": bytes to client, "ws": bytes to client}
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter

from server import free_port


class WireCounter:
    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.port = free_port()
        self.counts: Counter = Counter()
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def reset(self) -> None:
        with self._lock:
            self.counts.clear()

    def totals(self) -> dict[str, int]:
        with self._lock:
            return {"http": self.counts["http"], "ws": self.counts["ws"]}

    def _add(self, kind: str, size: int) -> None:
        with self._lock:
            self.counts[kind] += size

    async def _pipe(self, reader, writer, kind: list[str], downstream: bool) -> None:
        try:
            while data := await reader.read(65536):
                if downstream:
                    self._add(kind[0], len(data))
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def _handle(self, client_reader, client_writer) -> None:
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self.target)
        except OSError:
            client_writer.close()
            return
        first = await client_reader.read(65536)
        kind = ["ws" if b"upgrade: websocket" in first.lower() else "http"]
        upstream_writer.write(first)
        await asyncio.gather(
            self._pipe(client_reader, upstream_writer, kind, downstream=False),
            self._pipe(upstream_reader, client_writer, kind, downstream=True))

    async def _start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)

    def __enter__(self) -> WireCounter:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    def __exit__(self, *exc) -> None:
        async def stop():
            self._server.close()
        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
