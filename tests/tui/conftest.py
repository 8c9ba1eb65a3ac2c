"""Fixtures of the TUI tests (helpers live in `tui_support.py`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from imvo_assist.settings import Settings
from imvo_assist.tui.app import ImvoApp


@pytest.fixture(autouse=True)
def no_clipboard_tools(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A PATH without clipboard tools: copying in a test never reaches the real clipboard
    (a test puts its own fake tool in this folder)."""
    folder = tmp_path_factory.mktemp("bin")
    monkeypatch.setenv("PATH", str(folder))
    return folder


@pytest.fixture(autouse=True)
def working_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run each TUI test in a folder of its own: saved clippings and exports land there, never
    in the checkout."""
    folder = tmp_path_factory.mktemp("cwd")
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def make_app(indexed: Settings) -> Callable[[], ImvoApp]:
    """A new app over the shared, already indexed test corpus."""
    return lambda: ImvoApp(indexed)
