"""Covenants against the sector risks: one sector's risks (rows) and its covenants (columns).

Opened from the matrix (`v` on a sector). Each cell says whether the covenant names the risk
("genoemd") or does not name it in the text or theme list it was checked against; the
highlighted cell's citations are shown in full below, and Enter opens a cited passage.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from imvo_assist.overview.cited import Evidence
from imvo_assist.overview.coverage import Cell, Coverage
from imvo_assist.overview.render import Sources, cell_text
from imvo_assist.tui.screens.base import ImvoScreen
from imvo_assist.tui.text import assemble, cell, plain

STYLE = {"named": "green", "not_named": "yellow", "unknown": "dim"}
NAME_WIDTH = 28
COLUMN_WIDTH = 22


class CoverageScreen(ImvoScreen):
    """The coverage of one sector by its own covenants (and those of related sectors)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "app.pop_screen", "Terug")]

    def __init__(self, sector: str) -> None:
        super().__init__()
        self.sector = sector
        self.coverage: Coverage | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="coverage-title", markup=False)
        yield DataTable(id="coverage", cursor_type="cell", fixed_columns=1)
        yield Static("", id="coverage-cell", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self.relabel()

    def relabel(self) -> None:
        super().relabel()
        self._title(self.tr("Dekking wordt berekend…"))
        self.compute(self.app.language)

    @work(thread=True, exclusive=True, group="coverage", exit_on_error=False)
    def compute(self, language: str) -> None:
        """Check the sector's covenants in a worker, then show the table."""
        from imvo_assist.errors import ImvoError

        library = self.app.library
        if library is None:
            self.app.call_from_thread(self._title, self.tr("De index is nog niet klaar."))
            return
        try:
            [coverage] = library.coverage(self.sector, language)
        except ImvoError as exc:
            self.app.call_from_thread(self._title, str(exc))
            return
        self.app.call_from_thread(self.show, coverage)

    def show(self, coverage: Coverage) -> None:
        """Fill the table: a row per risk, a column per covenant."""
        self.coverage = coverage
        covenants = coverage.covenants + coverage.related_covenants
        title = self.tr(
            "{sector}: risico's volgens {source}",
            sector=coverage.sector_name,
            source=coverage.risks_from["title"],
        )
        if coverage.risks_from["examples"]:
            title += self.tr(" (onder andere: voorbeelden, geen volledige lijst)")
        if not covenants:
            title += self.tr(" · geen convenant van deze sector in het register of het corpus")
        self._title(title)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_column(Text(self.tr("Risico")), key="risk")
        for n, covenant in enumerate(covenants):
            apart = self.tr(" (verwant)") if n >= len(coverage.covenants) else ""
            table.add_column(cell(covenant.title + apart, COLUMN_WIDTH), key=covenant.id)
        for row in coverage.rows:
            cells = [cell(row.name, NAME_WIDTH, style="bold")]
            for item in row.cells + row.related_cells:
                related = self.tr(" +verwant") if item.related else ""
                cells.append(Text(self._status(item.status) + related, style=STYLE[item.status]))
            table.add_row(*cells, key=row.risk)
        if coverage.rows:
            table.move_cursor(row=0, column=1 if covenants else 0)
            self._describe(0, table.cursor_column)

    def _status(self, status: str) -> str:
        """A cell's status in a word or two."""
        if status == "named":
            return self.tr("genoemd")
        return self.tr("niet genoemd") if status == "not_named" else self.tr("niet getoetst")

    def _cell(self, row: int, column: int) -> tuple[Cell | None, list[Evidence]]:
        """The cell at a table position and the evidence to show for it."""
        if self.coverage is None or not 0 <= row < len(self.coverage.rows):
            return None, []
        found = self.coverage.rows[row]
        if column < 1:
            return None, [found.named_for_sector]
        cells = found.cells + found.related_cells
        item = cells[column - 1] if column - 1 < len(cells) else None
        return item, ([*item.citations, *(e for _, e in item.related)] if item else [])

    @on(DataTable.CellHighlighted, "#coverage")
    def _highlighted(self, event: DataTable.CellHighlighted) -> None:
        self._describe(event.coordinate.row, event.coordinate.column)

    def _describe(self, row: int, column: int) -> None:
        item, evidence = self._cell(row, column)
        if self.coverage is None or not evidence:
            return
        sources = Sources(self.coverage.language)
        parts: list[str | tuple[str, str]] = []
        if item is not None:
            everything = self.coverage.covenants + self.coverage.related_covenants
            covenant = next(c for c in everything if c.id == item.covenant)
            parts += [(f"{covenant.title}: ", "bold"), cell_text(item, covenant, sources), "\n"]
        for e in evidence:
            n = sources.number(e)
            quote = f' "{e.quote}"' if e.quote else ""
            note = f" ({e.note})" if e.note else ""
            parts += [(f"[{n}] ", "bold"), e.cite, (note, "$text-muted"), quote, "\n"]
        self.query_one("#coverage-cell", Static).update(assemble(*parts))

    @on(DataTable.CellSelected, "#coverage")
    def _selected(self, event: DataTable.CellSelected) -> None:
        _, evidence = self._cell(event.coordinate.row, event.coordinate.column)
        passage = next((e for e in evidence if e.source == "passage"), None)
        if passage is None:
            self.app.bell()
            return
        self.app.open_passage(passage.doc_id, passage.page, passage.passage_id, cite=passage.cite)

    def _title(self, text: str) -> None:
        self.query_one("#coverage-title", Static).update(plain(text))
