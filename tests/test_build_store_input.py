"""The store build refuses bad reference rows with file, row and column, and writes nothing."""

import sys

import pandas as pd
import pytest

from conftest import REFERENCE, ROOT
from loaders.errors import InputError

sys.path.insert(0, str(ROOT / "scripts"))
import build_store  # noqa: E402


def _copy_with(tmp_path, name, old, new):
    text = (REFERENCE / name).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_text_in_a_number_column(tmp_path):
    path = _copy_with(tmp_path, "grdp_sido.csv", ",93917477,", ",93917477x,")
    with pytest.raises(InputError, match=r"grdp_sido.csv, row 2, column 'value': not a number"):
        build_store.read_reference(path)


def test_unknown_region_code(tmp_path):
    path = _copy_with(tmp_path, "establishments_sido.csv", "\n11,서울,2021", "\n99,서울,2021")
    table = build_store.read_reference(path)
    with pytest.raises(InputError, match=r"row 3, column 'region_code': unknown region code '99'"):
        build_store.canonical_sido_rows(table, path.name)


def test_unit_that_contradicts_the_catalog(tmp_path):
    path = _copy_with(tmp_path, "establishments_sido.csv", ",establishments,", ",tonnes,")
    table = build_store.read_reference(path)
    with pytest.raises(InputError, match=r"row 2, column 'unit': unit 'tonnes'"):
        build_store.canonical_sido_rows(table, path.name)


def test_two_different_values_for_one_region_year(tmp_path):
    table = build_store.read_reference(REFERENCE / "published_figures.csv")
    table = build_store.canonical_sido_rows(table, "published_figures.csv")
    doubled = table.copy()
    doubled.loc[doubled.index[0], "value"] += 1
    with pytest.raises(InputError, match="two different values"):
        build_store.merge_repeated_quotes(pd.concat([table.head(1), doubled.head(1)]), "x.csv")


def test_empty_reference_file(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="file empty.csv: the file is empty"):
        build_store.read_reference(path)


def test_missing_columns(tmp_path):
    path = tmp_path / "short.csv"
    path.write_text("region_code,year,value\n11,2020,1\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"short.csv: missing columns \['indicator', 'unit', 'source'\]"):
        build_store.read_reference(path)
