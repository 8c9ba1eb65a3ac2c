"""Mechanisms of issue #12's sixth round (classes found with tests/eval/questions-probe9.toml),
each tested on sentences written for these tests, none of them a question of any evaluation set.

Classes: a covenant named by a subject of several words is there only when its most specific
word is ("the responsible furniture covenant" is not found because a covenant speaks of
responsible business).
"""

from __future__ import annotations

import answer_fixtures
import pytest

from imvo_assist.answer.keycontent import missing_content
from imvo_assist.answer.understand import understand
from imvo_assist.library import Library

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)


@pytest.mark.shared
@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("What does the international jewellery agreement say about gold mines?", "jewellery"),
        ("Is there a responsible furniture covenant in the documents?", "furniture"),
    ],
)
def test_a_covenant_of_several_words_needs_its_most_specific_word(
    library: Library, question: str, named: str
) -> None:
    missing = missing_content(library, understand(question, library.has_term))
    assert missing is not None and missing.kind == "covenant"
    assert named in missing.what.lower()
    answer = library.ask(question)
    assert answer.not_found, answer.answer
    assert named in answer.answer.lower()


@pytest.mark.shared
def test_a_covenant_of_several_words_that_is_there_is_found(library: Library) -> None:
    answer = library.ask("What does the garment industry agreement ask of companies each year?")
    assert not answer.not_found, answer.answer
    assert any(c.hit.passage.doc_id in ("convenant-test-textiel", "agreement-test-garments-en")
               for c in answer.citations[:3])
