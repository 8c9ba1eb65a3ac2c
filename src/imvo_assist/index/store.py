"""Opening, creating and locking index folders.

Whoosh commits are atomic (new segment files, then a new table of contents), so readers always
see the last committed state. A whole `index` run (scan, extract, write) holds an exclusive
`fcntl` lock on `<index>.lock`, which the kernel releases if the process dies.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import Index

from imvo_assist.errors import IndexLockedError, IndexMissingError
from imvo_assist.index.schema import build_schema, current_meta, read_meta, write_meta


def is_current(index_dir: Path) -> bool:
    """True when the folder holds an index written with the current schema and analyzers."""
    return read_meta(index_dir) == current_meta() and whoosh_index.exists_in(str(index_dir))


def open_index(index_dir: Path) -> Index:
    """Open an existing, current index for reading.

    Raises:
        IndexMissingError: there is no index, or it was written by another version.
    """
    if not whoosh_index.exists_in(str(index_dir)):
        raise IndexMissingError(
            f"No index at {index_dir}.", "Run `imvo-assist index` (add --corpus DIR if needed)."
        )
    if read_meta(index_dir) != current_meta():
        raise IndexMissingError(
            f"The index at {index_dir} was written by another version of imvo-assist.",
            "Run `imvo-assist index` to rebuild it.",
        )
    return whoosh_index.open_dir(str(index_dir))


def create_index(index_dir: Path) -> Index:
    """Create an empty, current index in `index_dir` (replacing whatever is there)."""
    shutil.rmtree(index_dir, ignore_errors=True)
    index_dir.mkdir(parents=True)
    whoosh_index.create_in(str(index_dir), build_schema())
    write_meta(index_dir)
    return whoosh_index.open_dir(str(index_dir))


def staging_dir(index_dir: Path) -> Path:
    """Where a rebuild of `index_dir` is written before it replaces the live index."""
    return index_dir.with_name(f"{index_dir.name}.new-{os.getpid()}")


def swap_in(staged: Path, index_dir: Path) -> None:
    """Replace the live index with a fully committed rebuild (two renames, old one removed)."""
    old = index_dir.with_name(f"{index_dir.name}.old-{os.getpid()}")
    if index_dir.exists():
        index_dir.rename(old)
    staged.rename(index_dir)
    shutil.rmtree(old, ignore_errors=True)


def discard(staged: Path) -> None:
    """Remove an abandoned rebuild."""
    shutil.rmtree(staged, ignore_errors=True)


@contextmanager
def write_lock(index_dir: Path, wait_s: float = 0.0) -> Iterator[None]:
    """Hold the exclusive writer lock of an index for the duration of the block.

    Args:
        index_dir: the index folder (the lock file sits beside it).
        wait_s: how long to wait for another writer before giving up.

    Raises:
        IndexLockedError: another process still holds the lock after `wait_s`.
    """
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    lock_path = index_dir.with_name(f"{index_dir.name}.lock")
    with open(lock_path, "a+", encoding="utf-8") as handle:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.read().strip() or "another process"
                    raise IndexLockedError(
                        f"The index {index_dir} is being updated by {holder}.",
                        "Wait for it to finish, then try again.",
                    ) from None
                time.sleep(0.1)
        handle.seek(0)
        handle.truncate()
        handle.write(f"imvo-assist pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
