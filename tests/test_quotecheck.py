"""Quote check: a quoted sentence is found on its printed page, with word-level differences."""

from __future__ import annotations

import json

import pytest

from imvo_assist.answer.quotecheck import QuoteCheck, render_quote_check, verify_quote
from imvo_assist.library import Library
from imvo_assist.settings import Settings

LETTER = "kamerbrief-2014-11-19-sra"


@pytest.fixture(scope="module")
def library(indexed: Settings) -> Library:
    return Library(indexed)


def check(library: Library, quote: str) -> QuoteCheck:
    result = verify_quote(library, quote)
    json.dumps(result.to_dict())  # the --json shape is plain data
    return result


def test_exact_sentence_is_found_on_its_printed_page_of_the_pdf(library: Library) -> None:
    quote = "Er werden door KPMG 13 sectoren met verhoogde risico's geïdentificeerd."
    result = check(library, quote)
    assert result.found and result.match is not None
    match = result.match
    assert match.doc_id == LETTER
    assert library.documents[match.doc_id].is_pdf
    assert (match.page, match.score, match.differences) == ("2", 1.0, ())
    assert match.source_text == quote.replace("'", "\u2019")  # the letter's own apostrophe
    assert "26 485" in match.citation and "p. 2" in match.citation
    assert match.url == ""  # the letter's address is inferred: never given as its address
    assert match.context_before.endswith("weg te nemen.")
    assert match.context_after.startswith("Dit zijn de sectoren bouw")


def test_changed_words_are_reported_as_differences(library: Library) -> None:
    result = check(
        library,
        "Vervolgens zal de Kamer ieder kwartaal worden geïnformeerd over de tot dan toe "
        "gemaakte afspraken en de uitvoering daarvan.",
    )
    assert result.found and result.match is not None
    assert (result.match.doc_id, result.match.page) == (LETTER, "5")
    assert list(result.match.differences) == [
        {"op": "replace", "quote": "kwartaal", "source": "half jaar"},
        {"op": "replace", "quote": "daarvan", "source": "hiervan"},
    ]
    assert "ieder half jaar" in result.match.source_text
    rendered = render_quote_check(result)
    assert "kwartaal" in rendered.plain and "half jaar" in rendered.plain
    assert any("strike" in str(span.style) for span in rendered.spans)


@pytest.mark.parametrize(
    "quote",
    [
        "Er werden door KPMG 13 sectoren met verhoogde risico\u2019s ge\u00efdenti\ufb01ceerd.",
        (
            "Het kabinet verwacht van bedrijven dat zij concrete invulling geven aan hun "
            "\u201cresponsibility to respect\u201d ten aanzien van milieu, arbeid- en mensenrechten"
        ),
        "Er werden door KPMG 13 sectoren met ver- hoogde RISICO'S geidentificeerd",
    ],
)
def test_typography_is_not_a_difference(library: Library, quote: str) -> None:
    result = check(library, quote)
    assert result.found and result.match is not None
    assert result.match.score == 1.0 and result.match.differences == ()


@pytest.mark.parametrize(
    "quote",
    [
        "conform de OESO-richtlijnen voor Multilaterale ondernemingen",
        "conform de OESO-richtlijnen voor Multilaterale onderne-\nmingen",  # copied from the PDF
    ],
)
def test_quote_across_a_line_end_hyphenation(library: Library, quote: str) -> None:
    result = check(library, quote)
    assert result.found and result.match is not None
    assert (result.match.doc_id, result.match.page, result.match.differences) == (LETTER, "1", ())
    assert result.match.source_text.endswith("Multilaterale ondernemingen")


def test_invented_sentence_is_not_found_but_closest_passages_are_listed(library: Library) -> None:
    result = check(
        library,
        "De regering zal alle Nederlandse pensioenfondsen verplichten om jaarlijks een "
        "klimaatplan in te dienen bij de toezichthouder.",
    )
    assert not result.found and result.match is None
    assert 1 <= len(result.closest) <= 3
    assert all(c["score"] < 0.8 and c["snippet"] and c["page"] for c in result.closest)
    assert "Not found" in render_quote_check(result).plain


def test_quote_crossing_two_passages_of_one_page(library: Library) -> None:
    first = "dient te liggen bij bedrijven zelf."
    second = "Met het uitvoeren van de SRA loopt Nederland internationaal voorop."
    passages = library.passages_of(LETTER, "2")
    holding = [next(p.id for p in passages if sentence in p.text) for sentence in (first, second)]
    assert holding[0] != holding[1], "precondition: the sentences stand in two passages"
    result = check(library, f"in de eerste plaats {first} {second}")
    assert result.found and result.match is not None
    match = result.match
    assert (match.page, match.passage_id, match.differences) == ("2", holding[0], ())
    assert match.source_text.endswith("internationaal voorop.")


def test_check_is_fast_once_the_index_is_open(library: Library) -> None:
    verify_quote(library, "Het kabinet acht het SER-advies richtinggevend")
    result = verify_quote(library, "De kwaliteit van de convenanten staat voorop.")
    assert result.found and result.elapsed_ms < 500
