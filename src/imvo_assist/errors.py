"""Errors and exit codes: the one place that says how failures reach the user.

stdout carries results only; every error is one line on stderr with a hint for the next step
(`cli.main` does the printing). Exit codes are an API: 0 ok, 1 nothing found, 2 usage or input.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes of every command."""

    OK = 0
    NOT_FOUND = 1
    USAGE = 2
    INTERRUPTED = 130
    """Stopped with Ctrl-C (128 + SIGINT, as shells report it)."""


class ImvoError(Exception):
    """Base of every error shown to the user as one line.

    Args:
        message: what went wrong, naming the file or value concerned.
        hint: the next step for the user, if there is one.
    """

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class CorpusError(ImvoError):
    """The corpus folder or one of its register files is missing or invalid."""


class ExtractionError(ImvoError):
    """One file could not be read; indexing records it and goes on with the others."""


class IndexLockedError(ImvoError):
    """Another process holds the index write lock."""


class IndexCancelledError(ImvoError):
    """An index run was cancelled; nothing of it was committed."""


class IndexMissingError(ImvoError):
    """No usable index exists for the corpus."""


class QueryError(ImvoError):
    """A query or question cannot be answered as given (empty, bad option value)."""


class IndexWriteError(ImvoError):
    """The index folder cannot be written (permissions, a read-only or full file system); the
    last committed index is unchanged and can still be read."""
