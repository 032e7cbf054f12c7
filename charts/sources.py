"""Source lines: every number shown or exported names its original publisher and table.

Citations come from loaders.citations (the catalog for statistics, data/citations.csv
for published quotes); the copy a file was fetched from is provenance, never shown here.
"""

from __future__ import annotations

import pandas as pd

from i18n import t
from loaders.citations import catalog_citation, cited
from loaders.user_versions import labelled, user_version, version_label


def publisher_line(entry: pd.Series, lang: str) -> str:
    """'통계청, 지역소득 (KOSIS 101/DT_1C81)' — the publisher and table a figure comes from;
    a user version in front of it when one feeds the indicator ('[사용자 갱신 v3 · …]')."""
    return labelled(catalog_citation(entry, lang), entry, lang)


def user_version_note(entry: pd.Series, lang: str) -> str:
    """'사용자 갱신 v3 · grdp.csv · 2026-11-02', or '' for bundled data (for tooltips)."""
    version = user_version(entry)
    return version_label(version, lang) if version else ""


def row_sources(sources: pd.Series, entry: pd.Series, lang: str) -> pd.Series:
    """Each row's citation in the reader's language; rows without one (aggregates computed
    here from the 시도 figures) cite the indicator's publisher."""
    line = publisher_line(entry, lang)
    return sources.map(lambda source: cited(source, lang) if isinstance(source, str)
                       and source else line)


def source_caption(entry: pd.Series, lang: str, unit: str | None = None) -> str:
    """'출처: 통계청, 지역소득 (KOSIS 101/DT_1C81) · 단위: 조원' for under a chart or table;
    ``unit``: the unit of the measure shown (a share is in %, not in 조원)."""
    return (f"{t('source_prefix', lang)}: {publisher_line(entry, lang)} · "
            f"{t('unit_prefix', lang)}: {unit or entry[f'display_unit_{lang}']}")
