"""The key-content presence check finds what the documents say in another form (issue #12
round 4), on questions written for these tests and in no evaluation set: an inflected
translation, a multiword name as parts of a hyphenated compound, a misspelt framing word, a
covenant the register lists; and it keeps invented names and covenants absent."""

from __future__ import annotations

import answer_fixtures
import pytest
from answer_fixtures import answered

from imvo_assist.library import Library

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)


@pytest.mark.parametrize(
    "question",
    [
        # "missions" -> missie, found as the plural "missies"
        "Which missions of the trade minister are mentioned in the letter?",
        # "Dutch EU" as "Nederlandse EU-voorzitterschap"
        "Does the letter plan anything for when the Dutch EU chair comes up?",
        # a misspelt framing word ("verbatum") is no topic
        "Give the verbatum text of the letter on the presidency of the EU",
    ],
)
def test_present_in_another_form(library: Library, question: str) -> None:
    answered(library, question)


def test_a_covenant_present_in_another_form_is_not_called_absent(library: Library) -> None:
    # the register lists a coal covenant; the letter speaks of the "steenkoolketen" (p. 3) but
    # names none of the signers: the names are what is missing, not the covenant
    answer = library.ask("Wie ondertekenden het steenkolenconvenant?")
    assert answer.answer.startswith("De documenten noemen hiervoor geen namen"), answer.answer
    assert "p. 3" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "What does the letter say about the Belgian EU presidency?",
        "What does the letter say about the Swedish Cocoa Council?",
        "Wat regelt het tapijtconvenant over kinderarbeid?",
        "Give the verbatum text of the speelgoedconvenant on wages",
    ],
)
def test_invented_things_stay_absent(library: Library, question: str) -> None:
    assert library.ask(question).not_found
