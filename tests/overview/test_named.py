"""Which document a phrase names (`overview.named`), by the words, acronyms, dates and sectors of
the register's titles; no phrase is listed anywhere."""

from __future__ import annotations

import pytest

from imvo_assist.models import Document
from imvo_assist.overview.named import named_documents, same_word, unnamed_words, words_of


@pytest.mark.parametrize(
    ("phrase", "language", "expected"),
    [
        ("de SRA", "nl", ["kpmg-sra-2014-nl"]),  # an acronym of the words its title begins with
        ("the SRA", "en", ["kpmg-sra-2014-en"]),  # the same document, in the phrase's language
        ("het KPMG-rapport", "nl", ["kpmg-sra-2014-nl"]),
        ("de brief over de stand van zaken van de SRA", "nl", ["kamerbrief-2014-06-24-sra"]),
        ("the letter of 19 November 2014", "en", ["kamerbrief-2014-11-19-sra"]),
        ("het SER-advies", "nl", ["ser-advies-2014-imvo-convenanten"]),
        ("het textielconvenant", "nl", ["convenant-kleding-textiel"]),
        ("the garment agreement", "en", ["convenant-kleding-textiel"]),
        ("the insurance agreement", "en", ["convenant-verzekeringssector"]),
        ("het metaalconvenant", "nl", ["convenant-metaal"]),  # not the gold covenant of metal
        ("TruStone", "nl", ["convenant-natuursteen"]),
        ("the KIT evaluation", "en", ["kit-evaluatie-imvo-convenanten-2020"]),
        (
            "de convenanten van de financiële sector",
            "nl",
            ["convenant-banken", "convenant-verzekeringssector", "convenant-pensioenfondsen"],
        ),
        ("het convenant van de metaalsector", "nl", ["convenant-metaal"]),
        # the gold covenant lists electronics second: no covenant of the electronics sector
        ("het convenant van de elektronicasector", "nl", []),
        ("de textielsector", "nl", []),  # a sector alone names no document
        ("juni 2014", "nl", []),  # nor does a date alone
        ("the Rana Plaza disaster", "en", []),
    ],
)
def test_named_documents(phrase: str, language: str, expected: list[str]) -> None:
    assert named_documents(phrase, {}, language) == expected


def test_kind_words_keep_documents_of_that_kind() -> None:
    assert named_documents("de brief van juni 2014", {}, "nl") == ["kamerbrief-2014-06-24-sra"]
    assert named_documents("het SER-advies", {}, "nl", {"covenant"}) == []


def test_indexed_documents_the_register_does_not_know() -> None:
    documents = {
        "eigen-notitie": Document(
            "eigen-notitie", file="x.md", title="Notitie over het Zeepconvenant", kind="covenant"
        )
    }
    assert named_documents("het zeepconvenant", documents, "nl") == ["eigen-notitie"]


def test_words_and_forms() -> None:
    assert words_of("het bankenconvenant") == ["het", "banken", "convenant"]
    assert same_word("banken", "banking") and same_word("textiel", "textile")
    assert not same_word("goud", "good") and not same_word("2014", "2015")
    assert unnamed_words("the textile covenant goal", ["convenant-kleding-textiel"], {}) == ["goal"]
