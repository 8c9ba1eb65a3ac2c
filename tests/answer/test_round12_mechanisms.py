"""Mechanisms of issue #12's twelfth round, each tested on sentences written for these tests,
none of them a question of any evaluation set.

Classes: a country or place typed in lower case in an asking sentence is a name all the same
(key content that must occur); a name asked about as a source may stand apart from "in het
bronnenboek" by an adverb ("staat X ergens in het bronnenboek?"); a ranking asked for is a fact
a passage must state (a superlative, a place in an order), not a topic that any passage on the
ranked things answers.
"""

from __future__ import annotations

import answer_fixtures
import pytest
from answer_fixtures import answered, unanswered

from imvo_assist.answer.facts import asked_facts
from imvo_assist.answer.signing import CITED_SOURCE, SIGNERS
from imvo_assist.answer.sourceasked import asked_source
from imvo_assist.answer.understand import understand
from imvo_assist.library import Library
from imvo_assist.text.fold import fold
from imvo_assist.text.morphology import english_bases, english_verb_stem, inverted_verb
from imvo_assist.text.questionforms import CONTACT_ANSWER, RANKING_ANSWER

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)


@pytest.mark.parametrize(("question", "place"), [
    ("wat zegt het rapport over kinderarbeid in laos?", "laos"),
    ("does the analysis say anything about garment workers in vietnam?", "vietnam"),
    ("noemt de sra risico's voor goudmijnen in ghana?", "ghana"),
])
def test_a_lower_case_place_the_documents_never_name_is_not_found_by_name(
    library: Library, question: str, place: str,
) -> None:
    answer = unanswered(library, question)
    assert place in answer.answer.lower()
    assert not answer.citations


@pytest.mark.parametrize("question", [
    "welke risico's noemt het rapport voor katoen uit india?",  # a place the report names
    "wij kopen in vietnam in. welke risico's noemt het rapport voor kleding?",  # context only
    "Bij ons filiaal in polen: wat zegt de brief over due diligence?",  # the asker's clause
    "Does the report mention animal welfare in chicken and turkey farming?",  # an ordinary word
])
def test_a_lower_case_place_named_or_only_in_the_context_keeps_the_answer(
    library: Library, question: str,
) -> None:
    assert answered(library, question).citations


@pytest.mark.parametrize(("question", "name"), [
    ("komt stichting wakker dier nederland ook in de bronnen voor?", "stichting wakker dier nederland"),
    ("is koffie coalitie nederland really cited in the source book?", "koffie coalitie nederland"),
    ("staat stichting eerlijk goud echt genoemd in het bronnenboek?", "stichting eerlijk goud"),
])
def test_a_source_asked_past_an_adverb_is_read_as_the_name(question: str, name: str) -> None:
    assert asked_source(fold(question)) == name


@pytest.mark.parametrize(("question", "found", "said"), [
    ("staat stichting eerlijk goud ergens in het bronnenboek?", False, "stichting eerlijk goud"),
    ("staat de india werkgroep ergens in het bronnenboek?", True, "india"),
])
def test_a_source_asked_past_an_adverb_is_looked_up_by_name(
    library: Library, question: str, found: bool, said: str,
) -> None:
    assert said in (answered if found else unanswered)(library, question).answer.lower()


@pytest.mark.parametrize("question", [
    "welke sector staat bovenaan de ranglijst van het rapport?",
    "Which sector ranks highest in the sector risk analysis? I need the ranking for a memo.",
    "In welke rangorde zet KPMG de dertien sectoren?",
])
def test_a_ranking_is_asked_and_not_found_where_no_passage_ranks(library: Library, question: str) -> None:
    assert [fact.kind for fact in asked_facts(understand(question))] == ["ranking"]
    assert not unanswered(library, question).citations


def test_a_ranking_not_found_says_so_where_passages_speak_of_the_ranked(library: Library) -> None:
    answer = unanswered(library, "Welke van de dertien sectoren scoort het hoogst op de ranglijst?")
    assert "rangorde" in answer.answer


@pytest.mark.parametrize("question", [
    "Welke sectoren hebben een verhoogd risico?",
    "which sectors have the highest CSR risk?",  # the elevated-risk sectors, no ranking asked
    "Waar in de keten doen de meeste misstanden zich voor?",
    "How were the sectors ranked in the SRA?",  # how a ranking was made
    "Welke criteria gebruikt KPMG om de sectoren te rangschikken?",
    "What is the rank and file view of the trade unions?",
    "Welke prioriteit staat bovenaan in de kabinetsreactie?",
    "Did a high-ranking official sign the letter?",
])
def test_a_superlative_alone_asks_no_ranking(question: str) -> None:
    assert "ranking" not in [fact.kind for fact in asked_facts(understand(question))]


@pytest.mark.parametrize(("sentence", "ranks"), [
    ("De meeste misstanden doen zich voor aan het begin van de keten.", True),
    ("Textiel staat bovenaan de lijst van prioriteiten.", True),
    ("The highest risks are found in mining.", True),
    ("Er werden dertien sectoren met verhoogde risico's geïdentificeerd.", False),
])
def test_a_ranking_is_stated_by_a_superlative_or_an_order(sentence: str, ranks: bool) -> None:
    assert bool(RANKING_ANSWER.search(fold(sentence))) is ranks


@pytest.mark.parametrize(("word", "bases"), [
    ("sued", ["sue"]), ("signed", ["signe", "sign"]), ("stopped", ["stop"]), ("relied", ["rely"]),
    ("making", ["make", "mak"]), ("joins", ["join"]), ("reaches", ["reach"]),
    ("feed", []), ("need", []), ("status", []), ("news", []), ("focus", []), ("business", []),
])
def test_an_english_verb_form_has_its_possible_bases(word: str, bases: list[str]) -> None:
    assert english_bases(word) == bases


@pytest.mark.parametrize(("word", "translation"), [("sued", "aanklagen"), ("signed", "ondertekend"),
                                                   ("warned", "waarschuwen")])
def test_the_base_the_lexicon_holds_is_the_one_read(word: str, translation: str) -> None:
    concept = next(c for c in understand(f"Was the company {word}?").concepts if c.source == word)
    assert translation in [term for term, _ in concept.translations]
    assert not concept.parts  # an English base is no Dutch compound part


@pytest.mark.parametrize("word", ["feed", "status", "evening"])
def test_a_word_that_is_no_verb_form_is_not_read_through_a_base(word: str) -> None:
    concept = next(c for c in understand(f"What about the {word} of it?").concepts if c.source == word)
    assert not concept.parts




@pytest.mark.parametrize(("question", "signing"), [
    ("welke mijnbouwbedrijven hebben dat kolenconvenant ondertekend?", True),  # "dat" points
    ("which utilities signed that coal agreement?", True),
    ("welke partijen zeggen dat ze een convenant hebben getekend?", False),  # a relative clause
])
def test_dat_before_a_document_points_at_it_and_opens_no_clause(question: str, signing: bool) -> None:
    assert bool(SIGNERS.search(fold(question))) is signing


@pytest.mark.parametrize(("sentence", "left"), [
    ("PAX [17] beschreef hoe geweld en arbeid samengaan.", "beschreef hoe geweld en arbeid samengaan."),
    ("[18] Both ENDS (2012). Houtpellets op de weegschaal.", "(2012). Houtpellets op de weegschaal."),
])
def test_an_author_cited_by_a_marker_is_set_aside_for_who_signed(sentence: str, left: str) -> None:
    assert " ".join(CITED_SOURCE.sub(" ", sentence).split()) == left


@pytest.mark.parametrize("question", [
    "welke mijnbouwbedrijven hebben dat convenant over steenkool ondertekend?",
    "Which energy firms signed the coal covenant in November? Names please.",
])
def test_who_signed_is_not_read_from_cited_authors_or_the_source_register(
    library: Library, question: str,
) -> None:
    answer = unanswered(library, question)
    assert "PAX" not in answer.answer


def test_who_signed_a_letter_is_still_read_from_its_signature(library: Library) -> None:
    answer = answered(library, "Door welke ministers is de kamerbrief over de risicoanalyse ondertekend?")
    assert "Ploumen" in answer.answer


@pytest.mark.parametrize("question", [
    "Op welke pagina van de Kamerbrief staat de termijn van 3-5 jaar?",
    "Op welke bladzijde van het SRA-testrapport staat het hoofdstuk over textiel?",
])
def test_a_capitalised_document_name_is_where_to_look_not_a_missing_name(
    library: Library, question: str,
) -> None:
    assert answered(library, question).citations


def test_the_corpus_domain_words_single_out_nothing_beside_an_absent_subject(library: Library) -> None:
    answer = unanswered(library, "Does the SER advice say anything about prisons buying from risky supply chains?")
    assert "prisons" in answer.answer


@pytest.mark.parametrize(("question", "verb"), [
    ("which abuse on cocoa farms does the report warn about", "warn"),
    ("what wage for garment workers does the agreement demand", "demand"),
    ("the parties will sign it", ""),  # no question word: not inverted
])
def test_the_question_word_may_stand_before_a_noun_phrase_of_an_inverted_question(
    question: str, verb: str,
) -> None:
    assert inverted_verb(question.split(), english_verb_stem) == verb


@pytest.mark.parametrize("question", [
    "Wat is de naam van de woordvoerder van het secretariaat?",
    "what's the name of the chair of the steering group?",
])
def test_the_name_of_a_role_asks_for_a_person(question: str) -> None:
    assert [fact.kind for fact in asked_facts(understand(question))] == ["person"]


def test_the_name_of_a_role_nobody_names_is_not_found(library: Library) -> None:
    unanswered(library, "Wat is de naam van de voorzitter van de klachtencommissie van het kledingconvenant?")


@pytest.mark.parametrize(("text", "contact"), [
    ("Mail het secretariaat via info@voorbeeld.nl of bel +31 70 123 4567.", True),
    ("Zie www.voorbeeld.nl voor het verslag.", True),
    ("Het secretariaat ondersteunt de uitvoering van het convenant.", False),
])
def test_contact_details_are_stated_by_an_address_a_number_or_a_web_address(text: str, contact: bool) -> None:
    assert bool(CONTACT_ANSWER.search(text)) is contact


def test_contact_details_nobody_gives_are_not_found(library: Library) -> None:
    question = "Wat is het telefoonnummer of e-mailadres van het secretariaat van het kledingconvenant?"
    assert [fact.kind for fact in asked_facts(understand(question))] == ["contact"]
    unanswered(library, question)


@pytest.mark.parametrize(("question", "kinds"), [
    ("Staat het bronnenboek op de website van de overheid?", []),  # where, not contact details
    ("Which minerals in a telephone come from conflict areas?", []),
    ("Wat zijn de namen van de partners van het textielconvenant?", ["names"]),  # organisations too
    ("op welke website staat het bronnenboek?", ["contact"]),
])
def test_contact_and_person_facts_are_asked_only_by_their_own_words(question: str, kinds: list[str]) -> None:
    assert [fact.kind for fact in asked_facts(understand(question))] == kinds


@pytest.mark.parametrize(("text", "contact"), [
    ("Postbus 20061, 2500 EB Den Haag", True),
    ("Zie imvoconvenanten.nl voor de voortgang.", True),
    ("De studie beslaat de jaren 2013 - 2016.", False),  # a range of years is no phone number
])
def test_contact_details_in_their_usual_forms(text: str, contact: bool) -> None:
    assert bool(CONTACT_ANSWER.search(text)) is contact


@pytest.mark.parametrize(("sentence", "left"), [
    ("Het is een van de grootste bronnen van uitstoot [16].", "Het is een van de grootste bronnen van uitstoot [16]."),
    ("Dat schreef de Landelijke India Werkgroep [2] al.", "Dat schreef de al."),
])
def test_only_the_capitalised_author_before_a_marker_is_set_aside(sentence: str, left: str) -> None:
    assert " ".join(CITED_SOURCE.sub(" ", sentence).split()) == left


@pytest.mark.parametrize(("question", "verbs"), [
    ("Which companies in the covenant will publish a report?", ("publish",)),  # no "report"
    ("Which NGOs in the covenant will review progress?", ("review",)),
])
def test_a_subject_question_with_a_modal_is_not_inverted(question: str, verbs: tuple[str, ...]) -> None:
    assert understand(question).verbs == verbs
