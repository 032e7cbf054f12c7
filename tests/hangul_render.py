"""Render Korean text to PNG in a fresh process, so font registration cannot leak between
variants. Used by test_exports' Hangul check; prints nothing, writes the PNG to argv[1].

usage: hangul_render.py OUT ENGINE TEXT FAMILY REGISTER
  ENGINE: vega (vl-convert through exports.chart_images) | matplotlib
  FAMILY: font family to force ("export" = what exports use)
  REGISTER: 1 to register the bundled font first, 0 not to
"""

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

out, engine, text, family, register = sys.argv[1:6]

if engine == "vega":
    import altair as alt
    import pandas as pd
    import vl_convert

    chart = alt.Chart(pd.DataFrame({"x": [0]})).mark_text(fontSize=40).encode(
        text=alt.value(text)).properties(width=260, height=70)
    if register == "1":
        from exports.chart_images import export_spec
        spec = export_spec(chart, "ko")
        if family != "export":
            spec["config"]["font"] = family
            spec["mark"]["font"] = family
    else:
        spec = chart.to_dict()
        spec["mark"]["font"] = family
        spec["background"] = "white"
    Path(out).write_bytes(vl_convert.vegalite_to_png(spec, scale=1))
else:
    from matplotlib import pyplot as plt
    from matplotlib import rc_context

    families = [family]
    if register == "1":
        from exports.fonts import register_matplotlib_fonts
        families = register_matplotlib_fonts() if family == "export" else [family]
    with rc_context({"font.family": families}):
        figure = plt.figure(figsize=(3, 1), dpi=100)
        figure.text(0.05, 0.3, text, fontsize=30)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", facecolor="white")
    Path(out).write_bytes(buffer.getvalue())
