"""Incremental index updates: re-extract what changed, drop what vanished, keep the rest.

A file is unchanged when its size and modification time match its file record, or else when
its SHA-256 does. Changed and new files are extracted in isolated workers; their old passages
are deleted and the new ones added, and everything is committed in one Whoosh commit only when
the whole batch succeeded (on any error the writer is cancelled and the previous index stays as
it was). A small batch is written by the indexer's own writer; from `PARALLEL_WRITE_JOBS` files
each worker writes the passages it extracts into a segment of its own (`parallel.py`), committed
with the indexer's. A file that cannot be read (permissions, deleted since the scan) is recorded
as failed with the reason; a failed write to the index folder (read-only, full) is one
`IndexWriteError`.
"""

from __future__ import annotations

import gc
import hashlib
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from whoosh.index import Index

from imvo_assist.collection.scan import CorpusFile, Skipped, scan
from imvo_assist.errors import IndexCancelledError
from imvo_assist.extract import PLAIN, Enrichment
from imvo_assist.extract.workers import Job, Outcome, extract_isolated
from imvo_assist.index.freshness import catalogue_stats, record_catalogues
from imvo_assist.index.inputs import REGISTER_PATH, Catalogue, IndexReport, Progress
from imvo_assist.index.lock import index_write_error
from imvo_assist.index.parallel import write_in_workers
from imvo_assist.index.records import (
    delete_file,
    report_from,
    rewrite_record,
    skipped_meta,
    write_content,
    write_outcome,
    write_register,
    write_skipped,
)
from imvo_assist.index.segment import Writer
from imvo_assist.index.store import (
    create_index,
    discard,
    file_records,
    is_current,
    remove_leftovers,
    staging_dir,
    swap_in,
    write_lock,
)
from imvo_assist.models import FileReport
from imvo_assist.settings import Settings

# From this many files to extract, each worker writes what it extracts (`parallel.py`); fewer
# are written by the indexer alone, so small updates add one segment, not one per worker.
PARALLEL_WRITE_JOBS = 8
# Postings the indexer's own writer holds before it writes a sorted run (compact estimate).
POOL_MB = 64

PLAIN_CATALOGUE = Catalogue()


def update_index(
    settings: Settings, catalogue: Catalogue = PLAIN_CATALOGUE, rebuild: bool = False,
    progress: Progress | None = None, wait_s: float = 0.0, cancel: threading.Event | None = None,
) -> IndexReport:
    """Bring the index of `settings.corpus` up to date.

    Args:
        settings: corpus, index folder and extraction limits.
        catalogue: registered documents, register facts and extraction enrichment.
        rebuild: start from an empty index.
        progress: optional progress callback.
        wait_s: how long to wait for another writer.
        cancel: set it to stop the run; nothing of it is committed.

    Raises:
        IndexCancelledError: `cancel` was set.
        IndexLockedError: another process is updating the same index.
        CorpusError: the corpus folder is missing.
    """
    started = time.perf_counter()
    catalogues = catalogue_stats(settings.roots)  # before the scan: an edit during the run shows
    files, skipped = scan(settings.roots, catalogue.registered)
    with write_lock(settings.index, wait_s):
        remove_leftovers(settings.index)
        report = IndexReport(rebuilt=rebuild or not is_current(settings.index))
        # A rebuild is written beside the live index and swapped in only after its commit, so a
        # crash mid-rebuild leaves the previous index in place.
        target = staging_dir(settings.index) if report.rebuilt else settings.index
        try:
            _write(target, report, files, skipped, settings, catalogue, progress, cancel)
            if target != settings.index:
                swap_in(target, settings.index)
            record_catalogues(settings.index, catalogues)
        except OSError as exc:
            raise index_write_error(exc, settings.index) from exc
        finally:
            if target != settings.index:
                discard(target)  # after a failure; gone already after the swap
        report.files.sort(key=lambda f: f.file)
    report.seconds = time.perf_counter() - started
    return report


def _write(
    target: Path, report: IndexReport, files: list[CorpusFile], skipped: list[Skipped],
    settings: Settings, catalogue: Catalogue, progress: Progress | None,
    cancel: threading.Event | None,
) -> None:
    """Extract what changed into `target` and commit; nothing is committed on any error."""
    index = create_index(target) if report.rebuilt else _open(target)
    known = file_records(index)
    jobs, unchanged, unreadable, touched = _plan(files, known, settings.password is not None)
    present = {f.relative for f in files} | {s.relative for s in skipped} | {REGISTER_PATH}
    gone = [path for path in known if path not in present]
    register = known.get(REGISTER_PATH)
    new_register = report.rebuilt or not register or register.get("sha256") != catalogue.fingerprint
    if not (jobs or gone or unreadable or touched or new_register) and all(
        known.get(item.relative) == skipped_meta(item) for item in skipped
    ):  # nothing to write: no writer, no commit (the index stays exactly as it is)
        if progress:
            progress(0, 0, "")
        report.files += [report_from(skipped_meta(item)) for item in skipped] + unchanged
        report.unchanged = len(unchanged)
        return
    if not gc.isenabled():  # a command starts with the collector off (cli); writing runs long:
        gc.freeze()  # start-up's objects are never collected (forked workers share them)
        gc.enable()
    writer = Writer(index, limitmb=POOL_MB)
    try:
        for path in gone:
            delete_file(writer, path, known[path])
        report.removed = len(gone)
        for item in [*skipped, *unreadable]:
            delete_file(writer, item.relative, known.get(item.relative, {}))
            report.files.append(write_skipped(writer, item))
        for job in jobs:  # the old records of changed files (new ones go to new segments)
            delete_file(writer, job.item.relative, known.get(job.item.relative, {}))
        for file, meta in touched:
            rewrite_record(writer, file.relative, file.info.id, meta)
        enrichment = catalogue.enrichment or PLAIN
        outcomes, segments = _extract(jobs, target, settings, enrichment, progress, cancel)
        for outcome in outcomes:
            if cancel is not None and cancel.is_set():
                raise IndexCancelledError("Indexing was cancelled; the previous index is unchanged.")
            report.files.append(write_outcome(writer, outcome))
        if new_register:
            write_register(writer, catalogue.facts(), catalogue.fingerprint)
        writer.commit_with(segments)
    except BaseException:
        _abandon(writer)
        raise
    report.files.extend(unchanged)
    report.extracted = len(jobs)
    report.unchanged = len(unchanged)


def _open(index_dir: Path) -> Index:
    from whoosh import index as whoosh_index

    return whoosh_index.open_dir(str(index_dir))


def _abandon(writer: Writer) -> None:
    """Cancel a writer; should a full disk refuse even that, still release Whoosh's own lock
    (nothing was committed either way)."""
    try:
        writer.cancel()
    except OSError:
        if writer.writelock is not None:
            writer.writelock.release()


def _plan(
    files: Iterable[CorpusFile], known: dict[str, dict], have_password: bool
) -> tuple[list[Job], list[FileReport], list[Skipped], list[tuple[CorpusFile, dict]]]:
    """Jobs for new and changed files; reports of unchanged ones; files that cannot be read;
    unchanged files with a new modification time (their records get it, so the next staleness
    check sees them unchanged from their stats alone).

    A file that failed as encrypted is retried when a password is given now.
    """
    jobs: list[Job] = []
    unchanged: list[FileReport] = []
    unreadable: list[Skipped] = []
    touched: list[tuple[CorpusFile, dict]] = []
    for item in files:
        record = known.get(item.relative)
        try:
            job = _job(item, record, have_password)
        except OSError as exc:  # unreadable, or deleted since the scan: the others go on
            unreadable.append(Skipped(item.relative, f"cannot read ({exc.strerror or exc})", failed=True))
            continue
        if isinstance(job, dict):
            touched.append((item, job))
            unchanged.append(report_from(job))
        elif job is None:
            unchanged.append(report_from(record or {}))
        else:
            jobs.append(job)
    return jobs, unchanged, unreadable, touched


def _job(item: CorpusFile, record: dict | None, have_password: bool) -> Job | dict | None:
    """The job for a file; None when its record shows it unchanged; the record with the
    file's new size and time when only those changed (same content)."""
    stat = item.path.stat()  # before hashing: an edit during the run is seen next time
    retry = record is not None and have_password and "encrypted" in str(record.get("error", ""))
    if record is not None and record.get("doc_id") == item.info.id and not retry:
        if record.get("size") == stat.st_size and record.get("mtime_ns") == stat.st_mtime_ns:
            return None
        digest = _sha256(item.path)
        if digest == record.get("sha256"):
            return {**record, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    else:
        digest = _sha256(item.path)
    return Job(item, digest, stat.st_size, stat.st_mtime_ns)


def _extract(
    jobs: list[Job], target: Path, settings: Settings, enrichment: Enrichment,
    progress: Progress | None, cancel: threading.Event | None,
) -> tuple[Iterable[Outcome], list[object]]:
    """The outcomes of the jobs and the segments workers wrote: a small batch is only extracted
    in the workers (its outcomes come as they are done, each with its passages); a big one is
    also written there (outcomes at the end, each with a summary)."""
    total = len(jobs)
    if progress:
        progress(0, total, "")
    if not jobs:
        return [], []
    done: set[str] = set()

    def report(outcome: Outcome) -> None:
        done.add(outcome.job.item.relative)
        if progress:
            progress(len(done), total, outcome.job.item.relative)

    if total >= PARALLEL_WRITE_JOBS:
        cancelled = cancel.is_set if cancel is not None else (lambda: False)
        return write_in_workers(
            jobs, str(target), write_content, report=report, cancelled=cancelled,
            password=settings.password, timeout_s=settings.timeout_s,
            memory_mb=settings.memory_mb, workers=settings.workers, enrichment=enrichment,
        )

    def outcomes() -> Iterable[Outcome]:
        found = extract_isolated(
            jobs, password=settings.password, timeout_s=settings.timeout_s,
            memory_mb=settings.memory_mb, workers=settings.workers, enrichment=enrichment,
        )
        for outcome in found:
            report(outcome)
            yield outcome

    return outcomes(), []


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
