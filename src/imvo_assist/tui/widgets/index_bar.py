"""The progress bar shown while the index is built or refreshed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from imvo_assist.tui.text import plain


class IndexBar(Horizontal):
    """'Index bijwerken' with a bar and the file being read; hidden when the index is ready."""

    DEFAULT_CSS = """
    IndexBar { height: 1; padding: 0 1; }
    IndexBar Label { width: auto; padding-right: 1; }
    IndexBar #index-file { color: $text-muted; width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Label("Index bijwerken")
        # No ETA: file sizes vary too much for it to mean anything (and snapshots stay stable).
        yield ProgressBar(id="index-progress", show_eta=False)
        yield Label("", id="index-file", markup=False)

    def update_progress(self, done: int, total: int, name: str = "") -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        self.query_one("#index-file", Label).update(plain(name[-40:]))
