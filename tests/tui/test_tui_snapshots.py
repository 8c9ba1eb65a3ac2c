"""Snapshots of the main (answer view), document, sources (register table), matrix and help
screens at 80x24 and 120x40.

Update with `uv run pytest tests/tui/test_tui_snapshots.py --snapshot-update` and look at the
SVGs in `__snapshots__/` before committing them.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from tui_support import ELECTRONICS, SIZES, ask, no_blink, settle


async def answered(pilot: Pilot) -> None:
    await settle(pilot)
    await ask(pilot, ELECTRONICS)
    no_blink(pilot)


async def reading_citation_one(pilot: Pilot) -> None:
    await answered(pilot)
    await pilot.press("1")
    await settle(pilot)


async def register_filtered(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("f2", *"SOMO")
    await settle(pilot)
    no_blink(pilot)


async def matrix_counted(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("f3")
    await settle(pilot)


async def help_shown(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("f1")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    "run_before",
    [
        pytest.param(answered, id="main"),
        pytest.param(reading_citation_one, id="document"),
        pytest.param(register_filtered, id="sources"),
        pytest.param(matrix_counted, id="matrix"),
        pytest.param(help_shown, id="help"),
    ],
)
def test_screen(snap_compare, make_app, run_before, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=run_before)
