"""Printed page labels, spreads, running lines and footnotes on the real letter and test PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest

from imvo_assist.collection.scan import CorpusFile
from imvo_assist.extract import extract_file
from imvo_assist.models import Document, Passage
from imvo_assist.paths import BUNDLED_CORPUS

# The letter ships in the bundled corpus; the other PDFs come from ../shared/corpus.
LETTER_PDF = BUNDLED_CORPUS / "kamerbrief-2014-11-19-sra.pdf"


def passages_of(path: Path) -> list[Passage]:
    item = CorpusFile(path, path.name, Document(id=path.stem))
    return extract_file(item, sha256="").passages


def page_of(passages: list[Passage], sentence: str) -> tuple[str, int]:
    """(printed label, pdf page) of the one passage containing `sentence`."""
    found = [p for p in passages if sentence in p.text]
    assert len(found) == 1, [p.id for p in found]
    return found[0].page_label, found[0].pdf_page


@pytest.fixture(scope="module")
def letter() -> list[Passage]:
    return passages_of(LETTER_PDF)


@pytest.fixture(scope="module")
def report(shared_corpus: Path) -> list[Passage]:
    return passages_of(shared_corpus / "sra-testrapport.pdf")


def test_letter_sentence_naming_the_13_sectors_is_on_printed_page_2(letter: list[Passage]) -> None:
    # the letter's own apostrophe (’) is kept: passages show the source's characters
    assert page_of(letter, "Er werden door KPMG 13 sectoren met verhoogde risico’s geïdentificeerd.") == ("2", 2)


def test_letter_half_yearly_reports_sentence_is_on_printed_page_5(letter: list[Passage]) -> None:
    assert page_of(letter, "Vervolgens zal de Kamer ieder half jaar worden geïnformeerd") == ("5", 5)


def test_letter_sentence_crossing_a_line_break_is_repaired(letter: list[Passage]) -> None:
    # "onderne-/mingen" and "wegge-/nomen" are typesetting hyphens; "land- en" is not.
    text = " ".join(p.text for p in letter)
    assert "Multilaterale ondernemingen" in text
    assert "structureel worden weggenomen" in text
    assert "land- en tuinbouw" in text
    assert "MVO-risico’s" in text
    assert "onderne- mingen" not in text and "onderne-mingen" not in text


def test_letter_running_footer_is_removed_and_footnotes_are_passages(letter: list[Passage]) -> None:
    assert not any("vergaderjaar 2014" in p.text for p in letter)
    notes = [p for p in letter if p.kind == "footnote"]
    assert [n.page_label for n in notes] == ["1", "4"]
    assert notes[0].text == "1 Raadpleegbaar via www.tweedekamer.nl"
    assert "Kamerstuk 26 485, nr. 164" in notes[1].text
    # the footnote marker glued to "Analyse1" is gone from the body text
    body = next(p for p in letter if "eindrapport" in p.text)
    assert "Risico Analyse. Conform" in body.text


def test_spread_right_half_gets_its_own_printed_page(report: list[Passage]) -> None:
    # pdf page 12 holds printed pages 22 (left) and 23 (right)
    assert page_of(report, "Kinderarbeid bij de kleinschalige winning van mineralen") == ("22", 12)
    assert page_of(report, "De winning van olie en gas vindt steeds vaker plaats") == ("23", 12)


def test_spread_labels_follow_the_manifest_scheme(report: list[Passage]) -> None:
    for passage in report:
        if passage.pdf_page > 1:
            assert int(passage.page_label) in (2 * passage.pdf_page - 2, 2 * passage.pdf_page - 1)
    assert {p.page_label for p in report} >= {str(n) for n in range(2, 30)}


def test_spread_running_header_and_footer_are_removed(report: list[Passage]) -> None:
    assert not any("| SEPTEMBER 2014" in p.text or "SEPTEMBER 2014 |" in p.text for p in report)


def test_sections_carry_the_heading_trail(report: list[Passage]) -> None:
    section = next(p.section for p in report if "Kinderarbeid bij de kleinschalige" in p.text)
    assert section == "10 Metaal / Elektronica > 10.1 Risico's in de keten > Arbeid"


def test_ser_advice_uses_roman_page_labels(shared_corpus: Path) -> None:
    passages = passages_of(shared_corpus / "ser-advies-test.pdf")
    assert passages[0].page_label == "i"
    labels = list(dict.fromkeys(p.page_label for p in passages))
    assert labels[:3] == ["i", "ii", "1"]
    assert page_of(passages, "De raad maakt een duidelijk onderscheid tussen partijen en stakeholders")[0] == "3"


def test_passages_stay_within_bounds_and_ids_are_stable(report: list[Passage], shared_corpus: Path) -> None:
    again = passages_of(shared_corpus / "sra-testrapport.pdf")
    assert [p.id for p in again] == [p.id for p in report]
    assert len({p.id for p in report}) == len(report)
    assert max(len(p.text.split()) for p in report) <= 250


def test_a_heading_wrapped_over_two_lines_stays_one_heading(shared_corpus: Path) -> None:
    passages = passages_of(shared_corpus / "ser-advies-test.pdf")
    sections = {p.section for p in passages}
    assert "2 Internationaal kader: OECD-richtlijnen en UN Guiding Principles" in sections
    assert "4 Kernelementen van een convenant > Kernelement (i): due diligence" in sections
