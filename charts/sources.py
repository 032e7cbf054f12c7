"""Source lines: every number shown or exported says where it comes from."""

from __future__ import annotations

import pandas as pd

from i18n import t


def publisher_line(entry: pd.Series, lang: str) -> str:
    """'통계청 지역소득 (KOSIS 101 DT_1C81)' — the publisher and table a figure comes from."""
    table = " ".join(part for part in (entry["kosis_org_id"], entry["kosis_tbl_id"]) if part)
    publisher = entry[f"publisher_{lang}"]
    return f"{publisher} (KOSIS {table})" if entry["kosis_tbl_id"] else publisher


def source_caption(entry: pd.Series, lang: str) -> str:
    """'출처: 통계청 지역소득 (KOSIS 101 DT_1C81) · 단위: 조원' for under a chart or table."""
    return (f"{t('source_prefix', lang)}: {publisher_line(entry, lang)} · "
            f"{t('unit_prefix', lang)}: {entry[f'display_unit_{lang}']}")
