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
    "upload_help": ("최대 {mb} MB. 엑셀 수식과 매크로는 실행하지 않습니다.",
                    "Up to {mb} MB. Excel formulas and macros are never executed."),
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
}
