"""The help screen: the keys, as Markdown kept beside this module (help.md)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown

HELP = Path(__file__).with_name("help.md")


class HelpScreen(Screen[None]):
    """Keys and what the screens do."""

    BINDINGS = [Binding("escape,q,f1,question_mark", "app.pop_screen", "Terug")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help-body"):
            yield Markdown(HELP.read_text(encoding="utf-8"), id="help")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()
