"""The main screen: question box, index progress, the answer and its numbered citations."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Input, Static

from imvo_assist.tui.messages import CitationSelected, IndexFailed, IndexProgress, IndexReady
from imvo_assist.tui.screens.base import ImvoScreen
from imvo_assist.tui.text import plain, safe
from imvo_assist.tui.widgets import AnswerView, CitationList, IndexBar, QuestionInput

if TYPE_CHECKING:
    from imvo_assist.models import Answer

READY_HINT = "1-9 opent een bron · c kopieert · e exporteert · / nieuwe vraag"
PLACEHOLDER = "Stel een vraag (in het Nederlands of Engels)"
OPENING = "Index wordt geopend…"


class MainScreen(ImvoScreen):
    """Ask a question, read the cited answer, open a citation."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_question", "Vraag", show=False),
        Binding("escape", "focus_question", "Vraag", show=False),
        Binding("c", "copy", "Kopieer"),
        Binding("e", "export", "Export"),
        *(Binding(str(n), f"open_citation({n})", f"Bron {n}", show=False) for n in range(1, 10)),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.answer: Answer | None = None
        self._pending: str | None = None
        self._status_line: tuple[str, bool, dict[str, object]] = (OPENING, False, {})
        """The status line as (text, literal, fields), shown again when the language changes."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield QuestionInput(self.app.history, id="question")
        yield IndexBar(id="index-bar")
        yield AnswerView(id="answer")
        yield CitationList(id="citations")
        yield Static("", id="status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.relabel()
        self.query_one("#citations").display = False
        self.query_one(QuestionInput).focus()

    def relabel(self) -> None:
        super().relabel()
        self.query_one(QuestionInput).placeholder = self.tr(PLACEHOLDER)
        self.query_one("#citations").border_title = self.tr("Bronnen")
        self.query_one(IndexBar).relabel()
        self.query_one(AnswerView).relabel()
        self.query_one(CitationList).relabel()
        text, literal, values = self._status_line
        self._status(text, literal, **values)

    # Index ---------------------------------------------------------------------------------

    def on_index_progress(self, message: IndexProgress) -> None:
        if message.total:
            self.query_one(IndexBar).update_progress(message.done, message.total, message.name)
            self._status(
                "Index bijwerken: {done} van {total} bestanden",
                done=message.done, total=message.total,
            )

    def on_index_ready(self, message: IndexReady) -> None:
        self.query_one(IndexBar).display = False
        self.query_one(QuestionInput).set_names(message.terms)
        n = message.documents
        self._status("Klaar: {files} in de index.", files=("bestand", "bestanden", n))
        if self._pending:
            question, self._pending = self._pending, None
            self.ask(question)

    def on_index_failed(self, message: IndexFailed) -> None:
        self.query_one(IndexBar).display = False
        self._status(message.error, literal=True)
        self.notify(safe(message.error), title="Index", severity="error", markup=False, timeout=10)

    # Asking --------------------------------------------------------------------------------

    @on(Input.Submitted, "#question")
    def _submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.ask(event.value.strip())

    def ask(self, question: str) -> None:
        """Answer a question in a worker (or as soon as the index is ready)."""
        box = self.query_one(QuestionInput)
        box.value = question
        box.remember(question)
        if self.app.library is None:
            self._pending = question
            self._status("De vraag wordt beantwoord zodra de index klaar is.")
            return
        self.query_one(AnswerView).loading = True
        self._status("Bezig met antwoorden…")
        self._answer(question)

    @work(thread=True, exclusive=True, group="ask", exit_on_error=False)
    def _answer(self, question: str) -> None:
        from textual.worker import get_current_worker

        from imvo_assist.errors import ImvoError

        library = self.app.library
        assert library is not None
        try:
            answer = library.ask(question)
        except ImvoError as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        except Exception as exc:  # noqa: BLE001 (an engine bug must not take the UI down)
            self.app.call_from_thread(self._failed, self.tr("Geen antwoord: {error}", error=exc))
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_answer, answer)

    def _failed(self, error: str) -> None:
        self.query_one(AnswerView).loading = False
        self._status(error, literal=True)
        self.notify(safe(error), severity="error", markup=False)

    def show_answer(self, answer: Answer) -> None:
        """Show an answer and its citations; the citations get the focus."""
        self.answer = answer
        self.app.answered_in(answer.language)
        view = self.query_one(AnswerView)
        view.loading = False
        view.show(answer)
        citations = self.query_one(CitationList)
        citations.show(answer.citations)
        citations.display = bool(answer.citations)
        if answer.citations:
            citations.focus()
            self._status(
                "{sources} · {hint}", sources=("bron", "bronnen", len(answer.citations)),
                hint=READY_HINT,
            )
        else:
            self._status("Niets gevonden. Probeer andere woorden of F4 om te zoeken.")

    # Citations -----------------------------------------------------------------------------

    def on_citation_selected(self, message: CitationSelected) -> None:
        hit = message.citation.hit
        self.app.open_passage(
            hit.passage.doc_id, hit.passage.page_label, hit.passage.id, hit=hit,
            cite=message.citation.cite,
        )

    def action_open_citation(self, n: int) -> None:
        self.query_one(CitationList).action_open(n)

    def action_focus_question(self) -> None:
        self.query_one(QuestionInput).focus()

    def action_copy(self) -> None:
        citation = self.query_one(CitationList).current
        if citation is None:
            self._warn("Nog geen citaat om te kopiëren.")
            return
        self.app.copy_citation(citation.cite, citation.hit.passage.text)

    def action_export(self) -> None:
        if self.answer is None:
            self._warn("Nog geen antwoord om te exporteren.")
            return
        self.app.export_answer(self.answer)

    def _status(self, text: str, literal: bool = False, **values: object) -> None:
        """Show a status line: an interface text with fields (see `say`), or `literal` text."""
        self._status_line = (text, literal, values)
        shown = text if literal else self.say(text, **values)
        self.query_one("#status", Static).update(plain(shown))
