"""UI strings for the import page(s): key -> (Korean, English)."""

STRINGS: dict[str, tuple[str, str]] = {}
