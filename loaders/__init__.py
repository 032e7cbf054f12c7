"""Public interface of the data layer: pages and tests import from here only.

Every loader reads once per process (functools caches work with and without
Streamlit), and every bad input raises InputError naming file, row and column.
"""

from loaders.catalog import indicator_name, load_catalog
from loaders.crosswalk import expected_regions, region_existed, region_table, resolve_sido
from loaders.errors import InputError, UnknownRegionError
from loaders.geo import load_regions
from loaders.policy import load_policy_layers
from loaders.store import load_store


def load_indicators():
    """The tidy store: region_code, level, year, indicator, value, unit, source, preliminary."""
    return load_store()


__all__ = [
    "InputError", "UnknownRegionError", "expected_regions", "indicator_name", "load_catalog",
    "load_indicators", "load_policy_layers", "load_regions", "region_existed", "region_table",
    "resolve_sido",
]
