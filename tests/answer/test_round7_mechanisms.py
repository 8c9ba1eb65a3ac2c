"""Mechanisms of issue #12's seventh round (classes found with tests/eval/questions-probe10.toml:
questions in everyday words), each tested on sentences written for these tests, none of them a
question of any evaluation set.

Classes: an English verb is found after an adverb, a joined clause or a colon ("...: does the
covenant just ban it, or do firms ..."), so it is no absent topic; Dutch "hoeveel" with a
singular asks for an amount, not a count, and "how many people" is counted by any count of
members or parties; the author of a document ("does the SER want ...") is no entity its own
text must name; "pick up", "take into account", "meegewogen" ask whether work was used; "hoe
hoog is de boete" asks for a sum of money; "wie is de voorzitter" asks for a person by name;
"who signed the letter" is answered from the letter's closing passage, where signatures stand.
"""

from __future__ import annotations

import answer_fixtures
import pytest

from imvo_assist.answer.facts import missing_fact
from imvo_assist.answer.keycontent import missing_content
from imvo_assist.answer.understand import understand
from imvo_assist.library import Library

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)


@pytest.mark.parametrize(
    ("question", "verb", "noun"),
    [
        (("Our suppliers make shoes: does the agreement simply forbid overtime, or do brands also "
          "have to pay for repairs?"), "forbid", "brands"),
        ("Tea estates and pickers - does the plan really restrict overtime?", "restrict", "plan"),
    ],
)
def test_an_english_verb_after_an_adverb_a_colon_or_a_joined_clause(
    question: str, verb: str, noun: str
) -> None:
    verbs = understand(question).verbs
    assert verb in verbs and noun not in verbs


@pytest.mark.parametrize(
    ("question", "passage", "missing"),
    [
        ("Hoeveel zicht heeft de inkoper op de werkplaatsen?",
         "De inkoper kent de werkplaatsen achter de agent vaak niet.", None),
        ("Hoeveel werkplaatsen kent de inkoper?",
         "De inkoper kent de werkplaatsen achter de agent vaak niet.", ("count", "werkplaatsen")),
        ("How many people sit on the advisory board?",
         "The advisory board has five members from industry and unions.", None),
        ("How many people sit on the advisory board?",
         "The advisory board meets in spring and in autumn.", ("count", "people")),
    ],
)
def test_counts_are_of_plural_nouns_and_people_are_counted_as_members(
    question: str, passage: str, missing: tuple[str, str] | None
) -> None:
    assert missing_fact(understand(question), [passage]) == missing


def test_the_author_of_a_document_is_no_entity_its_text_must_name() -> None:
    passages = ["Retailers audit their suppliers every year and publish the results."]
    assert missing_fact(understand("Does KPMG want retailers to audit their suppliers?"), passages) is None
    other = missing_fact(understand("Does Oxfam Novib want retailers to audit their suppliers?"), passages)
    assert other is not None and other[0] == "entity"


@pytest.mark.parametrize(
    "question",
    ["Solidaridad here: did KPMG take our cotton study into account?",
     "Heeft KPMG het rapport van Both ENDS over palmolie meegewogen?",
     "Did the analysts pick up the Oxfam Novib paper on supermarkets?"],
)
def test_phrasal_verbs_of_using_work_ask_for_inclusion(question: str) -> None:
    assert understand(question).intent == "org_included"


@pytest.mark.parametrize(
    ("question", "passage", "missing"),
    [
        ("Hoe hoog is de boete voor een leverancier die te laat levert?",
         "Een leverancier die te laat levert krijgt eerst een waarschuwing.", ("amount", "")),
        ("How big is the fine for a supplier that delivers late?",
         "A supplier that delivers late pays a fine of € 500 per day.", None),
        ("Wat zegt het plan over lonen in de werkplaatsen?",
         "Het plan vraagt om leefbare lonen in alle werkplaatsen.", None),
    ],
)
def test_a_question_for_a_sum_of_money_needs_an_amount(
    question: str, passage: str, missing: tuple[str, str] | None
) -> None:
    assert missing_fact(understand(question), [passage]) == missing


@pytest.mark.parametrize(
    ("question", "passage", "missing"),
    [
        ("Wie is de voorzitter van de adviesraad?",
         "De adviesraad bestaat uit vijf leden uit bedrijfsleven en vakbonden.", ("person", "")),
        ("Who chairs the advisory board?",
         "The advisory board is chaired by Dr. Visser, who was appointed in 2015.", None),
        ("Which researcher wrote the audit report for the ministry?",
         "Het auditrapport is geschreven door A.B. de Vries voor het ministerie.", None),
        ("Which organisations advise the board?",
         "The board is advised by two trade unions and an NGO.", None),  # no person asked
    ],
)
def test_a_question_for_a_person_needs_a_name_in_its_passages(
    question: str, passage: str, missing: tuple[str, str] | None
) -> None:
    assert missing_fact(understand(question), [passage]) == missing


def test_an_organisation_is_known_by_its_english_name() -> None:
    understanding = understand("Did KPMG use any report by Friends of the Earth Netherlands on gas?")
    assert "milieudefensie" in [o.id for o in understanding.organisations]
    assert understanding.intent == "org_included"


@pytest.mark.shared
@pytest.mark.parametrize(
    "question",
    ["Wie hebben de brief aan de Tweede Kamer van november 2014 getekend?",
     "Who signed the November 2014 letter to the House?"],
)
def test_who_signed_a_document_is_answered_from_its_closing_passage(
    library: Library, question: str
) -> None:
    answer = library.ask(question)
    assert not answer.not_found, answer.answer
    first = answer.answer.split("\n- ", 1)[1].splitlines()[0]
    assert "Ploumen" in first and "Kamp" in first
    assert answer.citations[0].hit.passage.doc_id.startswith("kamerbrief-2014-11-19-sra")
    assert answer.citations[0].hit.passage.page_label == "5"


@pytest.mark.shared
def test_a_register_fact_is_placed_without_an_empty_page(library: Library) -> None:
    answer = library.ask("child labour in cocoa - is it a known risk for food companies?")
    bullets = [line for line in answer.answer.splitlines() if line.startswith("- ")]
    assert any("(register)" in c.hit.title or c.hit.source == "register" for c in answer.citations)
    assert bullets and not any(", p. )" in line or ", p. ;" in line for line in bullets)


@pytest.mark.shared
def test_a_figure_in_words_is_looked_up_as_the_figure(library: Library) -> None:
    present = understand("Did KPMG look at eighty-six sectors of the economy?", library.has_term)
    assert missing_content(library, present) is None
    absent = understand("Did KPMG look at seventy-four sectors of the economy?", library.has_term)
    found = missing_content(library, absent)
    assert found is not None and (found.kind, found.what) == ("figure", "74")
