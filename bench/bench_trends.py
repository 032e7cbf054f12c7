"""Server-side rerun time of the trends and compare pages after a selector changes.

Each selector is flipped between two values under AppTest; both values are visited once
first (warm caches), then N flips are timed. The budget is a 150 ms median per page.

    .venv/bin/python bench/bench_trends.py [N]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # `streamlit run` puts the app root on the path; AppTest does not
BUDGET_MS = 150
# page -> [(widget kind, key, value a, value b)]
SELECTORS = {
    "pages/2_추이.py": [
        ("selectbox", "trend_indicator", "grdp_nominal", "population_15_64"),
        ("radio", "trend_view", "groups", "regions"),
        ("radio", "trend_measure", "level", "share"),
        ("toggle", "trend_small_multiples", True, False),
        ("slider", "trend_years", (2000, 2020), (2008, 2023)),
    ],
    "pages/3_비교.py": [
        ("selectbox", "compare_year", 2021, 2020),
        ("multiselect", "compare_regions", ["11", "26"], ["41", "30", "50"]),
        ("radio", "compare_by", "gwonyeok", "regions"),
        ("selectbox", "compare_rank_indicator", "grdp_nominal", "unemployment_rate"),
        ("selectbox", "compare_profile_region", "26", "11"),
    ],
}


def rerun_ms(app: AppTest, kind: str, key: str, value) -> float:
    widget = getattr(app, kind)(key=key)
    start = time.perf_counter()
    widget.set_value(value).run()
    elapsed = 1000 * (time.perf_counter() - start)
    if app.exception:
        raise RuntimeError(f"{key}={value!r}: {app.exception}")
    return elapsed


def bench_page(page: str, flips: int) -> dict[str, list[float]]:
    app = AppTest.from_file(str(ROOT / page), default_timeout=300)
    app.run()
    if app.exception:
        raise RuntimeError(f"{page}: {app.exception}")
    timings = {}
    for kind, key, first, second in SELECTORS[page]:
        for value in (first, second):  # warm both states
            rerun_ms(app, kind, key, value)
        timings[key] = [rerun_ms(app, kind, key, (first, second)[i % 2]) for i in range(flips)]
    return timings


def main(flips: int = 20) -> int:
    over_budget = False
    for page in SELECTORS:
        timings = bench_page(page, flips)
        every = [ms for runs in timings.values() for ms in runs]
        median = statistics.median(every)
        over_budget |= median > BUDGET_MS
        print(f"{page}: median {median:.0f} ms over {len(every)} reruns "
              f"(budget {BUDGET_MS} ms){'  OVER BUDGET' if median > BUDGET_MS else ''}")
        for key, runs in timings.items():
            print(f"  {key:<24} median {statistics.median(runs):6.0f} ms   "
                  f"max {max(runs):6.0f} ms   n={len(runs)}")
    return 1 if over_budget else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
