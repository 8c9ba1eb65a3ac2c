"""Mechanisms of issue #12's tenth round (classes found with tests/eval/questions-probe19.toml
and the earlier tuned probe sets), each tested on sentences written for these tests, none of them
a question of any evaluation set.

Classes: a question for a duration or a frequency also takes candidates from passages holding a
word of that form (a time unit), so the passage stating "drie tot vijf jaar" is found although
it shares few of the question's words.
"""

from __future__ import annotations

import answer_fixtures
import pytest

from imvo_assist.library import Library
from imvo_assist.text.questionforms import answers, form_words

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)


def test_a_duration_question_finds_the_passage_stating_the_duration(library: Library) -> None:
    # the SER advice, p. 7: "binnen drie tot vijf jaar tot substantiële verbetering"; the
    # question's other words ("SER", "convenant") fill the ordinary candidates with other passages
    answer = library.ask("Hoeveel jaar heeft een convenant volgens de SER om echt iets te bereiken "
                         "voor de mensen in de keten?")
    assert not answer.not_found, answer.answer
    first = answer.citations[0].hit.passage
    assert (first.doc_id, first.page_label) == ("ser-advies-test", "7")
    assert "drie tot vijf jaar" in answer.answer


@pytest.mark.parametrize(("form", "word"), [("duration", "jaar"), ("frequency", "kwartaal"),
                                           ("frequency", "jaarlijks"), ("frequency", "annually")])
def test_form_words_name_the_words_of_the_form(form: str, word: str) -> None:
    assert word in form_words(form)


@pytest.mark.parametrize("form", ["when", "count", "who", "reason"])
def test_forms_without_form_words_take_no_extra_candidates(form: str) -> None:
    assert form_words(form) == ()


@pytest.mark.parametrize(("sentence", "expected"), [
    ("De commissie komt tweemaandelijks bijeen.", True),
    ("Het secretariaat rapporteert halfjaarlijks.", True),
    ("Er wordt onregelmatig gerapporteerd.", False),
])
def test_frequency_adverbs_with_a_prefix(sentence: str, expected: bool) -> None:
    assert answers("frequency", sentence) is expected
