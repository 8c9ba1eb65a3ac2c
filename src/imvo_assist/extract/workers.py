"""Isolated extraction: files are read in worker processes with a time and memory limit.

A decompression bomb, a cyclic object graph or a pathological page can hang or bloat pypdf;
in a worker it costs at most the limits, and the parent records "extraction exceeded 60 s" and
goes on with a fresh worker. Workers are forked (pypdf and the tagger are loaded once, in the
parent) and run `workers` at a time, which also spreads extraction over the cores. Every child
(these workers, `call_isolated`'s, the index's writing workers) calls `become_worker`: it dies with
its parent and leaves Ctrl-C to the parent, so an interrupted run prints one line, not a
traceback per process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING

from imvo_assist.collection.scan import CorpusFile
from imvo_assist.errors import ExtractionError

if TYPE_CHECKING:
    from imvo_assist.extract import Enrichment

__all__ = [
    "Job", "Outcome", "WorkerProcess", "become_worker", "call_isolated", "extract_isolated",
    "extract_job", "interrupts_held", "job_name", "late", "limit_memory", "preload",
]


@dataclass(frozen=True)
class Job:
    """One file to extract, with its content hash."""

    item: CorpusFile
    sha256: str
    size: int = 0
    mtime_ns: int = 0
    """Size and modification time as seen before hashing (stored in the file record)."""


@dataclass(frozen=True)
class Outcome:
    """What happened to one job: a result, or an error with its status."""

    job: Job
    result: object | None  # ExtractResult; typed loosely to keep this module light
    status: str  # "indexed" | "failed" | "skipped"
    error: str = ""


def extract_isolated(
    jobs: Iterable[Job],
    *,
    password: str | None = None,
    timeout_s: float = 60.0,
    memory_mb: int = 1024,
    workers: int = 2,
    enrichment: Enrichment | None = None,
) -> Iterator[Outcome]:
    """Extract files in worker processes, yielding outcomes as they finish.

    Workers are long-lived (forking one process per file costs about 25 ms of CPU each); a
    worker that exceeds the time limit is killed, one that dies (memory cap) is reported, and
    either is replaced by a fresh one.

    Args:
        jobs: the files to extract.
        password: password for encrypted PDFs.
        timeout_s: wall-clock limit per file; the worker is killed when it is exceeded.
        memory_mb: extra address space a worker may use beyond what it inherits.
        workers: worker processes running at once.
        enrichment: tags and register reading, handed to the workers (forked, never pickled).
    """
    from imvo_assist.extract import PLAIN

    enrichment = enrichment or PLAIN
    preload(enrichment)
    pending = list(jobs)
    pending.reverse()
    pool = _Pool(max(1, min(workers, len(pending))), password, memory_mb, enrichment)
    try:
        while pending or pool.busy:
            for worker in pool.idle():
                if not pending:
                    break
                worker.start(pending.pop(), timeout_s)
            yield from pool.collect(timeout_s)
    finally:
        pool.close()


class WorkerProcess:
    """A forked worker process serving jobs over a pipe, and the job it is running.

    `target(connection, parent_pid, *args)` runs in the child; it calls `become_worker`. Shared
    by extraction (`extract_isolated`) and the index's writing workers (`index.parallel`).
    """

    def __init__(self, target: Callable[..., None], *args: object) -> None:
        context = multiprocessing.get_context("fork")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=target, args=(child, os.getpid(), *args), daemon=True)
        with interrupts_held():
            self.process.start()
        child.close()
        self.job: Job | None = None
        self.deadline = 0.0

    def start(self, job: Job, timeout_s: float) -> None:
        self.job = job
        self.deadline = time.monotonic() + timeout_s
        self.connection.send(job)

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.connection.close()

    def died(self, job: Job) -> Outcome:
        """The outcome of a job whose worker died (its pipe closed) while running it."""
        self.process.join(timeout=10)
        code = self.process.exitcode
        return Outcome(job, None, "failed", f"{job_name(job)}: extraction process died (exit {code}; memory limit?)")


def late(job: Job, timeout_s: float) -> Outcome:
    """The outcome of a job that exceeded the time limit (its worker is killed)."""
    return Outcome(job, None, "failed", f"{job_name(job)}: extraction exceeded {timeout_s:g} s")


class _Pool:
    """Workers that are replaced when they time out or die."""

    def __init__(self, size: int, password: str | None, memory_mb: int, enrichment: Enrichment) -> None:
        self.options = (password, memory_mb, enrichment)
        self.workers = [WorkerProcess(_serve, *self.options) for _ in range(size)]

    @property
    def busy(self) -> list[WorkerProcess]:
        return [w for w in self.workers if w.job is not None]

    def idle(self) -> list[WorkerProcess]:
        return [w for w in self.workers if w.job is None]

    def collect(self, timeout_s: float) -> Iterator[Outcome]:
        """Wait for results until the nearest deadline; replace failed or late workers."""
        busy = self.busy
        if not busy:
            return
        nearest = min(w.deadline for w in busy)
        ready = wait([w.connection for w in busy], timeout=max(0.0, nearest - time.monotonic()))
        for worker in busy:
            job = worker.job
            assert job is not None
            if worker.connection in ready:
                outcome, healthy = _receive(worker, job)
                worker.job = None
                if not healthy:
                    self._replace(worker)
                yield outcome
            elif time.monotonic() >= worker.deadline:
                self._replace(worker)
                yield late(job, timeout_s)

    def _replace(self, worker: WorkerProcess) -> None:
        worker.stop()
        self.workers[self.workers.index(worker)] = WorkerProcess(_serve, *self.options)

    def close(self) -> None:
        for worker in self.workers:
            if worker.job is None:
                try:
                    worker.connection.send(None)
                except OSError:
                    pass
            worker.stop() if worker.job is not None else worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.stop()


def job_name(job: Job) -> str:
    """The file's name as reports show it (its display name when it is not valid UTF-8)."""
    return job.item.relative.rsplit("/", 1)[-1]


def preload(enrichment: Enrichment) -> None:
    """Import the readers and load the enrichment once in the parent, so each forked worker
    starts with them."""
    import pypdf.filters  # noqa: F401

    import imvo_assist.extract.layout
    import imvo_assist.extract.passages
    import imvo_assist.extract.pdf
    import imvo_assist.extract.table
    import imvo_assist.extract.text  # noqa: F401

    enrichment.preload()


def _receive(worker: WorkerProcess, job: Job) -> tuple[Outcome, bool]:
    """The outcome a worker sent, and whether the worker can take another job."""
    try:
        status, payload = worker.connection.recv()
    except (EOFError, OSError):
        return worker.died(job), False
    if status == "indexed":
        return Outcome(job, payload, "indexed"), True
    return Outcome(job, None, status, str(payload)), "memory limit" not in str(payload)


def call_isolated(function: Callable[..., object], *args: object, timeout_s: float, memory_mb: int) -> object:
    """`function(*args)` run in a forked child with the limits of an extraction worker.

    For work on untrusted files outside an index run (`add` reading a PDF's title).

    Returns:
        The function's (picklable) result; None when it raised, exceeded `timeout_s` or died
        (memory cap).
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(
        target=_call, args=(sender, os.getpid(), memory_mb, function, args), daemon=True
    )
    with interrupts_held():
        process.start()
    sender.close()
    try:
        return receiver.recv() if receiver.poll(timeout_s) else None
    except (EOFError, OSError):
        return None  # the child died
    finally:
        process.kill()
        process.join()
        receiver.close()


def _call(sender: Connection, parent: int, memory_mb: int, function: Callable[..., object], args: tuple) -> None:
    become_worker(parent)
    limit_memory(memory_mb)
    try:
        result = function(*args)
    except BaseException:  # noqa: BLE001 - a crash in the child is "no result" for the parent
        result = None
    sender.send(result)


def _serve(
    connection: Connection, parent: int, password: str | None, memory_mb: int, enrichment: Enrichment
) -> None:
    """Worker loop: cap memory, then extract each job received until told to stop."""
    become_worker(parent)
    limit_memory(memory_mb)
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            connection.send(extract_job(job, password, enrichment))
        except MemoryError:
            connection.send(("failed", f"{job_name(job)}: too large: memory limit reached"))
            return


def extract_job(job: Job, password: str | None, enrichment: Enrichment) -> tuple[str, object]:
    """("indexed", result) or (status, message) for one job; never raises but MemoryError."""
    from imvo_assist.extract import NoTextError, extract_file

    name = job_name(job)
    try:
        return "indexed", extract_file(job.item, job.sha256, password, enrichment)
    except NoTextError as exc:
        return "skipped", str(exc)
    except ExtractionError as exc:
        return "failed", str(exc)
    except MemoryError:
        return "failed", f"{name}: too large: memory limit reached"
    except RecursionError:
        return "failed", f"{name}: damaged (nesting too deep)"
    except OSError as exc:  # unreadable, or deleted since the scan
        return "failed", f"{name}: cannot read ({exc.strerror or exc})"
    except Exception as exc:  # noqa: BLE001  (a bug or an unforeseen file problem: report, never crash)
        return "failed", f"{name}: {type(exc).__name__}: {exc}"[:300]


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C back while forking, and raise it once the fork is done.

    A KeyboardInterrupt raised inside the fork's own hooks (logging registers some) is printed
    as "Exception ignored" and lost, and the run would go on. Only the main thread can set
    signal handlers; elsewhere (the terminal UI's worker) Ctrl-C is not a signal anyway.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: pending.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)
    if pending:
        raise KeyboardInterrupt


def become_worker(parent: int) -> None:
    """Set up a forked child: die with `parent` and ignore Ctrl-C (the parent handles it).

    Linux kills the child when its parent dies (PR_SET_PDEATHSIG), so no orphan keeps the index
    lock (a forked child shares the lock's open file); a child whose parent died before that took
    effect exits at once. SIGINT reaches the whole process group on Ctrl-C: the parent stops the
    run and ends its children itself.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the index lock's take-over ends leftovers instead
    if os.getppid() != parent:
        os._exit(1)


def limit_memory(memory_mb: int) -> None:
    """Cap the child's address space at what it has now plus `memory_mb` (Linux)."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as handle:
            current = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = current + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, OSError, ValueError):
        pass  # no /proc or no resource module: the time limit still applies
