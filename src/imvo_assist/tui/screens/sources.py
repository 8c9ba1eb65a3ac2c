"""The source register (bronnenboek): filter the references, see where the report cites them.

Filtering is `register.filter_references` (organisation in any spelling, words of titles,
sectors and years, typos tolerated), run in a worker as you type. `o` opens the organisation
view with `register.inclusion_report`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from imvo_assist.tui.screens.base import ImvoScreen
from imvo_assist.tui.text import assemble, cell, plain, safe

if TYPE_CHECKING:
    from imvo_assist.bronnenboek import CitingPassage, Reference


ORG_WIDTH = 18
SECTOR_WIDTH = 14
COLUMNS = (
    ("Nr", "nr", 3), ("Jaar", "year", 4), ("Organisatie", "org", ORG_WIDTH),
    ("Sector", "sector", SECTOR_WIDTH), ("Titel", "title", None),
)


class SourcesScreen(ImvoScreen):
    """References of the source register with a fuzzy filter and the passages citing them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Terug"),
        Binding("slash", "focus_filter", "Filter", show=False),
        Binding("o", "organisation", "Organisatie"),
        Binding("c", "copy", "Kopieer", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.references: list[Reference] = []
        self.cited_by: dict[tuple[str, int], list[CitingPassage]] = {}
        self.current: Reference | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Filter: organisatie, titel, jaar of sector (bv. SOMO)",
                    id="source-filter")
        yield Static("", id="source-count", markup=False)
        table: DataTable[Text] = DataTable(id="references", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="reference-detail", markup=False)
        yield OptionList(id="citing", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, key, width in COLUMNS:
            table.add_column(cell(label), key=key, width=width)
        self.query_one("#citing").display = False
        self.query_one(Input).focus()
        self.filter("")

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

        from imvo_assist.bronnenboek import filter_references

        library = self.app.library
        if library is None:
            self.app.call_from_thread(self._count, "De index is nog niet klaar.")
            return
        provenance = library.provenance
        references = provenance.references
        if query.strip():
            references = filter_references(
                references, query.strip(), vocabulary=self.app.vocabulary
            )
        cited_by = provenance.cited_by
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, references, cited_by, len(provenance.references))

    def _show(
        self, references: list[Reference], cited_by: dict, total: int
    ) -> None:
        self.references = references
        self.cited_by = cited_by
        table = self.query_one(DataTable)
        table.clear()
        for r in references:
            table.add_row(
                cell(str(r.nr), justify="right"), cell(str(r.year or "")),
                cell(r.spelling, ORG_WIDTH), cell(r.sector_label, SECTOR_WIDTH), cell(r.title),
                key=f"{r.register_doc}:{r.nr}",
            )
        self._count(f"{len(references)} van {total} bronnen")
        if references:
            self._detail(references[0])
        else:
            self.current = None
            self.query_one("#reference-detail", Static).update(
                plain("Geen bronnen gevonden. Probeer een andere spelling of minder woorden.")
            )
            self.query_one("#citing").display = False

    def _count(self, text: str) -> None:
        self.query_one("#source-count", Static).update(plain(text))

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
            self.notify("Deze bron wordt nergens in de tekst geciteerd.", severity="warning")

    def _detail(self, r: Reference) -> None:
        self.current = r
        where = f"{r.register_doc} [{r.nr}]" + (f", p. {r.page}" if r.page else "")
        self.query_one("#reference-detail", Static).update(
            assemble(
                (r.title, "bold"), "\n",
                f"{r.spelling} · {r.year or 'z.j.'} · {r.sector_label} · ",
                (where, "$text-muted"), "\n", (r.url or "geen URL", "$text-muted underline"),
            )
        )
        citing = self.query_one("#citing", OptionList)
        citing.clear_options()
        passages = self.cited_by.get(r.key, [])
        documents = self.app.library.documents if self.app.library else {}
        for number, c in enumerate(passages):
            title = str(documents.get(c.doc_id, {}).get("title") or c.doc_id)
            citing.add_option(
                Option(assemble("↳ geciteerd in ", (title, "bold"), f", p. {c.page}"),
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
            text = f"{r.spelling} ({r.year or 'z.j.'}). {r.title}." + (f" {r.url}" if r.url else "")
            self.app.copy_to_clipboard(text)
            self.notify(safe(text), title="Bron gekopieerd", markup=False)

