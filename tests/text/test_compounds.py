"""Compound splitting and the word lists it stands on."""

from __future__ import annotations

from pathlib import Path

import pytest

from imvo_assist.text import wordlist
from imvo_assist.text.compounds import split_compound, split_score, well_known

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("mensenrechtenschendingen", ["mensenrechten", "schendingen"]),
        ("grondstoffenwinning", ["grondstoffen", "winning"]),
        ("textielconvenant", ["textiel", "convenant"]),
        ("elektronicasector", ["elektronica", "sector"]),
        ("ministerieteam", ["ministerie", "team"]),
        ("klachtenmechanisme", ["klachten", "mechanisme"]),
        ("Textielconvenant", ["textiel", "convenant"]),
    ],
)
def test_splits_domain_compounds(word: str, parts: list[str]) -> None:
    assert split_compound(word) == parts


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        # linking -s- is removed from the modifier
        ("arbeidsomstandigheden", ["arbeid", "omstandigheden"]),
        ("overheidsbeleid", ["overheid", "beleid"]),
        # everyday compounds that have nothing to do with responsible business conduct
        ("voetbalstadion", ["voetbal", "stadion"]),
        ("fietsenwinkel", ["fietsen", "winkel"]),
        ("huisdeur", ["huis", "deur"]),
        ("theepot", ["thee", "pot"]),
        ("onderaannemer", ["onder", "aannemer"]),
    ],
)
def test_linking_morphemes_and_everyday_words(word: str, parts: list[str]) -> None:
    assert split_compound(word) == parts


def test_three_parts_only_when_two_do_not_fit() -> None:
    assert split_compound("grondstoffenwinningsbeleid") == ["grondstoffen", "winning", "beleid"]


@pytest.mark.parametrize(
    "word", ["kinderarbeid", "verantwoordelijkheid", "samenwerking", "regering", "huis"]
)
def test_well_known_words_stay_whole(word: str) -> None:
    assert well_known(word)
    assert split_compound(word) is None


@pytest.mark.parametrize("word", ["", "abc", "xyzzyplugh", "12345678", "qqqqqqqqqqqq"])
def test_nothing_to_split(word: str) -> None:
    assert split_compound(word) is None


def test_known_predicate_restricts_parts() -> None:
    index_words = {"textiel", "convenant"}
    assert split_compound("textielconvenant", known=index_words.__contains__) == [
        "textiel",
        "convenant",
    ]
    assert split_compound("textielconvenant", known={"textiel"}.__contains__) is None


def test_known_predicate_admits_words_missing_from_the_list() -> None:
    index_words = {"imvo", "beleidsplan", "plan", "beleid"}
    assert split_compound("imvobeleid", known=index_words.__contains__) == ["imvo", "beleid"]


def test_hyphenated_words_split_at_hyphens() -> None:
    assert split_compound("mvo-beleid") == ["mvo", "beleid"]
    assert split_compound("xqzw-beleid") is None


def test_split_score_is_mean_zipf() -> None:
    parts = ["textiel", "convenant"]
    expected = (wordlist.zipf("textiel", "nl") + wordlist.zipf("convenant", "nl")) / 2
    assert split_score(parts) == pytest.approx(expected)


def test_wordlist_lookups() -> None:
    assert wordlist.zipf("de", "nl") > 7
    assert wordlist.zipf("the", "en") > 7
    assert wordlist.zipf("Bedrijven", "nl") > 4  # case folded
    assert wordlist.zipf("geinteresseerd", "nl") > 0  # accent-free spelling finds "geïnteresseerd"
    assert wordlist.zipf("xyzzyplugh", "nl") == 0.0
    assert wordlist.known("company", "en") and not wordlist.known("bedrijf", "en")
    assert wordlist.known("bedrijf", "nl")
    with pytest.raises(ValueError):
        wordlist.wordlist_path("fr")  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_wordlist_files_are_compact_and_attributed(lang: str) -> None:
    path = ROOT / "corpus" / f"wordlist-{lang}.tsv"
    assert path.stat().st_size < 1_600_000
    lines = path.read_text(encoding="utf-8").splitlines()[:30]
    text = "\n".join(line for line in lines if line.startswith("#"))
    assert "wordfreq" in text and "CC-BY-SA 4.0" in text
    table = wordlist.frequencies(lang)  # type: ignore[arg-type]
    assert 50_000 < len(table) < 120_000
    assert all(word.isalpha() and len(word) >= 2 for word in list(table)[:1000])
