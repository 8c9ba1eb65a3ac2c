"""Shared fixtures: isolated data dirs, the shared test corpus, and one indexed copy of it.

Tests never touch the user's data directory or the network: `IMVO_ASSIST_DATA` and
`IMVO_ASSIST_CORPUS` point into pytest's temporary folders for every test.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from imvo_assist.settings import Settings, make_settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
HOSTILE = SHARED / "corpus-hostile"
LETTER_PDF = CORPUS / "kamerbrief-2014-11-19-sra.pdf"


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real user data folder and corpus."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("IMVO_ASSIST_DATA", str(data))
    monkeypatch.setenv("IMVO_ASSIST_CORPUS", str(CORPUS))


@pytest.fixture(scope="session")
def corpus_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A read-only-by-convention copy of the shared test corpus (built once)."""
    target = tmp_path_factory.mktemp("corpus") / "corpus"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture(scope="session")
def indexed(tmp_path_factory: pytest.TempPathFactory, corpus_copy: Path) -> Settings:
    """Settings of the shared test corpus with its index built once per session."""
    from imvo_assist.library import refresh

    settings = make_settings(corpus_copy, tmp_path_factory.mktemp("index") / "ix")
    report = refresh(settings)
    assert report.indexed, report.files
    return settings


@pytest.fixture
def fresh_corpus(tmp_path: Path) -> Path:
    """An empty corpus folder of this test's own."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    return folder


@dataclass
class Run:
    """What one in-process `imvo-assist` command did."""

    code: int
    out: str
    err: str

    def json(self) -> object:
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
