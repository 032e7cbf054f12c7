"""One real browser: the app on 127.0.0.1, headless Debian Chromium, no network.

Leaflet must load from the app itself, all 17 provinces must be drawn, and moving the
year slider must recolour them inside the same map frame (no reload)."""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from urllib.parse import quote, urlparse

import pytest
from selenium import webdriver
from selenium.common.exceptions import (JavascriptException, NoSuchElementException,
                                        NoSuchFrameException, StaleElementReferenceException)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
WAIT = 90  # seconds; a cold first run imports geopandas, folium and the store
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def app_url():
    """The app started as a user would, on a free port; always stopped afterwards."""
    port = free_port()
    log = tempfile.TemporaryFile()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + WAIT
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    log.seek(0)
                    pytest.fail(f"the app did not start:\n{log.read().decode(errors='replace')}")
                time.sleep(0.5)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture
def browser():
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(path):
            pytest.fail(f"{path} is missing: install Debian's chromium and chromium-driver "
                        "(make browser)")
    profile = tempfile.mkdtemp(prefix="map-browser-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
                 "--window-size=1400,1200"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def region_fills(driver):
    """Fill attribute of every clickable region path in the map frame (None before Leaflet)."""
    driver.switch_to.default_content()
    frame = driver.find_element(By.CSS_SELECTOR, 'iframe[title*="streamlit_folium"]')
    driver.switch_to.frame(frame)
    try:
        return driver.execute_script(
            "if (!window.L) return null;"
            "return Array.from(document.querySelectorAll('path.leaflet-interactive'))"
            ".map(p => p.getAttribute('fill'));")
    finally:
        driver.switch_to.default_content()


def requested_hosts(driver) -> set[str]:
    hosts = set()
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            url = urlparse(message["params"]["request"]["url"])
            if url.scheme in ("http", "https", "ws", "wss"):
                hosts.add(url.hostname)
    return hosts


def test_map_draws_offline_and_recolours_when_the_year_changes(app_url, browser):
    browser.get(f"{app_url}/{quote('지도')}?year=2012")
    wait = WebDriverWait(browser, WAIT, ignored_exceptions=(
        NoSuchElementException, NoSuchFrameException, StaleElementReferenceException,
        JavascriptException))
    first = wait.until(lambda d: (fills := region_fills(d)) and len(fills) == 17 and fills)
    assert "url(#nodata-hatch) #d9d9d9" in first        # 세종 2012: counted in 충남, no data
    frame = browser.find_element(By.CSS_SELECTOR, 'iframe[title*="streamlit_folium"]')
    browser.execute_script("arguments[0].dataset.sameFrame = 'yes'", frame)

    slider = browser.find_element(
        By.CSS_SELECTOR, '[data-testid="stSidebar"] input[type="range"][aria-label="연도"]')
    browser.execute_script("arguments[0].focus()", slider)
    ActionChains(browser).send_keys(Keys.END).perform()     # to the latest year, 2023

    second = wait.until(lambda d: (fills := region_fills(d)) and len(fills) == 17
                        and fills != first and fills)
    assert all(fill.startswith("#") for fill in second)      # every province has a 2023 value
    frame = browser.find_element(By.CSS_SELECTOR, 'iframe[title*="streamlit_folium"]')
    assert frame.get_attribute("data-same-frame") == "yes"   # recoloured, not reloaded
    hosts = requested_hosts(browser)
    assert hosts and hosts <= LOCAL_HOSTS, hosts
