"""Keep Streamlit's garbage collection after every run cheap.

Streamlit runs a full ``gc.collect(2)`` after each script run (``runner.postScriptGC``),
and a full collection walks every tracked object: ~300,000 once pandas, scipy
(mapclassify), altair and folium are imported, ~200 ms of CPU per rerun on this
machine. Objects that live as long as the process (modules, classes, functions,
catalog tables) need not be walked again and again: ``gc.freeze()`` moves everything
alive now into a generation the collector skips. It is called at the start of a run
whenever modules were imported since the last call (the previous run's garbage has
just been collected, so what is frozen is alive), i.e. a few times per process.
Later garbage, per-session state included, is still collected after every run.
"""

from __future__ import annotations

import gc
import sys

_FROZEN_AT_MODULES = [0]


def freeze_long_lived_objects() -> None:
    """Freeze the heap once more if imports made it grow since the last freeze."""
    modules = len(sys.modules)
    if modules != _FROZEN_AT_MODULES[0]:
        gc.freeze()
        _FROZEN_AT_MODULES[0] = modules
