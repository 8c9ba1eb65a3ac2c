"""The organisation view: was this organisation's work included, and where is it cited?"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.models import Document
from imvo_assist.tui.screens.base import ImvoScreen
from imvo_assist.tui.text import assemble, plain

if TYPE_CHECKING:
    from imvo_assist.bronnenboek import InclusionReport
    from imvo_assist.bronnenboek.report import MissingRegisterReport


class OrganisationScreen(ImvoScreen):
    """The inclusion report of one organisation: its references and the passages citing them."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Terug")]

    def __init__(self, organisation: str) -> None:
        super().__init__()
        self.organisation = organisation
        self.found: InclusionReport | MissingRegisterReport | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(plain(self.organisation), id="org-summary", markup=False)
        yield OptionList(id="org-references", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.relabel()
        self.query_one(OptionList).focus()
        self.report()

    def relabel(self) -> None:
        super().relabel()
        if self.found is not None:
            self._show(self.found)

    @work(thread=True, exclusive=True, group="report", exit_on_error=False)
    def report(self) -> None:
        library = self.app.library
        if library is None:
            return
        found = library.sources.inclusion(self.organisation, self.app.language)
        self.app.call_from_thread(self._show, found)

    def _show(self, report: InclusionReport | MissingRegisterReport) -> None:
        self.found = report
        organisation = report["organisation"]
        summary = self.query_one("#org-summary", Static)
        if report.get("register_missing"):  # nothing to look in: not "absent"
            summary.update(plain(str(report.get("message", ""))))
            return
        if report["not_found"]:
            missing = self.tr("{organisation} staat niet in het bronnenboek.",
                              organisation=self.organisation)
            summary.update(assemble(
                (missing, "bold"), "\n",
                self.tr("Bedoelde u: ") + (", ".join(report["suggestions"]) or "—"),
            ))
            return
        sectors = load_vocabulary().sector_counts(report["by_sector"], self.app.language)
        uncited = ", ".join(str(nr) for nr in report["uncited"]) or self.tr("geen")
        entries = self.counted(len(report["references"]), "vermelding", "vermeldingen")
        summary.update(assemble(
            (organisation["name"], "bold $primary"),
            self.tr(" — {entries} in het bronnenboek", entries=entries), "\n",
            (self.tr("Geschreven als: "), "$text-muted"), ", ".join(organisation["spellings"]),
            "\n", (self.tr("Per sector: "), "$text-muted"), sectors, "\n",
            (self.tr("Niet geciteerd in de tekst: "), "$text-muted"), uncited, "\n",
            (self.tr("Enter opent de vindplaats in de documentlezer."), "$text-muted"),
        ))
        documents = self.app.library.documents if self.app.library else {}
        options = self.query_one(OptionList)
        options.clear_options()
        for reference in report["references"]:
            year = reference["year"] or self.tr("z.j.")
            options.add_option(Option(
                assemble((f"[{reference['nr']}] ", "bold $accent"),
                                 f"{reference['title']} ({year}) · {reference['sector']}"),
                disabled=True,
            ))
            for c in reference["cited_by"]:
                title = (documents.get(c["doc_id"]) or Document(c["doc_id"])).title or c["doc_id"]
                options.add_option(Option(
                    assemble("    ↳ ", (title, "bold"), f", {self.tr('p.')} {c['page']}"),
                    id=f"{options.option_count}\t{c['doc_id']}\t{c['page']}\t{c['passage_id']}",
                ))
            if not reference["cited_by"]:
                options.add_option(Option(plain("    " + self.tr("niet geciteerd"), "$text-muted"),
                                          disabled=True))
        options.action_first()  # the first passage (headers are disabled, so skipped)

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            _, doc_id, page, passage_id = event.option.id.split("\t")
            self.app.open_passage(doc_id, page, passage_id)
