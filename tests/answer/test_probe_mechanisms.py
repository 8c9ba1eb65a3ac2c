"""Mechanisms found with the probe set (tests/eval/questions-probe.toml), each tested on
sentences written for these tests, none of them a question of any evaluation set.

Classes: a common word the lexicon lacks is no key content; names of a context sentence do not make a question unanswerable; number words are figures;
synonyms in the question's own language count as present; a real word is no typo; "where do X
occur" is no provenance question; a Dutch question prefers the Dutch text of an agreement.
"""

from __future__ import annotations

import answer_fixtures
import pytest

from imvo_assist.answer.entities import capitalised_names
from imvo_assist.answer.intents import intent_of
from imvo_assist.answer.keycontent import asking_part
from imvo_assist.answer.typos import typo_corrections
from imvo_assist.library import Library

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)


# --- pure functions ------------------------------------------------------------------------
def test_a_name_ends_with_its_sentence() -> None:
    names = capitalised_names("We buy tea from Sri Lanka. Which risks apply to food?", frozenset())
    assert names == ["Sri Lanka"]
    assert capitalised_names("Did Minister E.M.J. Ploumen sign it?", frozenset())[-1].endswith("E.M.J. Ploumen")


@pytest.mark.parametrize(
    ("question", "asking"),
    [
        ("We buy roses from Ethiopia. Which risks apply to flowers?", "Which risks apply to flowers?"),
        ("voor de vergadering: welke boetes gelden?", " welke boetes gelden?"),
        ("Kamerstuk 26 485: wat staat erin?", "Kamerstuk 26 485: wat staat erin?"),
    ],
)
def test_the_asking_part_of_a_question(question: str, asking: str) -> None:
    assert asking_part(question) == asking


def test_a_frequent_word_is_no_typo_of_a_vocabulary_word() -> None:
    assert "source" not in typo_corrections(["source", "book"], "en", None, lambda w: True)
    assert typo_corrections(["kinderabeid"], "nl", None, lambda w: True) == {"kinderabeid": "kinderarbeid"}


@pytest.mark.parametrize(
    ("question", "provenance"),
    [
        ("where do most accidents happen in construction?", False),
        ("where does this figure come from?", True),
        ("where did they get this from?", True),
    ],
)
def test_where_asks_for_provenance_only_with_come_from(question: str, provenance: bool) -> None:
    intent, _ = intent_of(question, False, False)
    assert (intent == "provenance") is provenance


# --- over the shared test corpus -------------------------------------------------------------
@pytest.mark.shared
@pytest.mark.parametrize(
    "question",
    [
        "quick one: how often must companies report under the textile covenant?",
        "We buy roses from Ethiopia. Which risks apply to flowers?",
        "Which thirteen sectors have elevated risks?",
        "Wat was de kritiek op de methodiek van de analyse?",
    ],
)
def test_common_words_context_names_numbers_and_synonyms_are_answered(
    library: Library, question: str
) -> None:
    answer = library.ask(question)
    assert not answer.not_found, answer.answer
    assert answer.citations


@pytest.mark.shared
def test_a_dutch_question_reads_a_dutch_verb_form_and_prefers_dutch_text(library: Library) -> None:
    answer = library.ask("Mag het textielconvenant gewijzigd worden zonder instemming van iedereen?")
    first = answer.citations[0].hit.passage
    assert (first.doc_id, first.page_label) == ("convenant-test-textiel", "6")


def test_a_compound_of_indexed_words_is_split_not_corrected() -> None:
    known = {"olie", "raffinaderijen", "raffinaderij"}.__contains__
    assert typo_corrections(["olieraffinaderijen"], "nl", known, lambda w: True) == {}


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("why did the city publish a source book next to the report?", ""),
        ("volgens het rapport: waarom staat de brief niet online?", "report"),
        ("wat staat er in de brief over subsidies?", "letter"),
    ],
)
def test_of_several_named_documents_only_the_cited_one_is_the_source(question: str, kind: str) -> None:
    from imvo_assist.answer.understand import understand

    assert understand(question).named_kind == kind
