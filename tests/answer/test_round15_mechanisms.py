"""Mechanisms of issue #12's fifteenth round, each tested on sentences written for these tests,
none of them a question of any evaluation set.

Classes: slips of function words ("teh", "adn", "wnaneer") and typing slips in content words
(letters swapped, dropped or doubled: "idnetify", "secotren", "bronneboek", "behnd"),
also of the domain's own words ("Kamerbreif", "KPGM"), are read as the words meant, so a typo
never becomes what the question turns on, while a name typed as one ("Shein") stays; a question
typed in capitals is read as one typed in lower case; a
document's noun before a noun for a way of working ("the covenant approach") names no document to
look in; a name with an abbreviation is present when the documents write it out ("MVO Loont" in
"Maatschappelijk Verantwoord Ondernemen Loont"), and its function words need not stand in the
text ("Minister for Foreign Trade": "Minister voor Buitenlandse Handel"); a sector's word names no
sector inside a phrase the lexicon reads otherwise ("parliamentary paper") or as a verb after
"to"/"te" ("to build support").
"""

from __future__ import annotations

import answer_fixtures
import pytest
from answer_fixtures import answered, unanswered

from imvo_assist.answer.documentnames import named_kind
from imvo_assist.answer.presence import written_out
from imvo_assist.answer.typos import _typing_slip, function_word_slips, without_slips
from imvo_assist.answer.understand import understand
from imvo_assist.cli.output import answer_markdown
from imvo_assist.library import Library
from imvo_assist.text.casing import unshouted

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)


@pytest.mark.parametrize(("typed", "language", "meant"), [
    ("teh", "en", "the"),
    ("adn", "en", "and"),
    ("ovr", "nl", "over"),
    ("wnaneer", "nl", "wanneer"),
    ("abuot", "en", "about"),
])
def test_a_slip_of_a_function_word_is_read_as_the_word_meant(typed: str, language: str, meant: str) -> None:
    assert function_word_slips(["what", typed], language, lambda word: False) == {typed: meant}  # type: ignore[arg-type]


@pytest.mark.parametrize(("typed", "language"), [
    ("ESG", "en"),  # an abbreviation in capitals
    ("wat", "en"),  # a common Dutch word, not a slip of "what"
    ("ngo", "en"),  # a word the lexicon holds
    ("kpmg", "en"),  # a word the vocabulary holds
    ("form", "en"),  # a common word of the language
])
def test_words_and_abbreviations_are_no_slips(typed: str, language: str) -> None:
    assert function_word_slips(["what", typed], language, lambda word: False) == {}  # type: ignore[arg-type]


def test_a_slip_opening_the_question_is_read_as_a_question_word() -> None:
    assert function_word_slips(["Wich", "organisations"], "en", lambda word: False) == {"wich": "which"}


def test_the_question_is_rewritten_keeping_capitals() -> None:
    question, slips = without_slips("Teh risks adn the SER", "en", lambda word: False)
    assert question == "The risks and the SER"
    assert slips == {"teh": "the", "adn": "and"}


@pytest.mark.parametrize(("typed", "meant"), [
    ("Does the government pay for teh secretariat of the garments agreement?",
     "Does the government pay for the secretariat of the garments agreement?"),
    ("Which sectors did KPMG idnetify with elevated risk, adn where is that stated?",
     "Which sectors did KPMG identify with elevated risk, and where is that stated?"),
    ("wat zegt de brief ovr de rol van de SER?", "wat zegt de brief over de rol van de SER?"),
    ("hoe lang duurt het textielconvenant en wnaneer is het getekend?",
     "hoe lang duurt het textielconvenant en wanneer is het getekend?"),
    ("Wich organisations from the source register are mentioned for gold?",
     "Which organisations from the source register are mentioned for gold?"),
    ("Welke milieurisico's noemt het rapport voor de chemiche industrie?",
     "Welke milieurisico's noemt het rapport voor de chemische industrie?"),
    ("Hoeveel secotren zijn in totaal geanalyseerd?", "Hoeveel sectoren zijn in totaal geanalyseerd?"),
    ("Naar welke eerdere Kamerbreif verwijst de brief van 19 november?",
     "Naar welke eerdere Kamerbrief verwijst de brief van 19 november?"),
    ("How many sectors did KPGM look at?", "How many sectors did KPMG look at?"),
    ("We are a steel trader. Which isks apply to metal?", "We are a steel trader. Which risks apply to metal?"),
    ("How were the 86 sectors assessd in the analysis?", "How were the 86 sectors assessed in the analysis?"),
    ("Hoe vaak wordt de Tweede Kamer geïnfomreerd over de voortgang?",
     "Hoe vaak wordt de Tweede Kamer geïnformeerd over de voortgang?"),
    ("Can you point me to the report in the bronneboek about pay for seamstresses?",
     "Can you point me to the report in the bronnenboek about pay for seamstresses?"),
])
def test_a_question_with_slips_is_answered_as_the_question_meant(library: Library, typed: str, meant: str) -> None:
    with_slips, as_meant = answered(library, typed), answered(library, meant)
    assert with_slips.answer == as_meant.answer
    assert [c.hit.passage.page_label for c in with_slips.citations] == [
        c.hit.passage.page_label for c in as_meant.citations]
    assert with_slips.citations


def test_the_slips_corrected_are_shown_in_the_reading(library: Library) -> None:
    understanding = understand("What does teh SER advise?", library.has_term)
    assert understanding.corrections == {"teh": "the"}
    assert understanding.question == "What does the SER advise?"


@pytest.mark.parametrize(("question", "named"), [
    ("waht does teh cosmetics covenant say about animal testing?", "no cosmetics covenant"),
    ("wat zegt de brief ovr de rol van de politie?", "'politie'"),
    ("Is Shein one of the sources?", "Shein"),  # a name, no slip of "shin"
    ("Is Cordiad one of the sources?", "Cordiad"),
    ("wat zegt het rapport over kobalt in smartphnoes?", "kobalt"),
    ("Does the report mention the CSDDD directve?", "CSDDD"),
    # a name whose other words are not beside the written-out abbreviation
    ("Welk kamerstuknummer heeft de nota MVO Betaalt?", "MVO Betaalt"),
    ("Which parliamentary paper number does the IMVO Werkt note have?", "IMVO Werkt"),
])
def test_a_question_about_what_is_not_there_is_not_found_by_what_it_lacks(
    library: Library, question: str, named: str,
) -> None:
    assert named in unanswered(library, question).answer


@pytest.mark.parametrize("folded", [
    "what is the difference between parties and stakeholders in the covenant approach?",
    "who takes part in the covenant talks?",
    "how does the covenant model deal with disputes?",
    "what did the report process look like?",
])
def test_a_document_noun_before_a_way_of_working_names_no_document(folded: str) -> None:
    assert named_kind(folded, ()) == ""


@pytest.mark.parametrize(("folded", "kind"), [
    ("what does the covenant say about the secretariat?", "covenant"),
    ("in the covenant, what is the role of the secretariat?", "covenant"),
    ("what does the agreement text say about complaints?", "covenant"),
    ("according to the letter, what is the approach to the sectors?", "letter"),
])
def test_a_document_named_as_such_stays_the_document_to_look_in(folded: str, kind: str) -> None:
    assert named_kind(folded, ()) == kind


@pytest.mark.parametrize(("question", "page"), [
    ("what is the difference between parties and stakeholders in the covenant approach?", "3"),
    ("Who takes part in the covenant talks, parties or stakeholders?", "3"),
])
def test_a_question_about_the_covenant_approach_is_answered_from_the_advice(
    library: Library, question: str, page: str,
) -> None:
    answer = answered(library, question)
    assert ("ser-advies-test", page) == (answer.citations[0].hit.passage.doc_id, answer.citations[0].hit.passage.page_label)


@pytest.mark.parametrize(("abbreviation", "long"), [
    ("mvo", ["maatschappelijk verantwoord ondernemen"]),
    ("imvo", ["internationaal maatschappelijk verantwoord ondernemen"]),
    ("loont", []),  # no abbreviation
])
def test_an_abbreviation_is_written_out_by_a_long_form_its_initials_spell(abbreviation: str, long: list[str]) -> None:
    assert written_out(abbreviation) == long


def test_a_name_with_an_abbreviation_is_found_where_the_documents_write_it_out(library: Library) -> None:
    answer = answered(library, "Welk kamerstuknummer heeft de nota MVO Loont?")
    passage = answer.citations[0].hit.passage
    assert (passage.doc_id, passage.page_label) == ("kamerbrief-2014-11-19-sra", "4")
    assert "nr. 164" in answer.answer




def test_a_name_is_found_with_its_function_words_free_and_its_words_inflected(library: Library) -> None:
    answer = answered(library, "What is the role of the Minister for Foreign Trade in the covenants?")
    passage = answer.citations[0].hit.passage
    assert (passage.doc_id, passage.page_label) == ("kamerbrief-2014-11-19-sra", "5")


@pytest.mark.parametrize("question", [
    "Which parliamentary paper number does the MVO Loont note have?",  # kamerstuk
    "Which position paper did the SER publish on covenants?",  # a document, not the paper industry
    "Which countries did the trade minister visit to build international support?",  # a verb
    "Hoe wil het kabinet draagvlak te bouwen voor convenanten?",
])
def test_a_sector_word_in_another_sense_names_no_sector(library: Library, question: str) -> None:
    assert understand(question, library.has_term).sectors == ()


@pytest.mark.parametrize(("question", "sector"), [
    ("What are the risks in the paper industry?", "hout-papier"),
    ("We build roads and bridges abroad; which risks does the SRA name?", "bouw"),
    ("wij bouwen kantoren in het buitenland, welke risico's noemt de analyse?", "bouw"),
    ("How much did the textile covenant secretariat cost per year?", "textiel-kleding"),
    ("risks in the gold mining industry", "metaal"),
])
def test_a_sector_word_in_its_own_sense_names_the_sector(library: Library, question: str, sector: str) -> None:
    assert [s.id for s in understand(question, library.has_term).sectors] == [sector]


@pytest.mark.parametrize(("typed", "meant", "slip"), [
    ("behnd", "behind", True),  # a letter dropped
    ("bacck", "back", True),  # a letter doubled
    ("secotren", "sectoren", True),  # two letters swapped
    ("kive", "give", False),  # another letter: only a word the documents can read
    ("reshored", "restored", False),
])
def test_a_typing_slip_is_a_swap_or_a_dropped_or_added_letter(typed: str, meant: str, slip: bool) -> None:
    assert _typing_slip(typed, meant) is slip


def test_a_name_typed_as_one_is_no_slip_of_a_common_word(library: Library) -> None:
    assert understand("Is Shein one of the sources?", library.has_term).corrections == {}
    assert understand("What does the report say about ASN?", library.has_term).corrections == {}


@pytest.mark.parametrize(("typed", "read"), [
    ("WHICH RISKS APPLY TO ELECTRONICS?", "which risks apply to electronics?"),
    ("Is KPMG the author of the SRA?", "Is KPMG the author of the SRA?"),  # abbreviations, no shouting
    ("KPMG SRA", "KPMG SRA"),  # too short to tell
])
def test_a_question_typed_in_capitals_is_read_in_lower_case(typed: str, read: str) -> None:
    assert unshouted(typed) == read


@pytest.mark.parametrize("question", [
    "WE RUN A CHAIN OF SUPERMARKETS - WHAT LABOUR RISKS ARE NAMED FOR RETAIL?",
    "WELKE SECTOREN HEBBEN EEN VERHOOGD RISICO VOLGENS DE KAMERBRIEF?",
    "IS OXFAM NOVIB ONE OF THE SOURCES?",
])
def test_a_question_in_capitals_is_answered_as_in_lower_case(library: Library, question: str) -> None:
    shouted, lower = library.ask(question), library.ask(question.lower())
    assert not shouted.not_found
    assert shouted.answer == lower.answer


@pytest.mark.parametrize(("question", "label"), [
    ("What does teh SER advise about dispute resolution?", "Read as: teh → the"),  # applied
    ("wat zegt de brief ovr de rol van de SER?", "Gelezen als: ovr → over"),
])
def test_the_typos_an_answer_was_read_with_are_shown_as_read_not_offered(
    library: Library, question: str, label: str,
) -> None:
    assert label in answer_markdown(answered(library, question))
