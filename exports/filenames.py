"""File names that say what is inside: indicator, measure, years, language — never chart.png.

Only [a-z0-9_-] survive, so a name works in every file system, mail client and URL.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from charts.map_view import MapOptions

MAX_INDICATORS_NAMED = 3
MAX_LENGTH = 200


def slug(text: str) -> str:
    """'GRDP (nominal)' → 'grdp_nominal'; characters outside [a-z0-9-] become '_'."""
    return re.sub(r"_+", "_", re.sub(r"[^a-z0-9-]", "_", str(text).lower())).strip("_")


def years_part(years: int | Sequence[int] | None) -> str:
    """2023 → '2023'; (2010, 2023) → '2010-2023'; a one-year range is just that year."""
    if years is None:
        return ""
    if isinstance(years, int | str):
        return slug(str(years))
    first, last = int(min(years)), int(max(years))
    return str(first) if first == last else f"{first}-{last}"


def export_filename(indicators: str | Sequence[str], ext: str, lang: str,
                    measure: str | None = None, years: int | Sequence[int] | None = None,
                    detail: str | None = None) -> str:
    """'grdp_nominal_share_2023_ko.png', 'grdp_nominal_level_regions_2010-2023_en.svg'.

    indicators: one id, or several (more than three are counted, not listed).
    detail: what else distinguishes the file (view, 'visible' or 'full' data, 'map').
    """
    if isinstance(indicators, str):
        indicators = [indicators]
    named = ("-".join(slug(i) for i in indicators) if len(indicators) <= MAX_INDICATORS_NAMED
             else f"{len(indicators)}_indicators")
    parts = [named, slug(measure or ""), slug(detail or ""), years_part(years), slug(lang)]
    stem = "_".join(p for p in parts if p)[:MAX_LENGTH].strip("_-")
    return f"{stem or 'export'}.{slug(ext)}"


def map_detail(options: MapOptions, policy: Sequence[str] = ()) -> str:
    """What distinguishes one map view's file from another's besides indicator, measure and
    years: 'map', then the regions ('sigungu', 'capital-groups', 'gwonyeok'), the gap view
    ('gap-national'), the index reference, non-default classes and the policy layers, e.g.
    'map_gwonyeok_gap-capital_natural-breaks-k7_policy-csc-fip'."""
    parts = ["map"]
    if options.dissolve != "none":
        parts.append({"capital": "capital-groups"}.get(options.dissolve, options.dissolve))
    elif options.level != "sido":
        parts.append(options.level)
    if options.diverging:
        parts.append(f"gap-{options.reference}")
    elif options.measure == "index" and options.reference != "national":
        parts.append(f"vs-{options.reference}")
    if options.scheme == "manual":
        typed = ",".join(f"{b:g}" for b in options.manual_breaks)
        parts.append(f"manual-{hashlib.sha1(typed.encode()).hexdigest()[:6]}")
    elif (options.scheme, options.k) != ("quantiles", 5):
        parts.append(f"{options.scheme.replace('_', '-')}-k{options.k}")
    if options.fixed_breaks:
        parts.append("fixed-classes")
    if policy:
        parts.append("policy-" + "-".join("".join(w[0] for w in p.split("_")) for p in policy))
    return "_".join(parts)
