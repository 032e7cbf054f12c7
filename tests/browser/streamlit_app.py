"""Drive the dashboard in a real Chromium the way a person does: open a page, wait until
Streamlit has finished running the script, click widgets by their visible labels,
download files, read the address bar, take screenshots.

Widgets are found by the label a person reads (in the page's language), never by
Streamlit's internal keys, so a test fails when a label is missing or untranslated.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

from selenium import webdriver
from selenium.common.exceptions import (ElementClickInterceptedException, JavascriptException,
                                        NoSuchElementException, StaleElementReferenceException,
                                        TimeoutException, WebDriverException)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})
RUN_TIMEOUT = 90      # seconds; a cold first run imports geopandas, folium and the store
SETTLE_SECONDS = 0.6  # the script may rerun right after it stops (st.rerun, query params)
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
QUIET_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
               "--lang=ko-KR")
_STALE = (NoSuchElementException, StaleElementReferenceException, JavascriptException,
          ElementClickInterceptedException)


def _without_icon(text: str) -> str:
    """A button's or expander's label without its Material icon, which the bundled icon
    font draws from a ligature word ('download', 'keyboard_arrow_down') on its own line."""
    lines = text.strip().splitlines()
    return lines[-1].strip() if lines else ""


def _button_label(button: WebElement) -> str:
    """A button's label without its icon or its keyboard-shortcut badge (<kbd>)."""
    badges = {kbd.text.strip() for kbd in button.find_elements(By.TAG_NAME, "kbd")}
    lines = [line for line in button.text.strip().splitlines() if line.strip() not in badges]
    return _without_icon("\n".join(lines))


class AppError(AssertionError):
    """The page showed an exception or never finished running."""


def start_chromium(width: int = 1440, height: int = 1000) -> tuple[webdriver.Chrome, Path]:
    """A headless Chromium with a fresh profile, its own download folder, and the
    performance log on (every request it makes is recorded)."""
    profile = Path(tempfile.mkdtemp(prefix="dashboard-chromium-"))
    downloads = profile / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in QUIET_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile / 'profile'}")
    options.add_argument(f"--window-size={width},{height}")
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads), "download.prompt_for_download": False,
        "intl.accept_languages": "ko-KR,ko"})
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    # A person's copy button works on any origin; the test reads what it copied.
    driver.execute_cdp_cmd("Browser.grantPermissions", {
        "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    driver.set_window_size(width, height)
    return driver, profile


class App:
    """One browser tab on the dashboard at ``base_url`` (scheme, host, port and any
    server.baseUrlPath prefix, no trailing slash)."""

    def __init__(self, driver: webdriver.Chrome, base_url: str, profile: Path):
        self.driver, self.base_url, self.profile = driver, base_url.rstrip("/"), profile
        self.downloads = profile / "downloads"
        self._hosts: set[str] = set()
        self._urls: list[str] = []

    # --- navigation --------------------------------------------------------------------
    def page_url(self, page: str = "", **params) -> str:
        """The address of a page ('' home, '지도', '추이', …) with query parameters."""
        path = f"{self.base_url}/{quote(page)}" if page else f"{self.base_url}/"
        return f"{path}?{urlencode(params)}" if params else path

    def open(self, page: str = "", **params) -> App:
        return self.get(self.page_url(page, **params))

    def get(self, url: str) -> App:
        self.driver.get(url)
        return self.wait_drawn()

    def reload(self) -> App:
        self.driver.refresh()
        return self.wait_drawn()

    def wait_drawn(self, timeout: float = RUN_TIMEOUT) -> App:
        """After a page load: until the page's first run has drawn its title, then idle.
        A new session reads as idle ('notRunning') until its first run starts, which on
        a busy server can be longer than the settling time."""
        self.wait_for(lambda a: a.find('[data-testid="stMain"] h1, [data-testid="stMain"] h2')
                      or a.exceptions(), timeout,
                      message=f"the page drew no title within {timeout} s at {self.url}")
        return self.wait_idle(timeout)

    def navigate(self, title: str) -> App:
        """Click a page in the sidebar navigation, as a person does (the query goes)."""
        for link in self.find('[data-testid="stSidebarNav"] a'):
            if _without_icon(link.text) == title:
                return self.click(link)
        shown = [_without_icon(link.text) for link in self.find('[data-testid="stSidebarNav"] a')]
        raise NoSuchElementException(f"no page {title!r} in the navigation: {shown}")

    def set_viewport(self, width: int, height: int) -> App:
        """Resize the window so that the page itself gets width × height CSS pixels."""
        self.driver.set_window_size(width, height)
        inner = self.driver.execute_script("return [innerWidth, innerHeight]")
        self.driver.set_window_size(2 * width - inner[0], 2 * height - inner[1])
        return self

    @property
    def url(self) -> str:
        return self.driver.current_url

    def query(self) -> dict[str, str]:
        """The address bar's query parameters (last value of each)."""
        return {k: v[-1] for k, v in parse_qs(urlsplit(self.url).query).items()}

    def path(self) -> str:
        """The address bar's path, decoded (Hangul page names readable)."""
        return unquote(urlsplit(self.url).path)

    # --- waiting -----------------------------------------------------------------------
    def script_state(self) -> tuple[str | None, str | None]:
        try:
            return tuple(self.driver.execute_script(
                "const a = document.querySelector('[data-testid=\"stApp\"]');"
                "return a ? [a.dataset.testScriptState, a.dataset.testConnectionState]"
                " : [null, null];"))
        except WebDriverException:
            return None, None

    def wait_idle(self, timeout: float = RUN_TIMEOUT) -> App:
        """Until the script has stopped running and stayed stopped for SETTLE_SECONDS;
        then fail if the page shows an exception."""
        deadline = time.monotonic() + timeout
        quiet_since = None
        while time.monotonic() < deadline:
            state, connection = self.script_state()
            if state == "notRunning" and connection == "CONNECTED":
                quiet_since = quiet_since or time.monotonic()
                if time.monotonic() - quiet_since >= SETTLE_SECONDS:
                    break
            else:
                quiet_since = None
            time.sleep(0.1)
        else:
            raise AppError(f"the page did not finish running within {timeout} s "
                           f"(state {self.script_state()}) at {self.url}")
        self.assert_no_exception()
        return self

    def settled(self, read, interval: float = 0.5, timeout: float = RUN_TIMEOUT):
        """``read(app)`` once it returns the same thing twice ``interval`` s apart (the
        page may still be drawing elements after its script stopped)."""
        deadline = time.monotonic() + timeout
        last = read(self)
        while time.monotonic() < deadline:
            time.sleep(interval)
            now = read(self)
            if now == last:
                return now
            last = now
        raise AssertionError(f"the page kept changing for {timeout} s at {self.url}")

    def wait_for(self, condition, timeout: float = RUN_TIMEOUT, message: str = ""):
        """Poll ``condition(app)`` until it returns something truthy; return that."""
        try:
            return WebDriverWait(self.driver, timeout, ignored_exceptions=_STALE).until(
                lambda _: condition(self))
        except TimeoutException:
            raise AssertionError(message or f"timed out waiting at {self.url}") from None

    def exceptions(self) -> list[str]:
        return [e.text for e in self.driver.find_elements(
            By.CSS_SELECTOR, '[data-testid="stException"]')]

    def assert_no_exception(self) -> None:
        shown = self.exceptions()
        if shown:
            raise AppError(f"the page shows an exception at {self.url}:\n" + "\n".join(shown))

    # --- reading the page --------------------------------------------------------------
    def find(self, css: str, within: WebElement | None = None) -> list[WebElement]:
        return (within or self.driver).find_elements(By.CSS_SELECTOR, css)

    def keyed(self, key: str) -> WebElement:
        """The container a page made with ``st.container(key=key)``."""
        found = self.find(f".st-key-{key}")
        if not found:
            raise NoSuchElementException(f"no container keyed {key!r}")
        return found[0]

    def text(self, css: str = "[data-testid='stMain']") -> str:
        """Visible text of the first element matching ``css`` (the main area by default)."""
        elements = self.find(css)
        return elements[0].text if elements else ""

    def sidebar_text(self) -> str:
        return self.text('[data-testid="stSidebar"]')

    def titles(self) -> list[str]:
        return [e.text for e in self.find('[data-testid="stHeading"] h1')]

    def widget(self, testid: str, label: str, within: WebElement | None = None,
               timeout: float = 15) -> WebElement:
        """The widget of a Streamlit type (stRadio, stSelectbox, …) whose label reads
        ``label`` exactly. Waits a little: while a run redraws the page an element can be
        replaced between finding it and reading its label."""
        def labelled(_app):
            return next((w for w in self.find(f'[data-testid="{testid}"]', within)
                         if self._label(w) == label), None)
        try:
            return self.wait_for(labelled, timeout)
        except AssertionError:
            labels = [self._label(w) for w in self.find(f'[data-testid="{testid}"]', within)]
            raise NoSuchElementException(f"no {testid} labelled {label!r}; labels: {labels}") \
                from None

    def _label(self, widget: WebElement) -> str:
        labels = widget.find_elements(By.CSS_SELECTOR, '[data-testid="stWidgetLabel"]')
        return labels[0].text.strip() if labels else ""

    def radio_value(self, label: str) -> str | None:
        """The visible text of the checked option of a radio group (None: none checked)."""
        for option in self._radio_options(label):
            if option.find_element(By.CSS_SELECTOR, "input[type=radio]").is_selected():
                return option.text.strip()
        return None

    def radio_options(self, label: str) -> list[str]:
        return [option.text.strip() for option in self._radio_options(label)]

    def _radio_options(self, label: str) -> list[WebElement]:
        return self.widget("stRadio", label).find_elements(
            By.CSS_SELECTOR, '[data-testid="stRadioOption"]')

    def selectbox_value(self, label: str) -> str:
        """The text a selectbox shows for its current choice."""
        box = self.widget("stSelectbox", label)
        return box.find_element(By.CSS_SELECTOR, 'input[role="combobox"]').get_attribute("value")

    def multiselect_values(self, label: str) -> list[str]:
        box = self.widget("stMultiSelect", label)
        return [tag.get_attribute("aria-label") for tag in box.find_elements(
            By.CSS_SELECTOR, '.react-aria-ComboBox [data-tag]')]

    def charts(self) -> list[WebElement]:
        return self.find('[data-testid="stVegaLiteChart"]')

    def chart_items(self, index: int = 0, mark: str = "symbol") -> list[dict]:
        """What the ``index``-th Vega-Lite chart on the page draws with its ``mark`` marks
        (symbol, line, text, rule, rect): per drawn item, the data row it was drawn from
        (Vega keeps it on the SVG element) plus the item's ``_stroke``, ``_fill`` and
        ``_text``. A line is one item, carrying its first row."""
        return self.driver.execute_script("""
            const chart = document.querySelectorAll(
              '[data-testid="stVegaLiteChart"]')[arguments[0]];
            if (!chart) return [];
            return Array.from(chart.querySelectorAll(`g.mark-${arguments[1]} > *`)).map(el => {
              const item = el.__data__ || {};
              const row = item.datum ? JSON.parse(JSON.stringify(item.datum)) : {};
              row._stroke = el.getAttribute('stroke'); row._fill = el.getAttribute('fill');
              row._text = el.textContent;
              return row;
            });""", index, mark)

    def chart_texts(self, index: int = 0) -> list[str]:
        """Every text the ``index``-th chart draws (title, axes, labels, notes)."""
        return self.driver.execute_script("""
            const chart = document.querySelectorAll(
              '[data-testid="stVegaLiteChart"]')[arguments[0]];
            return chart ? Array.from(chart.querySelectorAll('text')).map(t => t.textContent)
                         : [];""", index)

    def text_input_value(self, label: str) -> str:
        return self.widget("stTextInput", label).find_element(
            By.CSS_SELECTOR, "input").get_attribute("value")

    def toggle_value(self, label: str) -> bool:
        return self.widget("stCheckbox", label).find_element(
            By.CSS_SELECTOR, "input[type=checkbox]").is_selected()

    def slider_value(self, label: str) -> list[str]:
        """The value text of each thumb (one, or two for a range)."""
        return [thumb.get_attribute("aria-valuetext") for thumb in self.widget(
            "stSlider", label).find_elements(By.CSS_SELECTOR, 'input[type="range"]')]

    def widget_values(self) -> dict[str, object]:
        """Every labelled widget on the page (sidebar included) → what it shows: the
        checked radio option, the selectbox text, multiselect tags, slider thumbs,
        toggle/checkbox state, text input value. For comparing two views; read in one
        script, so that a page drawing meanwhile cannot mix two states."""
        return self.driver.execute_script("""
            const text = e => (e ? e.innerText : "").trim();
            const readers = {
              stRadio: w => { const o = [...w.querySelectorAll('[data-testid="stRadioOption"]')]
                  .find(o => o.querySelector("input[type=radio]").checked); return o ? text(o) : null; },
              stSelectbox: w => w.querySelector('input[role="combobox"]').value,
              stMultiSelect: w => [...w.querySelectorAll(".react-aria-ComboBox [data-tag]")]
                  .map(tag => tag.getAttribute("aria-label")),
              stSlider: w => [...w.querySelectorAll('input[type="range"]')]
                  .map(thumb => thumb.getAttribute("aria-valuetext")),
              stCheckbox: w => w.querySelector("input[type=checkbox]").checked,
              stTextInput: w => w.querySelector("input").value,
            };
            const values = {};
            for (const [testid, read] of Object.entries(readers)) {
              for (const w of document.querySelectorAll(`[data-testid="${testid}"]`)) {
                const label = text(w.querySelector('[data-testid="stWidgetLabel"]'));
                if (label) values[`${testid}:${label}`] = read(w);
              }
            }
            return values;""")

    def share_link(self) -> str:
        """The link in the page's copy-link control, taken as a person does: press its
        copy button, then read the clipboard (it must hold what the field shows)."""
        boxes = self.find('[data-testid="share-link"]')
        if not boxes:
            raise NoSuchElementException("the page has no copy-link control")
        field = boxes[-1].find_element(By.CSS_SELECTOR, "input").get_attribute("value")
        self.driver.execute_script("navigator.clipboard.writeText('')")
        self.click(boxes[-1].find_element(By.CSS_SELECTOR, "button"))
        copied = self.wait_for(lambda a: a.driver.execute_async_script(
            "navigator.clipboard.readText().then(arguments[0], () => arguments[0](''))"),
            timeout=10, message="the copy button put nothing on the clipboard")
        assert copied == field, (copied, field)
        return copied

    def link_targets(self, label: str) -> list[str]:
        """Where each link button reading ``label`` points."""
        return [a.get_attribute("href") for a in self.find('a[data-testid*="Button"], '
                                                           'a[role="button"]')
                if _without_icon(a.text) == label]

    def navigation(self) -> list[str]:
        """The sidebar navigation's page titles, in order (icons left out)."""
        return [_without_icon(link.text)
                for link in self.find('[data-testid="stSidebarNav"] a')]

    def widgets(self) -> list[tuple[str, str, object]]:
        """Every widget on the page (sidebar first, then the main area, in page order) as
        (kind, visible label, shown value): a radio's checked option (None: none), a
        selectbox's text, a multiselect's chosen items, a slider's thumb texts, a
        toggle's or checkbox's state."""
        read = {"stRadio": self.radio_value, "stSelectbox": self.selectbox_value,
                "stMultiSelect": self.multiselect_values, "stSlider": self.slider_value,
                "stCheckbox": self.toggle_value, "stTextInput": self.text_input_value}
        found = []
        for area in ('[data-testid="stSidebar"]', '[data-testid="stMain"]'):
            selector = ", ".join(f'{area} [data-testid="{kind}"]' for kind in read)
            for widget in self.find(selector):
                kind, label = widget.get_attribute("data-testid"), self._label(widget)
                if label and widget.is_displayed():
                    found.append((kind, label, read[kind](label)))
        return found

    def pseudo_text(self, css: str, pseudo: str = "::after") -> str:
        """The text CSS draws in an element's ::before/::after (its ``content``)."""
        value = self.driver.execute_script(
            "const e = document.querySelector(arguments[0]);"
            "return e ? getComputedStyle(e, arguments[1]).content : '';", css, pseudo)
        return json.loads(value) if value and value.startswith('"') else ""

    # --- acting ------------------------------------------------------------------------
    def click(self, element: WebElement) -> App:
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        try:
            element.click()
        except ElementClickInterceptedException:
            self.driver.execute_script("arguments[0].click()", element)
        return self.wait_idle()

    def choose_radio(self, label: str, option: str) -> App:
        for choice in self._radio_options(label):
            if choice.text.strip() == option:
                return self.click(choice)
        raise NoSuchElementException(f"radio {label!r} has no option {option!r}; "
                                     f"options: {self.radio_options(label)}")

    def choose(self, label: str, option: str) -> App:
        """Pick ``option`` (its visible text) in the selectbox labelled ``label``."""
        self._type_into(self.widget("stSelectbox", label), option)
        return self.wait_idle()

    def add_to_multiselect(self, label: str, option: str) -> App:
        self._type_into(self.widget("stMultiSelect", label), option)
        ActionChains(self.driver).send_keys(Keys.ESCAPE).perform()
        return self.wait_idle()

    def remove_from_multiselect(self, label: str, option: str) -> App:
        box = self.widget("stMultiSelect", label)
        return self.click(box.find_element(
            By.CSS_SELECTOR, f'.react-aria-ComboBox button[aria-label="Remove {option}"]'))

    def _type_into(self, box: WebElement, option: str) -> None:
        """Open a combobox, filter its (virtualised) list by typing, click the option."""
        field = box.find_element(By.CSS_SELECTOR, '.react-aria-ComboBox input[role="combobox"]')
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
        field.click()
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(option)

        def matching(_):
            return [c for c in self.find('[role="option"]') if c.text.strip() == option]
        try:
            WebDriverWait(self.driver, 10, ignored_exceptions=_STALE).until(matching)[0].click()
        except TimeoutException:
            listed = [c.text.strip() for c in self.find('[role="option"]')]
            ActionChains(self.driver).send_keys(Keys.ESCAPE).perform()
            raise NoSuchElementException(f"no option {option!r}; listed: {listed[:40]}") \
                from None

    def upload(self, label: str, path: Path) -> App:
        """Give the file uploader labelled ``label`` a file, as a person picking it does."""
        field = self.widget("stFileUploader", label).find_element(
            By.CSS_SELECTOR, 'input[type="file"]')
        field.send_keys(str(path))
        self.wait_for(lambda a: a.find(f'[data-testid="stFileChipName"][title="{path.name}"]'),
                      message=f"{path.name} did not upload")
        return self.wait_idle()

    def type_into(self, label: str, text: str, then: str = Keys.ENTER) -> App:
        """Type into the text (or password) input labelled ``label``, then press Enter,
        which commits it. Inside a form Enter submits the form: pass ``then=Keys.TAB``
        to commit one field by leaving it."""
        field = self.widget("stTextInput", label).find_element(By.CSS_SELECTOR, "input")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys(text, then)
        return self.wait_idle()

    def toggle(self, label: str) -> App:
        widget = self.widget("stCheckbox", label)
        return self.click(widget.find_element(By.CSS_SELECTOR, "label"))

    def slider_keys(self, label: str, *keys: str, thumb_index: int = 0) -> App:
        """Focus a thumb of the slider labelled ``label`` and press keys (Keys.END, …)."""
        thumb = self.widget("stSlider", label).find_elements(
            By.CSS_SELECTOR, 'input[type="range"]')[thumb_index]
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});"
                                   "arguments[0].focus()", thumb)
        ActionChains(self.driver).send_keys(*keys).perform()
        return self.wait_idle()

    def button(self, label: str, within: WebElement | None = None,
               timeout: float = 15) -> WebElement:
        """A button (plain, download, link or form submit) by its visible text (inside
        ``within`` when a page repeats the same button for several charts). Waits a
        little: a download button is in the page but hidden while its fragment redraws."""
        def displayed(_app):
            for candidate in self.find('button, a[data-testid*="Button"], a[role="button"]',
                                       within):
                if _button_label(candidate) == label and candidate.is_displayed():
                    return candidate
            return None
        try:
            return self.wait_for(displayed, timeout)
        except AssertionError:
            shown = sorted({_button_label(c) for c in self.find("button")
                            if c.text.strip()})
            raise NoSuchElementException(f"no button {label!r}; buttons: {shown}") from None

    def open_tab(self, label: str) -> App:
        """Show the tab labelled ``label`` (tabs switch in the browser; nothing reruns)."""
        tabs = self.find('[role="tab"]')
        for tab in tabs:
            if _without_icon(tab.text) == label:
                self.click(tab)
                return self
        raise NoSuchElementException(f"no tab {label!r}; tabs: {[t.text for t in tabs]}")

    def press(self, label: str) -> App:
        return self.click(self.button(label))

    def keys(self, *keys: str) -> App:
        """Press keys on the page itself, nothing focused (e.g. the briefing's ← →
        shortcuts); no click, which would land on whatever is in the middle."""
        self.driver.execute_script("document.activeElement && document.activeElement.blur()")
        ActionChains(self.driver).send_keys(*keys).perform()
        return self.wait_idle()

    def expand(self, label: str, within: WebElement | None = None) -> App:
        """Open the expander whose summary reads ``label`` (no-op when open)."""
        for summary in self.find('[data-testid="stExpander"] summary', within):
            if _without_icon(summary.text) == label:
                details = summary.find_element(By.XPATH, "..")
                if details.get_attribute("open") is None:
                    self.click(summary)
                return self
        raise NoSuchElementException(f"no expander {label!r}")

    def switch_language(self, lang: str) -> App:
        """Use the sidebar's language toggle as a person does (labelled in the language
        currently shown)."""
        names = {"ko": ("언어", "한국어"), "en": ("Language", "English")}
        labels = [self._label(w) for w in self.find('[data-testid="stSidebar"] '
                                                     '[data-testid="stRadio"]')]
        toggle = next(label for label in labels if label in ("언어", "Language"))
        self.choose_radio(toggle, names[lang][1])
        self.wait_for(lambda a: a.radio_value(names[lang][0]) == names[lang][1],
                      message=f"the toggle does not read {names[lang]}")
        return self

    def settled_widgets(self, timeout: float = 20) -> list[tuple[str, str, object]]:
        """widgets(), once two readings half a second apart agree (the browser may still be
        drawing the last run's changes when the script has stopped)."""
        def same_twice(app):
            first = app.widgets()
            time.sleep(0.5)
            return first if app.widgets() == first else None
        return self.wait_for(same_twice, timeout, "the widgets kept changing")

    # --- frames, pointer, console ------------------------------------------------------
    @contextmanager
    def in_frame(self, css: str, index: int = 0):
        """Run the block inside the ``index``-th iframe matching ``css`` (a component such
        as streamlit_folium), then return to the page."""
        self.driver.switch_to.default_content()
        frames = self.find(css)
        if len(frames) <= index:
            raise NoSuchElementException(f"no iframe {css!r} #{index}")
        self.driver.switch_to.frame(frames[index])
        try:
            yield self
        finally:
            self.driver.switch_to.default_content()

    def point_inside(self, element: WebElement) -> tuple[int, int]:
        """An offset from ``element``'s centre at which the element itself is what the
        pointer hits (an SVG region whose box centre lies in a neighbour, or under another
        shape, is still hovered on its own area)."""
        offset = self.driver.execute_script("""
            const el = arguments[0], r = el.getBoundingClientRect();
            const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
            for (let n = 1; n <= 24; n++) {
              for (let i = 0; i <= n; i++) for (let j = 0; j <= n; j++) {
                const x = r.left + r.width * i / n, y = r.top + r.height * j / n;
                if (document.elementFromPoint(x, y) === el)
                  return [Math.round(x - cx), Math.round(y - cy)];
              }
            }
            return null;""", element)
        if offset is None:
            raise AssertionError("no visible point of the element can be hovered")
        return offset[0], offset[1]

    def hover(self, element: WebElement) -> App:
        """Move the pointer onto a visible point of ``element``, as a mouse does."""
        dx, dy = self.point_inside(element)
        ActionChains(self.driver).move_to_element_with_offset(element, dx, dy).perform()
        return self

    def click_at(self, element: WebElement) -> App:
        """Click a visible point of ``element`` (no wait: the caller may be in a frame)."""
        dx, dy = self.point_inside(element)
        ActionChains(self.driver).move_to_element_with_offset(element, dx, dy).click().perform()
        return self

    def console_errors(self) -> list[str]:
        """Errors the page's scripts logged since the last call (uncaught exceptions,
        failed loads)."""
        return [entry["message"] for entry in self.driver.get_log("browser")
                if entry["level"] == "SEVERE"]

    def open_file(self, path: Path) -> App:
        """Open a downloaded file (an offline map) in this browser, from file://."""
        self.driver.get(path.resolve().as_uri())
        return self

    # --- files -------------------------------------------------------------------------
    def download(self, label: str, timeout: float = 60,
                 within: WebElement | None = None) -> Path:
        """Press a download button and return the finished file (moved out of the
        download folder so the next download is not confused with it)."""
        before = set(self.downloads.iterdir())
        button = self.button(label, within)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            new = [p for p in set(self.downloads.iterdir()) - before
                   if not p.name.endswith((".crdownload", ".tmp"))]
            if new:
                time.sleep(0.2)
                done = self.profile / "taken" / new[0].name
                done.parent.mkdir(exist_ok=True)
                shutil.move(new[0], done)
                return done
            time.sleep(0.1)
        raise AssertionError(f"no file arrived after pressing {label!r}")

    def screenshot(self, name: str, full_page: bool = False) -> Path:
        """Save a PNG under tests/browser/screenshots (git-ignored) and return its path."""
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{re.sub(r'[^0-9A-Za-z가-힣_.-]+', '_', name)}.png"
        if full_page:
            height = self.driver.execute_script(
                "const m = document.querySelector('[data-testid=\"stMain\"]');"
                "return Math.max(document.body.scrollHeight, m ? m.scrollHeight : 0);")
            size = self.driver.get_window_size()
            self.driver.set_window_size(size["width"], min(int(height) + 120, 8000))
            try:
                self.driver.save_screenshot(str(path))
            finally:
                self.driver.set_window_size(size["width"], size["height"])
        else:
            self.driver.save_screenshot(str(path))
        return path

    # --- layout ------------------------------------------------------------------------
    def overflowing(self, slack: int = 1, skip: tuple[str, ...] = ()) -> list[str]:
        """Elements of the main area that stick out of the viewport or out of their own
        box, as 'tag.testid text… (width)' for a readable failure.

        Streamlit internals that overflow by design are not counted (BY_DESIGN below),
        neither as offenders nor as the content that makes a container overflow: a
        slider's thumbs are centred on the ends of the track and their value labels are
        centred over the thumbs, so both poke past the track; a thumb's range input is a
        keyboard target clipped to 1 px by its wrapper; a dataframe's grid draws its
        scroll layer a few px wider than its frame and scrolls itself; code blocks and
        the static tables' wrappers (charts.html_table) scroll by design."""
        return self.driver.execute_script("""
            const slack = arguments[0], vw = document.documentElement.clientWidth;
            const BY_DESIGN = ['[data-testid="stSliderThumbValue"]',
                               '[data-testid="stSlider"] :has(> * > input[type="range"])',
                               '[data-testid="stSlider"] input[type="range"]',
                               '[data-testid="stDataFrame"] *', '.stCode *',
                               '[data-testid="stCode"] *', '.data-table-wrap *'].join(', ');
            const designed = el => el.matches(BY_DESIGN) || el.closest(BY_DESIGN) !== null;
            const shown = el => {
              const r = el.getBoundingClientRect();
              if (r.width <= 2 || r.height <= 2) return false;   // screen-reader-only inputs
              const style = getComputedStyle(el);
              return !(style.visibility === 'hidden' || style.position === 'fixed'
                       || (style.clip && style.clip !== 'auto'));
            };
            // Content wider than its box, counting only descendants that are not
            // overflowing by design (scrollWidth alone would count those too).
            const spills = (el, r) => {
              for (const child of el.querySelectorAll('*')) {
                if (designed(child) || !shown(child)) continue;
                const c = child.getBoundingClientRect();
                if (c.right > r.right + slack || c.left < r.left - slack) return true;
              }
              return false;
            };
            const out = [];
            // Streamlit's data grid has an invisible 20 px resize grip that hangs 10 px out
            // of its frame's corner by design (cursor se-resize): set it aside while
            // measuring, so that it does not count as every ancestor's overflow.
            const grips = Array.from(document.querySelectorAll(
                '[data-testid="stMain"] div[style*="se-resize"]'));
            grips.forEach(g => { g.dataset.display = g.style.display; g.style.display = 'none'; });
            for (const el of document.querySelectorAll('[data-testid="stMain"] *')) {
              if (designed(el) || !shown(el)) continue;
              const r = el.getBoundingClientRect();
              const style = getComputedStyle(el);
              const clipped = !(el instanceof SVGElement)
                 && el.scrollWidth > el.clientWidth + slack
                 && ['visible', 'clip', 'hidden'].includes(style.overflowX)
                 && el.clientWidth > 0 && spills(el, r);
              if (r.right > vw + slack || r.left < -slack || clipped) {
                const id = el.dataset.testid || el.getAttribute('class') || '';
                out.push(`${el.tagName.toLowerCase()}.${String(id).slice(0, 40)} `
                         + `"${(el.innerText || '').slice(0, 30)}" `
                         + `(${Math.round(r.left)}..${Math.round(r.right)} of ${vw}, `
                         + `scroll ${el.scrollWidth}/${el.clientWidth})`);
              }
            }
            grips.forEach(g => { g.style.display = g.dataset.display; });
            return out;""", slack, list(skip))

    def widths(self, css: str) -> list[int]:
        """Rendered widths (px) of the visible elements matching ``css``."""
        return [round(w) for w in self.driver.execute_script(
            "return Array.from(document.querySelectorAll(arguments[0]))"
            ".map(e => e.getBoundingClientRect().width).filter(w => w > 0);", css)]

    def broken_words(self, css: str = '[data-testid="stMain"] button') -> list[str]:
        """Texts of the elements matching ``css`` that break inside a word (more lines
        than words), e.g. a button squeezed to one character per line."""
        return self.driver.execute_script("""
            const out = [];
            for (const el of document.querySelectorAll(arguments[0])) {
              if (!el.getBoundingClientRect().width) continue;
              const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
              let node;
              while ((node = walker.nextNode())) {
                const text = node.textContent.trim();
                if (!text || getComputedStyle(node.parentElement).fontFamily.includes('Material'))
                  continue;   // icon ligatures ('download') are one glyph
                const range = document.createRange(); range.selectNodeContents(node);
                const tops = new Set(Array.from(range.getClientRects())
                                     .map(r => Math.round(r.top)));
                if (tops.size > text.split(/\\s+/).length) out.push(`${text} (${tops.size} lines)`);
              }
            }
            return out;""", css)

    # --- network -----------------------------------------------------------------------
    def requested_hosts(self) -> set[str]:
        """Every host the browser has asked for since it started (http, https, ws, wss)."""
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                url = message["params"]["request"]["url"]
                parts = urlsplit(url)
                if parts.scheme in ("http", "https", "ws", "wss"):
                    self._hosts.add(parts.hostname or "")
                    self._urls.append(url)
            elif message["method"] == "Network.webSocketCreated":
                parts = urlsplit(message["params"]["url"])
                self._hosts.add(parts.hostname or "")
                self._urls.append(message["params"]["url"])
        return set(self._hosts)

    def outside_requests(self) -> list[str]:
        self.requested_hosts()
        return [u for u in self._urls if urlsplit(u).hostname not in LOCAL_HOSTS]


@contextmanager
def fresh_browser(base_url: str, width: int = 1440, height: int = 1000):
    """A second Chromium with its own empty profile: nothing of the first session (no
    cookies, no session state), as when a link is opened on another machine."""
    driver, profile = start_chromium(width, height)
    app = App(driver, base_url, profile)
    try:
        yield app
    finally:
        outside = app.outside_requests()
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
        assert not outside, f"requests left the app's origin: {outside[:5]}"
