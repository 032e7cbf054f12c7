"""Two app processes on one PostgreSQL database, as two replicas behind a load balancer:
an editor signs in on one and stores an update of GRDP; a viewer on the other sees it,
labelled as a user update, at the next rerun of the page already open; then both
replicas store a version of the same indicator at the same moment, and the two saves
take turns (v2 and v3, both logged with their editor). Shared mode with the editor
password, as a government network without an identity provider would run it."""

from __future__ import annotations

import shutil

import pytest
from selenium.webdriver.common.keys import Keys
from sqlalchemy import create_engine, text

from browser.conftest import start_server, stop_server
from browser.streamlit_app import App, start_chromium
from conftest import RAW
from loaders import access

FILE = RAW / "kosis_grdp_sido_2015base_download_20240315.csv"
PASSWORD = "replica editor password"
UPDATE = "번들 지표의 새 자료(갱신)"
GRDP_OPTION = "지역내총생산(명목) (grdp_nominal, 백만원)"


@pytest.fixture(scope="module")
def replicas(postgres, tmp_path_factory):
    database = postgres.create_database()
    secrets = tmp_path_factory.mktemp("replica-secrets") / "secrets.toml"
    secrets.write_text(f'[dashboard]\nmode = "shared"\n'
                       f'editor_password_hash = "{access.hash_password(PASSWORD)}"\n')
    env = {"DASHBOARD_STORE_URL": postgres.url(database)}
    started = [start_server(("--secrets.files", str(secrets)), env=env) for _ in range(2)]
    for server in started:
        server.store_url = env["DASHBOARD_STORE_URL"]
    yield started
    for server in started:
        stop_server(server)
        server.log_path.unlink(missing_ok=True)
    postgres.drop_database(database)


@pytest.fixture(scope="module")
def app(replicas):
    """The editor's browser, on replica A (the module's origin check watches it)."""
    driver, profile = start_chromium()
    yield App(driver, replicas[0].url, profile)
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def other(replicas):
    """A second person's browser, on replica B."""
    driver, profile = start_chromium()
    browser = App(driver, replicas[1].url, profile)
    yield browser
    assert not browser.outside_requests()
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def change_log(store_url: str) -> list[tuple[str, str, int | None]]:
    """(action, author, version) of every change, newest first, read from the database
    the replicas share (the page lists it in a data grid, which draws on a canvas)."""
    engine = create_engine(store_url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(
                "SELECT action, author, version FROM user_changes ORDER BY id DESC"))]
    finally:
        engine.dispose()


def sign_in(browser: App, name: str) -> None:
    browser.open("데이터", lang="ko")
    assert "공유 모드" in browser.text()
    browser.type_into("이름(변경 기록에 남습니다)", name, then=Keys.TAB)
    browser.type_into("편집자 비밀번호", PASSWORD, then=Keys.TAB)
    browser.press("로그인")
    browser.wait_for(lambda b: f"편집자로 로그인: {name}" in b.text(), timeout=60,
                     message=f"{name} was not signed in")


def prepare_update(browser: App) -> None:
    browser.upload("CSV 또는 XLSX 파일", FILE)
    browser.wait_for(lambda b: FILE.name in b.text(), message="no preview of the upload")
    browser.choose("가져올 계열(항목)", "지역내총생산(시장가격) · 명목")
    browser.choose_radio("저장 방식", UPDATE)
    browser.choose("갱신할 번들 지표", GRDP_OPTION)


def test_an_import_on_one_replica_shows_on_the_other_at_its_next_rerun(app, other, replicas):
    other.open("추이", lang="ko")
    assert "사용자 갱신" not in other.text()
    app.open("데이터", lang="ko")
    assert "편집자로 로그인하세요" in app.text()  # a viewer cannot upload
    sign_in(app, "김분석")
    prepare_update(app)
    app.press("저장")
    app.wait_for(lambda a: "저장했습니다: grdp_nominal v1" in a.text(), timeout=180,
                 message="the update was not stored")
    app.screenshot("replicas_stored")
    other.choose_radio("보기", "7개 권역")  # the page's next rerun, no reload
    shown = other.text()
    assert "사용자 갱신 v1 · kosis_grdp_sido_2015base_download_20240315.csv" in shown
    other.screenshot("replicas_seen_on_b")
    assert change_log(replicas[0].store_url)[0] == ("update", "김분석 (password)", 1)


def test_simultaneous_stores_on_both_replicas_take_turns(app, other, replicas):
    sign_in(app, "김분석")  # opening the page again starts a new session
    sign_in(other, "이검토")
    for browser in (app, other):
        prepare_update(browser)
    first, second = app.button("저장"), other.button("저장")
    app.driver.execute_script("arguments[0].click()", first)   # no wait between the two
    other.driver.execute_script("arguments[0].click()", second)
    for browser in (app, other):
        browser.wait_for(lambda b: "저장했습니다: grdp_nominal v" in b.text(), timeout=240,
                         message="a simultaneous store failed")
    numbers = sorted(int(b.text().split("grdp_nominal v")[1].split()[0]) for b in (app, other))
    assert numbers == [2, 3]
    updates = [(author, version) for action, author, version in change_log(replicas[0].store_url)
               if action == "update"]
    assert sorted(version for _, version in updates) == [1, 2, 3]
    assert sorted(author for author, version in updates if version > 1) == [
        "김분석 (password)", "이검토 (password)"]
