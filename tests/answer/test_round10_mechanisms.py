"""Mechanisms of issue #12's tenth round (classes found with tests/eval/questions-probe19.toml
and the earlier tuned probe sets), each tested on sentences written for these tests, none of them
a question of any evaluation set.

Classes: a question for a duration or a frequency also takes candidates from passages holding a
word of that form (a time unit), so the passage stating "drie tot vijf jaar" is found although
it shares few of the question's words; a sector noun the documents use ("bedrijfssectoren") is
no unknown sector; a misspelt word no index or word list holds is read as the common word one
edit away when the documents or the lexicon can read that word ("deforestaton"), never as a
word only the general language knows ("reshored" is no "restored"); a determiner opens a
covenant's subject; a phrase the lexicon gives as the same in either language is present only
as itself.
"""

from __future__ import annotations

import answer_fixtures
import pytest
from answer_fixtures import answered, unanswered

from imvo_assist.answer.facts import missing_fact
from imvo_assist.answer.quoted import quoted_forms
from imvo_assist.answer.understand import understand
from imvo_assist.library import Library
from imvo_assist.text.morphology import subject_question_verbs
from imvo_assist.text.questionforms import answers, form_words

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)


def test_a_duration_question_finds_the_passage_stating_the_duration(library: Library) -> None:
    # the SER advice, p. 7: "binnen drie tot vijf jaar tot substantiële verbetering"; the
    # question's other words ("SER", "convenant") fill the ordinary candidates with other passages
    answer = library.ask("Hoeveel jaar heeft een convenant volgens de SER om echt iets te bereiken "
                         "voor de mensen in de keten?")
    assert not answer.not_found, answer.answer
    first = answer.citations[0].hit.passage
    assert (first.doc_id, first.page_label) == ("ser-advies-test", "7")
    assert "drie tot vijf jaar" in answer.answer


@pytest.mark.parametrize(("form", "word"), [("duration", "jaar"), ("frequency", "kwartaal"),
                                           ("frequency", "jaarlijks"), ("frequency", "annually")])
def test_form_words_name_the_words_of_the_form(form: str, word: str) -> None:
    assert word in form_words(form)


@pytest.mark.parametrize("form", ["when", "count", "who", "reason"])
def test_forms_without_form_words_take_no_extra_candidates(form: str) -> None:
    assert form_words(form) == ()


@pytest.mark.parametrize(("sentence", "expected"), [
    ("De commissie komt tweemaandelijks bijeen.", True),
    ("Het secretariaat rapporteert halfjaarlijks.", True),
    ("Er wordt onregelmatig gerapporteerd.", False),
])
def test_frequency_adverbs_with_a_prefix(sentence: str, expected: bool) -> None:
    assert answers("frequency", sentence) is expected


@pytest.mark.parametrize(("question", "unknown"), [
    ("Wat verwacht de brief van de bedrijfssectoren die achterblijven?", ""),
    ("Welke risico's noemt het rapport voor de toerismesector?", "toerismesector"),
    ("which platforms for sector learning does the letter name?", ""),  # a preposition, no sector
])
def test_a_sector_noun_the_documents_use_is_no_unknown_sector(
    library: Library, question: str, unknown: str
) -> None:
    assert understand(question, library.has_term).unknown_sector == unknown


@pytest.mark.parametrize(("question", "corrections"), [
    ("what does the report say about deforestaton in the timber chain?", {"deforestaton": "deforestation"}),
    ("is fairwear named in the source register?", {}),
    # a word only the general language reads is no word of the documents: "reshored" is no
    # "restored", "sucden" (a trader) no "sudden"; a lexicon word ("ruggie") no typo
    ("Does the letter mention reshored jobs?", {}),
    ("did the report cite sucden on cocoa?", {}),
    ("what do the ruggie principles say about remedy?", {}),
])
def test_a_misspelt_common_word_is_read_as_that_word(
    library: Library, question: str, corrections: dict[str, str]
) -> None:
    assert understand(question, library.has_term).corrections == corrections


@pytest.mark.parametrize(("question", "subject"), [
    # a determiner opens the covenant's own words
    ("which core elements must every covenant hold?", ""),
    ("what does each agreement require from companies?", ""),
    ("what does the toy industry covenant say about child labour?", "toy industry"),
    ("does the dutch banking agreement cover project finance?", "banking"),
    # a covenant word closing one phrase may open the next
    ("Which obligations does the new IRBC covenant for the gold sector set?", "gold"),
    ("What did banks sign up to in the Dutch agreement for the banking sector?", "banking"),
    # a covenant word is no covenant's subject
    ("What does the IRBC covenant agreement for the insurance sector require of insurers?", "insurance"),
])
def test_the_subject_of_a_named_covenant(question: str, subject: str) -> None:
    assert understand(question).covenant[0] == subject


@pytest.mark.parametrize("question", [
    "does the risk analysis say anything about the modern slavery act?",
    "is the global reporting initiative used anywhere in the source register?",
])
def test_an_untranslated_phrase_is_present_only_as_itself(library: Library, question: str) -> None:
    # its words' translations ("modern": modern, "act": wet) stand in the documents, the name not
    unanswered(library, question)


def test_an_untranslated_phrase_that_stands_in_the_documents_is_answered(library: Library) -> None:
    answer = library.ask("what does the garments agreement say about due diligence?")
    assert not answer.not_found and "due diligence" in answer.answer


@pytest.mark.parametrize(("question", "intent"), [
    ("How many hours do miners work per day according to the SOMO report?", "citation_lookup"),
    ("Wanneer werd volgens het onderzoek van Oxfam Novib de fabriek gesloten?", "citation_lookup"),
    ("Hoeveel rapporten van Oxfam Novib staan in het bronnenboek?", "org_included"),
    ("Volgens de gegevens, hoeveel rapporten van SOMO zijn er?", "org_included"),
    ("Which year is the SOMO report from, according to the register data?", "org_included"),
    ("Is er een SOMO-rapport gebruikt voor het hoofdstuk elektronica?", "org_included"),
])
def test_a_fact_asked_from_a_cited_study_is_no_inclusion_question(
    library: Library, question: str, intent: str
) -> None:
    assert understand(question, library.has_term).intent == intent


def test_a_four_letter_word_is_present_as_a_compounds_first_part(library: Library) -> None:
    # "core" -> "kern", which the SER advice has only in "kernelementen"
    answer = answered(library, "the core elements of an IRBC covenant according to the SER advice")
    assert ("ser-advies-test", "4") in [(c.hit.passage.doc_id, c.hit.passage.page_label)
                                        for c in answer.citations[:3]]


@pytest.mark.parametrize("question", [
    "Wat zegt het SER-advies over de kern van het probleem?",  # "kern" asked, not translated
    "Wat zegt het rapport over de wolf?",  # no "wolf" in "wolfraam"
])
def test_an_asked_four_letter_word_is_not_present_inside_a_compound(library: Library, question: str) -> None:
    assert library.ask(question).not_found


@pytest.mark.parametrize("question", [
    # the sentence about the critics names no one; "MVO Nederland" stands two sentences on
    "welke ngo's hadden kritiek op de methode van kpmg? graag de namen van die ngo's",
    "Wie zitten in de klachtencommissie van het kledingconvenant? namen graag",
])
def test_names_asked_for_stand_beside_what_the_question_asks(library: Library, question: str) -> None:
    answer = library.ask(question)
    assert answer.not_found and "namen" in answer.answer, answer.answer


def test_names_in_a_signature_block_answer(library: Library) -> None:
    # the letter's last passage: the two ministers' names, no sentence about signing
    answer = library.ask("Who signed the letter on the sector risk analysis? names please")
    assert not answer.not_found and "Ploumen" in answer.answer


@pytest.mark.parametrize("question", [
    "Wat is volgens het SER-advies een IMVO-convenant precies?",
    "What does the SER advice say about governance of IMVO covenants?",
])
def test_a_roman_numbered_front_page_is_no_evidence_for_a_content_question(
    library: Library, question: str
) -> None:
    # the SER advice's p. i only describes the file (its number and date)
    answer = library.ask(question)
    assert answer.citations and all(c.hit.passage.page_label != "i" for c in answer.citations[:3])


def test_a_quoted_english_phrase_finds_its_dutch_wording(library: Library) -> None:
    # the Dutch covenant defines "leefbaar loon" (p. 1); only the English agreement says "living wage"
    answer = library.ask("what exactly does the Dutch textile covenant mean by 'living wage'? page please")
    assert ("convenant-test-textiel", "1") in [(c.hit.passage.doc_id, c.hit.passage.page_label)
                                               for c in answer.citations[:3]]


@pytest.mark.parametrize(("question", "sectors"), [
    ("Wij importeren koffiebonen voor onze branderij. Welke risico's noemt de analyse?", ["voedingsmiddelen"]),
    ("We sell cotton t-shirts online: which risks does the report name?", ["textiel-kleding"]),
    ("Wij zijn een groothandel in koffie. Welke risico's noemt de analyse?", ["groothandel", "voedingsmiddelen"]),
    ("We are a retailer selling jeans: which risks does the report name?", ["detailhandel", "textiel-kleding"]),
    ("Wij zijn een supermarktketen en verkopen koffie. Welke risico's?", ["detailhandel", "voedingsmiddelen"]),
])
def test_a_trade_only_the_askers_verb_names_yields_to_the_products_sector(
    library: Library, question: str, sectors: list[str]
) -> None:
    assert sorted(s.id for s in understand(question, library.has_term).sectors) == sorted(sectors)


@pytest.mark.parametrize("question", [
    "Why did the cabinet choose KPMG for the analysis rather than another firm?",
    "waarom koos het kabinet voor KPMG als uitvoerder van de analyse?",
])
def test_a_reason_for_a_choice_stands_beside_what_was_chosen(library: Library, question: str) -> None:
    # the letter names KPMG and, elsewhere, the sectors "selected"; no sentence says why KPMG
    answer = unanswered(library, question)
    assert "choice" in answer.answer or "keuze" in answer.answer


@pytest.mark.parametrize(("question", "passage", "stated"), [
    ("In welk land is het secretariaat van het convenant gevestigd?",
     ("Het secretariaat van het convenant ondersteunt de partijen. Het werk is veelzijdig. "
     "De minister reisde vorig jaar naar China."), False),
    ("In welk land is het secretariaat van het convenant gevestigd?",
     "Het secretariaat van het convenant is gevestigd in Frankrijk.", True),
    ("Op welke datum werd het convenant ondertekend?",
     ("Het convenant werd in Den Haag ondertekend. Het was een mooi moment. "
     "De brief van 24 juni gaat over de voortgang."), False),
    ("Op welke datum werd het convenant ondertekend?",
     "Het convenant werd op 3 juli in Den Haag ondertekend.", True),
    # the fact in the sentence after the one that speaks of the subject
    ("Hoeveel heeft het onderzoek van KPMG gekost?",
     "KPMG voerde het onderzoek in opdracht van het kabinet uit. Het kostte 250.000 euro.", True),
    ("In welk land stortte Rana Plaza in?",
     "Rana Plaza was een gebouw met confectieateliers. Het gebouw stond in Bangladesh.", True),
])
def test_an_asked_fact_stands_beside_what_the_question_asks(
    library: Library, question: str, passage: str, stated: bool
) -> None:
    missing = missing_fact(understand(question, library.has_term), [passage])
    assert (missing is None) is stated, missing



def test_a_single_quoted_word_is_asked_as_written(library: Library) -> None:
    understanding = understand("Where does the report use the word 'mine'?", library.has_term)
    assert quoted_forms(understanding) == [("mine", frozenset({"mine"}))]


def test_the_nearest_passages_of_a_missing_fact_are_no_did_you_mean(library: Library) -> None:
    answer = library.ask("why did the government choose KPMG for the sector risk analysis?")
    assert answer.not_found and "nearest" in answer.answer
    assert not any("p. " in suggestion for suggestion in answer.suggestions)


def test_a_person_asked_of_an_organisations_work_is_a_fact_not_an_inclusion(library: Library) -> None:
    # the register lists SOMO's study, no researcher by name: not "SOMO appears 6 times"
    unanswered(library, "Which SOMO researcher wrote the study on electronics factories?")


def test_a_place_an_organisations_work_names_is_answered(library: Library) -> None:
    answer = library.ask("In welke regio deed de India Committee of the Netherlands onderzoek naar meisjes "
                         "in spinnerijen?")
    assert not answer.not_found and "Zuid-India" in answer.answer


@pytest.mark.parametrize(("words", "verbs"), [
    ("which study backs the claim about child labour", ["backs"]),
    ("who funds the secretariat of the agreement", ["funds"]),
    ("what does the letter say about funds", []),
    ("which sectors the report names", []),
])
def test_an_english_verb_after_a_subject_question_word(words: str, verbs: list[str]) -> None:
    assert subject_question_verbs(words.split()) == verbs


def test_a_verb_of_the_question_is_no_missing_content(library: Library) -> None:
    answered(library, "which source backs the claim on sandblasting jeans in the textile chapter?")
