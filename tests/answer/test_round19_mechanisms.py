"""Mechanisms of issue #12's nineteenth round, each tested on sentences written for these tests,
none of them a question of any evaluation set.

Classes: a registered organisation asked what it says, thinks or wrote on a subject that none of
its register entries and no sentence naming it speaks of is not found, with its publications
listed (passages by other organisations would put words in its mouth), and so is one the
documents only name (VNO-NCW in the letter), with where they name it, and so is its work on such a
subject asked for ("heeft KPMG het werk van FNV over kinderarbeid gebruikt?"); English words that Dutch
writes in another sense or beside a native word are translated, not looked up as themselves; a
question that points back to what the asker told ("wij verkopen sneakers: welke risico's ...
daarvan?") asks about that too; "what hourly amount", "welk jaarlijks bedrag" ask for an amount; a question opening with "wanneer"/"when" for a time
must find one told (a date, a period, "after the first report"), unless it asks a condition
("wanneer is een dialoog betekenisvol?").
"""

from __future__ import annotations

import answer_fixtures
import pytest
from answer_fixtures import answered, unanswered

from imvo_assist.library import Library
from imvo_assist.settings import Settings
from imvo_assist.text.framing import refers_back
from imvo_assist.text.lexicon import load_lexicon

library = answer_fixtures.library


@pytest.mark.parametrize(("question", "organisation", "publication"), [
    ("Wat zegt FNV over kinderarbeid in de cacaoteelt?", "Federatie Nederlandse Vakbeweging", "Veiligheid offshore"),
    ("What does Milieudefensie say about child labour in electronics?", "Milieudefensie", "Gif op de akker"),
    ("Wat vindt Oxfam Novib van landroof bij houtconcessies?", "Oxfam Novib", "Achter het schap"),
    ("What did FNV write about deforestation for paper?", "Federatie Nederlandse Vakbeweging", "Piekdrukte"),
    ("Wat zegt Stop Child Labour over waterschaarste in de tuinbouw?", "Stop Kinderarbeid", "Bittere bonen"),
])
def test_what_an_organisation_never_wrote_on_is_not_put_in_its_mouth(
        library: Library, question: str, organisation: str, publication: str) -> None:
    answer = unanswered(library, question)
    assert organisation in answer.answer and publication in answer.answer
    assert "bronnenboek" in answer.answer or "source register" in answer.answer


@pytest.mark.parametrize(("question", "named"), [
    ("Wat zegt FNV over onveilige werkomstandigheden in de bouw?", "fnv"),
    ("What does SOMO say about water pollution in the chemical industry?", "somo"),
    ("Wat zegt Amnesty over gedwongen uitzettingen in de houtsector?", "amnesty"),
    ("What did FNV write about offshore safety?", "fnv"),
    ("Wat zegt Stop Kinderarbeid over cacao?", "stop kinderarbeid"),
])
def test_the_twins_on_what_the_organisation_did_write_are_answered_from_it(
        library: Library, question: str, named: str) -> None:
    answer = answered(library, question)
    assert any(named in c.hit.passage.text.lower() for c in answer.citations[:3])


@pytest.mark.parametrize(("question", "named"), [
    ("Wat zegt VNO-NCW over landroof bij palmolie?", "VNO-NCW wordt in de documenten genoemd"),
    ("What does IDH say about child labour in cocoa?", "is named in the documents, but nowhere on"),
])
def test_an_organisation_only_named_in_the_documents_is_not_given_words_either(
        library: Library, question: str, named: str) -> None:
    answer = unanswered(library, question)
    assert named in answer.answer and "brief aan de Tweede Kamer, p. 4" in answer.answer


def test_an_organisation_no_document_names_is_said_to_be_missing(letter_only: Settings) -> None:
    """In the bundled corpus (the letter and the bundled register facts, no source register), FNV
    is named nowhere: its words on child labour are not found, not quoted from others' overviews."""
    answer = unanswered(Library(letter_only), "Wat zegt FNV over kinderarbeid in de cacaoteelt?")
    assert "komt in geen van de geïndexeerde documenten voor" in answer.answer


def test_asked_about_rather_than_as_the_source_it_is_answered(library: Library) -> None:
    answer = answered(library, "Welke rol heeft VNO-NCW bij de convenanten volgens de brief?")
    assert any("VNO-NCW" in c.hit.passage.text for c in answer.citations)


@pytest.mark.parametrize(("question", "subject"), [
    ("Heeft KPMG het werk van FNV over kinderarbeid gebruikt?", "kinderarbeid"),
    ("Is Milieudefensie's research on child labour in the source book?", "child labour"),
    ("Is er input van Oxfam Novib over conflictmineralen meegenomen?", "conflictmineralen"),
    ("What did SOMO report about animal welfare?", "animal welfare"),
    ("Is het Milieudefensie-rapport over India gebruikt?", "india"),  # India is in other documents
])
def test_work_of_an_organisation_on_a_subject_it_has_none_on_was_not_used(
        library: Library, question: str, subject: str) -> None:
    answer = unanswered(library, question)
    assert f"publicatie over {subject}," in answer.answer or f"publication on {subject}," in answer.answer


@pytest.mark.parametrize(("question", "title"), [
    ("Heeft KPMG het werk van FNV over de bouw gebruikt?", "Vallen, tillen en stof"),
    ("Is Milieudefensie's research on pesticides in the source book?", "Gif op de akker"),
    ("Is er input van Oxfam Novib over vrouwen in de voedselketen meegenomen?", "Ongelijk verdeeld"),
])
def test_its_work_on_the_subject_is_found(library: Library, question: str, title: str) -> None:
    assert title in answered(library, question).answer


def test_a_word_of_a_phrase_is_enough_of_the_subject(library: Library) -> None:
    # "oil" of "oil spills": Amnesty's entry on oil extraction areas is on the subject
    answered(library, "Which organisations does the report cite on oil spills, and is Amnesty among them?")


def test_the_passages_naming_the_organisation_beside_the_subject_are_read(library: Library) -> None:
    """Those tagged with it that hold a word of the subject or its sector's tag, from the index
    (not the first few naming it): SOMO's sentence on discharges in the chemical chapter."""
    from imvo_assist.answer.orgsubject import _naming_beside
    from imvo_assist.answer.understand import understand

    understanding = understand("What does SOMO say about discharges?", library.words)
    somo = next(o for o in understanding.organisations if o.id == "somo")
    passages = _naming_beside(library, somo, [], {"chemie"})
    assert passages and all("somo" in passage.orgs for passage in passages)
    assert any("SOMO [6]" in passage.text for passage in passages)


def test_a_name_ending_in_s_speaks_without_an_s_after_its_apostrophe(library: Library) -> None:
    answer = unanswered(library, "What's GoodElectronics' opinion on palm oil in Indonesia?")
    assert "GoodElectronics is in the source register" in answer.answer
    assert not answer.suggestions  # its publications are in the text, no "did you mean"


def test_the_organisation_s_own_name_is_no_subject(library: Library) -> None:
    # "Stop Child Labour" names child labour, "Schone Kleren Campagne" clothes: not what is asked
    answer = unanswered(library, "What does the Schone Kleren Campagne say about coal mining?")
    assert "Textiles" not in answer.answer.split("but")[1]


@pytest.mark.parametrize(("question", "absent"), [
    ("Ik handel in parfum. Welke risico's zijn er bij de productie ervan?", "parfum"),
    ("Wij verkopen sneakers: welke risico's noemen de documenten voor de productie daarvan?", "sneakers"),
    ("We import surfboards. What risks does the report name for their production?", "surfboards"),
    ("Wij kopen vanille in. Wat zegt het rapport daarover?", "vanille"),
])
def test_what_the_asker_told_is_asked_about_when_the_question_points_back(
        library: Library, question: str, absent: str) -> None:
    assert f"'{absent}'" in unanswered(library, question).answer


@pytest.mark.parametrize(("question", "word"), [
    ("Wij verkopen spijkerbroeken: welke risico's noemen de documenten voor de productie daarvan?", "Textiel"),
    ("We import cocoa. What risks does the report name for its production?", "Food"),
    ("Wij kopen palmolie in. Wat zegt het rapport daarover?", "palmolie"),
])
def test_the_twins_on_what_the_documents_name_are_answered(library: Library, question: str, word: str) -> None:
    assert word in answered(library, question).answer


def test_without_a_pointing_word_the_told_part_stays_context() -> None:
    assert refers_back("Wij verkopen sneakers. Welke risico's daarvan noemt het rapport?")
    assert not refers_back("Wij verkopen sneakers. Welke risico's noemt het rapport voor kleding?")
    assert not refers_back("Welke risico's noemt het rapport, en waar staat het?")
    # a pronoun alone is no pointer ("taem" read as "them" is a slip for "team")
    assert not refers_back("our webshop sells phones - is electronics a sector the ministry them will talk to?")
    assert refers_back("We sell yoga mats. Does the analysis say anything about them?")


@pytest.mark.parametrize("question", [
    "Welk jaarlijks bedrag betalen bedrijven aan het secretariaat van het textielconvenant?",
    "What monthly amount does the SER advise for monitoring a covenant?",
])
def test_an_amount_with_a_modifier_must_be_stated(library: Library, question: str) -> None:
    answer = unanswered(library, question)
    assert "geen bedrag" in answer.answer or "no amount" in answer.answer


def test_the_stated_amount_answers(library: Library) -> None:
    answer = answered(library, "Welk bedrag per shirt betalen inkopers aan de fabriek volgens het oude bericht?")
    assert any("€ 2" in c.hit.passage.text for c in answer.citations)


@pytest.mark.parametrize("question", [
    "Wanneer begint het kabinet met de gesprekken met de bouwsector?",
    "Wanneer wordt het bronnenboek bijgewerkt?",
])
def test_a_time_asked_must_be_told(library: Library, question: str) -> None:
    assert "geen datum" in unanswered(library, question).answer


@pytest.mark.parametrize("question", [
    "Wanneer vindt de tussentijdse evaluatie van het textielconvenant plaats?",  # after three years
    "When does parliament get the first progress report?",  # early next year
    "When is a stakeholder dialogue meaningful according to the SER?",  # a condition, not a time
    "Wanneer noemt de SER een convenant effectief?",
])
def test_a_time_told_or_a_condition_asked_is_answered(library: Library, question: str) -> None:
    answered(library, question)


@pytest.mark.parametrize(("english", "dutch"), [
    ("rare", "zeldzaam"), ("brief", "kort"), ("feedback", "terugkoppeling"), ("race", "ras"),
])
def test_english_words_dutch_writes_otherwise_are_translated(english: str, dutch: str) -> None:
    assert dutch in load_lexicon().translations(english, "en")
