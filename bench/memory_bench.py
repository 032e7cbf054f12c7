"""Server memory (resident set, /proc) as sessions come and go.

Stages: just started; after one session visited every page; after a wave of N sessions
(each opens the map and changes the year a few times, then leaves) once the server has
let go of them; after a second wave. Sessions that leave are kept by Streamlit for
``server.disconnectedSessionTTL`` seconds, so each wave is measured after that.

    .venv/bin/python bench/memory_bench.py [--checkout PATH] [--sessions 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scenarios import PAGES  # noqa: E402
from server import AppServer, load_average, rss_mb  # noqa: E402
from st_client import Session  # noqa: E402

SESSION_TTL = 5   # seconds a left session is kept (set on the server for this bench)


async def every_page(url: str) -> None:
    session, _ = await Session.open(url, PAGES["home"])
    try:
        for page in list(PAGES.values())[1:]:
            await session.goto(page)
    finally:
        await session.close()


async def visitor(url: str, number: int) -> None:
    session, _ = await Session.open(url, PAGES["map"])
    try:
        for step in range(3):
            await session.set("map_year", f"#-{2 + (number + step) % 12}")
    finally:
        await session.close()


async def wave(url: str, sessions: int) -> None:
    await asyncio.gather(*(visitor(url, n) for n in range(sessions)))


def settle(pid: int) -> float:
    time.sleep(SESSION_TTL + 5)
    return round(rss_mb(pid))


def bench(checkout: Path, sessions: int = 20, flags: tuple[str, ...] = ()) -> dict:
    before = load_average()
    flags = (f"--server.disconnectedSessionTTL={SESSION_TTL}", *flags)
    with AppServer(checkout, flags=flags) as server:
        stages = {"start": round(server.rss())}
        asyncio.run(every_page(server.url))
        stages["one session, every page"] = settle(server.pid)
        asyncio.run(wave(server.url, sessions))
        stages[f"after {sessions} sessions"] = settle(server.pid)
        asyncio.run(wave(server.url, sessions))
        stages[f"after {2 * sessions} sessions"] = settle(server.pid)
    return {"load": f"{before} → {load_average()}", "rss_mb": stages}


def report(result: dict) -> str:
    return (f"load average {result['load']}\n"
            + "  ".join(f"{stage}: {mb} MB" for stage, mb in result["rss_mb"].items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkout", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = bench(args.checkout, args.sessions)
    print(json.dumps(result, indent=1) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
