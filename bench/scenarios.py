"""What the benchmarks click: pages by URL path, widgets by user key, values as options
offered (``#i`` is the i-th option, ``#-1`` the last), so the same scenario runs on the
app before and after a change as long as the widget keys stay."""

from __future__ import annotations

PAGES = {"home": "", "map": "지도", "trends": "추이", "compare": "비교", "import": "데이터",
         "briefing": "브리핑"}

# One session, one widget moved again and again: (name, page, [(key, value), ...]).
RERUNS = [
    ("map: year", "map", [("map_year", f"#-{i}") for i in (*range(2, 14), *range(2, 14))]),
    ("map: indicator", "map", [("map_indicator", f"#{i}") for i in (1, 2, 3, 0) * 3]),
    ("map: measure", "map", [("map_measure", f"#{i}") for i in (1, 2, 0) * 4]),
    ("trends: indicator", "trends", [("trend_indicator", f"#{i}") for i in (1, 2, 3, 0) * 3]),
    ("trends: view", "trends", [("trend_view", f"#{i}") for i in (1, 0) * 6]),
    ("compare: year", "compare", [("compare_year", f"#{i}") for i in (1, 2, 3, 0) * 3]),
]

# What one person in the room does between clicks (load test): a page and the widget
# changes they pick from at random.
LOAD_MIX = {
    "map": [("map_year", [f"#-{i}" for i in range(1, 16)]),
            ("map_indicator", [f"#{i}" for i in range(6)]),
            ("map_measure", ["#0", "#1", "#2"])],
    "trends": [("trend_indicator", [f"#{i}" for i in range(6)]),
               ("trend_view", ["#0", "#1"])],
    "compare": [("compare_year", [f"#{i}" for i in range(5)])],
}
LOAD_PAGE_WEIGHTS = {"map": 3, "trends": 2, "compare": 1}
