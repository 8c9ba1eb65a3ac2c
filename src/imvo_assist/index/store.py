"""Opening, creating and locking index folders.

Whoosh commits are atomic (new segment files, then a new table of contents), so readers always
see the last committed state: segment files of an unfinished run (even ones its orphaned
workers still write) are in no table of contents and are removed by the next commit. A whole
`index` run (scan, extract, write) holds the writer lock (`index/lock.py`). A rebuild is written to
`<index>.new-<pid>` and swapped in; folders left by killed runs are removed by the next run.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import Index

from imvo_assist.errors import IndexMissingError
from imvo_assist.index.lock import write_lock
from imvo_assist.index.schema import build_schema, current_meta, read_meta, write_meta

__all__ = [
    "create_index", "discard", "file_records", "is_current", "open_index", "remove_leftovers",
    "staging_dir", "swap_in", "write_lock",
]


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


def remove_leftovers(index_dir: Path) -> None:
    """Remove the `<index>.new-<pid>` and `.old-<pid>` folders of runs that were killed.

    Call it holding the write lock: no other run can be writing any of them then. A live index
    that a kill left renamed to `.old-<pid>` (between the two renames of `swap_in`) is put back.
    """
    pattern = re.compile(re.escape(index_dir.name) + r"\.(new|old)-(\d+)")
    try:
        siblings = sorted(index_dir.parent.iterdir())
    except OSError:
        return
    for folder in siblings:
        found = pattern.fullmatch(folder.name)
        if not found or int(found.group(2)) == os.getpid():
            continue
        if found.group(1) == "old" and not index_dir.exists() and is_current(folder):
            folder.rename(index_dir)
            continue
        shutil.rmtree(folder, ignore_errors=True)


def file_records(index: Index) -> dict[str, dict]:
    """The stored `meta` of every file record, by relative path."""
    with index.searcher() as searcher:
        return {
            fields["path"]: fields["meta"]
            for fields in searcher.documents(record="file")
        }
