"""UI strings for the map page(s): key -> (Korean, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
