"""UI strings for the trends page(s): key -> (Korean, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
