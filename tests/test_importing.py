"""Uploads go through preview → confirm → user store, exactly as on the import page.

Every raw download in ../shared/data/raw is imported from its bytes and file name and
checked against the reference tables; malformed files fail with a specific message and
leave the user store unchanged (every table, row for row); versions and rollback behave.
"""

from __future__ import annotations

import hashlib
import math
import random

import pandas as pd
import pytest

import loaders
from conftest import RAW, ROOT, dump_store, read_reference, xlsx_bytes
from loaders import InputError, confirm_new, confirm_update, preview_upload
from loaders import series_checks, store_db, user_store
from loaders.store import load_store
from i18n import t

KEY = ["region_code", "year"]
LABOUR = {"15세이상인구 (천명)": "pop_15plus", "경제활동인구 (천명)": "econ_active_pop",
          "취업자 (천명)": "employed_persons", "실업자 (천명)": "unemployed_persons",
          "비경제활동인구 (천명)": "econ_inactive_pop",
          "경제활동참가율 (%)": "labor_force_participation_rate",
          "실업률 (%)": "unemployment_rate", "고용률 (%)": "employment_rate_15plus",
          "15-64세 고용률 (%)": "employment_rate_15_64"}
MOIS_ALL = {f"{name} ({indicator})": indicator for name, indicator in (
    ("총인구", "population_total"), ("유소년인구(0~14세)", "population_0_14"),
    ("생산연령인구(15~64세)", "population_15_64"), ("고령인구(65세 이상)", "population_65_plus"))}
RAW_CASES = {  # raw file -> (reference table, {series in the preview: reference indicator})
    "kosis_DT_1C81_grdp_sido_2020base_resaved.csv": ("grdp_sido.csv", {
        "지역내총생산(시장가격) · 명목": "grdp_nominal",
        "지역내총생산(시장가격) · 실질": "grdp_real_chained2020"}),
    "kosis_labour_force_sido_download_20250626.xlsx": ("labour_force_sido.csv", LABOUR),
    "kosis_establishments_sido_industry_long.csv": ("establishments_sido.csv", {
        "전체 산업 · 0 · 사업체수": "establishments_all_industries",
        "전체 산업 · 0 · 종사자수": "workers_all_industries",
        "전체 산업 · 0 · 매출액": "sales_all_industries"}),
    "mois_age_population_202312.csv": ("population_sido.csv", MOIS_ALL),
    "mois_age_population_202412.csv": ("population_sido.csv", MOIS_ALL),
    "mois_age_population_201012_5yr.xlsx": ("population_sido.csv", MOIS_ALL),
    "mois_annual_population_200812_202412.csv": (
        "population_sido.csv", {"총인구 (population_total)": "population_total"}),
}


def english(reason_key: str) -> str:
    """A preview's reason (an i18n key) as the English page shows it."""
    return t(reason_key, "en")


def snapshot(_path) -> dict:
    """Everything the user store holds, table by table."""
    return dump_store()


def rollback(indicator: str):
    return loaders.rollback(indicator, author="tester")


def upload(name: str):
    return preview_upload((RAW / name).read_bytes(), name)


def store_new(preview, key: str, indicator: str, unit: str = "명", additive: bool = True):
    return confirm_new(preview, key, indicator, name_ko=f"{indicator} 가져옴",
                       name_en=f"{indicator} imported", unit=unit, additive=additive,
                       theme="people", author="tester")


def imported(indicator: str) -> pd.DataFrame:
    store = loaders.load_indicators()
    return store[store["indicator"] == indicator]


@pytest.mark.parametrize("name", sorted(RAW_CASES))
def test_every_raw_file_imports_with_reference_values(user_dir, name):
    table, series = RAW_CASES[name]
    preview = upload(name)
    reference = read_reference(table)
    years = set(preview.observations["year"])
    for key, indicator in series.items():
        unit = preview.series_unit(key) or "백만원"
        version = store_new(preview, key, f"imp_{indicator}", unit=unit)
        assert version.number == 1 and version.origin == "upload"
        rows = imported(f"imp_{indicator}")
        expected = reference[(reference["indicator"] == indicator)
                             & reference["year"].isin(years)]
        both = rows.merge(expected, on=KEY, how="outer", suffixes=("", "_ref"),
                          indicator=True)
        national_years = set(expected.loc[expected["region_code"] == "00", "year"])
        unpublished_total = (both["region_code"] == "00") & ~both["year"].isin(national_years)
        only_imported = both[(both["_merge"] == "left_only") & ~unpublished_total]
        assert only_imported.empty, f"{key}: not in the reference\n{only_imported}"
        missing = both[(both["_merge"] == "right_only") & (both["region_code"] != "00")]
        assert missing.empty, f"{key}: reference 시도 rows not imported\n{missing}"
        matched = both[both["_merge"] == "both"]
        assert (matched["value"] == matched["value_ref"]).all(), key
        assert set(rows["level"]) <= {"sido", "nation"}


def test_establishment_units_and_the_2015_base_vintage_are_read_as_published(user_dir):
    preview = upload("kosis_establishments_sido_industry_long.csv")
    assert preview.series_unit("전체 산업 · 0 · 종사자수") == "명"
    assert preview.series_unit("전체 산업 · 0 · 매출액") == "백만원"
    old = upload("kosis_grdp_sido_2015base_download_20240315.csv")
    key = "지역내총생산(시장가격) · 명목"
    assert old.years(key) == [2022] and old.rows_of(key)["preliminary"].all()
    store_new(old, key, "grdp_2015base", unit="백만원")
    values = imported("grdp_2015base").set_index("region_code")["value"]
    assert values["00"] == 2165717327 and values["11"] == 485747866
    assert values["41"] == 546816496 and values["42"] == 52530574  # labelled 강원도 in 2022


def test_preview_lists_what_it_understood(user_dir):
    preview = upload("kosis_labour_force_sido_download_20250626.xlsx")
    assert preview.layout == "kosis" and len(preview.series) == 9
    assert preview.series_unit("취업자 (천명)") == "천명"
    matched = preview.matched_regions("취업자 (천명)")
    assert len(matched) == 18
    assert matched.set_index("region_label").loc["제주도", "region_code"] == "50"
    assert preview.years("취업자 (천명)") == list(range(2000, 2025))
    sejong = preview.unused[preview.unused["region_label"] == "세종특별자치시"]
    assert len(sejong) == 17 * 9 and {english(r) for r in sejong["reason"]} == {
        "no value (blank cell or a no-data mark such as '-')"}


def test_mois_rows_that_are_not_imported_are_listed_with_reasons(user_dir):
    name = "mois_age_population_202412.csv"
    preview = upload(name)
    reasons = preview.unused.groupby("reason")["source_row"].nunique()
    assert reasons["reason_sigungu_row"] == 264
    assert english("reason_sigungu_row") == ("municipal (si/gun/gu) row: only province and "
                                             "national rows are imported")
    assert "읍면동" in " ".join(t(reason, "ko") for reason in reasons.index)
    data_rows = sum(1 for line in (RAW / name).read_bytes().splitlines()[1:] if line.strip())
    accounted = (set(preview.observations["source_row"]) | set(preview.unused["source_row"])
                 | set(preview.unmatched["source_row"]))
    assert len(accounted) == data_rows  # every row below the header is used or explained


def test_unmatched_regions_are_listed_and_the_rest_imported(user_dir):
    text = ("시도별,2021 년,2022 년\n전국,10,20\n서울특별시,1,2\n부산,3,4\n아틀란티스,5,6\n"
            "수도권,4,6\n아틀란티스,7,8\n주: 예시\n")
    preview = preview_upload(text.encode("cp949"), "regions.csv")
    unmatched = preview.unmatched
    assert unmatched["source_row"].tolist() == [5, 6, 7]
    assert english(unmatched.set_index("source_row").loc[6, "reason"]).startswith(
        "regional aggregate")
    assert t(unmatched.set_index("source_row").loc[6, "reason"], "ko").startswith("권역 합계")
    assert unmatched.set_index("source_row").loc[5, "region_label"] == "아틀란티스"
    assert [english(r) for r in preview.unused["reason"]] == [
        "not a data row (title, note or footnote)"]
    store_new(preview, "regions", "atlantis_free", unit="개")
    rows = imported("atlantis_free")
    assert sorted(rows["region_code"].unique()) == ["00", "11", "26"]


def test_tidy_table_with_codes_names_and_extra_columns(user_dir):
    text = ("region_code,region_name,year,value,unit,source\n"
            "11,서울특별시,2022,\"1,200\",개,survey\n26,부산광역시,2022,300,개,survey\n"
            "42,강원특별자치도,2023,50,개,survey\nCAP,수도권,2022,2000,개,survey\n"
            "11110,종로구,2022,7,개,survey\n99,없는곳,2022,1,개,survey\n"
            "00,전국,2022,-,개,survey\n")
    preview = preview_upload(text.encode("utf-8-sig"), "tidy.csv")
    assert preview.layout == "tidy"
    assert [note.text("en") for note in preview.notes] == ["columns not used: source"]
    assert [note.text("ko") for note in preview.notes] == ["사용하지 않은 열: source"]
    assert preview.series_unit("tidy") == "개"
    assert [english(r)[:8] for r in preview.unmatched["reason"]] == [
        "regional", "municipa", "not the "]
    assert english(preview.unused["reason"].iloc[0]).startswith("no value")
    store_new(preview, "tidy", "tidy_firms", unit="개")
    rows = imported("tidy_firms").set_index(["region_code", "year"])["value"]
    assert rows.to_dict() == {("11", 2022): 1200.0, ("26", 2022): 300.0, ("42", 2023): 50.0}


def test_xlsx_formulas_are_never_evaluated(user_dir):
    def build(sheet):
        sheet.append(["시도별", "2021", "2022"])
        sheet.append(["서울특별시", 1, "=B2*1000"])
        sheet.append(["부산광역시", 3, "=B3+1"])
    preview = preview_upload(xlsx_bytes(build), "formulas.xlsx")
    assert preview.years("formulas") == [2021]
    assert len(preview.unused) == 2
    assert not preview.observations.astype(str).apply(lambda c: c.str.contains("=")).any().any()
    assert [note.text("en") for note in preview.notes] == [
        "cells C2, C3 (2 in all) hold formulas: their values as saved in the file were "
        "imported; the formulas were not run"]


@pytest.fixture
def populated(user_dir):
    """A user data area that already holds one imported series (v1)."""
    preview = upload("kosis_labour_force_sido_download_20250626.xlsx")
    store_new(preview, "취업자 (천명)", "my_employed", unit="천명")
    return user_dir


def _truncated_csv() -> bytes:
    data = (RAW / "kosis_DT_1C81_grdp_sido_2020base_resaved.csv").read_bytes()
    return data[: len(data) // 2]


def _merged_year_header() -> bytes:
    def build(sheet):  # one year header merged over two value columns, no item row below
        sheet.append(["시도별", "2022", None])
        sheet.append(["서울특별시", 1, 2])
        sheet.append(["부산광역시", 3, 4])
        sheet.merge_cells("B1:C1")
    return xlsx_bytes(build)


MALFORMED = [
    ("truncated", "grdp.csv", _truncated_csv, r"file grdp.csv, row \d+: the file looks truncated"),
    ("truncated xlsx", "labour.xlsx",
     lambda: (RAW / "kosis_labour_force_sido_download_20250626.xlsx").read_bytes()[:9000],
     r"file labour.xlsx: not a readable XLSX workbook \(truncated or damaged\?\)"),
    ("wrong encoding", "latin.csv",
     lambda: "시도별,2022 년\n서울특별시,1\n".encode() + b"Mus\xe9e,2\n",
     r"file latin.csv, row 3: cannot decode the text: byte 0xe9"),
    ("utf-16", "wide.csv", lambda: "시도별,2022 년\n서울,1\n".encode("utf-16"),
     r"file wide.csv: this is UTF-16 text"),
    ("merged header cells", "merged.xlsx", _merged_year_header,
     r"file merged.xlsx, row 2, column '2022': duplicated observation \(서울특별시, 2022\)"),
    ("totals only", "totals.csv", lambda: "시도별,2021 년,2022 년\n전국,1,2\n".encode(),
     r"file totals.csv, column '시도별': totals-only"),
    ("duplicated region-years", "dup.csv",
     lambda: "시도별,2021 년\n서울특별시,1\n부산,2\n서울,1\n".encode(),
     r"file dup.csv, row 4, column '2021 년': duplicated observation \(서울, 2021\): also in row 2"),
    ("duplicated tidy rows", "dup_tidy.csv",
     lambda: "region,year,value\n서울,2022,1\n서울특별시,2022,2\n".encode(),
     r"file dup_tidy.csv, row 3, column 'value': duplicated observation"),
    ("negative counts", "neg.csv",
     lambda: "행정구역별,연도,지표,단위,값\n서울,2022,사업체수,개,5\n부산,2022,사업체수,개,-3\n".encode(),
     r"file neg.csv, row 3, column '값': negative count '-3' \(unit 개\)"),
    ("negative tidy counts", "neg_tidy.csv",
     lambda: "region_code,year,value,unit\n11,2022,-4,명\n".encode(),
     r"file neg_tidy.csv, row 2, column 'value': negative count '-4' \(unit 명\)"),
    ("text in numbers", "text.csv", lambda: "시도별,2022 년\n서울,1\n부산,12a4\n".encode(),
     r"file text.csv, row 3, column '2022 년': '12a4' is not a number"),
    ("text in tidy numbers", "text_tidy.csv",
     lambda: "region,year,value\n서울,2022,약 5\n".encode(),
     r"file text_tidy.csv, row 2, column 'value': '약 5' is not a number"),
    ("10 MB of junk", "junk.csv", lambda: random.Random(5).randbytes(10 * 1024 * 1024),
     r"file junk.csv: binary data"),
    ("oversize", "big.csv", lambda: b"a,b\n" * (5 * 1024 * 1024 + 1),
     r"file big.csv: the file is 20.0 MB; uploads are limited to 20 MB"),
    ("not a table we know", "items.csv", lambda: "항목,값\n가,1\n".encode(),
     r"file items.csv, row 1: no year columns"),
    ("empty", "empty.csv", lambda: b"", r"file empty.csv: the file is empty"),
]


@pytest.mark.parametrize("case, name, make, message", MALFORMED, ids=[c[0] for c in MALFORMED])
def test_malformed_uploads_fail_clearly_and_store_nothing(populated, case, name, make, message):
    before = snapshot(populated)
    with pytest.raises(InputError, match=message):
        preview_upload(make(), name)
    assert snapshot(populated) == before
    assert imported("my_employed")["value"].notna().all()


def test_bundled_ids_are_refused_for_new_indicators(populated):
    before = snapshot(populated)
    preview = upload("kosis_grdp_sido_2015base_download_20240315.csv")
    with pytest.raises(InputError, match="'grdp_nominal' is a bundled indicator"):
        store_new(preview, "지역내총생산(시장가격) · 명목", "grdp_nominal", unit="백만원")
    with pytest.raises(InputError, match="indicator id 'Bad Id'"):
        store_new(preview, "지역내총생산(시장가격) · 명목", "Bad Id", unit="백만원")
    with pytest.raises(InputError, match="fill in name_en"):
        confirm_new(preview, "지역내총생산(시장가격) · 명목", "ok_id", name_ko="가", name_en=" ",
                    unit="백만원", additive=True, theme="output", author="tester")
    assert snapshot(populated) == before


def test_imported_indicator_appears_in_indicators_and_catalog(populated):
    catalog = loaders.load_catalog()
    entry = catalog.loc["my_employed"]
    assert entry["kind"] == "imported" and entry["unit_ko"] == "천명"
    assert entry["name_en"] == "my_employed imported" and bool(entry["additive"])
    assert entry["publisher_ko"] == "KOSIS 다운로드" and entry["decimals"] == 0
    assert loaders.indicator_name("my_employed", "en") == "my_employed imported"
    assert len(catalog) == len(loaders.load_bundled_catalog()) + 1
    rows = imported("my_employed")
    assert rows.loc[(rows.region_code == "11") & (rows.year == 2024), "value"].item() == \
        read_reference("labour_force_sido.csv").query(
            "indicator == 'employed_persons' and region_code == '11' and year == 2024"
        )["value"].item()
    assert "사용자 가져오기 kosis_labour_force_sido_download_20250626.xlsx" in rows["source"].iloc[0]


def test_reimport_makes_v2_and_rollback_restores_v1(populated):
    v1 = imported("my_employed").set_index(KEY)["value"]
    preview = upload("kosis_labour_force_sido_download_20250626.xlsx")
    version = store_new(preview, "실업자 (천명)", "my_employed", unit="천명")
    assert version.number == 2
    v2 = imported("my_employed").set_index(KEY)["value"]
    assert not v2.equals(v1)
    manifest = rollback("my_employed")
    assert manifest.current == 1 and [v.number for v in manifest.versions] == [1, 2]
    assert imported("my_employed").set_index(KEY)["value"].equals(v1)
    assert user_store.read_version("my_employed", 2).set_index(KEY)["value"].equals(v2)  # kept
    with pytest.raises(InputError, match="v1 is the first version"):
        rollback("my_employed")
    assert store_new(preview, "고용률 (%)", "my_employed", unit="%").number == 3


def test_manifest_records_source_time_checksum_and_rows(populated):
    manifest = user_store.read_manifest("my_employed")
    version = manifest.current_version
    raw = (RAW / "kosis_labour_force_sido_download_20250626.xlsx").read_bytes()
    assert version.source_file == "kosis_labour_force_sido_download_20250626.xlsx"
    assert version.sha256 == hashlib.sha256(raw).hexdigest()
    assert version.imported_at.endswith("+00:00") and version.author == "tester"
    assert version.rows == len(imported("my_employed"))
    stored = user_store.read_version("my_employed", version.number)
    assert version.rows_sha256 == series_checks.digest(stored)
    [change] = loaders.store_changes()
    assert (change.action, change.author, change.indicator, change.version) == (
        "import", "tester", "my_employed", 1)
    assert change.source_file == version.source_file and change.sha256 == version.sha256


def test_update_of_a_bundled_indicator_overlays_and_rolls_back(user_dir):
    bundled_file = ROOT / "data" / "indicators.parquet"
    before = hashlib.sha256(bundled_file.read_bytes()).hexdigest()
    preview = upload("kosis_grdp_sido_2015base_download_20240315.csv")
    version = confirm_update(preview, "지역내총생산(시장가격) · 명목", "grdp_nominal",
                             author="tester")
    assert version.number == 1
    grdp = imported("grdp_nominal").set_index(["level", "region_code", "year"])["value"]
    assert grdp[("nation", "00", 2022)] == 2165717327      # the uploaded value
    assert grdp[("nation", "00", 2021)] == 2224179729      # bundled years stay
    assert not grdp.index.duplicated().any()
    assert hashlib.sha256(bundled_file.read_bytes()).hexdigest() == before
    assert rollback("grdp_nominal").current == 0
    assert imported("grdp_nominal").set_index(["level", "region_code", "year"])[
        "value"][("nation", "00", 2022)] == 2327595674
    with pytest.raises(InputError, match="already shows the bundled data"):
        rollback("grdp_nominal")


def test_update_with_another_unit_is_refused(user_dir):
    preview = upload("kosis_labour_force_sido_download_20250626.xlsx")
    with pytest.raises(InputError, match="unit '천명' is not the unit of population_total"):
        confirm_update(preview, "취업자 (천명)", "population_total", author="tester")
    assert snapshot(user_dir) == {}


_insert_rows = store_db.insert_rows


def _half_writer(connection, indicator, number, rows):
    """A writer that dies halfway: half the rows written, then an error."""
    _insert_rows(connection, indicator, number, rows.iloc[: len(rows) // 2])
    raise OSError("disk full")


def _silent_corrupter(connection, indicator, number, rows):
    """A writer that reports success but writes other values."""
    _insert_rows(connection, indicator, number, rows.assign(value=rows["value"] + 1))


@pytest.mark.parametrize("writer, message", [
    (_half_writer, "could not write the new version \\(disk full\\)"),
    (_silent_corrupter, "does not read back as written"),
])
def test_failing_writer_leaves_the_previous_version(populated, monkeypatch, writer, message):
    before = snapshot(populated)
    v1 = imported("my_employed").set_index(KEY)["value"]
    monkeypatch.setattr(store_db, "insert_rows", writer)
    preview = upload("kosis_labour_force_sido_download_20250626.xlsx")
    with pytest.raises(InputError, match=message):
        store_new(preview, "실업자 (천명)", "my_employed", unit="천명")
    with pytest.raises(InputError, match=message):
        store_new(preview, "실업자 (천명)", "brand_new", unit="천명")
    assert snapshot(populated) == before  # no rows, no version, no log entry, same generation
    assert imported("my_employed").set_index(KEY)["value"].equals(v1)


def test_changed_rows_are_quarantined_on_read(populated):
    """Rows changed behind the app's back (here: one value in the database) take the
    series out of every page; everything else keeps working."""
    with store_db.engine().begin() as connection:
        connection.execute(store_db.user_rows.update()
                           .where(store_db.user_rows.c.region_code == "11",
                                  store_db.user_rows.c.year == 2024)
                           .values(value=store_db.user_rows.c.value + 1))
    loaders.clear_caches()
    assert imported("my_employed").empty
    [quarantined] = loaders.quarantined()
    assert (quarantined.indicator, quarantined.version, quarantined.reason) == (
        "my_employed", 1, "changed")
    assert "checksum mismatch" in quarantined.detail
    assert "my_employed" not in loaders.load_catalog().index
    assert len(loaders.load_indicators()) == len(load_store())  # the bundled data, whole
    with pytest.raises(InputError, match="changed outside the app"):
        user_store.read_version("my_employed", 1)


def test_values_and_nan_survive_the_round_trip(user_dir):
    text = "region,year,value\n서울,2022,0.1\n부산,2022,2.5e3\n대구,2022,-\n"
    preview = preview_upload(text.encode(), "small.csv")
    store_new(preview, "small", "small_rates", unit="%", additive=False)
    values = imported("small_rates").set_index("region_code")["value"]
    assert values.to_dict() == {"11": 0.1, "26": 2500.0}
    assert math.isclose(loaders.load_catalog().loc["small_rates", "decimals"], 1)
