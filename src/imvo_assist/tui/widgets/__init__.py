"""Widgets of the terminal UI; they post messages and leave decisions to their screen."""

from imvo_assist.tui.widgets.answer import AnswerView, CitationList
from imvo_assist.tui.widgets.facets import FacetList
from imvo_assist.tui.widgets.index_bar import IndexBar
from imvo_assist.tui.widgets.passage import PassageView
from imvo_assist.tui.widgets.question import NameSuggester, QuestionInput

__all__ = [
    "AnswerView",
    "CitationList",
    "FacetList",
    "IndexBar",
    "NameSuggester",
    "PassageView",
    "QuestionInput",
]
