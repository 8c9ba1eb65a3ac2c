"""A Whoosh segment writer that writes the same segment with less work.

Three things `whoosh.writing.SegmentWriter` does per posting or per token are done once here:

- **Analysis.** A passage's text goes to `text_nl` (or `text_en`) and to `exact`: Whoosh
  tokenizes it once per field, through a chain of generators per token. Here the words are found
  once (`analysis.index_words`) and each field's terms made from them (`analysis.stemmed`). At
  start the writer checks, on a probe text, that this gives exactly what each field's own
  analyzer gives; a field that differs (a changed schema) is analyzed by Whoosh as before.
- **The pool.** Postings are kept per term in arrays (`pool.CompactPool`), not one tuple each,
  and need no sort at commit.
- **Commit.** Whoosh looks up the length of a document's field for every posting, through the
  column file it has just written (a seek and a read each), and hands the postings writer one
  posting at a time; here each length column is read once, and a term's postings go to the
  postings writer a block (128) at a time (`write_terms`).

The segment written is the same as Whoosh writes (`tests/index` compares every posting), but
as separate files, not one compound file: Whoosh opens a part of a compound file by copying it
whole into memory (a `BytesIO` of the mapped file), so an `ask` at 15,000 pages held the
postings, stored fields and columns it touched, 140 MB; separate files are read where needed.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from functools import cache

from whoosh.codec.whoosh3 import W3FieldWriter, W3PostingsWriter
from whoosh.system import pack_uint
from whoosh.writing import MERGE_SMALL, SegmentWriter

from imvo_assist.index.pool import CompactPool
from imvo_assist.text import analysis
from imvo_assist.text.normalise import index_form

# Field -> how its terms are made from `index_words` (None: the exact, accent-folded words).
FUSED_FIELDS: dict[str, str | None] = {"text_nl": "nl", "text_en": "en", "heading": "nl", "exact": None}
PROBE = "Risico's in de İstanbul-keten: 2016, the children’s Rights; één ÉÉN ﬁnance x²"

Terms = list[tuple[bytes, int, float, bytes]]
"""(term bytes, frequency, weight, value bytes) of one field of one document."""


class Writer(SegmentWriter):
    """A Whoosh segment writer (see the module's notes)."""

    def __init__(self, index: object, limitmb: float = 128, **kwargs: object) -> None:
        kwargs.setdefault("compound", False)  # see the module's notes
        super().__init__(index, limitmb=limitmb, **kwargs)
        self.pool = CompactPool(self._tempstorage.folder, limitmb)
        self.fused = {
            name: language for name, language in FUSED_FIELDS.items()
            if name in self.schema and _agrees(self.schema[name], language)
        }
        # spelling words and term vectors are left to Whoosh's own add_document
        self.whoosh_only = any(
            field.separate_spelling() or field.vector for _, field in self.schema.items()
        )

    def add_document(self, **fields: object) -> None:
        """`SegmentWriter.add_document` (whoosh 2.7.5), with the fused fields analyzed once."""
        if self.whoosh_only:
            super().add_document(**fields)
            return
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        docboost = self._doc_boost(fields)
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)
        words: dict[int, tuple[list[str], list[str]]] = {}  # by id of the text: once per text
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    fieldboost = self._field_boost(fields, fieldname, docboost)
                    if fieldname in self.fused and isinstance(value, str):
                        found = words.get(id(value))
                        if found is None:
                            found = words[id(value)] = analysis.index_words(index_form(value))
                        items = _terms(field, self.fused[fieldname], *found)
                    else:
                        items = field.index(value)
                    length = self.pool.add_field(fieldname, docnum, items, fieldboost)
                    if not field.scorable:
                        length = 0
                stored = fields.get(f"_stored_{fieldname}", value)
                perdocwriter.add_field(fieldname, field, stored if field.stored else None, length)
                column = field.column_type
                if column and stored is not None:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(stored))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def commit_with(self, segments: list[object]) -> None:
        """Commit this writer's segment, its deletions and `segments` (finished by workers in
        the same index folder) in one table of contents."""
        self._check_state()
        final = self._merge_segments(merge_policy, False, True)
        if self._added:
            final.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc([*final, *segments])
        self._finish()

    def _flush_segment(self) -> None:
        """`SegmentWriter._flush_segment`, with each field's lengths read once and, for
        Whoosh's standard codec, each term's postings handed over a block at a time."""
        self.perdocwriter.close()
        reader = self.per_document_reader() if self.codec.length_stats else None
        lengths = None if reader is None else _Lengths(reader, self.docnum, self.schema)
        if lengths is not None and isinstance(self.pool, CompactPool) and _by_blocks(self.fieldwriter):
            write_terms(self.fieldwriter, self.schema, lengths, self.pool.iter_terms())
        else:
            self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
        self.fieldwriter.close()
        if reader is not None:
            reader.close()


def _terms(field: object, language: str | None, lowered: list[str], folded: list[str]) -> Terms:
    """What `field.index(text)` gives, from the words of the text (`analysis.index_words`)."""
    boost = field.format.field_boost  # type: ignore[attr-defined]
    if language is None:  # positions: the exact words, numbered from 0
        positions: dict[str, list[int]] = {}
        for number, word in enumerate(folded):
            positions.setdefault(word, []).append(number)
        encode = field.format.encode  # type: ignore[attr-defined]
        return [
            (word.encode("utf-8"), len(found), len(found) * boost, encode(found))
            for word, found in positions.items()
        ]
    counts: dict[str, int] = {}
    for term in analysis.stemmed(lowered, folded, language):
        counts[term] = counts.get(term, 0) + 1
    return [(term.encode("utf-8"), n, n * boost, _packed(n)) for term, n in counts.items()]


@cache
def _packed(frequency: int) -> bytes:
    return pack_uint(frequency)


def merge_policy(writer: SegmentWriter, segments: list) -> list:
    """Whoosh's MERGE_SMALL, after dropping segments whose every document was deleted (Whoosh
    keeps them: after many small updates every search would still visit them)."""
    return MERGE_SMALL(writer, [segment for segment in segments if segment.doc_count() > 0])


def _agrees(field: object, language: str | None) -> bool:
    """Whether the fused analysis makes exactly the postings the field's analyzer makes."""
    if not getattr(field, "indexed", False) or getattr(field, "analyzer", None) is None:
        return False
    try:
        fused = _terms(field, language, *analysis.index_words(index_form(PROBE)))
        return sorted(fused) == sorted(field.index(PROBE))  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - anything unexpected: leave the field to Whoosh
        return False


def _by_blocks(fieldwriter: object) -> bool:
    """Whether the field writer is Whoosh 2.7's W3 writer, whose postings writer `write_terms`
    fills a block at a time."""
    return isinstance(fieldwriter, W3FieldWriter) and all(
        hasattr(W3PostingsWriter, name) for name in ("_write_block", "_new_block")
    )


def write_terms(fieldwriter: W3FieldWriter, schema: object, lengths: _Lengths, terms: object) -> None:
    """`FieldWriter.add_postings` (whoosh 2.7.5) for postings grouped by term, in order: the
    postings writer gets a block at a time with the statistics `add_posting` would have kept
    (the postings written are the same: `tests/index` compares them)."""
    lastfield = None
    field_lengths: list = []
    for (fieldname, text), (docnums, weights, values) in terms:  # type: ignore[attr-defined]
        if fieldname != lastfield:
            if lastfield is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])  # type: ignore[index]
            field_lengths = lengths.of_field(fieldname)
            lastfield = fieldname
        fieldwriter.start_term(text)
        postings = fieldwriter._postwriter
        limit = postings._blocklimit
        count = len(docnums)
        start = 0
        while count - start > limit:  # a full block, with more postings after it
            _fill(postings, docnums, weights, values, field_lengths, start, start + limit)
            postings._write_block()
            start += limit
        _fill(postings, docnums, weights, values, field_lengths, start, count)
        fieldwriter.finish_term()  # writes the last block (or inlines a short list)
    if lastfield is not None:
        fieldwriter.finish_field()


def _fill(
    postings: W3PostingsWriter, docnums: Sequence[int], weights: Sequence[float],
    values: Sequence[bytes], lengths: list, start: int, end: int,
) -> None:
    """Buffer postings `start:end` as `W3PostingsWriter.add_posting` would, one by one."""
    ids = docnums[start:end]
    chunk = weights[start:end]
    postings._ids = array("I", ids)
    postings._weights = array("f", chunk)
    postings._values = [value for value in values[start:end] if value]
    heaviest = max(chunk)
    postings._maxweight = max(0, heaviest)
    known = [length for length in (lengths[d] for d in ids) if length]
    postings._minlength = min(known) if known else None
    postings._maxlength = max(known) if known else 0


class _Lengths:
    """Field lengths of a segment's documents, each field's column read once when first asked
    (a field that is not scorable has no lengths: 0, as Whoosh reads it)."""

    def __init__(self, reader: object, doc_count: int, schema: object) -> None:
        self.reader = reader
        self.doc_count = doc_count
        self.schema = schema
        self.fields: dict[str, list[int]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        return self.of_field(fieldname, default)[docnum]  # type: ignore[no-any-return]

    def of_field(self, fieldname: str, default: int = 0) -> list:
        """Every document's length of a field, as `doc_field_length(d, field, default)`."""
        lengths = self.fields.get(fieldname)
        if lengths is None:
            if self.schema[fieldname].scorable:  # type: ignore[index]
                read: Callable[[int, str, int], int] = self.reader.doc_field_length  # type: ignore[attr-defined]
                lengths = [read(d, fieldname, default) for d in range(self.doc_count)]
            else:
                lengths = [default] * self.doc_count
            self.fields[fieldname] = lengths
        return lengths
