"""UI strings for the map page(s): key -> (Korean, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "map_page_title": ("격차 지도", "Gap map"),
    "map_heading": ("수도권과 비수도권, 지도로 보는 격차", "The capital-region gap on the map"),
    "map_intro": (
        "지표와 연도, 보는 방법을 고르면 17개 시도(인구는 시군구)를 색으로 나누어 보여줍니다. "
        "굵은 주황·검정 선이 수도권(서울·인천·경기)입니다. 지역을 누르면 오른쪽에 추이가 나옵니다.",
        "Pick an indicator, a year and a measure to shade the 17 provinces (population also by "
        "city, county and district). The thick vermillion-and-black line marks the capital region (Seoul, Incheon, "
        "Gyeonggi). Click a region to see its trend on the right."),
    # widgets
    "map_indicator": ("지표", "Indicator"),
    "map_level": ("지역 단위", "Regions"),
    "map_level_sido": ("시도 (17)", "Provinces (17)"),
    "map_level_sigungu": ("시군구", "Cities, counties and districts"),
    "map_year": ("연도", "Year"),
    "map_measure": ("보는 방법", "Measure"),
    "map_measure_level": ("수준", "Level"),
    "map_measure_per_capita": ("1인당", "Per capita"),
    "map_measure_share": ("전국 대비 비중", "Share of national total"),
    "map_measure_growth": ("증가율", "Growth"),
    "map_measure_index": ("지수", "Index"),
    "map_unavailable_measures": ("이 지표·연도에서 볼 수 없는 방법", "Measures not available here"),
    "map_measure_fallback": (
        "{year}년에는 '{wanted}'을(를) 볼 수 없어 '{shown}'(으)로 보여 줍니다: {reason}.",
        "'{wanted}' is not available for {year}, so the map shows '{shown}': {reason}."),
    "map_measure_fallback_years": (
        "'{wanted}'은(는) {first}–{last}년에 볼 수 있으며, 그 연도를 고르면 다시 '{wanted}'(으)로 "
        "보여 줍니다.",
        "'{wanted}' is available for {first}–{last}; pick one of those years to see it again."),
    "map_base_year": ("기준연도", "Base year"),
    "map_reference": ("비교 기준", "Compare with"),
    "map_reference_national": ("전국 평균", "National average"),
    "map_reference_capital": ("수도권 평균", "Capital-region average"),
    "map_scheme": ("구간 나누기", "Classes"),
    "map_scheme_quantiles": ("분위수", "Quantiles"),
    "map_scheme_natural_breaks": ("자연 구간(Fisher–Jenks)", "Natural breaks (Fisher–Jenks)"),
    "map_scheme_equal_interval": ("같은 간격", "Equal interval"),
    "map_scheme_manual": ("직접 입력", "Manual"),
    "map_k": ("구간 수", "Number of classes"),
    "map_manual_breaks": ("구간 경계 (공백이나 쉼표로 구분)", "Class breaks (space or comma separated)"),
    "map_manual_rejected": ("숫자가 아니어서 무시함", "ignored, not numbers"),
    "map_fixed_breaks": ("모든 연도에 같은 구간 사용", "Same classes for every year"),
    "map_fixed_breaks_help": ("연도를 바꿔도 색의 뜻이 같도록 모든 연도의 값으로 구간을 정합니다.",
                              "Breaks come from every year's values so colours mean the same "
                              "across years."),
    "map_diverging": ("평균과의 차이로 보기", "Show the gap to an average"),
    "map_dissolve": ("묶어 보기", "Group regions"),
    "map_dissolve_none": ("묶지 않음", "No grouping"),
    "map_dissolve_capital": ("수도권 / 비수도권", "Capital region / rest"),
    "map_dissolve_gwonyeok": ("7개 권역", "Seven region groups"),
    "map_policy": ("정책 레이어", "Policy layers"),
    "map_status_year": ("{year}년", "{year}"),
    "map_policy_help": ("「지역중소기업 혁신성장 촉진방안」(2023)이 든 지역", "Regions named by the 2023 plan"),
    "policy_future_industry_pair": ("지역협력형 미래 신산업", "Inter-regional future industries"),
    "policy_crisis_support_center": ("위기지원센터", "Crisis support centres"),
    "policy_restructuring_center": ("구조혁신지원센터", "Restructuring support centres"),
    "policy_regulation_free_zone": ("규제자유특구", "Regulation-free zones"),
    "policy_growth_project": ("지역기업 성장 프로젝트", "Regional firm growth projects"),
    "policy_startup_cluster": ("창업벤처 집적", "Startup clusters"),
    "map_sigungu_only_population": ("시군구 자료는 인구 지표에만 있습니다.",
                                    "City, county and district data exist for population "
                                    "indicators only."),
    "map_dissolve_uses_sido": ("묶어 보기는 시도 자료로 계산합니다.",
                               "Grouped maps are computed from province data."),
    # map content
    "map_no_data": ("자료 없음", "No data"),
    "map_capital_outline": ("수도권 경계", "Capital region boundary"),
    "map_gap_to_national": ("전국 평균과 차이", "Gap to national average"),
    "map_gap_to_capital": ("수도권 평균과 차이", "Gap to capital-region average"),
    "map_total_change": ("누적 변화", "Total change"),
    "map_share_of_nation": ("전국 대비 비중", "Share of nation"),
    "map_tt_capital": ("수도권 평균", "Capital region"),
    "map_tt_noncapital": ("비수도권 평균", "Rest of country"),
    "map_tt_nation": ("전국 평균", "National average"),
    # a dissolved map of sizes compares with totals divided by the groups they hold
    "map_tt_capital_per_capital": ("수도권 합계", "Capital region total"),
    "map_tt_nation_per_capital": ("두 묶음의 평균(전국 합계 ÷ 2)",
                                  "Mean of the two groups (national total ÷ 2)"),
    "map_tt_capital_per_gwonyeok": ("수도권 합계(한 권역)", "Capital region total (one group)"),
    "map_tt_noncapital_per_gwonyeok": ("비수도권 권역 평균(합계 ÷ 6)",
                                       "Mean of the six other groups (their total ÷ 6)"),
    "map_tt_nation_per_gwonyeok": ("7개 권역 평균(전국 합계 ÷ 7)",
                                   "Mean of the seven groups (national total ÷ 7)"),
    "map_gap_to": ("{reference} 대비 차이", "Gap to: {reference}"),
    "map_sigungu_units_note": (
        "일반구가 있는 시는 구별로 그리고 순위를 매깁니다({cities}개 시의 {districts}개 구). "
        "다른 시·군·자치구는 전체가 한 단위입니다.",
        "Cities with non-autonomous districts are drawn and ranked by district "
        "({districts} districts of {cities} cities); every other city, county and autonomous "
        "district is one unit."),
    "map_col_rank": ("순위", "Rank"),
    "map_col_region": ("지역", "Region"),
    "map_col_group": ("권역", "Region group"),
    "map_col_sido": ("시도", "Province"),
    "map_col_note": ("비고", "Note"),
    "map_missing_counted_in_parent": ("이 지표가 따로 집계하기 전이라 이전 소속 시도에 포함됨",
                                      "not yet compiled separately: counted in its former "
                                      "province"),
    "map_missing_not_yet": ("이 해에는 아직 없던 시도(출범 전 지역은 이전 소속 시도에 포함)",
                            "did not exist yet that year (its area is counted in its former "
                            "province)"),
    "map_missing_not_in_source": ("원자료에 값이 없음", "no figure in the source"),
    "map_missing_not_computable": ("기준연도·분모·기준 평균 중 없는 자료가 있어 계산할 수 없음",
                                   "the base year, denominator or reference is missing"),
    "map_missing_group": ("구성 시도 중 자료가 없는 곳이 있어 계산하지 않음",
                          "a member province has no data"),
    "map_no_reference": ("비교 기준 평균을 만들 수 없는 지표·방법이라 차이를 그리지 않음 "
                         "(비율의 구성요소나 합산 가능한 값이 없음)",
                         "the chosen average cannot be built for this indicator and measure "
                         "(no components or additive values), so no gap is drawn"),
    "map_all_regions": ("모든 지역", "All regions"),
    # layout
    "map_table_heading": ("지도에 표시한 값", "Mapped values"),
    "map_region_panel": ("지역 추이", "Regional trend"),
    "map_pick_region": ("지역 선택 (지도를 눌러도 됩니다)", "Region (or click the map)"),
    "map_pick_none": ("— 선택 안 함 —", "— none —"),
    "map_trend_axis": ("값", "Value"),
    "map_trend_series": ("계열", "Series"),
    "map_no_trend": ("이 방법으로 볼 수 있는 연도가 하나뿐입니다.", "Only one year is available for this measure."),
}
