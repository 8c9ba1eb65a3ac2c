"""Isolated extraction: every file is read in a child process with a time and memory limit.

A decompression bomb, a cyclic object graph or a pathological page can hang or bloat pypdf;
in a child it costs at most the limits, and the parent records "skipped: extraction exceeded
60 s" and goes on. Children are forked (cheap on Linux: pypdf is imported once, in the parent)
and run `workers` at a time, which also spreads extraction over the cores.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

from imvo_assist.corpus import CorpusFile
from imvo_assist.errors import ExtractionError

__all__ = ["Job", "Outcome", "extract_isolated"]


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
) -> Iterator[Outcome]:
    """Extract files in child processes, yielding outcomes as they finish.

    Args:
        jobs: the files to extract.
        password: password for encrypted PDFs.
        timeout_s: wall-clock limit per file; the child is killed when it is exceeded.
        memory_mb: extra address space a child may use beyond what it inherits.
        workers: children running at once.
    """
    _preload()

    context = multiprocessing.get_context("fork")
    pending = list(jobs)
    pending.reverse()
    running: dict[Connection, tuple[multiprocessing.process.BaseProcess, Job, float]] = {}
    while pending or running:
        while pending and len(running) < max(1, workers):
            job = pending.pop()
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(
                target=_child, args=(sender, job, password, memory_mb), daemon=True
            )
            process.start()
            sender.close()
            running[receiver] = (process, job, time.monotonic() + timeout_s)
        nearest = min(deadline for _, _, deadline in running.values())
        for connection in wait(list(running), timeout=max(0.0, nearest - time.monotonic())):
            process, job, _ = running.pop(connection)  # type: ignore[index]
            yield _receive(connection, process, job)
        now = time.monotonic()
        for connection, (process, job, deadline) in list(running.items()):
            if now >= deadline:
                process.kill()
                process.join()
                connection.close()
                del running[connection]
                name = job.item.path.name
                yield Outcome(job, None, "failed", f"{name}: extraction exceeded {timeout_s:g} s")


def _preload() -> None:
    """Import the readers and build the tagger once in the parent, so each forked child starts
    with them (about 80-100 ms per file otherwise)."""
    import pypdf.filters  # noqa: F401

    import imvo_assist.extract.layout  # noqa: F401
    import imvo_assist.extract.pdf  # noqa: F401
    import imvo_assist.extract.table  # noqa: F401
    import imvo_assist.extract.text  # noqa: F401
    import imvo_assist.register  # noqa: F401
    from imvo_assist.tagging import default_tagger

    default_tagger()


def _receive(connection: Connection, process: multiprocessing.process.BaseProcess, job: Job) -> Outcome:
    name = job.item.path.name
    try:
        status, payload = connection.recv()
    except (EOFError, OSError):
        status, payload = "failed", None
    finally:
        connection.close()
        process.join(timeout=10)
    if payload is None:
        code = process.exitcode
        return Outcome(job, None, "failed", f"{name}: extraction process died (exit {code}; memory limit?)")
    if status == "indexed":
        return Outcome(job, payload, "indexed")
    return Outcome(job, None, status, str(payload))


def _child(sender: Connection, job: Job, password: str | None, memory_mb: int) -> None:
    """Run in the child: cap memory, extract, send ("indexed", result) or (status, message)."""
    _die_with_parent()
    _limit_memory(memory_mb)
    from imvo_assist.extract import NoTextError, extract_file

    try:
        message: tuple[str, object] = ("indexed", extract_file(job.item, job.sha256, password))
    except NoTextError as exc:
        message = ("skipped", str(exc))
    except ExtractionError as exc:
        message = ("failed", str(exc))
    except MemoryError:
        message = ("failed", f"{job.item.path.name}: too large: memory limit reached")
    except RecursionError:
        message = ("failed", f"{job.item.path.name}: damaged (nesting too deep)")
    except Exception as exc:  # a bug or an unforeseen file problem: report, never crash
        message = ("failed", f"{job.item.path.name}: {type(exc).__name__}: {exc}"[:300])
    try:
        sender.send(message)
    except MemoryError:
        sender.send(("failed", f"{job.item.path.name}: too large: memory limit reached"))
    sender.close()


def _die_with_parent() -> None:
    """Ask Linux to kill this child when the indexer dies, so no orphan keeps the index lock
    (a forked child inherits the lock's file descriptor)."""
    parent = os.getppid()
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _limit_memory(memory_mb: int) -> None:
    """Cap the child's address space at what it has now plus `memory_mb` (Linux)."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as handle:
            current = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = current + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, OSError, ValueError):
        pass  # no /proc or no resource module: the time limit still applies
