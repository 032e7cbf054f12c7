"""The bundled Korean font for every exported image, independent of the machine's fonts.

NanumGothic ships inside the pinned koreanize-matplotlib package, so a fresh install has
it even where no Korean system font exists. vl-convert and matplotlib are each told about
it once per process; exports then name the family explicitly instead of trusting
fallbacks (an unknown family makes vl-convert draw no text at all, and matplotlib draws
boxes).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import vl_convert
from matplotlib import font_manager

from charts.theme import FONT_FAMILY

# Located, not imported: importing koreanize_matplotlib rewrites matplotlib's global rcParams.
FONT_DIR = Path(find_spec("koreanize_matplotlib").submodule_search_locations[0]) / "fonts"
FAMILY = "NanumGothic"
FONT_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf")
# SVG keeps text as text: name the bundled family first, then what viewers commonly have.
VEGA_FONT = f"{FAMILY}, {FONT_FAMILY}"
# NanumGothic lacks U+2212 (the minus matplotlib draws); DejaVu Sans ships with matplotlib.
MATPLOTLIB_FAMILIES = [FAMILY, "DejaVu Sans"]


def font_paths() -> list[Path]:
    """The bundled font files; a missing file is an installation error, said plainly."""
    paths = [FONT_DIR / name for name in FONT_FILES]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"bundled Korean font missing (koreanize-matplotlib): {missing}")
    return paths


@lru_cache(maxsize=1)
def register_vega_fonts() -> str:
    """Register the font directory with vl-convert (once); returns the family to use."""
    font_paths()
    vl_convert.register_font_directory(str(FONT_DIR))
    return VEGA_FONT


@lru_cache(maxsize=1)
def register_matplotlib_fonts() -> list[str]:
    """Add the font files to matplotlib's font manager (once); returns the family list."""
    for path in font_paths():
        font_manager.fontManager.addfont(str(path))
    return MATPLOTLIB_FAMILIES
