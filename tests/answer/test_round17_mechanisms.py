"""Mechanisms of issue #12's seventeenth round, each tested on sentences written for these tests,
none of them a question of any evaluation set.

Classes: a covenant named by a subject with a word that praises covenants in general ("duurzaam
papier", "the sustainable garments agreement") is looked up by the rest of its subject, so the
textile covenant's "Duurzame" does not make it a covenant on paper; a question asked of a named
document whose most specific word is not there is still asked in part when another thing it
asks about is ("unions in factories"), but a verb of the question is no such thing ("What does
the renewable energy covenant require?").
"""

from __future__ import annotations

import answer_fixtures
import pytest
from answer_fixtures import answered, unanswered

from imvo_assist.answer.covenantcheck import covenant_source
from imvo_assist.answer.understand import understand
from imvo_assist.library import Library

library = answer_fixtures.library


@pytest.mark.parametrize(("question", "subject"), [
    ("what does the sustainable garments agreement say about unions?", "vakbonden"),
    ("wat staat er in het convenant over duurzame kleding over leefbaar loon?", "leefbaar loon"),
])
def test_a_covenant_named_with_its_praising_word_is_still_found(
        library: Library, question: str, subject: str) -> None:
    answer = answered(library, question)
    top = answer.citations[0].hit.passage
    assert top.doc_id == "convenant-test-textiel"
    assert subject in top.text.lower()


def test_the_praising_word_of_covenant_titles_is_passed_over_but_a_subject_is_not(library: Library) -> None:
    paper = understand("wat staat er in het convenant over duurzaam papier?", library.has_term)
    assert covenant_source(library, paper.covenant[0], paper) is None
    clothing = understand("wat staat er in het convenant over duurzame kleding?", library.has_term)
    assert covenant_source(library, clothing.covenant[0], clothing) == "text"


def test_a_question_asked_of_a_document_in_part_is_answered_from_it(library: Library) -> None:
    answer = answered(library, "what does the garments agreement say about unions in factories?")
    pages = {(c.hit.passage.doc_id, c.hit.passage.page_label) for c in answer.citations[:2]}
    assert pages == {("convenant-test-textiel", "2"), ("agreement-test-garments-en", "1")}
    assert "vakbonden" in answer.citations[0].hit.passage.text + answer.citations[1].hit.passage.text


@pytest.mark.parametrize(("question", "said"), [
    ("wat staat er in het convenant over duurzaam papier?", "Er is geen convenant over duurzaam papier"),
    ("wat staat er in het convenant over duurzaam voedsel?", "Er is geen convenant over duurzaam voedsel"),
    ("what does the responsible gold covenant say about mercury?", "'Dutch Responsible Gold Agreement' is in the bundled register"),
    ("What does the renewable energy covenant require?", "'renewable energy' does not occur in the covenants"),
    ("wat staat er in de kamerbrief over vakbonden in de mijnbouw?", "'mijnbouw' komt niet voor in de brief"),
])
def test_a_praising_word_a_verb_or_a_setting_does_not_make_a_document_answer(
        library: Library, question: str, said: str) -> None:
    answer = unanswered(library, question)
    assert answer.answer.startswith(said)
    assert not answer.citations


@pytest.mark.parametrize(("question", "said"), [
    ("we make surfboards. which risks does the SRA see for our sector?", "'surfboards' does not occur"),
    ("ik heb een kapsalon; welke MVO-risico's gelden voor mijn branche?", "'kapsalon' komt in geen"),
    ("wij zijn een reisbureau. welke risico's noemt de SRA voor onze sector?", "'reisbureau' komt in geen"),
    ("wij kweken oesters; welke risico's gelden daarvoor?", "'oesters'"),
    ("we import vanilla from madagascar. which risks does the analysis name for that?", "'vanilla'"),
    ("which risks does the analysis name for salmon farming?", "'salmon'"),
    ("what risks for vanilla farming does the report name?", "'vanilla'"),
])
def test_the_askers_business_or_a_sector_word_narrowed_to_what_no_document_names_is_not_found(
        library: Library, question: str, said: str) -> None:
    assert unanswered(library, question).answer.startswith(said)


@pytest.mark.parametrize(("question", "heading"), [
    ("we make smartphones. which risks does the SRA see for our sector?", "Risks for the Electronics sector"),
    ("ik run een bouwbedrijf, welke risico's gelden voor mijn branche?", "Risico's voor de sector Bouw"),
    ("wij zijn een bank. welke risico's noemt de SRA voor onze sector?", "Risico's voor de sector Financiële sector"),
    ("wij importeren cacao, welke risico's noemt de analyse daarbij?", "Voedingsmiddelen"),
    ("we make smartphones. which risks does the SRA name for those?", "Electronics"),
    ("which risks for gold mining does the SRA name?", "Metal"),
    ("what does the report say about risks in cotton farming?", "Agriculture"),
])
def test_the_askers_business_or_a_narrowed_sector_word_of_the_corpus_is_answered_with_its_risks(
        library: Library, question: str, heading: str) -> None:
    assert heading in answered(library, question).answer.split("\n")[0]
