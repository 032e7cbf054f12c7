"""The app as a user meets it: ``streamlit run`` on a free port, and one headless Debian
Chromium per test module (a fresh profile, downloads into its own folder, every request
recorded). Every test fails if the browser asked any host but the app's own.

A module picks its server with ``SERVER_OPTIONS`` (extra ``streamlit run`` flags, e.g.
a ``--server.baseUrlPath`` prefix) and its window with ``WINDOW`` = (width, height).
The server's user data area is an empty temporary folder, so imports in one module
never leak into another.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from browser.streamlit_app import CHROMEDRIVER, CHROMIUM, RUN_TIMEOUT, App, start_chromium

ROOT = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed browser test leaves a screenshot of what the browser showed
    (screenshots/failed_<test>.png) and the page's address in the report."""
    outcome = yield
    report = outcome.get_result()
    app = item.funcargs.get("app") if hasattr(item, "funcargs") else None
    if report.when == "call" and report.failed and isinstance(app, App):
        try:
            path = app.screenshot(f"failed_{item.name}")
            report.sections.append(("browser", f"{app.url}\nscreenshot: {path}"))
        except Exception as error:   # a browser that died cannot take one; say so
            report.sections.append(("browser", f"no screenshot: {error}"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str             # base address, with the path prefix when there is one
    process: subprocess.Popen
    log_path: Path
    user_data: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def start_server(extra_flags: tuple[str, ...] = (), env: dict | None = None) -> Server:
    """``streamlit run app.py`` as a user starts it, on 127.0.0.1 and a free port."""
    port = free_port()
    user_data = Path(tempfile.mkdtemp(prefix="dashboard-user-data-"))
    log_path = user_data.parent / f"{user_data.name}.log"
    prefix = ""
    for flag in extra_flags:
        if flag.startswith("--server.baseUrlPath="):
            prefix = "/" + flag.split("=", 1)[1].strip("/")
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true",
               "--browser.gatherUsageStats", "false", *extra_flags]
    environment = {**os.environ, "DASHBOARD_USER_DATA": str(user_data), **(env or {})}
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                   env=environment)
    server = Server(f"http://127.0.0.1:{port}{prefix}", process, log_path, user_data)
    deadline = time.monotonic() + RUN_TIMEOUT
    while True:
        try:
            urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2)
            return server
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                stop_server(server)
                pytest.fail(f"the app did not start:\n{server.log()}")
            time.sleep(0.3)


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
    shutil.rmtree(server.user_data, ignore_errors=True)


@pytest.fixture(scope="module")
def server(request):
    flags = tuple(getattr(request.module, "SERVER_OPTIONS", ()))
    started = start_server(flags)
    yield started
    stop_server(started)
    started.log_path.unlink(missing_ok=True)


@pytest.fixture(scope="module")
def app(server, request):
    """One Chromium for the module, on the module's server."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(path):
            pytest.fail(f"{path} is missing: install Debian's chromium and chromium-driver "
                        "(make browser)")
    width, height = getattr(request.module, "WINDOW", (1440, 1000))
    driver, profile = start_chromium(width, height)
    yield App(driver, server.url, profile)
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(autouse=True)
def only_the_apps_origin(request):
    """After every browser test: no request may have gone anywhere but the app."""
    yield
    if "app" in request.fixturenames:
        outside = request.getfixturevalue("app").outside_requests()
        assert not outside, f"requests left the app's origin: {outside[:5]}"
