"""Parallel indexing: each extraction worker also writes a segment of the index of its own.

A big batch is spread over `workers` processes that extract a file and write its passages and
register entries into their own Whoosh segment (`segment.Writer`, without the index lock: the
indexer holds it), so nothing but a short summary per file (`records.Written`) goes back to the
indexer, and at the end each worker finishes its segment while the others do the same. The
indexer writes the file records and commits every segment in one table of contents: all of
the batch or none of it.

Workers are isolated as in `extract.workers`: forked, capped in memory, killed at the time
limit, dying with the indexer (PR_SET_PDEATHSIG) and leaving Ctrl-C to it. A worker that is
killed or dies takes its unfinished segment with it: the file it was reading fails as before,
and the files it had written are read again by a fresh worker. A worker whose extraction ran
out of memory first finishes its segment (kept), then is replaced.
"""

from __future__ import annotations

import errno
import time
from collections.abc import Callable
from multiprocessing.connection import Connection, wait

from imvo_assist.errors import IndexCancelledError
from imvo_assist.extract import Enrichment
from imvo_assist.extract.workers import (
    Job,
    Outcome,
    WorkerProcess,
    become_worker,
    extract_job,
    job_name,
    late,
    limit_memory,
    preload,
)
from imvo_assist.index.segment import Writer

FINISH = "finish"
POOL_MB = 48
"""Postings a worker holds before it writes them to a sorted run file (compact estimate)."""
WRITER_MB = 2 * POOL_MB + 256
"""Memory a worker may use for its segment on top of what one extraction may use."""
MAX_LOST_SEGMENTS = 3
"""Workers that may fail to finish their segment before the run gives up (disk full...)."""
POLL_S = 0.25
"""How often the indexer looks at the cancel flag while workers are busy."""

Write = Callable[[Writer, object], object]
"""Writes an extracted file's records with a writer; returns the summary sent to the indexer."""


class _Worker(WorkerProcess):
    """One worker process, the job it is running and the jobs in its unfinished segment."""

    def __init__(self, index_dir: str, write: Write, options: dict) -> None:
        super().__init__(_serve, index_dir, write, options)
        self.written: list[Job] = []
        self.finishing = False

    def begin_finish(self) -> None:
        """Tell the worker to finish its segment (it does so while the others still work)."""
        if not self.finishing:
            self.finishing = True
            try:
                self.connection.send(FINISH)
            except OSError:
                pass  # dead: seen when its segment is asked for


class _Run:
    """The indexer's side of one parallel batch."""

    def __init__(self, index_dir: str, write: Write, workers: int, options: dict) -> None:
        self.start_worker = lambda: _Worker(index_dir, write, options)
        self.timeout_s: float = options["timeout_s"]
        self.size = workers
        self.workers: list[_Worker] = []
        self.pending: list[Job] = []
        self.outcomes: dict[str, Outcome] = {}
        self.segments: list[object] = []
        self.lost_segments = 0

    def requeue(self, worker: _Worker) -> None:
        """The files of a lost segment are read again."""
        self.pending.extend(reversed(worker.written))
        worker.written = []

    def replace(self, worker: _Worker, finish: bool) -> None:
        """A fresh worker in place of `worker`; its segment kept when `finish` and it can."""
        if not (finish and self.finish(worker)):
            worker.stop()
            self.requeue(worker)
        self.workers[self.workers.index(worker)] = self.start_worker()

    def finish(self, worker: _Worker) -> bool:
        """Have a worker finish its segment (kept); False when it died first."""
        worker.begin_finish()
        try:
            status, payload = worker.connection.recv()
        except (EOFError, OSError):
            status, payload = "died", None
        worker.process.join(timeout=10)
        worker.stop()
        if status == "segment":
            if payload is not None:
                self.segments.append(payload)
            worker.written = []
            return True
        self.lost_segments += 1
        if status == "error" or self.lost_segments > MAX_LOST_SEGMENTS:
            code, message = payload if status == "error" else (None, "worker died")
            raise OSError(code or errno.EIO, f"a worker could not write its part of the index: {message}")
        return False

    def collect(self, report: Callable[[Outcome], None]) -> None:
        """Wait for results until the nearest deadline (or the next look at the cancel flag)."""
        busy = [w for w in self.workers if w.job is not None]
        nearest = min(w.deadline for w in busy)
        timeout = max(0.0, min(nearest - time.monotonic(), POLL_S))
        ready = wait([w.connection for w in busy], timeout=timeout)
        for worker in busy:
            job = worker.job
            assert job is not None
            if worker.connection in ready:
                outcome, keep, finish = self.receive(worker, job)
                worker.job = None
                if not keep:
                    self.replace(worker, finish)
                report(outcome)
            elif time.monotonic() >= worker.deadline:
                worker.job = None
                self.replace(worker, finish=False)
                report(late(job, self.timeout_s))

    def receive(self, worker: _Worker, job: Job) -> tuple[Outcome, bool, bool]:
        """The outcome a worker sent; whether it goes on; else whether its segment is kept."""
        try:
            status, payload = worker.connection.recv()
        except (EOFError, OSError):
            return worker.died(job), False, False
        if status == "indexed":
            worker.written.append(job)
            return Outcome(job, payload, "indexed"), True, False
        if status == "lost":  # failed while writing: its segment may hold part of the file
            return Outcome(job, None, "failed", str(payload)), False, False
        healthy = "memory limit" not in str(payload)
        return Outcome(job, None, status, str(payload)), healthy, True


def write_in_workers(
    jobs: list[Job], index_dir: str, write: Write, *, password: str | None, timeout_s: float,
    memory_mb: int, workers: int, enrichment: Enrichment,
    report: Callable[[Outcome], None], cancelled: Callable[[], bool],
) -> tuple[list[Outcome], list[object]]:
    """Extract and write `jobs` in `workers` processes, each into a segment of its own.

    Args:
        jobs: the files to extract.
        index_dir: the index folder the segments are written in.
        write: writes an extracted file's records (in the worker); returns its summary.
        report: called with each outcome as it comes (a file read again reports again).
        cancelled: polled while workers are busy; True stops the run.

    Returns:
        The outcome of every job, and the finished segments to commit with the indexer's.

    Raises:
        IndexCancelledError: `cancelled()` became true.
        OSError: a worker could not write its segment (a full disk).
    """
    preload(enrichment)
    options = {
        "password": password, "timeout_s": timeout_s, "memory_mb": memory_mb,
        "enrichment": enrichment,
    }
    run = _Run(index_dir, write, max(1, min(workers, len(jobs))), options)
    run.pending = sorted(jobs, key=lambda job: job.size)  # the largest first: an even finish

    def record(outcome: Outcome) -> None:
        run.outcomes[outcome.job.item.relative] = outcome
        report(outcome)

    try:
        run.workers = [run.start_worker() for _ in range(run.size)]
        while True:
            while run.pending or any(w.job is not None for w in run.workers):
                if cancelled():
                    raise IndexCancelledError("Indexing was cancelled; the previous index is unchanged.")
                for worker in run.workers:
                    if worker.job is None and not worker.finishing:
                        if run.pending:
                            worker.start(run.pending.pop(), timeout_s)
                        else:  # nothing left to give it: it finishes while the others work
                            worker.begin_finish()
                if any(w.job is not None for w in run.workers):
                    run.collect(record)
            for worker in run.workers:  # all finish their segments at once
                worker.begin_finish()
            for worker in run.workers:
                if not run.finish(worker):
                    run.requeue(worker)
            run.workers = []
            if not run.pending:
                break
            run.workers = [run.start_worker() for _ in range(run.size)]  # files to read again
    finally:
        for worker in run.workers:
            if worker.process.is_alive():
                worker.stop()
    return list(run.outcomes.values()), run.segments


def _serve(connection: Connection, parent: int, index_dir: str, write: Write, options: dict) -> None:
    """Worker loop: extract each job received and write it into this worker's segment; on
    FINISH, finish the segment and send it (None when nothing was written)."""
    become_worker(parent)
    limit_memory(options["memory_mb"] + WRITER_MB)
    writer: Writer | None = None
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        if message == FINISH:
            connection.send(_finished(writer))
            return
        job: Job = message
        status, payload = extract_job(job, options["password"], options["enrichment"])
        if status != "indexed":
            connection.send((status, payload))
            continue
        try:
            if writer is None:
                from whoosh.index import open_dir

                writer = Writer(open_dir(index_dir), _lk=False, limitmb=POOL_MB)
            summary = write(writer, payload)
        except MemoryError:
            connection.send(("lost", f"{job_name(job)}: too large: memory limit reached"))
            return
        except Exception as exc:  # noqa: BLE001 - reported for the file; the segment is dropped
            connection.send(("lost", f"{job_name(job)}: not indexed ({type(exc).__name__}: {exc})"[:300]))
            return
        connection.send(("indexed", summary))


def _finished(writer: Writer | None) -> tuple[str, object]:
    """("segment", the finished segment or None) or ("error", (errno or None, message))."""
    if writer is None or not writer._added:
        return "segment", None
    try:
        return "segment", writer._finalize_segment()
    except OSError as exc:
        return "error", (exc.errno, exc.strerror or str(exc))
    except BaseException as exc:  # noqa: BLE001 - memory, a bug: the indexer gives up cleanly
        return "error", (None, f"{type(exc).__name__}: {exc}")
