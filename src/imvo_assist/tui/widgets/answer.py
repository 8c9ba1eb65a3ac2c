"""The answer pane and the list of its numbered citations."""

from __future__ import annotations

import os
from textwrap import shorten

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from imvo_assist.models import Answer, Citation
from imvo_assist.tui.lang import language_of, tr
from imvo_assist.tui.messages import CitationSelected
from imvo_assist.tui.text import answer_content, assemble

EXAMPLES = (
    "Welke risico's gelden voor elektronica?",
    "Is SOMO opgenomen in het bronnenboek?",
    "Welke sectoren hebben een verhoogd risico op kinderarbeid?",
)
# Characters of a passage shown beside a citation whose place another citation shares.
SNIPPET = 60
KEYS = (("F1", "help"), ("F2", "bronnen"), ("F3", "matrix"), ("F4", "zoeken"),
        ("F5", "documenten"), ("ctrl+p", "opdrachten"))


def welcome(language: str) -> Content:
    """What the answer pane shows before the first question: examples and the keys."""
    keys: list[str | tuple[str, str]] = []
    for key, name in KEYS:
        keys += [(key, "bold"), f" {tr(name, language)}  "]
    return assemble(
        (tr("Stel een vraag over IMVO-beleid", language), "bold $primary"),
        f"\n\n{tr('Bijvoorbeeld:', language)}\n",
        *(f"• {tr(example, language)}\n" for example in EXAMPLES), "\n", *keys,
    )


class AnswerView(VerticalScroll):
    """The answer text, scrollable; citation numbers highlighted."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.answered = False

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="answer-text")

    def relabel(self) -> None:
        """Show the welcome text in the interface language (an answer stays as it is)."""
        if not self.answered:
            self.query_one("#answer-text", Static).update(welcome(language_of(self.app)))

    def show(self, answer: Answer) -> None:
        """Show an answer; its own words are in the language of its question."""
        self.answered = True
        numbers = {c.n for c in answer.citations}
        content = answer_content(answer.answer, numbers)
        if answer.suggestions:  # an answer's own corrections were applied; a not-found's are offered
            label = (tr("Bedoelde u: ", answer.language) if answer.not_found
                     else tr("Gelezen als: ", answer.language))
            content = content + assemble("\n\n", (label, "bold"), ", ".join(answer.suggestions))
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
        language = language_of(self.app)
        places = [_place(c, language) for c in citations]
        told = _telling_apart(citations, places)
        self.add_options(Option(_prompt(c, place, said), id=str(c.n))
                         for c, place, said in zip(citations, places, told, strict=True))
        if citations:
            self.highlighted = 0

    def relabel(self) -> None:
        """Show the citations again in the interface language (the highlight is kept)."""
        highlighted = self.highlighted
        self.show(tuple(self.citations))
        if highlighted is not None and self.citations:
            self.highlighted = highlighted

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


def _place(citation: Citation, language: str) -> str:
    """Where a citation stands: the document's title and printed page."""
    hit = citation.hit
    page = f", {tr('p.', language)} {hit.passage.page_label}" if hit.passage.page_label else ""
    return f"{hit.title}{page}"


def _telling_apart(citations: tuple[Citation, ...], places: list[str]) -> list[str]:
    """For each citation whose place another one shares (three passages of p. 22, four facts of
    the register's overview), the start of what its passage says after the words those passages
    all begin with; "" for a citation alone at its place."""
    told = []
    for citation, place in zip(citations, places, strict=True):
        texts = [c.hit.passage.text.split() for c, p in zip(citations, places, strict=True) if p == place]
        if len(texts) < 2:
            told.append("")
            continue
        common = len(os.path.commonprefix(texts))
        told.append(shorten(" ".join(citation.hit.passage.text.split()[common:]), SNIPPET, placeholder=" …"))
    return told


def _prompt(citation: Citation, place: str, told: str) -> Content:
    """A citation's line: its number, its place and, when another citation shares the place,
    what tells it apart."""
    where = " (register)" if citation.hit.source == "register" else ""
    return assemble((f"[{citation.n}] ", "bold $accent"), place, (where, "$text-muted"),
                    (f" — {told}" if told else "", "$text-muted"))
