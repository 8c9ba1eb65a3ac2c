"""Mechanisms of issue #12's second round (classes found with tests/eval/questions-probe3.toml),
each tested on sentences written for these tests, none of them a question of any evaluation set.

Classes: a common English word the lexicon cannot translate is no key content; the verb of an
inverted English question ("does the agreement prohibit ...") is a verb, not a topic; a rarer
real word is a typo only of a word one slip away; "het convenant over X" asks about X in the
covenant at hand; "based on" names a ground, not provenance, when a noun follows it.
"""

from __future__ import annotations

import answer_fixtures
import pytest

from imvo_assist.answer.covenantnames import named_covenant
from imvo_assist.answer.intents import intent_of
from imvo_assist.answer.typos import typo_corrections
from imvo_assist.answer.understand import understand
from imvo_assist.library import Library
from imvo_assist.text.bilingual import MIN_SPECIFIC, interpret

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)


# --- pure functions ------------------------------------------------------------------------
def test_an_untranslatable_common_english_word_weighs_least_and_a_rare_one_counts() -> None:
    concepts = {c.source: c for c in interpret(["imagine", "vanadium"], lambda w: True, "en")}
    assert concepts["imagine"].specificity == MIN_SPECIFIC
    assert concepts["vanadium"].specificity > 1.0


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("Does the garment agreement prohibit discrimination at work?", "prohibit"),
        ("Which two sectors does the report handle in a single chapter?", "handle"),
    ],
)
def test_the_verb_after_an_inverted_subject_is_a_verb(question: str, verb: str) -> None:
    assert verb in understand(question).verbs


def test_a_verb_the_documents_say_in_the_same_words_stays_a_topic() -> None:
    known = {"missies", "ministers"}.__contains__  # "visit" -> missie(s) is in the documents
    assert "visit" not in understand("Which cities did the minister visit last year?", known).verbs


def test_a_rarer_real_word_is_corrected_only_one_slip_away() -> None:
    assert typo_corrections(["braking"], "en", None, lambda w: True) == {}  # not "banking"
    assert typo_corrections(["foaming"], "en", None, lambda w: True) == {}  # not "farming"
    assert typo_corrections(["bankking"], "en", None, lambda w: True) == {"bankking": "banking"}


@pytest.mark.parametrize(
    ("folded", "subject"),
    [
        ("wat staat er in het convenant over dierlijke materialen", ""),
        ("is er een convenant over speelgoed", "speelgoed"),
        ("quote the covenant on discrimination", ""),
        ("welke afspraken bevat het speelgoedconvenant", "speelgoed"),
    ],
)
def test_the_covenant_at_hand_is_asked_about_a_topic_a_covenant_on_x_is_named(
    folded: str, subject: str
) -> None:
    assert named_covenant(folded)[0] == subject


@pytest.mark.parametrize(
    ("question", "provenance"),
    [
        ("are wages in the agreement set based on gender?", False),
        ("is equal pay gebaseerd op geslacht geregeld?", False),
        ("what is the chapter on mining based on?", True),
        ("op welke bronnen is dit gebaseerd?", True),
        ("is the chapter based on which sources?", True),
    ],
)
def test_based_on_asks_for_provenance_only_when_what_follows_is_open(
    question: str, provenance: bool
) -> None:
    intent, _ = intent_of(question, False, False)
    assert (intent == "provenance") is provenance


# --- over the shared test corpus -------------------------------------------------------------
@pytest.mark.shared
@pytest.mark.parametrize(
    ("question", "doc", "page"),
    [
        ("Which two sectors does the report handle in a single chapter?", "sra-testrapport", "3"),
        ("Does the garment agreement prohibit discrimination at work?", "convenant-test-textiel", "3"),
        ("wat staat er in het convenant over dierlijke materialen?", "convenant-test-textiel", "3"),
    ],
)
def test_unseen_phrasings_are_answered_from_the_right_page(
    library: Library, question: str, doc: str, page: str
) -> None:
    answer = library.ask(question)
    assert not answer.not_found, answer.answer
    pages = [(c.hit.passage.doc_id, c.hit.passage.page_label) for c in answer.citations[:3]]
    assert (doc, page) in pages


@pytest.mark.shared
def test_a_covenant_named_by_an_absent_subject_is_still_not_found(library: Library) -> None:
    answer = library.ask("Bestaat er een convenant over speelgoed?")
    assert answer.not_found
    assert "speelgoed" in answer.answer.lower()
