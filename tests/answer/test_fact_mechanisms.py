"""Mechanisms of issue #12 round 2 (probe5), each tested on sentences written for these tests,
none of them a question of any evaluation set.

Classes: the fact a question asks for (an amount, a count of a thing, an organisation's part)
must stand in the passages that answer it; a fact question turns on each of its specific
words; a clause describing the asker is no key content; a word inside an indexed compound is
present.
"""

from __future__ import annotations

import answer_fixtures
import pytest

from imvo_assist.answer.facts import missing_fact
from imvo_assist.answer.understand import understand
from imvo_assist.library import Library

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)


# --- pure functions ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("passage", "missing"),
    [
        ("De stichting kreeg steun van het ministerie voor het project.", ("amount", "")),
        ("De stichting kreeg € 40.000 voor het project.", None),
        ("Het ministerie trok 2 miljoen euro uit voor het project.", None),
    ],
)
def test_an_amount_question_needs_an_amount(passage: str, missing: tuple[str, str] | None) -> None:
    question = understand("Hoeveel geld kreeg de stichting voor het project?")
    assert missing_fact(question, [passage]) == missing


@pytest.mark.parametrize(
    ("question", "passage", "missing"),
    [
        ("How many inspectors visited the mine?", "Inspectors visited the mine in 2012 and 2013.",
         ("count", "inspectors")),
        ("How many inspectors visited the mine?", "Four inspectors visited the mine.", None),
        ("Hoeveel leden telt het bestuur?", "Het bestuur bestaat uit vijf leden.", None),
        ("Hoeveel leden telt het bestuur?", "Het bestuur telt twee vergaderingen per jaar.",
         ("count", "leden")),
        # "how many times" asks for a frequency, not a count of "times" (a frequency is needed)
        ("How many times did the board meet?", "The board met in spring.", ("frequency", "")),
        ("How many times did the board meet?", "The board met twice a year.", None),
    ],
)
def test_a_count_question_needs_a_number_of_that_thing(
    question: str, passage: str, missing: tuple[str, str] | None,
) -> None:
    assert missing_fact(understand(question), [passage]) == missing


def test_an_organisation_asked_about_must_be_in_the_passages() -> None:
    role = understand("Welke rol heeft Solidaridad in het convenant?")
    assert missing_fact(role, ["Partijen zijn bedrijven, vakbonden en de overheid."]) == (
        "entity", "Solidaridad")
    assert missing_fact(role, ["Solidaridad ondersteunt de telers."]) is None
    source = understand("Wat zegt Solidaridad over irrigatie?")  # the speaker need not be named
    assert missing_fact(source, ["Telers werken aan zuiniger irrigatie."]) is None


# --- through the engine --------------------------------------------------------------------
def test_a_fact_question_on_a_word_the_documents_lack_is_not_found(library: Library) -> None:
    answer = library.ask("Wie was de woordvoerder van de SER?")
    assert answer.not_found
    assert "woordvoerder" in answer.answer


def test_an_organisation_absent_from_the_covenant_is_not_found(library: Library) -> None:
    answer = library.ask("Welke rol heeft Solidaridad in het textielconvenant?")
    assert answer.not_found
    assert "Solidaridad" in answer.answer


def test_the_askers_own_clause_is_no_key_content(library: Library) -> None:
    answer = library.ask("Wij zijn een koffiebrander, welke risico's noemt het rapport voor voedingsmiddelen?")
    assert not answer.not_found
    assert any(c.hit.passage.page_label in ("27", "28") for c in answer.citations)


def test_a_word_inside_an_indexed_compound_is_present(library: Library) -> None:
    answer = library.ask("Is anything said about pension savings invested in mining companies?")
    assert not answer.not_found
    assert "pension" not in answer.answer.split("\n")[0]
