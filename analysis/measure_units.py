"""How each map measure is expressed: its unit, decimals, note, and the scale from the
catalog unit, so that figures read without exponents (money per head in 만원, counts per
1,000 persons)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.groups import is_additive, is_rate

WON_PER_UNIT = {"백만원": 1e6, "억원": 1e8}
WON_PER_DISPLAY = 1e4
COUNT_PER = 1000
DENOMINATOR_LABELS = {  # how a per-head unit names its denominator
    "population_total": ("인", "person", "천 명", "1,000 persons"),
    "population_15_64": ("생산연령인구 1인", "working-age person",
                         "생산연령인구 천 명", "1,000 working-age persons"),
}


@dataclass(frozen=True)
class MeasureSpec:
    """How a measure is expressed: unit, decimals, note, and the scale from catalog units."""
    unit_ko: str
    unit_en: str
    decimals: int
    note_ko: str
    note_en: str
    factor: float = 1.0


def indicator_name(catalog: pd.DataFrame, indicator: str, lang: str) -> str:
    return catalog.loc[indicator, f"name_{lang}"]


def per_capita_unit(catalog: pd.DataFrame, indicator: str) -> tuple[float, str, str, int]:
    """(factor from catalog unit per person, unit_ko, unit_en, decimals): money per head in
    만원, counts per 1,000 persons, so that the figures read without exponents."""
    entry = catalog.loc[indicator]
    denominator = entry["per_capita_denominator"]
    one_ko, one_en, thousand_ko, thousand_en = DENOMINATOR_LABELS.get(denominator, (
        indicator_name(catalog, denominator, "ko") + " 1인", "person",
        indicator_name(catalog, denominator, "ko") + " 천 명", "1,000 persons"))
    if entry["unit_ko"] in WON_PER_UNIT:
        return (WON_PER_UNIT[entry["unit_ko"]] / WON_PER_DISPLAY, f"만원/{one_ko}",
                f"KRW 10k per {one_en}", 0)
    return (COUNT_PER, f"{entry['unit_ko']}/{thousand_ko}",
            f"{entry['unit_en']} per {thousand_en}", 1)


def measure_spec(catalog: pd.DataFrame, entry: pd.Series, year: int, measure: str,
                 base_year: int | None, level: str, reference: str) -> MeasureSpec:
    if measure == "level":
        note = ("비교값은 지역당 평균", "group figures are averages per region") \
            if is_additive(entry) else ("", "")
        return MeasureSpec(entry["display_unit_ko"], entry["display_unit_en"],
                           int(entry["decimals"]), *note, factor=1 / entry["display_divisor"])
    if measure == "per_capita":
        factor, unit_ko, unit_en, decimals = per_capita_unit(catalog, entry.name)
        denominator = entry["per_capita_denominator"]
        return MeasureSpec(
            unit_ko, unit_en, decimals,
            f"분모: 같은 해 {indicator_name(catalog, denominator, 'ko')}",
            f"denominator: {indicator_name(catalog, denominator, 'en')} in the same year",
            factor=factor)
    if measure == "share":
        return MeasureSpec("%", "%", 1 if level == "sido" else 2,
                           "전국 = 시도 합계(100%). 비교값은 지역당 평균 비중",
                           "nation = sum of the provinces (100%); group figures are average "
                           "shares per region")
    if measure == "growth":
        if is_rate(entry):
            return MeasureSpec("%p", "pp", 1, f"{base_year}→{year}년 변화(%p)",
                               f"change {base_year}→{year} in percentage points")
        note_ko = f"{base_year}→{year}년 연평균 증가율(CAGR); 누적 변화율은 표에"
        note_en = f"compound annual growth {base_year}→{year}; total change in the table"
        if entry.name == "grdp_nominal":
            note_ko, note_en = note_ko + " (명목 가격 기준)", note_en + " (current prices)"
        return MeasureSpec("%/년", "% per year", 2, note_ko, note_en)
    name_ko, name_en = ("전국", "nation") if reference == "national" else ("수도권", "capital region")
    basis = ("비율 기준", "rate basis") if is_rate(entry) else ("1인당 값 기준", "per-capita basis")
    return MeasureSpec(f"{name_ko}=100", f"{name_en}=100", 1, f"{name_ko} 평균 = 100 ({basis[0]})",
                       f"{name_en} average = 100 ({basis[1]})")
