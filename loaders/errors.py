"""Errors that say exactly where bad input is, so a user can fix the file."""

from __future__ import annotations


class InputError(ValueError):
    """Bad or unknown input: names the file, and the row and column where known."""

    def __init__(self, message: str, *, file: str | None = None, row: int | None = None,
                 column: str | None = None):
        self.file, self.row, self.column, self.reason = file, row, column, message
        where = ", ".join(
            part for part in (
                f"file {file!s}" if file else "",
                f"row {row}" if row is not None else "",
                f"column {column!r}" if column else "",
            ) if part
        )
        super().__init__(f"{where}: {message}" if where else message)


class UnknownRegionError(InputError):
    """A region name or code that the crosswalk cannot place."""
