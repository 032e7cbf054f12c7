"""Shared test fixtures: the repo root on sys.path and the real reference tables."""

from __future__ import annotations

import sys
from pathlib import Path

import io
import re

import openpyxl
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
REFERENCE = SHARED / "reference"
RAW = SHARED / "raw"
sys.path.insert(0, str(ROOT))


def read_reference(name: str) -> pd.DataFrame:
    """A reference table as published in ../shared/data/reference (codes kept as text)."""
    return pd.read_csv(REFERENCE / name, dtype={"region_code": str, "sido_code": str})


@pytest.fixture(scope="session")
def store():
    from loaders import load_indicators
    return load_indicators()


@pytest.fixture(scope="session")
def catalog():
    from loaders import load_catalog
    return load_catalog()


def shown(markdown: str) -> str:
    """What a reader sees of text escaped by i18n.safe_text.md: escapes resolved, word
    joiners dropped (AppTest hands back the markdown source of titles and captions)."""
    from i18n.safe_text import WORD_JOINER
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace(WORD_JOINER, "")


def walk(node):
    """Every dict inside a Vega-Lite spec, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def xlsx_bytes(build) -> bytes:
    """An XLSX file built in memory: ``build`` fills the active sheet."""
    workbook = openpyxl.Workbook()
    build(workbook.active)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
