"""Whether a figure can be shown, and if not, why: the one "why not" of every layer.

A refusal is a reason key of the i18n catalog (i18n/analysis.py and the page modules)
with the values it names, so it reads the same on every page, in either language, and
tests can compare refusals by key rather than by wording.
"""

from __future__ import annotations

from dataclasses import dataclass

from i18n import t


@dataclass(frozen=True)
class Availability:
    """available, or the reason key and its values; a value given as a (Korean, English)
    pair is worded in the reader's language (an indicator's name, say)."""
    available: bool
    reason_key: str = ""
    values: tuple[tuple[str, object], ...] = ()

    def reason(self, lang: str) -> str:
        if self.available:
            return ""
        values = {name: value[lang == "en"] if isinstance(value, tuple) else value
                  for name, value in self.values}
        return t(self.reason_key, lang).format(**values)

    @property
    def reason_ko(self) -> str:
        return self.reason("ko")

    @property
    def reason_en(self) -> str:
        return self.reason("en")


OK = Availability(True)


def why_not(reason_key: str, **values) -> Availability:
    """A refusal; ``reason_key`` must exist in the i18n catalog."""
    t(reason_key, "ko")   # fail at the source, not when a page first words it
    return Availability(False, reason_key, tuple(sorted(values.items())))
