"""The results of a search: ranked, equal scores in reading order, identical passages folded.

Each passage record carries two columns (neither indexed nor stored): `fold`, a hash of the key
two identical passages share, and `order`, its place in reading order. Ranking reads them, not
the stored fields: a question's queries can return hundreds of candidates (every passage of a
sector), and only those kept as hits, or folded into one, have their stored fields read.
"""

from __future__ import annotations

import hashlib
import re
import sys
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import groupby
from weakref import WeakKeyDictionary

from whoosh.searching import Searcher

from imvo_assist.index import scoring
from imvo_assist.index.filters import Filters, filter_sets
from imvo_assist.models import Document, Hit, Passage

# Register facts are summaries; an original passage saying the same must rank above them.
REGISTER_WEIGHT = 0.5
NON_WORDS = re.compile(r"\W+")
MAX_KEY = 2**64 - 1
DEDUPE_CHARS = 300
DEDUPE_SOURCE = 400


class Row:
    """A result: its score (weighted by source) and rank, its `fold` hash, its stored fields on
    demand."""

    __slots__ = ("_columns", "_fields", "_order", "docnum", "fold", "rank", "score")

    def __init__(self, docnum: int, score: float, columns: _Columns) -> None:
        self.docnum, self._columns = docnum, columns
        self.set_score(score)
        self.fold: int = columns.fold[docnum]
        self._fields: dict | None = None
        self._order: bytes | None = None

    def set_score(self, score: float) -> None:
        self.score = score
        self.rank = scoring.rank(score)

    def fields(self) -> dict:
        if self._fields is None:
            self._fields = self._columns.stored(self.docnum)
        return self._fields

    def order(self) -> bytes:
        """The passage's place in reading order (equal scores go in it), read once."""
        if self._order is None:
            found: bytes = self._columns.order[self.docnum]
            if not found:  # a record written without it
                fields = self.fields()
                found = order_key(fields["doc_id"], int(fields.get("pdf_page") or 0), fields["id"])
            self._order = found
        return self._order


class _Columns:
    """What a searcher reads of each result: the `fold` and `order` columns, stored fields
    (made once per searcher: a column reader reads the column's offsets when made, and the
    `fold` column is read whole, 8 bytes a document)."""

    def __init__(self, searcher: Searcher) -> None:
        reader = searcher.reader()
        self.fold: Sequence[int] = _whole_column(reader, "fold")
        self.order = reader.column_reader("order", translate=False)
        self.stored = scoring.stored_fields(searcher)


def _whole_column(reader: object, fieldname: str) -> Sequence[int]:
    """Every document's value of a numeric ("Q") column, in one read per segment when the
    segments are Whoosh's (else the column reader, a document at a time)."""
    values = array("Q")
    try:
        for leaf, _ in reader.leaf_readers():  # type: ignore[attr-defined]
            count = leaf.doc_count_all()
            column = leaf.column_reader(fieldname, translate=False)
            stored = column._count if hasattr(column, "_dbfile") else 0
            if stored:
                part = array("Q", column._dbfile.get(column._basepos, stored * 8))
                if sys.byteorder == "little":  # the column is big-endian ("!Q")
                    part.byteswap()
                values.extend(part)
            values.extend([column._default] * (count - stored))
    except AttributeError:
        return reader.column_reader(fieldname, translate=False)  # type: ignore[attr-defined,no-any-return]
    return values


_COLUMNS: WeakKeyDictionary[Searcher, _Columns] = WeakKeyDictionary()


def _columns(searcher: Searcher) -> _Columns:
    found = _COLUMNS.get(searcher)
    if found is None:
        found = _COLUMNS[searcher] = _Columns(searcher)
    return found


def order_key(doc_id: str, pdf_page: int, passage_id: str) -> bytes:
    """Bytes that sort as (document id, PDF page, passage ordinal, passage id) do."""
    return b"".join((
        doc_id.encode("utf-8"), b"\0", min(pdf_page, MAX_KEY).to_bytes(8, "big"),
        min(ordinal(passage_id), MAX_KEY).to_bytes(8, "big"), passage_id.encode("utf-8"),
    ))


def ranked(searcher: Searcher, found: list[tuple[int, float]], size: int) -> list[Row]:
    """The best `size` results by score, then ranked with the source's weight; equal scores in
    reading order (whichever segment holds them). Stored fields are read for the order of
    equal scores only."""
    columns = _columns(searcher)
    rows = [Row(docnum, score, columns) for docnum, score in found]
    if len(rows) > size:  # ties with the last one were kept until the order was known
        rows = _in_order(rows)[:size]
    register = filter_sets(searcher, Filters(source="register"))[0] or set()
    for row in rows:
        if row.docnum in register:
            row.set_score(row.score * REGISTER_WEIGHT)
    return _in_order(rows)


def _in_order(rows: list[Row]) -> list[Row]:
    """Rows by score, equal scores (to the last bits) in reading order."""
    rows.sort(key=lambda row: (-row.rank, row.docnum))
    ordered: list[Row] = []
    for _, tied in groupby(rows, key=lambda row: row.rank):
        group = list(tied)
        ordered += sorted(group, key=Row.order) if len(group) > 1 else group
    return ordered


class Folds:
    """The `fold` hashes of a search's hits, to find the hit an identical passage folds into.
    A passage's dedupe key is worked out only when a hit has its hash (equal keys have equal
    hashes), and a hit's key only then, from its text."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        """Each hit's text, by hit number."""
        self._hits: dict[int, list[int]] = {}
        self._keys: dict[int, str] = {}

    def __contains__(self, fold: int) -> bool:
        return fold in self._hits

    def add(self, fold: int, at: int) -> None:
        """Hit number `at` has this `fold` hash."""
        self._hits.setdefault(fold, []).append(at)

    def find(self, fold: int, text: str) -> int | None:
        """The number of the hit a passage (its `fold` hash and text) is identical to."""
        same = self._hits.get(fold)
        if not same:
            return None
        key = dedupe_key(text)
        return next((at for at in same if self._key(at) == key), None)

    def _key(self, at: int) -> str:
        found = self._keys.get(at)
        if found is None:
            found = self._keys[at] = dedupe_key(self.texts[at])
        return found


def merge_duplicate(first: Hit, passage: Passage, documents: Mapping[str, Document]) -> Hit:
    """Fold an identical passage into a hit; the PDF (with printed pages) stays the citation."""
    cite = f"{passage.doc_id} p. {passage.page_label}"
    document = documents.get(passage.doc_id) or Document(passage.doc_id)
    first_document = documents.get(first.passage.doc_id) or Document(first.passage.doc_id)
    if document.is_pdf and not first_document.is_pdf:
        moved = f"{first.passage.doc_id} p. {first.passage.page_label}"
        return replace(
            first, passage=passage, title=document.title or passage.doc_id,
            kind=document.kind or first.kind, url=document.url,
            also_in=first.also_in + (moved,),
        )
    return replace(first, also_in=first.also_in + (cite,))


def fold_hash(text: str) -> int:
    """A 64-bit hash of `dedupe_key(text)`, stored per passage (the `fold` column)."""
    digest = hashlib.blake2b(dedupe_key(text).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def dedupe_key(text: str) -> str:
    """What two passages share when one is folded into the other: the first 300 characters of
    the text case-folded, every run of non-word characters one space. Worked out on a prefix
    when that already gives 300 (the key of a prefix is a prefix of the key)."""
    prefix = text[:DEDUPE_SOURCE]
    key = NON_WORDS.sub(" ", prefix.casefold()).strip()
    if len(key) < DEDUPE_CHARS and len(prefix) < len(text):
        key = NON_WORDS.sub(" ", text.casefold()).strip()
    return key[:DEDUPE_CHARS]


def ordinal(passage_id: str) -> int:
    """The ordinal at the end of a passage id ("doc:12:3" -> 3); 0 for register-fact ids."""
    last = passage_id.rsplit(":", 1)[-1]
    return int(last) if last.isdigit() else 0
