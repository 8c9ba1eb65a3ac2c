"""Measuring a command as a new process: wall time, CPU time, and memory of its process tree.

CPU time comes from `os.wait4` of the command: user + system time of the process and of every
descendant it waited for (the extraction workers, which also write index segments). Memory is
sampled while the command runs: every `interval` seconds the PSS (proportional set size, from
/proc/<pid>/smaps_rollup) of the process and all its descendants is summed; the peak of that sum
over time is the run's memory. PSS shares each page among the processes that map it, so forked
workers are not counted twice for the memory they share with their parent, as RSS would. The
largest single process's PSS is reported too. Only the standard library and /proc are used.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path


def _children_map() -> dict[int, list[int]]:
    """Parent pid -> child pids, from /proc/<pid>/stat of every process."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        # the command name (field 2) may hold spaces and parentheses: split after the last ")"
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def process_tree(root: int) -> list[int]:
    """The pid and all descendant pids of `root`."""
    children = _children_map()
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, ()))
    return tree


def pss_kb(pid: int) -> int | None:
    """PSS of one process in KiB, None when it is gone (or a zombie)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def hwm_kb(pid: int) -> int | None:
    """Peak RSS (VmHWM) of one process in KiB so far."""
    try:
        with open(f"/proc/{pid}/status", "rb") as handle:
            for line in handle:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


@dataclass
class MemorySampler:
    """Samples the summed PSS of a process tree in a thread until stopped."""

    root: int
    interval: float = 0.05
    peak_sum_kb: int = 0
    peak_root_kb: int = 0
    peak_single_kb: int = 0
    peak_processes: int = 0
    root_hwm_kb: int = 0
    samples: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            sizes = {pid: pss_kb(pid) for pid in process_tree(self.root)}
            alive = {pid: size for pid, size in sizes.items() if size}
            if alive and not self._stop.is_set():
                self.samples += 1
                self.peak_sum_kb = max(self.peak_sum_kb, sum(alive.values()))
                self.peak_root_kb = max(self.peak_root_kb, alive.get(self.root, 0))
                self.peak_single_kb = max(self.peak_single_kb, max(alive.values()))
                self.peak_processes = max(self.peak_processes, len(alive))
                self.root_hwm_kb = max(self.root_hwm_kb, hwm_kb(self.root) or 0)
            self._stop.wait(self.interval)


@dataclass
class Run:
    """One measured command."""

    cmd: list[str]
    rc: int
    stdout: str
    stderr: str
    wall_s: float
    cpu_s: float
    memory: MemorySampler | None = None

    def mb(self, what: str) -> float | None:
        """A memory figure of the run in MB (MiB): peak_sum, peak_root, peak_single, root_hwm."""
        if self.memory is None or not self.memory.samples:
            return None
        return round(getattr(self.memory, f"{what}_kb") / 1024, 1)


def run(
    cmd: list[str], env: dict[str, str], cwd: Path, sample_s: float | None = None,
    timeout_s: float = 3600.0,
) -> Run:
    """Run a command to its end; sample its memory every `sample_s` seconds when given.

    The wall time runs from just before the process is created to its exit (as seen by wait4).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=cwd)
        sampler = MemorySampler(proc.pid, sample_s) if sample_s else None
        if sampler:
            sampler.start()
        timer = threading.Timer(timeout_s, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        if sampler:
            sampler.stop()
        out.seek(0)
        err.seek(0)
        return Run(
            cmd=cmd,
            rc=proc.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            wall_s=wall,
            cpu_s=usage.ru_utime + usage.ru_stime,
            memory=sampler,
        )


def percentile(values: list[float], q: float) -> float | None:
    """The q-th percentile (0-100), linear interpolation between closest ranks."""
    if not values:
        return None
    data = sorted(values)
    pos = (len(data) - 1) * q / 100
    low = int(pos)
    high = min(low + 1, len(data) - 1)
    return data[low] + (data[high] - data[low]) * (pos - low)


def rnd(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def ratio(ours: float | None, bare: float | None) -> float | None:
    if ours is None or not bare:
        return None
    return round(ours / bare, 2)
