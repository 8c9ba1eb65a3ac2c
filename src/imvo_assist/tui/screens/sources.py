"""The source register (bronnenboek): filter the references, see where the report cites them.

Filtering is `Library.sources.find_references` (organisation in any spelling, words of titles,
sectors and years, typos tolerated), run in a worker as you type. `o` opens the organisation
view with `Library.sources.inclusion`. The table's columns take the width the terminal gives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.events import Resize
from textual.widgets import DataTable, Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from imvo_assist.models import Document
from imvo_assist.tui.screens.base import ImvoScreen
from imvo_assist.tui.text import assemble, cell, plain

if TYPE_CHECKING:
    from imvo_assist.bronnenboek import CitingPassage, Reference


COLUMNS = (("Nr", "nr"), ("Jaar", "year"), ("Organisatie", "org"), ("Sector", "sector"),
           ("Titel", "title"))
# Room around the columns: the table's side margins, its scrollbar, each cell's padding.
CHROME = 2 + 2 + 2 * len(COLUMNS)
NUMBER_WIDTH, YEAR_WIDTH = 3, 4
ORG_WIDTHS, SECTOR_WIDTHS = (14, 32), (10, 22)
MIN_TITLE_WIDTH = 20
KEYS_HINT = "↓/Enter: tabel · o: organisatie · c: kopieer · /: filter"


def column_widths(screen_width: int) -> dict[str, int]:
    """Column widths for a screen this wide: organisation and sector grow with it (up to a
    point), the title takes the rest."""
    rest = max(screen_width - CHROME - NUMBER_WIDTH - YEAR_WIDTH, 0)
    org = min(max(rest // 5, ORG_WIDTHS[0]), ORG_WIDTHS[1])
    sector = min(max(rest // 7, SECTOR_WIDTHS[0]), SECTOR_WIDTHS[1])
    title = max(rest - org - sector, MIN_TITLE_WIDTH)
    return {"nr": NUMBER_WIDTH, "year": YEAR_WIDTH, "org": org, "sector": sector, "title": title}


class SourcesScreen(ImvoScreen):
    """References of the source register with a fuzzy filter and the passages citing them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Terug"),
        Binding("slash", "focus_filter", "Filter", show=False),
        Binding("down", "focus_table", "Tabel", show=False),
        Binding("o", "organisation", "Organisatie"),
        Binding("c", "copy", "Kopieer", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.references: list[Reference] = []
        self.cited_by: dict[tuple[str, int], list[CitingPassage]] = {}
        self.current: Reference | None = None
        self.widths: dict[str, int] = {}
        """The column widths the table has now."""
        self._count_line: tuple[str, dict[str, object]] = ("", {})
        """The count line as (interface text, fields), shown again when the language changes."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(id="source-filter")
        yield Static("", id="source-count", markup=False)
        table: DataTable[Text] = DataTable(id="references", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="reference-detail", markup=False)
        yield OptionList(id="citing", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.relabel()
        self.query_one("#citing").display = False
        self.query_one(Input).focus()
        self.filter("")

    def relabel(self) -> None:
        super().relabel()
        placeholder = self.tr("Filter: organisatie, titel, jaar of sector (bv. SOMO)")
        self.query_one(Input).placeholder = placeholder
        self._fill(column_widths(self.app.size.width))
        if self.current is not None:
            self._detail(self.current)
        text, values = self._count_line
        self._count(text, **values)

    def on_resize(self, event: Resize) -> None:
        widths = column_widths(event.size.width)
        if widths != self.widths:
            self._fill(widths)

    def _fill(self, widths: dict[str, int]) -> None:
        """(Re)build the table with these column widths, the cursor kept on its row."""
        self.widths = widths
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        for label, key in COLUMNS:
            table.add_column(cell(self.tr(label)), key=key, width=widths[key])
        for r in self.references:
            table.add_row(
                cell(str(r.nr), justify="right"), cell(str(r.year or "")),
                cell(r.spelling, widths["org"]), cell(r.sector_label, widths["sector"]),
                cell(r.title, widths["title"]), key=f"{r.register_doc}:{r.nr}",
            )
        if 0 < row < table.row_count:
            table.move_cursor(row=row)

    @on(Input.Changed, "#source-filter")
    def _changed(self, event: Input.Changed) -> None:
        self.filter(event.value)

    @on(Input.Submitted, "#source-filter")
    def _submitted(self) -> None:
        self.query_one(DataTable).focus()

    @work(thread=True, exclusive=True, group="filter", exit_on_error=False)
    def filter(self, query: str) -> None:
        """The references matching the filter text (all when empty)."""
        from textual.worker import get_current_worker

        library = self.app.library
        if library is None:
            self.app.call_from_thread(self._count, "De index is nog niet klaar.")
            return
        sources = library.sources
        references = sources.find_references(query)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(
                self._show, references, sources.cited_by, len(sources.references)
            )

    def _show(
        self, references: list[Reference], cited_by: dict, total: int
    ) -> None:
        self.references = references
        self.cited_by = cited_by
        self.query_one(DataTable).move_cursor(row=0)
        self._fill(self.widths)
        self._count("{shown} van {total}", shown=len(references), total=("bron", "bronnen", total))
        if references:
            self._detail(references[0])
        else:
            self.current = None
            self.query_one("#reference-detail", Static).update(plain(
                self.tr("Geen bronnen gevonden. Probeer een andere spelling of minder woorden.")
            ))
            self.query_one("#citing").display = False

    def _count(self, text: str, **values: object) -> None:
        """The count line, with the keys of the screen (shown from the first view on)."""
        self._count_line = (text, values)
        text = self.say(text, **values) if text else ""
        hint = self.tr(KEYS_HINT)
        self.query_one("#source-count", Static).update(
            assemble(text, (f"  ·  {hint}" if text else hint, "$text-muted"))
        )

    @on(DataTable.RowHighlighted, "#references")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.references):
            self._detail(self.references[event.cursor_row])

    @on(DataTable.RowSelected, "#references")
    def _selected(self) -> None:
        citing = self.query_one("#citing", OptionList)
        if citing.option_count:
            citing.focus()
        else:
            self._warn("Deze bron wordt nergens in de tekst geciteerd.")

    def _detail(self, r: Reference) -> None:
        self.current = r
        where = f"{r.register_doc} [{r.nr}]" + (f", {self.tr('p.')} {r.page}" if r.page else "")
        self.query_one("#reference-detail", Static).update(
            assemble(
                (r.title, "bold"), "\n",
                f"{r.spelling} · {r.year or self.tr('z.j.')} · {r.sector_label} · ",
                (where, "$text-muted"), "\n",
                (r.url or self.tr("geen URL"), "$text-muted underline"),
            )
        )
        citing = self.query_one("#citing", OptionList)
        citing.clear_options()
        passages = self.cited_by.get(r.key, [])
        documents = self.app.library.documents if self.app.library else {}
        for number, c in enumerate(passages):
            title = (documents.get(c.doc_id) or Document(c.doc_id)).title or c.doc_id
            citing.add_option(
                Option(assemble(self.tr("↳ geciteerd in "), (title, "bold"),
                                f", {self.tr('p.')} {c.page}"),
                       id=f"{number}\t{c.doc_id}\t{c.page}\t{c.passage_id}")
            )
        citing.display = bool(passages)
        if passages:
            citing.highlighted = 0

    @on(OptionList.OptionSelected, "#citing")
    def _open(self, event: OptionList.OptionSelected) -> None:
        _, doc_id, page, passage_id = (event.option.id or "\t\t\t").split("\t")
        self.app.open_passage(doc_id, page, passage_id)

    def action_focus_filter(self) -> None:
        self.query_one(Input).focus()

    def action_focus_table(self) -> None:
        self.query_one(DataTable).focus()

    def action_organisation(self) -> None:
        name = self.current.organisation_name if self.current else self.query_one(Input).value
        if not name.strip():
            self.app.bell()
            return
        from imvo_assist.tui.screens.organisation import OrganisationScreen

        self.app.push_screen(OrganisationScreen(name))

    def action_copy(self) -> None:
        r = self.current
        if r is not None:
            year = r.year or self.tr("z.j.")
            text = f"{r.spelling} ({year}). {r.title}." + (f" {r.url}" if r.url else "")
            self.app.copy_text(text, self.tr("Bron"))

