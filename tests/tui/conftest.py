"""Fixtures of the TUI tests (helpers live in `tui_support.py`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from imvo_assist.settings import Settings
from imvo_assist.tui.app import ImvoApp


@pytest.fixture
def make_app(indexed: Settings) -> Callable[[], ImvoApp]:
    """A new app over the shared, already indexed test corpus."""
    return lambda: ImvoApp(indexed)
