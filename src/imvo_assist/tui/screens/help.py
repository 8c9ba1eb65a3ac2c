"""The help screen: the keys, as Markdown kept beside this module (help.md, help.en.md)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Markdown

from imvo_assist.tui.screens.base import ImvoScreen

HELP = {"nl": Path(__file__).with_name("help.md"), "en": Path(__file__).with_name("help.en.md")}


class HelpScreen(ImvoScreen):
    """Keys and what the screens do."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1,question_mark", "app.pop_screen", "Terug"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help-body"):
            yield Markdown(id="help")
        yield Footer()

    def on_mount(self) -> None:
        self.relabel()
        self.query_one("#help-body").focus()

    def relabel(self) -> None:
        super().relabel()
        text = HELP[self.app.language].read_text(encoding="utf-8")
        self.query_one(Markdown).update(text)
