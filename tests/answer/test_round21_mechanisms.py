"""Mechanisms of issue #12's twenty-first round, each tested on sentences written for these tests,
none of them a question of any evaluation set.

Class: a sector's activity narrowed by what no document names counts as absent also beside
another conjunct ("risks in nickel or cobalt mining": nickel and cobalt), while an activity
narrowed by what the documents name ("tin or gold mining") is the sector's own.
"""

from __future__ import annotations

import answer_fixtures
import pytest
from answer_fixtures import answered, unanswered

from imvo_assist.library import Library

library = answer_fixtures.library


@pytest.mark.parametrize(("question", "named"), [
    ("What risks does the SRA name for nickel or cobalt mining?", "'nickel'"),
    ("Which human rights risks does the report list for silver or bauxite mining?", "'silver'"),
])
def test_an_activity_narrowed_by_what_no_document_names_is_absent_beside_another(
        library: Library, question: str, named: str) -> None:
    assert named in unanswered(library, question).answer


@pytest.mark.parametrize("question", [
    "What risks does the report list for tin and gold mining?",
    "Which risks does the SRA describe for tin or tantalum mining?",
    "Which labour risks does the report name for small-scale gold mining?",
])
def test_an_activity_narrowed_by_what_the_documents_name_is_the_sectors_own(
        library: Library, question: str) -> None:
    answer = answered(library, question)
    assert any(c.hit.passage.doc_id == "sra-testrapport" and c.hit.passage.page_label == "22"
               for c in answer.citations), [(c.hit.passage.doc_id, c.hit.passage.page_label) for c in answer.citations]
