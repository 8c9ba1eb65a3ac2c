"""The open library: an indexed corpus with its documents, searched and asked through one object."""

from __future__ import annotations

import time
from functools import cached_property
from typing import TYPE_CHECKING

from whoosh.index import Index
from whoosh.query import Query, Term
from whoosh.searching import Searcher

from imvo_assist.catalogue.loader import load_documents
from imvo_assist.collection.scan import scan
from imvo_assist.errors import CorpusError, QueryError
from imvo_assist.index import (
    REGISTER_PATH,
    Filters,
    build_query,
    corpus_changed,
    file_records,
    files_changed,
    has_match,
    matching_passages,
    open_index,
    page_passages,
    passage_from_fields,
    run_query,
    tag_counts,
)
from imvo_assist.library.indexwords import IndexWords
from imvo_assist.library.inputs import registered_documents
from imvo_assist.library.matching import corrected_text, query_language, resolve_document
from imvo_assist.library.searchresult import SearchResult
from imvo_assist.models import Answer, Document, Hit, Passage
from imvo_assist.settings import MAX_QUESTION_CHARS, Settings
from imvo_assist.text.casing import unshouted

if TYPE_CHECKING:
    from imvo_assist.bronnenboek.provenance import Provenance
    from imvo_assist.library.sources import Sources
    from imvo_assist.overview.coverage import Coverage
    from imvo_assist.overview.timeline import Event

MIN_SUGGEST_LENGTH = 4
SUGGEST_SCORE = 80
MAX_SUGGEST_WORDS = 8
"""Unknown words of one text that get did-you-mean suggestions."""


class Library:
    """An open corpus index, with document metadata loaded once."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._terms_by_language: dict[str, frozenset[str]] = {}
        self._tagged_hits: dict[tuple[str, str, int], list[Hit]] = {}

    @cached_property
    def index(self) -> Index:
        return open_index(self.settings.index)

    @cached_property
    def searcher(self) -> Searcher:
        """One searcher for the life of the library: reused readers and cached filter sets
        (opening a searcher per query costs a few milliseconds on a large index)."""
        return self.index.searcher()

    @cached_property
    def records(self) -> dict[str, dict]:
        """Every file record by relative path, the bundled register's included."""
        return file_records(self.index)

    @cached_property
    def files(self) -> dict[str, dict]:
        """File records of corpus files by relative path (the register's record left out)."""
        return {path: meta for path, meta in self.records.items() if path != REGISTER_PATH}

    def is_stale(self) -> bool:
        """True when the corpus files or the bundled register changed since the index was built."""
        roots, index = self.settings.roots, self.settings.index
        quick = corpus_changed(roots, index, self.records, _register_fingerprint)
        if quick is not None:  # from file stats: the catalogue files are as the index run saw them
            return quick
        try:
            files, skipped = scan(self.settings.roots, registered_documents())
        except CorpusError:
            return False  # nothing to refresh from; the existing index is what there is
        register = self.records.get(REGISTER_PATH, {})
        if register.get("sha256") != _register_fingerprint():
            return True
        return files_changed(files, skipped, self.files, ids=True)

    @cached_property
    def documents(self) -> dict[str, Document]:
        """Every document by doc id: the bundled register's, overlaid by what the indexed files
        say of them, and the indexed documents the register does not know."""
        documents = {doc.id: doc for doc in load_documents()}
        for meta in self.files.values():
            if meta.get("document"):
                indexed = Document.from_dict(meta["document"])
                known = documents.get(meta["doc_id"])
                documents[meta["doc_id"]] = known.overlaid(indexed) if known else indexed
        return documents

    @cached_property
    def words(self) -> IndexWords:
        """The index's words: `words(word)` looks one up, `words.all` holds them all."""
        return IndexWords(lambda: self.searcher)

    @property
    def terms(self) -> frozenset[str]:
        """Every unstemmed word of the indexed passages (for splitting compounds)."""
        return self.words.all

    def has_term(self, word: str) -> bool:
        """Whether a word occurs in the indexed passages."""
        return self.words(word)

    @cached_property
    def provenance(self) -> Provenance:
        """Source-register entries and the report passages citing them."""
        from imvo_assist.bronnenboek.provenance import Provenance

        return Provenance(self.searcher, self.documents)

    @cached_property
    def sources(self) -> Sources:
        """The source register: references, inclusion reports, checks (see `library.sources`)."""
        from imvo_assist.library.sources import Sources

        return Sources(self.provenance)

    def search(self, text: str, filters: Filters | None = None, limit: int = 10) -> SearchResult:
        """Search passages for user text (searched as words, never as query syntax)."""
        if not text.strip():
            raise QueryError("Empty query.", "Type a few words to search for.")
        if limit < 1:
            raise QueryError(f"--limit must be at least 1, not {limit}.")
        started = time.perf_counter()
        hits = self._hits(text, filters, limit)
        if hits:
            return SearchResult(text, hits, (time.perf_counter() - started) * 1000)
        corrected = self.corrected(text)
        if corrected is not None:
            found = self._hits(corrected, filters, limit)
            if found:
                elapsed = (time.perf_counter() - started) * 1000
                return SearchResult(corrected, found, elapsed, [], text, query_language(corrected))
        suggestions = self.did_you_mean(text)
        return SearchResult(text, [], (time.perf_counter() - started) * 1000, suggestions)

    def _hits(self, text: str, filters: Filters | None, limit: int) -> list[Hit]:
        query = build_query(text)
        if query is None:
            return []
        return run_query(self.searcher, query, filters or Filters(), limit, self.documents)

    def corrected(self, text: str) -> str | None:
        """The text with each word the index does not hold replaced by its one close indexed
        word; None when no word is unknown, or one has none or several (see `matching`)."""
        from imvo_assist.text.suggest import suggestion_index

        prepared = suggestion_index(self.terms, SUGGEST_SCORE)
        return corrected_text(text, self._known, prepared.candidates, MIN_SUGGEST_LENGTH)

    def _known(self, word: str) -> bool:
        """Whether a word occurs in the index as written or as a Dutch or English stem, or is a
        stopword (never searched for)."""
        from imvo_assist.text import analysis

        if word in self.terms or word in analysis.stopwords():
            return True
        reader = self.searcher.reader()
        return any(
            (field, stem) in reader
            for field, analyzer in (("text_nl", analysis.dutch()), ("text_en", analysis.english()))
            for stem in analysis.tokens(analyzer, word)
        )

    def did_you_mean(self, text: str) -> list[str]:
        """Indexed words close to the words of a text that are not in the index (typos), in the
        text's language when its words tell (never "store" for a Dutch query).

        A prepared index of the indexed words by length (`text.suggest`) is built once; at most
        `MAX_SUGGEST_WORDS` unknown words are looked up, so the work does not grow with the text.
        """
        from imvo_assist.text.didyoumean import in_language, language_of
        from imvo_assist.text.fold import fold
        from imvo_assist.text.suggest import suggestion_index

        words = fold(text).split()
        language = language_of(words)
        if language is None:
            terms = self.terms
        else:  # the indexed words that fit the language, computed once per language
            terms = self._terms_by_language.get(language) or frozenset(
                term for term in self.terms if in_language(term, language)
            )
            self._terms_by_language[language] = terms
        prepared = suggestion_index(terms, SUGGEST_SCORE)
        return prepared.suggest(words, MIN_SUGGEST_LENGTH, MAX_SUGGEST_WORDS)

    def run(self, query: Query, filters: Filters | None = None, limit: int = 10) -> list[Hit]:
        """Hits of a query built by the caller (the answer engine)."""
        return run_query(self.searcher, query, filters or Filters(), limit, self.documents)

    def matching(self, query: Query, filters: Filters | None = None, limit: int = 10) -> list[Passage]:
        """The first passages a query built by the answer engine matches, in index order, unscored."""
        return matching_passages(self.searcher, query, filters or Filters(), limit)

    def any_match(self, query: Query, filters: Filters | None = None) -> bool:
        """Whether a passage the filters allow matches a query built by the answer engine."""
        return has_match(self.searcher, query, filters or Filters())

    def tagged(self, field: str, id: str, limit: int) -> list[Hit]:
        """The passages tagged with a sector, risk or organisation, kept as the searcher is."""
        if (key := (field, id, limit)) not in self._tagged_hits:
            self._tagged_hits[key] = self.run(Term(field, id), Filters(source="passage"), limit)
        return self._tagged_hits[key]

    def hit(self, passage: Passage, source: str = "passage") -> Hit:
        """A passage as a hit with its document's title, kind and URL (score 0)."""
        document = self.documents.get(passage.doc_id) or Document(passage.doc_id)
        return Hit(
            passage=passage, title=document.title or passage.doc_id, kind=document.kind,
            url=document.url, score=0.0, snippet="", source=source,  # type: ignore[arg-type]
        )

    def sector_risk_counts(self) -> dict[tuple[str, str], int]:
        """Passages tagged with each (sector, risk) pair (for the overview matrix)."""
        return tag_counts(self.searcher)

    def passage(self, passage_id: str) -> Passage | None:
        """One passage by its id (a unique-key lookup)."""
        fields = self.searcher.document(id=passage_id)
        return passage_from_fields(fields) if fields and fields.get("record") == "passage" else None

    def passages_of(self, doc_id: str, label: str | None = None) -> list[Passage]:
        """The passages of a document (of one printed page), in reading order."""
        return list(page_passages(self.searcher, doc_id, label))

    def ask(self, question: str) -> Answer:
        """Answer a question with citations: a coverage or timeline question from those overviews
        (`library.routing`), every other from the indexed passages."""
        if not question.strip():
            raise QueryError("Empty question.", 'Ask something, e.g. "Welke sectoren hebben een verhoogd risico?"')
        if len(question) > MAX_QUESTION_CHARS:
            raise QueryError(
                f"The question is {len(question):,} characters long; at most "
                f"{MAX_QUESTION_CHARS:,} are read.", "Shorten the question to its key words.",
            )
        from imvo_assist.library.routing import route_question

        routed = route_question(self, unshouted(question))  # read in lower case when in capitals
        if routed is not None:
            return routed
        from imvo_assist.answer import answer_question

        return answer_question(self, question)

    def coverage(self, sector: str | None = None, language: str = "nl") -> list[Coverage]:
        """A sector's risks against its covenants, every cell cited (every sector when None).

        Raises:
            QueryError: an unknown sector, with the closest names.
        """
        from imvo_assist.overview.coverage import all_coverage, sector_coverage

        return [sector_coverage(self, sector, language)] if sector else all_coverage(self, language)

    def timeline(self, sector: str | None = None, language: str = "nl") -> list[Event]:
        """Dated events of the register and the indexed documents, in date order, each cited
        (only those about a sector when one is named)."""
        from imvo_assist.overview.timeline import build_timeline

        return build_timeline(self, sector, language)

    @cached_property
    def indexed_documents(self) -> dict[str, str]:
        """Doc id -> relative file path of every document with indexed passages ("" for the
        documents the bundled register facts come from)."""
        found = {
            meta["doc_id"]: str(meta.get("path", "")) for meta in self.files.values()
            if meta.get("status") == "indexed" and meta.get("doc_id")
        }
        for fields in self.searcher.documents(record="passage", source="register"):
            found.setdefault(fields["doc_id"], "")
        return found

    def resolve_document(self, name: str) -> str:
        """The id of the indexed document a typed name means: its id, a prefix of it, its file
        name or a close spelling, when that points at one indexed document.

        Raises:
            QueryError: not indexed, ambiguous or unknown, listing only indexed documents.
        """
        if name in self.indexed_documents:
            return name
        unavailable = {
            str(meta["doc_id"]): (
                str(meta.get("error") or meta.get("status") or "failed"),
                "`imvo-assist docs` lists every file with its status.",
            )
            for meta in self.files.values()
            if meta.get("doc_id") and meta["doc_id"] not in self.indexed_documents
        }
        for doc in load_documents():
            if doc.id not in self.indexed_documents and doc.id not in unavailable:
                fetch = f"`imvo-assist fetch {doc.id}` or " if doc.url or doc.file_url else ""
                unavailable[doc.id] = (
                    "it is registered, but its file is not in the corpus",
                    f"Add it with {fetch}`imvo-assist add FILE`.",
                )
        return resolve_document(name, self.indexed_documents, unavailable)

    def page(self, doc: str, label: str | None = None) -> tuple[Document, list[Passage]]:
        """A document's metadata and its passages (of one printed page when `label` is given).
        The document may be named loosely (see `resolve_document`).

        Raises:
            QueryError: unknown document or page, with the nearest ids/labels as a hint.
        """
        doc = self.resolve_document(doc)
        document = self.documents.get(doc) or Document(doc, title=doc)
        passages = list(page_passages(self.searcher, doc, label))
        if label is not None and not passages:
            labels = list(dict.fromkeys(p.page_label for p in page_passages(self.searcher, doc, None)))
            raise QueryError(
                f"{doc} has no printed page {label!r}.", f"Pages: {', '.join(labels)}."
            )
        return document, passages

    def document_list(self) -> list[dict[str, object]]:
        """Every corpus file with its status, then each registered document that is missing."""
        rows = []
        present = set()
        for meta in sorted(self.files.values(), key=lambda m: m.get("path", "")):
            status = meta.get("status", "failed")
            present.add(meta.get("doc_id", ""))
            document = self.documents.get(meta.get("doc_id", "")) or Document("")
            rows.append(
                {
                    "id": meta.get("doc_id", ""),
                    "file": meta.get("path", ""),
                    "title": meta.get("title", ""),
                    "status": "skipped" if status == "skipped-path" else status,
                    "pages": meta.get("pages", 0),
                    "passages": meta.get("passages", 0),
                    "error": meta.get("error", ""),
                    "warnings": meta.get("warnings", []),
                    "citation": document.citation,
                    "url": document.url,
                }
            )
        for doc in load_documents():
            if doc.id not in present:
                where = doc.file_url or doc.url or ""
                rows.append(
                    {
                        "id": doc.id, "file": "", "title": doc.title, "status": "missing",
                        "pages": 0, "passages": 0,
                        "error": f"not in the corpus; get it from {where}" if where
                        else "not in the corpus; no official address known",
                        "warnings": [], "citation": doc.citation, "url": doc.url,
                    }
                )
        return rows


def _register_fingerprint() -> str:
    """`catalogue.facts.register_fingerprint`, loaded only when file stats cannot tell whether
    the bundled register changed (a cold `ask` usually never needs it)."""
    from imvo_assist.catalogue.facts import register_fingerprint

    return register_fingerprint()
