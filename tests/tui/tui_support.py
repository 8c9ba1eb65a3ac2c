"""Helpers shared by the TUI tests: settling workers, asking, steady cursors."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

ELECTRONICS = "Welke risico's gelden voor elektronica?"
SIZES = [pytest.param((120, 40), id="120x40"), pytest.param((80, 24), id="80x24")]


async def settle(pilot: Pilot) -> None:
    """Wait until every worker is done and the messages they posted are handled; no worker
    may have failed."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    assert not getattr(pilot.app, "errors", []), pilot.app.errors  # type: ignore[attr-defined]


async def ask(pilot: Pilot, question: str) -> None:
    """Put a question in the question box and submit it."""
    box = pilot.app.screen.query_one("#question", Input)
    box.focus()
    box.value = question
    await pilot.press("enter")
    await settle(pilot)


def no_blink(pilot: Pilot) -> None:
    """Stop the cursors blinking so screenshots do not depend on timing."""
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
