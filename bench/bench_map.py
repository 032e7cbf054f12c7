"""Map page budget: server-side rerun time for a year change and the bytes sent to the map.

Run from the repository root:

    .venv/bin/python bench/bench_map.py

Budgets (issue 3): rerun ≤ 150 ms median with warm caches; the 시도 map's HTML/JSON
≤ 400 KB; the 시군구 map's ≤ 1.5 MB. The page is driven with AppTest (the same script
Streamlit runs, without a browser). After one warm-up run the year slider moves to N
years never shown before (each map view is a cache miss, data and geometry are warm),
then through the same years again (every view cached). The payload is the component's
JSON arguments (map script, header, HTML and the swapped-in layer) plus Leaflet itself,
which the browser fetches once from static/.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

PAGE = str(ROOT / "pages" / "1_지도.py")
YEARS = list(range(1995, 2015))   # 20 year changes
RERUN_BUDGET_MS = 150
SIDO_BUDGET, SIGUNGU_BUDGET = 400_000, 1_500_000
LEAFLET_BYTES = sum(p.stat().st_size for p in (ROOT / "static" / "leaflet-1.9.4").glob("leaflet.*"))


def timed_year_changes(app: AppTest, years: list[int]) -> list[float]:
    slider = app.sidebar.select_slider(key="map_year")
    times = []
    for year in years:
        start = time.perf_counter()
        slider.set_value(year).run()
        times.append((time.perf_counter() - start) * 1000)
        if app.exception:
            raise SystemExit(f"page failed: {app.exception}")
    return times


def payload_bytes(app: AppTest) -> int:
    (component,) = app.get("component_instance")
    return len(component.proto.json_args.encode())


def main() -> int:
    app = AppTest.from_file(PAGE, default_timeout=120)
    app.run()
    sido_bytes = payload_bytes(app)
    first_visits = timed_year_changes(app, YEARS)
    revisits = timed_year_changes(app, YEARS)

    app.sidebar.selectbox(key="map_indicator").set_value("population_total").run()
    app.sidebar.radio(key="map_level").set_value("sigungu").run()
    sigungu_bytes = payload_bytes(app)

    first, again = statistics.median(first_visits), statistics.median(revisits)
    rows = [
        ("rerun, year change, view not cached yet (median ms)", f"{first:.0f}",
         RERUN_BUDGET_MS, first <= RERUN_BUDGET_MS),
        ("rerun, year change, view cached (median ms)", f"{again:.0f}",
         RERUN_BUDGET_MS, again <= RERUN_BUDGET_MS),
        ("시도 map payload (KB)", f"{sido_bytes / 1000:.0f}", SIDO_BUDGET // 1000,
         sido_bytes <= SIDO_BUDGET),
        ("시군구 map payload (KB)", f"{sigungu_bytes / 1000:.0f}", SIGUNGU_BUDGET // 1000,
         sigungu_bytes <= SIGUNGU_BUDGET),
    ]
    for label, value, budget, ok in rows:
        print(f"{label:55s} {value:>6s}  (budget {budget}) {'ok' if ok else 'OVER'}")
    print(f"{'Leaflet js+css, fetched once from static/ (KB)':55s} {LEAFLET_BYTES / 1000:>6.0f}")
    print(json.dumps({"rerun_ms_first_visit": first_visits, "rerun_ms_revisit": revisits},
                     default=lambda v: round(v, 1)))
    return 0 if all(ok for *_, ok in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
