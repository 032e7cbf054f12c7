"""UI strings for the import page(s): key -> (Korean, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "import_title": ("데이터 가져오기", "Import data"),
    "import_heading": ("내 데이터 가져오기와 갱신", "Bring your own data"),
    "import_intro": (
        "KOSIS·행정안전부에서 내려받은 파일(CSV, XLSX) 또는 시도·연도·값 열이 있는 표를 올리면, "
        "무엇을 읽었는지 먼저 보여 주고, 모든 화면이 그 자료로 계산되는지 확인한 뒤에만 저장합니다. "
        "번들 자료는 바뀌지 않으며, 가져온 자료는 판마다 따로 보관되어 되돌릴 수 있습니다. 저장한 "
        "자료는 이 서버를 쓰는 모든 사람에게 보이고, 화면마다 '사용자 갱신'·'사용자 가져오기'로 "
        "표시됩니다.",
        "Upload a file as downloaded from KOSIS or MOIS (CSV, XLSX), or a table with region, "
        "year and value columns. You see what was understood, and it is stored only once every "
        "page can be computed with it. Bundled data is never changed; every import is kept as "
        "a version you can roll back. What you store is seen by everyone who uses this "
        "server, marked 'User update' or 'User import' wherever it appears."),
    "tab_upload": ("파일 올리기", "Upload"),
    "tab_versions": ("저장된 자료와 판", "Stored series and versions"),
    "tab_bundled": ("번들 지표 목록", "Bundled indicators"),
    "tab_changes": ("변경 기록", "Change log"),
    "access_personal": (
        "개인 모드: 이 컴퓨터에서 앱을 쓰는 한 사람이 편집자입니다. 가져오기·갱신·되돌리기는 모두 "
        "변경 기록에 남습니다.",
        "Personal mode: the one person using the app on this computer is the editor. Every "
        "import, update and rollback is recorded in the change log."),
    "access_shared": (
        "공유 모드: 이 저장소는 이 서버를 쓰는 모든 사람이 함께 봅니다. 누구나 볼 수 있고, "
        "가져오기·갱신·되돌리기는 편집자로 로그인해야 하며 누가 했는지 기록됩니다.",
        "Shared mode: everyone who uses this server sees this store. Anyone may view; "
        "importing, updating and rolling back need an editor's sign-in, and every change "
        "records who made it."),
    "access_signed_in": ("편집자로 로그인: {name}", "Signed in as editor: {name}"),
    "access_sign_out": ("로그아웃", "Sign out"),
    "access_sign_in_oidc": ("편집자 로그인", "Sign in as editor"),
    "access_not_an_editor": ("로그인한 계정은 편집자 목록에 없습니다.",
                             "The signed-in account is not on the list of editors."),
    "access_no_password": (
        "편집자 로그인이 설정되어 있지 않아 이 서버에서는 자료를 바꿀 수 없습니다. 관리자가 "
        "`python -m loaders.access hash-password` 로 만든 값을 `.streamlit/secrets.toml` 에 "
        "넣으면 됩니다.",
        "No editor sign-in is configured, so nobody can change data on this server. An "
        "administrator puts the line made by `python -m loaders.access hash-password` into "
        "`.streamlit/secrets.toml`."),
    "access_name": ("이름(변경 기록에 남습니다)", "Your name (kept in the change log)"),
    "access_password": ("편집자 비밀번호", "Editor password"),
    "access_sign_in": ("로그인", "Sign in"),
    "access_refused": ("이름이 비어 있거나 비밀번호가 맞지 않습니다.",
                       "The name is empty or the password is wrong."),
    "access_throttled": ("로그인 시도가 너무 많습니다. 1분 뒤에 다시 해 보세요.",
                         "Too many sign-in attempts. Try again in a minute."),
    "access_viewer_upload": ("자료를 가져오거나 갱신하려면 편집자로 로그인하세요.",
                             "Sign in as an editor to import or update data."),
    "access_viewer_rollback": ("되돌리려면 편집자로 로그인하세요.",
                               "Sign in as an editor to roll back."),
    "gate_running": ("모든 화면이 이 자료로 계산되는지 확인하는 중…",
                     "Checking that every page can be computed with this series…"),
    "gate_failed": (
        "저장하지 않았습니다: 이 자료로는 화면 {count}곳을 계산할 수 없습니다. 자료를 고쳐 다시 "
        "올려 주세요.",
        "Not stored: {count} view(s) cannot be computed with this series. Fix the file and "
        "upload it again."),
    "col_page": ("화면", "Page"),
    "col_view": ("보기", "View"),
    "col_error": ("오류", "Error"),
    "col_detail": ("내용", "Detail"),
    "col_author": ("누가", "Who"),
    "col_action": ("무엇을", "What"),
    "action_import": ("새 지표 가져오기", "imported"),
    "action_update": ("번들 지표 갱신", "updated"),
    "action_rollback": ("되돌리기", "rolled back"),
    "action_migrate": ("이전 저장소에서 옮김", "migrated"),
    "action_gate": ("검증", "validated"),
    "no_changes": ("아직 변경 기록이 없습니다.", "No changes recorded yet."),
    "quarantine_heading": (
        "격리된 자료 {count}건: 읽을 수 없거나 화면을 계산할 수 없어 어느 화면에도 쓰지 않습니다. "
        "다른 자료와 화면은 그대로 작동합니다.",
        "{count} series quarantined: they cannot be read or break a page, so no page uses "
        "them. Everything else works as before."),
    "quarantine_changed": ("저장된 값이 앱 밖에서 바뀜", "stored values changed outside the app"),
    "quarantine_rows": ("저장 규칙에 어긋나는 행", "rows that break the store's rules"),
    "quarantine_gate": ("화면을 계산할 수 없음", "a page cannot be computed"),
    "quarantine_legacy": ("이전 파일 저장소에서 옮길 수 없음",
                          "could not be moved from the old file store"),
    "store_unreadable": (
        "사용자 자료 저장소를 읽을 수 없어 번들 자료만 보여 줍니다. 관리자에게 알려 주세요.",
        "The user store cannot be read, so only bundled data is shown. Tell the "
        "administrator."),
    "upload_label": ("CSV 또는 XLSX 파일", "CSV or XLSX file"),
    "upload_help": ("최대 {mb} MB. 엑셀 수식과 매크로는 실행하지 않습니다: 수식 칸은 파일에 저장된 값을 "
                    "가져오고 미리 보기에서 그 칸을 알려 드립니다. 다른 통합문서나 웹을 읽는 수식이 "
                    "있는 파일은 받지 않습니다.",
                    "Up to {mb} MB. Excel formulas and macros are never executed: a formula "
                    "cell's value as saved in the file is imported, and the preview names those "
                    "cells. Files with formulas that read other workbooks or the web are "
                    "refused."),
    "upload_failed": ("파일을 읽지 못했습니다. 저장된 것은 없습니다.",
                      "The file could not be read. Nothing was stored."),
    "preview_heading": ("미리 보기: 파일에서 읽은 내용", "Preview: what the file holds"),
    "layout": ("형식", "Layout"),
    "layout_kosis": ("KOSIS 다운로드", "KOSIS download"),
    "layout_mois": ("행정안전부 연령별 인구", "MOIS population by age"),
    "layout_tidy": ("시도·연도·값 표", "Region, year, value table"),
    "series_label": ("가져올 계열(항목)", "Series to import"),
    "series_count": ("계열 수", "Series"),
    "regions_matched": ("일치한 지역", "Regions matched"),
    "years": ("연도", "Years"),
    "unit_in_file": ("파일의 단위", "Unit in the file"),
    "unit_unknown": ("(파일에 없음)", "(not in the file)"),
    "matched_heading": ("일치한 지역 (파일 표기 → 코드)", "Regions matched (file label → code)"),
    "unmatched_heading": ("일치하지 않은 지역 행 (가져오지 않음)",
                          "Rows whose region did not match (not imported)"),
    "unused_heading": ("사용하지 않은 행과 이유", "Rows not used, and why"),
    "none": ("없음", "None"),
    "file_size": ("{size:,}바이트", "{size:,} bytes"),
    "kind_imported": ("가져온 지표", "imported"),
    "kind_update": ("번들 지표 갱신", "update of a bundled indicator"),
    "origin_upload": ("파일 올리기", "file upload"),
    "origin_kosis_api": ("KOSIS Open API", "KOSIS Open API"),
    # Streamlit's own uploader texts, which it offers no parameter for (ui.layout)
    "uploader_limit": ("파일당 최대 {mb}MB", "{mb} MB per file"),
    "uploader_button": ("파일 고르기", "Upload"),
    "notes_heading": ("참고", "Notes"),
    "confirm_heading": ("확인 후 저장", "Confirm and store"),
    "mode": ("저장 방식", "Store as"),
    "mode_new": ("새 지표", "A new indicator"),
    "mode_update": ("번들 지표의 새 자료(갱신)", "Newer data for a bundled indicator"),
    "indicator_id": ("지표 ID (영문 소문자·숫자·_)", "Indicator id (a-z, 0-9, _)"),
    "bundled_indicator": ("갱신할 번들 지표", "Bundled indicator to update"),
    "name_ko": ("이름(한국어)", "Name (Korean)"),
    "name_en": ("이름(영어)", "Name (English)"),
    "unit": ("단위", "Unit"),
    "additive": ("시도 값을 더할 수 있음(합계·비중 계산 가능)",
                 "Regions add up (sums and shares allowed)"),
    "theme": ("분야", "Theme"),
    "publisher": ("출처(기관)", "Publisher"),
    "store_button": ("저장", "Store"),
    "stored": ("저장했습니다: {indicator} v{version} ({count:,}행). 모든 화면에 바로 반영됩니다.",
               "Stored {indicator} v{version} (1 row). Every page shows it now.|"
               "Stored {indicator} v{version} ({count:,} rows). Every page shows it now."),
    "store_failed": ("저장하지 못했습니다. 이전 자료는 그대로입니다.",
                     "Not stored. The previous data is unchanged."),
    "no_user_data": ("아직 가져온 자료가 없습니다.", "No imported data yet."),
    "series_select": ("자료", "Series"),
    "bundled_only": ("번들 자료", "bundled data"),
    "rollback_button": ("이전 판으로 되돌리기", "Roll back to the previous version"),
    "rolled_back": ("되돌렸습니다: {indicator}의 현재 판은 {current}입니다.",
                    "Rolled back: {indicator} now shows {current}."),
    "rollback_failed": ("되돌리지 못했습니다.", "Could not roll back."),
    "col_id": ("ID", "Id"),
    "col_kind": ("종류", "Kind"),
    "col_version": ("판", "Version"),
    "col_current": ("현재", "Current"),
    "col_file": ("원본 파일", "Source file"),
    "col_imported_at": ("가져온 시각(UTC)", "Imported at (UTC)"),
    "col_rows": ("행 수", "Rows"),
    "col_origin": ("경로", "Origin"),
    "col_checksum": ("SHA-256", "SHA-256"),
    "col_row": ("파일 행", "File row"),
    "col_label": ("파일 표기", "Label in file"),
    "col_code": ("코드", "Code"),
    "col_region_name": ("시도", "Region"),
    "col_series": ("계열", "Series"),
    "col_year": ("연도", "Year"),
    "col_why": ("이유", "Reason"),
    "col_coverage": ("시도 자료 연도", "Years with provincial data"),
    "col_kosis": ("KOSIS 표", "KOSIS table"),
    "refresh_hint": (
        "KOSIS Open API 키가 있으면 명령줄에서 `python -m loaders.refresh` 로 KOSIS 표 ID가 있는 "
        "지표를 한 번에 갱신할 수 있습니다(키는 환경변수 `KOSIS_API_KEY` 또는 "
        "`.streamlit/secrets.toml` 의 `kosis_api_key`).",
        "With a KOSIS Open API key, `python -m loaders.refresh` updates every indicator that "
        "has a KOSIS table id (key in the `KOSIS_API_KEY` environment variable or "
        "`kosis_api_key` in `.streamlit/secrets.toml`)."),

    # --- bad input: where it is, and what is wrong (loaders raise InputError with these) ---
    "where_file": ("파일 {file}", "file {file}"),
    "where_row": ("{row}행", "row {row}"),
    "where_column": ("'{column}' 열", "column '{column}'"),
    "file_empty": ("파일이 비어 있습니다(0바이트).", "the file is empty (0 bytes)"),
    "file_too_large": ("파일 크기가 {mb} MB입니다. 최대 {limit} MB까지 올릴 수 있습니다.",
                       "the file is {mb} MB; uploads are limited to {limit} MB"),
    "legacy_xls": ("옛 엑셀 .xls(또는 다른 OLE2 문서)는 읽지 않습니다. .xlsx 또는 CSV로 저장해 주세요.",
                   "legacy Excel .xls (or another OLE2 document) is not supported; save it as "
                   ".xlsx or CSV"),
    "foreign_format": ("{kind}입니다. CSV 또는 XLSX 표가 아닙니다.",
                       "this is {kind}, not a CSV or XLSX table"),
    "kind_pdf": ("PDF 문서", "a PDF document"),
    "kind_png": ("PNG 이미지", "a PNG image"),
    "kind_jpeg": ("JPEG 이미지", "a JPEG image"),
    "kind_gif": ("GIF 이미지", "a GIF image"),
    "kind_gzip": ("gzip 압축 파일", "a gzip archive"),
    "kind_utf16": ("UTF-16 텍스트(CSV UTF-8로 저장해 주세요)", "UTF-16 text (save it as CSV UTF-8)"),
    "kind_html": ("HTML 웹 페이지(표를 .xlsx 또는 CSV로 저장해 주세요)",
                  "an HTML page (save the table as .xlsx or CSV)"),
    "binary_data": ("이진 데이터입니다. CSV 텍스트나 XLSX 통합문서가 아닙니다.",
                    "binary data, not a CSV text or XLSX workbook"),
    "control_character": ("이진 데이터입니다: 텍스트 안에 제어 문자 {character}가 있습니다.",
                          "binary data: control character {character} in the text"),
    "no_data_rows_blank": ("파일에 자료가 없습니다(빈 줄뿐입니다).",
                           "the file contains no data (only blank lines)"),
    "cannot_decode_utf8": ("텍스트를 읽을 수 없습니다: 바이트 오프셋 {offset}의 바이트 {byte}는 "
                           "올바른 UTF-8이 아닙니다.",
                           "cannot decode the text: byte {byte} at byte offset {offset} is not "
                           "valid UTF-8"),
    "cannot_decode_utf8_cp949": ("텍스트를 읽을 수 없습니다: 바이트 오프셋 {offset}의 바이트 {byte}는 "
                                 "올바른 UTF-8도 CP949/EUC-KR도 아닙니다.",
                                 "cannot decode the text: byte {byte} at byte offset {offset} is "
                                 "not valid UTF-8 or CP949/EUC-KR"),
    "malformed_csv": ("CSV 형식이 잘못되었습니다: {detail}", "malformed CSV: {detail}"),
    "too_many_rows": ("행이 너무 많습니다: 최대 {limit:,}행까지 읽습니다. 필요한 시도·연도만 "
                      "내려받아 주세요.",
                      "too many rows: at most {limit:,} rows are read; download only the "
                      "provinces and years you need"),
    "too_many_columns": ("열이 너무 많습니다: 최대 {limit:,}열까지 읽습니다.",
                         "too many columns: at most {limit:,} columns are read"),
    "too_many_cells": ("표가 너무 큽니다: 사용 범위가 최대 {limit:,}칸을 넘습니다.",
                       "the table is too large: its used range passes {limit:,} cells"),
    "too_many_series": ("계열이 {count:,}개입니다. 한 파일에 최대 {limit:,}개까지 가져옵니다.",
                        "the file has {count:,} series; at most {limit:,} are imported from one "
                        "file"),
    "xlsx_damaged": ("읽을 수 있는 XLSX 통합문서가 아닙니다(잘렸거나 손상되었나요?): {detail}",
                     "not a readable XLSX workbook (truncated or damaged?): {detail}"),
    "xlsx_missing_part": ("읽을 수 있는 XLSX 통합문서가 아닙니다: {part} 부분이 없습니다.",
                          "not a readable XLSX workbook: the part {part} is missing"),
    "xlsx_no_sheet": ("읽을 수 있는 XLSX 통합문서가 아닙니다: 시트가 없습니다.",
                      "not a readable XLSX workbook: it has no sheet"),
    "xlsx_too_many_parts": ("XLSX 압축 안의 부분이 {count:,}개입니다(최대 {limit:,}개).",
                            "the XLSX archive has {count:,} parts (at most {limit:,})"),
    "xlsx_part_too_large": ("XLSX 안의 {part}가 압축을 풀면 {mb:,} MB입니다(최대 {limit:,} MB).",
                            "the XLSX part {part} is {mb:,} MB uncompressed (at most {limit:,} MB)"),
    "xlsx_compression_ratio": ("XLSX 안의 {part}가 {ratio:,}배로 부풀어 오릅니다(최대 {limit}배). "
                               "압축 폭탄으로 보아 읽지 않습니다.",
                               "the XLSX part {part} inflates {ratio:,}-fold (at most {limit}); "
                               "it is refused as a compression bomb"),
    "xlsx_dtd": ("XLSX 안의 {part}에 DTD(엔티티 선언)가 있습니다. 엑셀 파일에는 없는 것이라 읽지 "
                 "않습니다.",
                 "the XLSX part {part} declares a DTD (entities), which Excel files never do; "
                 "it is refused"),
    "xlsx_declared_count": ("XLSX 안의 {part}가 항목 {count:,}개를 선언합니다(최대 {limit:,}개).",
                            "the XLSX part {part} declares {count:,} entries (at most {limit:,})"),
    "xlsx_row_too_large": ("XLSX 시트의 한 행이 {mb} MB를 넘습니다.",
                           "one row of the XLSX sheet is larger than {mb} MB"),
    "xlsx_external_links": ("다른 통합문서에 연결된 XLSX입니다. 값을 확인할 수 없어 가져오지 "
                            "않습니다. 엑셀에서 연결을 끊고(값으로 붙여넣기) 다시 저장해 주세요.",
                            "the workbook links to other workbooks, whose values cannot be "
                            "checked; it is refused. Break the links in Excel (paste as values) "
                            "and save it again"),
    "xlsx_external_formulas": ("셀 {cells}의 수식이 다른 통합문서나 웹을 읽습니다({count}개). "
                               "저장된 값을 확인할 수 없어 가져오지 않습니다. 값으로 붙여넣은 뒤 "
                               "다시 저장해 주세요.",
                               "the formulas in cells {cells} ({count} in all) read another "
                               "workbook or the web; their saved values cannot be checked, so "
                               "the file is refused. Paste them as values and save again"),
    "xlsx_too_many_merges": ("병합된 범위가 {count:,}개입니다(최대 {limit:,}개).",
                             "the sheet has {count:,} merged ranges (at most {limit:,})"),
    "xlsx_empty_sheet": ("통합문서의 첫 시트가 비어 있습니다.", "the workbook's first sheet is empty"),
    "header_only": ("머리글뿐입니다: 자료 행이 없습니다.", "header only: the file has no data rows"),
    "no_year_columns": ("연도 열('2022', '2022 p)' 같은)도 연도(시점) 열도 없습니다. KOSIS 표가 "
                        "아닙니다.",
                        "no year columns (like '2022' or '2022 p)') and no year column: not a "
                        "KOSIS table"),
    "header_not_year": ("열 머리글 '{header}'는 연도가 아닙니다.",
                        "column header '{header}' is not a year"),
    "not_a_year": ("'{value}'는 연도가 아닙니다.", "'{value}' is not a year"),
    "year_out_of_range": ("연도 '{value}'는 {first}–{last} 범위 밖입니다.",
                          "year '{value}' is outside {first}–{last}"),
    "not_a_number": ("'{value}'는 숫자가 아닙니다.", "'{value}' is not a number"),
    "not_finite": ("'{value}'는 유한한 숫자가 아닙니다(너무 크거나 무한대).",
                   "'{value}' is not a finite number (too large, or infinite)"),
    "negative_count": ("개수가 음수입니다: '{value}'(단위 {unit})", "negative count '{value}' (unit {unit})"),
    "duplicated_observation": ("같은 관측값이 두 번 있습니다({what}): {other}행에도 있습니다.",
                               "duplicated observation ({what}): also in row {other}"),
    "totals_only": ("전국 합계(전국/계)뿐이고 시도 행이 없습니다.",
                    "totals-only: the file only has national totals, no province rows"),
    "no_region_column": ("지역 열이 없습니다: 시도 이름이 있는 열이 없습니다(첫 열: {sample}).",
                         "no region column: no column holds province names (first column has "
                         "{sample})"),
    "unknown_region": ("알 수 없는 지역 '{label}': 시도 이름이나 코드가 아닙니다.",
                       "unknown region '{label}': not the name or code of a province"),
    "mois_no_region_header": ("행정구역/행정기관 열이 없습니다. 행정안전부 연령별 인구현황 파일이 "
                              "아닙니다.",
                              "no administrative area column: not a MOIS population-by-age "
                              "file"),
    "mois_no_total_columns": ("'{example}' 같은 '계'(남녀 합계) 인구 열이 없습니다.",
                              "no both-sexes population columns like '{example}'"),
    "mois_no_total_for_year": ("{year}년의 총인구수 열이 없습니다.",
                               "no total population column for {year}"),
    "mois_not_a_count": ("'{value}'는 인구 수가 아닙니다.", "'{value}' is not a head count"),
    "mois_ages_do_not_add_up": ("연령별 합이 {ages}로 총계 {total}과 다릅니다.",
                                "age groups add up to {ages}, not to the total {total}"),
    "mois_header_only": ("머리글뿐입니다: 지역 행이 없습니다.", "header only: the file has no region rows"),
    "mois_duplicated_region": ("{year}년 {label}({code})이 두 번 있습니다.",
                               "duplicated region {label} ({code}) for {year}"),
    "mois_unknown_region": ("알 수 없는 지역 '{label}': 시도 이름이 아니고 10자리 코드도 없습니다.",
                            "unknown region '{label}': not a province name, and no 10-digit code"),
    "mois_bad_code": ("지역 코드 '{code}'는 10자리 행정기관코드가 아닙니다.",
                      "region code '{code}' is not a 10-digit administrative code"),
    "mois_unknown_sido_code": ("알 수 없는 시도 코드 {code}({label})", "unknown province code {code} ({label})"),
    "truncated_csv": ("파일이 잘린 것 같습니다: 마지막 행이 {width}칸 중 {cells}칸뿐이고 줄바꿈이 "
                      "없습니다. 다시 내려받아 주세요.",
                      "the file looks truncated: the last row has {cells} of {width} cells and no "
                      "line end; download it again"),
    "too_many_unknown_regions": ("시도 이름이나 코드가 아닌 지역 표기가 {limit}개를 넘습니다({labels} …). "
                                 "시도 표만 가져올 수 있습니다.",
                                 "more than {limit} region labels are not province names or codes "
                                 "({labels} …): only province tables can be imported"),
    "nothing_to_import": ("값이 있는 시도나 전국 행이 없어 가져올 것이 없습니다.",
                          "no province or national rows with values: nothing to import"),
    "fill_in_fields": ("저장하기 전에 {fields}을(를) 채워 주세요.", "fill in {fields} before storing"),
    "not_bundled_indicator": ("'{indicator}'는 번들 지표가 아닙니다.", "'{indicator}' is not a bundled indicator"),
    "unit_differs": ("파일의 단위 '{unit}'는 {indicator}의 단위('{expected}')가 아닙니다. 새 지표로 "
                     "저장해 주세요.",
                     "the file's unit '{unit}' is not the unit of {indicator} ('{expected}'): "
                     "store it as a new indicator instead"),
    "series_no_sido": ("계열 '{series}'에 시도 값이 없습니다.", "series '{series}' has no province values"),
    "series_mixes_units": ("계열 '{series}'에 단위가 섞여 있습니다({units}).",
                           "series '{series}' mixes units ({units})"),
    "upload_memory_exceeded": ("파일을 읽는 데 메모리가 {mb:,} MB 넘게 필요해 멈췄습니다. 더 작은 "
                               "파일로 나누어 올려 주세요.",
                               "reading the file needed more than {mb:,} MB of memory and was "
                               "stopped; upload it in smaller parts"),
    "upload_time_exceeded": ("파일을 읽는 데 {seconds}초가 넘게 걸려 멈췄습니다. 더 작은 파일로 "
                             "나누어 올려 주세요.",
                             "reading the file took longer than {seconds} s and was stopped; "
                             "upload it in smaller parts"),
    "upload_busy": ("지금 다른 파일을 읽는 중이라 서버가 바쁩니다. 잠시 뒤 다시 올려 주세요.",
                    "the server is busy reading other files; upload it again in a moment"),
    "upload_worker_failed": ("파일을 읽는 중 예기치 않은 오류가 났습니다(오류 번호 {incident}).",
                             "an unexpected error stopped reading the file (error id {incident})"),
    # --- preview notes and the reasons rows were not used ---
    "note_formulas_cached": ("셀 {cells}({count}개)에 수식이 있습니다: 수식은 실행하지 않고 파일에 "
                             "저장된 값을 가져왔습니다.",
                             "cells {cells} ({count} in all) hold formulas: their values as "
                             "saved in the file were imported; the formulas were not run"),
    "note_columns_not_used": ("사용하지 않은 열: {columns}", "columns not used: {columns}"),
    "reason_no_value": ("값 없음(빈 칸 또는 '-' 같은 자료 없음 표시)",
                        "no value (blank cell or a no-data mark such as '-')"),
    "reason_sigungu_row": ("시군구 행: 시도와 전국 행만 가져옵니다",
                           "municipal (si/gun/gu) row: only province and national rows are "
                           "imported"),
    "reason_sigungu_code": ("시군구 코드: 시도 행만 가져옵니다",
                            "municipal (si/gun/gu) code: only province rows are imported"),
    "reason_not_read_kosis": ("자료 행이 아님(제목, 주석 또는 각주)",
                              "not a data row (title, note or footnote)"),
    "reason_not_read_mois": ("읍면동 행이거나 인구 0인 자리표시(2012년 이전 세종, 출장소)",
                             "a town (eup/myeon/dong) row, or a zero-population placeholder "
                             "(Sejong before 2012, branch offices)"),
    "reason_not_read_tidy": ("자료 행이 아님(채워진 칸이 둘 미만)",
                             "not a data row (fewer than two filled cells)"),
    "reason_no_region": ("지역 이름이나 코드가 없음", "no region name or code"),
    "reason_code_name_differ": ("코드와 이름이 서로 다른 시도", "code and name are different provinces"),
    "reason_group_aggregate": ("권역 합계(수도권/비수도권): 시도 행으로 계산합니다",
                               "regional aggregate (capital region or the rest): computed from "
                               "the province rows instead"),
    "reason_not_a_region": ("시도 이름이나 코드가 아님", "not the name or code of a province"),
    # --- KOSIS Open API refresh (python -m loaders.refresh) ---
    "refresh_no_rows_match": ("{select}에 맞는 행이 없습니다. 표의 항목 이름이 바뀌었을 수 있습니다.",
                              "no rows match {select}; the table's labels may have changed"),
    "refresh_unit_differs": ("단위가 '{unit}'입니다. '{expected}'여야 합니다.",
                             "unit is '{unit}', expected '{expected}'"),
    "refresh_two_rows": ("{select}가 {name} {year}에 두 행과 맞습니다.",
                         "{select} matches two rows for {name} {year}"),
    "refresh_no_sido_rows": ("{indicator}의 선택한 계열에 시도 행이 없습니다.",
                             "no province rows in the selected series of {indicator}"),
}
