"""The answer engine on the test corpus: every intent in Dutch and English, typos, compounds,
everyday words, multi-part questions and honest negatives."""

from __future__ import annotations

import answer_fixtures
import pytest

from imvo_assist.answer.understand import understand
from imvo_assist.library import Library
from imvo_assist.models import Answer

library = answer_fixtures.library  # the shared fixture (tests/answer/answer_fixtures.py)


def first(answer: Answer) -> tuple[str, str]:
    citation = answer.citations[0].hit.passage
    return citation.doc_id, citation.page_label


def risk_ids(answer: Answer) -> set[str]:
    return {str(risk["id"]) for risk in answer.risks}


@pytest.mark.parametrize(
    ("question", "intent", "language"),
    [
        ("Welke risico's gelden voor de textielsector?", "sector_risks", "nl"),
        ("What risks does the report name for the chemicals industry?", "sector_risks", "en"),
        ("Wat wordt er van bedrijven in het textielconvenant verwacht?", "expectations", "nl"),
        ("What is expected of companies in the garment agreement?", "expectations", "en"),
        ("Waar komt de informatie over de bouw vandaan?", "provenance", "nl"),
        ("Is de input van SOMO meegenomen in de analyse?", "org_included", "nl"),
        ("Was Clean Clothes Campaign's research used?", "org_included", "en"),
        ("Wat is due diligence?", "definition", "nl"),
        ("What is a covenant?", "definition", "en"),
        ("Hoe vaak wordt de Kamer geïnformeerd?", "citation_lookup", "nl"),
        ("How many sectors did KPMG analyse?", "citation_lookup", "en"),
    ],
)
def test_intents_in_dutch_and_english(question: str, intent: str, language: str) -> None:
    understanding = understand(question)
    assert (understanding.intent, understanding.language) == (intent, language)


def test_sector_risks_are_grouped_by_category_with_report_pages(library: Library) -> None:
    answer = library.ask("Welke risico's gelden voor de textielsector?")
    assert answer.intent == "sector_risks" and not answer.not_found
    assert first(answer) == ("sra-testrapport", "26")
    assert {"kinderarbeid", "vrouwenrechten", "waterschaarste"} <= risk_ids(answer)
    categories = [line for line in answer.answer.splitlines() if line.startswith("*") and not line.startswith("**")]
    assert categories == ["*Milieu*", "*Arbeid*"] or categories[:2] == ["*Milieu*", "*Arbeid*"]
    assert all(risk["citations"] for risk in answer.risks)


def test_sector_risks_never_borrow_risks_of_other_sectors(library: Library) -> None:
    answer = library.ask("What risks does the report name for the chemicals industry?")
    assert {"landroof", "water-bodemverontreiniging"} <= risk_ids(answer)
    assert "kinderarbeid" not in risk_ids(answer)
    assert "child labour" not in answer.answer.lower() and "kinderarbeid" not in answer.answer.lower()


@pytest.mark.parametrize(
    "question",
    [
        "welke risicos gelden voor electronica",  # typo, no apostrophe
        "Welke risico's spelen in de elektronicasector?",  # compound
        "Which risks apply to smartphones?",  # everyday word
        "Welke risico's gelden voor mobiele telefoons?",
    ],
)
def test_electronics_risks_from_typos_compounds_and_everyday_words(library: Library, question: str) -> None:
    answer = library.ask(question)
    assert answer.sectors and answer.sectors[0]["id"] == "elektronica"
    assert {"kinderarbeid", "conflictmineralen"} <= risk_ids(answer)
    assert first(answer) == ("sra-testrapport", "22")


def test_typo_in_a_risk_word_is_corrected() -> None:
    understanding = understand("Waar komt kinderabeid voor?")
    assert understanding.corrections == {"kinderabeid": "kinderarbeid"}
    assert [r.id for r in understanding.risks] == ["kinderarbeid"]


def test_category_question_keeps_only_that_category(library: Library) -> None:
    answer = library.ask("Welke milieurisico's spelen in de land- en tuinbouw?")
    assert risk_ids(answer) and all(risk["category"] == "milieu" for risk in answer.risks)
    assert {"waterschaarste", "water-bodemverontreiniging"} <= risk_ids(answer)


def test_multi_part_question_answers_both_parts(library: Library) -> None:
    answer = library.ask("which risks apply to electronics, and where does that come from?")
    assert answer.language == "en" and "kinderarbeid" in risk_ids(answer)
    assert "Where does this come from?" in answer.answer
    organisations = {str(ref["organisation"]) for ref in answer.references}
    assert {"GoodElectronics", "PAX"} <= organisations
    assert any(c.hit.passage.doc_id == "bronnenboek-test" for c in answer.citations)


def test_provenance_of_a_chapter_lists_its_register_entries(library: Library) -> None:
    answer = library.ask("Welke bronnen liggen onder het hoofdstuk over de bouw?")
    assert answer.intent == "provenance"
    assert first(answer)[0] == "sra-testrapport" and first(answer)[1] in ("5", "6")
    assert "FNV" in answer.answer
    assert ("bronnenboek-test", "1") in {(c.hit.passage.doc_id, c.hit.passage.page_label) for c in answer.citations}


def test_org_included_reports_entries_and_citing_pages(library: Library) -> None:
    answer = library.ask("Heeft de Clean Clothes Campaign bijgedragen aan het bronnenboek?")
    assert answer.intent == "org_included" and not answer.not_found
    assert first(answer)[0] == "bronnenboek-test"  # an entry of the organisation leads
    pages = {(c.hit.passage.doc_id, c.hit.passage.page_label) for c in answer.citations}
    assert {("sra-testrapport", "9"), ("sra-testrapport", "25")} <= pages
    assert {ref["nr"] for ref in answer.references} == {11, 51, 52, 53}


def test_definition_puts_the_defining_passage_first(library: Library) -> None:
    answer = library.ask("Wat is due diligence?")
    assert first(answer) in {("ser-advies-test", "4"), ("convenant-test-textiel", "1"), ("convenant-test-textiel", "2")}


def test_english_question_over_dutch_text(library: Library) -> None:
    answer = library.ask("How many sectors of the Dutch economy did KPMG analyse?")
    assert first(answer) == ("kamerbrief-2014-11-19-sra", "2") and "86" in answer.answer


def test_citations_carry_a_pasteable_string_with_printed_page(library: Library) -> None:
    answer = library.ask("Welke sectoren heeft KPMG geïdentificeerd?")
    cite = answer.citations[0].cite
    assert cite.startswith("Kamerstukken II 2014/15, 26 485, nr. 197, p. 2")
    assert "https://" in cite


@pytest.mark.parametrize("spelling", ["26 485, nr. 187", "26485-187", "Kamerstuk 26485 nr 187", "kst-26485-187"])
def test_kamerstuk_in_any_spelling(library: Library, spelling: str) -> None:
    answer = library.ask(f"Wat staat er over {spelling}?")
    assert not answer.not_found and "nr. 187" in answer.citations[0].hit.passage.text


@pytest.mark.parametrize(
    "question",
    [
        "Welke risico's gelden voor de toerismesector?",
        "What risks apply to the aviation sector?",
        "Was Human Rights Watch's research used in the sector risk analysis?",
        "Wat zegt de brief over ruimtevaarttoerisme op Mars?",
    ],
)
def test_negatives_are_not_found_with_suggestions(library: Library, question: str) -> None:
    answer = library.ask(question)
    assert answer.not_found and not answer.citations
    assert answer.answer
    if understand(question).unknown_sector:  # the 13 sectors are offered instead
        assert {"Elektronica", "Electronics"} & set(answer.suggestions)


def test_which_sectors_question_quotes_the_list_and_its_announcement(library: Library) -> None:
    answer = library.ask("Welke sectoren hebben een verhoogd MVO-risico?")
    assert first(answer) == ("kamerbrief-2014-11-19-sra", "2")
    text = answer.answer.replace("\u2019", "'")
    assert "Er werden door KPMG 13 sectoren met verhoogde risico's geïdentificeerd. Dit zijn de sectoren bouw" in text
