"""Mechanisms of issue #12's sixteenth round, each tested on sentences written for these tests,
none of them a question of any evaluation set.

Classes: a risk category asked for ("mensenrechtenrisico's", "labour risks") is matched against
the category the quoted source files the risk under (the report's heading, or the heading its
chapter lists it under), and when the chapter names no risk of that category, its own words
under that heading answer ("Geen sectorspecifiek verhoogd risico vastgesteld"); the risks of a
subject no document names are not found when no sector is named either ("de visverwerkende
industrie", "risico's voor de visserij" with a category); a compound the lexicon translates is
of a sector only when a translation names it ("scheepsbouw" is no "bouw"); a covenant is named by
a phrase the lexicon translates ("the food products covenant") and by a sector's word ("het
convenant over duurzame bosbouw", "het convenant van de chemiesector").
"""

from __future__ import annotations

import answer_fixtures
import pytest
from answer_fixtures import answered, unanswered

from imvo_assist.answer.covenantnames import named_covenant
from imvo_assist.library import Library, open_library
from imvo_assist.settings import Settings
from imvo_assist.text.fold import fold

library = answer_fixtures.library


def _section(answer: str, heading: str) -> str:
    """The lines of an answer under a category heading ("*Mensenrechten*"), up to the next blank."""
    lines = answer.split("\n")
    start = lines.index(f"*{heading}*")
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    return "\n".join(lines[start:end])


@pytest.mark.parametrize(("question", "heading"), [
    ("Noemt de SRA mensenrechtenrisico's voor kleding en textiel?", "Mensenrechten"),
    ("What human rights risks does the analysis see in the textile chain?", "Human rights"),
])
def test_a_risk_is_listed_under_the_category_its_source_files_it(
    library: Library, question: str, heading: str,
) -> None:
    # the textile chapter lists women's rights under "Mensenrechten"; the overview under labour
    answer = answered(library, question)
    assert "vrouwenrechten" in _section(answer.answer, heading)
    assert [r["category"] for r in answer.risks] == ["mensenrechten"]
    assert answer.citations[0].hit.passage.page_label == "26"


def test_a_risk_of_a_chapters_introduction_has_the_category_of_its_list(library: Library) -> None:
    # the energy chapter's introduction speaks of depletion; its list files it under "Milieu"
    answer = answered(library, "Welke mensenrechtenrisico's ziet KPMG bij energiebedrijven?")
    said = _section(answer.answer, "Mensenrechten")
    assert "Geen sectorspecifiek verhoogd risico" in said and "biomassa" not in said
    assert answer.citations[0].hit.passage.page_label == "12"


@pytest.mark.parametrize(("question", "page"), [
    ("Which human rights risks does the SRA give for insurance companies?", "14"),
    ("Heeft de detailhandel mensenrechtenrisico's volgens KPMG?", "10"),
])
def test_a_chapter_without_a_risk_of_the_category_answers_with_its_own_words(
    library: Library, question: str, page: str,
) -> None:
    answer = answered(library, question)
    assert "Geen sectorspecifiek verhoogd risico vastgesteld" in answer.answer
    assert answer.citations[0].hit.passage.page_label == page


@pytest.mark.parametrize(("question", "sector"), [
    ("Welke mensenrechtenrisico's noemt het rapport voor de houtindustrie?", "hout-papier"),
    ("Which risks does the analysis name for the cement industry?", "bouw"),
    ("Welke arbeidsrisico's ziet de SRA in de glastuinbouw?", "land-tuinbouw"),
])
def test_the_risks_of_a_sector_named_by_a_compound_or_phrase_are_answered(
    library: Library, question: str, sector: str,
) -> None:
    answer = answered(library, question)
    assert {r["sector"] for r in answer.risks} == {sector}


@pytest.mark.parametrize(("question", "said"), [
    # the risks of a subject no document names, no sector named
    ("Welke arbeidsrisico's noemt de analyse voor de visserijvloot?", "visserijvloot"),
    ("Which environmental risks does the SRA list for seafood processing?", "seafood"),
    ("Welke risico's ziet KPMG voor de visverwerkende bedrijven?", "visverwerkende"),
    ("Welke risico's noemt het rapport voor de scheepsbouw?", "scheepsbouw"),
    ("Which human rights risks does the report name for whaling?", "whaling"),
    # a covenant named by its subject, its sector or the sector agreements were made with
    ("Quote the food products covenant on grievance mechanisms", "Food Products Sector"),
    ("Welke afspraken staan in het convenant voor de sierteelt?", "Sierteeltsector"),
    ("Wat zegt het convenant over duurzame bosbouw over illegale kap?", "geen convenant over duurzame bosbouw"),
    ("Wat zegt het convenant van de chemiesector over afvalwater?", "geen convenant van de chemiesector"),
    ("Welke afspraken zijn met de chemische sector gemaakt?", "geen convenant met de chemische sector"),
    ("Which agreements did the cabinet make with the insurers?", "Insurance Sector Agreement"),
    # a document of a year the corpus lacks, or that only the register knows
    ("Wat stond er volgens de brief van 2008 in het MVO-beleid?", "'brief van 2008'"),
    ("What did the 2012 SER advice recommend on covenants?", "'2012 ser advice'"),
    ("Wat zegt de brief van 2019 over de convenanten?", "Voortgang implementatie IMVO-beleid"),
    # the date of an event the documents never name
    ("Wanneer is het bronnenboek met de NGO's besproken?", "besproken"),
    ("When did the House debate the source book?", "debate"),
])
def test_what_the_corpus_lacks_is_not_found_by_what_it_lacks(library: Library, question: str, said: str) -> None:
    assert said in unanswered(library, question).answer


@pytest.mark.parametrize(("question", "subject"), [
    ("what does the food products covenant say about sugar?", "food products"),
    ("wat staat er in het convenant over duurzame bosbouw over kap?", "duurzame bosbouw"),
    ("wat zegt het convenant van de chemiesector over lozingen?", "chemiesector"),
    ("wat regelt het convenant voor de sierteelt over lonen?", "sierteelt"),
    ("what does the plant-based proteins agreement say?", "plant based proteins"),
])
def test_a_covenant_is_named_by_its_subject_phrase_or_sector(question: str, subject: str) -> None:
    assert named_covenant(fold(question))[0] == subject


@pytest.mark.parametrize("question", [
    "wat zegt het convenant van de partijen over geschillen?",  # its parties, not its subject
    "wat staat er in het convenant over kinderarbeid?",  # the covenant at hand, asked about X
])
def test_a_covenant_word_before_a_topic_or_its_parties_names_no_covenant(question: str) -> None:
    assert named_covenant(fold(question)) == ("", "")


@pytest.mark.parametrize(("question", "said"), [
    ("Gebruikte KPMG publicaties van Amnesty in het hoofdstuk kleding en textiel?", "geen enkele bron bij Textiel"),
    ("Did the analysis rely on Oxfam Novib for the construction chapter?", "no source for Construction"),
    ("Is Solidaridad een bron bij de chemiesector?", "geen enkele bron bij Chemie"),
    ("Did KPMG use Milieudefensie's work on smartphones?", "no source for Electronics"),
])
def test_an_organisation_without_entries_in_the_chapter_asked_is_not_found_there(
    library: Library, question: str, said: str,
) -> None:
    answer = unanswered(library, question)
    assert said in answer.answer and not answer.suggestions


@pytest.mark.parametrize(("question", "nr"), [
    ("Gebruikte KPMG publicaties van Amnesty in het hoofdstuk olie en gas?", "[47]"),
    ("Did KPMG use Solidaridad's research on soy?", "[58]"),
    ("We maken kleding: heeft KPMG bronnen van Amnesty gebruikt?", "[22]"),  # the asker's sector
    ("ngo here - was our paper on women on plantations used? we are Oxfam Novib", "[37]"),
])
def test_an_organisation_with_entries_in_the_chapter_asked_is_found(library: Library, question: str, nr: str) -> None:
    assert nr in answered(library, question).answer


@pytest.mark.parametrize(("question", "page", "words"), [
    # the date names the document to read; a year among the words would lead to the register's rows
    ("Wat staat er in de notitie van 2014 over elektronica?", "1", "elektronica"),
    ("What does the SER advice of April 2014 say about governance?", "5", "governance"),
    ("Wat schreef het kabinet in de brief van 19 november 2014 over de SER?", "3", "SER"),
])
def test_a_document_named_by_its_date_is_read_for_the_question(
    library: Library, question: str, page: str, words: str,
) -> None:
    answer = answered(library, question)
    first = answer.citations[0].hit.passage
    assert first.doc_id != "bronnenboek-test-csv" and words in first.text


def test_a_document_the_corpus_names_by_its_day_is_spoken_of(library: Library) -> None:
    # the register's letter of 24 June 2014 is named in the indexed letter ("brief van 24 juni jl.")
    answered(library, "Wat staat er over de voortgang van de SRA in de brief van juni 2014?")


def test_a_clause_of_time_asks_no_date(library: Library) -> None:
    # "when" opens a clause here, not the question: the absent "co-fired" is no event to date
    answered(library, "What does the report say becomes of forests when biomass is co-fired at scale?")


@pytest.mark.parametrize(("question", "said"), [
    ("Wat schrijft de kamerbrief over cacao?", "'cacao' komt niet voor in de brief"),
    ("Does the note say anything about palm oil?", "'palm oil' does not occur in the note"),
    ("Wordt Oxfam Novib in het SER-advies genoemd?", "'Oxfam Novib' komt niet voor in het advies"),
    ("What does the SER advice say about the metal sector?", "does not occur in the advice"),
])
def test_what_is_asked_of_a_named_document_that_it_never_names_is_not_found_there(
    library: Library, question: str, said: str,
) -> None:
    answer = unanswered(library, question)
    assert said in answer.answer and "MVO Sector Risico Analyse (testversie)" in answer.answer


@pytest.mark.parametrize(("question", "document"), [
    ("Wat schrijft de kamerbrief over de textielsector?", "kamerbrief-2014-11-19-sra"),
    ("Does the note say anything about electronics?", "notitie-test"),
    # one of what is asked is there: the covenant speaks of child labour, not of cotton farming
    ("What does the garments agreement say about child labour in cotton farming?", "agreement-test-garments-en"),
])
def test_what_is_asked_of_a_named_document_that_names_it_is_answered_from_it(
    library: Library, question: str, document: str,
) -> None:
    answer = answered(library, question)
    assert document in {c.hit.passage.doc_id for c in answer.citations}


def test_a_covenant_named_by_its_parties_sector_is_that_covenant() -> None:
    assert named_covenant(fold("wanneer is het convenant met de energiebedrijven getekend?"))[0] == "energiebedrijven"
    assert named_covenant(fold("wat staat er in het convenant met instemming van partijen?")) == ("", "")


def test_agreements_with_firms_in_general_name_no_covenant() -> None:
    assert named_covenant(fold("welke afspraken maakt het kabinet met bedrijven en ngo's?")) == ("", "")


def test_a_word_asked_of_a_named_document_that_no_document_holds_is_not_found(letter_only: Settings) -> None:
    # the bundled letter alone: "palmolie" stands nowhere, the register's food-sector facts do not answer
    answer = open_library(letter_only).ask("Wat zegt de kamerbrief over palmolie?")
    assert answer.not_found and "'palmolie' komt niet voor in de brief" in answer.answer
