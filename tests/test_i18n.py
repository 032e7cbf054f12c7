"""The one string catalog (i18n/): every key in both languages and used somewhere, English
free of Hangul but for named proper names, no interface text written outside it, and
every page, run in each language, showing only that language."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from i18n import (LANGUAGE_NAMES, PLURAL_SEPARATOR, PROPER_NAMES, STRINGS, both, counted,
                  t)
from visible_text import visible_text

HANGUL = re.compile(r"[\uac00-\ud7a3]+")
# Code that shows text to people. Every catalog key must be used somewhere in it.
CODE = ("app.py", "app_pages", "ui", "analysis", "charts", "exports", "loaders")
# HOOK for the hostile-input branch: loaders' InputError messages and import row reasons
# are still written in place. When they become catalog keys, delete "loaders" here and
# test_no_korean_outside_the_catalog covers loaders/ too (the key checks above already
# read loaders/).
NOT_YET_IN_CATALOG = ("loaders",)
# Hangul literals that are data identifiers, not words for people: 권역 ids, stored units
# and the unit prefixes they are converted with, page file names.
UNIT_PREFIXES = frozenset({"만", "천"})


def python_files(parts=CODE) -> list[Path]:
    files = []
    for part in parts:
        path = ROOT / part
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return files


def docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def literals(path: Path) -> tuple[set[str], list[re.Pattern]]:
    """A file's string constants, and its f-strings as patterns (t(f"measure_{m}", …)
    uses every key measure_…); an f-string counts only with a literal prefix."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants, patterns = set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            constants.add(node.value)
        elif isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            if isinstance(first, ast.Constant) and len(first.value) >= 3:
                patterns.append(re.compile("".join(
                    re.escape(part.value) if isinstance(part, ast.Constant) else ".+"
                    for part in node.values)))
    return constants, patterns


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# --- the catalog ---------------------------------------------------------------------

def test_every_key_has_korean_and_english_with_the_same_placeholders():
    for key, value in STRINGS.items():
        assert isinstance(value, tuple) and len(value) == 2, key
        korean, english = value
        assert korean.strip() and english.strip(), key
        assert PLURAL_SEPARATOR not in korean, key
        forms = english.split(PLURAL_SEPARATOR)
        assert len(forms) <= 2, key
        assert fields(forms[-1]) == fields(korean), key
        assert fields(forms[0]) <= fields(korean) | {"count"}, key


def test_counted_phrases_read_correctly_in_english():
    assert counted("briefing_pinned", 1, "en") == "Added to the briefing (1 view)."
    assert counted("briefing_pinned", 3, "en") == "Added to the briefing (3 views)."
    assert counted("briefing_pinned", 1, "ko") == "브리핑에 추가했습니다 (1개)."
    assert counted("scorecard_fragment", 1, "en", name="GRDP", year=2021) == "GRDP 2021, 1 province"
    assert counted("scorecard_fragment", 16, "en", name="GRDP", year=2021) \
        == "GRDP 2021, 16 provinces"
    assert counted("stored", 1234, "en", indicator="x", version=2).startswith(
        "Stored x v2 (1,234 rows).")


def test_counted_keys_are_only_used_through_counted():
    plural = {key for key, (_, english) in STRINGS.items() if PLURAL_SEPARATOR in english}
    assert {"briefing_pinned", "scorecard_fragment", "stored"} <= plural
    for path in python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                key = node.args[0].value
                if name in ("t", "both") and key in plural:
                    pytest.fail(f"{path.name}:{node.lineno}: {key} needs counted()")
                if name == "counted":
                    assert key in plural, f"{path.name}:{node.lineno}: {key} has one form"


def test_both_fills_each_language_with_its_own_value():
    assert both("break_new_region", region=("세종", "Sejong")) == (
        "세종 분리 집계 시작", "Sejong compiled separately")
    assert both("break_preliminary", year=2023) == ("2023 잠정치", "2023 preliminary")


def test_no_hangul_in_english_but_named_proper_names():
    for key, (_, english) in STRINGS.items():
        assert set(HANGUL.findall(english)) <= PROPER_NAMES, (key, english)
    assert set(HANGUL.findall(" ".join(LANGUAGE_NAMES.values()))) <= PROPER_NAMES


def test_every_key_is_used():
    constants, patterns = set(), []
    for path in python_files():
        found, compiled = literals(path)
        constants |= found
        patterns += compiled
    unused = [key for key in STRINGS if key not in constants
              and not any(pattern.fullmatch(key) for pattern in patterns)]
    assert not unused, f"catalog keys no code uses: {unused}"


def test_no_korean_outside_the_catalog():
    """Korean words for people live in i18n/ only; Hangul elsewhere must be a data id."""
    from loaders.catalog import load_catalog, row_unit_names
    from loaders.crosswalk import gwonyeok_table
    catalog = load_catalog()
    identifiers = (set(gwonyeok_table()["gwonyeok"]) | set(catalog["unit_ko"])
                   | {unit for _, unit in row_unit_names()} | UNIT_PREFIXES
                   | {f"app_pages/{p.name}" for p in (ROOT / "app_pages").glob("*.py")}
                   | {p.stem.split("_", 1)[1] for p in (ROOT / "app_pages").glob("*.py")})
    checked = [part for part in CODE if part not in NOT_YET_IN_CATALOG]
    written = []
    for path in python_files(checked):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = docstrings(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in skip and HANGUL.search(node.value)
                    and node.value not in identifiers):
                written.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert not written, "Korean text outside i18n/:\n" + "\n".join(written)


# --- what the pages show -------------------------------------------------------------

# Each page in a few states, so that notes, reasons and units of other measures show too.
VIEWS = [
    ("app.py", {}),
    ("app_pages/1_지도.py", {}),
    ("app_pages/1_지도.py", {"measure": "growth", "diverging": "1"}),
    ("app_pages/1_지도.py", {"dissolve": "gwonyeok", "measure": "index"}),
    ("app_pages/1_지도.py", {"indicator": "population_total", "level": "sigungu",
                        "measure": "growth"}),
    ("app_pages/2_추이.py", {}),
    ("app_pages/2_추이.py", {"view": "regions", "measure": "index"}),
    ("app_pages/2_추이.py", {"indicator": "sme_firms", "view": "gwonyeok"}),
    ("app_pages/3_비교.py", {}),
    ("app_pages/3_비교.py", {"unit": "gwonyeok", "regions": "수도권,충청권", "ranked": "per_capita"}),
    ("app_pages/4_데이터.py", {}),
    ("app_pages/5_브리핑.py", {}),
]
# Words Korean text uses as they are (acronyms, file formats, a method's authors).
LATIN_IN_KOREAN = frozenset({
    "KOSIS", "GRDP", "CSV", "XLSX", "PNG", "SVG", "HTML", "PPTX", "ID", "API", "Open", "MB",
    "SHA", "UTC", "KOITA", "KISTEP", "CAGR", "Fisher", "Jenks", "vs", "R&D"})
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z&]+")
# Not words: code spans, web addresses, table ids such as DT_1C81 or 101/DT_1C81.
NOT_WORDS = re.compile(r"`[^`]*`|https?://\S+|\b[\w/]*\d[\w/]*\b|\b\w+_\w+\b")


def _cited(where: str, lang: str) -> bool:
    """Source citations quote their publishers' own titles (data, not interface)."""
    names = {t("col_source", lang), t("xcol_provenance", lang), "source", t("col_id", lang),
             t("col_kosis", lang)}
    return any(f"[{name}]" in where for name in names)


@pytest.fixture(scope="module")
def sigungu_names() -> frozenset[str]:
    """시군구 names: the boundary data has no English names for them (geo/)."""
    from loaders import load_regions
    names = load_regions("sigungu")["name_ko"]
    return frozenset(word for name in names for word in HANGUL.findall(name))


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("page,params", VIEWS, ids=[f"{p[6:] or p}-{i}" for i, (p, _)
                                                     in enumerate(VIEWS)])
def test_a_page_shows_only_its_language(page, params, lang, sigungu_names):
    app = AppTest.from_file(str(ROOT / page), default_timeout=90)
    for name, value in {**params, "lang": lang}.items():
        app.query_params[name] = value
    app.run()
    assert not app.exception, app.exception
    foreign = set()
    for where, text in visible_text(app):
        if _cited(where, lang):
            continue
        if lang == "en":
            words = set(HANGUL.findall(text)) - PROPER_NAMES - sigungu_names
        else:
            words = set(LATIN_WORD.findall(NOT_WORDS.sub(" ", text))) - LATIN_IN_KOREAN
            words -= set(LATIN_WORD.findall(LANGUAGE_NAMES["en"]))   # the toggle
        if words:
            foreign.add(f"{where}: {text[:120]!r} ({', '.join(sorted(words))})")
    assert not foreign, f"{page} in {lang} shows the other language:\n" + "\n".join(
        sorted(foreign))
