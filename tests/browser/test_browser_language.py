"""Switching language keeps every choice, on every page, any number of times.

On each page a person makes non-default choices, then switches ko → en → ko → en → ko →
en with the sidebar toggle. After every switch: no exception; every widget shows the
same choice in the new language (a radio still has its option checked, a selectbox or
multiselect the same items relabelled, a slider the same values); the address keeps the
view's state; titles and labels read in the new language (the English page shows no
Hangul but named proper names); and nothing was asked of any host but the app (the
module's autouse check).
"""

from __future__ import annotations

import re

import pytest
from selenium.webdriver.common.keys import Keys

from conftest import RAW
from i18n import LANGUAGE_NAMES, PROPER_NAMES, STRINGS, t
from loaders import MAX_UPLOAD_MB, load_catalog, load_regions, preview_upload, region_table
from loaders.catalog import THEMES, themed_name
from loaders.crosswalk import gwonyeok_table

HANGUL = re.compile(r"[\uac00-\ud7a3]+")
SWITCHES = ("en", "ko", "en", "ko", "en")   # from Korean: ko → en → ko and en → ko → en
NAVIGATION = ("nav_home", "map_page_title", "trends_page_title", "compare_page_title",
              "disparity_page_title", "import_title", "briefing_title")
UPLOAD = RAW / "kosis_labour_force_sido_download_20250626.xlsx"


def english_for() -> dict[str, set[str]]:
    """Each Korean text a widget can show → the English texts it may be shown as."""
    pairs = [value for value in STRINGS.values() if "|" not in value[1]]
    catalog = load_catalog()
    pairs += list(zip(catalog["name_ko"], catalog["name_en"]))
    pairs += [(themed_name(catalog, i, "ko"), themed_name(catalog, i, "en")) for i in catalog.index]
    pairs += list(THEMES.values())
    regions = region_table()
    pairs += list(zip(regions["name_ko"], regions["name_en"]))
    pairs += list(zip(regions["short_ko"], regions["short_en"]))
    sido = load_regions("sido")
    pairs += list(zip(sido["name_ko"], sido["name_en"]))
    groups = gwonyeok_table()
    pairs += list(zip(groups["gwonyeok"], groups["name_en"]))
    pairs += [(f"{e['name_ko']} ({i}, {e['unit_ko']})", f"{e['name_en']} ({i}, {e['unit_en']})")
              for i, e in catalog.iterrows()]   # the import page's bundled indicators
    table: dict[str, set[str]] = {}
    for korean, english in pairs:
        table.setdefault(korean, set()).add(english)
    return table


ENGLISH = english_for()


def reads_as(korean, english) -> bool:
    """Whether ``english`` is ``korean`` relabelled (text without Hangul stays as is)."""
    if isinstance(korean, list):
        return (isinstance(english, list) and len(korean) == len(english)
                and all(reads_as(k, e) for k, e in zip(korean, english)))
    if korean is None or isinstance(korean, bool):
        return korean == english
    return english in ENGLISH.get(korean, set()) or (
        english == korean and not HANGUL.search(korean))


def without_toggle(widgets):
    language = {t("language", lang) for lang in LANGUAGE_NAMES}
    return [w for w in widgets if w[1] not in language]


CITED_CELLS_JS = """
const cells = [];
for (const table of document.querySelectorAll('table.data-table')) {
  const column = [...table.querySelectorAll('thead th')].findIndex(
    th => th.textContent === arguments[0]);
  if (column < 0) continue;
  for (const row of table.querySelectorAll('tbody tr'))
    cells.push(row.children[column].textContent);
}
return cells;
"""


def foreign_words(app, lang: str, quoted: frozenset[str]) -> set[str]:
    """Hangul on the English page beyond the named proper names, ``quoted`` words (what
    an uploaded file itself says) and the tables' source citations, which quote their
    publishers' own titles (as the page tests' one-language check allows)."""
    if lang != "en":
        return set()
    text = app.sidebar_text() + "\n" + app.text()
    for cited in app.driver.execute_script(CITED_CELLS_JS, t("col_source", lang)):
        text = text.replace(cited, "")
    return set(HANGUL.findall(text)) - PROPER_NAMES - quoted


def switch_back_and_forth(app, name: str, heading_key: str,
                          quoted: frozenset[str] = frozenset()) -> None:
    """The journey's checks around every switch; the page is in Korean with choices made."""
    korean = app.settled_widgets()
    state = {k: v for k, v in app.query().items() if k != "lang"}
    assert all(value is not None for kind, _, value in korean if kind == "stRadio"), korean
    english = None
    app.screenshot(f"language_{name}_ko")
    for number, lang in enumerate(SWITCHES, start=1):
        app.switch_language(lang)
        shown = app.settled_widgets()
        assert app.query().get("lang") == lang
        assert {k: v for k, v in app.query().items() if k != "lang"} == state, \
            f"the address lost the view's state after switch {number} to {lang}"
        assert app.radio_value(t("language", lang)) == LANGUAGE_NAMES[lang]
        assert app.titles()[:1] == [t(heading_key, lang)] or (
            heading_key is None and app.titles())
        assert app.navigation() == [t(key, lang) for key in NAVIGATION]
        assert not foreign_words(app, lang, quoted), (number, lang,
                                                      foreign_words(app, lang, quoted))
        if lang == "ko":
            assert shown == korean, f"switch {number} back to Korean changed a choice"
        elif english is None:
            english = shown
            pairs = list(zip(without_toggle(korean), without_toggle(english)))
            assert len(without_toggle(korean)) == len(without_toggle(english)), (korean, english)
            for (kind_ko, label_ko, value_ko), (kind_en, label_en, value_en) in pairs:
                assert kind_ko == kind_en, (label_ko, label_en)
                assert reads_as(label_ko, label_en), (label_ko, label_en)
                assert reads_as(value_ko, value_en), (label_en, value_ko, value_en)
            app.screenshot(f"language_{name}_en")
        else:
            assert shown == english, f"switch {number} back to English changed a choice"


def test_home(app):
    app.open("")
    switch_back_and_forth(app, "home", "home_heading")


def test_map(app):
    app.open("지도")
    app.choose_radio(t("map_measure", "ko"), t("map_measure_per_capita", "ko"))
    app.choose_radio(t("map_dissolve", "ko"), t("map_dissolve_gwonyeok", "ko"))
    app.choose(t("map_scheme", "ko"), t("map_scheme_equal_interval", "ko"))
    app.slider_keys(t("map_k", "ko"), Keys.RIGHT)
    app.toggle(t("map_diverging", "ko"))
    app.choose_radio(t("map_reference", "ko"), t("map_reference_capital", "ko"))
    app.add_to_multiselect(t("map_policy", "ko"), t("policy_regulation_free_zone", "ko"))
    app.slider_keys(t("map_year", "ko"), Keys.LEFT)
    app.choose(t("map_pick_region", "ko"), "부산광역시")
    assert app.query()["dissolve"] == "gwonyeok" and app.query()["layers"]
    switch_back_and_forth(app, "map", "map_heading")


def test_trends(app):
    app.open("추이")
    app.choose_radio(t("select_view", "ko"), t("view_regions", "ko"))
    app.choose_radio(t("select_measure", "ko"), t("measure_index", "ko"))
    app.choose(t("select_base_year", "ko"), "2000")
    app.remove_from_multiselect(t("select_regions", "ko"), "서울")
    app.toggle(t("small_multiples", "ko"))
    app.choose_radio(t("y_axis", "ko"), t("y_independent", "ko"))
    app.slider_keys(t("select_years", "ko"), Keys.RIGHT, Keys.RIGHT)
    assert app.query()["view"] == "regions" and app.query()["base"] == "2000"
    switch_back_and_forth(app, "trends", "trends_heading")


def test_compare(app):
    app.open("비교")
    app.choose(t("select_year", "ko"), "2020")
    app.choose_radio(t("select_unit", "ko"), t("unit_gwonyeok", "ko"))
    app.add_to_multiselect(t("select_compare_gwonyeok", "ko"), "호남권")
    app.choose_radio(t("select_measure", "ko"), t("measure_per_capita", "ko"))
    app.choose(t("select_profile_region", "ko"), "대구")
    assert app.query()["unit"] == "gwonyeok" and app.query()["profile"] == "27"
    switch_back_and_forth(app, "compare", "compare_heading")


def test_disparity(app):
    app.open("격차지표")
    app.choose(t("disparity_select_indicator", "ko"), themed_name(load_catalog(),
                                                                  "unemployment_rate", "ko"))
    app.choose_radio(t("disparity_select_grouping", "ko"), t("disparity_grouping_gwonyeok", "ko"))
    app.choose_radio(t("disparity_select_weighting", "ko"),
                     t("disparity_weighting_population", "ko"))
    app.choose(t("disparity_select_region", "ko"), "부산")
    app.choose_radio(t("disparity_select_lisa_measure", "ko"),
                     t("disparity_lisa_measure_growth", "ko"))
    assert app.query()["grouping"] == "gwonyeok" and app.query()["region"] == "26"
    # The bundled 시군구 shapes name municipalities in Korean only ('영도구, Busan'): the
    # LISA notes name the island municipalities so, also in English.
    municipal = frozenset(HANGUL.findall(" ".join(load_regions("sigungu")["name_en"])))
    switch_back_and_forth(app, "disparity", "disparity_heading", municipal)


@pytest.mark.skipif(not UPLOAD.exists(), reason="needs ../shared/data/raw")
def test_import(app):
    app.open("데이터")
    uploader = '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'
    assert app.pseudo_text(uploader) == t("uploader_button", "ko")
    app.upload(t("upload_label", "ko"), UPLOAD)
    preview = preview_upload(UPLOAD.read_bytes(), UPLOAD.name)
    second = preview.series[1].key
    ENGLISH[second] = {second}   # a series is named as the file names it, in any language
    quoted = frozenset(HANGUL.findall(f"{second} {preview.series_unit(second)}"))
    app.choose(t("series_label", "ko"), second)
    app.choose_radio(t("mode", "ko"), t("mode_update", "ko"))
    app.choose(t("bundled_indicator", "ko"), "실업률 (unemployment_rate, %)")
    switch_back_and_forth(app, "import", "import_heading", quoted)
    # A new indicator's entries, typed and picked, survive a switch too.
    app.choose_radio(t("mode", "en"), t("mode_new", "en"))
    app.type_into(t("indicator_id", "en"), "labour_series")
    app.choose(t("theme", "en"), t("theme_innovation", "en"))
    app.switch_language("ko")
    assert app.text_input_value(t("indicator_id", "ko")) == "labour_series"
    assert app.selectbox_value(t("theme", "ko")) == t("theme_innovation", "ko")
    app.open("데이터", lang="en")   # an empty uploader again
    assert app.pseudo_text(uploader) == t("uploader_button", "en")
    assert app.pseudo_text('[data-testid="stFileUploaderDropzoneInstructions"] span') == \
        f"{t('uploader_limit', 'en').format(mb=MAX_UPLOAD_MB)} • CSV, XLSX"
    app.screenshot("language_import_uploader_en")


def test_briefing(app):
    app.open("브리핑")
    switch_back_and_forth(app, "briefing", "briefing_title")
