"""Look-ups made cheap give what the plain ones give: the alphabetic words of a word list kept
between runs (and rebuilt when it changes), indexed words looked up before the lexicon is read,
identical passages found by their fold hash, the passages of a tag kept for the library's life."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from whoosh.query import And, Or, Query, Term

from imvo_assist.index import Filters
from imvo_assist.index.results import Folds, dedupe_key
from imvo_assist.library import Library, indexwords, refresh
from imvo_assist.settings import Settings, make_settings
from imvo_assist.text import didyoumean, wordlist


def forget() -> None:
    """What a new process forgets (the kept files stay)."""
    for cached in (wordlist._lookup, wordlist.frequencies, didyoumean.alphabetic_words,
                   didyoumean._fitting_words,
                   didyoumean._indexed, didyoumean._choices):
        cached.cache_clear()


@pytest.fixture
def word_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Path]]:
    """Small Dutch and English word lists in place of the bundled ones."""
    lists = {lang: tmp_path / f"wordlist-{lang}.tsv" for lang in wordlist.LANGS}
    lists["nl"].write_text("de\t7.5\nhuis\t5.0\nstore\t2.0\nx1\t3.0\n", encoding="utf-8")
    lists["en"].write_text("the\t7.5\nstore\t5.0\nhuis\t2.0\n", encoding="utf-8")
    monkeypatch.setattr(wordlist, "wordlist_path", lambda lang: lists[lang])
    forget()
    yield lists
    forget()


def test_alphabetic_words_are_kept_and_follow_their_word_list(
    word_lists: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert didyoumean.alphabetic_words("nl") == ["de", "huis", "store"]  # "x1" is no word
    indexed = {"de", "huis", "store", "the"}.__contains__
    assert didyoumean._indexed("nl", indexed) == {2: ["de"], 4: ["huis"]}  # "store": English's
    forget()
    monkeypatch.setattr(wordlist, "_read_table", lambda path: pytest.fail("list read again"))
    assert didyoumean.alphabetic_words("nl") == ["de", "huis", "store"]  # kept
    assert didyoumean._indexed("nl", indexed) == {2: ["de"], 4: ["huis"]}  # kept, fit and all
    monkeypatch.undo()
    monkeypatch.setattr(wordlist, "wordlist_path", lambda lang: word_lists[lang])
    word_lists["nl"].write_text("de\t7.5\nboom\t5.0\n", encoding="utf-8")
    forget()
    assert didyoumean.alphabetic_words("nl") == ["de", "boom"]
    assert didyoumean._fitting_words("nl") == ["de", "boom"]


def test_indexed_words_are_those_of_the_list_that_fit_the_language(indexed: Settings) -> None:
    forget()
    library = Library(indexed)
    for lang in wordlist.LANGS:
        expected: dict[int, list[str]] = {}
        for word in wordlist.frequencies(lang):
            if word.isalpha() and library.has_term(word) and didyoumean.in_language(word, lang):
                expected.setdefault(len(word), []).append(word)
        assert didyoumean._indexed(lang, library.words) == expected
        assert didyoumean._indexed(lang, library.has_term) == expected


def test_has_term_looks_words_up_then_reads_the_lexicon(
    indexed: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    terms = Library(indexed).terms
    words = [*sorted(terms)[::7], "xyzzy", "Kinderarbeid", "", "kinder arbeid", "a\ud800"]
    monkeypatch.setattr(indexwords, "MAX_LOOKUPS", len(words) // 2)
    library = Library(indexed)
    assert [library.has_term(w) for w in words] == [w in terms for w in words]
    assert "all" in library.words.__dict__  # past the limit: the lexicon, read once


def test_identical_passages_are_found_by_their_fold_hash() -> None:
    texts = ["Kinderarbeid in de keten.", "Iets anders."]
    folds = Folds(texts)
    folds.add(7, 0)
    folds.add(7, 1)  # two hits with one hash (a collision): the keys decide
    assert 7 in folds and 8 not in folds
    assert folds.find(7, "kinderarbeid   in de keten") == 0
    assert folds.find(7, "iets anders") == 1
    assert folds.find(7, "nog iets") is None and folds.find(8, texts[0]) is None
    assert dedupe_key("kinderarbeid   in de keten") == dedupe_key(texts[0])


def test_an_index_run_that_writes_has_the_collector_on(fresh_corpus: Path, tmp_path: Path) -> None:
    gc.disable()  # as a command starts (see `cli.commands.main`)
    try:
        refresh(make_settings(fresh_corpus, tmp_path / "index"))
        assert gc.isenabled()
    finally:
        gc.enable()


def test_the_passages_of_a_tag_are_kept_and_are_those_the_query_finds(indexed: Settings) -> None:
    library = Library(indexed)
    kept = library.tagged("sectors", "textiel-kleding", 50)
    queried = library.run(Term("sectors", "textiel-kleding"), Filters(source="passage"), 50)
    assert kept and [h.passage.id for h in kept] == [h.passage.id for h in queried]
    assert all("textiel-kleding" in h.passage.sectors for h in kept)
    assert library.tagged("sectors", "textiel-kleding", 50) is kept  # not searched again


@pytest.mark.parametrize(("query", "filters"), [
    (Term("text_nl", "kinderarbeid"), Filters()),
    (Term("text_nl", "kinderarbeid"), Filters(kind="letter")),
    (Term("sectors", "textiel-kleding"), Filters(kind="covenant")),
    (Term("sectors", "textiel-kleding"), Filters(kind="advice", doc="kamerbrief-2014-11-19-sra")),
    (Term("text_nl", "zzzgeenwoord"), Filters()),
    (Or([Term("text_nl", "zzzgeenwoord"), Term("text_nl", "kinderarbeid")]), Filters()),
    (And([Or([Term("text_nl", "zzzgeenwoord"), Term("text_nl", "kinderarbeid")]),
          Term("text_en", "zzznoword")]), Filters()),
    (And([Term("text_nl", "kinderarbeid"), Term("sectors", "textiel-kleding")]), Filters(kind="covenant")),
])
def test_whether_a_query_matches_is_whether_it_finds_a_hit(
        indexed: Settings, query: Query, filters: Filters) -> None:
    library = Library(indexed)
    assert library.any_match(query, filters) == bool(library.run(query, filters, 1))
