"""A compact posting pool for Whoosh segment writers: postings grouped by term as they come.

Whoosh's `PostingPool` keeps one tuple per posting (about 200 bytes each: 250 MB for 1,500
pages) and sorts them all at commit, or writes them one by one to sorted runs on disk when it
is full. Here each term keeps arrays of document numbers and weights (12 bytes a posting,
plus the position bytes of positional fields; a frequency's bytes are shared); when the pool holds more than its limit, the
terms are written in order to a run file in one piece each, and the runs are merged term by
term at commit. The postings come out exactly as Whoosh's pool gives them: by field, term and
document number (a writer numbers documents in the order it adds them, so each term's list is
already in order).
"""

from __future__ import annotations

import heapq
import os
import pickle
from array import array
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import BinaryIO

Key = tuple[str, bytes]
Posting = tuple[str, bytes, int, float, bytes]
_Entry = tuple[array, array, list]
# Estimated bytes held: per term (key tuple, bytes, arrays, list, dict slot), per posting
# (document number, weight, list slot), per value (a bytes object: positions).
TERM_BYTES = 400
POSTING_BYTES = 24
VALUE_BYTES = 40


class CompactPool:
    """The posting pool of one Whoosh `SegmentWriter` (see the module's notes)."""

    def __init__(self, folder: str, limitmb: float) -> None:
        self.folder = folder
        self.limit = int(limitmb * 1024 * 1024)
        self.size = 0
        self.terms: dict[Key, _Entry] = {}
        self.runs: list[str] = []
        self.fieldnames: set[str] = set()
        self.shared: dict[bytes, bytes] = {}
        """Short values (a frequency: 4 bytes) kept once, not once per posting."""

    def add(self, item: Posting) -> None:
        """Add one posting: (field name, term bytes, document number, weight, value bytes)."""
        key = (item[0], item[1])
        entry = self.terms.get(key)
        if entry is None:
            entry = self.terms[key] = (array("i"), array("d"), [])
            self.fieldnames.add(item[0])
            self.size += TERM_BYTES + len(item[1])
        entry[0].append(item[2])
        entry[1].append(item[3])
        value = item[4]
        if len(value) <= 4:
            value = self.shared.setdefault(value, value)
            self.size += POSTING_BYTES
        else:
            self.size += POSTING_BYTES + VALUE_BYTES + len(value)
        entry[2].append(value)
        if self.size > self.limit:
            self.save()

    def add_field(
        self, fieldname: str, docnum: int, items: Iterable[tuple[bytes, int, float, bytes]],
        boost: float,
    ) -> int:
        """Add the postings of one field of one document: (term bytes, frequency, weight,
        value bytes) each, the weight times `boost`. Returns the sum of the frequencies."""
        terms = self.terms
        shared = self.shared
        length = 0
        size = 0
        for text, frequency, weight, value in items:
            length += frequency
            key = (fieldname, text)
            entry = terms.get(key)
            if entry is None:
                entry = terms[key] = (array("i"), array("d"), [])
                self.fieldnames.add(fieldname)
                size += TERM_BYTES + len(text)
            entry[0].append(docnum)
            entry[1].append(weight * boost)
            if len(value) <= 4:
                value = shared.get(value) or shared.setdefault(value, value)
                size += POSTING_BYTES
            else:
                size += POSTING_BYTES + VALUE_BYTES + len(value)
            entry[2].append(value)
        self.size += size
        if self.size > self.limit:
            self.save()
        return length

    def save(self) -> None:
        """Write the terms held to a new run file, in order, and empty the pool."""
        if not self.terms:
            return
        path = os.path.join(self.folder, f"pool-{os.getpid()}-{id(self)}-{len(self.runs)}.run")
        with open(path, "wb") as handle:
            for key in sorted(self.terms):
                pickle.dump((key, self.terms[key]), handle, pickle.HIGHEST_PROTOCOL)
        self.runs.append(path)
        self.terms = {}
        self.size = 0

    def iter_terms(self) -> Iterator[tuple[Key, _Entry]]:
        """Every term with its (document numbers, weights, values), by field and term."""
        if not self.runs:
            for key in sorted(self.terms):
                yield key, self.terms[key]
            return
        self.save()
        runs = [_read_run(path) for path in self.runs]
        merged = heapq.merge(*runs, key=lambda term: term[0])  # stable: runs stay in order
        for key, parts in groupby(merged, key=lambda term: term[0]):
            entries = [entry for _, entry in parts]
            if len(entries) == 1:
                yield key, entries[0]
                continue
            joined: _Entry = (array("i"), array("d"), [])
            for docnums, weights, values in entries:
                joined[0].extend(docnums)
                joined[1].extend(weights)
                joined[2].extend(values)
            yield key, joined

    def iter_postings(self) -> Iterator[Posting]:
        """Every posting, by field, term and document number."""
        for (fieldname, text), (docnums, weights, values) in self.iter_terms():
            for docnum, weight, value in zip(docnums, weights, values):
                yield fieldname, text, docnum, weight, value

    def cleanup(self) -> None:
        """Remove the run files (after commit or cancel)."""
        for path in self.runs:
            try:
                os.remove(path)
            except OSError:
                pass
        self.runs = []
        self.terms = {}


def _read_run(path: str) -> Iterator[tuple[Key, _Entry]]:
    handle: BinaryIO
    with open(path, "rb") as handle:
        while True:
            try:
                yield pickle.load(handle)
            except EOFError:
                return
