"""Refresh catalog indicators from the KOSIS Open API into new user-store versions.

Run: python -m loaders.refresh [--indicator ID ...] [--dry-run]

Every catalog indicator with a KOSIS org and table id, and a row mapping in
loaders/kosis_tables.py, is fetched with pykosis: its recent years (enough to pick up
revisions) are compared with what the dashboard shows now, and when anything changed a
new version is written through loaders.user_store (one transaction, read back before it
commits), so a failed or interrupted refresh leaves the previous data in place; the app
runs the validation gate on it before any page shows it. The report lists
new years and revised values (old → new).

The whole run has one time budget (RUN_SECONDS): every request's timeout is cut to what
is left, and indicators not reached in time are reported as not fetched. A rejected key
stops the run at the first indicator instead of being tried again for every one.

The API key comes from the KOSIS_API_KEY environment variable or from
.streamlit/secrets.toml (kosis_api_key). It is passed to pykosis and nowhere else: never
printed, logged or written. Without a key, or without a network, the command stops within
seconds with a clear message and a non-zero exit code.
"""

from __future__ import annotations

import argparse
import getpass
import hashlib
import json
import logging
import os
import re
import socket
import sys
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote_plus

import httpx
import pandas as pd
from pykosis import KOSIS, KOSISAuthError, KOSISError

from loaders import load_indicators
from loaders.catalog import load_catalog as load_bundled_catalog
from loaders.crosswalk import NATIONAL_CODE, is_national, resolve_sido
from loaders.errors import InputError, UnknownRegionError
from loaders.kosis_tables import TABLES, KosisTable
from loaders.store import STORE_COLUMNS
from loaders.user_store import KEY, read_manifest, read_version, save_version

KEY_ENV = "KOSIS_API_KEY"
SECRETS_KEY = "kosis_api_key"
ROOT = Path(__file__).resolve().parent.parent
SECRETS_FILES = (ROOT / ".streamlit" / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml")
HOST = "kosis.kr"
TIMEOUT_SECONDS = 5.0  # one request (connect, read, write), at most
RUN_SECONDS = 60.0     # the whole refresh, every request and retry included
# pykosis pauses 1 s, then 2 s, between its three attempts at a request, and those pauses
# are not requests the transport can cut: requests stop this much before the deadline.
RETRY_PAUSES_SECONDS = 3.5
REVISION_YEARS = 5  # years before the latest one held that are fetched again for revisions
FIRST_FETCH_YEARS = 40  # for an indicator with no data yet
EXIT_FAILED, EXIT_NO_KEY, EXIT_NO_NETWORK = 1, 2, 3
# Who the change log names; the app runs the validation gate on these versions before
# any page shows them (they are stored as pending).
AUTHOR = f"KOSIS Open API refresh (command line, {getpass.getuser()})"


class RefreshError(Exception):
    """Stops the whole refresh (no key, no network) with a message and an exit code."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


@dataclass
class Outcome:
    """What a refresh did to one indicator."""
    indicator: str
    status: str  # updated, unchanged, would update, skipped, failed
    message: str = ""
    new_years: list[int] = field(default_factory=list)
    revised: list[tuple[str, int, float, float]] = field(default_factory=list)
    version: int | None = None


def api_key() -> str:
    """The key from the environment or Streamlit secrets; RefreshError when there is none."""
    key = os.environ.get(KEY_ENV, "").strip()
    if key:
        return key
    for path in SECRETS_FILES:
        if not path.is_file():
            continue
        try:
            secrets = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            raise RefreshError(f"{path} is not valid TOML", EXIT_NO_KEY) from None
        key = str(secrets.get(SECRETS_KEY, "")).strip()
        if key:
            return key
    raise RefreshError(f"no KOSIS API key: set the {KEY_ENV} environment variable or put "
                       f"{SECRETS_KEY} in .streamlit/secrets.toml (free key: "
                       "https://kosis.kr/openapi/)", EXIT_NO_KEY)


def preflight(timeout: float = TIMEOUT_SECONDS) -> None:
    """Fail in seconds, not after pykosis's retries, when KOSIS cannot be reached."""
    try:
        socket.create_connection((HOST, 443), timeout=timeout).close()
    except OSError as error:
        raise RefreshError(f"cannot reach {HOST} ({type(error).__name__}: {error}); check the "
                           "network connection and try again", EXIT_NO_NETWORK) from None


class Budget:
    """One time budget for the whole refresh."""

    def __init__(self, seconds: float = RUN_SECONDS):
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def left(self) -> float:
        """Time left for requests: the retry pauses that may follow one are kept back."""
        return self.deadline - RETRY_PAUSES_SECONDS - time.monotonic()

    def expired(self) -> bool:
        return self.left() <= 0


class BudgetTransport(httpx.BaseTransport):
    """Cuts each request's timeouts to the budget left, keeping back the time pykosis's
    retry pauses take, and refuses to start a request once that is used up (so the run
    ends by its deadline, pauses included)."""

    def __init__(self, budget: Budget, inner: httpx.BaseTransport | None = None):
        self.budget, self.inner = budget, inner or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        left = self.budget.left()
        if left <= 0:
            raise httpx.TimeoutException("the refresh's time budget is used up", request=request)
        timeouts = request.extensions.get("timeout") or {}
        request.extensions["timeout"] = {
            phase: left if value is None else min(value, left)
            for phase, value in {"connect": None, "read": None, "write": None, "pool": None,
                                 **timeouts}.items()}
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def make_client(key: str, budget: Budget, transport: httpx.BaseTransport | None = None) -> KOSIS:
    return KOSIS(api_key=key, timeout=TIMEOUT_SECONDS, delay_seconds=0.3,
                 transport=BudgetTransport(budget, transport))


def targets(requested: list[str] | None) -> list[tuple[str, KosisTable | None, str]]:
    """(indicator, mapping or None, why skipped) for catalog rows with org and table ids."""
    catalog = load_bundled_catalog()
    unknown = sorted(set(requested or ()) - set(catalog.index))
    if unknown:
        raise RefreshError(f"not in the catalog: {', '.join(unknown)}", EXIT_FAILED)
    with_ids = catalog[(catalog["kosis_org_id"] != "") & (catalog["kosis_tbl_id"] != "")]
    chosen = [i for i in with_ids.index if not requested or i in requested]
    found = [(indicator, None, "the catalog has no KOSIS org and table id for it")
             for indicator in sorted(set(requested or ()) - set(chosen))]
    for indicator in chosen:
        spec = TABLES.get(indicator)
        entry = with_ids.loc[indicator]
        if spec is None:
            found.append((indicator, None, "no row mapping in loaders/kosis_tables.py"))
        elif (spec.org_id, spec.tbl_id) != (entry["kosis_org_id"], entry["kosis_tbl_id"]):
            found.append((indicator, None, f"catalog says {entry['kosis_org_id']}/"
                          f"{entry['kosis_tbl_id']}, the mapping {spec.org_id}/{spec.tbl_id}"))
        else:
            found.append((indicator, spec, ""))
    return found


def fetch(client: KOSIS, indicator: str, spec: KosisTable, current: pd.DataFrame,
          this_year: int) -> tuple[pd.DataFrame, str]:
    """The indicator's fetched rows in store columns, and the SHA-256 of the API payload."""
    latest = int(current["year"].max()) if len(current) else None
    count = (this_year - latest + REVISION_YEARS) if latest else FIRST_FETCH_YEARS
    raw = client.fetch_data(org_id=spec.org_id, tbl_id=spec.tbl_id, frequency=spec.frequency,
                            recent_count=count, **spec.params)
    payload = json.dumps(raw, ensure_ascii=False, sort_keys=True).encode("utf-8")
    rows = _select(raw, spec, indicator)
    return rows, hashlib.sha256(payload).hexdigest()


def _select(raw: list[dict], spec: KosisTable, indicator: str) -> pd.DataFrame:
    where = f"KOSIS {spec.org_id}/{spec.tbl_id}"
    chosen = [row for row in raw
              if all(_squeeze(row.get(f, "")) == _squeeze(v) for f, v in spec.select.items())]
    if not chosen:
        raise InputError("refresh_no_rows_match", file=where, select=str(spec.select))
    out, seen = [], set()
    for row in chosen:
        unit = str(row.get("unit_nm", "")).strip()
        if unit and _squeeze(unit) != _squeeze(spec.unit):
            raise InputError("refresh_unit_differs", file=where, unit=unit, expected=spec.unit)
        name = str(row.get(f"c{spec.region_level}_nm", "")).strip()
        code = _region_code(name, str(row.get(f"c{spec.region_level}", "")))
        if code is None or row.get("data_value") is None:
            continue  # a non-시도 classification value, or a cell with no data
        year = int(str(row["prd_de"])[:4])
        if (code, year) in seen:
            raise InputError("refresh_two_rows", file=where, select=str(spec.select), name=name,
                             year=year)
        seen.add((code, year))
        out.append((code, "nation" if code == NATIONAL_CODE else "sido", year,
                    float(row["data_value"])))
    frame = pd.DataFrame(out, columns=["region_code", "level", "year", "value"])
    if (frame["level"] == "sido").sum() == 0:
        raise InputError("refresh_no_sido_rows", file=where, indicator=indicator)
    return frame.assign(indicator=indicator, unit=spec.unit)


def _region_code(name: str, code: str) -> str | None:
    """시도 by name (unambiguous), else by KOSIS's older code scheme; None if neither."""
    if is_national(name):
        return NATIONAL_CODE
    for text, scheme in ((name, None), (code, "kosis_old")):
        try:
            return resolve_sido(text, scheme)
        except UnknownRegionError:
            continue
    return None


def compare(current: pd.DataFrame, fetched: pd.DataFrame) -> tuple[list[int], list[tuple]]:
    """Years that are new, and (region, year, old, new) for every revised value."""
    old = current.set_index(["region_code", "year"])["value"]
    new_years = sorted(set(fetched["year"]) - set(current["year"]))
    revised = []
    for row in fetched.itertuples(index=False):
        before = old.get((row.region_code, row.year))
        if before is not None and not _same(before, row.value):
            revised.append((row.region_code, int(row.year), float(before), row.value))
    return new_years, revised


def refresh(client: KOSIS, requested: list[str] | None = None, *, dry_run: bool = False,
            this_year: int | None = None, budget: Budget | None = None) -> list[Outcome]:
    """Fetch every target and write a new version for each one that changed; stop when
    the budget is used up or KOSIS rejects the key."""
    this_year = this_year or pd.Timestamp.now(tz="UTC").year
    catalog = load_bundled_catalog()
    outcomes: list[Outcome] = []
    stopped = ""
    for indicator, spec, why in targets(requested):
        if spec is None:
            outcomes.append(Outcome(indicator, "skipped", why))
            continue
        if not stopped and budget is not None and budget.expired():
            stopped = f"not fetched: the refresh's {budget.seconds:.0f} s time budget was used up"
        if stopped:
            outcomes.append(Outcome(indicator, "skipped", stopped))
            continue
        store = load_indicators()
        current = store[(store["indicator"] == indicator) & store["level"].isin(["sido", "nation"])]
        try:
            fetched, sha = fetch(client, indicator, spec, current, this_year)
            new_years, revised = compare(current, fetched)
            if not new_years and not revised:
                outcomes.append(Outcome(indicator, "unchanged"))
                continue
            rows = _next_version_rows(indicator, fetched, catalog.loc[indicator], spec)
            version = None if dry_run else save_version(
                indicator, rows, kind="update", entry=None, origin="kosis_api",
                source_file=f"KOSIS Open API {spec.org_id}/{spec.tbl_id}", sha256=sha,
                author=AUTHOR).number
            outcomes.append(Outcome(indicator, "would update" if dry_run else "updated",
                                    new_years=new_years, revised=revised, version=version))
        except KOSISAuthError as error:
            outcomes.append(Outcome(indicator, "failed", str(error)))
            stopped = "not fetched: KOSIS rejected the API key"
        except (KOSISError, InputError) as error:
            outcomes.append(Outcome(indicator, "failed", str(error)))
    return outcomes


def _next_version_rows(indicator: str, fetched: pd.DataFrame, entry: pd.Series,
                       spec: KosisTable) -> pd.DataFrame:
    """The previous update version (if any) with the fetched rows laid over it."""
    today = pd.Timestamp.now(tz="UTC").date().isoformat()
    rows = fetched.assign(
        source=f"{entry['publisher_ko']}, KOSIS {spec.org_id}/{spec.tbl_id} (Open API, {today})",
        preliminary=False)
    if pd.notna(entry["preliminary_year"]):  # the series publishes a preliminary latest year
        rows["preliminary"] = rows["year"] == rows["year"].max()
    manifest = read_manifest(indicator)
    if manifest is not None and manifest.current:
        previous = read_version(indicator, manifest.current)
        rows = pd.concat([previous, rows], ignore_index=True).drop_duplicates(KEY, keep="last")
    return rows[list(STORE_COLUMNS)].sort_values(["level", "region_code", "year"]) \
        .reset_index(drop=True)


def format_report(outcomes: list[Outcome], dry_run: bool) -> str:
    lines = ["KOSIS refresh" + (" (dry run: nothing written)" if dry_run else "")]
    for outcome in outcomes:
        head = f"- {outcome.indicator}: {outcome.status}"
        if outcome.version:
            head += f" (v{outcome.version})"
        lines.append(head + (f": {outcome.message}" if outcome.message else ""))
        if outcome.new_years:
            lines.append(f"    new years: {', '.join(map(str, outcome.new_years))}")
        for region, year, old, new in outcome.revised:
            lines.append(f"    revised {region} {year}: {_number(old)} → {_number(new)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders.refresh",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--indicator", action="append", metavar="ID",
                        help="refresh only this indicator (repeatable)")
    parser.add_argument("--dry-run", action="store_true", help="fetch and report, write nothing")
    args = parser.parse_args(argv)
    key = ""
    try:
        key = api_key()
        _keep_key_out_of_logs(key)
        budget = Budget()
        preflight()
        with make_client(key, budget) as client:
            outcomes = refresh(client, args.indicator, dry_run=args.dry_run, budget=budget)
    except (RefreshError, KOSISError) as error:
        print(_redact(f"refresh stopped: {error}", key), file=sys.stderr)
        return getattr(error, "code", EXIT_FAILED)
    print(_redact(format_report(outcomes, args.dry_run), key))
    return EXIT_FAILED if any(o.status == "failed" for o in outcomes) else 0


class _RedactKey(logging.Filter):
    """httpx logs every request URL at INFO level, and the URL carries apiKey=<key>."""

    def __init__(self, key: str):
        super().__init__()
        self.key = key

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.key in message or quote_plus(self.key) in message:
            record.msg, record.args = _redact(message, self.key), ()
        return True


def _keep_key_out_of_logs(key: str) -> None:
    logging.getLogger("httpx").addFilter(_RedactKey(key))
    logging.getLogger("httpcore").setLevel(logging.WARNING)  # its debug lines hold requests


def _redact(text: str, key: str) -> str:
    """The key as given and as URL-encoded (KOSIS keys end in '='), blanked out."""
    if not key:
        return text
    return text.replace(key, "<key>").replace(quote_plus(key), "<key>")


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _squeeze(text) -> str:
    return re.sub(r"\s+", "", str(text))


if __name__ == "__main__":
    sys.exit(main())
