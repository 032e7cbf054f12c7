"""Source lines: every number shown or exported says where it comes from."""

from __future__ import annotations

import pandas as pd

from i18n import t
from loaders.user_versions import labelled, user_version, version_label


def publisher_line(entry: pd.Series, lang: str) -> str:
    """'통계청 지역소득 (KOSIS 101 DT_1C81)' — the publisher and table a figure comes from;
    a user version in front of it when one feeds the indicator ('[사용자 갱신 v3 · …]')."""
    table = " ".join(part for part in (entry["kosis_org_id"], entry["kosis_tbl_id"]) if part)
    publisher = entry[f"publisher_{lang}"]
    line = f"{publisher} (KOSIS {table})" if entry["kosis_tbl_id"] else publisher
    return labelled(line, entry, lang)


def user_version_note(entry: pd.Series, lang: str) -> str:
    """'사용자 갱신 v3 · grdp.csv · 2026-11-02', or '' for bundled data (for tooltips)."""
    version = user_version(entry)
    return version_label(version, lang) if version else ""


def source_caption(entry: pd.Series, lang: str) -> str:
    """'출처: 통계청 지역소득 (KOSIS 101 DT_1C81) · 단위: 조원' for under a chart or table."""
    return (f"{t('source_prefix', lang)}: {publisher_line(entry, lang)} · "
            f"{t('unit_prefix', lang)}: {entry[f'display_unit_{lang}']}")
