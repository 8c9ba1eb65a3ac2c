"""The Textual terminal UI (the only package that imports textual)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from imvo_assist.settings import Settings


def run_app(settings: Settings, language: str | None = None) -> None:
    """Open the terminal UI on a corpus; `language` ("nl"/"en") fixes the interface language,
    None takes that of the first question."""
    from imvo_assist.tui.app import ImvoApp

    ImvoApp(settings, language).run()
