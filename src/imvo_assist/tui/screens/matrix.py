"""The overview: sectors x risk themes, each cell the number of passages tagged with both.

Counted once per session in a worker (rows appear as they are done) and kept on the app.
Selecting a cell answers "which risks of this theme apply to this sector" on the main screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from imvo_assist.tui.screens.base import ImvoScreen
from imvo_assist.tui.text import assemble, plain

if TYPE_CHECKING:
    from imvo_assist.catalogue.vocabulary import Risk, Sector

# Counting stops here: the overview shows where evidence is, not exact totals ("99+").
COUNT_LIMIT = 99
LABEL_WIDTH = 10


class MatrixScreen(ImvoScreen):
    """A navigable sector x risk table; Enter opens the answer for the cell."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Terug")]

    def __init__(self) -> None:
        super().__init__()
        self.sectors: list[Sector] = []
        self.risks: list[Risk] = []
        self.counts: dict[tuple[str, str], int] = {}
        """Counts of the rows shown so far."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Passages per sector en risicothema", id="matrix-title", markup=False)
        table: DataTable[Text] = DataTable(id="matrix", cursor_type="cell", fixed_columns=1)
        yield table
        yield Static("", id="matrix-cell", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        vocabulary = self.app.vocabulary
        self.sectors = list(vocabulary.sectors)
        self.risks = list(vocabulary.risks)
        table = self.query_one(DataTable)
        table.add_column(Text("Sector"), key="sector")
        for risk in self.risks:
            table.add_column(Text(_short(risk.name_nl), justify="right"), key=risk.id)
        table.focus()
        if self.app.matrix_counts is not None:
            for sector in self.sectors:
                self._add_row(sector, self.app.matrix_counts)
            self._describe(0, 1)
        else:
            self.count()

    @work(thread=True, exclusive=True, group="matrix", exit_on_error=False)
    def count(self) -> None:
        """Count the passages of every sector x risk pair, row by row."""
        from textual.worker import get_current_worker

        library = self.app.library
        if library is None:
            self.app.call_from_thread(self._title, "De index is nog niet klaar.")
            return
        counts = library.sector_risk_counts()
        worker = get_current_worker()
        for done, sector in enumerate(self.sectors, start=1):
            if worker.is_cancelled:
                return
            self.app.call_from_thread(self._add_row, sector, counts)
            self.app.call_from_thread(
                self._title, f"Passages per sector en risicothema ({done}/{len(self.sectors)})"
            )
        self.app.matrix_counts = counts
        self.app.call_from_thread(self._title, "Passages per sector en risicothema")

    def _add_row(self, sector: Sector, counts: dict[tuple[str, str], int]) -> None:
        table = self.query_one(DataTable)
        cells = [Text(sector.name_nl, style="bold")]
        for risk in self.risks:
            n = counts.get((sector.id, risk.id), 0)
            self.counts[(sector.id, risk.id)] = n
            shown = f"{COUNT_LIMIT}+" if n >= COUNT_LIMIT else str(n) if n else "·"
            cells.append(Text(shown, justify="right", style="" if n else "dim"))
        table.add_row(*cells, key=sector.id)
        if table.row_count == 1:
            table.move_cursor(row=0, column=1)
            self._describe(0, 1)

    def _title(self, text: str) -> None:
        self.query_one("#matrix-title", Static).update(plain(text))

    @on(DataTable.CellHighlighted, "#matrix")
    def _highlighted(self, event: DataTable.CellHighlighted) -> None:
        self._describe(event.coordinate.row, event.coordinate.column)

    def _describe(self, row: int, column: int) -> None:
        if not (0 <= row < len(self.sectors)) or not self.risks:
            return
        sector = self.sectors[row]
        if column < 1:
            text = assemble((sector.name_nl, "bold"), " · Enter: alle risico's van de sector")
        else:
            risk = self.risks[column - 1]
            n = self.counts.get((sector.id, risk.id))
            number = "" if n is None else f": {n} passages"
            text = assemble(
                (sector.name_nl, "bold"), " × ", (risk.name_nl, "bold"), f" ({risk.category})",
                number, ("  · Enter: antwoord", "$text-muted"),
            )
        self.query_one("#matrix-cell", Static).update(text)

    @on(DataTable.CellSelected, "#matrix")
    def _selected(self, event: DataTable.CellSelected) -> None:
        row, column = event.coordinate.row, event.coordinate.column
        if not 0 <= row < len(self.sectors):
            return
        sector = self.sectors[row].name_nl.lower()
        if column < 1:
            self.app.ask(f"Welke risico's gelden voor {sector}?")
        else:
            risk = self.risks[column - 1].name_nl.lower()
            self.app.ask(f"Welke risico's op {risk} gelden voor {sector}?")


def _short(name: str) -> str:
    """A column label: the risk name cut to fit (the full name is shown under the table)."""
    return name if len(name) <= LABEL_WIDTH else name[: LABEL_WIDTH - 1].rstrip() + "…"
