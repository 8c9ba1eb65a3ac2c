"""Keeping the corpus and its index up to date: scan, add, fetch, refresh and open."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from imvo_assist.catalogue.loader import load_documents
from imvo_assist.collection.scan import CorpusFile, Skipped, scan
from imvo_assist.errors import IndexLockedError, IndexWriteError
from imvo_assist.index import IndexReport, Progress, is_current, update_index
from imvo_assist.library.core import Library
from imvo_assist.library.inputs import index_catalogue, registered_documents
from imvo_assist.settings import Settings

if TYPE_CHECKING:
    from imvo_assist.collection.fetch import FetchResult
    from imvo_assist.collection.intake import AddResult


def scan_corpus(settings: Settings) -> tuple[list[CorpusFile], list[Skipped]]:
    """The files of the corpus (and the user's additions) that would be indexed, and those not."""
    return scan(settings.roots, registered_documents())


def add_files(settings: Settings, paths: list[Path], **options: Any) -> list[AddResult]:
    """Copy files into the corpus (the user's additions folder when no corpus was named) and
    record which registered document each is; does not index (see `collection.intake`)."""
    from imvo_assist.collection.intake import add_files as add

    return add(settings, paths, register=load_documents(), **options)


def fetch_documents(settings: Settings, ids: list[str] | None, **options: Any) -> list[FetchResult]:
    """Download registered documents into the corpus (see `collection.fetch`)."""
    from imvo_assist.collection.fetch import fetch_documents as fetch

    return fetch(settings, ids, register=load_documents(), **options)


def refresh(
    settings: Settings, rebuild: bool = False, progress: Progress | None = None, wait_s: float = 0.0,
    cancel: threading.Event | None = None,
) -> IndexReport:
    """Update the index of the corpus (see `index.update_index`)."""
    return update_index(
        settings, index_catalogue(), rebuild=rebuild, progress=progress, wait_s=wait_s, cancel=cancel
    )


def is_stale(settings: Settings) -> bool:
    """True when the index is missing, outdated, or the corpus files changed since it was built."""
    return not is_current(settings.index) or Library(settings).is_stale()


def open_library(
    settings: Settings, progress: Progress | None = None, cancel: threading.Event | None = None,
    warn: Callable[[str], None] | None = None,
) -> Library:
    """A library over an up-to-date index, refreshing it first when needed.

    When another process is updating the index, or the index folder cannot be written (read-only,
    full), the last committed index is used as is; `warn` is told about a failed write.
    """
    library = Library(settings) if is_current(settings.index) else None
    if library is not None and not library.is_stale():
        return library  # the index opened for the check is the one the caller uses
    try:
        refresh(settings, progress=progress, cancel=cancel)
    except IndexLockedError:
        if library is None:
            raise
    except IndexWriteError as exc:
        if library is None:
            raise
        if warn is not None:
            warn(f"{exc.message} Answering from the last committed index.")
    return Library(settings)
