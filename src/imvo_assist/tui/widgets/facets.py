"""A facet in the search sidebar: one value chosen (or all), with hit counts."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from imvo_assist.tui.lang import language_of, tr
from imvo_assist.tui.text import assemble

ALL = ""
# Fits the sidebar at 80 columns: mark, label, count and the scrollbar on one line.
LABEL_WIDTH = 15


class FacetList(OptionList):
    """The values of one facet; Enter chooses one, "alle" clears it."""

    @dataclass
    class Changed(Message):
        facet: FacetList
        value: str
        """The chosen value, "" for all."""

    def __init__(self, name: str, **kwargs: object) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]
        self.border_title = name
        self.value = ALL

    def show(self, values: list[tuple[str, str, int]]) -> None:
        """Values as (value, label, count); the chosen value stays listed even with no hits."""
        listed = {value for value, _, _ in values}
        if self.value and self.value not in listed:
            values = [(self.value, self.value, 0), *values]
        highlighted = self.highlighted
        self.clear_options()
        everything = tr("alle", language_of(self.app))
        self.add_option(Option(_label(everything, None, not self.value), id="="))
        for value, label, count in values:
            self.add_option(Option(_label(label, count, value == self.value), id="=" + value))
        if highlighted is not None:
            self.highlighted = min(highlighted, self.option_count - 1)

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        value = (event.option.id or "=")[1:]
        self.value = ALL if value == self.value else value
        self.post_message(self.Changed(self, self.value))


def _label(label: str, count: int | None, chosen: bool) -> Content:
    if len(label) > LABEL_WIDTH:
        label = label[: LABEL_WIDTH - 1] + "…"
    mark = ("● ", "bold $accent") if chosen else ("  ", "")
    tail = ("" if count is None else f" {count}", "$text-muted")
    return assemble(mark, label, tail)
