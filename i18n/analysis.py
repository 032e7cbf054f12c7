"""Strings the analysis layer words (why a measure is refused, notes under a map or chart,
units of derived measures): key -> (Korean, English). Analysis results carry both
languages (reason_ko/reason_en, note_ko/note_en), filled from here with i18n.both."""

STRINGS: dict[str, tuple[str, str]] = {
    # why a map measure is not offered (analysis.measures)
    "unavailable_no_rows": ("{year}년 자료가 없음", "no data for {year}"),
    "unavailable_no_denominator": (
        "인구 분모가 정의되지 않은 지표(비율·인구·공표값)라 1인당 값을 내지 않음",
        "no population denominator is defined for this indicator "
        "(a rate, a population count or a published figure)"),
    "unavailable_denominator_missing": ("{year}년 분모({denominator}) 자료가 없음",
                                        "the denominator ({denominator}) has no data for {year}"),
    "unavailable_not_additive": (
        "합산할 수 없는 지표(비율·연쇄가격·공표 비중)라 전국 대비 비중을 내지 않음",
        "not additive (a rate, chained volume or published share): "
        "no share of the national total"),
    "unavailable_incomplete": (
        "{year}년 시도 자료가 모두 갖춰지지 않아 전국 합계를 알 수 없음",
        "not every province has data for {year}, so the national total is unknown"),
    "unavailable_no_earlier_year": ("{year}년보다 앞선 자료 연도가 없어 증가율을 낼 수 없음",
                                    "no year before {year} to grow from"),
    "unavailable_base_not_before": ("기준연도는 비교연도보다 앞서야 함",
                                    "the base year must precede the year"),
    "unavailable_base_missing": ("기준연도 {base_year}년 자료가 없음",
                                 "no data for the base year {base_year}"),
    "unavailable_no_national_rate": (
        "전국 값도 구성요소도 없어 전국 평균 대비 지수를 낼 수 없음",
        "neither a national value nor the components are available, "
        "so there is no national average to index against"),
    "unavailable_index_needs_denominator": (
        "규모 지표는 인구 1인당으로 바꿔야 전국 평균과 비교할 수 있는데 인구 분모가 없음 "
        "(전국 대비 비중을 보세요)",
        "a size indicator needs a population denominator to compare with the national "
        "average, and none is defined (see the share of the national total instead)"),
    # why a trend measure is not offered (analysis.trends)
    "trend_not_aggregable": (
        "비율·연쇄지수 지표라 더할 수 없고 구성요소도 번들 자료에 없어 묶음 값을 계산하지 않음",
        "a rate or chain-linked volume cannot be summed and its components are not bundled"),
    "trend_no_complete_year": (
        "모든 시도 자료가 갖춰진 연도가 없어 합계를 내지 않음 (부분 합계는 만들지 않음)",
        "no year has every province, so no total is made (partial sums are never shown)"),
    "trend_only_groups": ("수도권–비수도권 보기에서만 쓸 수 있음",
                          "only for the capital vs rest view"),
    "trend_not_for_rates": (
        "비율(%) 지표는 더하거나 지수로 바꾸지 않음 — 수준과 %p 차이로 비교",
        "percentages are neither summed nor indexed: compare levels and the gap in pp"),
    "trend_not_additive": ("합산할 수 없는 지표라 전국 대비 비중을 내지 않음",
                           "not additive across regions, so no share of the national total"),
    "trend_scattered": ("공표치는 흩어진 연도의 인용값이라 지수로 잇지 않음",
                        "published figures are scattered quotes, not a series to index"),
    "trend_no_provincial_data": ("시도별 자료 없음", "no provincial data"),
    # breaks in a series
    "break_new_region": ("{region} 분리 집계 시작", "{region} compiled separately"),
    "break_base_year": ("{year} 기준년 (전 기간 개편)", "{year} base year (whole series revised)"),
    "break_preliminary": ("{year} 잠정치", "{year} preliminary"),
    # why the home page does not compare an indicator (analysis.gap)
    "gap_no_complete_year": ("시도 전체가 갖춰진 연도가 없음", "no year has every province"),
    "gap_not_additive": (
        "시도 값을 더해도 전국이 되지 않는 지표라 권역 합계를 내지 않음 (정의 참조)",
        "regional values do not add up to the national total, so no group total "
        "is computed (see its definition)"),
    "gap_rate_without_components": (
        "비율 지표라 더할 수 없고, 구성요소가 번들 자료에 없어 권역 값을 계산하지 않음",
        "a rate cannot be summed, and its components are not bundled"),
    "gap_components_incomplete": ("구성요소가 모두 갖춰진 연도가 없음",
                                  "no year has complete components"),
    # notes under a map (analysis.measures)
    "note_level_average": ("비교값은 지역당 평균", "group figures are averages per region"),
    "note_denominator": ("분모: 같은 해 {name}", "denominator: {name} in the same year"),
    "note_share": ("전국 = 시도 합계(100%). 비교값은 지역당 평균 비중",
                   "nation = sum of the provinces (100%); group figures are average "
                   "shares per region"),
    "note_growth_pp": ("{base_year}→{year}년 변화(%p)",
                       "change {base_year}→{year} in percentage points"),
    "note_growth": ("{base_year}→{year}년 연평균 증가율(CAGR); 누적 변화율은 표에",
                    "compound annual growth {base_year}→{year}; total change in the table"),
    "note_growth_nominal": (
        "{base_year}→{year}년 연평균 증가율(CAGR); 누적 변화율은 표에 (명목 가격 기준)",
        "compound annual growth {base_year}→{year}; total change in the table "
        "(current prices)"),
    "note_index": ("{reference} 평균 = 100 ({basis})", "{reference} average = 100 ({basis})"),
    "note_index_basis_rate": ("비율 기준", "rate basis"),
    "note_index_basis_per_capita": ("1인당 값 기준", "per-capita basis"),
    "note_index_unbuildable": ("기준 평균을 만들 수 없어(구성요소가 번들 자료에 없음) 지수를 내지 못함.",
                               "The reference average cannot be built (components not bundled)."),
    "note_preliminary_year": ("{year}년 값은 잠정치.", "{year} values are preliminary."),
    "reference_national": ("전국", "nation"),
    "reference_capital": ("수도권", "capital region"),
    # how a compared average is built (analysis.compare)
    "basis_per_capita": ("1인당 값(집단 합계 ÷ 집단 인구)",
                         "per head (group total ÷ group population)"),
    "basis_per_region": ("시도당 평균(집단 합계 ÷ 시도 수)",
                         "average per province (group total ÷ provinces)"),
    "basis_rate": ("구성요소 합계로 다시 계산한 비율", "rate rebuilt from summed components"),
    "basis_national_row": ("공식 전국 값(비수도권 평균은 구성요소가 없어 계산하지 않음)",
                           "official national figure (no non-capital average: components "
                           "not bundled)"),
    "basis_national_value": ("공식 전국 값", "official national figure"),
    "basis_share": ("시도당 평균 비중(100% ÷ 시도 수)",
                    "average share per province (100% ÷ provinces)"),
    # units of derived measures
    "unit_pp": ("%p", "pp"),
    "unit_pct_per_year": ("%/년", "% per year"),
    "unit_index": ("지수", "index"),
    "unit_times": ("배", "×"),
    "unit_rank": ("위", "rank"),
    "unit_index_of": ("{reference}=100", "{reference}=100"),
    "unit_money_per_head": ("만원/{per}", "KRW 10k per {per}"),
    "unit_count_per": ("{unit}/{per}", "{unit} per {per}"),
    "per_person": ("인", "person"),
    "per_thousand_persons": ("천 명", "1,000 persons"),
    "per_working_age_person": ("생산연령인구 1인", "working-age person"),
    "per_thousand_working_age": ("생산연령인구 천 명", "1,000 working-age persons"),
    "per_one_of": ("{name} 1인", "person ({name})"),
    "per_thousand_of": ("{name} 천 명", "1,000 persons ({name})"),
    "no_data": ("자료 없음", "no data"),
    # the plan's scorecard panels (analysis.scorecard)
    "panel_working_age": ("생산연령인구", "Working-age population"),
    "panel_grdp": ("지역내총생산", "GRDP"),
    "panel_rnd_expenditure": ("연구개발비", "R&D expenditure"),
    "panel_rnd_personnel": ("연구개발인력", "R&D personnel"),
    "panel_sme_firms": ("중소기업 수", "SME firms"),
    "panel_sme_employees": ("중소기업 종사자", "SME employees"),
    "panel_sme_exports": ("중소기업 수출", "SME exports"),
    "panel_research_institutes": ("기업부설연구소", "Corporate research institutes"),
    "panel_research_institutes_source": (
        "한국산업기술진흥협회(KOITA) 기업부설연구소 현황",
        "Korea Industrial Technology Association (KOITA), corporate R&D centre statistics"),
    "panel_venture_firms": ("벤처기업 수", "Venture firms"),
    "panel_venture_investment": ("신규 벤처투자", "New venture investment"),
}
