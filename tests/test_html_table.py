"""The static tables under the map and on the home page: every header and cell escaped,
a missing value blank (the note column says why), number columns right-aligned."""

import pandas as pd

from charts.html_table import table_html
from visible_text import _frames


def test_cells_are_escaped_and_missing_values_blank():
    frame = pd.DataFrame({"순위": pd.array([1, None], dtype="Int64"),
                          "지역": ["서울", "<img src=x onerror=alert(1)>"],
                          "수준 (조원)": ["1,258.0", "자료 없음"]})
    html = table_html(frame)
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert '<td class="num">자료 없음</td>' in html      # a number column, one value missing
    (shown,) = _frames(html)
    assert shown.to_dict("list") == {"순위": ["1", ""],
                                     "지역": ["서울", "<img src=x onerror=alert(1)>"],
                                     "수준 (조원)": ["1,258.0", "자료 없음"]}


def test_number_columns_are_right_aligned_and_long_tables_scroll():
    frame = pd.DataFrame({"지역": ["서울", "부산"], "비중 변화": ["+8.2%p", "−0.3%p"]})
    html = table_html(frame, max_height=520)
    assert '<th scope="col">지역</th><th scope="col" class="num">비중 변화</th>' in html
    assert '<td class="num">−0.3%p</td>' in html and "max-height: 520px" in html
    assert "max-height" not in table_html(frame)
