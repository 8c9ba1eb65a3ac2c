"""Mechanisms of issue #12's eleventh round, each tested on sentences written for these tests,
none of them a question of any evaluation set.

Classes: a general document's passages speak for a sector only where a heading or a sentence
names the sector (the letter's opening on risks of Dutch companies abroad is no list of one
sector's risks), while a document about the sector (a covenant whose title or register entry
names it) speaks for it throughout.
"""

from __future__ import annotations

import answer_fixtures
import pytest

from imvo_assist.library import Library
from imvo_assist.settings import Settings

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)


@pytest.mark.parametrize("question", [
    "Welke risico's noemt de brief voor de kledingsector? Wij importeren spijkerbroeken.",
    "Which risks does the letter list for the garment sector? We sell jeans.",
])
def test_a_general_letter_names_no_risks_for_a_sector_it_does_not_name(
    letter_only: Settings, question: str
) -> None:
    # p. 1 of the letter names "kinderarbeid, slechte arbeidsomstandigheden ... landroof" as risks
    # of Dutch companies abroad in general; no sentence of it ties them to textiles
    answer = Library(letter_only).ask(question)
    assert not answer.risks
    assert "landroof" not in answer.answer.split("Geciteerde passages")[0].split("Quoted passages")[0]
    assert answer.citations, answer.answer  # the passages closest to the question remain


def test_a_covenant_about_the_sector_speaks_for_it_throughout(library: Library) -> None:
    # the textile covenant's title names the sector; its articles need not repeat it
    answer = library.ask("Welke risico's behandelt het convenant voor de kledingsector?")
    assert answer.risks, answer.answer
    assert {c.hit.passage.doc_id for c in answer.citations} & {"convenant-test-textiel"}
