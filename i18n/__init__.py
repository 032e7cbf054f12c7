"""The one catalog of user-visible strings, Korean (default) and English, for every layer.

It sits below loaders, analysis, charts, exports and ui so that any of them can word a
message; data names (indicators, units, publishers) come from data/catalog.csv instead.
The catalog is split by page into modules; a key may be defined in one module only.
"""

from __future__ import annotations

from i18n import analysis, disparity, export, importing, map as map_strings, trends

LANGUAGES = ("ko", "en")
# Each language named in itself (the same in either UI), so every reader finds their own.
LANGUAGE_NAMES = {"ko": "한국어", "en": "English"}
# The only Hangul English text may show: proper names with no English form. Keep it short.
PROPER_NAMES = frozenset({"한국어"})   # the language toggle names Korean in Korean

COMMON_STRINGS = {
    "app_title": ("수도권–비수도권 격차 대시보드", "Capital region vs the rest: gap dashboard"),
    "language": ("언어", "Language"),
    "nav_home": ("홈", "Home"),
    "home_heading": ("수도권과 비수도권, 얼마나 벌어졌나", "How far the capital region pulls away"),
    "home_intro": (
        "수도권(서울·인천·경기)과 나머지 14개 시도를 지표별로 비교합니다. 각 지표는 모든 시도 자료가 "
        "갖춰진 가장 최근 연도의 값과, 가장 이른 완전 연도 대비 수도권 비중의 변화를 보여줍니다.",
        "The capital region (Seoul, Incheon, Gyeonggi) against the other 14 provinces, indicator "
        "by indicator: the latest year in which every province has data, and the change in the "
        "capital region's share since the earliest such year."),
    "col_indicator": ("지표", "Indicator"),
    "col_years": ("비교 연도", "Years compared"),
    "col_capital": ("수도권", "Capital region"),
    "col_noncapital": ("비수도권", "Rest of country"),
    "col_capital_share": ("수도권 비중", "Capital share"),
    "col_share_change": ("비중 변화", "Change in share"),
    "col_gap_change": ("격차 변화(수도권−비수도권)", "Change in gap (capital − rest)"),
    "col_unit": ("단위", "Unit"),
    "col_source": ("출처", "Source"),
    "col_reason": ("계산하지 않은 이유", "Why not computed"),
    "home_depopulation": (
        "행정안전부가 지정한 인구감소지역·인구감소관심지역 {total}곳 중 {outside}곳({share})이 비수도권에 "
        "있습니다.",
        "Of the {total} depopulation areas and areas of concern designated by the Ministry of "
        "the Interior, {outside} ({share}) lie outside the capital region."),
    "col_group": ("구분", "Group"),
    "col_value": ("값", "Value"),
    "group_CAP": ("수도권", "Capital region"),
    "group_NONCAP": ("비수도권", "Rest of country"),
    "group_NONCAP_EXDJ": ("비수도권(대전 제외)", "Rest of country excl. Daejeon"),
    "choose_options": ("선택하세요", "Choose options"),
    "theme_output": ("생산", "Output"),
    "theme_people": ("인구", "People"),
    "theme_labour": ("고용", "Labour"),
    "theme_firms": ("기업", "Firms"),
    "theme_innovation": ("혁신", "Innovation"),
    "additive_heading": ("규모 지표: 수도권 비중", "Size indicators: the capital region's share"),
    "rate_heading": ("비율 지표: 구성요소로 다시 계산한 권역 값",
                     "Rates: regional values rebuilt from their components"),
    "not_comparable_heading": ("비교하지 않은 지표", "Indicators not compared"),
    "published_heading": ("공표된 수도권·비수도권 수치 (계산값 아님)",
                          "Published capital vs rest figures (as published, not computed)"),
    "vintage_heading": ("기준년 차이에 대하여", "About base-year vintages"),
    "vintage_note": (
        "정부 계획(「지역중소기업 혁신성장 촉진방안」, 2023)이 인용한 비수도권 GRDP 비중은 이전 기준년 "
        "시리즈에서 나온 값입니다. 이 대시보드는 통계청 KOSIS DT_1C81의 2020년 기준 시리즈를 쓰므로 같은 "
        "연도라도 값이 조금 다를 수 있습니다. 자료를 계획 수치에 맞추어 고치지 않습니다.",
        "The non-capital GRDP shares quoted in the 2023 government plan come from an older "
        "base-year series. This dashboard uses the 2020 base-year series (KOSIS DT_1C81), so the "
        "same year can differ slightly. The data is never adjusted to match the plan."),
    "vintage_values": ("번들 시리즈의 비수도권 명목 GRDP 비중", "Non-capital share of nominal GRDP in the bundled series"),
    "preliminary": ("잠정치", "preliminary"),
    "counted_in_parent": ("이전 소속 시도에 포함", "counted in its former province"),
    "source_prefix": ("출처", "Source"),
    "unit_prefix": ("단위", "Unit"),
    "user_update_label": ("사용자 갱신", "User update"),
    "user_import_label": ("사용자 가져오기", "User import"),
    "bundled_only_toggle": ("번들(공식) 자료만 보기", "Bundled (official) data only"),
    "bundled_only_help": (
        "사용자가 가져오거나 갱신한 자료를 이 화면에서 숨기고 번들 자료만 보여 줍니다. 다른 "
        "사용자에게는 영향이 없습니다.",
        "Hides every series users imported or updated and shows the bundled data only, for "
        "you alone; nobody else's view changes."),
    "bundled_only_on": ("사용자 자료를 숨겼습니다: 모든 값이 번들 자료입니다.",
                        "User data hidden: every value is bundled data."),
}


def _merged(*parts: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for part in parts:
        twice = merged.keys() & part.keys()
        if twice:
            raise ValueError(f"string keys defined twice: {sorted(twice)}")
        merged.update(part)
    return merged


STRINGS = _merged(COMMON_STRINGS, map_strings.STRINGS, trends.STRINGS, importing.STRINGS,
                  export.STRINGS, analysis.STRINGS, disparity.STRINGS)
PLURAL_SEPARATOR = "|"   # an English counted phrase holds 'one form|other form'


def t(key: str, lang: str) -> str:
    """The UI string for a key in the chosen language."""
    korean, english = STRINGS[key]
    return english if lang == "en" else korean


def both(key: str, **values) -> tuple[str, str]:
    """(Korean, English) of a key, formatted: for results that carry both languages
    (an analysis reason or note). A value given as a (Korean, English) pair, such as a
    region's two names, is used in its own language."""
    def filled(text: str, index: int) -> str:
        return text.format(**{name: value[index] if isinstance(value, tuple) else value
                              for name, value in values.items()}) if values else text
    korean, english = STRINGS[key]
    return filled(korean, 0), filled(english, 1)


def counted(key: str, count: int, lang: str, **values) -> str:
    """A phrase with a number in it, in the right grammatical number: '1 province',
    '3 provinces' (English values of these keys hold 'one|other'; Korean has one form)."""
    text = t(key, lang)
    if PLURAL_SEPARATOR in text:
        one, other = text.split(PLURAL_SEPARATOR)
        text = one if count == 1 else other
    return text.format(count=count, **values)
