"""The citation basket: collected citations with their question, quote, citation and confidence.

`u`/`d` move the highlighted item up or down, `x` removes it, `m`/`t`/`s` export the basket as
Markdown, plain text or CSV into the current folder, Enter opens the passage. Quotes and
citations are document text: shown through `tui.text`, never as markup.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from imvo_assist.basket import (
    DEFAULT_BASKET,
    Basket,
    BasketError,
    export_basket,
    load_basket,
    move_item,
    remove_item,
)
from imvo_assist.basket.export import confidence_marker
from imvo_assist.tui.screens.base import ImvoScreen
from imvo_assist.tui.text import assemble, cell, plain, safe

QUESTION_WIDTH = 24
QUOTE_WIDTH = 48
CITE_WIDTH = 40


def export_file_name(name: str, fmt: str, now: datetime | None = None) -> str:
    """The file an export is written to, e.g. `imvo-mandje-default-20250101-120000.md`."""
    return f"imvo-mandje-{name}-{(now or datetime.now()):%Y%m%d-%H%M%S}.{fmt}"


class BasketScreen(ImvoScreen):
    """One basket as a table; the highlighted item in full below it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f6", "app.pop_screen", "Terug"),
        Binding("u", "move(-1)", "Omhoog"),
        Binding("d", "move(1)", "Omlaag"),
        Binding("x,delete", "remove", "Verwijder"),
        Binding("m", "export('md')", "Markdown"),
        Binding("t", "export('txt')", "Tekst"),
        Binding("s", "export('csv')", "CSV"),
    ]

    def __init__(self, name: str = DEFAULT_BASKET, folder: Path | None = None) -> None:
        super().__init__()
        self.basket_name = name
        self.folder = folder
        """Where exports go; the current folder when None."""
        self.basket = Basket(name)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="basket-title", markup=False)
        yield DataTable(id="basket", cursor_type="row", zebra_stripes=True)
        yield Static("", id="basket-item", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.relabel()
        self.query_one(DataTable).focus()

    def relabel(self) -> None:
        super().relabel()
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        table.add_columns(
            "#", self.tr("vraag"), self.tr("citaat"), self.tr("bron"), self.tr("zekerheid")
        )
        self.reload(row)

    def reload(self, row: int) -> None:
        """Read the basket again and show it with the cursor on `row`."""
        try:
            self.basket = load_basket(self.basket_name, missing_ok=True)
        except BasketError as exc:
            self._error(str(exc))
            return
        table = self.query_one(DataTable)
        table.clear()
        for n, item in enumerate(self.basket.items, start=1):
            table.add_row(
                str(n),
                cell(item.question, QUESTION_WIDTH),
                cell(item.quote, QUOTE_WIDTH),
                cell(item.cite, CITE_WIDTH),
                cell(item.confidence or "–"),
            )
        count = len(self.basket.items)
        if count:
            title = self.tr(
                "Mandje '{name}': {items}",
                name=self.basket_name,
                items=self.counted(count, "citaat", "citaten"),
            )
            table.move_cursor(row=max(0, min(row, count - 1)))
        else:
            title = self.tr(
                "Mandje '{name}' is leeg: b op een antwoord legt er citaten in.",
                name=self.basket_name,
            )
        self.query_one("#basket-title", Static).update(plain(title))
        self._describe(table.cursor_row)

    @property
    def current(self) -> int | None:
        """The 1-based position of the highlighted item, None when the basket is empty."""
        if not self.basket.items:
            return None
        return self.query_one(DataTable).cursor_row + 1

    @on(DataTable.RowHighlighted, "#basket")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._describe(event.cursor_row)

    def _describe(self, row: int) -> None:
        detail = self.query_one("#basket-item", Static)
        if not 0 <= row < len(self.basket.items):
            detail.update("")
            return
        item = self.basket.items[row]
        also = ""
        if item.questions:
            also = "\n" + self.tr("Ook gevraagd: {questions}", questions="; ".join(item.questions))
        marker = confidence_marker(item, self.app.language)
        detail.update(
            assemble(
                (self.tr("Vraag: "), "bold"),
                item.question,
                also,
                "\n",
                item.quote,
                "\n",
                (item.cite + marker, "$text-muted"),
            )
        )

    @on(DataTable.RowSelected, "#basket")
    def _selected(self, event: DataTable.RowSelected) -> None:
        if not 0 <= event.cursor_row < len(self.basket.items):
            return
        item = self.basket.items[event.cursor_row]
        library = self.app.library
        hit = None
        if item.source == "register" and library is not None:  # a fact: shown, not paged
            passage = library.passage(item.passage_id)
            hit = library.hit(passage, "register") if passage else None
        self.app.open_passage(item.doc_id, item.page, item.passage_id, hit=hit, cite=item.cite)

    def action_move(self, step: int) -> None:
        position = self.current
        if position is None or not 1 <= position + step <= len(self.basket.items):
            self.app.bell()
            return
        try:
            move_item(self.basket_name, position, position + step)
        except BasketError as exc:
            self._error(str(exc))
            return
        self.reload(position + step - 1)

    def action_remove(self) -> None:
        position = self.current
        if position is None:
            self.app.bell()
            return
        try:
            remove_item(self.basket_name, position)
        except BasketError as exc:
            self._error(str(exc))
            return
        self.reload(position - 1)

    def action_export(self, fmt: str) -> Path | None:
        """Write the basket in a format to a new file; returns it (None when it failed)."""
        target = (self.folder or Path.cwd()) / export_file_name(self.basket_name, fmt)
        text = export_basket(self.basket, fmt, self.app.language)
        try:
            target.write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            self._error(self.tr("Exporteren mislukt: {error}", error=exc))
            return None
        self.notify(safe(str(target)), title=self.tr("Mandje geëxporteerd"), markup=False)
        return target

    def _error(self, message: str) -> None:
        self.notify(safe(message), title=self.tr("Mandje"), severity="error", markup=False)
