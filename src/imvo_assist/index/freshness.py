"""Is the index still the corpus? Answered from file sizes and times, without the catalogue.

An index is stale when a corpus file was added, removed or changed, when a document id would
come out differently, or when the bundled register changed (its fingerprint, handed in by the
caller, against the one in the register's file record). Ids come from the catalogue files (the bundled register and each corpus
folder's MANIFEST.toml / documents.toml); loading and checking the register costs more than the
rest of the check. So each committed `index` run records the size and time of those files as
they were before it scanned (`imvo-catalogues.json` in the index folder); while they are
unchanged, every id is still the one in the file records, and comparing relative paths, sizes
and modification times with the file records answers the question. When they changed (or
nothing was recorded) `corpus_changed` says it cannot tell, and the caller does the full scan.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from imvo_assist.collection.scan import METADATA_FILES, CorpusFile, Skipped, scan
from imvo_assist.errors import CorpusError
from imvo_assist.index.inputs import REGISTER_PATH
from imvo_assist.paths import BUNDLED_CORPUS

CATALOGUES_FILE = "imvo-catalogues.json"
BUNDLED_FILES = ("documents.toml", "vocabulary.toml")

Stats = dict[str, list[int] | None]


def catalogue_stats(roots: Sequence[Path]) -> Stats:
    """(size, mtime_ns) of every catalogue file document ids depend on; None when missing."""
    paths = [BUNDLED_CORPUS / name for name in BUNDLED_FILES]
    paths += [root / name for root in roots for name in METADATA_FILES]
    found: Stats = {}
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            found[str(path)] = None
        else:
            found[str(path)] = [stat.st_size, stat.st_mtime_ns]
    return found


def record_catalogues(index_dir: Path, stats: Stats) -> None:
    """Record the catalogue files as a committed run saw them (best effort: without the record
    the next check is only slower)."""
    staged = index_dir / f".{CATALOGUES_FILE}.{os.getpid()}"
    try:
        staged.write_text(json.dumps(stats), encoding="utf-8")
        os.replace(staged, index_dir / CATALOGUES_FILE)
    except OSError:
        staged.unlink(missing_ok=True)


def corpus_changed(
    roots: Sequence[Path], index_dir: Path, records: Mapping[str, dict],
    register_fingerprint: Callable[[], str],
) -> bool | None:
    """Whether the corpus or the bundled register changed since the index was built, from file
    stats and the index's file records (`records`: by relative path, the register's included);
    None when that cannot tell (a catalogue file changed, or no record of them): then scan the
    corpus with the catalogue."""
    try:
        recorded = json.loads((index_dir / CATALOGUES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if recorded != catalogue_stats(roots):
        return None
    try:
        found, skipped = scan(roots)  # the same paths as with the register: ids are not needed
    except CorpusError:
        return None
    files = {path: meta for path, meta in records.items() if path != REGISTER_PATH}
    if files_changed(found, skipped, files):
        return True
    return records.get(REGISTER_PATH, {}).get("sha256") != register_fingerprint()


def files_changed(
    found: Sequence[CorpusFile], skipped: Sequence[Skipped], files: Mapping[str, dict],
    ids: bool = False,
) -> bool:
    """Whether a scan's files differ from the file records (`files`: by relative path, the
    register's left out): a path added or removed, a size or modification time changed, or
    (with `ids`, for a scan with the catalogue) a document id."""
    if len(files) != len(found) + len(skipped):
        return True
    for item in found:
        record = files.get(item.relative)
        try:
            stat = item.path.stat()
        except OSError:  # gone or unreadable since the scan: the next refresh reports it
            return True
        if not record or (ids and record.get("doc_id") != item.info.id):
            return True
        if (record.get("size"), record.get("mtime_ns")) != (stat.st_size, stat.st_mtime_ns):
            return True
    return False
