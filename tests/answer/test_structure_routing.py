"""Issue #12 round 5, on sentences written for these tests and in no evaluation set: the intent
follows what is asked about (risks, even after an expectation verb); a covenant named in title
order ("convenant steenkool"); a name that is a hyphen part of a register entry's title is the
subject of that entry, not an unknown organisation; invented things stay absent."""

from __future__ import annotations

import answer_fixtures
import pytest

from imvo_assist.answer.covenantnames import named_covenant
from imvo_assist.answer.intents import asks_for_risks
from imvo_assist.answer.understand import understand
from imvo_assist.bronnenboek.records import Reference
from imvo_assist.bronnenboek.report import titled_entries
from imvo_assist.library import Library

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Which risks does the report expect toy makers in the textile sector to consider?", "sector_risks"),
        ("What does the study expect a jeweller to look out for in the electronics sector?", "sector_risks"),
        ("Welke risico's verwacht KPMG in de textielsector?", "sector_risks"),
        # expected of companies: an expectation question, also when risks are mentioned
        ("What is expected of companies under the textile covenant regarding risks?", "expectations"),
        ("Wat verwacht het kabinet van bedrijven in sectoren met hoge risico's?", "expectations"),
    ],
)
def test_the_intent_follows_what_is_asked_about(question: str, intent: str) -> None:
    assert understand(question).intent == intent


@pytest.mark.parametrize(
    ("folded", "asked"),
    [
        ("what risks does the agreement expect", True),
        ("what does the minister expect us to pay attention to", True),
        ("what does the covenant require from importers", False),
        ("wat verwacht het kabinet van sectoren met een verhoogd risico", False),
    ],
)
def test_risks_asked_despite_an_expectation_verb(folded: str, asked: bool) -> None:
    assert asks_for_risks(folded) is asked


@pytest.mark.parametrize(
    ("folded", "subject"),
    [
        ("wanneer werd convenant steenkool getekend", "steenkool"),
        ("wat regelt imvo-convenant textiel over lonen", "textiel"),
        ("afspraken in convenant speelgoed", "speelgoed"),  # named, and so checked as absent
        ("kan een convenant gewijzigd worden", ""),  # the word itself, with an article
        ("hoe definieert het convenant leefbaar loon", ""),
        ("wanneer is convenant ondertekend", ""),  # a verb form follows
        ("waarom moet convenant volgens de raad aansluiten", ""),  # a function word follows
    ],
)
def test_a_covenant_named_in_title_order(folded: str, subject: str) -> None:
    assert named_covenant(folded)[0] == subject


def _reference(nr: int, title: str) -> Reference:
    return Reference("register", nr, "metaal", "Metaal", "org", "Org", "Org", True, 2014, title)


def test_a_name_is_found_as_a_hyphen_part_of_an_entry_title() -> None:
    references = [_reference(1, "Tin uit Zuid-Kivu en de wereldmarkt"), _reference(2, "Kobaltmijnen in Katanga")]
    assert [r.nr for r in titled_entries("Kivu", references)] == [1]
    assert [r.nr for r in titled_entries("Zuid-Kivu", references)] == [1]
    assert titled_entries("Noord-Kivu", references) == []
    assert titled_entries("Kat", references) == []  # not inside a longer word
    assert titled_entries("Rwanda", references) == []


def test_a_place_in_a_register_title_answers_with_that_entry(library: Library) -> None:
    answer = library.ask("Is er een bron over smokkelroutes uit Congo gebruikt?")
    assert not answer.not_found
    assert answer.citations[0].hit.passage.doc_id == "bronnenboek-test"
    assert any(r["title"].startswith("Goud uit Oost-Congo") for r in answer.references)
    assert "staat in de titel van 1 bron:" in answer.answer  # one source, not "bron(nen)"


def test_a_place_in_no_register_title_stays_absent(library: Library) -> None:
    assert library.ask("Is er een bron over smokkelroutes uit Burundi gebruikt?").not_found
