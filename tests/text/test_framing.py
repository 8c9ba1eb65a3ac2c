"""Framing and meta-words are not content: request phrases, reasons for asking and document
references are set aside, on sentences written for these tests (none is from the corpus)."""

from __future__ import annotations

import pytest

from imvo_assist.text.framing import asking_clause, is_framing_word, strip_framing


@pytest.mark.parametrize(
    ("question", "content", "framing"),
    [
        ("geef me het exacte citaat over kinderarbeid in mijnen", "kinderarbeid in mijnen",
         "geef me het exacte citaat over"),
        ("kun je me de passage geven over leefbaar loon", "leefbaar loon",
         "kun je me de passage geven over"),
        ("please quote the part on forced labour", "forced labour", "please quote the part on"),
        ("Waar staat dat bedrijven jaarlijks rapporteren?", "bedrijven jaarlijks rapporteren?",
         "waar staat dat"),
        ("voor het overleg van morgen: wat zegt de minister over bananen?",
         "wat zegt de minister over bananen?", "voor het overleg van morgen"),
        ("our board asked me to check whether the cocoa study was used",
         "the cocoa study was used", "our board asked me to check whether"),
        ("ik ben nieuw op dit dossier: hoe werkt de klachtencommissie?",
         "hoe werkt de klachtencommissie?", "ik ben nieuw op dit dossier"),
        ("exact wording please: what is said about fishing quotas?",
         "what is said about fishing quotas?", "exact wording please"),
        ("Klopt het dat de bijeenkomst in maart was?", "de bijeenkomst in maart was?",
         "klopt het dat"),
    ],
)
def test_framing_is_set_aside(question: str, content: str, framing: str) -> None:
    framed = strip_framing(question)
    assert framed.text == content
    assert framing in framed.removed


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("According to the report, which risks apply to rubber?", "which risks apply to rubber?"),
        ("Welke rol speelt de raad volgens het advies?", "welke rol speelt de raad"),
    ],
)
def test_a_named_document_is_framing_but_stays_readable_from_the_question(question: str, kept: str) -> None:
    assert kept in strip_framing(question).text


def test_content_around_a_colon_is_kept() -> None:
    framed = strip_framing("We are a cocoa trader: which risks apply to chocolate?")
    assert framed.removed == () and "cocoa trader" in framed.text


def test_quoted_phrases_are_kept_whole() -> None:
    framed = strip_framing("Op welke pagina staat 'De raad vergadert twee keer per jaar'?")
    assert framed.quoted == ("De raad vergadert twee keer per jaar",)
    assert "op welke pagina staat" in framed.removed


def test_according_to_a_conclusion_is_content() -> None:
    assert "conclusions" in strip_framing("what matters according to the conclusions of the study").text


@pytest.mark.parametrize("word", ["citaat", "quote", "pagina", "please", "morgen", "collega"])
def test_meta_and_context_words(word: str) -> None:
    assert is_framing_word(word)


@pytest.mark.parametrize("word", ["board", "debate", "meeting", "controleren"])
def test_occasion_words_are_content_outside_a_framing_clause(word: str) -> None:
    assert not is_framing_word(word)  # "When did parliament debate ...?" turns on it
    framed = strip_framing(f"voor de {word} van morgen: wat zegt de minister over bananen?")
    assert framed.text.startswith("wat zegt de minister over bananen")


@pytest.mark.parametrize("word", ["kinderarbeid", "team", "minister", "nodig", "governance"])
def test_content_words_are_no_framing(word: str) -> None:
    assert not is_framing_word(word)


@pytest.mark.parametrize(
    ("question", "content"),
    [
        ("quick one before the meeting: how many members does the board have?",
         "how many members does the board have?"),
        ("vraagje voor het overleg: wie betaalt de kosten?", "wie betaalt de kosten?"),
    ],
)
def test_a_leading_quick_question_is_framing(question: str, content: str) -> None:
    assert strip_framing(question).text == content


@pytest.mark.parametrize(
    ("sentence", "asking"),
    [
        ("Wij importeren koffie uit Peru, welke afspraken gelden er?", "welke afspraken gelden er?"),
        ("As a small retailer - what must we report?", "what must we report?"),
        ("our firm sells tea, is tea mentioned?", "is tea mentioned?"),
        ("Welke risico's zijn er, en waar komen ze vandaan?", "Welke risico's zijn er, en waar komen ze vandaan?"),
        ("De sector, welke risico's heeft die?", "De sector, welke risico's heeft die?"),
    ],
)
def test_a_clause_describing_the_asker_is_cut_off(sentence: str, asking: str) -> None:
    assert asking_clause(sentence) == asking


@pytest.mark.parametrize("word", ["verbatum", "qoute", "sentance", "paginanumer"])
def test_a_misspelt_framing_word_is_framing(word: str) -> None:
    assert is_framing_word(word)


@pytest.mark.parametrize("word", ["quotas", "massage", "cobalt", "pages_x"])
def test_a_real_word_near_a_framing_word_is_no_framing(word: str) -> None:
    assert not is_framing_word(word)
