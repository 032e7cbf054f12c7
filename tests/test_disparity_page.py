"""The disparity page under AppTest: every chart drawn with its one reading line, the
selectors changing what is shown, the link round trip, refusals worded, pins and the
specs' titles, units and sources."""

import html
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from ui.page_schemas import disparity_schema
from ui.deck_link import parse_pin
from ui.links import view_url
from ui.slides import build_slide
from ui.url_state import encode_state, read_state

PAGE = str(ROOT / "app_pages" / "6_격차지표.py")
CHARTS = ("inequality", "decomposition", "sigma", "beta", "distribution", "scatter",
          "depopulation")


@pytest.fixture(scope="module")
def page():
    app = AppTest.from_file(PAGE, default_timeout=300)
    app.query_params["lang"] = "ko"
    return app.run()


def readings(app) -> list[str]:
    """The bold one-line readings (each chart has exactly one)."""
    return [c.value.strip("*") for c in app.caption
            if c.value.startswith("**") and c.value.endswith("**")]


def elements(node):
    """The page's elements in the order they are drawn."""
    for child in getattr(node, "children", {}).values():
        if getattr(child, "children", None):
            yield from elements(child)
        else:
            yield child


def specs(app) -> list[dict]:
    """Every chart the page draws, in order, as {title, subtitle, panels}: a chart drawn
    as small multiples (its heading, then one spec per panel) counts once."""
    found = []
    for element in elements(app.main):
        if element.type == "html" and 'class="chart-heading"' in element.proto.body:
            lines = [html.unescape(text) for text in
                     re.findall(r"<div[^>]*>([^<]+)</div>", element.proto.body)]
            found.append({"title": lines[0], "subtitle": lines[1:], "panels": []})
        elif element.type == "vega_lite_chart":
            spec = json.loads(element.proto.spec)
            if "subtitle" in spec["title"]:
                text = spec["title"]["text"]
                found.append({"title": " ".join(text) if isinstance(text, list) else text,
                              "subtitle": spec["title"]["subtitle"], "panels": []})
            else:                              # a panel of the small multiples above
                found[-1]["panels"].append(spec["title"]["text"])
    return found


def title_of(spec: dict) -> str:
    return spec["title"]


def subtitle_of(spec: dict) -> str:
    return " ".join(spec["subtitle"])


def test_every_chart_is_drawn_with_one_reading_line(page):
    assert not page.exception, page.exception
    drawn = specs(page)
    assert len(drawn) == len(CHARTS)
    assert len(page.get("component_instance")) == 2          # the 시도 map and the LISA map
    lines = readings(page)
    assert len(lines) == len(CHARTS) + 1                       # + the LISA map's line
    assert lines[1] == ("수도권–비수도권 간 격차가 전체 지역 간 불평등(타일 T, 시도 단위·가중 없음)의 "
                        "0.04%를 설명 (2023)")
    assert lines[0].startswith("2023년 시도 간 변동계수 0.276(인구가중 0.226), 지니계수 0.144")
    assert lines[4].startswith("2023년 최고 울산 8,143 만원/인, 최저 대구 3,079 만원/인")
    assert "인구감소지역 89곳의 인구는 2016→2024년 -10.3%" in lines[-1]
    for spec in drawn:
        assert "출처:" in subtitle_of(spec), title_of(spec)
    assert "만원/인" in subtitle_of(drawn[0]) and "DT_1C81" in subtitle_of(drawn[0])
    assert drawn[0]["panels"] == ["변동계수", "인구가중 변동계수(윌리엄슨)", "지니계수", "타일 T",
                                  "인구가중 타일 T", "최고/최저 비율(배)"]
    assert len(drawn[-1]["panels"]) == 3                       # depopulation: three measures


def test_grouping_and_weighting_change_the_decomposition(page):
    page.radio(key="disp_grouping").set_value("gwonyeok").run()
    page.radio(key="disp_weighting").set_value("population").run()
    assert not page.exception, page.exception
    line = readings(page)[1]
    assert line == ("7개 권역 간 격차가 전체 지역 간 불평등(타일 T, 인구 가중)의 14.1%를 설명 (2023)")
    decomposition = specs(page)[1]
    assert "7개 권역" in title_of(decomposition) and "인구 가중" in subtitle_of(decomposition)
    page.button(key="pin_decomposition").click().run()
    pins = page.query_params["pin"]
    pin = pins if isinstance(pins, str) else pins[-1]
    assert pin.startswith("disparity?") and pin.endswith("chart=decomposition")
    slide = build_slide(*parse_pin(pin), "ko", image=False).view
    assert slide.key_figure == line and slide.title == title_of(decomposition)
    assert page.query_params["grouping"] in ("gwonyeok", ["gwonyeok"])
    page.radio(key="disp_grouping").set_value("capital").run()
    assert "(타일 T, 인구 가중)의 2.2%를 설명 (2023)" in readings(page)[1]


def test_another_indicator_and_year_redraw_every_chart(page):
    page.selectbox(key="disp_indicator").set_value("unemployment_rate").run()
    page.select_slider(key="disp_year").set_value(2019).run()
    assert not page.exception, page.exception
    assert len(specs(page)) == len(CHARTS)
    lines = readings(page)
    assert lines[0].startswith("2019년 시도 간 변동계수") and "(인구가중" in lines[0]
    assert title_of(specs(page)[0]).startswith("실업률: 시도 간 불평등")
    assert "2019" in title_of(specs(page)[4])
    # the weights are the rate's denominator
    assert any("경제활동인구로 가중" in c.value for c in page.caption)


def test_a_rate_without_bundled_components_has_no_weighted_statistics():
    app = AppTest.from_file(PAGE, default_timeout=300)
    app.query_params["indicator"] = "employment_rate_15_64"
    app.run()
    assert not app.exception, app.exception
    assert any("인구가중 통계 없음" in c.value for c in app.caption)
    assert [r.key for r in app.radio if r.key == "disp_weighting"] == ["disp_weighting"]
    assert app.radio(key="disp_weighting").options == ["시도 단위(가중 없음)"]
    assert "(인구가중" not in readings(app)[0]


def test_sizes_are_refused_with_their_reason_and_the_link_falls_back():
    app = AppTest.from_file(PAGE, default_timeout=300)
    app.query_params["indicator"] = "population_total"
    app.run()
    assert not app.exception, app.exception
    assert any(c.value.startswith("⚠️") and "population_total" in c.value for c in app.caption)
    assert app.selectbox(key="disp_indicator").value == "grdp_nominal"
    assert any("**총인구** — 규모(인구·총액)는 지역 크기를 따라가므로" in c.value for c in app.caption)
    assert any(c.value.startswith("2012: ") and "세종" in c.value for c in app.caption)


def test_the_same_indicator_on_both_axes_says_so():
    app = AppTest.from_file(PAGE, default_timeout=300)
    app.query_params["x"] = "grdp_nominal"
    app.query_params["y"] = "grdp_nominal"
    app.run()
    assert not app.exception, app.exception
    assert any("같은 지표" in info.value for info in app.info)
    assert len(specs(app)) == len(CHARTS) - 1


def test_play_steps_from_the_first_year_and_pauses():
    app = AppTest.from_file(PAGE, default_timeout=300).run()
    assert app.button(key="disp_play_button").label == "재생"
    app.button(key="disp_play_button").click().run()
    assert not app.exception, app.exception
    assert app.session_state["disp_playing"] is True
    assert app.select_slider(key="disp_scatter_year").value == 2008
    assert app.button(key="disp_play_button").label == "멈춤"
    app.button(key="disp_play_button").click().run()
    assert app.session_state["disp_playing"] is False


def test_depopulation_change_from_2012_is_refused_per_group():
    app = AppTest.from_file(PAGE, default_timeout=300)
    app.query_params["dbase"] = "2012"
    app.run()
    assert not app.exception, app.exception
    assert readings(app)[-1].startswith(
        "2012년 자료가 있는 인구감소지역은 89곳 중 81곳뿐이라 2012→2024년 변화는 내지 않음")


WANTED = {"indicator": "grdp_real_chained2020", "grouping": "gwonyeok",
          "weighting": "population", "year": 2016, "region": "26", "period": (2013, 2020),
          "x": "workers_all_industries", "y": "population_65_plus", "syear": 2023,
          "lisa": "population_total", "lmeasure": "growth", "lyear": 2021, "lbase": 2016,
          "dyear": 2021, "dbase": 2017, "chart": None}    # only a pinned chart's link names one


def test_a_link_reopens_the_same_view(store, catalog):
    schema = disparity_schema(store, catalog)
    url = view_url("http://localhost:8501", "disparity", {**encode_state(schema, WANTED),
                                                          "lang": "en"})
    app = AppTest.from_file(PAGE, default_timeout=300)
    for name, values in parse_qs(urlsplit(url).query).items():
        app.query_params[name] = values[-1]
    app.run()
    assert not app.exception, app.exception
    assert not [c.value for c in app.caption if c.value.startswith("⚠️")]
    written = {k: v[-1] if isinstance(v, list) else v for k, v in app.query_params.items()
               if k != "lang"}
    assert read_state(schema, written) == (WANTED, [])
    assert app.selectbox(key="disp_region").value == "26"
    beta = next(s for s in specs(app) if "β" in title_of(s))
    assert title_of(beta) == "GRDP (real) · per head: β-convergence 2013→2020"
    assert readings(app)[-2].startswith("Moran's I")
