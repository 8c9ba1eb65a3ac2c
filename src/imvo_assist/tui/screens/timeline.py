"""The policy timeline: dated events of the register and the indexed documents, in order.

Each row is an event (a document's date, a covenant signed or ended, a date written in a
passage); the highlighted event's citation, confidence, other dates and links are shown below.
Enter on a date written in a passage opens that passage.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from imvo_assist.overview.render import LABELS
from imvo_assist.overview.timeline import Event
from imvo_assist.tui.screens.base import ImvoScreen
from imvo_assist.tui.text import assemble, cell, plain

DATE_WIDTH = 30
WHAT_WIDTH = 70
CONFIDENCE_STYLE = {"verified": "green", "reported": "", "inferred": "yellow"}


class TimelineScreen(ImvoScreen):
    """The timeline as a table; the highlighted event in full below it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,f7", "app.pop_screen", "Terug")]

    def __init__(self, sector: str | None = None) -> None:
        super().__init__()
        self.sector = sector
        self.events: list[Event] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="timeline-title", markup=False)
        yield DataTable(id="timeline", cursor_type="row", zebra_stripes=True)
        yield Static("", id="timeline-event", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.relabel()

    def relabel(self) -> None:
        super().relabel()
        self._title(self.tr("Tijdlijn wordt opgebouwd…"))
        self.build(self.app.language)

    @work(thread=True, exclusive=True, group="timeline", exit_on_error=False)
    def build(self, language: str) -> None:
        """Collect the events in a worker, then show them."""
        from imvo_assist.errors import ImvoError

        library = self.app.library
        if library is None:
            self.app.call_from_thread(self._title, self.tr("De index is nog niet klaar."))
            return
        try:
            events = library.timeline(self.sector, language)
        except ImvoError as exc:
            self.app.call_from_thread(self._title, str(exc))
            return
        self.app.call_from_thread(self.show, events)

    def show(self, events: list[Event]) -> None:
        """Fill the table with the events, in date order."""
        self.events = events
        labels = LABELS[self.app.language]
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_columns(self.tr("datum"), self.tr("soort"), self.tr("wat"), self.tr("zekerheid"))
        for event in events:
            written = f" ({event.written})" if event.written else ""
            table.add_row(
                cell(event.span.iso() + written, DATE_WIDTH),
                cell(labels["types"][event.type]),
                cell(event.what, WHAT_WIDTH),
                cell(event.confidence, style=CONFIDENCE_STYLE.get(event.confidence, "")),
            )
        found = self.counted(len(events), "gebeurtenis", "gebeurtenissen")
        if self.sector:
            title = self.tr("Tijdlijn over {sector}: {events}", sector=self.sector, events=found)
        else:
            title = self.tr("Tijdlijn: {events}", events=found)
        self._title(title if events else labels["empty"])
        if events:
            self._describe(0)

    @on(DataTable.RowHighlighted, "#timeline")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._describe(event.cursor_row)

    def _describe(self, row: int) -> None:
        if not 0 <= row < len(self.events):
            return
        event = self.events[row]
        titles = {e.id: f"{e.what} ({e.span.iso()})" for e in self.events}
        note = f": {event.confidence_note}" if event.confidence_note else ""
        parts: list[str | tuple[str, str]] = [
            (event.what, "bold"),
            "\n",
            event.citation.cite,
            "\n",
            (f"{event.confidence}{note}", "$text-muted"),
        ]
        for other in event.other_dates:
            text = self.tr("Elders gedateerd: {date}", date=other["date"])
            parts += ["\n", f"{text} ({other['source_url']})"]
        if event.links:
            linked = "; ".join(titles.get(link, link) for link in event.links)
            parts += ["\n", self.tr("Verwijst naar: {events}", events=linked)]
        self.query_one("#timeline-event", Static).update(assemble(*parts))

    @on(DataTable.RowSelected, "#timeline")
    def _selected(self, event: DataTable.RowSelected) -> None:
        if not 0 <= event.cursor_row < len(self.events):
            return
        citation = self.events[event.cursor_row].citation
        if citation.source != "passage":
            self.app.bell()
            return
        self.app.open_passage(
            citation.doc_id, citation.page, citation.passage_id, cite=citation.cite
        )

    def _title(self, text: str) -> None:
        self.query_one("#timeline-title", Static).update(plain(text))
