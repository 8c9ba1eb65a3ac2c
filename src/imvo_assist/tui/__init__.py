"""The Textual terminal UI (the only package that imports textual)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from imvo_assist.settings import Settings


def run_app(settings: Settings) -> None:
    """Open the terminal UI on a corpus."""
    from imvo_assist.tui.app import ImvoApp

    ImvoApp(settings).run()
