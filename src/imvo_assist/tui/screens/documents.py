"""The documents screen: every corpus file with its status and, for failed or skipped files,
the reason (encrypted, damaged, no text layer, ...); registered documents that are missing."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from imvo_assist.tui.screens.base import ImvoScreen
from imvo_assist.tui.text import plain, safe

STATUS_STYLES = {"indexed": "green", "failed": "red", "skipped": "yellow", "missing": "dim"}
# The status words of the index, as the Dutch interface says them.
STATUS_NL = {
    "indexed": "geïndexeerd", "failed": "mislukt", "skipped": "overgeslagen",
    "missing": "ontbreekt",
}
COLUMNS = ("status", "document", "pagina's", "passages", "bestand / probleem")


class DocumentsScreen(ImvoScreen):
    """The document list of `imvo-assist docs`, as a table."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,f5", "app.pop_screen", "Terug")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="documents-title", markup=False)
        yield DataTable(id="documents", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.relabel()
        self.query_one(DataTable).focus()

    def relabel(self) -> None:
        super().relabel()
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_columns(*(self.tr(name) for name in COLUMNS))
        title = self.query_one("#documents-title", Static)
        library = self.app.library
        if library is None:
            title.update(plain(self.tr("De index is nog niet klaar.")))
            return
        rows = library.document_list()
        problems = sum(row["status"] in ("failed", "skipped") for row in rows)
        documents = self.counted(len(rows), "document", "documenten")
        title.update(plain(self.tr("{documents}; {problems} niet geïndexeerd (met reden)",
                                   documents=documents, problems=problems)))
        for row in rows:
            status = str(row["status"])
            shown = STATUS_NL.get(status, status) if self.app.language == "nl" else status
            table.add_row(
                Text(shown, style=STATUS_STYLES.get(status, "")),
                Text(safe(str(row["id"]))),
                str(row["pages"] or ""),
                str(row["passages"] or ""),
                Text(safe(str(row["error"] or row["file"]))),
            )
