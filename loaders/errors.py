"""Errors that say exactly where bad input is, so a user can fix the file.

A message is a key of the i18n catalog (i18n/importing.py) with parameters, rendered in
the page's language by ``text(lang)`` (a parameter named ``*_key`` is itself a catalog
key, rendered in the same language); ``str(error)`` is the English text (logs, the
command line). File, row and column stay structured on the error. Every parameter that
comes from the input (a cell, a label, a file name) is cut to ECHO_LIMIT characters, so
a 100 KB cell is never echoed whole. A message that is not a catalog key is shown as
written (English only), for callers outside the upload path.
"""

from __future__ import annotations

from i18n import STRINGS, t
from i18n.safe_text import ECHO_LIMIT, clip


class InputError(ValueError):
    """Bad or unknown input: names the file, and the row and column where known."""

    def __init__(self, message: str, *, file: str | None = None, row: int | None = None,
                 column: str | None = None, **params):
        self.key = message
        self.params = {name: clip(value) if isinstance(value, str) else value
                       for name, value in params.items()}
        self.file, self.row, self.column = file, row, column
        self.reason = self.message("en")
        super().__init__(self.text("en"))

    def message(self, lang: str) -> str:
        """The message alone, without where it is."""
        if self.key not in STRINGS:
            return self.key
        params = {name.removesuffix("_key"): t(value, lang) if name.endswith("_key") else value
                  for name, value in self.params.items()}
        return t(self.key, lang).format(**params)

    def where(self, lang: str) -> str:
        """'file x.csv, row 3, column '2022 년'' in the chosen language ('' when unknown)."""
        parts = []
        if self.file:
            parts.append(t("where_file", lang).format(file=clip(self.file)))
        if self.row is not None:
            parts.append(t("where_row", lang).format(row=self.row))
        if self.column:
            parts.append(t("where_column", lang).format(column=clip(self.column)))
        return ", ".join(parts)

    def text(self, lang: str) -> str:
        where = self.where(lang)
        return f"{where}: {self.message(lang)}" if where else self.message(lang)

    def __reduce__(self):  # keyword-only fields survive pickling (the upload worker)
        return (_rebuild, (type(self), self.key, self.file, self.row, self.column,
                           self.params))


def _rebuild(cls, key, file, row, column, params):
    return cls(key, file=file, row=row, column=column, **params)


class UnknownRegionError(InputError):
    """A region name or code that the crosswalk cannot place."""


__all__ = ["ECHO_LIMIT", "InputError", "UnknownRegionError"]
