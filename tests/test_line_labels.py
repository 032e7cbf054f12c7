"""End labels are spread the least needed to stop overlapping, inside the plot's height."""

import pytest

from charts.line_labels import end_labels, fits, nice_domain, room_for, spread, text_width


def test_labels_far_apart_stay_where_their_lines_end():
    assert spread([10.0, 100.0, 200.0], 380) == [10.0, 100.0, 200.0]


def test_overlapping_labels_move_apart_around_their_mean():
    placed = spread([100.0, 101.0, 102.0], 380, gap=13)
    assert placed == pytest.approx([88.0, 101.0, 114.0])


def test_labels_pushed_out_of_the_plot_are_kept_inside_in_order():
    placed = spread([379.0, 378.0, 377.0, 0.0], 380, gap=13)
    assert placed[3] == 0.0 and max(placed) == pytest.approx(380.0)
    order = sorted(range(4), key=lambda i: placed[i])
    assert order == [3, 2, 1, 0]
    assert min(b - a for a, b in zip(sorted(placed), sorted(placed)[1:])) >= 13 - 1e-9


def test_nice_domain_rounds_outwards_like_an_axis():
    assert nice_domain([0, 548.3]) == (0, 550)
    assert nice_domain([0, 548.3], count=5) == (0, 600)
    assert nice_domain([2.1, 27.9]) == (2, 28)
    assert nice_domain([float("nan")]) is None
    assert nice_domain([5, 5])[0] < 5 < nice_domain([5, 5])[1]


def test_end_labels_convert_pixels_back_to_data_units():
    import pandas as pd
    ends = pd.DataFrame({"label": ["a", "b"], "year": [2023, 2023], "value": [50.0, 50.5]})
    rows = end_labels(ends, (0.0, 100.0), 100, 2023)
    assert list(rows["label_year"]) == [2023, 2023]
    assert abs(rows["label_value"].iloc[0] - rows["label_value"].iloc[1]) == pytest.approx(13)


def test_room_for_the_widest_name():
    assert text_width("서울", 11) == 22 and text_width("Seoul", 10) == pytest.approx(32.5)
    assert room_for(["서울", "비수도권 평균"], 11, 15)["right"] == 94   # 15 + 73.15 + 5, rounded up
    assert fits(29, 380) and not fits(40, 380)
