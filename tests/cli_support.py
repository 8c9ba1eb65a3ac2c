"""Helpers the tests share: run a command in this process, end a process group.

A module of its own (not conftest.py): `from conftest import` can resolve to tests/tui/conftest.py
when tests of several folders run together.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from dataclasses import dataclass
from typing import Any

import pytest

from imvo_assist.settings import Settings


@dataclass
class Run:
    """What one in-process `imvo-assist` command did."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def run_cli(capsys: pytest.CaptureFixture[str], settings: Settings, *args: str) -> Run:
    """`imvo-assist --corpus C --index I ARGS...` in this process, with its exit code and output."""
    from imvo_assist.cli import main

    capsys.readouterr()
    with pytest.raises(SystemExit) as caught:
        main(["--corpus", str(settings.corpus), "--index", str(settings.index), *args])
    captured = capsys.readouterr()
    return Run(int(caught.value.code or 0), captured.out, captured.err)


def kill_group(process: subprocess.Popen[str]) -> None:
    """SIGKILL a process started with `start_new_session=True`, with its workers."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(10)
