"""Mechanisms of issue #12's sixth round (classes found with tests/eval/questions-probe9.toml),
each tested on sentences written for these tests, none of them a question of any evaluation set.

Classes: a covenant named by a subject of several words is there only when its most specific
word is ("the responsible furniture covenant" is not found because a covenant speaks of
responsible business); a question for a date or a year is answered only by passages that
state one; the verb right after a form phrase ("in welk jaar verscheen ...") is a verb; a language
or nationality ("de Engelse versie") is no organisation's name; every specific topic word of
the asking part must occur in the corpus, not only the most specific one, while words for
parts of documents ("clause") are no topic.
"""

from __future__ import annotations

import answer_fixtures
import pytest

from imvo_assist.answer.entities import capitalised_names
from imvo_assist.answer.facts import missing_fact
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


# --- a date or year asked for must be stated ---------------------------------------------------
@pytest.mark.parametrize(
    ("question", "passage", "missing"),
    [
        ("On what date did the council adopt its advice?",
         "The council adopted its advice after two rounds of talks.", ("date", "")),
        ("On what date did the council adopt its advice?",
         "The council adopted its advice on 12 March 2014 after two rounds of talks.", None),
        ("Op welke datum heeft de raad het advies vastgesteld?",
         "De raad stelde het advies vast na twee overlegrondes.", ("date", "")),
        ("In welk jaar stelde de raad het advies vast?",
         "De raad stelde het advies in 2014 vast.", None),
        # a plain "when" may be answered by a period: not checked
        ("When will the ministry report back to parliament?",
         "The ministry reports back after the summer recess.", None),
    ],
)
def test_a_date_question_needs_a_date_in_its_passages(
    question: str, passage: str, missing: tuple[str, str] | None
) -> None:
    assert missing_fact(understand(question), [passage]) == missing


# --- the verb after a question's form phrase ---------------------------------------------------
@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("In welk jaar verscheen het jaarverslag van de raad?", "verscheen"),
        ("Op welke datum verstuurde de minister het antwoord?", "verstuurde"),
    ],
)
def test_the_verb_after_a_form_phrase_is_a_verb_not_a_topic(question: str, verb: str) -> None:
    assert verb in understand(question).verbs


# --- a language or nationality is no name ------------------------------------------------------
@pytest.mark.parametrize(
    "question",
    ["Wat staat er in de Spaanse vertaling van het advies over klachten?",
     "Does the Portuguese summary mention grievance mechanisms?"],
)
def test_a_language_adjective_is_no_name_and_asks_no_inclusion(question: str) -> None:
    assert capitalised_names(question, frozenset()) == []
    assert understand(question).intent != "org_included"


def test_a_country_stays_a_name() -> None:
    assert capitalised_names("Wat zegt het rapport over mijnbouw in Congo?", frozenset()) == ["Congo"]


# --- each specific topic of the asking part must be there -------------------------------------
@pytest.mark.shared
@pytest.mark.parametrize(
    ("question", "absent"),
    [
        ("Wat zegt het advies over de rol van een ombudsman in de stakeholderdialoog?", "ombudsman"),
        ("Wat zegt het convenant over accreditatie van productielocaties?", "accreditatie"),
        ("What does the letter say about tariffs on conflict minerals?", "tariffs"),
    ],
)
def test_a_specific_topic_absent_from_the_corpus_is_not_found_beside_a_rarer_one(
    library: Library, question: str, absent: str
) -> None:
    missing = missing_content(library, understand(question, library.has_term))
    assert missing is not None and (missing.kind, missing.what) == ("word", absent)


@pytest.mark.shared
@pytest.mark.parametrize(
    "question",
    ["Wat zegt het convenant over de productielocaties van toeleveranciers?",
     "Quote the clause on the secretariat's yearly assessment of action plans"],
)
def test_topics_that_are_there_and_words_for_parts_of_documents_are_no_missing_content(
    library: Library, question: str
) -> None:
    assert missing_content(library, understand(question, library.has_term)) is None
