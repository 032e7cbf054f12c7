"""The KOSIS refresh against a server that accepts connections and never answers.

Run from the repository root (takes up to the refresh's time budget, 60 s, after; the
code before the budget took 14 indicators × 3 attempts × 5 s):

    .venv/bin/python bench/bench_refresh.py [--code DIR] [--timeout 400]

Every request of pykosis is sent to a silent TCP server on 127.0.0.1 instead of
kosis.kr; the refresh runs with its production timeouts and budget. `--code DIR` runs
another checkout (see bench/bench_hostile.py); the run is stopped after --timeout s.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = r"""
import collections, inspect, sys, time
sys.path.insert(0, sys.argv[1])
import httpx
from pykosis import KOSIS
from loaders import refresh

class ToLocal(httpx.HTTPTransport):
    def handle_request(self, request):
        request.url = request.url.copy_with(scheme="http", host="127.0.0.1", port=int(sys.argv[2]))
        return super().handle_request(request)

started = time.perf_counter()
if "budget" in inspect.signature(refresh.make_client).parameters:
    budget = refresh.Budget()
    client = refresh.make_client("key", budget, ToLocal())
    outcomes = refresh.refresh(client, budget=budget)
else:
    client = KOSIS(api_key="key", timeout=refresh.TIMEOUT_SECONDS, delay_seconds=0.3,
                   transport=ToLocal())
    outcomes = refresh.refresh(client)
statuses = collections.Counter(o.status for o in outcomes)
print(f"{time.perf_counter() - started:.1f} s: {dict(statuses)}")
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=ROOT)
    parser.add_argument("--timeout", type=float, default=400.0)
    args = parser.parse_args()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    held = []
    threading.Thread(target=lambda: [held.append(listener.accept()[0]) for _ in iter(int, 1)],
                     daemon=True).start()
    started = time.perf_counter()
    try:
        result = subprocess.run([sys.executable, "-c", CHILD, str(args.code),
                                 str(listener.getsockname()[1])], capture_output=True,
                                text=True, timeout=args.timeout, cwd=args.code)
        print(f"code: {args.code}\n{(result.stdout or result.stderr).strip()[-600:]}")
    except subprocess.TimeoutExpired:
        print(f"code: {args.code}\n> {args.timeout:.0f} s, stopped")
    print(f"wall: {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
