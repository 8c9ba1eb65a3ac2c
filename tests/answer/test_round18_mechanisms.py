"""Mechanisms of issue #12's eighteenth round, each tested on sentences written for these tests,
none of them a question of any evaluation set.

Classes: an abbreviation's full stop ("art. 4", "p. 3", "bijv.") does not end the sentence, so
what a question asks before it stays in the part that asks; a misspelling common enough to be in
a word list ("eigelijk", "goverment") is still read as the far commoner word one typing slip away;
the document to look in (the report by its abbreviation, an indexed covenant by its name) is no
topic that makes a question answerable; a Dutch compound weighs as the parts of it the documents
lack, not as rare as its absence from the word list makes it; a registered organisation asked for a
report on a name no document holds ("het SOMO-rapport over Apple") has no such publication; "wie
zit X voor, die ..." asks for a person, "the minimum number of X" for a count.
"""

from __future__ import annotations

import answer_fixtures
import pytest
from answer_fixtures import answered, unanswered

from imvo_assist.answer import keycontent
from imvo_assist.answer.presence import present
from imvo_assist.answer.understand import understand
from imvo_assist.library import Library
from imvo_assist.text.bilingual import Concept, specificity
from imvo_assist.text.compounds import split_compound
from imvo_assist.text.framing import asking_part

library = answer_fixtures.library


@pytest.mark.parametrize(("question", "asks"), [
    ("welke afspraken over cryptovaluta staan in art. 4 van het convenant?", "cryptovaluta"),
    ("which rules on carbon credits does the letter give on p. 3?", "carbon credits"),
    ("wat zegt het rapport over drones, bijv. in de landbouw?", "drones"),
    ("Zie nr. 197 van de Kamerstukken. Welke sectoren noemt de brief?", "Welke sectoren"),
])
def test_an_abbreviation_does_not_end_the_sentence_that_asks(question: str, asks: str) -> None:
    assert asks in asking_part(question)


@pytest.mark.parametrize(("question", "absent"), [
    ("welke afspraken over cryptovaluta staan in art. 4 van het convenant?", "cryptovaluta"),
    ("which rules on carbon credits does the letter give on p. 3?", "credits"),
    ("wat zegt het rapport over drones, bijv. in de landbouw?", "drones"),
])
def test_what_is_asked_before_an_abbreviation_is_looked_for(
        library: Library, question: str, absent: str) -> None:
    assert absent in unanswered(library, question).answer


@pytest.mark.parametrize(("question", "doc", "word"), [
    ("welke afspraken over klachten staan in art. 4 van het convenant?", "convenant-test-textiel", "klacht"),
    ("wat zegt het rapport over bestrijdingsmiddelen, bijv. in de landbouw?", "sra-testrapport", "bestrijdingsmiddelen"),
])
def test_the_twins_with_content_the_documents_hold_are_answered(
        library: Library, question: str, doc: str, word: str) -> None:
    answer = answered(library, question)
    passages = [c.hit.passage for c in answer.citations[:3]]
    assert any(p.doc_id == doc and word in p.text.lower() for p in passages)


@pytest.mark.parametrize(("question", "typed", "meant"), [
    ("wat zegt het convenant eigelijk over lonen?", "eigelijk", "eigenlijk"),
    ("welke afspraken gelden bijvoorbeld voor lonen?", "bijvoorbeld", "bijvoorbeeld"),
    ("what does the goverment expect from companies?", "goverment", "government"),
    ("what did the cabinet recieve from KPMG?", "recieve", "receive"),
])
def test_a_listed_misspelling_of_a_far_commoner_word_is_corrected(
        library: Library, question: str, typed: str, meant: str) -> None:
    assert understand(question, library.words).corrections.get(typed) == meant


@pytest.mark.parametrize(("question", "word"), [
    ("wat zegt de SRA over hoe beesten behandeld worden?", "beesten"),  # a word, if colloquial
    ("is er onmiddelijk actie nodig volgens de brief?", "onmiddelijk"),  # not 100 times rarer
])
def test_a_rare_word_that_is_no_far_commoner_word_misspelt_stays(
        library: Library, question: str, word: str) -> None:
    assert word not in understand(question, library.words).corrections


@pytest.mark.parametrize(("question", "absent"), [
    ("Wat zegt de SRA over asbest in de bouw?", "asbest"),
    ("in the SRA, which page covers bribery by customs officers?", "bribery"),
    ("Which sources does the SRA give for child labour on Ethiopian coffee farms?", "ethiopian"),
    ("wat staat in het kledingconvenant over huurcontracten van winkels?", "huurcontracten"),
    ("geef de definitie van 'franchisenemer' in art. 1 van het textielconvenant", "franchisenemer"),
    ("wat zegt het textielconvenant over zijdeproductie?", "zijdeproductie"),
])
def test_the_document_to_look_in_is_no_topic_that_answers(library: Library, question: str, absent: str) -> None:
    """The report by its abbreviation ("de SRA") and an indexed covenant by its name are where
    to look: what the question asks of them must be there."""
    assert absent in unanswered(library, question).answer


@pytest.mark.parametrize(("question", "doc", "word"), [
    ("Wat zegt de SRA over kinderarbeid in de mijnbouw?", "sra-testrapport", "kinderarbeid"),
    ("wat zegt het textielconvenant over leefbaar loon?", "convenant-test-textiel", "leefbaar loon"),
    ("does the SRA mention water shortages in cotton growing?", "sra-testrapport", "water"),
    ("wat zegt het rapport over waterproblemen bij katoenteelt?", "sra-testrapport", "katoenteelt"),
])
def test_what_the_named_document_holds_is_answered_from_it(
        library: Library, question: str, doc: str, word: str) -> None:
    answer = answered(library, question)
    assert any(c.hit.passage.doc_id == doc and word in c.hit.passage.text.lower() for c in answer.citations[:3])


@pytest.mark.parametrize(("word", "weight"), [
    ("gezondheidsgevaren", "rarest part"),  # gezondheid, gevaren: both in the documents
    ("oorlogsgebieden", "lacking part"),  # oorlog: absent and common
    ("pelsdieren", "lacking part"),  # pels
    ("bontfokkerij", "whole"),  # bont, fokkerij: nothing of it is there
])
def test_a_compound_weighs_as_the_parts_the_documents_lack(library: Library, word: str, weight: str) -> None:
    concept = Concept(word, specificity=specificity(word, "nl"), language="nl")
    parts = split_compound(word)
    assert parts
    lacking = [p for p in parts if not present(library, [p])]
    if weight == "rarest part":
        assert not lacking
        expected = specificity(" ".join(parts), "nl")
    elif weight == "lacking part":
        assert 0 < len(lacking) < len(parts)
        expected = max(specificity(p, "nl") for p in lacking)
    else:
        assert len(lacking) == len(parts)
        expected = concept.specificity
    assert expected < concept.specificity or weight == "whole"
    assert keycontent._by_parts(library, concept).specificity == expected


@pytest.mark.parametrize(("question", "said"), [
    ("Heeft KPMG het SOMO-rapport over Apple gebruikt?", "met geen publicatie over Apple"),
    ("Is the Amnesty report on Glencore in Peru in the source book?", "no publication on Glencore"),
    ("was Solidaridad's study on Starbucks coffee used for the analysis?", "no publication on Starbucks"),
])
def test_a_registered_organisation_asked_for_a_report_on_what_no_document_names(
        library: Library, question: str, said: str) -> None:
    answer = unanswered(library, question)
    assert said in answer.answer
    assert "[" in answer.answer  # its own publications are listed, by register number


@pytest.mark.parametrize(("question", "nr"), [
    ("Heeft KPMG het SOMO-rapport over de kolenketen gebruikt?", "[19]"),
    ("Is the Amnesty report on forced evictions in the source book?", "[33]"),
    ("Is het Milieudefensie-rapport over bestrijdingsmiddelen gebruikt?", "[40]"),
    ("In welk jaar verscheen het Both ENDS-stuk over palmolie?", "[59]"),  # the author and a hyphen
])
def test_a_report_on_what_the_documents_hold_is_looked_up(library: Library, question: str, nr: str) -> None:
    assert nr in answered(library, question).answer


@pytest.mark.parametrize(("question", "said"), [
    ("wie zit de stuurgroep van het textielconvenant voor die de voortgang bewaakt?", "geen persoon"),
    ("wie zit de Commissie IMVO van de SER voor, die het advies heeft geschreven?", "geen persoon"),
    ("what is the minimum number of companies needed before a covenant can start?", "no number"),
    ("wat is het minimale aantal deelnemers aan een IMVO-convenant?", "geen aantal"),
])
def test_a_chair_or_a_minimum_number_asked_must_be_stated(library: Library, question: str, said: str) -> None:
    assert said in unanswered(library, question).answer


@pytest.mark.parametrize(("question", "stated"), [
    ("what is the minimum number of members of the complaints committee in the garments agreement?", "three members"),
    ("wie heeft de brief over de SRA ondertekend?", "Ploumen"),
])
def test_a_count_or_a_person_the_documents_state_is_answered(library: Library, question: str, stated: str) -> None:
    assert stated in answered(library, question).answer


@pytest.mark.parametrize(("question", "doc", "word"), [
    ("citaat convenant over dwangarbeid en schuldslavernij, welk artikel?", "convenant-test-textiel", "schuldslavernij"),
    ("quote covenant on child labour please", "agreement-test-garments-en", "child labour"),
    ("wat staat er in het convenant over kinderarbeid, met paginanr", "convenant-test-textiel", "kinderarbeid"),
])
def test_a_request_typed_without_article_asks_the_covenant_at_hand(
        library: Library, question: str, doc: str, word: str) -> None:
    """"citaat convenant over X" quotes the covenant about X, as "het convenant over X" does; it
    names no covenant on X. "paginanr" asks for the page, as "paginanummer" does."""
    answer = answered(library, question)
    assert any(c.hit.passage.doc_id == doc and word in c.hit.passage.text.lower() for c in answer.citations[:2])


def test_a_covenant_on_a_subject_is_still_named_with_an_indefinite_article(library: Library) -> None:
    assert "geen convenant over dierproeven" in unanswered(library, "is er een convenant over dierproeven?").answer
