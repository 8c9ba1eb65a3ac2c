"""What every screen of the app shares: texts in the interface language, and a failing worker
becomes a notification, not silence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.worker import Worker, WorkerState

from imvo_assist.tui.lang import counted, localise_bindings, tr

if TYPE_CHECKING:
    from imvo_assist.tui.app import ImvoApp


class ImvoScreen(Screen[None]):
    """A screen of imvo-assist (typed `app`; worker errors reported; one interface language)."""

    app: ImvoApp

    def tr(self, text: str, **values: object) -> str:
        """A Dutch interface text in the interface language."""
        return tr(text, self.app.language, **values)

    def counted(self, n: int, singular: str, plural: str) -> str:
        """ "1 bron", "2 bronnen" in the interface language."""
        return counted(n, singular, plural, self.app.language)

    def say(self, text: str, **values: object) -> str:
        """`tr` whose fields may be Dutch texts (translated too) or (singular, plural, n)
        nouns (counted): what a line that is shown again after a language change keeps."""
        fields = {
            name: self.counted(value[2], value[0], value[1]) if isinstance(value, tuple)
            else self.tr(value) if isinstance(value, str) else value
            for name, value in values.items()
        }
        return self.tr(text, **fields)

    def _warn(self, text: str) -> None:
        """A warning notification: an interface text in the interface language."""
        self.notify(self.tr(text), severity="warning", markup=False)

    def relabel(self) -> None:
        """Show the screen's fixed texts in the interface language (on mount, and again when
        the language changes); screens extend this with their titles and placeholders."""
        localise_bindings(self, self.app.language)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.app.report_error(f"{event.worker.name}: {event.worker.error}")
