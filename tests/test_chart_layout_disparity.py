"""How the disparity charts fit a screen: small multiples split into one chart per panel
(the same rows, scales and titles as the faceted export), long titles on two lines,
and names of crowded scatter dots left out (and listed) rather than overprinted."""

import numpy as np
import pandas as pd
import pytest

from analysis.convergence import beta_convergence
from analysis.depopulation import comparison
from analysis.inequality import inequality_series
from analysis.regional_values import regional_variable
from charts import disparity as charts
from charts import facet_panels
from loaders import load_depopulation_areas, load_regions


@pytest.fixture(scope="module")
def grdp(catalog):
    return regional_variable(catalog, "grdp_nominal")


def rows_of(spec: dict) -> list[dict]:
    return next(iter(spec["datasets"].values()))


def test_each_panel_draws_its_facet_rows_with_the_facet_look(store, catalog, grdp):
    series = inequality_series(store, catalog, grdp, "capital")
    spec = charts.inequality_chart(series, catalog, grdp, "ko", 2023).to_dict()
    panels = facet_panels.panels(spec)
    assert [p["title"]["text"] for p in panels] == spec["facet"]["sort"]
    assert len(panels) == 6
    gini = panels[2]
    assert gini["transform"][0] == {"filter": {"field": "label", "equal": "지니계수"}}
    assert gini["width"] == "container" and gini["height"] == spec["spec"]["height"]
    assert gini["layer"] == spec["spec"]["layer"] and gini["datasets"] == spec["datasets"]
    # the rows it filters are the Gini coefficients of the series, 2023 = 0.144
    values = {r["year"]: r["value"] for r in rows_of(gini) if r["label"] == "지니계수"}
    assert values[2023] == pytest.approx(series.set_index("year").loc[2023, "gini"])
    assert round(values[2023], 3) == 0.144
    title, subtitle = facet_panels.heading(spec)
    assert title == "지역내총생산(명목) · 1인당: 시도 간 불평등"
    assert any(line.startswith("출처: 통계청, 지역소득") for line in subtitle)
    assert 'class="chart-heading"' in facet_panels.heading_html(spec)


def test_column_facets_split_too_and_the_heading_is_escaped(store, catalog):
    table = comparison(store, catalog, load_depopulation_areas(),
                       load_regions("sigungu")["region_code"], 2024, 2016)
    spec = charts.depopulation_chart(table, 2024, 2016, "en").to_dict()
    panels = facet_panels.panels(spec)
    assert [p["transform"][0]["filter"]["field"] for p in panels] == ["metric"] * 3
    spec["title"]["text"] = "<script>x</script>"
    assert "<script>" not in facet_panels.heading_html(spec)


def test_a_long_title_is_split_in_two_balanced_lines():
    assert charts._title_lines("지역내총생산(명목) · 1인당: σ-수렴") == \
        "지역내총생산(명목) · 1인당: σ-수렴"
    lines = charts._title_lines("생산연령인구(15~64세) · 인구 대비 비중 대 지역내총생산(명목) · 1인당, 2023")
    assert " ".join(lines) == "생산연령인구(15~64세) · 인구 대비 비중 대 지역내총생산(명목) · 1인당, 2023"
    assert len(lines) == 2 and abs(len(lines[0]) - len(lines[1])) < 10


def test_crowded_dots_are_not_named_on_top_of_each_other(store, catalog, grdp):
    # Two dots at the same place: only one is named; the capital one comes first.
    assert charts.named_points([1.0, 1.0, 5.0], [2.0, 2.01, 9.0],
                               [False, True, False]) == [False, True, True]
    result = beta_convergence(store, catalog, grdp, 2008, 2023)
    spec = charts.beta_chart(result, catalog, grdp, "ko").to_dict()
    data = pd.DataFrame(next(rows for rows in spec["datasets"].values() if "named" in rows[0]))
    x = np.log(data["initial"].astype(float))
    x = (x - x.min()) / (x.max() - x.min())
    y = data["growth"] / data["growth"].max()          # the y axis starts at zero
    named = data.index[data["named"]]
    for i in named:
        for j in named:
            assert i >= j or (abs(x[i] - x[j]) >= charts.LABEL_GAP[0]
                              or abs(y[i] - y[j]) >= charts.LABEL_GAP[1])
    assert {"서울", "인천", "경기"} <= set(data.loc[named, "name"])   # the capital three named
    hidden = list(data.loc[~data["named"], "name"])
    assert hidden, "the bundled GRDP has crowded dots (대전, 광주, 전북 …)"
    assert f"이름을 줄인 점(겹침): {', '.join(hidden)}" in spec["title"]["subtitle"]
