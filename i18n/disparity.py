"""UI strings for the disparity page (격차 지표) and its reasons: key -> (Korean, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # why a measure is not computed
    "why_disparity_published": (
        "공표치는 일부 연도·시도의 인용값이라 지역 간 불평등을 계산하지 않음",
        "published figures are scattered quotes, not complete cross-sections of the provinces"),
    "why_disparity_size": (
        "규모(인구·총액)는 지역 크기를 따라가므로 불평등 지표로 비교하지 않음 — 1인당 값이나 비율을 고르세요",
        "a size (a population or a total) follows the size of the region, so it is not "
        "compared for inequality: pick a per-head value or a rate"),
    "why_disparity_no_basis": (
        "인구 분모도 비율도 아니어서 지역끼리 견줄 값이 없음",
        "neither a per-head value nor a rate, so there is no value to compare regions on"),
    "why_disparity_no_year": ("{year}년 {part} 자료가 없음", "no {part} data for {year}"),
    "why_disparity_incomplete": (
        "{year}년에는 {regions} 자료가 없어 모든 시도를 비교할 수 없음",
        "{year}: no data for {regions}, so not every province can be compared"),
    "why_disparity_division": (
        "{year}년에는 분자와 분모의 시도 구분이 다름({regions}: 한쪽은 이전 소속 시도에 포함)",
        "{year}: numerator and denominator divide the provinces differently ({regions} is "
        "counted in its former province in one of them)"),
    "why_disparity_no_weights": (
        "비율의 분모가 번들 자료에 없어 인구 가중 통계를 내지 않음",
        "the rate's denominator is not bundled, so no population-weighted statistic is made"),
    "why_disparity_weights_missing": (
        "{year}년 가중치({weight})가 같은 시도 전체에 없음",
        "{year}: the weights ({weight}) do not cover the same provinces"),
}
STRINGS.update({
    "why_beta_order": ("β-수렴 기간의 시작 연도가 끝 연도보다 앞서야 함",
                       "the β period must start before it ends"),
    "why_beta_year": ("{year}년은 모든 시도 자료가 갖춰진 연도가 아님",
                      "{year} is not a year with every province"),
    "why_beta_regions": ("두 연도 모두 값이 있는 시도가 {minimum}곳보다 적어 회귀를 하지 않음",
                         "fewer than {minimum} provinces have values in both years, so no "
                         "regression is fitted"),
    "why_scatter_same": ("가로축과 세로축에 같은 지표를 골랐습니다.",
                         "The same indicator is on both axes."),
    "why_scatter_year": ("{year}년에는 두 지표가 모든 시도를 같은 구분으로 덮지 않음",
                         "{year}: the two indicators do not cover every province the same way"),
    "why_spatial_size": (
        "규모(인구 수)는 큰 시군구끼리 '핫스팟'이 되므로 공간 군집을 검정하지 않음 — 비중이나 증가율을 고르세요",
        "a size (a head count) would make large municipalities a hot spot for being large: "
        "pick a share or a growth rate"),
    "why_spatial_base": ("증가율에는 기준연도가 필요함", "growth needs a base year"),
    "why_spatial_few": ("값이 있는 시군구가 {count}곳뿐이라({minimum}곳 미만) 군집을 검정하지 않음",
                        "only {count} municipalities have a value (fewer than {minimum}), so no "
                        "clusters are tested"),
    # page
    "disparity_page_title": ("격차 지표", "Disparity"),
    "disparity_heading": ("지역 간 격차, 지역경제학의 잣대로",
                          "Regional disparity, measured as regional economists do"),
    "disparity_intro": (
        "17개 시도 사이의 불평등(변동계수·지니·타일), 수도권–비수도권 구분이 설명하는 몫, σ·β-수렴, "
        "권역별 분포, 두 지표의 관계, 시군구 공간 군집, 인구감소지역을 계산합니다. 지역 크기를 따라가는 "
        "규모 지표가 아니라 1인당 값·비율·인구 비중만, 모든 시도 자료가 갖춰진 연도에만 비교합니다.",
        "Inequality across the 17 provinces (coefficient of variation, Gini, Theil), the share "
        "the capital-vs-rest split explains, σ- and β-convergence, the provinces by region "
        "group, two indicators against each other, municipal clusters and the depopulation "
        "areas. Only per-head values, rates and population shares are compared, never sizes, "
        "and only in years with every province."),
    "disparity_select_indicator": ("비교할 지표", "Indicator compared"),
    "disparity_select_grouping": ("집단 구분", "Grouping"),
    "disparity_grouping_capital": ("수도권 vs 비수도권", "Capital region vs the rest"),
    "disparity_grouping_gwonyeok": ("7개 권역", "Seven region groups"),
    "disparity_select_year": ("연도", "Year"),
    "disparity_select_region": ("강조할 시도", "Highlight a province"),
    "disparity_no_region": ("선택 안 함", "None"),
    "disparity_basis_per_capita": ("{name} · 1인당", "{name} · per head"),
    "disparity_basis_rate": ("{name}", "{name}"),
    "disparity_basis_population_share": ("{name} · 인구 대비 비중", "{name} · share of population"),
    "disparity_compared": ("비교하는 값: {name} ({unit})", "Compared: {name} ({unit})"),
    "disparity_weights_note": ("인구가중 통계(윌리엄슨 변동계수, 인구가중 타일 T)는 {weight}로 가중: {years}",
                               "Population-weighted statistics (Williamson's CV, weighted Theil "
                               "T) weight by {weight}: {years}"),
    "disparity_weights_none": ("인구가중 통계 없음: {reason}",
                               "No population-weighted statistics: {reason}"),
    "disparity_years_left_out": ("비교에서 뺀 연도 {count}개와 그 이유",
                                 "{count} years left out, and why"),
    "disparity_not_compared": ("이 페이지에서 비교하지 않는 지표 {count}개와 그 이유",
                               "{count} indicators not compared here, and why"),
    "disparity_one_year": ("모든 시도 자료가 갖춰진 연도가 하나뿐이라 수렴을 볼 수 없습니다.",
                           "Only one year has every province, so convergence cannot be shown."),
    "disparity_no_common_year": ("두 지표가 모두 모든 시도를 덮는 연도가 없습니다.",
                                 "No year has both indicators for every province."),
    "disparity_no_base_year": ("이 연도보다 앞선 시군구 자료가 없어 변화를 낼 수 없습니다.",
                               "No earlier municipal year to measure change from."),
    # sections
    "disparity_section_inequality": ("시도 간 불평등", "Inequality across the provinces"),
    "disparity_section_inequality_help": (
        "변동계수(표준편차÷평균), 지니계수, 타일 T는 시도를 하나씩 같은 무게로 셉니다(PySAL). 윌리엄슨 "
        "변동계수와 인구가중 타일 T는 시도마다 그 값의 인구(분모)로 가중합니다. 타일 T는 집단 간과 집단 "
        "안으로 정확히 나뉘고, 집단 간 몫이 그 구분이 설명하는 불평등의 비율입니다.",
        "The coefficient of variation (standard deviation ÷ mean), the Gini coefficient and "
        "Theil's T count each province once (PySAL). Williamson's CV and the weighted Theil T "
        "weight each province by the population the value is measured against. Theil's T "
        "splits exactly into a between-group and a within-group part; the between part's "
        "share is how much of the inequality the split explains."),
    "disparity_select_weighting": ("타일 분해의 가중", "Weighting of Theil's split"),
    "disparity_weighting_regions": ("시도 단위(가중 없음)", "Provinces (unweighted)"),
    "disparity_weighting_population": ("인구 가중", "Population-weighted"),
    "disparity_weighted": ("인구 가중", "population-weighted"),
    "disparity_unweighted": ("시도 단위·가중 없음", "provinces unweighted"),
    "disparity_section_convergence": ("수렴", "Convergence"),
    "disparity_section_convergence_help": (
        "σ-수렴: 로그 값의 시도 간 표준편차가 줄어드는가. β-수렴: 처음 수준이 낮은 시도가 더 빨리 "
        "성장했는가 — 연평균 로그 성장률을 처음 값의 로그에 회귀한 기울기 β가 음수이면 수렴이고, "
        "수렴 속도 λ = −ln(1+βT)/T, 반감기 = ln2/λ 입니다.",
        "σ-convergence: does the spread of log values across provinces shrink? β-convergence: "
        "did provinces that started lower grow faster? A negative slope β of average annual "
        "log growth on the log initial value means convergence, at speed λ = −ln(1+βT)/T with "
        "half-life ln2/λ."),
    "disparity_nominal_note": (
        "명목 GRDP의 성장률에는 물가 상승이 들어 있습니다. 실질 성장의 수렴은 '지역내총생산(실질)'을 고르세요.",
        "Nominal GRDP growth includes price changes; pick GRDP (real) for convergence in real "
        "terms."),
    "disparity_select_period": ("β-수렴 기간", "β-convergence period"),
    "disparity_section_distribution": ("권역별 분포", "The provinces by region group"),
    "disparity_section_distribution_help": (
        "한 해의 시도를 권역별로 점으로 보여 줍니다. 수도권 세 곳은 주황색, 지도나 위 목록에서 고른 "
        "시도는 검은 원으로 표시되며 수렴·두 지표 그림에도 같은 시도가 표시됩니다.",
        "One year's provinces as dots by region group, the three capital-region provinces in "
        "vermillion. The province picked on the map or in the list above is ringed here and "
        "in the convergence and two-indicator charts."),
    "disparity_section_scatter": ("두 지표의 관계", "Two indicators"),
    "disparity_section_scatter_help": (
        "한 지표를 다른 지표와 견줍니다. 원의 크기는 시도 인구, 점선은 최소제곱 직선입니다. ▶로 연도를 "
        "차례로 보여 줍니다.",
        "One indicator against another; bubbles are sized by the province's population and "
        "the dashed line is the least-squares fit. Press play to step through the years."),
    "disparity_select_x": ("가로축 지표", "Horizontal axis"),
    "disparity_select_y": ("세로축 지표", "Vertical axis"),
    "disparity_select_scatter_year": ("연도", "Year"),
    "disparity_play": ("재생", "Play"),
    "disparity_pause": ("멈춤", "Pause"),
    "disparity_section_spatial": ("시군구 공간 군집", "Spatial clusters of municipalities"),
    "disparity_section_spatial_help": (
        "값이 비슷한 시군구끼리 모여 있는지를 봅니다. 전역 모란 I가 0보다 크면 비슷한 값이 이웃에 몰려 "
        "있고, 국지 모란 I(LISA)는 주변까지 높은 곳(고-고)과 낮은 곳(저-저)을 찾습니다. 이웃은 경계가 "
        "닿는 시군구이고, 섬은 가장 가까운 시군구와 잇습니다.",
        "Do similar values sit next to each other? A global Moran's I above zero means "
        "neighbours are alike; local Moran's I (LISA) finds places that are high among high "
        "neighbours (hot spots) or low among low ones (cold spots). Neighbours share a border; "
        "islands are joined to their nearest municipality."),
    "disparity_select_lisa": ("인구 지표", "Population indicator"),
    "disparity_select_lisa_measure": ("값", "Value"),
    "disparity_lisa_measure_share": ("총인구 대비 비중", "Share of the population"),
    "disparity_lisa_measure_growth": ("연평균 증가율", "Average annual growth"),
    "disparity_select_lisa_year": ("연도", "Year"),
    "disparity_select_lisa_base": ("기준연도", "Base year"),
    "disparity_lisa_subject_share": ("{name} 비중", "{name}, share of population"),
    "disparity_lisa_subject_growth": ("{name} 연평균 증가율({base}년부터)",
                                      "{name}, average annual growth since {base}"),
    "disparity_lisa_title": ("{name}: 시군구 공간 군집 (LISA), {year}",
                             "{name}: municipal clusters (LISA), {year}"),
    "disparity_lisa_legend": ("군집 유형 (유의수준 {level}%)", "Cluster type ({level}% level)"),
    "disparity_lisa_method": (
        "국지 모란 I, {permutations}회 조건부 순열(고정 시드), 유의수준 {level}%. 이웃: 경계·꼭짓점을 "
        "공유하는 시군구(퀸), 행 표준화",
        "Local Moran's I, {permutations} conditional permutations (fixed seed), {level}% "
        "level. Neighbours: municipalities sharing a border or corner (queen), row-standardised"),
    "disparity_lisa_islands": ("맞닿은 이웃이 없어 가장 가까운 시군구와 이은 곳: {names}",
                               "Joined to their nearest municipality (no shared border): {names}"),
    "disparity_lisa_missing": ("값이 없어 검정하지 않은 시군구: {count}곳",
                               "Municipalities without a value, not tested: {count}"),
    "disparity_cluster_HH": ("고-고 (핫스팟)", "High–high (hot spot)"),
    "disparity_cluster_LL": ("저-저 (콜드스팟)", "Low–low (cold spot)"),
    "disparity_cluster_HL": ("고-저 (주변보다 높음)", "High–low (above its neighbours)"),
    "disparity_cluster_LH": ("저-고 (주변보다 낮음)", "Low–high (below its neighbours)"),
    "disparity_cluster_ns": ("유의하지 않음", "Not significant"),
    "disparity_col_cluster": ("군집", "Cluster"),
    "disparity_col_pseudo_p": ("유사 p값", "Pseudo p-value"),
    "disparity_section_depopulation": ("인구감소지역", "Depopulation areas"),
    "disparity_section_depopulation_help": (
        "행정안전부가 지정한 인구감소지역 89곳과 인구감소관심지역 18곳({total}곳 중 {outside}곳, {share}가 "
        "비수도권)을 나머지 시군구와 비교합니다. 합계와 비중은 집단의 시군구가 모두 자료를 가진 해에만 "
        "냅니다(2012~2015년에는 경기·충북 시군구 자료가 없음).",
        "The Ministry of the Interior's 89 depopulation areas and 18 areas of concern "
        "({outside} of {total}, {share}, outside the capital region) against the other "
        "municipalities. Totals and shares are made only when every municipality of a group "
        "has data (2012–2015 lack the Gyeonggi and Chungbuk municipalities)."),
    "disparity_select_depop_year": ("연도", "Year"),
    "disparity_select_depop_base": ("변화의 기준연도", "Change since"),
    # charts
    "disparity_index_cv": ("변동계수", "Coefficient of variation"),
    "disparity_index_williamson": ("인구가중 변동계수(윌리엄슨)", "Williamson's CV (weighted)"),
    "disparity_index_gini": ("지니계수", "Gini coefficient"),
    "disparity_index_theil": ("타일 T", "Theil T"),
    "disparity_index_theil_weighted": ("인구가중 타일 T", "Theil T (weighted)"),
    "disparity_index_max_min": ("최고/최저 비율(배)", "Highest ÷ lowest (×)"),
    "disparity_col_index": ("지표", "Index"),
    "disparity_col_regions": ("시도 수", "Provinces"),
    "disparity_regions_count": ("{n}개 시도", "{n} provinces"),
    "disparity_inequality_title": ("{name}: 시도 간 불평등", "{name}: inequality across provinces"),
    "disparity_inequality_subtitle": (
        "모든 시도 자료가 있는 해만 · 변동계수·지니·타일 T는 시도 단위(가중 없음)",
        "Years with every province only · CV, Gini and Theil T count provinces unweighted"),
    "disparity_part_between": ("집단 간", "Between groups"),
    "disparity_part_within": ("집단 안", "Within groups"),
    "disparity_xpart_between": ("타일 T 집단 간", "Theil T between groups"),
    "disparity_xpart_within": ("타일 T 집단 안", "Theil T within groups"),
    "disparity_xpart_between_share": ("집단 간 몫", "Between-group share"),
    "disparity_col_part": ("구성", "Part"),
    "disparity_col_share_of_t": ("타일 T 중 비중", "Share of Theil T"),
    "disparity_axis_theil": ("타일 T", "Theil T"),
    "disparity_decomposition_title": ("{name}: 타일 T 분해 — {grouping}",
                                      "{name}: Theil T split — {grouping}"),
    "disparity_decomposition_subtitle": (
        "집단 간 + 집단 안 = 전체 (정확한 분해) · {weighting}",
        "Between + within = total (an exact split) · {weighting}"),
    "disparity_axis_sigma": ("로그 값의 표준편차(σ)", "Standard deviation of log values (σ)"),
    "disparity_sigma_title": ("{name}: σ-수렴", "{name}: σ-convergence"),
    "disparity_sigma_subtitle": ("선이 내려가면 시도들이 서로 가까워짐 (모든 시도 자료가 있는 해만)",
                                 "A falling line means the provinces are drawing closer "
                                 "(years with every province only)"),
    "disparity_axis_initial": ("{year}년 값 ({unit}, 로그 눈금)", "Value in {year} ({unit}, log scale)"),
    "disparity_axis_growth": ("연평균 성장률 {first}→{last} (%/년)",
                              "Average annual growth {first}→{last} (% per year)"),
    "disparity_col_initial": ("{year}년 값", "Value in {year}"),
    "disparity_col_growth": ("연평균 로그 성장률(%/년)", "Average annual log growth (% per year)"),
    "disparity_beta_title": ("{name}: β-수렴 {first}→{last}",
                             "{name}: β-convergence {first}→{last}"),
    "disparity_beta_subtitle": (
        "β = {slope} (95% 신뢰구간 {low} ~ {high}), R² = {r2}, 시도 {n}곳 · 점선: 최소제곱 직선",
        "β = {slope} (95% CI {low} to {high}), R² = {r2}, {n} provinces · dashed: "
        "least-squares fit"),
    "disparity_weighted_mean": ("인구가중 평균(전국 값) {value}",
                                "Population-weighted mean (national value) {value}"),
    "disparity_weighted_mean_only": ("인구가중 평균 {value}", "Population-weighted mean {value}"),
    "disparity_distribution_subtitle_only": (
        "주황: 수도권 세 시도 · 점선: 인구가중 평균(연쇄가격이라 전국 값과 다름)",
        "Vermillion: the three capital-region provinces · dashed: population-weighted mean "
        "(chain-linked volumes: not the national value)"),
    "disparity_distribution_title": ("{name}: 권역별 시도, {year}",
                                     "{name}: provinces by region group, {year}"),
    "disparity_distribution_subtitle": (
        "주황: 수도권 세 시도 · 점선: 인구가중 평균(전국 값)",
        "Vermillion: the three capital-region provinces · dashed: population-weighted mean "
        "(the national value)"),
    "disparity_col_population": ("총인구", "Population"),
    "disparity_unit_10k_persons": ("만명", "10k persons"),
    "disparity_unit_persons": ("명", "persons"),
    "disparity_unit_years": ("년", "years"),
    "disparity_scatter_title": ("{y} 대 {x}, {year}", "{y} against {x}, {year}"),
    "disparity_unnamed_dots": ("이름을 줄인 점(겹침): {names}", "Dots not named (crowded): {names}"),
    "disparity_scatter_subtitle": ("원 크기: 총인구 · 점선: 최소제곱 직선, R² = {r2}, 시도 {n}곳",
                                   "Bubble size: population · dashed: least-squares fit, "
                                   "R² = {r2}, {n} provinces"),
    "disparity_area_depopulation": ("인구감소지역", "Depopulation areas"),
    "disparity_area_watch": ("인구감소관심지역", "Areas of concern"),
    "disparity_area_other_noncapital": ("그 밖의 비수도권 시군구", "Other, outside the capital region"),
    "disparity_area_other_capital": ("그 밖의 수도권 시군구", "Other, in the capital region"),
    "disparity_metric_change": ("인구 변화율 {base}→{year} (%)", "Population change {base}→{year} (%)"),
    "disparity_metric_working_age_share": ("생산연령인구(15~64세) 비중 {year} (%)",
                                           "Working-age (15–64) share {year} (%)"),
    "disparity_metric_older_share": ("65세 이상 비중 {year} (%)", "Share aged 65+ {year} (%)"),
    "disparity_change_partial": ("계산 안 함({count}/{total}곳만 자료)",
                                 "not computed ({count} of {total} with data)"),
    "disparity_gap_years": ("모든 시도를 같은 구분으로 비교할 수 없어 뺀 연도(선이 끊김): {years}",
                            "Years left out, provinces not all comparable (the line breaks): "
                            "{years}"),
    "disparity_col_area": ("시군구 집단", "Municipalities"),
    "disparity_col_metric": ("지표", "Measure"),
    "disparity_depopulation_title": ("인구감소지역과 그 밖의 시군구, {year}",
                                     "Depopulation areas and the other municipalities, {year}"),
    "disparity_depopulation_subtitle": (
        "집단 합계로 계산(모든 시군구 자료가 있을 때만) · 시군구 경계는 번들 지도 단위",
        "Group totals (only when every municipality has data) · municipalities as the bundled "
        "map units"),
    "disparity_depopulation_source": (
        "행정안전부 고시 제2021-66호·제2024-15호(인구감소지역), 제2025-78호(인구감소관심지역); "
        "행정안전부 주민등록인구통계",
        "Ministry of the Interior and Safety notices 2021-66 and 2024-15 (depopulation "
        "areas), 2025-78 (areas of concern); MOIS resident registration statistics"),
    # reading lines
    "disparity_read_none": ("이 연도에는 계산할 수 있는 값이 없습니다.",
                            "Nothing can be computed for this year."),
    "disparity_read_inequality": (
        "{year}년 시도 간 변동계수 {cv}(인구가중 {williamson}), 지니계수 {gini} — {first}년보다 {direction}",
        "{year}: coefficient of variation across provinces {cv} (population-weighted "
        "{williamson}), Gini {gini} — inequality {direction} since {first}"),
    "disparity_read_inequality_unweighted": (
        "{year}년 시도 간 변동계수 {cv}, 지니계수 {gini} — {first}년보다 {direction}",
        "{year}: coefficient of variation across provinces {cv}, Gini {gini} — inequality "
        "{direction} since {first}"),
    "disparity_direction_up": ("불평등이 커짐", "rose"),
    "disparity_direction_down": ("불평등이 줄어듦", "fell"),
    "disparity_direction_same": ("거의 그대로", "barely changed"),
    "disparity_direction_single": ("비교할 앞선 연도 없음", "had no earlier year to compare"),
    "disparity_read_grouping_capital": ("수도권–비수도권", "the capital region and the rest"),
    "disparity_read_grouping_gwonyeok": ("7개 권역", "the seven region groups"),
    "disparity_read_decomposition": (
        "{grouping} 간 격차가 전체 지역 간 불평등(타일 T, {weighting})의 {share}를 설명 ({year})",
        "The gap between {grouping} explains {share} of all regional inequality (Theil T, "
        "{weighting}) ({year})"),
    "disparity_read_sigma": ("로그 값의 표준편차가 {first}년 {a}에서 {last}년 {b}로 {verdict}",
                             "The standard deviation of log values went from {a} in {first} to "
                             "{b} in {last}: {verdict}"),
    "disparity_sigma_down": ("줄었음(σ-수렴)", "σ-convergence"),
    "disparity_sigma_up": ("늘었음(σ-발산)", "σ-divergence"),
    "disparity_sigma_same": ("거의 그대로임", "barely changed"),
    "disparity_read_beta": (
        "{first}→{last}년 β = {slope} ({level}% 신뢰구간 {low}~{high}), R² {r2}, 시도 {n}곳: {verdict}",
        "{first}→{last}: β = {slope} ({level}% CI {low} to {high}), R² {r2}, {n} provinces: "
        "{verdict}"),
    "disparity_beta_converging": ("수렴 — 연 {speed}%씩, 반감기 약 {half_life}년",
                                  "convergence at {speed}% a year, half-life about {half_life} years"),
    "disparity_beta_diverging": ("발산 — 처음 높던 시도가 더 빨리 성장",
                                 "divergence: provinces that started higher grew faster"),
    "disparity_beta_neither": ("{level}% 수준에서 유의한 수렴도 발산도 없음",
                               "no significant convergence or divergence at the {level}% level"),
    "disparity_read_distribution": ("{year}년 최고 {max_name} {max}, 최저 {min_name} {min} ({ratio}배)",
                                    "{year}: highest {max_name} {max}, lowest {min_name} {min} "
                                    "({ratio}×)"),
    "disparity_read_rank": (" · {name} {n}곳 중 {rank}위", " · {name} ranks {rank} of {n}"),
    "disparity_read_scatter": (
        "{year}년 시도 {n}곳: 가로축 1({x_unit})당 세로축 {slope}({y_unit}), R² {r2}",
        "{year}, {n} provinces: {slope} ({y_unit}) per 1 ({x_unit}) on the horizontal axis, "
        "R² {r2}"),
    "disparity_read_lisa": (
        "모란 I {i} (z = {z}, p {p}): 시군구 {n}곳 중 고-고 군집 {hh}곳, 저-저 군집 {ll}곳 "
        "(유의수준 {level}%, {year})",
        "Moran's I {i} (z = {z}, p {p}): of {n} municipalities, {hh} in high–high and {ll} in "
        "low–low clusters ({level}% level, {year})"),
    "disparity_read_depopulation": (
        "인구감소지역 {units}곳의 인구는 {base}→{year}년 {change}, 그 밖의 비수도권 시군구는 {other}; "
        "생산연령인구 비중 {share} 대 {other_share}",
        "The {units} depopulation areas changed {change} in population {base}→{year}, the other "
        "municipalities outside the capital region {other}; working-age share {share} against "
        "{other_share}"),
    "disparity_read_depopulation_partial": (
        "{base}년 자료가 있는 인구감소지역은 {total}곳 중 {count}곳뿐이라 {base}→{year}년 변화는 내지 않음; "
        "{year}년 생산연령인구 비중 {share} 대 그 밖의 비수도권 {other_share}",
        "Only {count} of {total} depopulation areas have {base} data, so no {base}→{year} "
        "change is made; working-age share in {year} {share} against {other_share} for the "
        "other municipalities outside the capital region"),
    # data downloads
    "disparity_full_series": ("이 페이지 지표의 전체 시계열과 인구감소지역 목록",
                              "Full series of this page's indicators and the list of "
                              "depopulation areas"),
    "disparity_xcol_statistic": ("통계", "Statistic"),
    "disparity_xcol_designation": ("지정", "Designation"),
    "disparity_xcol_code_now": ("현재 시군구 코드", "Current municipal code"),
    "disparity_xbeta_slope": ("β 기울기", "β slope"),
    "disparity_xbeta_ci_low": ("β 95% 신뢰구간 하한", "β 95% CI low"),
    "disparity_xbeta_ci_high": ("β 95% 신뢰구간 상한", "β 95% CI high"),
    "disparity_xbeta_r_squared": ("R²", "R²"),
    "disparity_xbeta_p_value": ("p값", "p-value"),
    "disparity_xbeta_speed": ("수렴 속도 λ (%/년)", "Speed of convergence λ (% per year)"),
    "disparity_xbeta_half_life": ("반감기", "Half-life"),
    "disparity_xbeta_n": ("시도 수", "Provinces"),
    "disparity_xfit_slope": ("기울기", "Slope"),
    "disparity_xfit_intercept": ("절편", "Intercept"),
    "disparity_xfit_r_squared": ("R²", "R²"),
    "disparity_xfit_p_value": ("p값", "p-value"),
    "disparity_xlisa_moran_i": ("모란 I", "Moran's I"),
    "disparity_xlisa_expected_i": ("모란 I 기댓값", "Expected Moran's I"),
    "disparity_xlisa_z_score": ("z (무작위화 가정)", "z (randomisation)"),
    "disparity_xlisa_p_value": ("p값 (무작위화 가정, 양측)", "p-value (randomisation, two-sided)"),
    "disparity_xlisa_n": ("시군구 수", "Municipalities"),
    "disparity_xunits": ("시군구 수", "Municipalities"),
})
