"""The question box: history on up/down, completion of vocabulary names as you type."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.suggester import Suggester
from textual.widgets import Input

# Words typed before completion starts; one letter would suggest nearly anything.
MIN_PREFIX = 2
# Completion looks at the last few words, so "Schone Kl" completes to "Schone Kleren Campagne".
MAX_WORDS = 3
STARTERS = (
    "Welke risico's gelden voor ",
    "Welke sectoren hebben een verhoogd risico op ",
    "Is SOMO opgenomen in het bronnenboek?",
    "Wat verwacht het kabinet van bedrijven?",
    "Waar komt dat vandaan?",
    "Which risks apply to ",
    "Which sectors have an elevated risk of ",
    "What does the government expect of companies?",
)


class NameSuggester(Suggester):
    """Completes the question so far: a question from history, a starter, or the last words
    as a sector, risk, organisation or document name."""

    def __init__(self, names: Iterable[str] = (), history: list[str] | None = None) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = list(dict.fromkeys(n for n in names if n))
        self.history = history if history is not None else []

    async def get_suggestion(self, value: str) -> str | None:
        if len(value.strip()) < MIN_PREFIX:
            return None
        lowered = value.lower()
        for question in (*reversed(self.history), *STARTERS):
            if question.lower().startswith(lowered) and len(question) > len(value):
                return value + question[len(value):]
        words = value.split(" ")
        for count in range(min(MAX_WORDS, len(words)), 0, -1):
            tail = " ".join(words[-count:])
            if len(tail) < MIN_PREFIX or not tail.strip():
                continue
            for name in self.names:
                if name.lower().startswith(tail.lower()) and len(name) > len(tail):
                    return value + name[len(tail):]
        return None


class QuestionInput(Input):
    """An `Input` that remembers the questions asked (up/down walks through them)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "history(-1)", "Vorige vraag", show=False),
        Binding("down", "history(1)", "Volgende vraag", show=False),
    ]

    def __init__(self, history: list[str], **kwargs: object) -> None:
        self.history = history
        self._position = len(history)
        self._draft = ""
        suggester = NameSuggester(history=history)
        super().__init__(suggester=suggester, **kwargs)  # type: ignore[arg-type]

    def set_names(self, names: Iterable[str]) -> None:
        """The vocabulary and document names to complete."""
        self.suggester = NameSuggester(names, self.history)

    def remember(self, question: str) -> None:
        """Add a question to the history (once, as the latest)."""
        if question in self.history:
            self.history.remove(question)
        self.history.append(question)
        self._position = len(self.history)
        self._draft = ""

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        if self._position == len(self.history):
            self._draft = self.value
        self._position = max(0, min(len(self.history), self._position + step))
        at_end = self._position == len(self.history)
        self.value = self._draft if at_end else self.history[self._position]
        self.cursor_position = len(self.value)
