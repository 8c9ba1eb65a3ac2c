"""The Textual application: owns the library, the question history and navigation between screens.

The index is opened (built or refreshed first when the corpus changed) in a thread worker that
posts coalescing `IndexProgress` messages to the main screen; the UI is usable meanwhile and a
question asked early is answered as soon as the index is ready. All domain work is done by
`library.py`; screens are imported when first shown so a cold start loads little.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.worker import Worker, WorkerState

from imvo_assist.tui.commands import ImvoCommands
from imvo_assist.tui.messages import IndexFailed, IndexProgress, IndexReady
from imvo_assist.tui.screens.main import MainScreen
from imvo_assist.tui.text import clipping, export_name, safe

if TYPE_CHECKING:
    from textual.screen import Screen

    from imvo_assist.library import Library
    from imvo_assist.models import Answer, Hit
    from imvo_assist.settings import Settings
    from imvo_assist.catalogue.vocabulary import Vocabulary

STYLES = ["app", "main", "document", "sources", "matrix", "search", "help"]
THEMES = ("textual-dark", "textual-light")


class ImvoApp(App[None]):
    """imvo-assist in the terminal: ask, read the passage, check the source, copy the citation."""

    TITLE = "imvo-assist"
    SUB_TITLE = "IMVO-beleid met bronvermelding"
    CSS_PATH: ClassVar[list[str]] = [f"styles/{name}.tcss" for name in STYLES]
    COMMANDS = App.COMMANDS | {ImvoCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help"),
        Binding("question_mark", "help", "Help", show=False),
        Binding("f2", "sources", "Bronnen"),
        Binding("f3", "matrix", "Matrix"),
        Binding("f4", "search", "Zoek"),
        Binding("f5", "documents", "Documenten", show=False),
        Binding("ctrl+t", "toggle_theme", "Thema", show=False),
    ]

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
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
        self.prepare_index()

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
            self.main.post_message(IndexFailed(f"De index kon niet worden geopend: {exc}"))
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
        self.push_screen(screen_type(*args))

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

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    def report_error(self, error: str) -> None:
        """Tell the user about an unexpected error (a bug), keeping the UI running."""
        self.errors.append(error)
        self.notify(safe(error), title="Fout", severity="error", markup=False, timeout=10)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.report_error(f"{event.worker.name}: {event.worker.error}")

    # Citations and export -----------------------------------------------------------------

    def copy_citation(self, cite: str, passage: str) -> None:
        """Copy a citation string with its quoted passage to the clipboard."""
        self.copy_to_clipboard(clipping(cite, passage))
        self.notify(safe(cite), title="Citaat gekopieerd", markup=False)

    def export_answer(self, answer: Answer, folder: Path | None = None) -> Path | None:
        """Write an answer with its citations as Markdown in the current directory.

        Returns:
            The file written, or None when it could not be written (the user is told why).
        """
        from imvo_assist.cli.output import answer_markdown

        target = (folder or Path.cwd()) / export_name()
        stem, suffix = target.stem, target.suffix
        number = 2
        while target.exists():
            target = target.with_name(f"{stem}-{number}{suffix}")
            number += 1
        try:
            target.write_text(answer_markdown(answer), encoding="utf-8")
        except OSError as exc:
            self.notify(safe(f"Exporteren mislukt: {exc}"), severity="error", markup=False)
            return None
        self.notify(safe(str(target)), title="Antwoord geëxporteerd", markup=False)
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
    names += [str(d.get("title", "")) for d in library.documents.values()]
    return tuple(dict.fromkeys(n for n in names if n))
