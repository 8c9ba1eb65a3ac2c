"""Mechanisms of issue #12's twenty-first round, each tested on sentences written for these tests,
none of them a question of any evaluation set.

Classes: a sector's activity narrowed by what no document names counts as absent also beside
another conjunct ("risks in nickel or cobalt mining": nickel and cobalt), while an activity
narrowed by what the documents name ("tin or gold mining") is the sector's own; a specific noun
the lexicon translates that no document holds is what a question turns on also beside a named
organisation the documents do hold ("welke subsidie krijgt MVO Nederland?"), but not a compound
of the documents' own words nor a word that ends one of their compounds; capitalised words joined
by "and" into a name the vocabulary or the lexicon knows ("the Social and Economic Council": the
SER) are no unknown name "Economic Council"; a question that names or cites a kind of document
the corpus does not index ("wat adviseert de SER ...?" over the bundled letter) is answered from
the other documents with a note saying so, not "'SER' komt niet voor in het advies"; a follow-up
that only asks where ("Does the report mention X? Where exactly?") is asked with the question
before it, and a word capitalised because it opens that follow-up names no covenant; a Dutch verb
is found as its participle ("uitvoeren": "uitgevoerd"); whether an aim was achieved ("is het doel
gehaald?") is answered only by a sentence saying it was, never by the aim itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

import answer_fixtures
import pytest
from answer_fixtures import answered, unanswered

from imvo_assist.answer.absentnoun import translated_noun
from imvo_assist.answer.entities import capitalised_names
from imvo_assist.library import Library
from imvo_assist.text.bilingual import interpret
from imvo_assist.text.framing import main_sentence
from imvo_assist.text.morphology import past_participles
from imvo_assist.text.wordlist import Lang

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "overview"))
from overview_support import bundled_fixture  # noqa: F401 (the `bundled` fixture)

from imvo_assist.settings import Settings

library = answer_fixtures.library


@pytest.fixture(scope="module")
def bundled_library(bundled: Settings) -> Library:
    return Library(bundled)


@pytest.mark.parametrize(("question", "named"), [
    ("What risks does the SRA name for nickel or cobalt mining?", "'nickel'"),
    ("Which human rights risks does the report list for silver or bauxite mining?", "'silver'"),
])
def test_an_activity_narrowed_by_what_no_document_names_is_absent_beside_another(
        library: Library, question: str, named: str) -> None:
    assert named in unanswered(library, question).answer


@pytest.mark.parametrize("question", [
    "What risks does the report list for tin and gold mining?",
    "Which risks does the SRA describe for tin or tantalum mining?",
    "Which labour risks does the report name for small-scale gold mining?",
])
def test_an_activity_narrowed_by_what_the_documents_name_is_the_sectors_own(
        library: Library, question: str) -> None:
    answer = answered(library, question)
    assert any(c.hit.passage.doc_id == "sra-testrapport" and c.hit.passage.page_label == "22"
               for c in answer.citations), [(c.hit.passage.doc_id, c.hit.passage.page_label) for c in answer.citations]


@pytest.mark.parametrize(("question", "named"), [
    ("Welke subsidie krijgt MVO Nederland volgens de kamerbrief?", "'subsidie' komt in geen"),
    ("What does the letter say about the salary of the SER chairman?", "'salary' does not occur"),
])
def test_a_specific_noun_no_document_holds_is_named_beside_what_is_there(
        library: Library, question: str, named: str) -> None:
    assert named in unanswered(library, question).answer


@pytest.mark.parametrize(("question", "doc", "page"), [
    ("Wat zegt het rapport over het onderzoek van SOMO naar de groothandel?", "bronnenboek-test", "3"),
    ("Welke rol krijgt MVO Nederland volgens de kamerbrief?", "kamerbrief-2014-11-19-sra", "4"),
    ("Wat schrijft Amnesty International over de financiële sector?", "sra-testrapport", "13"),
    ("What does the report say about night work of warehouse staff in distribution centres?", "sra-testrapport", "9"),
])
def test_the_twins_whose_nouns_the_documents_hold_are_answered(
        library: Library, question: str, doc: str, page: str) -> None:
    answer = answered(library, question)
    assert any(c.hit.passage.doc_id == doc and c.hit.passage.page_label == page for c in answer.citations[:3]), [
        (c.hit.passage.doc_id, c.hit.passage.page_label) for c in answer.citations]


@pytest.mark.parametrize(("word", "language", "noun"), [
    ("subsidie", "nl", True), ("salary", "en", True), ("aanbieden", "nl", False), ("require", "en", False),
])
def test_a_translated_noun_is_no_verb(word: str, language: Lang, noun: bool) -> None:
    concept = next(c for c in interpret([word], lambda w: True, language) if c.source == word)
    assert translated_noun(concept) is noun


@pytest.mark.parametrize(("question", "names"), [
    ("What did the Social and Economic Council advise on the stakeholder dialogue?", []),
    ("Which reports of the Food and Agriculture Organization did KPMG use?", ["Food", "Agriculture Organization"]),
    ("Did KPMG use reports by Oxfam Novib and Greenpeace?", ["Greenpeace"]),
])
def test_a_name_joined_by_and_is_known_as_a_whole(question: str, names: list[str]) -> None:
    assert [n for n in capitalised_names(question, frozenset({"oxfam novib"})) if n != "KPMG"] == names


def test_the_english_name_of_the_ser_is_answered(library: Library) -> None:
    answer = answered(library, "According to the Social and Economic Council, what makes a stakeholder dialogue meaningful?")
    assert any(c.hit.passage.doc_id == "ser-advies-test" and "betekenisvol" in c.hit.passage.text
               for c in answer.citations[:3]), [(c.hit.passage.doc_id, c.hit.passage.page_label) for c in answer.citations]


@pytest.mark.parametrize(("question", "note"), [
    ("Wat adviseert de SER over de stakeholderdialoog?",
     "Het advies zelf staat niet in de geïndexeerde documenten"),
    ("Volgens het SER-advies: wat zijn de kernelementen van een convenant?",
     "Het advies zelf staat niet in de geïndexeerde documenten"),
    ("What does the SER advice say about monitoring?", "The advice itself is not among the indexed documents"),
])
def test_a_kind_of_document_not_indexed_is_said_and_the_others_answer(
        bundled_library: Library, question: str, note: str) -> None:
    answer = answered(bundled_library, question)
    assert answer.answer.startswith(note), answer.answer[:200]
    assert "komt niet voor in het advies" not in answer.answer
    assert any(c.hit.passage.doc_id == "kamerbrief-2014-11-19-sra" and c.hit.passage.page_label == "3"
               and "kernelementen" in c.hit.passage.text for c in answer.citations[:3]), [
        (c.hit.passage.doc_id, c.hit.passage.page_label) for c in answer.citations]


def test_a_kind_of_document_that_is_indexed_gets_no_note(library: Library) -> None:
    answer = answered(library, "Wat adviseert de SER over de stakeholderdialoog?")
    assert "zelf staat niet" not in answer.answer
    assert answer.citations[0].hit.passage.doc_id == "ser-advies-test"


@pytest.mark.parametrize(("question", "said"), [
    ("Wij zijn van Milieudefensie: is er werk van ons over dwangarbeid in het bronnenboek terechtgekomen?",
     "geen publicatie over dwangarbeid"),
    ("We're from Both ENDS - did any of our work on child labour end up in the analysis?",
     "no publication on child labour"),
    ("Is er iets van SOMO over kinderarbeid in de cacaoteelt in de analyse beland?", "geen enkele bron bij Voedingsmiddelen"),
])
def test_work_of_an_organisation_on_a_subject_it_never_wrote_on_did_not_end_up_anywhere(
        library: Library, question: str, said: str) -> None:
    assert said in unanswered(library, question).answer


@pytest.mark.parametrize(("question", "entry"), [
    ("Wij zijn van Milieudefensie: is er werk van ons over kolen in het bronnenboek terechtgekomen?", "[16]"),
    ("We're from Both ENDS - did any of our work on palm oil end up in the analysis?", "[59]"),
    ("Did FNV publish anything on offshore safety that the SRA uses?", "[50]"),
])
def test_work_of_an_organisation_on_its_own_subject_is_listed_first(
        library: Library, question: str, entry: str) -> None:
    answer = answered(library, question)
    assert answer.intent == "org_included"
    assert answer.answer.split("\n- ")[1].startswith(entry), answer.answer[:300]


@pytest.mark.parametrize(("question", "asking"), [
    ("Does the SER advice say anything about monitoring? Where?",
     "Does the SER advice say anything about monitoring? Where?"),
    ("Ik werk aan een Kamervraag. Noemt de brief de dertien sectoren? Op welke pagina?",
     "Noemt de brief de dertien sectoren? Op welke pagina?"),
    ("Noemt de brief de dertien sectoren? En welke van die sectoren is de grootste?",
     "En welke van die sectoren is de grootste?"),
])
def test_a_follow_up_that_only_asks_where_is_asked_with_the_question_before_it(question: str, asking: str) -> None:
    assert main_sentence(question) == asking


@pytest.mark.parametrize(("question", "page"), [
    ("Smartphones: does the risk analysis mention child labour in the electronics chain? Which page?", "22"),
    ("Laptops: noemt de risicoanalyse kinderarbeid in de elektronicaketen? Waar precies?", "22"),
])
def test_a_follow_up_opening_with_a_capital_names_no_covenant(library: Library, question: str, page: str) -> None:
    answer = answered(library, question)
    assert answer.intent != "coverage"
    assert any(c.hit.passage.doc_id == "sra-testrapport" and c.hit.passage.page_label == page
               for c in answer.citations[:3]), [(c.hit.passage.doc_id, c.hit.passage.page_label) for c in answer.citations]


@pytest.mark.parametrize(("infinitive", "participles"), [
    ("uitvoeren", ("uitgevoerd",)), ("ondertekenen", ("ondertekend",)), ("publiceren", ("gepubliceerd",)),
    ("opstellen", ("opgesteld",)), ("bedrijven", ()),
])
def test_a_dutch_verb_has_its_regular_participle(infinitive: str, participles: tuple[str, ...]) -> None:
    assert set(participles) <= set(past_participles(infinitive))
    assert participles or not past_participles(infinitive)


@pytest.mark.parametrize("question", [
    "who carried out the sector risk analysis?",
    "New on this file: who actually carried out the SRA, and who commissioned it?",
])
def test_a_translated_verb_finds_its_participle(library: Library, question: str) -> None:
    answer = answered(library, question)
    first = answer.citations[0].hit.passage
    assert (first.doc_id, first.page_label) == ("kamerbrief-2014-11-19-sra", "2") and "uitgevoerd" in first.text


@pytest.mark.parametrize("question", [
    "Heeft het kabinet zijn doel van tien IMVO-convenanten in 2016 uiteindelijk bereikt?",
    "Was the ambition of ten covenants by 2016 achieved in the end?",
    "Zijn de doelen van het textielconvenant na drie jaar behaald?",
    "Has the goal of a living wage for garment workers been reached?",
    "for my briefing: was the 2016 target for IRBC agreements met?",
])
def test_whether_an_aim_was_achieved_is_not_answered_by_the_aim(library: Library, question: str) -> None:
    answer = unanswered(library, question)
    assert "uitkomst" in answer.answer or "outcome" in answer.answer


@pytest.mark.parametrize("question", [
    "Wat is volgens het textielconvenant het doel dat binnen de looptijd bereikt moet worden?",
    "Which improvement has to be achieved within the term of the clothing covenant?",
])
def test_what_is_to_be_achieved_is_answered_by_the_aim(library: Library, question: str) -> None:
    answer = answered(library, question)
    assert any(c.hit.passage.doc_id == "convenant-test-textiel" and c.hit.passage.page_label == "2"
               for c in answer.citations[:3]), [(c.hit.passage.doc_id, c.hit.passage.page_label) for c in answer.citations]


@pytest.mark.parametrize(("question", "found"), [
    ("Heeft Both ENDS iets over kinderarbeid geschreven dat in het bronnenboek zit?", False),
    ("Did Solidaridad write anything about child labour in soy that is in the source register?", False),
    ("Did Stop Kinderarbeid write anything on child labour in cocoa that is in the bronnenboek?", True),
    ("Heeft Both ENDS iets over palmolie geschreven dat in het bronnenboek zit?", True),
])
def test_work_on_a_risk_in_a_sector_is_work_on_that_risk(library: Library, question: str, found: bool) -> None:
    answer = library.ask(question)
    assert answer.intent == "org_included"
    assert answer.not_found is not found, answer.answer[:200]


@pytest.mark.parametrize("question", [
    "leefbaar loon kledingconvenant bedrag per week in euro",
    "textielconvenant boete hoogte per bedrijf in euro",
    "kamerbrief budget IMVO EU-voorzitterschap bedrag in euro",
])
def test_a_keyword_query_naming_a_document_takes_the_fact_from_it(library: Library, question: str) -> None:
    unanswered(library, question)


@pytest.mark.parametrize(("question", "page"), [
    ("textielconvenant looptijd aantal jaren", "5"),
    ("kamerbrief aantal sectoren met verhoogd risico", "2"),
])
def test_a_keyword_query_the_named_document_answers_is_answered(library: Library, question: str, page: str) -> None:
    answer = answered(library, question)
    assert answer.citations[0].hit.passage.page_label == page
