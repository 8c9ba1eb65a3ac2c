"""The writer lock of an index: one `index` run at a time, and never a lock held for ever.

A whole run holds an exclusive `fcntl.flock` on `<index>.lock`; the kernel releases it when the
last process sharing that open file is gone. The file records its holder: pid, start time (from
/proc/<pid>/stat, so a reused pid is not mistaken for it) and process group. Forked children
(extraction workers, which write segments too in big runs) share the open file; they die with
their parent (PR_SET_PDEATHSIG), but should one survive its parent anyway, the lock of a holder
that is gone is taken over: the processes of the holder's group that still hold that very lock
(its open file description, per /proc/<pid>/fdinfo) are killed first. A live holder is never
touched.
"""

from __future__ import annotations

import errno
import fcntl
import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from imvo_assist.errors import IndexLockedError, IndexWriteError

PROC = Path("/proc")
TAKEOVER_GRACE_S = 5.0
"""How long a taken-over lock may take to be released by the killed leftovers."""


@dataclass(frozen=True)
class Holder:
    """Who holds an index lock."""

    pid: int
    start: int
    """Start time of the process in clock ticks since boot (0 when unknown)."""
    group: int

    @classmethod
    def me(cls) -> Holder:
        pid = os.getpid()
        return cls(pid, _start_time(pid), os.getpgid(0))

    def record(self) -> str:
        """The lock file's text; its first line is what users are shown."""
        return f"imvo-assist pid {self.pid}\nstart {self.start} group {self.group}\n"

    @classmethod
    def parse(cls, text: str) -> Holder | None:
        """The holder in a lock file's text; None for an empty or foreign record."""
        words = text.split()
        try:
            return cls(int(words[2]), int(words[4]), int(words[6]))
        except (IndexError, ValueError):
            return None


def index_write_error(exc: OSError, where: Path) -> IndexWriteError:
    """One line naming the file and the problem of a failed write to an index."""
    name = exc.filename or where
    if exc.errno == errno.ENOSPC:
        hint = "Free disk space, then run `imvo-assist index` again; the last committed index is unchanged."
    else:
        hint = "Make the folder writable, or pass --index DIR (or set IMVO_ASSIST_DATA) to use another one."
    return IndexWriteError(f"Cannot write the index {where}: {name}: {exc.strerror or exc}.", hint)


@contextmanager
def write_lock(index_dir: Path, wait_s: float = 0.0) -> Iterator[None]:
    """Hold the exclusive writer lock of an index for the duration of the block.

    Args:
        index_dir: the index folder (the lock file sits beside it).
        wait_s: how long to wait for another writer before giving up.

    Raises:
        IndexLockedError: another process still holds the lock after `wait_s`.
        IndexWriteError: the lock file cannot be created or written.
    """
    lock_path = index_dir.with_name(f"{index_dir.name}.lock")
    try:
        index_dir.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise index_write_error(exc, index_dir) from exc
    with os.fdopen(fd, "r+", encoding="utf-8", errors="replace") as handle:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if _take_over(handle, lock_path):
                    deadline = max(deadline, time.monotonic() + TAKEOVER_GRACE_S)
                elif time.monotonic() >= deadline:
                    handle.seek(0)
                    holder = handle.readline().strip() or "another process"
                    raise IndexLockedError(
                        f"The index {index_dir} is being updated by {holder}.",
                        "Wait for it to finish, then try again.",
                    ) from None
                time.sleep(0.05)
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(Holder.me().record())
            handle.flush()
        except OSError as exc:
            fcntl.flock(handle, fcntl.LOCK_UN)
            raise index_write_error(exc, index_dir) from exc
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


def _take_over(handle: object, lock_path: Path) -> bool:
    """End what is left of a holder that is gone; True when leftovers were killed."""
    handle.seek(0)  # type: ignore[attr-defined]
    holder = Holder.parse(handle.read())  # type: ignore[attr-defined]
    if holder is None or holder.pid == os.getpid() or _alive(holder):
        return False
    if _flock_owner(lock_path) != holder.pid:
        return False  # the record is older than the lock: its new holder has not written yet
    leftovers = [pid for pid in _group_members(holder.group) if _holds_lock(pid, lock_path)]
    for pid in leftovers:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            continue
        except PermissionError:
            return False
    return bool(leftovers)


def _stat(pid: int) -> list[str]:
    """The fields of /proc/<pid>/stat after the command name (state first); [] if gone."""
    try:
        text = (PROC / str(pid) / "stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return []
    return text.rsplit(")", 1)[-1].split()


def _start_time(pid: int) -> int:
    fields = _stat(pid)
    return int(fields[19]) if len(fields) > 19 else 0


def _alive(holder: Holder) -> bool:
    """Whether the holder's process still runs (a zombie or a reused pid does not count)."""
    fields = _stat(holder.pid)
    if not fields:
        return not PROC.is_dir() and _pid_exists(holder.pid)  # no /proc: trust the pid
    return fields[0] != "Z" and (not holder.start or int(fields[19]) == holder.start)


def _pid_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _flock_owner(lock_path: Path) -> int | None:
    """The pid /proc/locks names for the flock on the lock file (the process that took it)."""
    try:
        stat = lock_path.stat()
        lines = (PROC / "locks").read_text(encoding="ascii").splitlines()
    except OSError:
        return None
    where = f"{os.major(stat.st_dev):02x}:{os.minor(stat.st_dev):02x}:{stat.st_ino}"
    for line in lines:
        fields = line.split()
        if len(fields) > 5 and fields[1] == "FLOCK" and fields[5] == where:
            return int(fields[4])
    return None


def _group_members(group: int) -> list[int]:
    """Processes of a process group, this one left out."""
    me = os.getpid()
    members = []
    for entry in PROC.iterdir() if PROC.is_dir() else ():
        if entry.name.isdigit() and int(entry.name) != me:
            fields = _stat(int(entry.name))
            if len(fields) > 2 and fields[0] != "Z" and int(fields[2]) == group:
                members.append(int(entry.name))
    return members


def _holds_lock(pid: int, lock_path: Path) -> bool:
    """Whether a process has the lock file open through the description that holds the flock."""
    target = str(lock_path.resolve())
    folder = PROC / str(pid) / "fd"
    try:
        fds = os.listdir(folder)
    except OSError:
        return False
    for fd in fds:
        try:
            if os.readlink(folder / fd) != target:
                continue
            info = (PROC / str(pid) / "fdinfo" / fd).read_text(encoding="ascii", errors="replace")
        except OSError:
            continue
        if any(line.startswith("lock:") and "FLOCK" in line for line in info.splitlines()):
            return True
    return False
