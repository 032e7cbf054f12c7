"""Server-side rerun time per interaction, one session at a time, on the real server:
wall time from the widget change leaving the client to ``script_finished`` arriving,
the server's CPU seconds spent meanwhile (/proc, every thread: the script run and
Streamlit's post-run work such as its garbage collection), and websocket bytes.

    .venv/bin/python bench/rerun_bench.py [--checkout PATH] [--url URL]

Each scenario opens its page once (warm-up, not counted), then changes one widget
through the values in bench/scenarios.py.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scenarios import PAGES, RERUNS  # noqa: E402
from server import AppServer, cpu_seconds, load_average  # noqa: E402
from st_client import Session  # noqa: E402
from wire import WireCounter  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


async def run_scenario(url: str, pid: int, page: str, steps: list) -> dict:
    """The steps in one session; bytes counted on the wire (websocket compression as
    the server negotiates it) and as decoded messages."""
    host, port = url.rsplit("/", 1)[-1].split(":")
    with WireCounter(host, int(port)) as wire:
        session, _ = await Session.open(wire.url, PAGES[page])
        wall, cpu, decoded, on_wire = [], [], [], []
        errors = 0
        try:
            for key, value in steps:
                before = cpu_seconds(pid)
                wire.reset()
                run = await session.set(key, value)
                await asyncio.sleep(0.3)   # post-run work (GC, sends) ends before CPU is read
                cpu.append(1000 * (cpu_seconds(pid) - before))
                on_wire.append(wire.totals()["ws"])
                wall.append(1000 * run.seconds)
                decoded.append(run.ws_bytes)
                errors += bool(run.exceptions)
        finally:
            await session.close()
    return {"median_ms": statistics.median(wall), "p95_ms": percentile(wall, 95),
            "cpu_ms": statistics.median(cpu), "kb": statistics.median(decoded) / 1000,
            "wire_kb": statistics.median(on_wire) / 1000, "errors": errors, "n": len(wall)}


async def run_all(url: str, pid: int) -> dict:
    results = {}
    for name, page, steps in RERUNS:
        results[name] = await run_scenario(url, pid, page, steps)
    return results


def bench(checkout: Path, flags: tuple[str, ...] = ()) -> dict:
    """Every scenario on a fresh server of ``checkout``."""
    start_load = load_average()
    with AppServer(checkout, flags=flags) as server:
        results = asyncio.run(run_all(server.url, server.pid))
    return {"load": f"{start_load} → {load_average()}", "scenarios": results}


def report(result: dict) -> str:
    lines = [f"load average {result['load']}",
             f"{'interaction':22s} {'median ms':>9s} {'p95 ms':>7s} {'CPU ms':>7s} "
             f"{'KB/rerun':>8s} {'wire KB':>7s} {'errors':>6s}"]
    for name, r in result["scenarios"].items():
        lines.append(f"{name:22s} {r['median_ms']:9.0f} {r['p95_ms']:7.0f} {r['cpu_ms']:7.0f} "
                     f"{r['kb']:8.1f} {r['wire_kb']:7.1f} {r['errors']:6d}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkout", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = bench(args.checkout)
    print(json.dumps(result, indent=1) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
