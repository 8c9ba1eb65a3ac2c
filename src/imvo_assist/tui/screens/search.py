"""Search mode: passages for words, narrowed by facets in a sidebar (sector, document, kind).

Facet counts come from the unfiltered hits of the same words, so a facet shows where the
words occur; choosing a value searches again with that filter (`library.search` + `Filters`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from imvo_assist.tui.screens.base import ImvoScreen
from imvo_assist.tui.text import assemble, marked, plain
from imvo_assist.tui.widgets import FacetList

if TYPE_CHECKING:
    from imvo_assist.models import Hit

RESULTS = 50
HINT = "Enter zoekt · Tab: filters · Enter op een resultaat opent het · c kopieert"
FACETS = (("facet-sector", "Sector"), ("facet-doc", "Document"), ("facet-kind", "Soort"))
# Hits counted for the facets: enough to show where the words occur, cheap to fetch.
FACET_HITS = 200


@dataclass
class Found:
    """Hits of one search with the facet values of the unfiltered hits."""

    hits: list[Hit]
    sectors: list[tuple[str, str, int]]
    documents: list[tuple[str, str, int]]
    kinds: list[tuple[str, str, int]]
    elapsed_ms: float


class SearchScreen(ImvoScreen):
    """Search passages; facets narrow the results; Enter opens a passage in the viewer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Terug"),
        Binding("slash", "focus_query", "Zoekvraag", show=False),
        Binding("c", "copy", "Kopieer"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(id="search-query")
        with Horizontal(id="search-body"):
            with VerticalScroll(id="facets"):
                for facet_id, _ in FACETS:
                    yield FacetList("", id=facet_id)
            yield OptionList(id="results", markup=False)
        yield Static("", id="search-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.relabel()
        self._status(self.tr(HINT))
        self.query_one("#search-query", Input).focus()

    def relabel(self) -> None:
        super().relabel()
        placeholder = self.tr("Zoek in de passages (bv. kinderarbeid mijnbouw)")
        self.query_one("#search-query", Input).placeholder = placeholder
        for facet_id, title in FACETS:
            self.query_one(f"#{facet_id}", FacetList).border_title = self.tr(title)

    @on(Input.Submitted, "#search-query")
    def _submitted(self) -> None:
        self.run_search()

    @on(FacetList.Changed)
    def _facet(self) -> None:
        self.run_search()

    def run_search(self) -> None:
        text = self.query_one("#search-query", Input).value
        if not text.strip():
            self._warn("Typ eerst een paar zoekwoorden.")
            return
        self.search(
            text,
            self.query_one("#facet-sector", FacetList).value or None,
            self.query_one("#facet-doc", FacetList).value or None,
            self.query_one("#facet-kind", FacetList).value or None,
        )

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def search(self, text: str, sector: str | None, doc: str | None, kind: str | None) -> None:
        from imvo_assist.errors import ImvoError
        from imvo_assist.index import Filters

        library = self.app.library
        if library is None:
            self.app.call_from_thread(self._status, self.tr("De index is nog niet klaar."))
            return
        try:
            result = library.search(text, Filters(doc=doc, kind=kind, sector=sector), RESULTS)
            overall = library.search(text, None, FACET_HITS).hits
        except ImvoError as exc:
            self.app.call_from_thread(self._status, str(exc))
            return
        english = self.app.language == "en"
        names = {s.id: s.name_en if english else s.name_nl for s in self.app.vocabulary.sectors}
        sectors = Counter(s for hit in overall for s in hit.passage.sectors)
        documents = Counter(hit.passage.doc_id for hit in overall)
        kinds = Counter(hit.kind for hit in overall if hit.kind)
        found = Found(
            result.hits,
            [(s, names.get(s, s), n) for s, n in sectors.most_common()],
            [(d, d, n) for d, n in documents.most_common()],
            [(k, k, n) for k, n in kinds.most_common()],
            result.elapsed_ms,
        )
        self.app.call_from_thread(self._show, found)

    def _show(self, found: Found) -> None:
        self.hits = found.hits
        self.query_one("#facet-sector", FacetList).show(found.sectors)
        self.query_one("#facet-doc", FacetList).show(found.documents)
        self.query_one("#facet-kind", FacetList).show(found.kinds)
        results = self.query_one("#results", OptionList)
        results.clear_options()
        for number, hit in enumerate(found.hits):
            p = hit.passage
            results.add_option(Option(
                assemble(
                    (f"{hit.title}, {self.tr('p.')} {p.page_label}", "bold"),
                    (" (register)" if hit.source == "register" else "", "$text-muted"), "\n",
                    marked(hit.snippet),
                ),
                id=str(number),
            ))
        if found.hits:
            results.highlighted = 0
            results.focus()
            found_text = self.counted(len(found.hits), "passage", "passages")
            self._status(self.tr("{found} · Enter opent · c kopieert het citaat",
                                 found=found_text))
        else:
            self._status(self.tr("Niets gevonden met deze woorden en filters."))

    def _status(self, text: str) -> None:
        self.query_one("#search-status", Static).update(plain(text))

    @on(OptionList.OptionSelected, "#results")
    def _open(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[event.option_index]
        self.app.open_passage(hit.passage.doc_id, hit.passage.page_label, hit.passage.id,
                              hit=hit, cite=self._cite(hit))

    def _cite(self, hit: Hit) -> str:
        from imvo_assist.answer.citations import cite_string

        return cite_string(hit, self.app.library.documents if self.app.library else {})

    def action_focus_query(self) -> None:
        self.query_one("#search-query", Input).focus()

    def action_copy(self) -> None:
        results = self.query_one("#results", OptionList)
        if results.highlighted is None or not self.hits:
            self.app.bell()
            return
        hit = self.hits[results.highlighted]
        self.app.copy_citation(self._cite(hit), hit.passage.text)
