"""Keep full garbage collections cheap.

A full collection walks every tracked object: ~300,000 once pandas, scipy
(mapclassify), altair and folium are imported, ~200 ms of CPU on this machine, whether
Streamlit runs it after every script run (``runner.postScriptGC``, off in
.streamlit/config.toml) or Python does when its oldest generation has grown. Objects
that live as long as the process (modules, classes, functions, catalog tables) need
not be walked again and again: ``gc.freeze()`` moves everything alive now into a
generation the collector skips. It is called at the start of a run whenever modules
were imported since the last call, i.e. a few times per process. Later garbage,
per-session state included, is still collected.
"""

from __future__ import annotations

import gc
import sys

_FROZEN_AT_MODULES = [0]


def freeze_long_lived_objects() -> None:
    """Freeze the heap once more if imports made it grow since the last freeze."""
    modules = len(sys.modules)
    if modules != _FROZEN_AT_MODULES[0]:
        gc.collect()   # garbage frozen now would never be collected (once per import wave)
        gc.freeze()
        _FROZEN_AT_MODULES[0] = modules
