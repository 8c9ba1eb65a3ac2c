"""The index's fast paths give what the slow ones give: the segment writer (one analysis pass, the
compact pool, lengths read once), query scoring without Whoosh's matcher tree, the folding key
worked out on a prefix, staleness from file stats, a no-change run that writes nothing, and the
word lists' lookup form kept between runs."""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from shared_paths import CORPUS
from whoosh.query import And, AndMaybe, Or, Phrase, Term

from imvo_assist.catalogue.facts import register_fingerprint
from imvo_assist.index import Filters, corpus_changed, page_passages, passage_from_fields, scoring
from imvo_assist.index.filters import filter_sets
from imvo_assist.index.records import add_passage
from imvo_assist.index.results import dedupe_key
from imvo_assist.index.scoring import scores
from imvo_assist.index.search import build_query
from imvo_assist.index.segment import Writer
from imvo_assist.index.store import create_index
from imvo_assist.library import Library, refresh
from imvo_assist.models import Passage
from imvo_assist.settings import Settings, make_settings
from imvo_assist.text import analysis, wordlist
from imvo_assist.text.normalise import index_form

pytestmark = pytest.mark.shared

TRICKY = (
    "Risico's op kinderarbeid in de İstanbul-keten: 2016, the children’s Rights; één ÉÉN ﬁnance "
    "x² — ‘quoted’ «guillemets» co-operatie naïeve Œuvre straße ΣΊΣΥΦΟΣ 26 485-187 [12] e.g. n°5"
)


def all_passages(settings: Settings) -> list[tuple[Passage, str, str, str]]:
    """(passage, document kind, language, source) of every passage record of an index."""
    with Library(settings).index.searcher() as searcher:
        return [
            (passage_from_fields(f), f.get("kind", ""), f.get("lang", ""), f.get("source", ""))
            for f in searcher.documents(record="passage")
        ]


def index_contents(path: Path) -> tuple[dict, list, dict]:
    """Every posting (with block lengths and weights), stored record and field length."""
    from whoosh.index import open_dir

    ix = open_dir(str(path))
    reader = ix.reader()
    postings = {}
    for name in ix.schema.names():
        if not ix.schema[name].indexed:
            continue
        for text in reader.lexicon(name):
            matcher = reader.postings(name, text)
            found = []
            while matcher.is_active():
                found.append((matcher.id(), matcher.weight(), matcher.value(),
                              matcher.block_min_length(), matcher.block_max_length(),
                              matcher.block_max_weight(), matcher.block_max_id()))
                matcher.next()
            info = reader.term_info(name, text)
            postings[(name, text)] = (
                info.weight(), info.doc_frequency(), info.min_length(), info.max_length(),
                info.max_weight(), info.min_id(), info.max_id(), found,
            )
    stored = [reader.stored_fields(n) for n in range(reader.doc_count_all())]
    lengths = {n: reader.field_length(n) for n in ix.schema.names() if ix.schema[n].scorable}
    return postings, stored, lengths


@pytest.mark.parametrize("pool_mb", [64, 0.02])  # 0.02: the pool is written to many runs
def test_writer_writes_the_segment_whoosh_writes(indexed: Settings, tmp_path: Path, pool_mb: float) -> None:
    records = all_passages(indexed)
    records += records[:200]  # terms with postings in more than one block (128 a block)
    assert len(records) > 300
    made = {}
    for name, make in (("whoosh", lambda ix: ix.writer()), ("ours", lambda ix: Writer(ix, limitmb=pool_mb))):
        writer = make(create_index(tmp_path / name))
        if name == "ours":
            assert set(writer.fused) == {"text_nl", "text_en", "heading", "exact"}
        for passage, kind, language, source in records:
            add_passage(writer, passage, kind, language, source=source)
        writer.add_document(record="file", id="file:x", path="x", exact=TRICKY, heading=TRICKY)
        writer.commit()
        made[name] = index_contents(tmp_path / name)
    assert max(len(found[-1]) for found in made["ours"][0].values()) > 2 * 128  # blocks
    assert made["ours"] == made["whoosh"]


def test_one_pass_analysis_makes_the_analyzers_terms() -> None:
    for text in (TRICKY, TRICKY.upper(), "", "de het een the of", "x" * 300, "aa'bb''cc 'dd' ee'"):
        form = index_form(text)
        lowered, folded = analysis.index_words(form)
        assert folded == analysis.tokens(analysis.exact(), form)
        assert analysis.stemmed(lowered, folded, "nl") == analysis.tokens(analysis.dutch(), form)
        assert analysis.stemmed(lowered, folded, "en") == analysis.tokens(analysis.english(), form)


def queries() -> list:
    words = build_query("Welke risico's op kinderarbeid zijn er in de textielsector?")
    english = build_query("Which risks of child labour in garments?")
    tags = Or([Term("sectors", "textiel-kleding", boost=0.3), Term("kind", "report", boost=0.2)])
    return [
        words, english, build_query("due diligence ketens"),
        AndMaybe(Or([Term("text_nl", "kinderarbeid", boost=1.4), Term("text_en", "child")]), tags),
        And([Or([Term("text_nl", "kinderarbeid"), Term("text_en", "child")]), Term("text_nl", "ket")]),
        Term("sectors", "textiel-kleding"), Or([Term("text_nl", "textiel")], boost=3.0),
        Phrase("exact", ["due", "diligence"], slop=2), Or([words, english], boost=0.5),
    ]


@pytest.mark.parametrize("number", range(len(queries())))
def test_scores_are_whooshs_scores(indexed: Settings, number: int) -> None:
    query = queries()[number]
    searcher = Library(indexed).searcher
    expected = {hit.docnum: hit.score for hit in searcher.search(query, limit=None)}
    found = scores(searcher, query)
    assert expected, "the query must match something"
    assert set(found) == set(expected)
    assert all(found[d] == pytest.approx(s, rel=1e-12) for d, s in expected.items())


def test_scores_are_whooshs_scores_with_deleted_documents(corpus: Settings) -> None:
    report = corpus.corpus / "sra-testrapport.pdf"
    report.write_bytes(report.read_bytes() + b"\n% changed\n")  # re-read: its old records deleted
    refresh(corpus)
    searcher = Library(corpus).searcher
    assert any(reader.has_deletions() for reader, _ in searcher.reader().leaf_readers())
    for query in queries():
        expected = {hit.docnum: hit.score for hit in searcher.search(query, limit=None)}
        found = scores(searcher, query)
        assert set(found) == set(expected), query
        assert all(found[d] == pytest.approx(s, rel=1e-12) for d, s in expected.items())


def test_terms_read_before_are_scored_as_whoosh_scores_them(
    indexed: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Scored postings are kept per open searcher and dropped beyond a bound; a term repeated
    in a query, or in a later query, with another boost, adds the same scores as Whoosh."""
    monkeypatch.setattr(scoring, "MAX_KEPT_POSTINGS", 40)
    searcher = Library(indexed).searcher
    repeated = Or([Term("text_nl", "kinderarbeid"), Term("text_nl", "kinderarbeid", boost=2.0),
                   And([Term("text_nl", "kinderarbeid"), Term("text_nl", "ket")])])
    for query in (*queries(), repeated, *queries()):
        expected = {hit.docnum: hit.score for hit in searcher.search(query, limit=None)}
        found = scores(searcher, query)
        assert set(found) == set(expected), query
        assert all(found[d] == pytest.approx(s, rel=1e-12) for d, s in expected.items())
        kept = [scoring._KEPT.get(sub, {}) for sub, _ in searcher.subsearchers or [(searcher, 0)]]
        sizes = [sum(len(ids) for ids, _ in terms.values()) for terms in kept]
        assert all(size <= 40 or len(terms) == 1 for size, terms in zip(sizes, kept, strict=True))


@pytest.mark.parametrize("filters", [Filters(source="passage"), Filters(language="nl"),
                                     Filters(source="register"), Filters(kind="report")])
def test_a_filter_on_a_common_value_masks_the_rest_and_finds_the_same(
    indexed: Settings, filters: Filters
) -> None:
    searcher = Library(indexed).searcher
    allowed, others = filter_sets(searcher, filters)
    field, value = next((f, v) for f, v in vars(filters).items() if v)
    field = {"language": "lang"}.get(field, field)
    wanted = set(searcher.docs_for_query(And([Term("record", "passage"), Term(field, value)])))
    passages = set(searcher.docs_for_query(Term("record", "passage")))
    found = (passages if allowed is None else allowed & passages) - others
    assert found == wanted
    common = searcher.doc_frequency(field, value) * 2 > searcher.doc_count_all()
    assert (allowed is None) == common


def test_folding_key_from_a_prefix_is_the_key() -> None:
    full = lambda text: re.sub(r"\W+", " ", text.casefold()).strip()[:300]
    chance = random.Random(14)
    alphabet = "abcÄßİΣ ,.-\n\t_1’"
    for _ in range(3000):
        text = "".join(chance.choice(alphabet) for _ in range(chance.randint(0, 900)))
        assert dedupe_key(text) == full(text)


def test_page_passages_with_an_open_searcher(indexed: Settings) -> None:
    library = Library(indexed)
    doc = next(p.doc_id for p, *_ in all_passages(indexed) if p.pdf_page)
    assert list(page_passages(library.searcher, doc, None)) == list(page_passages(library.index, doc, None))


@pytest.fixture
def corpus(fresh_corpus: Path, tmp_path: Path) -> Settings:
    for name in ("notitie-test.md", "oud-bericht-cp1252.txt", "sra-testrapport.pdf"):
        shutil.copy(CORPUS / name, fresh_corpus / name)
    settings = make_settings(fresh_corpus, tmp_path / "ix")
    refresh(settings)
    return settings


def changed(settings: Settings) -> bool | None:
    return corpus_changed(settings.roots, settings.index, Library(settings).records, register_fingerprint)


def toc(settings: Settings) -> list[str]:
    return sorted(p.name for p in settings.index.iterdir() if p.name.endswith(".toc"))


def test_staleness_from_file_stats(corpus: Settings) -> None:
    assert changed(corpus) is False
    note = corpus.corpus / "notitie-test.md"
    os.utime(note, ns=(note.stat().st_atime_ns, note.stat().st_mtime_ns + 10**9))
    assert changed(corpus) is True and Library(corpus).is_stale()
    refresh(corpus)  # same content: its record gets the new time, nothing is read again
    assert changed(corpus) is False and not Library(corpus).is_stale()
    (corpus.corpus / "nieuw.md").write_text("# Nieuw\n\nKinderarbeid.\n", encoding="utf-8")
    assert changed(corpus) is True
    (corpus.corpus / "nieuw.md").unlink()
    assert changed(corpus) is False
    (corpus.corpus / "MANIFEST.toml").write_text(
        '[[document]]\nid = "eigen"\nfile = "notitie-test.md"\ntitle = "Eigen"\n', encoding="utf-8"
    )
    assert changed(corpus) is None  # ids may differ: the caller scans with the catalogue
    assert Library(corpus).is_stale()
    refresh(corpus)
    assert changed(corpus) is False
    (corpus.index / "imvo-catalogues.json").unlink()
    assert changed(corpus) is None


def test_a_run_with_nothing_to_do_writes_nothing(corpus: Settings) -> None:
    before = toc(corpus)
    report = refresh(corpus)
    assert report.extracted == 0 and report.unchanged == 3
    assert toc(corpus) == before


def test_ask_loads_neither_the_writer_nor_pdf_reading(indexed: Settings) -> None:
    code = (
        "import sys\nfrom pathlib import Path\nfrom imvo_assist.library import Library\n"
        "from imvo_assist.settings import make_settings\n"
        f"lib = Library(make_settings(Path({str(indexed.corpus)!r}), Path({str(indexed.index)!r})))\n"
        "lib.search('kinderarbeid')\n"
        "print(' '.join(sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.split())
    assert not {"imvo_assist.index.writer", "imvo_assist.extract.workers", "pypdf"} & loaded


def test_many_small_updates_merge_and_match_a_rebuild(corpus: Settings, tmp_path: Path) -> None:
    note = corpus.corpus / "notitie-test.md"
    for n in range(7):  # each run adds a segment and deletes the note's old records
        note.write_text(f"# Notitie {n}\n\nKinderarbeid in de keten, versie {n}.\n", encoding="utf-8")
        refresh(corpus)
    from whoosh.index import open_dir

    segments = open_dir(str(corpus.index))._segments()
    assert len(segments) <= 4 and all(s.doc_count() for s in segments)  # merged, none empty
    rebuilt = make_settings(corpus.corpus, tmp_path / "rebuilt")
    refresh(rebuilt)
    for settings in (corpus, rebuilt):
        assert Library(settings).search("kinderarbeid versie").hits
    # the same passages (scores differ a little: Whoosh counts deleted documents in its
    # statistics until their segment is merged away)
    hits = lambda s: {h.passage.id for h in Library(s).search("kinderarbeid keten", limit=50).hits}
    assert hits(corpus) == hits(rebuilt)


@pytest.fixture
def small_word_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A word list of its own in place of the bundled Dutch one (lookups forgotten after)."""
    listing = tmp_path / "wordlist-nl.tsv"
    listing.write_text("# test\nde\t7.5\ngeïnteresseerd\t3.1\n", encoding="utf-8")
    monkeypatch.setattr(wordlist, "wordlist_path", lambda lang: listing)
    forget_word_lists()
    yield listing
    forget_word_lists()


def forget_word_lists() -> None:
    wordlist._lookup.cache_clear()
    wordlist.frequencies.cache_clear()


def test_word_lookup_is_kept_and_follows_its_word_list(
    small_word_list: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert wordlist.zipf("De", "nl") == 7.5 and wordlist.zipf("geinteresseerd", "nl") == 3.1
    assert wordlist.zipf("het", "nl") == 0.0
    assert list(wordlist.frequencies("nl")) == ["de", "geïnteresseerd"]
    forget_word_lists()
    read = wordlist._read_table
    monkeypatch.setattr(wordlist, "_read_table", lambda path: pytest.fail("read again"))
    assert wordlist.zipf("geïnteresseerd", "nl") == 3.1  # the kept lookup, the list not read
    monkeypatch.setattr(wordlist, "_read_table", read)
    small_word_list.write_text("de\t6.0\nhet\t7.0\n", encoding="utf-8")
    forget_word_lists()
    assert wordlist.zipf("de", "nl") == 6.0 and wordlist.zipf("het", "nl") == 7.0
    assert wordlist.zipf("geinteresseerd", "nl") == 0.0


def test_word_lookup_agrees_with_the_table() -> None:
    for lang in wordlist.LANGS:
        table = wordlist._read_table(wordlist.wordlist_path(lang))
        assert list(wordlist.frequencies(lang).items()) == list(table.items())  # order kept
        bare = wordlist._ascii_table(table)
        words = list(table)[::37]
        for word in [*words, *(w.upper() for w in words[:50]), "geinteresseerd", "xyzzy", ""]:
            folded = word.lower()
            expected = table.get(folded, bare.get(wordlist._strip_accents(folded), 0.0))
            assert wordlist.zipf(word, lang) == expected, word


def test_a_word_looked_up_again_is_remembered_with_the_same_value() -> None:
    listed = wordlist._lookup("nl")
    for word in ("kinderarbeid", "xyzzy", "de"):
        first = listed.zipf(word)
        hits = listed.remembered.cache_info().hits
        assert listed.zipf(word) == first == listed._search(word)
        assert listed.remembered.cache_info().hits == hits + 1
