"""The Textual application: owns the library, the question history and navigation between screens.

The index is opened (built or refreshed first when the corpus changed) in a thread worker that
posts coalescing `IndexProgress` messages to the main screen; the UI is usable meanwhile and a
question asked early is answered as soon as the index is ready. All domain work is done by
`library.py`; screens are imported when first shown so a cold start loads little. The app keeps
the interface language (`tui/lang.py`): chosen, or else the language of the first question.
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.worker import Worker, WorkerState

from imvo_assist.tui.clipboard import copy_with_tool
from imvo_assist.tui.commands import ImvoCommands
from imvo_assist.tui.lang import LANGUAGES, localise_bindings, tr
from imvo_assist.tui.messages import IndexFailed, IndexProgress, IndexReady
from imvo_assist.tui.screens.base import ImvoScreen
from imvo_assist.tui.screens.main import MainScreen
from imvo_assist.tui.text import clipping, export_name, safe, save_name

if TYPE_CHECKING:
    from textual.screen import Screen

    from imvo_assist.catalogue.vocabulary import Vocabulary
    from imvo_assist.library import Library
    from imvo_assist.models import Answer, Hit
    from imvo_assist.settings import Settings

STYLES = ["app", "main", "document", "sources", "matrix", "search", "help", "overview"]
THEMES = ("textual-dark", "textual-light")


class ImvoApp(App[None]):
    """imvo-assist in the terminal: ask, read the passage, check the source, copy the citation."""

    TITLE = "imvo-assist"
    SUB_TITLE = "IMVO-beleid met bronvermelding"
    CSS_PATH: ClassVar[list[str | PurePath]] = [f"styles/{name}.tcss" for name in STYLES]
    COMMANDS = App.COMMANDS | {ImvoCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help"),
        Binding("question_mark", "help", "Help", show=False),
        Binding("f2", "sources", "Bronnen"),
        Binding("f3", "matrix", "Matrix"),
        Binding("f4", "search", "Zoek"),
        Binding("f5", "documents", "Documenten", show=False),
        Binding("f6", "basket", "Mandje", show=False),
        Binding("f7", "timeline", "Tijdlijn", show=False),
        Binding("b", "basket_add", "In mandje", show=False),
        Binding("B", "basket_add(True)", "Antwoord in mandje", show=False),
        Binding("ctrl+t", "toggle_theme", "Thema", show=False),
        Binding("s", "save_clipping", "Bewaar", show=False),
    ]

    def __init__(self, settings: Settings, language: str | None = None) -> None:
        """`language` ("nl"/"en") fixes the interface language; None takes that of the first
        question."""
        super().__init__()
        self.settings = settings
        self.chosen_language: str | None = language if language in LANGUAGES else None
        """The interface language set by the user or taken from the first question."""
        self.clipped = ""
        """The text copied last (`s` saves it to a file)."""
        self.library: Library | None = None
        """The open library; None until the index worker is done."""
        self.history: list[str] = []
        """Questions asked in this session, oldest first."""
        self.errors: list[str] = []
        """Unexpected errors shown to the user in this session, latest last."""
        self.matrix_counts: dict[tuple[str, str], int] | None = None
        """Sector x risk passage counts, computed once by the overview screen."""
        self.main = MainScreen()

    def get_default_screen(self) -> Screen:
        return self.main

    def on_mount(self) -> None:
        localise_bindings(self, self.language)
        self.sub_title = self.tr(self.SUB_TITLE)
        self.prepare_index()

    # Interface language ---------------------------------------------------------------------

    @property
    def language(self) -> str:
        """The interface language: "nl" until chosen or until the first question is answered."""
        return self.chosen_language or "nl"

    def tr(self, text: str, **values: object) -> str:
        """A Dutch interface text in the interface language."""
        return tr(text, self.language, **values)

    def set_language(self, language: str) -> None:
        """Speak `language` from now on, on every open screen."""
        self.chosen_language = language
        localise_bindings(self, language)
        self.sub_title = self.tr(self.SUB_TITLE)
        for screen in self.screen_stack:
            if isinstance(screen, ImvoScreen):
                screen.relabel()

    def answered_in(self, language: str) -> None:
        """The first answered question sets the interface language, unless one was chosen."""
        if self.chosen_language is None and language in LANGUAGES:
            self.set_language(language)

    def action_switch_language(self) -> None:
        self.set_language("en" if self.language == "nl" else "nl")

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def prepare_index(self) -> None:
        """Open the index, building or refreshing it first when the corpus changed."""
        from textual.worker import get_current_worker

        from imvo_assist.errors import ImvoError
        from imvo_assist.library import open_library

        cancel = get_current_worker().cancelled_event  # quitting stops a first build at once
        try:
            library = open_library(self.settings, progress=self._progress, cancel=cancel)
            terms = _names(library, self.vocabulary)
            documents = len(library.files)
        except ImvoError as exc:
            self.main.post_message(IndexFailed(str(exc)))
            return
        except Exception as exc:  # noqa: BLE001 (never a traceback in the UI; the message says why)
            failed = self.tr("De index kon niet worden geopend: {error}", error=exc)
            self.main.post_message(IndexFailed(failed))
            return
        self.library = library
        self.main.post_message(IndexReady(documents, terms))

    def _progress(self, done: int, total: int, name: str) -> None:
        self.main.post_message(IndexProgress(done, total, name))

    @property
    def vocabulary(self) -> Vocabulary:
        """The bundled vocabulary (loaded once; call from a worker the first time)."""
        from imvo_assist.catalogue.loader import load_vocabulary

        return load_vocabulary()

    # Navigation ---------------------------------------------------------------------------

    def show_screen(self, screen_type: type[Screen], *args: object) -> None:
        """Bring a screen of this type to the top: pop back to it when it is open, else push."""
        if isinstance(self.screen, screen_type):
            return
        for index, screen in enumerate(self.screen_stack):
            if isinstance(screen, screen_type):
                while len(self.screen_stack) > index + 1:
                    self.pop_screen()
                return
        self.push_screen(screen_type(*args))  # type: ignore[arg-type]  # each screen's own arguments

    def ask(self, question: str) -> None:
        """Go back to the main screen and answer a question there."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.main.ask(question)

    def open_passage(
        self, doc_id: str, page: str, passage_id: str = "", hit: Hit | None = None, cite: str = ""
    ) -> None:
        """Open the document viewer at a printed page with a passage highlighted."""
        from imvo_assist.tui.screens.document import DocumentScreen

        self.push_screen(DocumentScreen(doc_id, page, passage_id, hit=hit, cite=cite))

    def action_help(self) -> None:
        from imvo_assist.tui.screens.help import HelpScreen

        self.show_screen(HelpScreen)

    def action_sources(self) -> None:
        from imvo_assist.tui.screens.sources import SourcesScreen

        self.show_screen(SourcesScreen)

    def action_matrix(self) -> None:
        from imvo_assist.tui.screens.matrix import MatrixScreen

        self.show_screen(MatrixScreen)

    def action_search(self) -> None:
        from imvo_assist.tui.screens.search import SearchScreen

        self.show_screen(SearchScreen)

    def action_documents(self) -> None:
        from imvo_assist.tui.screens.documents import DocumentsScreen

        self.show_screen(DocumentsScreen)

    def action_basket(self) -> None:
        from imvo_assist.tui.screens.basket import BasketScreen

        self.show_screen(BasketScreen)

    def action_timeline(self) -> None:
        from imvo_assist.tui.screens.timeline import TimelineScreen

        self.show_screen(TimelineScreen)

    def action_basket_add(self, whole: bool = False) -> None:
        """Add the focused citation (the whole answer when `whole` or when no citation has the
        focus) of the main screen's answer to the basket "default"."""
        from imvo_assist.basket import DEFAULT_BASKET, BasketError, add_citations
        from imvo_assist.tui.lang import counted
        from imvo_assist.tui.widgets import CitationList

        answer = self.main.answer if self.screen is self.main else None
        if answer is None or not answer.citations:
            message = self.tr("Nog geen antwoord met bronnen om in het mandje te leggen.")
            self.notify(message, severity="warning", markup=False)
            return
        focused = self.focused
        current = focused.current if isinstance(focused, CitationList) else None
        citations = [current] if current is not None and not whole else list(answer.citations)
        try:
            added, merged = add_citations(DEFAULT_BASKET, answer.question, citations, answer.language)
        except BasketError as exc:
            self.notify(safe(str(exc)), title=self.tr("Mandje"), severity="error", markup=False)
            return
        items = counted(added, "citaat", "citaten", self.language)
        message = (
            self.tr(
                "{items} toegevoegd, {merged} stond er al in (F6 toont het mandje).",
                items=items, merged=merged,
            )
            if merged else self.tr("{items} toegevoegd (F6 toont het mandje).", items=items)
        )
        self.notify(message, title=self.tr("Mandje"), markup=False)

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    def report_error(self, error: str) -> None:
        """Tell the user about an unexpected error (a bug), keeping the UI running."""
        self.errors.append(error)
        self.notify(safe(error), title=self.tr("Fout"), severity="error", markup=False, timeout=10)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.report_error(f"{event.worker.name}: {event.worker.error}")

    # Citations and export -----------------------------------------------------------------

    def copy_citation(self, cite: str, passage: str) -> None:
        """Copy a citation string with its quoted passage to the clipboard."""
        self.copy_text(clipping(cite, passage), self.tr("Citaat"))

    def copy_text(self, text: str, what: str) -> None:
        """Send text to the terminal (OSC 52) and to a clipboard tool; say where it went."""
        self.clipped = text
        self.copy_to_clipboard(text)
        self._copy_with_tool(text, what)

    @work(thread=True, group="clipboard", exit_on_error=False)
    def _copy_with_tool(self, text: str, what: str) -> None:
        tool = copy_with_tool(text)
        if tool:
            how = self.tr("naar het klembord via {tool}", tool=tool)
        else:
            how = self.tr("naar de terminal gestuurd (OSC 52); niet elke terminal neemt dit over")
        self.call_from_thread(
            self.notify, f"{how}\n{self.tr('s bewaart het in een bestand')}",
            title=f"{what} {self.tr('gekopieerd')}" if tool else what, markup=False,
        )

    def action_save_clipping(self) -> None:
        """Save the text copied last to a file in the current directory."""
        if not self.clipped:
            self.notify(self.tr("Nog niets gekopieerd."), severity="warning", markup=False)
            return
        self._write(save_name(), self.clipped, "Opslaan mislukt: {error}", "Opgeslagen")

    def export_answer(self, answer: Answer, folder: Path | None = None) -> Path | None:
        """Write an answer with its citations as Markdown in the current directory.

        Returns:
            The file written, or None when it could not be written (the user is told why).
        """
        from imvo_assist.cli.output import answer_markdown

        return self._write(
            export_name(), answer_markdown(answer), "Exporteren mislukt: {error}",
            "Antwoord geëxporteerd", folder,
        )

    def _write(
        self, name: str, text: str, failed: str, done: str, folder: Path | None = None
    ) -> Path | None:
        """Write a new file (a number added when the name is taken) and tell the user."""
        target = (folder or Path.cwd()) / name
        stem, suffix = target.stem, target.suffix
        number = 2
        while target.exists():
            target = target.with_name(f"{stem}-{number}{suffix}")
            number += 1
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as exc:
            self.notify(safe(self.tr(failed, error=exc)), severity="error", markup=False)
            return None
        self.notify(safe(str(target)), title=self.tr(done), markup=False)
        return target


def _names(library: Library, vocabulary: Vocabulary) -> tuple[str, ...]:
    """Names worth completing in the question box: vocabulary first, then document titles."""
    names: list[str] = []
    for sector in vocabulary.sectors:
        names += [sector.name_nl, sector.name_en]
    for risk in vocabulary.risks:
        names += [risk.name_nl, risk.name_en]
    for organisation in vocabulary.organisations:
        names += [organisation.name_nl, *organisation.abbreviations]
    names += [d.title for d in library.documents.values()]
    return tuple(dict.fromkeys(n for n in names if n))
