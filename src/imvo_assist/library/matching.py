"""Matching what a person types to what the library holds.

A document named loosely (`show kamerbrief 2`): an id, its prefix, a file name or a close
spelling, accepted when it points at one indexed document. A twin (the letter as PDF and as
text, ids `x` and `x-txt`) does not make a name ambiguous: the document whose id the others
extend is the one meant, as search cites the PDF of such a pair.

A misspelt search word (`kinderabeid`): corrected only when the correction is certain, that is
exactly one indexed word lies within a small edit distance of it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import PurePath

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from imvo_assist.errors import QueryError

FUZZY_SCORE = 80
"""`fuzz.ratio` a typed name needs with a document id or file name to match it."""
SHOWN_IDS = 12
"""Ids listed in an error before "and N more"."""
LONG_WORD = 8
"""Words this long may differ in two edits from their correction; shorter ones in one."""


def resolve_document(
    name: str, indexed: Mapping[str, str], unavailable: Mapping[str, tuple[str, str]]
) -> str:
    """The id of the one indexed document a typed name means.

    Args:
        name: an id, its start, a file name (with or without folder) or a close spelling.
        indexed: doc id -> relative file path of every document with indexed passages ("" for
            documents only the bundled register facts are from).
        unavailable: doc id -> (why it cannot be shown, what to do) for documents that are
            registered or found in the corpus but not indexed.

    Raises:
        QueryError: a document that is not indexed, a name matching several documents, or
            none (listing the indexed documents only).
    """
    typed = name.strip()
    if typed in indexed:
        return typed
    if typed in unavailable:
        reason, hint = unavailable[typed]
        raise QueryError(f"{typed} is not indexed: {reason}.", hint)
    key = typed.lower()
    steps: list[Callable[[], list[str]]] = [
        lambda: [i for i in indexed if i.lower() == key],
        lambda: [i for i, path in indexed.items() if path and key in _file_names(path)],
        lambda: [i for i in indexed if i.lower().startswith(key)],
        lambda: _close(key, indexed),
    ]
    for step in steps:
        found = step()
        if found:
            return _one(typed, found)
    known = sorted(indexed)
    listed = ", ".join(known[:SHOWN_IDS]) + (f" and {len(known) - SHOWN_IDS} more" if len(known) > SHOWN_IDS else "")
    hint = f"Indexed documents: {listed or 'none'}."
    elsewhere = sorted(i for i in unavailable if i.lower().startswith(key) or fuzz.ratio(key, i.lower()) >= FUZZY_SCORE)
    if elsewhere:
        hint += f" Not indexed: {', '.join(elsewhere)} (`imvo-assist docs --missing`)."
    raise QueryError(f"Unknown document {typed!r}.", hint)


def _file_names(path: str) -> tuple[str, ...]:
    """The ways a file may be named: its relative path and its name, in lower case."""
    return (path.lower(), PurePath(path).name.lower())


def _close(key: str, indexed: Mapping[str, str]) -> list[str]:
    """Documents whose id or file name (without its extension) is a close spelling of `key`."""
    names: dict[str, set[str]] = {}
    for doc_id, path in indexed.items():
        names.setdefault(doc_id.lower(), set()).add(doc_id)
        if path:
            names.setdefault(PurePath(path).stem.lower(), set()).add(doc_id)
    found = process.extract(key, list(names), scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE, limit=None)
    return sorted({doc_id for choice, _, _ in found for doc_id in names[choice]})


def _one(typed: str, found: Iterable[str]) -> str:
    """The one document meant: the only one found, or the one whose id the others extend
    (a twin: `x` and `x-txt`)."""
    candidates = sorted(set(found), key=lambda i: (len(i), i))
    first = candidates[0]
    if all(other.startswith(first) for other in candidates[1:]):
        return first
    raise QueryError(
        f"{typed!r} matches {len(candidates)} indexed documents: {', '.join(sorted(candidates))}.",
        "Type more of the id (`imvo-assist docs` lists them).",
    )


def corrected_text(
    text: str, known: Callable[[str], bool], candidates: Callable[[int], list[str]], min_length: int
) -> str | None:
    """The text with each unknown word (of `min_length` letters or more) replaced by its one
    close indexed word, the rest of the text as typed; None when no word is unknown, or one has
    no close word or several.

    Args:
        text: the search text as typed.
        known: whether a (folded) word is in the index, as written or as a stem.
        candidates: see `certain_corrections`.
    """
    from imvo_assist.text import analysis
    from imvo_assist.text.normalise import index_form

    spans = [  # index_form keeps one character for one: offsets into it are offsets into text
        (token.text, token.startchar, token.endchar)
        for token in analysis.exact()(index_form(text), mode="query", chars=True)
    ]
    unknown = {w for w, _, _ in spans if len(w) >= min_length and w.isalpha() and not known(w)}
    corrections = certain_corrections(sorted(unknown), candidates) if unknown else None
    if corrections is None:
        return None
    for word, start, end in reversed(spans):
        if word in corrections:
            text = text[:start] + corrections[word] + text[end:]
    return text


def query_language(text: str) -> str:
    """"en" or "nl" for a search text: by its function words, else by the word list its words
    are more common in (Dutch when undecided)."""
    from imvo_assist.text.fold import fold
    from imvo_assist.text.language import detect_language
    from imvo_assist.text.wordlist import zipf

    language = detect_language(text, default="")
    if language:
        return language
    words = fold(text).split()
    english = sum(zipf(w, "en") > zipf(w, "nl") for w in words)
    dutch = sum(zipf(w, "nl") > zipf(w, "en") for w in words)
    return "en" if english > dutch else "nl"


def certain_corrections(
    words: Collection[str], candidates: Callable[[int], list[str]]
) -> dict[str, str] | None:
    """The one close indexed word of each unknown word, or None when a word has none or several.

    Args:
        words: the unknown words (folded, each at least a few letters long).
        candidates: the indexed words whose length allows a match with a word of a length
            (`text.suggest.SuggestionIndex.candidates`).
    """
    corrections = {}
    for word in words:
        distance = 2 if len(word) >= LONG_WORD else 1
        close = process.extract(
            word, candidates(len(word)), scorer=OSA.distance, score_cutoff=distance, limit=2
        )
        if len(close) != 1 or close[0][0] == word:
            return None
        corrections[word] = close[0][0]
    return corrections or None
