"""Mechanisms of issue #12's eighth round (classes found with tests/eval/questions-probe11.toml
and questions-probe12.toml: everyday words and question forms), each tested on sentences written
for these tests, none of them a question of any evaluation set.

Classes: a word the corpus lacks is the asker's paraphrase, not a missing subject, when the
question's other specific topics stand together in a passage; statements before the question
("Wij verkopen fietsen.") weigh less than what is asked; a question's language is decided by its
function words ("we", "is" are both languages' words; "due diligence" is a loan in Dutch); a
Dutch compound of words ("pelsindustrie") is no typo of a vocabulary word; "in euros" asks for
an amount.
"""

from __future__ import annotations

import answer_fixtures
import pytest

from imvo_assist.answer.evidence import content_groups, sentences
from imvo_assist.answer.facts import missing_fact
from imvo_assist.answer.general import _stating_first
from imvo_assist.answer.keycontent import missing_content
from imvo_assist.answer.retrieve import Ranked, rescore
from imvo_assist.answer.understand import understand
from imvo_assist.library import Library
from imvo_assist.models import Hit, Passage
from imvo_assist.text.questionforms import counted_noun

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)


def test_an_absent_word_beside_topics_that_meet_in_a_passage_is_a_paraphrase(library: Library) -> None:
    # "vakpers" occurs nowhere; contract labour of girls in spinning mills is one source's subject
    question = "Schrijft iemand over contractarbeid van meisjes in de spinnerijen, in de vakpers of zo?"
    assert missing_content(library, understand(question, library.has_term)) is None


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("Wat zegt de brief over de bontfokkerij?", "bontfokkerij"),
        ("Wat schrijft het rapport over pelsdieren in de modewereld?", "pelsdieren"),
        # the absent word is the subject: rarer than the topics that do occur together
        ("Hoe zit het met kinderarbeid en lonen in de bontfokkerij?", "bontfokkerij"),
    ],
)
def test_an_absent_subject_with_nothing_else_specific_is_not_found(
    library: Library, question: str, missing: str
) -> None:
    found = missing_content(library, understand(question, library.has_term))
    assert found is not None and found.what == missing


def test_a_dutch_compound_of_words_is_no_typo_of_a_vocabulary_word(library: Library) -> None:
    understanding = understand("Welke risico's noemt het rapport voor de pelsindustrie?", library.has_term)
    assert understanding.corrections == {} and understanding.sectors == ()
    assert understanding.unknown_sector
    answer = library.ask("Welke risico's noemt het rapport voor de pelsindustrie?")
    assert answer.not_found and "pelsindustrie" in answer.answer


def test_statements_before_the_question_weigh_less_than_what_is_asked() -> None:
    told = {g.label: g.weight for g in content_groups(understand(
        "Wij verkopen fietsen. Wat zegt het rapport over kinderarbeid bij rubber?"))}
    asked = {g.label: g.weight for g in content_groups(understand(
        "Wat zegt het rapport over kinderarbeid bij rubber en fietsen?"))}
    assert told["fietsen"] == pytest.approx(asked["fietsen"] / 2)
    assert told["kinderarbeid"] == asked["kinderarbeid"]


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Is a living wage something we pay once or do we keep paying it?", "en"),
        ("Wat betekent due diligence voor een kleine webwinkel?", "nl"),
        ("What does the note say about 'Eerlijk over de grens'?", "en"),
    ],
)
def test_the_language_of_a_question_is_that_of_its_function_words(question: str, language: str) -> None:
    assert understand(question).language == language


@pytest.mark.parametrize(
    ("question", "passage", "missing"),
    [
        ("What is the minimum wage in euros under the agreement?",
         "A living wage covers the basic needs of a worker and family.", ("amount", "")),
        ("What is the minimum wage in euros under the agreement?",
         "The wage is set at 120 euros a month.", None),
    ],
)
def test_in_euros_asks_for_an_amount(question: str, passage: str, missing: tuple[str, str] | None) -> None:
    assert missing_fact(understand(question), [passage]) == missing


@pytest.mark.parametrize(
    ("question", "passage", "missing"),
    [
        # a place: "which country" is answered only by a place's name
        ("In which country do the tanneries stand?", "The tanneries pollute the river nearby.", ("place", "")),
        ("In which country do the tanneries stand?", "Tanneries in Pakistan pollute the river.", None),
        ("Waar is het secretariaat gevestigd?", "Het secretariaat zit in Utrecht.", None),
        ("Waar is het secretariaat gevestigd?", "Het secretariaat beoordeelt de plannen.", ("place", "")),
        # a frequency, a duration
        ("Hoe vaak komt de stuurgroep bijeen?", "De stuurgroep bespreekt de voortgang.", ("frequency", "")),
        ("Hoe vaak komt de stuurgroep bijeen?", "De stuurgroep komt ieder kwartaal bijeen.", None),
        ("How long does the pilot run?", "The pilot tests a grievance line.", ("duration", "")),
        ("How long does the pilot run?", "The pilot runs for two years.", None),
        # a calendar date, not a period
        ("Op welke datum is het plan verstuurd?", "Het plan gaat begin volgend jaar naar de Kamer.", ("date", "")),
        ("Op welke datum is het plan verstuurd?", "Het plan is op 3 maart verstuurd.", None),
        # counts of times and end dates answer "how often" and "how long"
        ("How many times did the panel meet?", "The panel met three times in 2015.", None),
        ("Hoe lang loopt de pilot?", "De pilot loopt tot 1 juli 2021.", None),
        # no place is asked for in these
        ("Waar wordt in het plan rekening mee gehouden bij lonen?", "Het plan let op leefbare lonen.", None),
        ("What place does due diligence have in the plan?", "Due diligence is the plan's core.", None),
        ("Where is this claim based on?", "The claim rests on two studies.", None),
        ("Wie zit er in de stuurgroep voor het plan?", "De stuurgroep telt drie bedrijven en twee bonden.", None),
    ],
)
def test_a_question_for_a_place_frequency_duration_or_date_needs_one(
    question: str, passage: str, missing: tuple[str, str] | None
) -> None:
    assert missing_fact(understand(question), [passage]) == missing


def test_a_place_is_no_organisation_asked_about() -> None:
    understanding = understand("We buy slate from Brazil. Which risks does the report see at the quarries?")
    assert understanding.intent != "org_included"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("I want the SER's exact words on grievance mechanisms", "advice"),
        ("Wat staat er in het kleding convenent over lonen?", "covenant"),
    ],
)
def test_a_document_is_named_by_its_author_s_possessive_or_misspelt(
    library: Library, question: str, kind: str
) -> None:
    assert understand(question, library.has_term).named_kind == kind


def test_the_author_whose_words_are_asked_for_is_no_topic() -> None:
    labels = [g.label for g in content_groups(understand("I want the SER's exact words on grievance mechanisms"))]
    assert "ser" not in labels


def test_a_fact_question_is_answered_by_a_passage_that_states_it(library: Library) -> None:
    answer = library.ask("Within what period should covenants according to the SER deliver results?")
    assert not answer.not_found
    places = {(c.hit.passage.doc_id, c.hit.passage.page_label) for c in answer.citations[:3]}
    assert places & {("ser-advies-test", "7"), ("kamerbrief-2014-11-19-sra", "3")}  # "3-5 jaar"


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # the analysis's name asks for no risks
        ("Why does the risk analysis treat chemicals and plastics in one chapter?", "citation_lookup"),
        # a relative clause of origin asks for no source
        ("What does the report say about cobalt in batteries that comes from mines in Congo?", "citation_lookup"),
        ("Where does the claim about cobalt in batteries come from?", "provenance"),
    ],
)
def test_a_document_name_or_a_relative_clause_does_not_set_the_intent(question: str, intent: str) -> None:
    assert understand(question).intent == intent


def test_what_an_author_expects_is_read_from_its_document() -> None:
    assert understand("Wat verwacht de SER van de stuurgroep?").named_kind == "advice"
    asked_about = understand("What do companies expect from the SER?")  # the SER is the topic
    assert asked_about.named_kind == ""
    assert "ser" in [g.label for g in content_groups(asked_about)]


def test_words_about_documents_weigh_less_than_the_topic() -> None:
    understanding = understand("Welke conclusies trekt het rapport over kinderarbeid?")
    groups = {g.label: g for g in content_groups(understanding)}
    conclusies = next(c for c in understanding.concepts if c.source == "conclusies")
    assert groups["conclusies"].weight == pytest.approx(conclusies.specificity / 2)
    assert groups["kinderarbeid"].weight > groups["conclusies"].weight


def test_a_named_chapter_leads_with_that_sectors_chapter(library: Library) -> None:
    # retail (p. 10) and wholesale (p. 16) both name greenhouse gases from transport
    answer = library.ask("Noemt het hoofdstuk over de detailhandel broeikasgassen door transport en opslag van goederen?")
    first = answer.citations[0].hit.passage
    assert (first.doc_id, first.page_label) == ("sra-testrapport", "10")


def test_a_question_citing_a_covenant_leads_with_the_covenant(library: Library) -> None:
    # the report's textile chapter names child labour in cotton and spinning mills too
    answer = library.ask(
        "children picking cotton or working in spinning mills: does the clothing covenant just ban "
        "that, or must brands also repair the harm?")
    first = answer.citations[0].hit.passage
    assert (first.doc_id, first.page_label) == ("convenant-test-textiel", "3")  # Artikel 5 c.


def test_a_named_chapter_is_a_chapter_of_the_report_not_a_register_fact(library: Library) -> None:
    answer = library.ask("hoofdstuk hout en papier in het rapport: welke risico's voor inheemse volken staan daar?")
    assert answer.citations[0].hit.passage.doc_id == "sra-testrapport"


def test_a_register_entry_is_quoted_with_its_author_and_year() -> None:
    text = ("Thema's: water. [12] Stichting Voorbeeld (2013). Zout in de delta: boeren aan de kust. "
            "Soort: rapport. [13] Testbond (2011). Hitte op de bouwplaats.")
    found = sentences(text)
    assert "[12] Stichting Voorbeeld (2013). Zout in de delta: boeren aan de kust." in found
    assert "[13] Testbond (2011). Hitte op de bouwplaats." in found
    assert not any(s.endswith(("(2013).", "(2011).")) for s in found)


def test_the_rows_of_a_table_are_its_sentences() -> None:
    text = ("nr: 7; organisatie: Testbond; jaar: 2011; titel: Hitte: werk op de bouwplaats; soort: rapport "
            "nr: 8; organisatie: Voorbeeld; jaar: 2013; titel: Zout in de delta")
    assert sentences(text) == [
        "nr: 7; organisatie: Testbond; jaar: 2011; titel: Hitte: werk op de bouwplaats; soort: rapport",
        "nr: 8; organisatie: Voorbeeld; jaar: 2013; titel: Zout in de delta",
    ]


def _ranked(text: str, score: float, covered: float = 1.0) -> Ranked:
    passage = Passage(id=text[:12], doc_id="d", pdf_page=1, page_label="1", section="", text=text)
    return Ranked(Hit(passage, "T", "report", "", score, text), score, covered)


def test_a_passage_stating_the_fact_asked_for_leads_when_the_chosen_do_not() -> None:
    understanding = understand("In which country do the tanneries stand?")
    vague, stating = _ranked("The tanneries pollute the river.", 2.0), _ranked("Tanneries in Pakistan pollute.", 1.0)
    assert _stating_first([vague.hit], [vague, stating], understanding) == [stating.hit, vague.hit]
    assert _stating_first([stating.hit], [vague, stating], understanding) == [stating.hit]


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("Sinds wanneer geldt de Wet verantwoord ondernemen voor grote bedrijven?", "Wet verantwoord ondernemen"),
        ("Does the letter mention the Modern Slavery Act?", "Modern Slavery Act"),
    ],
)
def test_the_title_of_a_law_is_a_name_the_corpus_must_hold(library: Library, question: str, title: str) -> None:
    understanding = understand(question, library.has_term)
    assert title in understanding.names
    found = missing_content(library, understanding)
    assert found is not None and found.what == title


def test_the_words_naming_the_document_to_look_in_are_no_topic() -> None:
    labels = [g.label for g in content_groups(understand("Hoe beschrijft het SER-advies de rol van vakbonden?"))]
    assert "vakbonden" in labels and not {"ser", "advies", "ser advies"} & set(labels)
    kept = [g.label for g in content_groups(understand("Wat zegt het textielconvenant over lonen?"))]
    assert "textielconvenant" in kept  # a covenant's name says its subject


def test_an_original_passage_ranks_before_a_register_fact_that_says_the_same() -> None:
    passage = Passage(id="p", doc_id="r", pdf_page=1, page_label="1", section="", text="Landroof bij houtkap.")
    original = Hit(passage, "Report", "report", "", 1.0, "")
    fact = Hit(passage, "Overview", "web page", "", 1.0, "", source="register")
    ranked = rescore([fact, original], understand("Welke risico's van landroof bij houtkap?"))
    assert ranked[0].hit is original


def test_an_organisation_named_in_a_text_but_no_source_is_quoted_where_it_is_named(library: Library) -> None:
    answer = library.ask("Komt MVO Nederland ergens voor in de brief van de ministers?")
    assert not answer.not_found
    first = answer.citations[0].hit.passage
    assert first.doc_id == "kamerbrief-2014-11-19-sra" and first.page_label in {"3", "4"}
    assert "MVO Nederland" in answer.answer
    assert library.ask("Is er werk van Cordaid gebruikt voor de analyse?").not_found  # named nowhere


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Is Oxfam Novib mentioned anywhere?", "en"),  # a Dutch-looking name says nothing
        ("we make bikes - any risks?", "en"),  # "we" is as Dutch as it is English
    ],
)
def test_names_and_shared_function_words_do_not_decide_the_language(question: str, language: str) -> None:
    assert understand(question).language == language


@pytest.mark.parametrize("question", ["hoeveel sectoren zijn onderzocht", "Hoeveel sectoren heeft KPMG bekeken?"])
def test_the_counted_noun_is_content_even_when_generic(library: Library, question: str) -> None:
    answer = library.ask(question)  # was "geen aantal": "sectoren" was no content word
    assert not answer.not_found and "86 sectoren" in answer.answer


def test_the_counted_noun_of_a_question() -> None:
    assert counted_noun("hoeveel sectoren zijn onderzocht") == "sectoren"
    assert counted_noun("how many of the companies signed") == "companies"
    assert counted_noun("hoeveel zicht hebben wij") == ""  # an amount, no count
    assert counted_noun("how many times did it meet") == ""


def test_a_passage_carrying_its_documents_full_title_is_front_matter() -> None:
    title = "Agreement on Fair Cocoa Trade (test version)"
    cover = Passage(id="c", doc_id="a", pdf_page=1, page_label="1", section="",
                    text="Test text only. Agreement on Fair Cocoa Trade (test version). Cocoa companies sign.")
    body = Passage(id="b", doc_id="a", pdf_page=2, page_label="2", section="",
                   text="Cocoa companies sign the agreement and report every year.")
    ranked = rescore([Hit(cover, title, "covenant", "", 1.0, ""), Hit(body, title, "covenant", "", 1.0, "")],
                     understand("What do cocoa companies sign?"))
    assert ranked[0].hit.passage is body


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("Our NGO wrote a report on child labour in cocoa. Did KPMG use it?", 56),
        ("Wij schreven een rapport over landroof bij palmolie. Heeft KPMG dat gebruikt?", 59),
    ],
)
def test_whether_the_askers_own_work_was_used_asks_for_the_sources_on_its_topic(
    library: Library, question: str, entry: int
) -> None:
    answer = library.ask(question)
    assert answer.intent == "provenance"
    assert entry in [r["nr"] for r in answer.references][:2]
