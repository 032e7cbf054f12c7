"""Which KOSIS item labels are which dashboard indicators, per source table.

read_kosis keeps KOSIS's own labels; the store needs stable indicator ids. Each table
lists the classification columns it keys on and maps those labels to an indicator id.
Labels are compared without whitespace, since KOSIS pads and indents them ('　광업').

Only the 2020 base-year GRDP series (DT_1C81 as in grdp_sido.csv) is mapped: a 2015-base
download has the same labels but other values, so it must not be stored under these ids.
"""

from __future__ import annotations

import re

import pandas as pd

from loaders.errors import InputError

TABLES: dict[str, tuple[tuple[str, ...], dict[tuple[str, ...], str]]] = {
    # 시도별 경제활동별 지역내총생산, 2020 base year (백만원)
    "grdp_sido": (("항목", "경제활동별"), {
        ("명목", "지역내총생산(시장가격)"): "grdp_nominal",
        ("실질", "지역내총생산(시장가격)"): "grdp_real_chained2020",
    }),
    # DT_1DA7004S 행정구역(시도)별 경제활동인구, annual
    "labour_force_sido": (("항목",), {
        ("15세이상인구 (천명)",): "pop_15plus",
        ("경제활동인구 (천명)",): "econ_active_pop",
        ("취업자 (천명)",): "employed_persons",
        ("실업자 (천명)",): "unemployed_persons",
        ("비경제활동인구 (천명)",): "econ_inactive_pop",
        ("경제활동참가율 (%)",): "labor_force_participation_rate",
        ("실업률 (%)",): "unemployment_rate",
        ("고용률 (%)",): "employment_rate_15plus",
        ("15-64세 고용률 (%)",): "employment_rate_15_64",
    }),
    # 전국사업체조사 시도·산업별 사업체수, 종사자수 및 매출액 (long format)
    "establishments_sido": (("지표", "산업별"), {
        ("사업체수", "전체 산업"): "establishments_all_industries",
        ("종사자수", "전체 산업"): "workers_all_industries",
        ("매출액", "전체 산업"): "sales_all_industries",
    }),
}


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", str(text))


def tag_indicators(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """The rows of a read_kosis frame that map to an indicator, with an 'indicator' column."""
    columns, mapping = TABLES[table]
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        source = frame["source_file"].iloc[0] if len(frame) else None
        raise InputError(f"not a {table} table: no {', '.join(missing)} column", file=source)
    lookup = {tuple(map(_squeeze, labels)): indicator for labels, indicator in mapping.items()}
    keys = zip(*(frame[c].map(_squeeze) for c in columns))
    indicator = pd.Series([lookup.get(key) for key in keys], index=frame.index, dtype=object)
    return frame.assign(indicator=indicator)[indicator.notna()].reset_index(drop=True)
