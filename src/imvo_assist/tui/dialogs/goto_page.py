"""A small dialog asking for a printed page label."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from imvo_assist.tui.lang import localise_bindings, tr


class GotoPageDialog(ModalScreen[str | None]):
    """Returns the printed page typed (labels like "iv" or "134"), or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Annuleer")]

    def __init__(self, current: str = "", language: str = "nl") -> None:
        super().__init__()
        self.current = current
        self.language = language

    def compose(self) -> ComposeResult:
        with Vertical(id="goto-dialog"):
            yield Label(tr("Ga naar gedrukte pagina", self.language))
            placeholder = self.current or tr("bv. 22", self.language)
            yield Input(value="", placeholder=placeholder, id="goto-page")

    def on_mount(self) -> None:
        localise_bindings(self, self.language)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
