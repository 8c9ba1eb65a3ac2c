"""The overview: sectors x risk themes, each cell the number of passages tagged with both.

Columns have short labels ("A2": the second labour risk) explained in a legend below the table;
the focused column's full name is shown under the table, and the sector column stays in place
while the risk columns scroll sideways. Counted once per session in a worker (rows appear as
they are done) and kept on the app. Selecting a cell asks the question for the sector and risk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from imvo_assist.tui.screens.base import ImvoScreen
from imvo_assist.tui.text import assemble, plain

if TYPE_CHECKING:
    from imvo_assist.catalogue.vocabulary import Risk, Sector

# Counting stops here: the overview shows where evidence is, not exact totals ("99+").
COUNT_LIMIT = 99
COLUMN_WIDTH = 3
CATEGORIES = ("milieu", "arbeid", "mensenrechten", "corruptie", "belastingen")
# A column label is the category's letter, numbered when the category has several risks.
INITIALS = {
    "nl": {"milieu": "M", "arbeid": "A", "mensenrechten": "R", "corruptie": "C",
           "belastingen": "B"},
    "en": {"milieu": "E", "arbeid": "L", "mensenrechten": "H", "corruptie": "C",
           "belastingen": "T"},
}
TITLE = "Passages per sector en risicothema"


def short_labels(risks: list[Risk], language: str) -> list[str]:
    """Column labels of at most three characters: "M1", "M2", ... "C" (one corruption risk)."""
    initials = INITIALS.get(language, INITIALS["nl"])
    sizes: dict[str, int] = {}
    for risk in risks:
        sizes[risk.category] = sizes.get(risk.category, 0) + 1
    labels, seen = [], dict.fromkeys(sizes, 0)
    for risk in risks:
        seen[risk.category] += 1
        initial = initials.get(risk.category, risk.category[:1].upper())
        labels.append(initial if sizes[risk.category] == 1 else f"{initial}{seen[risk.category]}")
    return labels


class MatrixScreen(ImvoScreen):
    """A navigable sector x risk table; Enter opens the answer for the cell."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Terug"),
        Binding("v", "coverage", "Convenanten", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sectors: list[Sector] = []
        self.risks: list[Risk] = []
        self.labels: list[str] = []
        """The short label of each risk column, in the interface language."""
        self.counts: dict[tuple[str, str], int] = {}
        """Counts of the rows shown so far."""
        self.rows: list[Sector] = []
        """The sectors whose row is in the table."""

    def compose(self) -> ComposeResult:
        vocabulary = self.app.vocabulary
        self.sectors = list(vocabulary.sectors)
        order = {category: n for n, category in enumerate(CATEGORIES)}
        self.risks = sorted(vocabulary.risks, key=lambda r: order.get(r.category, len(order)))
        yield Header()
        yield Static("", id="matrix-title", markup=False)
        yield DataTable(id="matrix", cursor_type="cell", fixed_columns=1)
        yield Static("", id="matrix-cell", markup=False)
        with VerticalScroll(id="matrix-legend", can_focus=False):
            for category in self._categories():
                yield Static("", id=f"legend-{category}", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.relabel()
        self.query_one(DataTable).focus()
        if self.app.matrix_counts is not None:
            for sector in self.sectors:
                self._add_row(sector, self.app.matrix_counts)
        else:
            self.count()

    def relabel(self) -> None:
        super().relabel()
        self._title(self.tr(TITLE))
        self.labels = short_labels(self.risks, self.app.language)
        table = self.query_one(DataTable)
        cursor = table.cursor_coordinate
        rows, self.rows = self.rows, []
        table.clear(columns=True)
        table.add_column(Text(self.tr("Sector")), key="sector")
        for risk, label in zip(self.risks, self.labels, strict=True):
            table.add_column(Text(label, justify="right"), key=risk.id, width=COLUMN_WIDTH)
        for sector in rows:
            self._add_row(sector, self.counts)
        if rows:
            table.cursor_coordinate = cursor
            self._describe(cursor.row, cursor.column)

    @work(thread=True, exclusive=True, group="matrix", exit_on_error=False)
    def count(self) -> None:
        """Count the passages of every sector x risk pair, row by row."""
        from textual.worker import get_current_worker

        library = self.app.library
        if library is None:
            self.app.call_from_thread(self._title, self.tr("De index is nog niet klaar."))
            return
        counts = library.sector_risk_counts()
        worker = get_current_worker()
        for done, sector in enumerate(self.sectors, start=1):
            if worker.is_cancelled:
                return
            self.app.call_from_thread(self._add_row, sector, counts)
            self.app.call_from_thread(
                self._title, f"{self.tr(TITLE)} ({done}/{len(self.sectors)})"
            )
        self.app.matrix_counts = counts
        self.app.call_from_thread(self._title, self.tr(TITLE))

    def _named(self, item: Sector | Risk) -> str:
        return item.name_en if self.app.language == "en" else item.name_nl

    def _add_row(self, sector: Sector, counts: dict[tuple[str, str], int]) -> None:
        table = self.query_one(DataTable)
        cells = [Text(self._named(sector), style="bold")]
        for risk in self.risks:
            n = counts.get((sector.id, risk.id), 0)
            self.counts[(sector.id, risk.id)] = n
            shown = f"{COUNT_LIMIT}+" if n >= COUNT_LIMIT else str(n) if n else "·"
            cells.append(Text(shown, justify="right", style="" if n else "dim"))
        table.add_row(*cells, key=sector.id)
        self.rows.append(sector)
        if table.row_count == 1:
            table.move_cursor(row=0, column=1)
            self._describe(0, 1)

    def _title(self, text: str) -> None:
        self.query_one("#matrix-title", Static).update(plain(text))

    @on(DataTable.CellHighlighted, "#matrix")
    def _highlighted(self, event: DataTable.CellHighlighted) -> None:
        self._describe(event.coordinate.row, event.coordinate.column)

    def _describe(self, row: int, column: int) -> None:
        """The full names of the focused cell under the table, its column marked in the legend."""
        self._legend(column - 1)
        if not (0 <= row < len(self.rows)) or not self.risks:
            return
        sector = self.rows[row]
        if column < 1:
            text = assemble(
                (self._named(sector), "bold"), " · ", self.tr("Enter: alle risico's van de sector")
            )
        else:
            risk = self.risks[column - 1]
            n = self.counts.get((sector.id, risk.id))
            number = "" if n is None else ": " + self.counted(n, "passage", "passages")
            text = assemble(
                (self._named(sector), "bold"), " × ", (f"{self.labels[column - 1]} ", "$accent"),
                (self._named(risk), "bold"), f" ({self.tr(risk.category)})", number,
                (f"  · {self.tr('Enter: antwoord')}", "$text-muted"),
            )
        self.query_one("#matrix-cell", Static).update(text)

    def _categories(self) -> list[str]:
        return list(dict.fromkeys(risk.category for risk in self.risks))

    def _legend(self, focused: int) -> None:
        """Every column label with the risk's full name, a line per category; the focused one
        marked and scrolled into view."""
        for category in self._categories():
            parts: list[str | tuple[str, str]] = [(f"{self.tr(category).capitalize()}: ", "bold")]
            marked = False
            for index, risk in enumerate(self.risks):
                if risk.category != category:
                    continue
                style = "reverse" if index == focused else ""
                marked = marked or index == focused
                if len(parts) > 1:
                    parts.append("  ·  ")
                parts += [(self.labels[index], f"bold $accent {style}".strip()),
                          (f" {self._named(risk)}", style)]
            line = self.query_one(f"#legend-{category}", Static)
            line.update(assemble(*parts))
            if marked:
                self.query_one("#matrix-legend").scroll_to_widget(line, animate=False)

    def action_coverage(self) -> None:
        """The focused sector's risks against its covenants."""
        from imvo_assist.tui.screens.coverage import CoverageScreen

        row = self.query_one(DataTable).cursor_coordinate.row
        if 0 <= row < len(self.sectors):
            self.app.push_screen(CoverageScreen(self.sectors[row].id))

    @on(DataTable.CellSelected, "#matrix")
    def _selected(self, event: DataTable.CellSelected) -> None:
        row, column = event.coordinate.row, event.coordinate.column
        if not 0 <= row < len(self.rows):
            return
        sector = self._named(self.rows[row]).lower()
        if column < 1:
            self.app.ask(self.tr("Welke risico's gelden voor {sector}?", sector=sector))
        else:
            risk = self._named(self.risks[column - 1]).lower()
            self.app.ask(self.tr("Welke risico's op {risk} gelden voor {sector}?",
                                 risk=risk, sector=sector))
