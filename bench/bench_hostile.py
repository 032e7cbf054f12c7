"""Hostile uploads: wall time and peak memory of reading each one, as the import page does.

Run from the repository root:

    .venv/bin/python bench/bench_hostile.py [--code DIR] [--cap-gb 5] [--timeout 120]
    .venv/bin/python bench/bench_hostile.py --reader --raw [--code DIR]

Each file of tests/hostile_files.py is read in a fresh Python process (the "server"),
through the function the import page calls: `loaders.upload_sandbox.preview_isolated`
where it exists, else `loaders.importing.preview_upload` (the code before the sandbox).
`--code DIR` runs another checkout, e.g. `git archive <commit> | tar -x -C DIR` for
"before" figures. `--reader` times the table reader alone (`loaders.sniff.read_table`,
in-process: openpyxl before, python-calamine after) and `--raw` runs the real downloads
in ../shared/data/raw instead of the hostile files. Every run has a hard address-space cap and a wall-clock timeout, so a
run-away reader is stopped instead of taking the machine down: it is reported as
"> N s" / "> cap", stopped. Peak memory is the largest resident set of the server
process and of any worker it started (getrusage), in MB; CPU s is the CPU time of all
of them (wall time on a busy machine says little, CPU time less so).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT.parent / "shared" / "data" / "raw"
sys.path.insert(0, str(ROOT / "tests"))

import hostile_files  # noqa: E402

CASES = ("widest_range", "inflating_sheet", "ten_million_rows", "million_rows",
         "billion_laughs", "shared_strings_count", "large_kosis_csv", "oversized_csv", "external_formulas",
         "local_formula", "typo_first_row", "year_9999", "year_0000", "value_1e309")
CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
path = sys.argv[2]
if sys.argv[3] == "reader":
    from loaders.sniff import read_table as entry
else:
    try:
        from loaders.upload_sandbox import preview_isolated as entry
    except ImportError:
        from loaders.importing import preview_upload as entry
data = open(path, "rb").read()
started = time.perf_counter()
try:
    result = entry(data, path.rsplit("/", 1)[-1])
    outcome = (f"accepted: {len(result.observations)} observations" if hasattr(result, "observations")
               else f"read: {len(result)} rows")
except Exception as error:
    outcome = f"{type(error).__name__}: {str(error).replace(path.rsplit('/', 1)[0], '…')[:160]}"
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"seconds": time.perf_counter() - started, "server_mb": own,
                  "worker_mb": workers, "outcome": outcome}))
"""


def measure(code: Path, path: Path, cap_gb: float, timeout: float, entry: str) -> dict:
    def limit():
        cap = int(cap_gb * 1024 ** 3)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        os.setsid()
    started = time.perf_counter()
    cpu_before = _cpu_seconds()
    process = subprocess.Popen([sys.executable, "-c", CHILD, str(code), str(path), entry],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               preexec_fn=limit, text=True)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        peak = max(map(_high_water_mb, _process_tree(process.pid)), default=0.0)
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return {"seconds": None, "wall": time.perf_counter() - started,
                "cpu": _cpu_seconds() - cpu_before,
                "outcome": f"> {timeout:.0f} s, stopped", "peak_mb": peak}
    wall = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before
    try:
        result = json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        last = (err.strip().splitlines() or ["killed"])[-1]
        return {"seconds": None, "wall": wall, "peak_mb": None, "cpu": cpu,
                "outcome": f"crashed (rc {process.returncode}): {last[:160]}"}
    result["wall"], result["cpu"] = wall, cpu
    result["peak_mb"] = max(result["server_mb"], result["worker_mb"])
    return result


def _cpu_seconds() -> float:
    """User and system CPU time of every finished child process so far (all workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _process_tree(pid: int) -> list[int]:
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            queue += [int(child) for child in task.read_text().split()]
    return found


def _high_water_mb(pid: int) -> float:
    """The peak resident set so far (VmHWM) of a running process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout to measure")
    parser.add_argument("--cap-gb", type=float, default=5.0, help="address-space cap per run")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    parser.add_argument("--files", type=Path, help="reuse hostile files built in this folder")
    parser.add_argument("--reader", action="store_true", help="time read_table alone")
    parser.add_argument("--raw", action="store_true", help="the real downloads, not hostile")
    parser.add_argument("cases", nargs="*", default=list(CASES))
    args = parser.parse_args()
    folder = args.files or Path(tempfile.mkdtemp(prefix="hostile-"))
    paths = (sorted(RAW.iterdir()) if args.raw
             else [_built(folder, hostile_files.BUILDERS[case]) for case in args.cases])
    print(f"code: {args.code}  cap: {args.cap_gb} GB address space  timeout: {args.timeout} s")
    print(f"{'file':<24} {'size':>12} {'parse s':>8} {'wall s':>7} {'CPU s':>6} "
          f"{'server MB':>9} {'worker MB':>9}  outcome")
    for path in paths:
        case = path.stem[:24]
        result = measure(args.code, path, args.cap_gb, args.timeout,
                         "reader" if args.reader else "upload")
        seconds = "" if result.get("seconds") is None else f"{result['seconds']:.2f}"
        server = "" if result.get("server_mb") is None else f"{result['server_mb']:.0f}"
        worker = "" if not result.get("worker_mb") else f"{result['worker_mb']:.0f}"
        if result.get("seconds") is None and result.get("peak_mb"):
            server = f"≤{result['peak_mb']:.0f}"
        print(f"{case:<24} {path.stat().st_size:>12,} {seconds:>8} {result['wall']:>7.1f} "
              f"{result['cpu']:>6.1f} {server:>9} {worker:>9}  {result['outcome']}", flush=True)
    return 0


def _built(folder: Path, builder) -> Path:
    """The builder's file in ``folder``, built once (the large ones take seconds)."""
    marker = folder / f".{builder.__name__}"
    if marker.exists():
        return Path(marker.read_text())
    path = builder(folder)
    marker.write_text(str(path))
    return path


if __name__ == "__main__":
    sys.exit(main())
