"""Hostile input against the real server: a hostile upload in one session leaves another
session's page rendering; URL parameters are shown as text; the server itself refuses
uploads over the limit. (The module's autouse check also fails any test whose browser
fetched an image or anything else from a host other than the app.)"""

from __future__ import annotations

import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from browser.streamlit_app import fresh_browser
from i18n import t
from i18n.safe_text import WORD_JOINER

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import hostile_files  # noqa: E402

# The other session may wait for a CPU on two shared cores (the worker runs at a lower
# priority; the suite's other worker and other users load the machine too), never for the
# upload itself, which before took the server to 3.8 GB and stalled it for minutes.
OTHER_SESSION_SLACK = 30
SERVER_GROWTH_MB = 300
LINK = "[세션 만료 - 다시 로그인](https://evil.invalid/login)"
IMAGE = "![x](http://evil.invalid/pixel.png)"


def upload(app, path: Path) -> None:
    """Give the import page's file uploader a file, as a person choosing it does; does
    not wait for the page to finish."""
    field = app.driver.find_element(By.CSS_SELECTOR, '[data-testid="stFileUploader"] '
                                                     'input[type="file"]')
    field.send_keys(str(path))


class resident_peak:
    """The largest resident set of one process (not its children) while the block runs,
    sampled every 0.1 s."""

    def __init__(self, pid: int):
        self.pid, self.mb, self._stop = pid, 0.0, threading.Event()
        self.first = self._sample()

    def _sample(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                self.mb = max(self.mb, int(line.split()[1]) / 1024)
                return int(line.split()[1]) / 1024
        return 0.0

    def __enter__(self):
        def sample():
            while not self._stop.wait(0.1):
                self._sample()
        self._thread = threading.Thread(target=sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def other_session_opens_the_map(server) -> float:
    """Seconds until a new session (its own browser) has finished drawing the map page."""
    with fresh_browser(server.url) as other:
        started = time.perf_counter()
        other.open("지도")
        elapsed = time.perf_counter() - started
        assert other.titles() == [t("map_heading", "ko")]
        other.screenshot("hostile_other_session_map")
    return elapsed


def test_a_hostile_upload_leaves_another_sessions_page_rendering(app, server, tmp_path):
    """Before the upload worker, this file held the server at 4.9 GB for half a minute
    (bench/bench_hostile.py); now the server process does not grow and the other session
    draws its page while the file is refused."""
    app.open("지도")  # warm caches, as on a server in use
    quiet = other_session_opens_the_map(server)
    app.open("데이터")
    with resident_peak(server.process.pid) as peak:
        start_rss = peak.first
        upload(app, hostile_files.widest_range(tmp_path))
        busy = other_session_opens_the_map(server)
        app.wait_for(lambda a: "열이 너무 많습니다" in a.text(), timeout=60,
                     message="the uploader never said why the file was refused")
    print(f"other session's map page: {quiet:.1f} s on a quiet server, {busy:.1f} s during "
          f"the hostile upload; server resident set {start_rss:.0f} → at most {peak.mb:.0f} MB")
    assert peak.mb - start_rss < SERVER_GROWTH_MB, (start_rss, peak.mb)
    assert busy < quiet + OTHER_SESSION_SLACK, (quiet, busy)
    app.wait_for(lambda a: "열이 너무 많습니다" in a.text(), timeout=60,
                 message="the uploader never said why the file was refused")
    app.wait_idle()
    shown = app.text()
    assert "파일을 읽지 못했습니다. 저장된 것은 없습니다." in shown
    assert "파일 widest_range.xlsx, 1행, 'XFD1' 열: 열이 너무 많습니다: 최대 2,000열까지" in shown
    assert "Traceback" not in shown and "/work/" not in shown
    app.screenshot("hostile_upload_refused")
    assert not list(server.user_data.iterdir()), "nothing is stored"


def test_url_parameters_are_shown_as_text_and_cut(app):
    app.open("지도", year=LINK, layers=IMAGE, region="가" * 5000)
    main = app.driver.find_element(By.CSS_SELECTOR, '[data-testid="stMain"]')
    links = [a.get_attribute("href") or "" for a in main.find_elements(By.TAG_NAME, "a")]
    images = [i.get_attribute("src") or "" for i in main.find_elements(By.TAG_NAME, "img")]
    assert not [u for u in links + images if "evil.invalid" in u]
    shown = app.text().replace(WORD_JOINER, "")
    assert f"'year={LINK}'" in shown and f"'layers={IMAGE}'" in shown
    notice = next(line for line in shown.splitlines() if "region=" in line)
    assert "가" * 70 in notice and "가" * 90 not in notice and "…" in notice
    app.screenshot("hostile_url_parameters")


@pytest.mark.parametrize("size, refused", [(25 * 2**20, True), (1000, False)])
def test_the_server_refuses_uploads_over_the_limit(server, size, refused):
    """25 MB is cut off by the server before it is read (server.maxUploadSize = 20); a
    small body is read and answered (403: no session token)."""
    request = urllib.request.Request(f"{server.url}/_stcore/upload_file/no-session/no-file",
                                     data=b"x" * size, method="PUT")
    try:
        urllib.request.urlopen(request, timeout=30)
        status = 200
    except urllib.error.HTTPError as error:
        status = error.code
    except (urllib.error.URLError, ConnectionError):
        status = None  # the server closed the connection without reading the body
    assert (status is None or status in (400, 413)) == refused, status
