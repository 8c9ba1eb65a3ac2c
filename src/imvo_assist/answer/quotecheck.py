"""Quote check: where does a quoted sentence stand in the corpus, and is it quoted faithfully?

Words are compared on their matching form (folded, punctuation dropped), so curly vs straight
quotes, ligatures, accents, case and line-end hyphenation ("onderne- mingen") never count as
differences. Differences are reported with the words as written, quote -> source:
"delete" = words only in the quote, "insert" = source words the quote leaves out.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from difflib import SequenceMatcher
from functools import cache, lru_cache
from itertools import accumulate
from typing import Any

from rich.text import Text

from imvo_assist.answer.citations import assess, cite_string
from imvo_assist.answer.corpus import Corpus
from imvo_assist.answer.evidence import sentences
from imvo_assist.models import Hit, Passage
from imvo_assist.text.fold import fold
from imvo_assist.text.normalise import COORDINATORS, clean_line

FOUND_SCORE = 0.8
CANDIDATES = 20
TOKEN = re.compile(r"\S+")
NON_WORD = re.compile(r"[\W_]+")
EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")
LINE_END_HYPHEN = re.compile(r"\w[-\u2010\u2011\u00ad]$")
NOTES = {"replace": "quote -> source", "delete": "not in the source",
         "insert": "left out of the quote"}


@dataclass(frozen=True)
class _Word:
    text: str
    key: str
    start: int
    end: int


@dataclass(frozen=True)
class QuoteMatch:
    """The source span of a quote, with its citation and the word differences."""

    doc_id: str
    title: str
    page: str
    pdf_page: int
    passage_id: str
    citation: str
    url: str
    score: float
    source_text: str
    context_before: str
    context_after: str
    differences: tuple[dict[str, str], ...] = ()


@dataclass(frozen=True)
class QuoteCheck:
    """The result of `verify_quote`; `to_dict()` is the `verify --json` shape."""

    quote: str
    found: bool
    match: QuoteMatch | None
    closest: tuple[dict[str, Any], ...] = ()
    """Other candidates (the closest ones when not found): doc_id, title, page, score, snippet."""
    elapsed_ms: float = field(default=0.0, compare=False)

    def to_dict(self) -> dict[str, object]:
        match = self.match and {
            **asdict(self.match),
            "score": round(self.match.score, 3),
            "differences": list(self.match.differences),
        }
        return {
            "quote": self.quote, "found": self.found, "match": match or None,
            "closest": list(self.closest), "elapsed_ms": round(self.elapsed_ms, 1),
        }


@lru_cache(maxsize=1 << 16)
def _key(token: str) -> str:
    """The matching form of a word: folded, without punctuation ("Risico’s" -> "risicos")."""
    return NON_WORD.sub("", fold(clean_line(token)))


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[_Word, ...]:
    """The words of a text with their matching keys; a line-end hyphenated word is one word."""
    words: list[_Word] = []
    for token in TOKEN.finditer(text):
        key = _key(token.group())
        if not key:
            continue
        last = words[-1] if words else None
        if (last and LINE_END_HYPHEN.search(last.text) and token.group()[0].islower()
                and key not in COORDINATORS):
            joined = text[last.start : token.end()]
            words[-1] = _Word(joined, last.key + key, last.start, token.end())
        else:
            words.append(_Word(token.group(), key, token.start(), token.end()))
    return tuple(words)


def _joined(words: Sequence[_Word]) -> str:
    return "".join(w.key for w in words)


def _shown(words: Sequence[_Word]) -> str:
    """Words as written, without the punctuation around them."""
    return " ".join(EDGE_PUNCTUATION.sub("", " ".join(w.text.split())) for w in words)


@dataclass
class _Op:
    """One step from the quote's words [i1:i2] to the source words [j1:j2]."""

    tag: str
    i1: int
    i2: int
    j1: int
    j2: int


def _align(quote: Sequence[_Word], source: Sequence[_Word]) -> tuple[float, list[_Op]]:
    """Score and word steps (quote -> source) of the best window of `source` for `quote`."""
    size, keys = len(quote), {w.key for w in quote}
    counts = list(accumulate((w.key in keys for w in source), initial=0))
    starts = range(max(1, len(source) - size + 1))
    best = max(starts, key=lambda i: counts[min(i + size, len(source))] - counts[i])
    slack = max(3, size // 4)
    low, high = max(0, best - slack), min(len(source), best + size + slack)
    window = [w.key for w in source[low:high]]
    matcher = SequenceMatcher(None, [w.key for w in quote], window, autojunk=False)
    ops = [_Op(t, i1, i2, j1 + low, j2 + low) for t, i1, i2, j1, j2 in matcher.get_opcodes()]
    while ops and ops[0].tag == "insert":
        ops.pop(0)
    while ops and ops[-1].tag == "insert":
        ops.pop()
    if ops:
        _fit_edge(ops[0], quote, source, leading=True)
        _fit_edge(ops[-1], quote, source, leading=False)
    for op in ops:  # "MVO risico's" in the quote for "MVO-risico's" in the source
        if op.tag == "replace" and _joined(quote[op.i1 : op.i2]) == _joined(source[op.j1 : op.j2]):
            op.tag = "equal"
    return sum(op.i2 - op.i1 for op in ops if op.tag == "equal") / size, ops


def _fit_edge(op: _Op, quote: Sequence[_Word], source: Sequence[_Word], leading: bool) -> None:
    """Shrink the source side of a replace at the edge of the span to the words next to it."""
    if op.tag != "replace":
        return
    target = _joined(quote[op.i1 : op.i2])
    for take in range(1, op.j2 - op.j1 + 1):
        edge = source[op.j2 - take : op.j2] if leading else source[op.j1 : op.j1 + take]
        if _joined(edge) == target:
            op.tag = "equal"
            break
    else:
        take = min(op.i2 - op.i1, op.j2 - op.j1)
    if leading:
        op.j1 = op.j2 - take
    else:
        op.j2 = op.j1 + take


def _context(text: str, offset: int, step: int) -> str:
    """The text from the sentence before `offset` up to it (step -1), or from `offset` to the
    end of the sentence after it (step 1): a full neighbouring sentence plus the rest of its own."""
    bounds, position = [], 0
    for sentence in sentences(text):
        start = text.find(sentence, position)
        if start >= 0:
            position = start + len(sentence)
            bounds.append((start, position))
    if not bounds:
        return ""
    holding = max((i for i, (start, _) in enumerate(bounds) if start <= offset), default=0)
    if step < 0:
        return text[bounds[max(0, holding - 1)][0] : offset].strip()
    return text[offset : bounds[min(len(bounds) - 1, holding + 1)][1]].strip()


@dataclass(frozen=True)
class _Candidate:
    score: float
    rank: int
    run: list[Passage]
    words: list[_Word]
    parts: list[int]
    """Index into `run` of the passage each word stands in."""
    ops: list[_Op]


def verify_quote(library: Corpus, quote: str, limit: int = 3) -> QuoteCheck:
    """Find where a quote stands in the corpus and how it differs from the source.

    Candidates are the passages found by searching the quote, each with its neighbours in the
    document, so a quote may cross a passage (or page) boundary.

    Raises:
        QueryError: the quote is empty.
    """
    started = time.perf_counter()
    hits = [h for h in library.search(quote, limit=CANDIDATES).hits if h.source == "passage"]
    quoted = _words(quote)
    passages_of = cache(library.passages_of)
    found: dict[tuple[str, int], _Candidate] = {}
    for rank, hit in enumerate(hits if quoted else []):
        passages = passages_of(hit.passage.doc_id)
        at = next((i for i, p in enumerate(passages) if p.id == hit.passage.id), None)
        run = [hit.passage] if at is None else passages[max(0, at - 1) : at + 2]
        words = [w for p in run for w in _words(p.text)]
        parts = [part for part, p in enumerate(run) for _ in _words(p.text)]
        score, ops = _align(quoted, words)
        if ops and score > 0:
            first = min(op.j1 for op in ops if op.j2 > op.j1)
            key = (run[parts[first]].id, words[first].start)
            found.setdefault(key, _Candidate(score, rank, run, words, parts, ops))
    ranked = sorted(
        found.values(), key=lambda c: (-c.score, not _is_pdf(library, c.run[0]), c.rank)
    )
    best = ranked[0] if ranked and ranked[0].score >= FOUND_SCORE else None
    match = _match(library, quoted, best) if best else None
    closest: list[dict[str, Any]] = []
    seen = {match.source_text if match else ""}
    for candidate in ranked[1:] if best else ranked:
        if len(closest) >= limit:
            break
        described = _match(library, quoted, candidate)
        if described.source_text not in seen:
            seen.add(described.source_text)
            closest.append({
                "doc_id": described.doc_id, "title": described.title, "page": described.page,
                "score": round(described.score, 3), "snippet": described.source_text,
            })
    elapsed_ms = (time.perf_counter() - started) * 1000
    return QuoteCheck(quote, best is not None, match, tuple(closest), elapsed_ms)


def _is_pdf(library: Corpus, passage: Passage) -> bool:
    """Whether a passage comes from a PDF (preferred: it has the printed pages)."""
    document = library.documents.get(passage.doc_id)
    return document is not None and document.is_pdf


def _match(library: Corpus, quoted: Sequence[_Word], candidate: _Candidate) -> QuoteMatch:
    """A candidate's source span, citation, context and differences."""
    words, ops = candidate.words, candidate.ops
    span = [j for op in ops for j in range(op.j1, op.j2)]
    first, last = words[span[0]], words[span[-1]]
    head, tail = candidate.parts[span[0]], candidate.parts[span[-1]]
    start, end = candidate.run[head], candidate.run[tail]
    pieces = [p.text for p in candidate.run[head : tail + 1]]
    pieces[-1] = pieces[-1][: last.end]
    pieces[0] = pieces[0][first.start :]
    label = start.page_label
    if end.page_label != label:
        label = f"{label}–{end.page_label}"
    hit: Hit = library.hit(replace(start, page_label=label))
    differences = tuple(
        {"op": op.tag, "quote": _shown(quoted[op.i1 : op.i2]),
         "source": _shown(words[op.j1 : op.j2])}
        for op in ops if op.tag != "equal"
    )
    return QuoteMatch(
        doc_id=start.doc_id, title=hit.title, page=label, pdf_page=start.pdf_page,
        passage_id=start.id, citation=cite_string(hit, library.documents),
        url=assess(hit, library.documents).url,  # never an inferred URL as the address
        score=candidate.score, source_text=" ".join(" ".join(pieces).split()),
        context_before=_context(start.text, first.start, -1),
        context_after=_context(end.text, last.end, 1), differences=differences,
    )


def render_quote_check(check: QuoteCheck) -> Text:
    """The check for the terminal: verdict, citation, source in context and the differences."""
    match = check.match
    if match is None:
        text = Text.assemble(("Not found", "bold red"), " in the indexed documents.\n")
    else:
        text = Text.assemble(
            ("Found", "bold green"), f" ({match.score:.0%} of the words): ",
            (match.citation, "bold"), "\n", (f"{match.context_before} ".lstrip(), "dim"),
            (match.source_text, "bold"), (f" {match.context_after}".rstrip(), "dim"), "\n",
        )
        if not match.differences:
            text.append("The quote matches the source word for word.\n", style="green")
        for difference in match.differences:
            text.append_text(Text.assemble(
                "  ", (difference["quote"], "red strike"),
                " -> " if difference["op"] == "replace" else "", (difference["source"], "green"),
                (f"  ({NOTES[difference['op']]})\n", "dim"),
            ))
    others = [c for c in check.closest if not match or c["score"] >= FOUND_SCORE]
    if others:
        text.append("Also found in:\n" if match else "Closest passages:\n", style="bold")
        for other in others:
            text.append(f"  {other['title']} — p. {other['page']} ({other['score']:.0%}): ")
            text.append(f"{other['snippet']}\n", style="dim")
    return text
