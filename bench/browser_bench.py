"""Time to first full render and bytes per page, in headless Debian Chromium.

For each page a fresh server is started (``cold``: nothing imported or cached in the
server, an empty browser profile), the page is opened, and then again on the now-warm
server: by a new visitor (empty browser profile, ``visitor``) and five times by the
first browser (its HTTP cache filled, ``warm``: the median visit, every time listed).
Each visit is a new Streamlit session.

"Full render" = the script has finished and stays connected, no skeleton is left, every
Vega-Lite chart has drawn, every dataframe has its canvas, every image (the home
scorecard's charts) has loaded, and on map pages Leaflet has drawn at least 17
interactive shapes. The clock runs from the navigation until then.

Bytes are counted on the wire by a relay in front of the server (after any gzip or
permessage-deflate), split into HTTP and websocket; the decoded sizes come from
Chromium's DevTools log (Network.dataReceived, Network.webSocketFrameReceived).

    .venv/bin/python bench/browser_bench.py [--checkout PATH] [--pages map,home]
"""

from __future__ import annotations

import argparse
import base64
import json
import shutil
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent / "tests"))

from browser.streamlit_app import start_chromium  # noqa: E402
from scenarios import PAGES  # noqa: E402
from server import AppServer, load_average  # noqa: E402
from wire import WireCounter  # noqa: E402

RENDER_TIMEOUT = 240
WARM_VISITS = 5   # one warm visit varies by ±0.3 s here; the median of five is reported
MAP_PAGES = {"map", "naive", "disparity"}
RENDERED_JS = """
const app = document.querySelector('[data-testid="stApp"]');
if (!app || app.dataset.testScriptState !== 'notRunning'
    || app.dataset.testConnectionState !== 'CONNECTED') return null;
if (!document.querySelector('[data-testid="stHeading"]')) return null;
if (document.querySelector('[data-testid="stSkeleton"]')) return null;
for (const c of document.querySelectorAll('[data-testid="stVegaLiteChart"]'))
  if (!c.querySelector('canvas, svg')) return null;
for (const d of document.querySelectorAll('[data-testid="stDataFrame"]'))
  if (!d.querySelector('canvas')) return null;
for (const i of document.querySelectorAll('[data-testid="stMain"] img'))
  if (!i.complete || !i.naturalWidth) return null;
let paths = document.querySelectorAll('path.leaflet-interactive').length;
for (const f of document.querySelectorAll('iframe')) {
  try { paths += f.contentDocument.querySelectorAll('path.leaflet-interactive').length; }
  catch (e) {}
}
return {paths: paths};
"""


def rendered(driver, needs_map: bool) -> bool:
    state = driver.execute_script(RENDERED_JS)
    return bool(state) and (not needs_map or state["paths"] >= 17)


def devtools_bytes(driver) -> dict[str, int]:
    """Decoded HTTP body bytes and websocket payload bytes since the last call."""
    http = ws = 0
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        method, params = message["method"], message.get("params", {})
        if method == "Network.dataReceived":
            http += params.get("dataLength", 0)
        elif method == "Network.webSocketFrameReceived":
            frame = params["response"]
            data = frame.get("payloadData", "")
            ws += len(base64.b64decode(data)) if frame.get("opcode") == 2 else len(data.encode())
    return {"http_decoded": http, "ws_decoded": ws}


def visit(driver, wire: WireCounter, path: str, needs_map: bool) -> dict:
    devtools_bytes(driver)
    wire.reset()
    start = time.perf_counter()
    driver.get(f"{wire.url}/{path}")
    deadline = time.monotonic() + RENDER_TIMEOUT
    while not rendered(driver, needs_map):
        if time.monotonic() > deadline:
            raise RuntimeError(f"{path or 'home'} did not render in {RENDER_TIMEOUT} s")
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    time.sleep(1.0)   # late messages (component state, favicon) still count as the visit's
    wire_bytes = wire.totals()
    return {"seconds": round(seconds, 2), "http_wire": wire_bytes["http"],
            "ws_wire": wire_bytes["ws"], **devtools_bytes(driver)}


def browser():
    driver, profile = start_chromium(1440, 1000)
    return driver, profile


def close(driver, profile) -> None:
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def bench_page(start_target, page: str, path: str) -> dict:
    """Cold, new-visitor and warm visits of one page on a freshly started target."""
    needs_map = page in MAP_PAGES
    with start_target() as target:
        host, port = target.url.rsplit("/", 1)[-1].split(":")
        with WireCounter(host, int(port)) as wire:
            first, first_profile = browser()
            try:
                cold = visit(first, wire, path, needs_map)
                second, second_profile = browser()
                try:
                    visitor = visit(second, wire, path, needs_map)
                finally:
                    close(second, second_profile)
                warm = []
                for _ in range(WARM_VISITS):
                    first.get("about:blank")
                    warm.append(visit(first, wire, path, needs_map))
            finally:
                close(first, first_profile)
    middle = sorted(warm, key=lambda run: run["seconds"])[len(warm) // 2]
    return {"cold": cold, "visitor": visitor, "warm": middle,
            "warm_seconds": [run["seconds"] for run in warm]}


def bench(start_target, pages: list[str], naive_target=None) -> dict:
    """``start_target()`` is a context manager giving something with ``.url``."""
    before = load_average()
    results, failed = {}, {}
    for page in pages:   # one page that does not render does not hide the others
        try:
            results[page] = bench_page(start_target, page, PAGES[page])
        except RuntimeError as error:
            failed[page] = str(error)
    if naive_target is not None:
        results["naive"] = bench_page(naive_target, "naive", "")
    if failed:
        return {"load": f"{before} → {load_average()}", "pages": results, "failed": failed}
    return {"load": f"{before} → {load_average()}", "pages": results}


def report(result: dict) -> str:
    lines = [f"load average {result['load']}",
             f"{'page':9s} {'cold s':>6s} {'visitor s':>9s} {'warm s':>6s} "
             f"{'HTTP MB wire/decoded':>21s} {'WS KB wire/decoded':>19s} {'warm HTTP KB':>12s}"]
    for page, r in result["pages"].items():
        cold = r["cold"]
        lines.append(
            f"{page:9s} {cold['seconds']:6.1f} {r['visitor']['seconds']:9.1f} "
            f"{r['warm']['seconds']:6.1f} "
            f"{cold['http_wire'] / 1e6:10.2f}/{cold['http_decoded'] / 1e6:<10.2f} "
            f"{cold['ws_wire'] / 1e3:9.0f}/{cold['ws_decoded'] / 1e3:<9.0f} "
            f"{r['warm']['http_wire'] / 1e3:12.0f}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkout", type=Path, default=BENCH.parent)
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--naive", action="store_true", help="also the naive baseline page")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    naive = (lambda: AppServer(BENCH.parent, script="bench/naive_map.py")) if args.naive else None
    result = bench(lambda: AppServer(args.checkout), args.pages.split(","), naive)
    print(json.dumps(result, indent=1) if args.json else report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
