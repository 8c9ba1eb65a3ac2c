"""Mechanisms of issue #12's sixth round (classes found with tests/eval/questions-probe9.toml),
each tested on sentences written for these tests, none of them a question of any evaluation set.

Classes: a covenant named by a subject of several words is there only when its most specific
word is ("the responsible furniture covenant" is not found because a covenant speaks of
responsible business); a question for a date or a year is answered only by passages that
state one; the verb right after a form phrase ("in welk jaar verscheen ...") is a verb; a language
or nationality ("de Engelse versie") is no organisation's name; words for parts of documents
("clause") are no topic; each part of a question that asks two things
gets its best passage (one holding the form of answer the part asks for); a sentence ending
in a plural with an apostrophe ("risico's.") ends there; "baseert" is a verb, no topic.
"""

from __future__ import annotations

import answer_fixtures
import pytest

from imvo_assist.answer.entities import capitalised_names
from imvo_assist.answer.evidence import content_groups, sentences
from imvo_assist.answer.facts import missing_fact
from imvo_assist.answer.general import leading, question_parts
from imvo_assist.answer.keycontent import missing_content
from imvo_assist.answer.retrieve import Ranked
from imvo_assist.answer.understand import understand
from imvo_assist.library import Library
from imvo_assist.models import Hit, Passage
from imvo_assist.text.framing import asking_parts
from imvo_assist.text.morphology import is_verb_form

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


# --- words for parts of documents are no topic ------------------------------------------------
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


# --- a question that asks two things gets a passage for each -----------------------------------
@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("Welke landen bezoekt de minister, en wanneer vertrekt de delegatie?", 2),
        ("Which body checks the reports, and how often does it meet?", 2),
        ("Does the plan name a budget and by whom is it paid?", 2),
        ("Welke risico's gelden voor zout en peper?", 1),
    ],
)
def test_the_parts_a_question_asks(question: str, parts: int) -> None:
    assert len(asking_parts(question)) == parts


def _ranked(text: str, score: float, number: int) -> Ranked:
    passage = Passage(id=f"doc:{number}", doc_id="doc", pdf_page=1, page_label=str(number),
                      section="", text=text)
    return Ranked(Hit(passage, "Doc", "report", "", score, "", "passage"), score, 1.0)  # type: ignore[arg-type]


def test_each_part_of_a_question_gets_its_best_passage() -> None:
    question = "Welke havens bezoekt de handelsmissie, en na hoeveel weken rapporteert de delegatie?"
    understanding = understand(question)
    groups = content_groups(understanding)
    ranked = [
        _ranked("De handelsmissie bezoekt de havens van Rotterdam en Antwerpen.", 3.0, 1),
        _ranked("De handelsmissie bezoekt ook twee havens in het noorden.", 2.5, 2),
        _ranked("Na de missie doet de delegatie verslag aan het bestuur.", 0.4, 3),  # no duration
        _ranked("De delegatie rapporteert na zes weken over de uitkomsten.", 0.3, 4),
    ]
    chosen = leading(ranked, question_parts(understanding, groups))
    assert [hit.passage.page_label for hit in chosen] == ["1", "2", "4"]
    assert [hit.passage.page_label for hit in leading(ranked)] == ["1", "2"]


# --- small mechanisms: sentence ends after a plural in 's, present tense verbs ------------------
def test_a_sentence_ending_in_a_plural_with_apostrophe_ends_there() -> None:
    text = "De bank noemt drie risico's. Volgens een ngo [4] is het toezicht zwak. Dat zei E.M.J. Jansen."
    assert sentences(text) == [
        "De bank noemt drie risico's.", "Volgens een ngo [4] is het toezicht zwak.",
        "Dat zei E.M.J. Jansen.",
    ]


@pytest.mark.parametrize(("word", "verb"), [("baseert", True), ("publiceert", True),
                                             ("rapport", False), ("transport", False)])
def test_a_dutch_present_form_in_t_is_a_verb(word: str, verb: bool) -> None:
    assert is_verb_form(word, "nl") is verb
