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
gehaald?") is answered only by a sentence saying it was, never by the aim itself; a numbered part
that no document of the kind named has ("artikel 14 van het kledingconvenant", "chapter 17 of the
SRA") is named as absent; what a review concluded ("what did the SER's evaluation conclude?") is
answered only by a passage reporting it, not one announcing it.
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


# Not found, and what the answer says (a word of it).
NOT_FOUND = [
    # a sector's activity narrowed by what no document names, beside another conjunct
    ("What risks does the SRA name for nickel or cobalt mining?", "'nickel'"),
    ("Which human rights risks does the report list for silver or bauxite mining?", "'silver'"),
    # a specific noun no document holds, beside what the documents hold
    ("Welke subsidie krijgt MVO Nederland volgens de kamerbrief?", "'subsidie' komt in geen"),
    ("What does the letter say about the salary of the SER chairman?", "'salary' does not occur"),
    # an organisation's work on a subject it never wrote on, however its inclusion is asked
    ("Wij zijn van Milieudefensie: is er werk van ons over dwangarbeid in het bronnenboek terechtgekomen?",
     "geen publicatie over dwangarbeid"),
    ("We're from Both ENDS - did any of our work on child labour end up in the analysis?",
     "no publication on child labour"),
    ("Is er iets van SOMO over kinderarbeid in de cacaoteelt in de analyse beland?",
     "geen enkele bron bij Voedingsmiddelen"),
    ("Heeft Both ENDS iets over kinderarbeid geschreven dat in het bronnenboek zit?", "Both ENDS"),
    ("Did Solidaridad write anything about child labour in soy that is in the source register?", "Solidaridad"),
    # whether an aim was achieved, where the documents give only the aim
    ("Heeft het kabinet zijn doel van tien IMVO-convenanten in 2016 uiteindelijk bereikt?", "uitkomst"),
    ("Was the ambition of ten covenants by 2016 achieved in the end?", "outcome"),
    ("Zijn de doelen van het textielconvenant na drie jaar behaald?", "uitkomst"),
    ("Has the goal of a living wage for garment workers been reached?", "outcome"),
    ("for my briefing: was the 2016 target for IRBC agreements met?", "outcome"),
    # what a review or evaluation concluded, where the documents only announce it
    ("Wat was de conclusie van de tussentijdse evaluatie van het textielconvenant na drie jaar?", "uitkomst"),
    ("What were the conclusions of the midterm review of the garments agreement?", "outcome"),
    ("What did the SER's 2016 evaluation of the covenants conclude about NGO participation?", "outcome"),
    # a ranking asked in other words ("ranks from highest to lowest", "kwam als slechtste uit")
    ("Does the SRA rank the 13 sectors from high to low risk? Which sector came out worst?", "no ranking"),
    ("Rangschikt de analyse de dertien sectoren van hoog naar laag risico?", "geen rangorde"),
    # a keyword query that names the document the fact must come from
    ("leefbaar loon kledingconvenant bedrag per week in euro", "bedrag"),
    ("textielconvenant boete hoogte per bedrijf in euro", "boete"),
    ("kamerbrief budget IMVO EU-voorzitterschap bedrag in euro", "bedrag"),
    # a numbered part no document of the kind named has
    ("Wat staat er in artikel 14 van het kledingconvenant over opzegging?", "'artikel 14'"),
    ("For the negotiation: what does article 11 of the textile covenant say about leaving early?", "'article 11'"),
    ("What does chapter 17 of the sector risk analysis say about fisheries?", "'chapter 17'"),
    ("Wat zegt hoofdstuk 20 van het SRA-rapport over de methode?", "'hoofdstuk 20'"),
]

# Answered, with a passage of this document and printed page among the first three citations.
TWINS = [
    ("What risks does the report list for tin and gold mining?", "sra-testrapport", "22"),
    ("Which risks does the SRA describe for tin or tantalum mining?", "sra-testrapport", "22"),
    ("Which labour risks does the report name for small-scale gold mining?", "sra-testrapport", "22"),
    ("Wat zegt het rapport over het onderzoek van SOMO naar de groothandel?", "bronnenboek-test", "3"),
    ("Welke rol krijgt MVO Nederland volgens de kamerbrief?", "kamerbrief-2014-11-19-sra", "4"),
    ("Wat schrijft Amnesty International over de financiële sector?", "sra-testrapport", "13"),
    ("What does the report say about night work of warehouse staff in distribution centres?", "sra-testrapport", "9"),
    ("According to the Social and Economic Council, what makes a stakeholder dialogue meaningful?",
     "ser-advies-test", "5"),
    ("Smartphones: does the risk analysis mention child labour in the electronics chain? Which page?",
     "sra-testrapport", "22"),
    ("Laptops: noemt de risicoanalyse kinderarbeid in de elektronicaketen? Waar precies?", "sra-testrapport", "22"),
    ("who carried out the sector risk analysis?", "kamerbrief-2014-11-19-sra", "2"),
    ("New on this file: who actually carried out the SRA, and who commissioned it?", "kamerbrief-2014-11-19-sra", "2"),
    ("Wat is volgens het textielconvenant het doel dat binnen de looptijd bereikt moet worden?",
     "convenant-test-textiel", "2"),
    ("Which improvement has to be achieved within the term of the clothing covenant?", "convenant-test-textiel", "2"),
    ("textielconvenant looptijd aantal jaren", "convenant-test-textiel", "5"),
    ("What did KPMG conclude about the number of sectors with elevated risk?", "kamerbrief-2014-11-19-sra", "2"),
    ("kamerbrief aantal sectoren met verhoogd risico", "kamerbrief-2014-11-19-sra", "2"),
    ("Did Stop Kinderarbeid write anything on child labour in cocoa that is in the bronnenboek?",
     "bronnenboek-test", "5"),
    ("Heeft Both ENDS iets over palmolie geschreven dat in het bronnenboek zit?", "bronnenboek-test", "5"),
    ("Wat staat er in artikel 6 van het textielconvenant?", "convenant-test-textiel", "4"),
    ("What does article 9 of the clothing covenant say?", "convenant-test-textiel", "6"),
    ("Wat zegt hoofdstuk 10 van het rapport over metaal en elektronica?", "sra-testrapport", "21"),
]


@pytest.mark.parametrize(("question", "said"), NOT_FOUND)
def test_what_no_passage_tells_is_not_found(library: Library, question: str, said: str) -> None:
    assert said in unanswered(library, question).answer


@pytest.mark.parametrize(("question", "doc", "page"), TWINS)
def test_the_twins_are_answered_from_the_passage_that_tells_it(
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


@pytest.mark.parametrize(("infinitive", "participles"), [
    ("uitvoeren", ("uitgevoerd",)), ("ondertekenen", ("ondertekend",)), ("publiceren", ("gepubliceerd",)),
    ("opstellen", ("opgesteld",)), ("bedrijven", ()),
])
def test_a_dutch_verb_has_its_regular_participle(infinitive: str, participles: tuple[str, ...]) -> None:
    assert set(participles) <= set(past_participles(infinitive))
    assert participles or not past_participles(infinitive)
