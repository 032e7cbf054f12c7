"""The home page's question for every indicator: how big is the capital region's lead?"""

from __future__ import annotations

import pandas as pd

from analysis.availability import Availability
from analysis.gap import GapSummary, capital_vs_rest, summarise
from analysis.groups import is_additive


def capital_overview(store: pd.DataFrame,
                     catalog: pd.DataFrame) -> dict[str, GapSummary | Availability]:
    """Each catalog indicator's latest-vs-earliest capital comparison, or why there is none."""
    overview = {}
    for indicator, entry in catalog.iterrows():
        comparison = capital_vs_rest(store, catalog, indicator)
        overview[indicator] = (comparison if isinstance(comparison, Availability)
                               else summarise(comparison, indicator, is_additive(entry)))
    return overview


def published_groups(store: pd.DataFrame) -> pd.DataFrame:
    """Figures published for 수도권 / 비수도권 themselves (CAP, NONCAP, NONCAP_EXDJ)."""
    return store[store["level"] == "group"].sort_values(["indicator", "year", "region_code"])
