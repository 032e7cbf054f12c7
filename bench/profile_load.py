"""Where a rerun's time goes under load: py-spy samples the server (every thread, only
while it holds the GIL, which is what the sessions queue for) during the 20-session
load test; the folded stacks are summed per function, inclusive.

    .venv/bin/python bench/profile_load.py [--checkout PATH] [--seconds 40] [--top 30]

Prints the functions with the largest share of samples, the app's own code first
(files inside the checkout), then everything. The server is warmed first (one session opens every page), so the profile is of
reruns, not imports. The raw folded stacks are kept in
--out (default /tmp/profile_load.txt) for a flame graph.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import shutil
import subprocess
import sys
import threading
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import load_test  # noqa: E402
import memory_bench  # noqa: E402
from server import AppServer  # noqa: E402

PY_SPY = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")


def summarise(folded: Path, checkout: Path, top: int) -> str:
    inclusive: collections.Counter = collections.Counter()
    own: collections.Counter = collections.Counter()
    # py-spy names frames "function (path:line)", the path relative to sys.path.
    own_paths = tuple(f"({p.name}/" for p in checkout.iterdir() if p.is_dir()) + tuple(
        f"({p.name}:" for p in [*checkout.glob("*.py"), *checkout.glob("app_pages/*.py")])
    total = 0
    for line in folded.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        samples = int(count)
        total += samples
        frames = stack.split(";")
        for frame in dict.fromkeys(frames):           # once per stack: inclusive time
            inclusive[frame] += samples
            if any(path in frame for path in own_paths):
                own[frame] += samples
    def block(counter, title):
        lines = [title]
        for frame, samples in counter.most_common(top):
            lines.append(f"  {100 * samples / max(total, 1):5.1f}%  {frame[:150]}")
        return lines
    return "\n".join([f"{total} samples while holding the GIL",
                      *block(own, "the app's own functions (inclusive):"),
                      *block(inclusive, "every function (inclusive):")])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkout", type=Path, default=BENCH.parent)
    parser.add_argument("--seconds", type=int, default=40)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--out", type=Path, default=Path("/tmp/profile_load.txt"))
    args = parser.parse_args()
    checkout = args.checkout.resolve()
    with AppServer(checkout) as server:
        asyncio.run(memory_bench.every_page(server.url))   # imports and caches are warm
        spy = subprocess.Popen([PY_SPY, "record", "--pid", str(server.pid), "--gil",
                                "--format", "raw", "--rate", "50", "--duration",
                                str(args.seconds + 10), "--output", str(args.out),
                                "--nonblocking"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.STDOUT)
        result: dict = {}
        worker = threading.Thread(target=lambda: result.update(
            load_test.run(server.url, args.sessions, args.seconds)))
        worker.start()
        worker.join()
        spy.wait()
    print(load_test.report(result))
    print(summarise(args.out, checkout, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
