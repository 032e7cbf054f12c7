"""A briefing slide rebuilt from a pinned view's link (page + state), with the same pure
builders the pages draw with, so a shared deck shows the same figures on any server
process, in the language the deck is opened in, with no server-side storage.

A slide's image carries no title (the slide shows it in large type above); its unit and
source line stay with the slide's text and in the exported PPTX. Images are the costly
part (a map PNG takes about a second), so a slide can be built without one, for lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from analysis.availability import Availability
from analysis.classify import DEFAULT_K
from analysis.compare import ranked, ranked_measures
from analysis.measures import default_base_year
from analysis.scorecard import STATUS_UNAVAILABLE, scorecard
from analysis.trends import index_base_years, trend, within
from charts.compare import ranked_chart
from charts.disparity_views import ChartView, view_for_state
from charts.map_view import MapOptions, MapView, breaks_pool, build_view
from charts.scorecard import fill_source, latest_text, panel_chart, panel_name
from charts.sources import publisher_line
from charts.trends import trend_chart, trend_title
from exports.chart_images import EXPORT_HEIGHT, chart_png
from exports.cluster_image import cluster_map_png
from exports.deck import PinnedView
from exports.key_figures import map_key_figure, ranked_key_figure, trend_key_figure
from exports.map_image import map_view_png
from i18n import t
from loaders import load_catalog, load_depopulation_areas, load_indicators, load_regions
from ui.page_schemas import (compare_schema, disparity_schema, home_schema, map_schema,
                             trends_schema)
from ui.url_state import State, notice_text, read_state


class SlideError(ValueError):
    """The link names a view that cannot be drawn any more (the message says why)."""


@dataclass(frozen=True)
class Slide:
    """A rebuilt slide and the link's parameters that could not be used (as text)."""
    view: PinnedView
    notices: tuple[str, ...] = ()


def source_line(publishers: str, unit: str, lang: str) -> str:
    """'출처: 통계청 지역소득 (KOSIS 101 DT_1C81) · 단위: 조원', as under the map."""
    line = f"{t('source_prefix', lang)}: {publishers}"
    return line + (f" · {t('unit_prefix', lang)}: {unit}" if unit else "")


def untitled(spec: dict) -> dict:
    """The chart without its title text (the slide shows it), subtitle lines kept."""
    spec = dict(spec)
    heading = spec.get("title")
    if isinstance(heading, dict) and heading.get("subtitle"):
        spec["title"] = {**heading, "text": ""}
    else:
        spec.pop("title", None)
    return spec


def map_options(state: State, store, catalog) -> MapOptions:
    """The map page's options for its URL state (app_pages/1_지도.py builds the same)."""
    measure, scheme = state["measure"], state["scheme"]
    data_level = "sido" if state["dissolve"] != "none" else state["level"]
    base = None
    if measure == "growth":
        base = state["base"] or default_base_year(store, catalog, state["indicator"],
                                                  state["year"], data_level)
    return MapOptions(
        indicator=state["indicator"], year=int(state["year"]), measure=measure,
        level=state["level"], base_year=base,
        reference=state["reference"] if state["diverging"] or measure == "index"
        else "national",
        scheme=scheme, k=DEFAULT_K if scheme == "manual" else state["k"],
        manual_breaks=tuple(state["breaks"]) if scheme == "manual" else (),
        fixed_breaks=state["fixed"], diverging=state["diverging"], dissolve=state["dissolve"])


def map_slide(state: State, lang: str, image: bool) -> PinnedView:
    store, catalog = load_indicators(), load_catalog()
    options = map_options(state, store, catalog)
    level = "sido" if options.dissolve != "none" else options.level
    pool = breaks_pool(store, catalog, replace(options, year=0)) if options.fixed_breaks else None
    view: MapView = build_view(store, catalog, load_regions(level), options, lang, pool)
    png = (map_view_png(replace(view, title=""), options, lang, policy=state["layers"])
           if image else b"")
    return PinnedView("map", view.title, map_key_figure(view, options.year, lang), view.source,
                      png, unit=view.unit)


def trends_slide(state: State, lang: str, image: bool) -> PinnedView:
    store, catalog = load_indicators(), load_catalog()
    indicator, measure, view = state["indicator"], state["measure"], state["view"]
    regions = tuple(state["regions"]) if view == "regions" and state["regions"] else None
    base = None
    if measure == "index":
        level = trend(store, catalog, indicator, "level", view, None, regions)
        years = index_base_years(level.frame)
        base = state["base"] if state["base"] in years else years[0]
    series = trend(store, catalog, indicator, measure, view, base, regions)
    if not hasattr(series, "frame"):
        raise SlideError(series.reason_en if lang == "en" else series.reason_ko)
    first, last = int(series.frame["year"].min()), int(series.frame["year"].max())
    span = state["years"]
    if not (first <= span[0] <= span[1] <= last):
        span = (first, last)
    shown, entry = within(series, tuple(span)), catalog.loc[indicator]
    unit = shown.unit_en if lang == "en" else shown.unit_ko
    png = b""
    if image:
        spec = trend_chart(shown, entry, lang, state["multiples"], state["shared_y"]).to_dict()
        png = chart_png(untitled(spec), lang)
    return PinnedView("chart", trend_title(shown, entry, lang), trend_key_figure(shown, lang),
                      source_line(publisher_line(entry, lang), unit, lang), png, unit=unit)


def compare_slide(state: State, lang: str, image: bool) -> PinnedView:
    """The compare page's ranked bar of the 17 시도 (the view its pin button adds)."""
    store, catalog = load_indicators(), load_catalog()
    indicator, year = state["indicator"], state["year"]
    offered = ranked_measures(store, catalog, indicator, year)
    available = [m for m, a in offered.items() if a.available]
    if not available:
        raise SlideError(t("briefing_slide_no_measure", lang))
    measure = state["ranked"] if state["ranked"] in available else available[0]
    result = ranked(store, catalog, indicator, year, measure)
    spec = ranked_chart(result, catalog.loc[indicator], measure, year, lang).to_dict()
    unit = result.unit_en if lang == "en" else result.unit_ko
    return PinnedView("chart", spec["title"]["text"], ranked_key_figure(result, year, lang),
                      source_line(publisher_line(catalog.loc[indicator], lang), unit, lang),
                      chart_png(untitled(spec), lang) if image else b"", unit=unit)


def home_slide(state: State, lang: str, image: bool) -> PinnedView:
    """One panel of the home page's gap scorecard, at slide height."""
    panel = next((p for p in scorecard(load_indicators(), load_catalog())
                  if p.spec.key == state["panel"]), None)
    if panel is None or panel.status == STATUS_UNAVAILABLE:
        raise SlideError(t("briefing_slide_no_panel", lang))
    unit = t("axis_share_short", lang)
    png = b""
    if image:
        spec = {key: value for key, value in panel_chart(panel, lang).to_dict().items()
                if key != "title"}       # its subtitle is the source, on the slide already
        png = chart_png({**spec, "height": EXPORT_HEIGHT}, lang)
    return PinnedView("chart", panel_name(panel, lang), latest_text(panel, lang),
                      source_line(fill_source(panel, lang), unit, lang), png, unit=unit)


def disparity_slide(state: State, lang: str, image: bool) -> PinnedView:
    """One chart of the disparity page (its link names it in 'chart'), its reading line as
    the key figure; the 시군구 cluster map is a map slide."""
    if state["chart"] is None:
        raise SlideError(t("briefing_slide_no_chart", lang))
    view = view_for_state(state["chart"], state, load_indicators(), load_catalog(),
                          load_depopulation_areas(), load_regions("sigungu"), lang)
    if isinstance(view, Availability):
        raise SlideError(view.reason(lang))
    if not isinstance(view, ChartView):      # the cluster map: its source line names its unit
        png = cluster_map_png(replace(view, title=""), lang) if image else b""
        return PinnedView("map", view.title, view.reading, view.source, png,
                          unit=view.unit)
    png = chart_png(untitled(view.spec), lang) if image else b""
    return PinnedView("chart", view.title, view.reading,
                      source_line(view.source, view.unit, lang), png, unit=view.unit)


BUILDERS = {"home": (home_schema, home_slide), "map": (map_schema, map_slide),
            "trends": (trends_schema, trends_slide), "compare": (compare_schema, compare_slide),
            "disparity": (disparity_schema, disparity_slide)}


def view_state(page: str, params: Mapping[str, str]) -> tuple[State, list]:
    """The page's state for a link's parameters, and the notices for those not usable."""
    schema = BUILDERS[page][0]
    schema = schema(load_indicators(), load_catalog()) if page != "home" else schema()
    return read_state(schema, params)


def build_slide(page: str, params: Mapping[str, str], lang: str, image: bool = True) -> Slide:
    """The slide for a pinned view's link (image b'' unless ``image``); SlideError when
    it cannot be drawn."""
    state, notices = view_state(page, params)
    if page == "home" and state["panel"] is None:
        raise SlideError(t("briefing_slide_no_panel", lang))
    view = BUILDERS[page][1](state, lang, image)
    return Slide(view, tuple(notice_text(notice, lang) for notice in notices))
