"""Run every page benchmark in turn (`make bench`); each prints its figures and budget."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SCRIPTS = ["bench_map.py", "bench_trends.py", "bench_disparity.py"]


def main() -> int:
    failures = 0
    for script in SCRIPTS:
        print(f"== {script}", flush=True)
        failures += subprocess.run([sys.executable, str(BENCH / script)], check=False).returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
