"""One crosswalk from every region name and code scheme onto canonical 시도 codes.

Sources name regions by old and new names (강원도/강원특별자치도), two 행정표준코드
vintages (42/51, 45/52), KOSIS's older scheme (21 부산 … 39 제주) and MOIS 10-digit
codes. The schemes overlap (26 is 부산 in one and 울산 in another), so a code is only
resolved together with its scheme; names are unambiguous on their own.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

import pandas as pd

from loaders.errors import UnknownRegionError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
NATIONAL_CODE = "00"
NATIONAL_ALIASES = frozenset({"전국", "계", "합계", "총계", "national", "nationwide", "total",
                              "whole country", "00", "0000000000"})
CODE_SCHEMES = ("admin_std", "kosis_old", "mois10")


@lru_cache(maxsize=1)
def region_table() -> pd.DataFrame:
    """The 17 canonical 시도 with names, 권역 and capital flag (one row each)."""
    table = pd.read_csv(DATA_DIR / "regions.csv", dtype=str, keep_default_na=False)
    table["is_capital"] = table["is_capital"].map({"True": True, "False": False})
    table["exists_from"] = pd.to_numeric(table["exists_from"]).astype("Int64")
    table["exists_to"] = pd.to_numeric(table["exists_to"]).astype("Int64")
    return table


@lru_cache(maxsize=1)
def gwonyeok_table() -> pd.DataFrame:
    """The seven 권역 in the plan's order, with English names (read once; read-only)."""
    table = pd.read_csv(DATA_DIR / "gwonyeok.csv")
    return table.sort_values("order").reset_index(drop=True)


def gwonyeok_names(lang: str) -> dict[str, str]:
    """권역 display names by their Korean key, in one language."""
    table = gwonyeok_table()
    return dict(zip(table["gwonyeok"], table["name_en"] if lang == "en" else table["gwonyeok"]))


@lru_cache(maxsize=1)
def alias_table() -> pd.DataFrame:
    """Every alias (name or code, by scheme) with the canonical code it stands for."""
    return pd.read_csv(DATA_DIR / "region_aliases.csv", dtype=str, keep_default_na=False)


def _normalise_name(text: str) -> str:
    return re.sub(r"\s+", "", str(text)).casefold()


@lru_cache(maxsize=1)
def _lookup() -> dict[tuple[str, str], str]:
    aliases = alias_table()
    lookup: dict[tuple[str, str], str] = {}
    for alias, scheme, code in aliases[["alias", "scheme", "region_code"]].itertuples(index=False):
        key = (scheme, _normalise_name(alias) if scheme.startswith("name") else alias)
        if lookup.get(key, code) != code:
            raise ValueError(f"region_aliases.csv: alias {alias!r} ({scheme}) maps to two regions")
        lookup[key] = code
    return lookup


def resolve_sido(text: str, scheme: str | None = None) -> str:
    """Canonical 2-digit 시도 code for a name, or for a code in the given scheme.

    Without a scheme, digits are read as 행정표준코드 (2 digits) or MOIS (10 digits),
    the only unambiguous readings; KOSIS's older codes need scheme="kosis_old".
    Raises UnknownRegionError for anything it cannot place.
    """
    raw = str(text).strip()
    if raw.isdigit():
        if scheme is None:
            scheme = {2: "admin_std", 10: "mois10"}.get(len(raw))
        if scheme in CODE_SCHEMES and (scheme, raw) in _lookup():
            return _lookup()[(scheme, raw)]
        raise UnknownRegionError(f"unknown region code {raw!r} (scheme {scheme or 'unknown'})")
    for name_scheme in ("name_ko", "name_en"):
        code = _lookup().get((name_scheme, _normalise_name(raw)))
        if code:
            return code
    raise UnknownRegionError(f"unknown region name {raw!r}")


def is_national(text: str) -> bool:
    """True for the national-total row labels that sources use (전국, 계, 0000000000 …)."""
    return _normalise_name(text) in {_normalise_name(a) for a in NATIONAL_ALIASES}


@lru_cache(maxsize=1)
def _lifespans() -> dict[str, tuple[int, int]]:
    table = region_table()
    return {code: (0 if pd.isna(start) else int(start), 9999 if pd.isna(end) else int(end))
            for code, start, end in table[["region_code", "exists_from", "exists_to"]].itertuples(
                index=False)}


def region_existed(code: str, year: int) -> bool:
    """Whether a 시도 existed in a year: 세종 only from 2012, so its absence before is not missing data."""
    start, end = _lifespans()[code]
    return start <= year <= end


@cache
def expected_regions(year: int) -> tuple[str, ...]:
    """The 시도 codes that a complete cross-section for that year must contain."""
    return tuple(code for code in _lifespans() if region_existed(code, year))


def newer_regions() -> tuple[str, ...]:
    """시도 created within the data's span (광주, 대전, 울산, 세종), carved out of older ones."""
    return tuple(code for code, (start, _) in _lifespans().items() if start > 0)
