"""Mechanisms of issue #12's fourteenth round, each tested on sentences written for these tests,
none of them a question of any evaluation set.

Classes: what a sector-risks question asks the risks of, when only an everyday word names the
sector ("kobalt in smartphones"), must be in the documents, unless it is of the sector ("paper
mills"), made of what they hold ("furniture made of tropical hardwood") or a word of the
vocabulary; a date asked for stands in the passages that speak most of what is asked, not
beside less of it in another passage (the date of an earlier letter).
"""

from __future__ import annotations

import answer_fixtures
import pytest
from answer_fixtures import answered, unanswered

from imvo_assist.answer.risksubject import _phrase, absent_subject
from imvo_assist.answer.understand import understand
from imvo_assist.library import Library
from imvo_assist.text.questionforms import reports_outcome

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)


@pytest.mark.parametrize(("question", "subject"), [
    ("risico's van kobalt in smartphones volgens de sra", "kobalt"),
    ("What risks does the analysis flag for lithium in phone batteries?", "lithium"),
    ("Which risks apply to rubber gloves sold in supermarkets?", "gloves"),
    ("we sell plastic toys, which risks does the report list for toys?", "toys"),
    ("nikkel voor laptopaccu's: welke risico's?", "nikkel"),
    ("welke risico's zijn er voor kobalt dat in smartphones wordt gebruikt?", "kobalt"),  # used, not traded
])
def test_an_absent_subject_of_the_risks_beside_an_everyday_sector_word_is_not_found(
    library: Library, question: str, subject: str,
) -> None:
    answer = unanswered(library, question)
    assert subject in answer.answer
    assert not answer.citations


@pytest.mark.parametrize(("question", "page"), [
    ("which risks apply to smartphones?", "22"),  # the everyday word itself
    ("what risks for jeans manufacturers?", "26"),  # actors of the sector named before them
    ("risks for paper mills", "18"),
    ("welke risico's voor houthandelaren", "18"),  # the sector as a compound's first part
    ("risico's voor tuinders en bloementelers", "20"),  # one of two joined subjects names it
    ("Which risks apply to garden chairs made of tropical hardwood?", "18"),  # made of a present material
    ("what does the sra say about risks for gold in electronics?", "22"),  # the subject is present
    ("what are the risks with cheap t-shirts?", "26"),  # a describing word before the sector's word
    ("risks for Chinese smartphones", "22"),
    ("welke risico's gelden voor kinderkleding?", "26"),  # the sector's word ends the compound
    ("welke risico's zijn er in een notendop voor smartphones?", "22"),  # an adverbial phrase
    ("welke risico's zijn er voor het mkb dat kleding verkoopt?", "26"),  # who trades in the sector
    ("what are the risks for small firms that make smartphones?", "22"),
    ("We sell laptops online. What risks are there for us?", "22"),  # "for us" points at the asker
    ("welke risico's noemt de SRA voor kobalt in de elektronicasector?", "22"),  # named as a sector
])
def test_a_subject_of_the_sector_present_or_beside_a_named_sector_is_answered_with_its_risks(
    library: Library, question: str, page: str,
) -> None:
    answer = answered(library, question)
    assert ("sra-testrapport", page) in [(c.hit.passage.doc_id, c.hit.passage.page_label) for c in answer.citations]


def test_an_origin_is_no_material_that_answers_for_the_subject(library: Library) -> None:
    question = "welke risico's noemt de sra voor knuffels uit china?"
    assert absent_subject(library, understand(question, library.has_term)) is not None


@pytest.mark.parametrize(("span", "language", "conjuncts", "material"), [
    ("lithium or cobalt mining", "en", [["lithium"], ["cobalt", "mining"]], []),
    ("furniture made of tropical hardwood", "en", [["furniture"]], ["tropical", "hardwood"]),
    ("speelgoed of knuffels van pluche", "nl", [["speelgoed"], ["knuffels"]], ["pluche"]),
    ("de winning van goud in afrika", "nl", [["winning"]], ["goud"]),
    ("cheap t shirts", "en", [["cheap", "t", "shirts"]], []),
])
def test_the_subject_phrase_is_read_as_joined_parts_and_a_material(
    span: str, language: str, conjuncts: list[list[str]], material: list[str],
) -> None:
    assert _phrase(span, language)[:2] == (conjuncts, material)


@pytest.mark.parametrize("question", [
    "On what date will the cabinet send the first progress report on the SRA to the House?",
])
def test_a_date_beside_less_of_the_question_in_another_passage_is_no_answer(
    library: Library, question: str,
) -> None:
    answer = unanswered(library, question)
    assert "24 juni" not in answer.answer


@pytest.mark.parametrize(("question", "date"), [
    ("Op welke datum is het steenkoolconvenant ondertekend?", "17 november"),
    ("In welk jaar verscheen het SER-advies?", "2014"),
    ("Op welke datum kreeg de Tweede Kamer de eerdere brief over de SRA?", "24 juni"),  # not "datum": "dat"
])
def test_a_date_that_stands_beside_what_is_asked_answers(library: Library, question: str, date: str) -> None:
    assert date in answered(library, question).answer


@pytest.mark.parametrize("question", [
    "wat was de uitkomst van de tussentijdse evaluatie van het textielconvenant?",
    "hoe is de tussentijdse evaluatie van het textielconvenant afgelopen?",  # what it is of, inside
    "hoe is de evaluatie door de SER-commissie afgelopen?",
    "what came out of the first progress report on the SRA?",
])
def test_the_outcome_of_what_the_documents_only_announce_is_not_found(library: Library, question: str) -> None:
    answer = unanswered(library, question)
    assert "uitkomst" in answer.answer or "outcome" in answer.answer


@pytest.mark.parametrize("question", [
    "Wat waren de uitkomsten van de SRA?",
    "what came out of KPMG's analysis of the 86 sectors?",
    "wat was het resultaat van het onderzoek van KPMG?",
])
def test_an_outcome_the_documents_report_is_answered(library: Library, question: str) -> None:
    assert answered(library, question).citations


@pytest.mark.parametrize(("sentence", "reports"), [
    ("Er werden door KPMG 13 sectoren met een verhoogd risico geïdentificeerd.", True),
    ("De commissie zal de voortgang over twee jaar evalueren.", False),
    ("Na drie jaar vindt een tussentijdse evaluatie plaats.", False),
    ("The committee will review progress in 2016.", False),
    ("Het gaat om risico's in de hele keten.", True),  # "gaat om" announces nothing
])
def test_a_sentence_that_announces_reports_no_outcome(sentence: str, reports: bool) -> None:
    assert reports_outcome(sentence) is reports


@pytest.mark.parametrize(("question", "kind"), [
    ("wat is de naam van de coördinator van het textielconvenant?", "persoon bij naam"),
    ("Which NGOs criticised KPMG's methodology? I need names.", "no names"),
    ("Welke twee vakbonden zitten in het convenant? Ik wil de namen.", "geen namen"),  # past a number
])
def test_a_person_or_names_asked_for_and_not_given_is_not_found(
    library: Library, question: str, kind: str,
) -> None:
    assert kind in unanswered(library, question).answer


@pytest.mark.parametrize("question", [
    "Welke organisaties schreven over kinderarbeid in de cacaoteelt? Ik wil namen.",
    "wie heeft de kamerbrief ondertekend? ik wil de namen",
    "Which sectors did KPMG identify as high risk? I need names.",  # sectors, no persons or bodies
    "On the whole, which sectors have elevated risks? I want names.",  # "whole" is no "who"
    "What did the coordinator of the branch club say about wages in the old message?",  # what, not who
])
def test_names_asked_for_that_the_passages_give_are_answered(library: Library, question: str) -> None:
    assert answered(library, question).citations
