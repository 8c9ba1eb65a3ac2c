"""The document viewer: one printed page at a time, the cited passage highlighted.

Pages are read in a worker (`library.page`). Register facts (passages of the bundled register
whose document is not in the corpus) have no pages to turn: the viewer shows the fact itself,
its citation and the official URL where the original can be found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.events import DescendantFocus
from textual.widgets import Footer, Header, Static

from imvo_assist.tui.screens.base import ImvoScreen
from imvo_assist.tui.text import assemble, plain, safe
from imvo_assist.tui.widgets import PassageView

if TYPE_CHECKING:
    from imvo_assist.models import Hit, Passage

REGISTER_NOTE = (
    "Gegeven uit het meegeleverde register: het document zelf staat niet in het corpus. "
    "Haal het op via de officiële URL hieronder (of `imvo-assist fetch`)."
)


@dataclass
class Page:
    """What the viewer shows: a document's page with the citation string of each passage."""

    title: str
    label: str
    pdf_page: int
    passages: list[Passage]
    cites: list[str]
    labels: list[str] = field(default_factory=list)
    """Every printed page label of the document, in order (empty for a register fact)."""
    url: str = ""


class DocumentScreen(ImvoScreen):
    """Read a document page by page; n/p turn pages, g goes to a printed page."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace", "app.pop_screen", "Terug"),
        Binding("n,right", "turn(1)", "Volgende"),
        Binding("p,left", "turn(-1)", "Vorige"),
        Binding("g", "goto", "Ga naar p."),
        Binding("c", "copy", "Kopieer"),
        Binding("o", "open_url", "Open URL", show=False),
    ]

    def __init__(
        self, doc_id: str, page: str, passage_id: str = "", hit: Hit | None = None, cite: str = ""
    ) -> None:
        super().__init__()
        self.doc_id = doc_id
        self.label = page
        self.passage_id = passage_id
        self.hit = hit
        self.cite = cite
        self.page: Page | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="doc-title", markup=False)
        yield Static("", id="doc-page", markup=False)
        yield VerticalScroll(id="page-body")
        yield Static("", id="cite-line", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.relabel()
        self.query_one("#doc-title", Static).update(plain(self.doc_id))
        self.load(self.label)

    def relabel(self) -> None:
        super().relabel()
        if self.page is not None:
            self._show(self.page)

    @work(thread=True, exclusive=True, group="page", exit_on_error=False)
    def load(self, label: str) -> None:
        """Read one printed page (all labels too, the first time) and show it."""
        from imvo_assist.answer.citations import cite_string
        from imvo_assist.errors import ImvoError

        library = self.app.library
        if library is None:
            self.app.call_from_thread(self._error, self.tr("De index is nog niet klaar."))
            return
        try:
            if self.hit is not None and self.hit.source == "register":
                page = _register_page(self.hit, self.cite)
            else:
                if not label:  # a citation of a whole document (coverage): open its first page
                    label = next(iter(_labels(library.passages_of(self.doc_id))), label)
                document, passages = library.page(self.doc_id, label)
                labels = (
                    self.page.labels if self.page else _labels(library.passages_of(self.doc_id))
                )
                cites = [
                    self.cite if p.id == self.passage_id and self.cite
                    else cite_string(library.hit(p), library.documents)
                    for p in passages
                ]
                page = Page(
                    document.title or self.doc_id, label,
                    passages[0].pdf_page if passages else 0, passages, cites, labels, document.url,
                )
        except ImvoError as exc:
            self.app.call_from_thread(self._error, str(exc))
            return
        except Exception as exc:  # noqa: BLE001 (a broken record must not take the UI down)
            failed = self.tr("Pagina niet te tonen: {error}", error=exc)
            self.app.call_from_thread(self._error, failed)
            return
        self.app.call_from_thread(self._show, page)

    def _error(self, error: str) -> None:
        self.notify(safe(error), title=self.tr("Document"), severity="error", markup=False)

    def _show(self, page: Page) -> None:
        self.page = page
        self.label = page.label
        self.query_one("#doc-title", Static).update(
            assemble((page.title, "bold"), (f"  ({self.doc_id})", "$text-muted"))
        )
        self.query_one("#doc-page", Static).update(self._page_line(page))
        body = self.query_one("#page-body", VerticalScroll)
        body.remove_children()
        views = [
            PassageView(p, cite, cited=p.id == self.passage_id, language=self.app.language)
            for p, cite in zip(page.passages, page.cites)
        ]
        if self.hit is not None and self.hit.source == "register":
            note = plain(self.tr(REGISTER_NOTE), "italic $text-muted")
            body.mount(Static(note, classes="note"))
        body.mount_all(views)
        target = next((v for v in views if v.has_class("-cited")), views[0] if views else None)
        if target is not None:
            target.focus(scroll_visible=False)
            self.call_after_refresh(body.scroll_to_widget, target, animate=False, top=True)
            self._cite_line(target)
        else:
            body.mount(Static(self.tr("Geen tekst op deze pagina."), classes="note", markup=False))

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        if isinstance(event.widget, PassageView):
            self._cite_line(event.widget)

    def _cite_line(self, view: PassageView) -> None:
        self.query_one("#cite-line", Static).update(plain(view.cite))

    @property
    def focused_passage(self) -> PassageView | None:
        """The passage `c` copies: the focused one, else the cited one."""
        if isinstance(self.focused, PassageView):
            return self.focused
        return next(iter(self.query(".-cited").results(PassageView)), None)

    def action_copy(self) -> None:
        view = self.focused_passage
        if view is not None:
            self.app.copy_citation(view.cite, view.passage.text)

    def action_open_url(self) -> None:
        if self.page and self.page.url:
            self.app.open_url(self.page.url)

    def action_turn(self, step: int) -> None:
        if not self.page or not self.page.labels:
            self.app.bell()
            return
        labels = self.page.labels
        position = labels.index(self.label) + step if self.label in labels else 0
        if 0 <= position < len(labels):
            self.load(labels[position])
        else:
            self.app.bell()

    def action_goto(self) -> None:
        if not self.page or not self.page.labels:
            self.app.bell()
            return
        from imvo_assist.tui.dialogs import GotoPageDialog

        def go(label: str | None) -> None:
            if label and self.page and label in self.page.labels:
                self.load(label)
            elif label:
                labels = _shown(self.page.labels if self.page else [])
                self.notify(
                    safe(self.tr("Geen pagina {label}. Pagina's: {labels}", label=repr(label),
                                 labels=labels)),
                    severity="warning", markup=False,
                )

        self.app.push_screen(GotoPageDialog(self.label, self.app.language), go)

    def _page_line(self, page: Page) -> Content:
        parts: list[str | tuple[str, str]] = [(f"{self.tr('p.')} {page.label}", "bold $accent")]
        if page.pdf_page:
            parts.append("  " + self.tr("(pdf-pagina {page})", page=page.pdf_page))
        if page.labels and page.label in page.labels:
            where = self.tr("pagina {n} van {total}", n=page.labels.index(page.label) + 1,
                            total=len(page.labels))
            parts.append((f"  · {where}", "$text-muted"))
        elif not page.labels:
            parts.append((f"  · {self.tr('registergegeven')}", "$text-muted"))
        if page.url:  # the one key the footer has no room for
            parts.append((f"  · {self.tr('o opent de officiële URL')}", "$text-muted"))
        return assemble(*parts)


def _labels(passages: list[Passage]) -> list[str]:
    return list(dict.fromkeys(p.page_label for p in passages))


def _register_page(hit: Hit, cite: str) -> Page:
    p = hit.passage
    return Page(hit.title, p.page_label, p.pdf_page, [p], [cite or hit.title], [], hit.url)


def _shown(labels: list[str], limit: int = 12) -> str:
    if len(labels) <= limit:
        return ", ".join(labels)
    return ", ".join(labels[: limit // 2]) + " … " + ", ".join(labels[-limit // 2 :])
