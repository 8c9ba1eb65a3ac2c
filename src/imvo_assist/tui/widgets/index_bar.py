"""The progress bar shown while the index is built or refreshed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from imvo_assist.tui.lang import language_of, tr
from imvo_assist.tui.text import plain


class IndexBar(Horizontal):
    """'Index bijwerken' with a bar and the file being read; hidden when the index is ready."""

    DEFAULT_CSS = """
    IndexBar { height: 1; padding: 0 1; }
    IndexBar Label { width: auto; padding-right: 1; }
    IndexBar #index-file { color: $text-muted; width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Label(id="index-label")
        # No ETA: file sizes vary too much for it to mean anything (and snapshots stay stable).
        yield ProgressBar(id="index-progress", show_eta=False)
        yield Label("", id="index-file", markup=False)

    def relabel(self) -> None:
        """The label in the interface language."""
        self.query_one("#index-label", Label).update(tr("Index bijwerken", language_of(self.app)))

    def update_progress(self, done: int, total: int, name: str = "") -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        self.query_one("#index-file", Label).update(plain(name[-40:]))
