"""The answer pane and the list of its numbered citations."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from imvo_assist.models import Answer, Citation
from imvo_assist.tui.messages import CitationSelected
from imvo_assist.tui.text import answer_content, assemble

WELCOME = assemble(
    ("Stel een vraag over IMVO-beleid", "bold $primary"),
    "\n\nBijvoorbeeld:\n"
    "• Welke risico's gelden voor elektronica?\n"
    "• Is SOMO opgenomen in het bronnenboek?\n"
    "• Welke sectoren hebben een verhoogd risico op kinderarbeid?\n\n",
    ("F1", "bold"), " help  ", ("F2", "bold"), " bronnen  ", ("F3", "bold"),
    " overzicht  ", ("F4", "bold"), " zoeken  ", ("ctrl+p", "bold"), " opdrachten",
)


class AnswerView(VerticalScroll):
    """The answer text, scrollable; citation numbers highlighted."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(WELCOME, id="answer-text")

    def show(self, answer: Answer) -> None:
        numbers = {c.n for c in answer.citations}
        content = answer_content(answer.answer, numbers)
        if answer.suggestions:
            content = content + assemble(
                "\n\n", ("Bedoelde u: ", "bold"), ", ".join(answer.suggestions)
            )
        self.query_one("#answer-text", Static).update(content)
        self.scroll_home(animate=False)


class CitationList(OptionList):
    """Numbered citations; Enter or a click opens one (the screen binds the digits 1-9)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]
        self.citations: list[Citation] = []

    def show(self, citations: tuple[Citation, ...]) -> None:
        self.citations = list(citations)
        self.clear_options()
        self.add_options(Option(_prompt(c), id=str(c.n)) for c in citations)
        if citations:
            self.highlighted = 0

    @property
    def current(self) -> Citation | None:
        """The highlighted citation."""
        if self.highlighted is None or not self.citations:
            return None
        return self.citations[self.highlighted]

    def action_open(self, n: int) -> None:
        for citation in self.citations:
            if citation.n == n:
                self.highlighted = n - 1
                self.post_message(CitationSelected(citation))
                return
        self.app.bell()

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.citations):
            self.post_message(CitationSelected(self.citations[event.option_index]))


def _prompt(citation: Citation) -> Content:
    hit = citation.hit
    page = f", p. {hit.passage.page_label}" if hit.passage.page_label else ""
    where = " (register)" if hit.source == "register" else ""
    return assemble(
        (f"[{citation.n}] ", "bold $accent"), f"{hit.title}{page}", (where, "$text-muted")
    )
