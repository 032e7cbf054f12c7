"""Everything the map page shows for one set of choices, computed without Streamlit.

``build_view`` turns MapOptions into a MapView: per-region values, classes and colours,
escaped tooltips, the legend, the table under the map, notes on coverage and the source
line. The page only lays these out; tests check them directly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd

from analysis.classify import Classification, classify
from analysis.measure_availability import measure_availability
from analysis.measures import (MeasureResult, compute_measure, dissolved_measure,
                               measure_series, missing_by_reason, rank_of)
from analysis.years import years_with_data
from charts.map_legend import class_labels, legend_html
from charts.map_style import (DIVERGING_NEUTRAL, NO_DATA_FILL, diverging_colors, region_style,
                              sequential_colors)
from charts.map_tooltip import format_value, tooltip_html
from charts.sources import publisher_line, user_version_note
from loaders.catalog import by_theme
from i18n import t

DISSOLVE_MODES = ("none", "capital", "gwonyeok")
CAPITAL_GROUPS = ("capital", "noncapital")
GWONYEOK_ORDER = ("수도권", "충청권", "호남권", "대경권", "동남권", "강원권", "제주권")
MAX_LISTED_REGIONS = 8   # longer lists of blank 시군구 are summarised by 시도


@dataclass(frozen=True)
class MapOptions:
    """The user's choices; hashable so a page can cache a view per choice."""
    indicator: str
    year: int
    measure: str = "level"
    level: str = "sido"
    base_year: int | None = None
    reference: str = "national"
    scheme: str = "quantiles"
    k: int = 5
    manual_breaks: tuple[float, ...] = ()
    fixed_breaks: bool = False
    diverging: bool = False
    dissolve: str = "none"


@dataclass
class MapView:
    """What the page draws: ``regions`` is indexed by region (or group) code with columns
    name, subtitle, value, mapped (the value or its gap to the reference), class, fill,
    rank, share, missing, preliminary, tooltip, style."""
    title: str
    unit: str
    decimals: int
    classification: Classification
    colors: tuple[str, ...]
    regions: pd.DataFrame
    table: pd.DataFrame
    legend: str
    notes: list[str] = field(default_factory=list)
    source: str = ""
    labels: tuple[str, ...] = ()    # one legend label per class (the PNG uses them too)
    legend_strip: str = ""          # the legend as one line, for right above the map


def indicator_choices(store: pd.DataFrame, catalog: pd.DataFrame) -> list[str]:
    """Indicators with 시도 data, grouped by theme in the catalog's theme order."""
    return [i for i in by_theme(catalog) if years_with_data(store, catalog, i, "sido")]


def _result(store, catalog, options: MapOptions, year: int) -> MeasureResult:
    args = (store, catalog, options.indicator, year, options.measure)
    if options.dissolve == "none":
        return compute_measure(*args, options.base_year, options.level, options.reference)
    groups = CAPITAL_GROUPS if options.dissolve == "capital" else GWONYEOK_ORDER
    return dissolved_measure(*args, groups, options.base_year, options.reference)


def _reference_group(options: MapOptions) -> str:
    return "nation" if options.reference == "national" else "capital"


def _mapped(result: MeasureResult, options: MapOptions) -> pd.Series:
    values = result.values["value"]
    if not options.diverging:
        return values
    return values - result.aggregates.get(_reference_group(options), math.nan)


def breaks_pool(store: pd.DataFrame, catalog: pd.DataFrame, options: MapOptions) -> pd.Series:
    """Every year's mapped values, to hold class breaks fixed across a map series (the
    year in ``options`` is ignored, so a page can cache this once per series)."""
    level = "sido" if options.dissolve != "none" else options.level
    if options.dissolve == "none" and not options.diverging:
        series = measure_series(store, catalog, options.indicator, options.measure,
                                options.base_year, level, options.reference)
        return series.loc[~series["is_group"].astype(bool), "value"].astype(float)
    pools = []
    for year in years_with_data(store, catalog, options.indicator, level):
        if measure_availability(store, catalog, options.indicator, year, options.measure,
                                options.base_year, level).available:
            pools.append(_mapped(_result(store, catalog, options, year), options))
    return pd.concat(pools) if pools else pd.Series(dtype=float)


def _region_names(regions: gpd.GeoDataFrame, options: MapOptions, lang: str) -> pd.DataFrame:
    """Name and subtitle (권역, or the 시도 of a 시군구) of each region or group."""
    suffix = "" if lang == "ko" else "_en"
    if options.dissolve == "capital":
        return pd.DataFrame({"name": [t("col_capital", lang), t("col_noncapital", lang)],
                             "subtitle": ["", ""]}, index=list(CAPITAL_GROUPS))
    if options.dissolve == "gwonyeok":
        english = dict(zip(regions["gwonyeok"], regions["gwonyeok_en"]))
        return pd.DataFrame({"name": [g if lang == "ko" else english.get(g, g)
                                      for g in GWONYEOK_ORDER], "subtitle": ""},
                            index=list(GWONYEOK_ORDER))
    group_column = ("gwonyeok" + suffix) if options.level == "sido" else f"sido_name_{lang}"
    return pd.DataFrame({"name": regions[f"name_{lang}"].to_numpy(),
                         "subtitle": regions[group_column].to_numpy()},
                        index=regions["region_code"].to_numpy())


def _indicator_share(store, catalog, options: MapOptions, year: int) -> pd.Series | None:
    """Each region's share (%) of the national total of the indicator, where meaningful."""
    if options.measure == "share":
        return None
    level = "sido" if options.dissolve != "none" else options.level
    if not measure_availability(store, catalog, options.indicator, year, "share", None,
                                level).available:
        return None
    share_options = MapOptions(options.indicator, year, "share", options.level,
                               dissolve=options.dissolve)
    return _result(store, catalog, share_options, year).values["value"]


def _with_every_shape(result: MeasureResult, regions: gpd.GeoDataFrame) -> list[str]:
    """Add a blank row for every drawn region the result lacks (세종 before 2012), so the
    map shows all shapes; returns the codes added."""
    extra = [code for code in regions["region_code"] if code not in result.values.index]
    if extra:
        result.values = result.values.reindex(result.values.index.append(pd.Index(extra)))
    return extra


def _missing_reasons(store, catalog, options, result, names, not_yet: list[str],
                     lang) -> tuple[pd.Series, list[str]]:
    """Per blank region a short reason for its tooltip/table, and notes for under the map."""
    if options.dissolve != "none":
        blank = result.values.index[result.values["value"].isna()]
        reason = t("map_missing_group", lang)
        return (pd.Series(reason, index=blank, dtype=object),
                [f"{', '.join(names.loc[blank, 'name'])}: {reason}"] if len(blank) else [])
    reasons = missing_by_reason(store, catalog, options.indicator, options.year, result,
                                options.level)
    if options.level == "sido" and not_yet:
        reasons = {key: [c for c in codes if c not in not_yet] for key, codes in reasons.items()}
        reasons = {"not_yet": not_yet, **{key: codes for key, codes in reasons.items() if codes}}
    per_region = pd.Series(dtype=object)
    notes = []
    for key, codes in reasons.items():
        text = t(f"map_missing_{key}", lang)
        per_region = pd.concat([per_region, pd.Series(text, index=codes, dtype=object)])
        notes.append(f"{_list_regions(codes, names, options.level, lang)}: {text}")
    return per_region, notes


def _list_regions(codes: list[str], names: pd.DataFrame, level: str, lang: str) -> str:
    """Names of blank regions; many 시군구 are counted per 시도 ('경기도 42')."""
    if len(codes) == len(names):
        return t("map_all_regions", lang)
    if level == "sigungu" and len(codes) > MAX_LISTED_REGIONS:
        counts = names.loc[codes, "subtitle"].value_counts(sort=False)
        return ", ".join(f"{group} {count}" for group, count in counts.items())
    return ", ".join(names.loc[codes, "name"])


def _measure_label(catalog, options: MapOptions, lang: str) -> str:
    name = catalog.loc[options.indicator, f"name_{lang}"]
    return f"{name} · {t(f'map_measure_{options.measure}', lang)}"


def _per_group_average(catalog, options: MapOptions) -> bool:
    """Whether the comparison figures of a dissolved map are national (or capital and
    non-capital) totals divided by the number of groups they hold: sizes and shares of an
    additive indicator (analysis.measures.dissolved_measure)."""
    return (options.dissolve != "none" and options.measure in ("level", "share")
            and bool(catalog.loc[options.indicator, "additive"]))


def _aggregate_label(catalog, options: MapOptions, key: str, lang: str) -> str:
    """What a comparison figure is: '전국 평균', or on a dissolved map of sizes 'the mean of
    the two groups (national total ÷ 2)' — never 'national average' for a mean of groups."""
    if not _per_group_average(catalog, options):
        return t(f"map_tt_{key}", lang)
    return t(f"map_tt_{key}_per_{options.dissolve}", lang)


def _gap_label(catalog, options: MapOptions, lang: str) -> str:
    if not _per_group_average(catalog, options):
        return t(f"map_gap_to_{options.reference}", lang)
    key = _reference_group(options)
    return t("map_gap_to", lang).format(reference=_aggregate_label(catalog, options, key, lang))


def _title(catalog, options: MapOptions, lang: str) -> str:
    years = (f"{options.base_year}→{options.year}" if options.measure == "growth"
             and options.base_year else str(options.year))
    title = f"{_measure_label(catalog, options, lang)}, {years}"
    if options.diverging:
        title += f" — {_gap_label(catalog, options, lang)}"
    return title


def view_publishers(catalog, options: MapOptions, lang: str) -> list[str]:
    """Who published the figures behind the mapped values: the indicator's publisher and,
    for a per-capita value or an index of one, the population denominator's too."""
    entry = catalog.loc[options.indicator]
    publishers = [publisher_line(entry, lang)]
    denominator = entry["per_capita_denominator"]
    if options.measure in ("per_capita", "index") and denominator and entry["unit_ko"] != "%":
        publishers.append(publisher_line(catalog.loc[denominator], lang))
    return list(dict.fromkeys(publishers))


def _source_line(catalog, options: MapOptions, unit: str, lang: str) -> str:
    return (f"{t('source_prefix', lang)}: {'; '.join(view_publishers(catalog, options, lang))}"
            f" · {t('unit_prefix', lang)}: {unit}")


def _two_value_classes(mapped: pd.Series, names: pd.Series, decimals: int, diverging: bool,
                       lang: str) -> tuple[Classification, tuple[str, ...], tuple[str, ...]]:
    """Classes, colours and legend labels of a map of two values (수도권 / 비수도권): one
    class per group, labelled with its name and value, instead of five ranges for two
    numbers. Diverging: each side of zero in its own colour, zero neutral."""
    shown = mapped.dropna().sort_values()
    low, high = float(shown.iloc[0]), float(shown.iloc[-1])
    classification = Classification((low, (low + high) / 2, high), "two_values", diverging)
    classes = classification.class_of(shown)
    if diverging:
        below, above = diverging_colors((-1.0, 0.0, 1.0))
        colors = tuple(below if v < 0 else above if v > 0 else DIVERGING_NEUTRAL
                       for v in (low, high))
    else:
        colors = sequential_colors(2)
    labels = tuple(" · ".join(f"{names[code]} {format_value(value, decimals, '', lang, diverging)}"
                              for code, value in shown[classes == i].items()) or "–"
                   for i in range(2))
    return classification, colors, labels


def _preliminary(store: pd.DataFrame, options: MapOptions, index: pd.Index) -> pd.Series:
    """Whether each mapped value rests on a preliminary (잠정) figure of the year; a group
    is preliminary when any of its 시도 is."""
    level = "sido" if options.dissolve != "none" else options.level
    rows = store[(store["indicator"] == options.indicator) & (store["year"] == options.year)
                 & (store["level"] == level)]
    flags = rows.set_index("region_code")["preliminary"].fillna(False).astype(bool)
    if options.dissolve != "none":
        return pd.Series(bool(flags.any()), index=index)
    return flags.groupby(level=0).any().reindex(index, fill_value=False)


def _sigungu_note(regions: gpd.GeoDataFrame, lang: str) -> str:
    """At 시군구 level cities with 일반구 are drawn and ranked as their 구 (codes not ending
    in 0), next to whole cities and 군: say so, with the count."""
    districts = regions.loc[~regions["region_code"].str.endswith("0"), "region_code"]
    if districts.empty:
        return ""
    return t("map_sigungu_units_note", lang).format(districts=len(districts),
                                                    cities=districts.str[:4].nunique())


def build_view(store: pd.DataFrame, catalog: pd.DataFrame, regions: gpd.GeoDataFrame,
               options: MapOptions, lang: str = "ko", pool: pd.Series | None = None) -> MapView:
    """The map's content for the options. ``regions``: load_regions(options.level) (시도 for
    dissolved maps); ``pool``: breaks_pool(...) when options.fixed_breaks is set."""
    result = _result(store, catalog, options, options.year)
    not_yet = _with_every_shape(result, regions) if options.dissolve == "none" else []
    unit = result.unit_ko if lang == "ko" else result.unit_en
    values = result.values["value"]
    mapped = _mapped(result, options)
    names = _region_names(regions, options, lang).reindex(values.index)
    names["name"] = names["name"].fillna(pd.Series(values.index, index=values.index))
    names["subtitle"] = names["subtitle"].fillna("")
    if options.dissolve == "capital" and mapped.notna().sum() == 2:
        classification, colors, labels = _two_value_classes(
            mapped, names["name"], result.decimals, options.diverging, lang)
    else:
        classification = classify(mapped, options.scheme, options.k,
                                  list(options.manual_breaks),
                                  pool if options.fixed_breaks else None, options.diverging)
        colors = (diverging_colors(classification.edges) if options.diverging
                  else sequential_colors(classification.classes))
        labels = tuple(class_labels(classification.edges, signed=options.diverging))
    classes = classification.class_of(mapped)
    fills = classes.map(lambda c: NO_DATA_FILL if pd.isna(c) else colors[int(c)])
    missing, coverage_notes = _missing_reasons(store, catalog, options, result, names,
                                               not_yet, lang)
    share = _indicator_share(store, catalog, options, options.year)
    frame = pd.DataFrame({
        "name": names["name"], "subtitle": names["subtitle"], "value": values,
        "mapped": mapped, "class": classes, "fill": fills, "rank": rank_of(values),
        "share": share.reindex(values.index) if share is not None else math.nan,
        "missing": missing.reindex(values.index),
    })
    if "change" in result.values:
        frame["change"] = result.values["change"]
    frame["preliminary"] = _preliminary(store, options, frame.index)
    frame["style"] = frame["fill"].map(region_style)
    ranked = int(values.notna().sum())
    version = user_version_note(catalog.loc[options.indicator], lang)
    frame["tooltip"] = [_tooltip(row, result, catalog, options, unit, ranked, lang, version)
                        for row in frame.to_dict("records")]
    title = _title(catalog, options, lang)
    legend, strip = (legend_html(title, unit, labels, colors, lang,
                                 has_no_data=bool(values.isna().any()), strip=strip)
                     for strip in (False, True))
    notes = [note for note in (result.note_ko if lang == "ko" else result.note_en,) if note]
    if options.diverging and math.isnan(result.aggregates.get(_reference_group(options), math.nan)):
        notes.append(t("map_no_reference", lang))
    if options.level == "sigungu" and options.dissolve == "none":
        notes.append(_sigungu_note(regions, lang))
    return MapView(title=title, unit=unit, decimals=result.decimals,
                   classification=classification, colors=colors, regions=frame,
                   table=_table(frame, catalog, options, unit, result.decimals, lang),
                   legend=legend, notes=[n for n in notes + coverage_notes if n],
                   source=_source_line(catalog, options, unit, lang), labels=labels,
                   legend_strip=strip)


def _comparison_rows(result: MeasureResult, catalog, options: MapOptions, unit: str,
                     lang: str) -> list[tuple[str, str]]:
    """The capital, non-capital and national figures, each named for what it is; a figure
    that cannot be built is left out (the notes say why), not shown as an empty row."""
    keys = ("capital", "noncapital", "nation") if options.dissolve != "capital" else ("nation",)
    return [(_aggregate_label(catalog, options, key, lang),
             format_value(figure, result.decimals, unit, lang,
                          signed=options.measure == "growth"))
            for key in keys
            if not math.isnan(figure := float(result.aggregates.get(key, math.nan)))]


def _tooltip(row: dict, result: MeasureResult, catalog, options: MapOptions, unit: str,
             ranked: int, lang: str, version: str = "") -> str:
    rows = [(t(f"map_measure_{options.measure}", lang),
             format_value(row["value"], result.decimals, unit, lang,
                          signed=options.measure == "growth"))]
    if version:  # a user version's figure is never shown as an official one
        rows.append((t("source_prefix", lang), version))
    if pd.isna(row["value"]):
        if isinstance(row["missing"], str):
            rows.append((t("map_col_note", lang), row["missing"]))
        return tooltip_html(row["name"], row["subtitle"], rows)
    if "change" in row and options.measure == "growth":
        rows.append((t("map_total_change", lang),
                     format_value(row["change"], 1, "%" if unit != "%p" else "%p", lang,
                                  signed=True)))
    if options.diverging and not pd.isna(row["mapped"]):
        rows.append((_gap_label(catalog, options, lang),
                     format_value(row["mapped"], result.decimals, unit, lang, signed=True)))
    rows.append((t("map_col_rank", lang), f"{int(row['rank'])} / {ranked}"))
    if not pd.isna(row["share"]):
        rows.append((t("map_share_of_nation", lang), format_value(row["share"], 1, "%", lang)))
    rows.extend(_comparison_rows(result, catalog, options, unit, lang))
    return tooltip_html(row["name"], row["subtitle"], rows)


def _table(frame: pd.DataFrame, catalog, options: MapOptions, unit: str, decimals: int,
           lang: str) -> pd.DataFrame:
    """The mapped values as text ('자료 없음' where blank), ranked; rank stays numeric so
    the table sorts by value."""
    ordered = frame.sort_values(["rank", "name"], na_position="last")
    table = pd.DataFrame({
        t("map_col_rank", lang): ordered["rank"].astype("Int64"),
        t("map_col_region", lang): ordered["name"],
    })
    if options.dissolve == "none":
        table[t("map_col_group" if options.level == "sido" else "map_col_sido", lang)] = ordered["subtitle"]
    signed = options.measure == "growth"
    table[f"{t(f'map_measure_{options.measure}', lang)} ({unit})"] = [
        format_value(v, decimals, "", lang, signed=signed) for v in ordered["value"]]
    if "change" in ordered:
        table[t("map_total_change", lang)] = [
            format_value(v, 1, "%" if unit != "%p" else "%p", lang, signed=True)
            for v in ordered["change"]]
    if options.diverging:
        table[_gap_label(catalog, options, lang)] = [
            format_value(v, decimals, "", lang, signed=True) for v in ordered["mapped"]]
    if ordered["share"].notna().any():
        table[t("map_share_of_nation", lang)] = [format_value(v, 1, "%", lang)
                                                  for v in ordered["share"]]
    table[t("map_col_note", lang)] = ordered["missing"].fillna("").to_numpy()
    return table.reset_index(drop=True)
