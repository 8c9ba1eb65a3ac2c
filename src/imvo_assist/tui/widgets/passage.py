"""One passage on a document page: plain text, focusable, highlighted when it is the cited one."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from imvo_assist.models import Passage
from imvo_assist.tui.lang import tr
from imvo_assist.tui.text import assemble


class PassageView(Static, can_focus=True):
    """A passage (section trail dimmed above it); up/down move to the neighbouring passage."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "step(1)", "Volgende passage", show=False),
        Binding("up,k", "step(-1)", "Vorige passage", show=False),
    ]

    def __init__(
        self, passage: Passage, cite: str, cited: bool = False, language: str = "nl"
    ) -> None:
        classes = "-cited" if cited else ""
        super().__init__(_content(passage, language), markup=False, classes=classes)
        self.passage = passage
        self.cite = cite
        """The citation string of this passage (document, printed page, URL)."""

    def action_step(self, step: int) -> None:
        """Focus the next or previous passage of the page (no wrapping at the ends)."""
        siblings = list(self.parent.query_children(PassageView)) if self.parent else [self]
        position = siblings.index(self) + step
        if 0 <= position < len(siblings):
            siblings[position].focus()
        elif isinstance(self.parent, Widget):  # at the first or last passage: show the edge
            if step > 0:
                self.parent.scroll_end()
            else:
                self.parent.scroll_home()


def _content(passage: Passage, language: str) -> Content:
    parts: list[str | tuple[str, str]] = []
    if passage.section:
        parts.append((passage.section + "\n", "$text-muted italic"))
    if passage.kind == "footnote":
        parts.append((tr("Voetnoot: ", language), "$text-muted"))
    parts.append(passage.text)
    return assemble(*parts)
