"""The Textual application: a question box and a cited answer over the corpus index.

The index is built or refreshed in a thread worker when the app starts; questions are
answered in a worker too, so the UI never freezes. Domain work is done by `library.py`.
"""

from __future__ import annotations

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Input, Static

from imvo_assist.errors import ImvoError
from imvo_assist.settings import Settings


class ImvoApp(App[None]):
    """imvo-assist in the terminal."""

    TITLE = "imvo-assist"
    SUB_TITLE = "IMVO-beleid met bronvermelding"
    CSS_PATH = ["styles/app.tcss"]
    BINDINGS = [Binding("ctrl+q", "quit", "Quit")]

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.library = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Stel een vraag / ask a question", id="question")
        with VerticalScroll(id="answer-pane"):
            yield Static("", id="answer", markup=False)
        yield Static("", id="status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#question", Input).focus()
        self.prepare_index()

    @work(thread=True, exclusive=True, group="index")
    def prepare_index(self) -> None:
        """Open the index, building or refreshing it first when the corpus changed."""
        from imvo_assist.library import open_library

        self.call_from_thread(self._status, "Index wordt bijgewerkt…")
        try:
            library = open_library(self.settings, progress=self._progress)
        except ImvoError as exc:
            self.call_from_thread(self._status, str(exc))
            return
        self.library = library
        self.call_from_thread(self._status, "Klaar.")

    def _progress(self, done: int, total: int, name: str) -> None:
        self.call_from_thread(self._status, f"Indexeren {done}/{total} {name}")

    def _status(self, text: str) -> None:
        self.query_one("#status", Static).update(text)

    @on(Input.Submitted, "#question")
    def ask(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.answer(event.value)

    @work(thread=True, exclusive=True, group="ask")
    def answer(self, question: str) -> None:
        """Answer a question in a thread and show it as plain text."""
        if self.library is None:
            self.call_from_thread(self._status, "De index is nog niet klaar.")
            return
        try:
            answer = self.library.ask(question)
        except ImvoError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error")
            return
        from imvo_assist.output import answer_markdown

        self.call_from_thread(self.query_one("#answer", Static).update, answer_markdown(answer))
