"""Why a figure is not shown (analysis.availability): key -> (Korean, English).

One reason per rule of the aggregation core and the measures; pages word every refusal
with these, so the same refusal reads the same on every page and in both languages.
"""

STRINGS: dict[str, tuple[str, str]] = {
    # group values: sums of complete cross-sections, rates rebuilt from components
    "why_no_complete_year": (
        "모든 시도 자료가 갖춰진 연도가 없어 합계를 내지 않음 (부분 합계는 만들지 않음)",
        "no year has every province, so no total is made (partial sums are never shown)"),
    "why_no_complete_components": (
        "구성요소가 모두 갖춰진 연도가 없음", "no year has complete components"),
    "why_volume_not_additive": (
        "시도 값을 더해도 전국이 되지 않는 지표라 권역 합계를 내지 않음 (정의 참조)",
        "regional values do not add up to the national total, so no group total is computed "
        "(see its definition)"),
    "why_rate_without_components": (
        "비율 지표라 더할 수 없고, 구성요소가 번들 자료에 없어 권역 값을 계산하지 않음",
        "a rate cannot be summed, and its components are not bundled"),
    "why_not_additive": (
        "합산할 수 없는 지표(비율·연쇄가격·공표 비중)라 전국 대비 비중을 내지 않음",
        "not additive (a rate, chained volume or published share): no share of the national "
        "total"),
    "why_no_provincial_data": ("시도별 자료 없음", "no provincial data"),
    "why_only_groups": ("수도권–비수도권 보기에서만 쓸 수 있음", "only for the capital vs rest view"),
    "why_not_for_rates": (
        "비율(%) 지표는 더하거나 지수로 바꾸지 않음 — 수준과 %p 차이로 비교",
        "percentages are neither summed nor indexed: compare levels and the gap in pp"),
    "why_scattered": ("공표치는 흩어진 연도의 인용값이라 지수로 잇지 않음",
                      "published figures are scattered quotes, not a series to index"),
    # map measures
    "why_no_rows": ("{year}년 자료가 없음", "no data for {year}"),
    "why_no_denominator": (
        "인구 분모가 정의되지 않은 지표(비율·인구·공표값)라 1인당 값을 내지 않음",
        "no population denominator is defined for this indicator (a rate, a population count "
        "or a published figure)"),
    "why_denominator_missing": ("{year}년 분모({denominator}) 자료가 없음",
                                "the denominator ({denominator}) has no data for {year}"),
    "why_incomplete": (
        "{year}년 시도 자료가 모두 갖춰지지 않아 전국 합계를 알 수 없음",
        "not every province has data for {year}, so the national total is unknown"),
    "why_no_earlier_year": ("{year}년보다 앞선 자료 연도가 없어 증가율을 낼 수 없음",
                            "no year before {year} to grow from"),
    "why_base_not_before": ("기준연도는 비교연도보다 앞서야 함",
                            "the base year must precede the year"),
    "why_base_missing": ("기준연도 {base_year}년 자료가 없음",
                         "no data for the base year {base_year}"),
    "why_no_national_rate": (
        "전국 값도 구성요소도 없어 전국 평균 대비 지수를 낼 수 없음",
        "neither a national value nor the components are available, so there is no national "
        "average to index against"),
    "why_index_needs_denominator": (
        "규모 지표는 인구 1인당으로 바꿔야 전국 평균과 비교할 수 있는데 인구 분모가 없음 "
        "(전국 대비 비중을 보세요)",
        "a size indicator needs a population denominator to compare with the national "
        "average, and none is defined (see the share of the national total instead)"),
}
