"""The one `library` fixture of the answer tests (a Library over the indexed test corpus, one
per test module), imported by each module that uses it."""

from __future__ import annotations

import pytest

from imvo_assist.library import Library
from imvo_assist.models import Answer
from imvo_assist.settings import Settings


@pytest.fixture(scope="module")
def library(indexed: Settings) -> Library:
    return Library(indexed)


def answered(library: Library, question: str) -> Answer:
    """The answer to a question that must not be "not found"."""
    answer = library.ask(question)
    assert not answer.not_found, answer.answer
    return answer


def unanswered(library: Library, question: str) -> Answer:
    """The answer to a question that must be "not found"."""
    answer = library.ask(question)
    assert answer.not_found, answer.answer
    return answer
