"""Mechanisms of issue #12's thirteenth round, each tested on sentences written for these tests,
none of them a question of any evaluation set.

Classes: a Dutch adjective before a sector noun written apart ("de farmaceutische industrie")
names a sector as the compound does ("wapenindustrie"): one outside the 13 is not found by name,
one of the 13 is that sector; being "one of the sources" asks whether an organisation's work
was used, as "staat X in het bronnenboek" does.
"""

from __future__ import annotations

import answer_fixtures
import pytest
from answer_fixtures import answered, unanswered

from imvo_assist.answer.presence import present
from imvo_assist.answer.sectornouns import sector_nouns
from imvo_assist.answer.topics import vocabulary_entity
from imvo_assist.answer.understand import understand
from imvo_assist.library import Library
from imvo_assist.text.fold import fold
from imvo_assist.text.questionforms import asks_ranking

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)


@pytest.mark.parametrize(("question", "noun"), [
    ("welke risico's noemt de analyse voor de optische industrie?", "optische industrie"),
    ("Welke mvo-risico's gelden voor de farmaceutische branche?", "farmaceutische branche"),
    ("hebben de audiovisuele sectoren een verhoogd risico?", "audiovisuele sectoren"),
])
def test_a_dutch_sector_noun_after_its_adjective_outside_the_13_is_not_found_by_name(
    library: Library, question: str, noun: str,
) -> None:
    answer = unanswered(library, question)
    assert noun in answer.answer
    assert not answer.citations


@pytest.mark.parametrize(("question", "sector"), [
    ("welke risico's noemt de SRA voor de chemische industrie?", "chemie"),
    ("Welke risico's noemt de analyse voor de agrarische branche?", "land-tuinbouw"),
])
def test_a_dutch_sector_noun_after_its_adjective_of_the_13_is_that_sector(
    library: Library, question: str, sector: str,
) -> None:
    assert [s.id for s in understand(question, library.has_term).sectors] == [sector]
    assert answered(library, question).citations


@pytest.mark.parametrize("folded", [
    "wat vraagt het kabinet van de nederlandse industrie?",  # the country's industry as a whole
    "wat zijn de dertien risicovolle sectoren?",  # qualifying adjectives name no sector
    "welke risico's delen de verschillende sectoren?",
    "wat gebeurt er met de overige sectoren?",
    "welke kinderarbeid speelt in de lokale industrie?",
])
def test_a_nationality_or_a_qualifying_adjective_before_a_sector_noun_names_no_sector(folded: str) -> None:
    assert sector_nouns(folded) == ("", False)


@pytest.mark.parametrize(("question", "said"), [
    ("Is Solidaridad een van de bronnen van de analyse?", "Ja: **Solidaridad** staat 3 keer"),
    ("Was PAX among the sources of the report?", "Yes: **PAX** appears 4 times"),
    ("Hoort Milieudefensie tussen de bronnen?", "Ja: **Milieudefensie** staat"),
])
def test_one_of_the_sources_asks_whether_an_organisation_was_used(
    library: Library, question: str, said: str,
) -> None:
    assert understand(question, library.has_term).intent == "org_included"
    assert answered(library, question).answer.startswith(said)


@pytest.mark.parametrize("question", [
    "Is Shell een van de bronnen van luchtvervuiling?",  # a cause, not a source of the analysis
    "Is Tata Steel one of the sources of emissions in the metal sector?",
])
def test_a_source_of_something_else_asks_no_inclusion(library: Library, question: str) -> None:
    assert understand(question, library.has_term).intent != "org_included"


def test_an_organisation_that_is_not_one_of_the_sources_is_named_as_absent(library: Library) -> None:
    answer = unanswered(library, "Is Cordaid een van de bronnen?")
    assert answer.answer.startswith("Cordaid komt niet voor in het bronnenboek")


def test_a_covenant_named_in_english_words_is_found_by_its_phrase_not_a_compound_its_word_opens(
    library: Library,
) -> None:
    # "stone" is "steen", which opens "steenkool" (coal): the coal covenant is no stone covenant
    answer = unanswered(library, "Tell me about the natural stone covenant")
    assert answer.answer.startswith("'IRBC TruStone Initiative (natural stone)' is in the bundled register")


@pytest.mark.parametrize(("question", "said"), [
    ("what does the stone covenant say?", "There is no stone covenant in the documents"),
    ("What does our toy covenant say?", "There is no toy covenant in the documents"),
    ("Is there any toy covenant?", "There is no toy covenant in the documents"),
])
def test_a_covenant_the_documents_lack_is_named_without_its_article(
    library: Library, question: str, said: str,
) -> None:
    assert unanswered(library, question).answer.startswith(said)


def test_a_compound_a_covenant_subject_opens_still_speaks_of_it(library: Library) -> None:
    # the letter's "steenkoolketen" is the coal covenant's subject: answered from the text
    assert answered(library, "what does the coal covenant say?").citations


@pytest.mark.parametrize(("question", "noun"), [
    ("Welke plaats heeft het leger in de brief?", "leger"),
    ("Wat doet de gemeente volgens het convenant?", "gemeente"),
    ("Welke rol speelt de politie in de convenanten?", "politie"),
])
def test_a_common_dutch_noun_in_none_of_its_forms_is_not_found_by_name(
    library: Library, question: str, noun: str,
) -> None:
    answer = unanswered(library, question)
    assert answer.answer == f"'{noun}' komt in geen van de geïndexeerde documenten voor."


@pytest.mark.parametrize("question", [
    "Welke rol spelen de banken?",  # the noun is there
    "Does the report talk about the poor?",  # English: only as far as the lexicon reaches
    "Wat zegt het rapport over vrouwen in de fabrieken?",
])
def test_a_common_noun_there_or_english_keeps_the_answer(library: Library, question: str) -> None:
    assert answered(library, question).citations


@pytest.mark.parametrize(("question", "noun"), [
    ("Welke taak heeft de rechtbank volgens de brief?", "rechtbank"),
    ("Wat is de taak van de ombudsman volgens het advies?", "ombudsman"),
])
def test_the_role_or_task_asked_of_an_absent_subject_is_not_found_by_the_subject(
    library: Library, question: str, noun: str,
) -> None:
    assert unanswered(library, question).answer.startswith(f"'{noun}' komt in geen van")


def test_the_role_of_a_subject_there_keeps_the_answer(library: Library) -> None:
    assert answered(library, "Wat is de taak van de geschillencommissie?").citations


@pytest.mark.parametrize(("question", "kind"), [
    ("what does the SER covenant advice say about monitoring?", "advice"),
    ("what does the garment agreement say about monitoring?", "covenant"),
])
def test_a_covenant_word_before_a_document_noun_is_its_modifier(
    library: Library, question: str, kind: str,
) -> None:
    assert understand(question, library.has_term).named_kind == kind


def test_the_ser_covenant_advice_is_answered_from_the_advice(library: Library) -> None:
    answer = answered(library, "Quote the SER covenant advice on who counts as a stakeholder")
    assert answer.citations[0].hit.passage.doc_id == "ser-advies-test"


@pytest.mark.parametrize(("question", "said"), [
    ("kobalt voor accu's: wat zegt het rapport?", "'kobalt' komt in geen van de geïndexeerde documenten voor."),
    ("lithium in e-bikes: what does the report say?", "'lithium' does not occur in any of the indexed documents."),
])
def test_a_subject_before_a_colon_whose_tail_names_nothing_is_what_is_asked(
    library: Library, question: str, said: str,
) -> None:
    assert unanswered(library, question).answer == said


@pytest.mark.parametrize("question", [
    "kinderarbeid in katoen: wat zegt het rapport?",  # the subject there
    "ik brand koffie: wordt koffie genoemd bij voedingsmiddelen?",  # the tail names a sector word
])
def test_a_subject_before_a_colon_that_is_there_keeps_the_answer(library: Library, question: str) -> None:
    assert answered(library, question).citations


@pytest.mark.parametrize("question", [
    "Voor mijn scriptie over voetbal: wat is een IMVO-convenant?",  # the tail names covenants
    "Vraag van mijn schoonmoeder: hoeveel sectoren zijn er geanalyseerd?",
    "Kort gezegd voor mijn nichtje: wat is MVO?",
])
def test_the_askers_framing_before_a_colon_is_not_what_is_asked(library: Library, question: str) -> None:
    assert answered(library, question).citations


@pytest.mark.parametrize(("question", "ranks"), [
    ("which sector is number one for child labour risk?", True),
    ("Welke keten staat op nummer 1 bij waterschaarste?", True),
    ("welke sector heeft het allergrootste risico op landroof?", True),
    ("Is article number 1 about wages?", False),  # a numbered part
    ("bel nummer een voor de helpdesk", False),
    ("Which organisation is at number 1 in the register?", False),  # an entry's number
    ("Welke organisatie staat op nummer 1 in het bronnenboek?", False),
    ("welke sector heeft het allerbelangrijkste risico?", True),
])
def test_first_place_or_an_absolute_superlative_asks_a_ranking(question: str, ranks: bool) -> None:
    assert asks_ranking(fold(question)) is ranks


@pytest.mark.parametrize("question", [
    "Any advice on cheap hotels and restaurants in Bangladesh?",
    "Zijn er goedkope hotels en restaurants in Bangladesh?",
])
def test_a_question_naming_mostly_what_the_documents_lack_is_not_found(library: Library, question: str) -> None:
    # the place is there, but the hotels, restaurants and cheapness asked about are nowhere
    assert "hotels" in unanswered(library, question).answer


def test_a_question_naming_mostly_what_the_documents_hold_keeps_the_answer(library: Library) -> None:
    assert answered(library, "Which wages and working hours do garment workers in Bangladesh have?").citations


def test_a_phrase_whose_last_word_alone_names_a_sector_is_a_narrower_subject(library: Library) -> None:
    # "farming" reads as agriculture, "shrimp farming" as a subject of its own the documents lack
    for question in ("Is there a source on shrimp farming in the register?",
                     "What does the report say about working conditions in shrimp farming?"):
        assert unanswered(library, question).answer.startswith("'shrimp farming' does not occur")


@pytest.mark.parametrize("word", ["jeans", "textile industry", "cotton farming"])
def test_a_sector_word_or_a_phrase_naming_the_sector_by_its_modifier_stays_a_sector(word: str) -> None:
    assert vocabulary_entity(word)


def test_a_dutch_infinitive_is_there_in_its_present_tense(library: Library) -> None:
    # the documents write "verkoopt", never "verkopen": an English "sell" is there all the same
    assert present(library, ["verkopen"])
    assert not present(library, ["verzenden"])
    assert answered(library, "What is expected from shops that sell clothes?").citations
