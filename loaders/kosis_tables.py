"""Which KOSIS Open API rows hold each catalog indicator, and how we know.

The catalog (data/catalog.csv) names an indicator's KOSIS org and table; this module adds
what a refresh also needs: the fetch parameters, which classification level holds the
시도, which item and classification labels select the series, and the unit the API
reports. Labels are compared without whitespace. Every entry records its evidence; an
id that could not be established from a real source is not listed (see the note at the
end of the module).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class KosisTable:
    """How to fetch one indicator: table, parameters, row selection and unit."""
    org_id: str
    tbl_id: str
    select: dict[str, str]  # DataRow field -> label, e.g. {"itm_nm": "명목"}
    unit: str               # UNIT_NM the API reports; refresh refuses any other
    evidence: str
    region_level: int = 1   # the cN level whose cN_nm is the 시도 name
    params: dict[str, str] = field(default_factory=lambda: {"item_id": "ALL", "obj_l1": "ALL"})
    frequency: str = "Y"


_DT_1C81 = ("Bundled raw download kosis_DT_1C81_grdp_sido_2020base_resaved.csv (columns "
            "시도별, 경제활동별, 항목 = C1, C2, ITM) and data/catalog.csv; public code calling "
            "statisticsParameterData with orgId=101&tblId=DT_1C81&objL1=ALL&objL2=… and reading "
            "C1_NM, UNIT_NM (first 3 characters, 백만원), DT; another public KOSIS client "
            "filters the same table shape by C2_NM '지역내총생산(시장가격)' and ITM_NM '명목'/'실질'.")
_DT_1DA7004S = ("loaders/kosis_items.py (DT_1DA7004S 행정구역(시도)별 경제활동인구, annual) and the "
                "bundled XLSX download of it; a public KOSIS client documents "
                "'labor-force-sido-annual-all ... KOSIS DT_1DA7004S' and selects ITM_NM "
                "'취업자', '고용률', '실업률' by 시도 C1_NM. Other item labels are the download's "
                "labels without their '(unit)' suffix.")
_DT_1K52F08 = ("A public collector cites '통계청 KOSIS 101/DT_1K52F08 시도·산업별 사업체수·종사자수·"
               "매출액' and calls it with itmId=ALL, objL1=ALL (시도, older KOSIS codes 11, 21 …), "
               "objL2=ALL (산업, '0' = 전체 산업), items T1 사업체수, T2 종사자수, T3 매출액; the "
               "bundled long download kosis_establishments_sido_industry_long.csv has the same "
               "shape (산업코드 0 = 전체 산업).")

# A refresh uses an entry only while data/catalog.csv names the same org and table. The
# catalog has DT_1C81 today; the DT_1DA7004S and DT_1K52F08 entries are proposed catalog
# additions for bundled indicators whose rows have no kosis_tbl_id yet.
TABLES: dict[str, KosisTable] = {
    "grdp_nominal": KosisTable(
        "101", "DT_1C81", {"c2_nm": "지역내총생산(시장가격)", "itm_nm": "명목"}, "백만원", _DT_1C81,
        params={"item_id": "ALL", "obj_l1": "ALL", "obj_l2": "ALL"}),
    "grdp_real_chained2020": KosisTable(
        "101", "DT_1C81", {"c2_nm": "지역내총생산(시장가격)", "itm_nm": "실질"}, "백만원", _DT_1C81,
        params={"item_id": "ALL", "obj_l1": "ALL", "obj_l2": "ALL"}),
    **{indicator: KosisTable("101", "DT_1DA7004S", {"itm_nm": label}, unit, _DT_1DA7004S)
       for indicator, label, unit in (
           ("pop_15plus", "15세이상인구", "천명"), ("econ_active_pop", "경제활동인구", "천명"),
           ("employed_persons", "취업자", "천명"), ("unemployed_persons", "실업자", "천명"),
           ("econ_inactive_pop", "비경제활동인구", "천명"),
           ("labor_force_participation_rate", "경제활동참가율", "%"),
           ("unemployment_rate", "실업률", "%"), ("employment_rate_15plus", "고용률", "%"),
           ("employment_rate_15_64", "15-64세고용률", "%"))},
    **{indicator: KosisTable("101", "DT_1K52F08", {"c2": "0", "itm_id": item}, unit, _DT_1K52F08,
                             params={"item_id": "ALL", "obj_l1": "ALL", "obj_l2": "ALL"})
       for indicator, item, unit in (
           ("establishments_all_industries", "T1", "개"),
           ("workers_all_industries", "T2", "명"), ("sales_all_industries", "T3", "백만원"))},
}

# Not listed: the indicators the plan needs whose 시도 table could not be established from
# any source available here (rnd_expenditure, rnd_researchers, sme_firms, sme_employees,
# sme_export, venture_firms, venture_investment_new). Leads found, none by 시도:
# 142/DT_BR_A001 기업규모별 기업수 and 142/DT_BR_B001 기업규모별 종사자수 (중소기업기본통계;
# public calls classify them by industry and firm size only), 127/DT_KBA0001 연구개발비 및
# GDP 대비 연구개발비 비율 (national), 142/DT_B10066 대륙별·국가별 중소기업 수출 (by country).
