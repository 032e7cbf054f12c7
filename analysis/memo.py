"""Derived values remembered per store (and catalog) object.

The store and catalog are read-only frames loaded once per data version, and page reruns
ask for the same cross-sections, coverages and group values many times. Entries hold the
frames themselves, so a reused id() can never return another frame's value, and only the
most recently used few frame combinations are kept (an import makes a new store).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

import pandas as pd

KEPT_FRAME_SETS = 8
Value = TypeVar("Value")

_BY_FRAMES: OrderedDict[tuple[int, ...], tuple[tuple[pd.DataFrame, ...], dict]] = OrderedDict()


def remembered(frames: tuple[pd.DataFrame, ...], key: Hashable,
               compute: Callable[[], Value]) -> Value:
    """compute() the first time ``key`` is asked for these frames (store, catalog …)."""
    ids = tuple(id(frame) for frame in frames)
    entry = _BY_FRAMES.get(ids)
    if entry is None or any(held is not frame for held, frame in zip(entry[0], frames)):
        entry = (frames, {})
        _BY_FRAMES[ids] = entry
        while len(_BY_FRAMES) > KEPT_FRAME_SETS:
            _BY_FRAMES.popitem(last=False)
    _BY_FRAMES.move_to_end(ids)
    values = entry[1]
    if key not in values:
        values[key] = compute()
    return values[key]


def forget(frame: pd.DataFrame) -> None:
    """Drop what was remembered for a frame that will not be used again (the validation
    gate's candidate stores), so that the memo does not keep it alive."""
    for ids in [ids for ids, (frames, _) in _BY_FRAMES.items()
                if any(held is frame for held in frames)]:
        del _BY_FRAMES[ids]
