"""Which user version feeds an indicator, and how that is said wherever its values appear.

The combined catalog (loaders.load_catalog) carries USER_COLUMNS for every indicator:
empty for bundled data, else the kind, number, source file and date of the user version
shown. ``user_version(entry)`` reads them back, ``version_label`` words them
("사용자 갱신 v3 · grdp.csv · 2026-11-02"), and the source builders (charts/sources.py)
and exports put that label beside the publisher, so a user's figure is never shown as
an official one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from i18n import t

USER_COLUMNS = {"user_kind": "", "user_version": 0, "user_file": "", "user_date": "",
                "user_years": ""}
MAX_FILE_CHARS = 60
_UNSAFE = re.compile(r"[^\w .\-]")  # file names go into captions rendered as markdown


@dataclass(frozen=True)
class UserVersion:
    """The user version behind an indicator's values."""
    kind: str          # imported | update
    number: int
    source_file: str   # as shown: markup characters replaced, shortened
    date: str          # YYYY-MM-DD (UTC) of the import
    years: tuple[int, ...] = ()  # the years the version holds values for

    @classmethod
    def of(cls, manifest, years=()) -> UserVersion:
        version = manifest.current_version
        return cls(manifest.kind, version.number, safe_file_name(version.source_file),
                   version.imported_at[:10], tuple(sorted({int(y) for y in years})))

    def as_columns(self) -> dict:
        return {"user_kind": self.kind, "user_version": self.number,
                "user_file": self.source_file, "user_date": self.date,
                "user_years": ",".join(map(str, self.years))}


def user_version(entry: pd.Series) -> UserVersion | None:
    """The user version feeding a catalog entry, or None for bundled data."""
    number = entry.get("user_version", 0)
    if not number or pd.isna(number):
        return None
    years = tuple(int(y) for y in str(entry.get("user_years", "") or "").split(",") if y)
    return UserVersion(str(entry["user_kind"]), int(number), str(entry["user_file"]),
                       str(entry["user_date"]), years)


def version_label(version: UserVersion, lang: str) -> str:
    """'사용자 갱신 v3 · grdp.csv · 2026-11-02' / 'User update v3 · grdp.csv · 2026-11-02'."""
    kind = t("user_update_label" if version.kind == "update" else "user_import_label", lang)
    return f"{kind} v{version.number} · {version.source_file} · {version.date}"


def labelled(text: str, entry: pd.Series, lang: str) -> str:
    """A publisher or source line, with the user version first when one feeds the entry:
    '[사용자 갱신 v3 · grdp.csv · 2026-11-02] 통계청 지역소득 (KOSIS 101 DT_1C81)'."""
    version = user_version(entry)
    return f"[{version_label(version, lang)}] {text}" if version else text


def label_user_years(data: pd.DataFrame, entry: pd.Series, lang: str) -> pd.DataFrame:
    """Points without a row source (computed group totals) in a year the user version
    feeds get its label, so a tooltip never shows a user's figure as an official one."""
    version = user_version(entry)
    if version is None or "source" not in data or "year" not in data:
        return data
    blank = data["source"].fillna("") == ""
    return data.assign(source=data["source"].mask(blank & data["year"].isin(version.years),
                                                  version_label(version, lang)))


def version_source(manifest, stored_source: str) -> str:
    """A user row's source: its version's label first, then what the row recorded."""
    label = version_label(UserVersion.of(manifest), "ko")
    return f"{label}; {stored_source}" if stored_source else label


def safe_file_name(name: str) -> str:
    """A file name fit for any caption: no markup characters, at most 60 characters."""
    cleaned = _UNSAFE.sub("_", str(name)).strip() or "_"
    return cleaned if len(cleaned) <= MAX_FILE_CHARS else cleaned[:MAX_FILE_CHARS - 1] + "…"
