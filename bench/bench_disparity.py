"""Server-side rerun time of the disparity page (격차 지표) after a selector changes.

Each selector is flipped between two values under AppTest, as bench_trends.py does for
the trends and compare pages: both values are visited once first (warm caches), then N
flips are timed. The page draws seven charts and two maps on every run, so its budget is
reported against the same 150 ms median; the first (cold) run is printed too, because
it pays for importing PySAL and building the 시군구 contiguity weights.

    .venv/bin/python bench/bench_disparity.py [N]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `streamlit run` puts the app root on the path; AppTest does not
sys.path.insert(0, str(ROOT / "bench"))

from bench_trends import BUDGET_MS, rerun_ms  # noqa: E402

PAGE = "pages/6_격차지표.py"
SELECTORS = [  # (widget kind, key, value a, value b)
    ("selectbox", "disp_indicator", "grdp_nominal", "unemployment_rate"),
    ("radio", "disp_grouping", "gwonyeok", "capital"),
    ("select_slider", "disp_year", 2015, 2021),
    ("selectbox", "disp_region", "26", "11"),
    ("radio", "disp_weighting", "population", "regions"),
    ("selectbox", "disp_y", "population_65_plus", "population_15_64"),
    ("radio", "disp_lisa_measure", "growth", "share"),
    ("selectbox", "disp_depop_base", 2017, 2016),
]


def main(flips: int = 10) -> int:
    app = AppTest.from_file(str(ROOT / PAGE), default_timeout=600)
    start = time.perf_counter()
    app.run()
    cold = 1000 * (time.perf_counter() - start)
    if app.exception:
        raise RuntimeError(f"{PAGE}: {app.exception}")
    timings = {}
    for kind, key, first, second in SELECTORS:
        for value in (first, second):  # warm both states
            rerun_ms(app, kind, key, value)
        timings[key] = [rerun_ms(app, kind, key, (first, second)[i % 2]) for i in range(flips)]
    every = [ms for runs in timings.values() for ms in runs]
    median = statistics.median(every)
    over = median > BUDGET_MS
    print(f"{PAGE}: first run {cold:.0f} ms; median {median:.0f} ms over {len(every)} reruns "
          f"(budget {BUDGET_MS} ms){'  OVER BUDGET' if over else ''}")
    for key, runs in timings.items():
        print(f"  {key:<24} median {statistics.median(runs):6.0f} ms   "
              f"max {max(runs):6.0f} ms   n={len(runs)}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10))
