"""The catalog describes every indicator fully, and a broken catalog says where it is broken."""

import re

import pandas as pd
import pytest

from loaders.catalog import CATALOG_PATH, read_catalog, row_unit
from loaders.errors import InputError


def test_every_indicator_has_names_units_scale_and_publisher(catalog):
    for column in ("name_ko", "name_en", "unit_ko", "display_unit_ko", "display_unit_en",
                   "publisher_ko", "publisher_en", "definition_ko", "definition_en"):
        assert catalog[column].str.len().min() > 0, column


def test_rates_are_not_additive_and_name_their_components(catalog):
    rates = catalog[catalog["unit_ko"] == "%"]
    assert not rates["additive"].any()
    assert catalog.loc["unemployment_rate", ["numerator", "denominator"]].tolist() == [
        "unemployed_persons", "econ_active_pop"]
    for _, entry in rates[rates["numerator"] != ""].iterrows():
        assert entry["numerator"] in catalog.index and entry["denominator"] in catalog.index


def test_chain_linked_real_grdp_is_not_additive(catalog):
    assert catalog.loc["grdp_nominal", "additive"]
    assert not catalog.loc["grdp_real_chained2020", "additive"]


def _broken_copy(tmp_path, column, row, value):
    table = pd.read_csv(CATALOG_PATH, dtype=str, keep_default_na=False)
    table.loc[row, column] = value
    path = tmp_path / "catalog.csv"
    table.to_csv(path, index=False)
    return path


@pytest.mark.parametrize("column, value, message", [
    ("additive", "yes", "additive must be True or False"),
    ("display_divisor", "lots", "not a number: 'lots'"),
    ("theme", "weather", "unknown theme 'weather'"),
])
def test_bad_catalog_rows_name_file_row_and_column(tmp_path, column, value, message):
    path = _broken_copy(tmp_path, column, 2, value)
    with pytest.raises(InputError) as error:
        read_catalog(path)
    assert str(error.value) == f"file catalog.csv, row 4, column {column!r}: {message}"


def test_duplicated_indicator_is_refused(tmp_path):
    path = _broken_copy(tmp_path, "indicator", 1, "grdp_nominal")
    with pytest.raises(InputError, match="'grdp_nominal' listed twice"):
        read_catalog(path)


def test_pickers_group_indicators_by_theme(catalog):
    from loaders.catalog import THEMES, by_theme, themed_name
    ordered = by_theme(catalog)
    assert sorted(ordered) == sorted(catalog.index)
    themes = [catalog.loc[i, "theme"] for i in ordered]
    assert themes == sorted(themes, key=list(THEMES).index)
    assert ordered.index("grdp_nominal") < ordered.index("grdp_real_chained2020")
    assert themed_name(catalog, "grdp_nominal", "ko") == "생산 · 지역내총생산(명목)"
    assert themed_name(catalog, "grdp_nominal", "en") == "Output · GRDP (nominal)"


def test_every_stored_unit_reads_in_both_languages(store, catalog):
    """Published rows keep their source's unit ('만개 (rounded to 0.1)', '% of national
    total'); each is named in Korean and English (data/row_units.csv)."""
    hangul, english_word = re.compile("[\uac00-\ud7a3]"), re.compile("[A-Za-z]{2,}")
    for indicator, unit in store[["indicator", "unit"]].drop_duplicates().itertuples(index=False):
        entry = catalog.loc[indicator]
        assert not hangul.search(row_unit(entry, unit, "en")), (indicator, unit)
        assert not english_word.search(row_unit(entry, unit, "ko")), (indicator, unit)
    firms = catalog.loc["sme_firms"]
    assert row_unit(firms, "만개 (rounded to 0.1)", "en") == "10k firms (rounded to 0.1)"
    assert row_unit(firms, "개", "en") == "firms"
    shares = catalog.loc["rnd_expenditure_share"]
    assert row_unit(shares, "% of national total", "ko") == "전국 대비 %"
