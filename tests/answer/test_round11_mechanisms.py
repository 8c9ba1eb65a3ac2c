"""Mechanisms of issue #12's eleventh round, each tested on sentences written for these tests,
none of them a question of any evaluation set.

Classes: a general document's passages speak for a sector only where a heading or a sentence
names the sector (the letter's opening on risks of Dutch companies abroad is no list of one
sector's risks), while a document about the sector (a covenant whose title or register entry
names it) speaks for it throughout; a Dutch pronominal adverb ("daarop") is a pronoun, never
a topic whose absence makes a question unanswerable; "wat heeft ... gekost" asks an amount
however long its subject; a name in any asking sentence is key content, not only in the last.
"""

from __future__ import annotations

import answer_fixtures
import pytest
from answer_fixtures import answered, unanswered

from imvo_assist.answer.understand import is_content, understand
from imvo_assist.library import Library
from imvo_assist.models import Answer
from imvo_assist.settings import Settings
from imvo_assist.text.fold import fold
from imvo_assist.text.morphology import is_english_adverb, is_pronominal_adverb, is_verb_form
from imvo_assist.text.questionforms import AMOUNT_QUESTION
from imvo_assist.text.questionforms import forms as question_forms

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)


def top_places(answer: Answer, count: int) -> set[tuple[str, str]]:
    """(document, printed page) of the answer's first `count` citations."""
    return {(c.hit.passage.doc_id, c.hit.passage.page_label) for c in answer.citations[:count]}


@pytest.mark.parametrize("question", [
    "Welke risico's noemt de brief voor de kledingsector? Wij importeren spijkerbroeken.",
    "Which risks does the letter list for the garment sector? We sell jeans.",
])
def test_a_general_letter_names_no_risks_for_a_sector_it_does_not_name(
    letter_only: Settings, question: str
) -> None:
    # p. 1 of the letter names "kinderarbeid, slechte arbeidsomstandigheden ... landroof" as risks
    # of Dutch companies abroad in general; no sentence of it ties them to textiles
    answer = Library(letter_only).ask(question)
    assert not answer.risks
    assert "landroof" not in answer.answer.split("Geciteerde passages")[0].split("Quoted passages")[0]
    assert answer.citations, answer.answer  # the passages closest to the question remain


def test_a_covenant_about_the_sector_speaks_for_it_throughout(library: Library) -> None:
    # the textile covenant's title names the sector; its articles need not repeat it
    answer = library.ask("Welke risico's behandelt het convenant voor de kledingsector?")
    assert answer.risks, answer.answer
    assert {c.hit.passage.doc_id for c in answer.citations} & {"convenant-test-textiel"}


@pytest.mark.parametrize("word", ["daarop", "hieromtrent", "waarmee", "ervan", "daarnaast"])
def test_a_pronominal_adverb_is_no_content(word: str) -> None:
    assert is_pronominal_adverb(word)
    assert not is_content(word)


@pytest.mark.parametrize("word", ["waarde", "daarentegen", "hierarchie", "ertsen"])
def test_words_that_only_begin_like_one_stay_as_they_are(word: str) -> None:
    assert not is_pronominal_adverb(word)


def test_an_absent_pronominal_adverb_does_not_make_a_question_unanswerable(library: Library) -> None:
    # "daarop" occurs in no test document; the letter p. 3 tells what the cabinet did about the
    # NGOs' criticism (the bronnenboek)
    question = ("Enkele ngo's vonden hun informatie niet terug in de samenvattingen van KPMG. "
                "Wat deed het kabinet daarop?")
    assert "daarop" not in understand(question).words
    answer = answered(library, question)
    assert ("kamerbrief-2014-11-19-sra", "3") in top_places(answer, 3)


@pytest.mark.parametrize("question", [
    "Wat heeft de analyse van de 86 sectoren door KPMG het ministerie uiteindelijk gekost?",
    "What has the sector analysis by KPMG cost the ministry in total?",
])
def test_a_cost_asked_over_a_long_subject_is_an_amount_the_documents_do_not_state(
    library: Library, question: str
) -> None:
    answer = unanswered(library, question)
    assert ("geen bedrag" in answer.answer) or ("no amount" in answer.answer)


def test_a_name_in_an_earlier_asking_sentence_is_key_content(library: Library) -> None:
    # both sentences ask; the name stands in the first (a statement before them stays context)
    answer = unanswered(library, "Is Max Havelaar een van de partijen bij het textielconvenant? Welk artikel noemt dat?")
    assert "Max Havelaar" in answer.answer
    told = library.ask("Wij werken samen met Max Havelaar. Welke partijen noemt het textielconvenant?")
    assert not told.not_found, told.answer


@pytest.mark.parametrize("word", [
    "achterblijven", "eruitzien", "doorgelicht", "klaagden", "werkten", "stelden", "gebeurden",
])
def test_dutch_verb_forms_behind_a_particle_through_a_sound_change_or_in_the_past(word: str) -> None:
    assert is_verb_form(word, "nl")


@pytest.mark.parametrize("word", [
    "bedrijven", "handen", "banden", "waarden", "voorwaarden", "mensenrechten", "grondstoffen",
    "vakbonden", "leden", "aandelen", "voordelen", "nadelen", "onderdelen", "voorbeelden",
    "voorraden", "aankopen", "prijzen", "grenzen", "huizen", "bedragen",
])
def test_plural_nouns_stay_nouns(word: str) -> None:
    assert not is_verb_form(word, "nl")


def test_an_absent_verb_form_does_not_make_a_question_unanswerable(library: Library) -> None:
    # "doorgelicht" occurs in no test document; the letter p. 2 gives the number of sectors
    answer = answered(library, "Is het waar dat KPMG destijds ongeveer 90 sectoren heeft doorgelicht?")
    first = answer.citations[0].hit.passage
    assert (first.doc_id, first.page_label) == ("kamerbrief-2014-11-19-sra", "2")


def test_a_unit_of_money_is_the_form_of_the_answer_not_a_topic(library: Library) -> None:
    # the old news item writes "€ 2 per shirt": no "euro" in words
    answer = library.ask("Geef het citaat uit het oude nieuwsbericht over wat een inkoper per shirt "
                         "aan de fabriek betaalt, met het bedrag in euro.")
    assert not answer.not_found, answer.answer
    assert answer.citations[0].hit.passage.doc_id == "oud-bericht-cp1252"


@pytest.mark.parametrize("question, figure", [
    ("Trekt het kabinet 3 miljoen euro uit voor de convenanten?", "3 miljoen"),
    ("Does the letter promise 2.5 million euros for the sector dialogues?", "2.5 million"),
])
def test_a_figure_with_a_scale_must_stand_as_such(library: Library, question: str, figure: str) -> None:
    answer = unanswered(library, question)
    assert figure in answer.answer


@pytest.mark.parametrize("question", [
    "how many euros does a company pay to join the garment covenant?",
    "how many dollars did the government give the garment covenant secretariat?",
])
def test_a_unit_of_money_asks_for_an_amount(library: Library, question: str) -> None:
    # the covenant names contributions but no sum: a unit of money asks for one
    answer = unanswered(library, question)
    assert "geen bedrag" in answer.answer or "no amount" in answer.answer


@pytest.mark.parametrize("question", [
    "Welk artikel van het kledingconvenat regelt hoe lang het loopt?",
    "Welk artikel van het kledigconvenant regelt hoe lang het loopt?",
])
def test_a_compound_with_one_misspelt_part_is_read_corrected(library: Library, question: str) -> None:
    answer = answered(library, question)
    assert ("convenant-test-textiel", "5") in top_places(answer, 3)


def test_a_compound_of_two_words_is_not_corrected(library: Library) -> None:
    # "cosmetica" and "convenant" are both words: the compound is absent, not misspelt
    answer = unanswered(library, "Welke afspraken staan in het cosmeticaconvenant?")
    assert "cosmeticaconvenant" in answer.answer


@pytest.mark.parametrize("question", [
    "Which ministers put their names under the letter with which the KPMG report went to parliament? Who signed it?",
    "welke ministers ondertekenden de brief waarmee het KPMG-rapport naar de Kamer ging?",
])
def test_the_document_signed_is_the_one_named_after_the_signing(library: Library, question: str) -> None:
    # the question names the report too; the signatures asked for close the letter (p. 5)
    answer = answered(library, question)
    assert "Ploumen" in answer.answer.split("\n\n")[1] and "Kamp" in answer.answer.split("\n\n")[1]


def test_signatories_named_without_asking_who_they_are_ask_no_signature(library: Library) -> None:
    answer = library.ask("Mogen de leden van de klachtencommissie van het kledingconvenant banden "
                         "hebben met een van de ondertekenaars?")
    assert "Aldus ondertekend" not in answer.answer.split("\n\n")[1]


def test_who_signed_a_covenant_the_corpus_does_not_hold_is_not_another_covenants_signature(
    library: Library,
) -> None:
    # the coal covenant is only mentioned (letter p. 3); the textile covenant's closing line
    # ("Aldus ondertekend te Den Haag") says nothing of it
    answer = library.ask("Welke bedrijven hebben het steenkoolconvenant ondertekend?")
    assert "Aldus ondertekend" not in answer.answer


def test_a_signature_without_names_does_not_say_who_signed(library: Library) -> None:
    # the SER advice ends without a signature; a last sentence is no name
    unanswered(library, "Wie heeft het SER-advies ondertekend?")


@pytest.mark.parametrize("question", [
    "On which page of the letter is the coal covenant mentioned, and on which date was it signed?",
    "Welke pagina van de brief noemt het steenkoolconvenant en wanneer werd het getekend?",
])
def test_which_page_or_document_was_signed_asks_no_names(library: Library, question: str) -> None:
    answer = answered(library, question)
    assert ("kamerbrief-2014-11-19-sra", "3") in top_places(answer, 2)


def test_a_compound_part_may_stand_in_the_index_in_its_plural(library: Library) -> None:
    # "kledingmerk" occurs nowhere; "kleding" does, "merk" as "merken" (elektronicamerken)
    concept = next(c for c in understand("Wat moet een kledingmerk doen?", library.has_term).concepts
                   if c.source == "kledingmerk")
    assert set(concept.parts) == {"kleding", "merk"}
    answer = answered(library, "Mag een arbeider via het convenant een klacht indienen over ons kledingmerk?")
    assert answer.citations[0].hit.passage.doc_id in ("convenant-test-textiel", "agreement-test-garments-en")


@pytest.mark.parametrize("word, adverb", [
    ("genuinely", True), ("notably", True), ("jointly", True), ("heavily", True),
    ("assembly", False), ("monopoly", False), ("supply", False), ("family", False),
])
def test_english_adverbs_in_ly(word: str, adverb: bool) -> None:
    assert is_english_adverb(word) is adverb


def test_an_absent_adverb_does_not_make_a_question_unanswerable(library: Library) -> None:
    # "truly" and "thoroughly" occur in no test document
    answered(library, "When is a stakeholder dialogue truly and thoroughly meaningful according to the SER?")


@pytest.mark.parametrize("question", ["looptijd textielconvenant art 8?", "looptijd convenant art. 8"])
def test_a_numbered_part_is_no_topic_nor_a_covenant(library: Library, question: str) -> None:
    answer = answered(library, question)
    first = answer.citations[0].hit.passage
    assert (first.doc_id, first.page_label) == ("convenant-test-textiel", "5")


def test_key_elements_are_kernelementen(library: Library) -> None:
    # a lexicon entry of general words; the misspelling is read through it
    answer = answered(library, "what are the key elemnts of a covenant according to the SER?")
    assert answer.citations[0].hit.passage.doc_id == "ser-advies-test"


def test_a_signing_question_on_an_absent_topic_does_not_fail(library: Library) -> None:
    unanswered(library, "Who signed the letter about the football world cup?")


@pytest.mark.parametrize("question", [
    "Which obligations do the signatories of the garment agreement have?",
    "Welke afspraken over kinderarbeid staan in het convenant dat de partijen hebben ondertekend?",
    "Which sectors did KPMG analyse in the report that was sent to parliament?",
])
def test_signing_named_beside_what_is_asked_asks_no_names(library: Library, question: str) -> None:
    answered(library, question)


@pytest.mark.parametrize("question", [
    "Wij werken samen met Zeeman. Geef de afspraken over leefbaar loon in het textielconvenant.",
    "Welke afspraken over leefbaar loon staan in het textielconvenant? Wij leveren aan Zeeman.",
])
def test_a_name_in_the_askers_statement_is_context(library: Library, question: str) -> None:
    answered(library, question)


@pytest.mark.parametrize("question, sector", [
    ("We are wholesalers of cut flowers. Which risks apply to us?", "groothandel"),
    ("Which risks apply to retail of cut flowers?", "detailhandel"),
])
def test_a_trade_sector_named_as_a_noun_stays(question: str, sector: str) -> None:
    assert sector in {s.id for s in understand(question).sectors}


@pytest.mark.parametrize("question, amount", [
    ("What has the garment agreement done about wages that do not cover the cost of living?", False),
    ("Wat vonden de ngo's ervan dat de sectoranalyse zoveel tijd heeft gekost?", False),
    ("Welke risico's noemt de brief voor bedrijven die in dollars inkopen?", False),
    ("What minimum wage in euros per month does the covenant fix?", True),
    ("Wat heeft het onderzoek van KPMG naar alle sectoren de overheid uiteindelijk gekost?", True),
])
def test_which_questions_ask_an_amount(question: str, amount: bool) -> None:
    assert bool(AMOUNT_QUESTION.search(fold(question))) is amount


def test_a_scaled_figure_bounding_a_condition_is_no_figure_asked(library: Library) -> None:
    answer = library.ask("Moeten bedrijven met een omzet boven 50 miljoen euro zich bij een convenant aansluiten?")
    assert "50 miljoen" not in answer.answer.split("\n")[0]


@pytest.mark.parametrize("question", [
    "In welk artikel van het kledingconvenant staat de klachtencommissie?",
    "Which article of the garment covenant sets up the complaints committee?",
])
def test_a_question_for_a_part_gets_the_passage_heading(library: Library, question: str) -> None:
    # the heading trail of the covenant's p. 4 passage is its article
    answer = library.ask(question)
    bullets = answer.answer.split("\n\n")[1]
    assert "“Artikel 6 Klachten- en geschillenmechanisme”, p. 4)" in bullets


def test_other_questions_cite_title_and_page_only(library: Library) -> None:
    answer = library.ask("Wat doet de klachtencommissie van het kledingconvenant?")
    assert "Artikel 6" not in answer.answer.split("\n\n")[1]
    assert "(Convenant Duurzame Kleding en Textiel (testversie), p. 4)" in answer.answer


@pytest.mark.parametrize("question, expected", [
    ("hoeveel leden heeft de klachtencommissie en hoe lang mag een uitspraak duren?", ("duration", "count")),
    ("hoeveel jaar loopt het convenant?", ("duration",)),
    ("how many times a year does the secretariat report?", ("frequency",)),
])
def test_a_count_beside_a_duration_is_asked_too(question: str, expected: tuple[str, ...]) -> None:
    assert question_forms(question) == expected


def test_each_thing_asked_gets_its_sentence(library: Library) -> None:
    # the members (drie leden) and the time to rule (zes maanden) stand in different sentences
    answer = library.ask("Hoeveel leden heeft de klachtencommissie van het kledingconvenant en hoe "
                         "snel moet die uitspraak doen?")
    first = answer.answer.split("\n\n")[1].split("\n")[0]
    assert "drie leden" in first and "zes maanden" in first


def test_a_chapter_question_names_the_chapter_not_only_the_category(library: Library) -> None:
    # Milieu, Arbeid and Mensenrechten stand in every chapter: the trail names the chapter too
    bullets = library.ask("In welk hoofdstuk van het rapport staat landroof?").answer.split("\n\n")[1]
    assert "> Mensenrechten”" in bullets
    assert "Risico's in de keten" in bullets


def test_a_register_fact_is_cited_without_a_heading(library: Library) -> None:
    # an overview page has no headings of its own; its chapter is the KPMG report's
    answer = library.ask("Under which heading does KPMG list water scarcity for agriculture?")
    register = [c.hit for c in answer.citations if c.hit.source == "register"]
    assert register
    bullets = answer.answer.split("\n\n")[1]
    for hit in register:
        assert f"] ({hit.place()})" in bullets


def test_a_news_article_is_no_part_of_a_document(library: Library) -> None:
    answer = library.ask("Which news article mentions the price per shirt?")
    assert "(Oud bericht (Windows-1252), p. 1)" in answer.answer


@pytest.mark.parametrize("question, heading", [
    ("Wat staat er in artikel 5 van het kledingconvenant?", "Artikel 5"),
    ("Wat zegt hoofdstuk 4 van het KPMG-rapport?", "4 "),
])
def test_a_numbered_part_leads_with_the_passage_under_it(library: Library, question: str, heading: str) -> None:
    first = library.ask(question).citations[0].hit.passage
    assert any(level.strip().startswith(heading) for level in first.section.split(">")), first.section


def test_who_is_the_minister_that_signed_asks_the_signature(library: Library) -> None:
    answer = library.ask("Wie is de minister die de kamerbrief heeft ondertekend?")
    assert "Ploumen" in answer.answer.split("\n\n")[1]


def test_a_signing_verb_is_no_topic(library: Library) -> None:
    answer = unanswered(library, "Wie heeft de brief over het WK voetbal verstuurd?")
    assert "verstuurd" not in answer.answer.split("\n")[0]


@pytest.mark.parametrize("word", ["aanleveren", "meewegen", "afwegen", "achterblijven"])
def test_separable_verbs_without_a_noun_of_their_own_are_verbs(word: str) -> None:
    assert is_verb_form(word, "nl")


def test_every_count_phrase_is_read(library: Library) -> None:
    assert "count" in question_forms("Hoeveel jaar loopt het convenant en hoeveel leden heeft de klachtencommissie?")
    assert not AMOUNT_QUESTION.search(fold("Hoeveel bedrijven handelen in euro's?"))


@pytest.mark.parametrize("question, name", [
    ("is human rights watch one of the sources in the bronnenboek?", "human rights watch"),
    ("is human rights watch's research cited in the bronnenboek?", "human rights watch"),
    ("is de eerlijke handel stichting ergens genoemd in het bronnenboek?", "eerlijke handel stichting"),
])
def test_a_lowercase_source_the_corpus_lacks_is_named(library: Library, question: str, name: str) -> None:
    answer = unanswered(library, question)
    assert f"'{name}'" in answer.answer


@pytest.mark.parametrize("question", [
    "komt stop kinderarbeid voor in het bronnenboek?",  # a vocabulary organisation
    "is oxfam novib cited in the report?",
])
def test_a_lowercase_source_the_register_holds_is_found(library: Library, question: str) -> None:
    assert not library.ask(question).not_found


@pytest.mark.parametrize("question", [
    "is the garment covenant's secretariat mentioned in the letter?",  # a topic, not a source
    "is child labour in cocoa mentioned in the report?",
])
def test_a_topic_asked_as_mentioned_is_no_source_name(library: Library, question: str) -> None:
    assert not library.ask(question).not_found
