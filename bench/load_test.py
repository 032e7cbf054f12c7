"""A room full of users: N concurrent sessions changing selectors for T seconds against
one server or the deployment's reverse proxy.

    .venv/bin/python bench/load_test.py --url http://127.0.0.1:8080 [--sessions 20]
        [--seconds 60] [--think 1.0]

Each virtual user opens a page (map, trends or compare, weighted 3:2:1), then picks a
widget change at random from bench/scenarios.py, waits for the run to finish, thinks
for ``think`` ± 50% seconds, and clicks again. Users start staggered over the first
two seconds. Reported: reruns completed, errors (exceptions shown, failed or timed out
runs, dropped connections), median and p95 rerun time, and the first page loads.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rerun_bench import percentile  # noqa: E402
from scenarios import LOAD_MIX, LOAD_PAGE_WEIGHTS, PAGES  # noqa: E402
from server import load_average  # noqa: E402
from st_client import Session  # noqa: E402


async def user(number: int, url: str, until: float, think: float, results: dict) -> None:
    rng = random.Random(number)
    page = rng.choices(list(LOAD_PAGE_WEIGHTS), weights=list(LOAD_PAGE_WEIGHTS.values()))[0]
    await asyncio.sleep(2 * number / max(results["sessions"], 1))
    session = None
    try:
        start = time.perf_counter()
        session, first = await Session.open(url, PAGES[page])
        results["first_runs"].append(time.perf_counter() - start)
        results["errors"] += bool(first.exceptions)
        while time.monotonic() < until:
            key, values = rng.choice(LOAD_MIX[page])
            if not session.has(key):
                continue
            run = await session.set(key, rng.choice(values))
            if run.exceptions:
                results["errors"] += 1
                results["messages"].append(run.exceptions[0][:200])
            results["reruns"].append(run.seconds)
            await asyncio.sleep(think * rng.uniform(0.5, 1.5))
    except Exception as error:  # noqa: BLE001 - every failure counts as an error
        results["errors"] += 1
        results["messages"].append(f"{type(error).__name__}: {error}"[:200])
    finally:
        if session is not None:
            await session.close()


async def load(url: str, sessions: int, seconds: float, think: float) -> dict:
    results = {"sessions": sessions, "reruns": [], "first_runs": [], "errors": 0,
               "messages": []}
    until = time.monotonic() + seconds
    started = time.perf_counter()
    await asyncio.gather(*(user(n, url, until, think, results) for n in range(sessions)))
    elapsed = time.perf_counter() - started
    reruns = results["reruns"]
    return {
        "sessions": sessions, "seconds": round(elapsed, 1), "think_s": think,
        "reruns": len(reruns), "reruns_per_s": round(len(reruns) / elapsed, 2),
        "errors": results["errors"], "error_messages": sorted(set(results["messages"]))[:5],
        "median_s": round(statistics.median(reruns), 3) if reruns else None,
        "p95_s": round(percentile(reruns, 95), 3) if reruns else None,
        "first_run_median_s": round(statistics.median(results["first_runs"]), 2)
        if results["first_runs"] else None,
    }


def run(url: str, sessions: int = 20, seconds: float = 60, think: float = 1.0) -> dict:
    before = load_average()
    result = asyncio.run(load(url, sessions, seconds, think))
    result["load"] = f"{before} → {load_average()}"
    return result


def report(result: dict) -> str:
    return (f"{result['sessions']} sessions, {result['seconds']} s, think {result['think_s']} s "
            f"(load {result['load']}): {result['reruns']} reruns "
            f"({result['reruns_per_s']}/s), {result['errors']} errors, "
            f"median {result['median_s']} s, p95 {result['p95_s']} s, "
            f"first page run median {result['first_run_median_s']} s"
            + (f"\n  errors: {result['error_messages']}" if result["errors"] else ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.url, args.sessions, args.seconds, args.think)
    print(json.dumps(result, indent=1) if args.json else report(result))
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
