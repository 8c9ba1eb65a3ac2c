"""What every screen of the app shares: a failing worker becomes a notification, not silence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    from imvo_assist.tui.app import ImvoApp


class ImvoScreen(Screen[None]):
    """A screen of imvo-assist (typed `app`; worker errors reported)."""

    app: ImvoApp

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.app.report_error(f"{event.worker.name}: {event.worker.error}")
