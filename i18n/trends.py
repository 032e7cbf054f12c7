"""UI strings for the trends and compare pages and the home scorecard: key -> (Korean, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # series and legends
    "series_capital": ("수도권", "Capital region"),
    "series_noncapital": ("비수도권", "Rest of country"),
    "series_nation": ("전국", "Nation"),
    "series_cap_published": ("수도권 (공표치)", "Capital region (published)"),
    "series_noncap_published": ("비수도권 (공표치)", "Rest of country (published)"),
    "series_noncap_exdj_published": ("비수도권·대전 제외 (공표치)",
                                     "Rest excl. Daejeon (published)"),
    "series_nation_published": ("전국 (공표치)", "Nation (published)"),
    "series_gap_ratio": ("수도권 ÷ 비수도권", "Capital ÷ rest"),
    "series_gap_rate": ("수도권 − 비수도권", "Capital − rest"),
    "legend_groups": ("구분", "Series"),
    "legend_gwonyeok": ("권역", "Region group"),
    "legend_regions": ("시도", "Province"),
    # views and measures
    "view_groups": ("수도권 vs 비수도권", "Capital vs rest"),
    "view_gwonyeok": ("7개 권역", "Seven region groups"),
    "view_regions": ("시도별", "By province"),
    "view_title_groups": ("수도권 vs 비수도권", "capital region vs the rest"),
    "view_title_gwonyeok": ("권역별", "by region group"),
    "view_title_regions": ("시도별", "by province"),
    "measure_level": ("수준", "level"),
    "measure_share": ("전국 대비 비중", "share of the national total"),
    "measure_gap": ("격차(비율 또는 차이)", "gap (ratio or difference)"),
    "measure_index": ("지수(기준년 = 100)", "index (base year = 100)"),
    # axes and tooltips
    "axis_year": ("연도", "Year"),
    "axis_share": ("전국 대비 비중", "Share of national total"),
    "axis_share_short": ("전국 대비 비중 (%)", "Share of nation (%)"),
    "axis_index": ("지수 ({base}년 = 100)", "Index ({base} = 100)"),
    "tooltip_value": ("값", "Value"),
    "tooltip_note": ("비고", "Note"),
    "tooltip_as_published": ("공표 원값", "As published"),
    # notes under or inside charts
    "note_published": (
        "◆ 공표치: 보도자료·정부 계획에 인용된 수치 그대로이며 이 대시보드가 계산한 값이 아님",
        "◆ published: figures as quoted in releases and the government plan, not computed here"),
    "note_dropped": ("일부 시도 자료가 없어 합계를 내지 않은 연도: {years}",
                     "Years without totals because a province is missing: {years}"),
    "note_breaks": ("계열 단절", "Breaks in the series"),
    "note_gaps": ("자료가 없는 연도(선이 끊김): {years}", "Years without data (gap in the line): {years}"),
    "note_gap_reason": ("{years}년 선이 끊긴 이유: {reason}", "Gap in {years}: {reason}"),
    "gap_label_missing": ("{years} {no_data}", "{years}: {no_data}"),
    "gap_label_dropped": ("{years} 합계 없음", "{years}: no total"),
    "note_unindexed": ("{base}년 값이 없어 지수에서 뺀 시도: {regions}",
                       "Left out of the index (no value in {base}): {regions}"),
    # home scorecard
    "scorecard_heading": ("계획의 10개 지표: 수도권 vs 비수도권",
                          "The plan's ten indicators: capital region vs the rest"),
    "scorecard_intro": (
        "「지역중소기업 혁신성장 촉진방안」(2023) Ⅱ장의 10개 비교를 번들 자료로 다시 그렸습니다. "
        "모두 전국 대비 비중(%)입니다. 실선은 모든 시도 자료로 계산한 값, 막대는 보도자료·계획에 "
        "인용된 공표치(옅은 막대는 공표치로 계산한 값)입니다.",
        "The ten comparisons of the 2023 plan's section II, redrawn from the bundled data, all "
        "as shares of the national total (%). Lines are computed from every province; bars are "
        "figures quoted in releases and the plan (lighter bars are derived from quoted figures)."),
    "scorecard_quoted": ("보도자료·계획 인용 공표치", "figures quoted in releases"),
    "scorecard_change": ("({first} 대비 수도권 {change})", "(capital {change} since {first})"),
    "scorecard_method": ("산출 방법", "Method"),
    "method_computed": ("모든 시도 합계로 계산", "computed from every province"),
    "method_published": ("공표치 그대로", "as published"),
    "method_derived": ("공표치로 계산(100−상대 비중 또는 수도권 ÷ 전국)",
                       "derived from published figures "
                       "(100 − the other share, or capital ÷ nation)"),
    "scorecard_unavailable": ("번들 자료로는 이 비교를 만들 수 없습니다.",
                              "The bundled data cannot support this comparison."),
    "scorecard_fill_source": ("전체 시도 자료 출처: {source}", "Complete provincial series: {source}"),
    "scorecard_fragments": ("번들에 있는 일부 자료: {items}", "Partial figures bundled: {items}"),
    "scorecard_fragment": ("{name} {year}년 {count}개 시도",
                           "{name} {year}, {count} province|{name} {year}, {count} provinces"),
    "scorecard_import_planned": ("자료 가져오기(KOSIS 파일·Open API) 기능 준비 중",
                                 "Import from KOSIS files or the Open API: planned"),
    "scorecard_import_link": ("이 자료 가져오기", "Import this data"),
    # compare page
    "measure_per_capita": ("1인당", "per head"),
    "col_region": ("지역", "Region"),
    "col_level": ("값", "Value"),
    "col_per_capita": ("1인당", "Per head"),
    "col_rank": ("순위(높은 순)", "Rank (highest first)"),
    "col_share": ("전국 대비 비중", "Share of nation"),
    "col_index": ("전국 평균 = 100", "Nation = 100"),
    "rank_of": ("{n}개 중 {rank}위", "{rank} of {n}"),
    "axis_index_nation": ("전국 평균 = 100", "National average = 100"),
    "compare_title": ("{year}년 선택 지역 비교: 전국 평균 = 100",
                      "Selected regions in {year}: national average = 100"),
    "compare_subtitle": (
        "규모 지표는 인구 1인당 값, 비율 지표는 비율 자체를 전국 값과 비교",
        "Size indicators per head of population, rates as they are, against the national figure"),
    "national_average": ("전국 평균", "National average"),
    "ranked_title": ("{name}, {year}: 시도 순위 ({measure})",
                     "{name}, {year}: provinces ranked ({measure})"),
    "series_nation_average": ("전국 평균", "National average"),
    "series_noncapital_average": ("비수도권 평균", "Non-capital average"),
    "tooltip_basis": ("평균 기준", "Average basis"),
    "profile_title": ("{region}: 전국·비수도권 평균과 비교한 추이",
                      "{region} over time against the national and non-capital averages"),
    "profile_subtitle": (
        "평균: 1인당 지표는 집단 합계 ÷ 집단 인구, 인구·고용 등 규모는 시도당 평균(합계 ÷ 시도 수), "
        "비율은 구성요소 합계로 다시 계산",
        "Averages: per-head indicators are group total ÷ group population, counts are per "
        "province (total ÷ provinces), rates are rebuilt from summed components"),
    # trends page
    "trends_page_title": ("추이", "Trends"),
    "trends_heading": ("수도권과 비수도권, 시간에 따라", "Capital region and the rest over time"),
    "trends_intro": (
        "지표를 고르면 수도권·비수도권(또는 7개 권역, 17개 시도)의 추이를 보여 줍니다. 합계는 모든 시도 "
        "자료가 있는 해에만 내고, 비율은 구성요소로 다시 계산합니다. 선 끝의 이름을 누르면 해당 계열이 "
        "강조되고, 두 번 누르면 풀립니다.",
        "Pick an indicator to see the capital region against the rest (or the seven region "
        "groups, or the 17 provinces) over time. Totals are made only for years with every "
        "province; rates are rebuilt from their components. Click a line's name to highlight it "
        "(double-click to clear)."),
    "select_indicator": ("지표", "Indicator"),
    "select_view": ("보기", "View"),
    "select_measure": ("측정", "Measure"),
    "measures_unavailable": ("제공하지 않는 측정 — ", "Not offered — "),
    "no_measure_in_view": (
        "이 지표는 이 보기에서 보여 줄 수 있는 값이 없습니다. 위의 이유를 참고해 '시도별' 보기를 고르세요.",
        "This indicator has nothing to show in this view (see the reasons above); try "
        "'By province'."),
    "select_regions": ("시도 (수도권은 굵은 선, 붉은 계열)", "Provinces (capital region: bold, warm colours)"),
    "no_regions_selected": ("선택한 시도가 없어 17개 시도를 모두 보여 줍니다.",
                            "No province selected: showing all 17."),
    "select_base_year": ("기준년 (= 100)", "Base year (= 100)"),
    "small_multiples": ("지역별 작은 그림", "Small multiples"),
    "y_axis": ("세로축", "Y axis"),
    "y_shared": ("공유", "shared"),
    "y_independent": ("개별", "independent"),
    "select_years": ("기간", "Years"),
    "show_table": ("표로 보기", "Show the numbers"),
    # compare page layout
    "compare_page_title": ("비교", "Compare"),
    "compare_heading": ("지역끼리 나란히", "Regions side by side"),
    "compare_intro": (
        "한 해를 골라 2~5개 시도(또는 권역)를 모든 지표에서 비교하고, 한 지표로 17개 시도의 순위를 보고, "
        "한 시도의 추이를 전국·비수도권 평균과 견줍니다.",
        "Pick a year to compare two to five provinces (or region groups) on every indicator, "
        "rank all 17 provinces on one indicator, and follow one province against the national "
        "and non-capital averages."),
    "compare_section_selected": ("선택한 지역 비교", "Selected regions"),
    "compare_section_ranked": ("17개 시도 순위", "All 17 provinces ranked"),
    "compare_section_profile": ("시도 프로필", "Province profile"),
    "select_year": ("연도", "Year"),
    "select_unit": ("단위", "Unit"),
    "unit_regions": ("시도", "Provinces"),
    "unit_gwonyeok": ("권역", "Region groups"),
    "select_compare_regions": ("시도 (2~5개)", "Provinces (2–5)"),
    "select_compare_gwonyeok": ("권역 (2~5개)", "Region groups (2–5)"),
    "select_at_least_two": ("비교할 지역을 2개 이상 고르세요.", "Pick at least two regions to compare."),
    "compare_no_index": (
        "이 해에는 전국 평균과 견줄 수 있는 지표(1인당 값이나 비율)가 없어 막대그림을 그리지 않습니다.",
        "No indicator this year can be set against the national average (per head or rate), "
        "so there is no bar chart."),
    "compare_table_note": (
        "순위는 값이 높은 순(자료가 있는 지역 중). 1인당은 같은 해 인구 기준, 비중은 모든 시도 자료가 있는 "
        "해에만 계산합니다. 권역 값은 시도 합계이고 비율은 구성요소로 다시 계산했습니다.",
        "Ranks are highest first among the regions with data. Per head uses the same year's "
        "population; shares exist only in years with every province. Region-group values are "
        "sums of provinces, rates rebuilt from their components."),
    "select_profile_region": ("시도", "Province"),
    "profile_empty": ("이 시도의 통계 자료가 없습니다.", "No statistics for this province."),
}
