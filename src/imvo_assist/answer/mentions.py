"""Organisations the documents name in their text although the source register does not list
them: "Wordt IDH genoemd in de brief?" is answered by the letter's sentence that names IDH, with
the plain statement that IDH is no source of the register, instead of "not found".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from whoosh.query import And, Or, Query, Term

from imvo_assist.answer.citations import CitationList
from imvo_assist.answer.entities import folded_forms
from imvo_assist.answer.evidence import sentences
from imvo_assist.answer.general import Composed
from imvo_assist.answer.understand import Understanding
from imvo_assist.index import Filters
from imvo_assist.text.fold import folded_words

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

# Passages looked at, and quoted, for an organisation's mentions.
CANDIDATES = 20
MAX_MENTIONS = 3


def compose_mentions(
    library: Corpus, understanding: Understanding, citations: CitationList, name: str,
) -> Composed | None:
    """The passages of the documents (of the kind the question names, if any; never the
    register) that name the organisation by one of its forms, each quoted by the sentence that
    names it; None when no document names it."""
    forms = _forms(understanding, name)
    queries: list[Query] = [And([Term("exact", word) for word in form.split()]) for form in forms]
    if not queries:
        return None
    kind = understanding.named_kind if understanding.named_kind != "register" else ""
    found = []
    for hit in library.run(Or(queries), Filters(kind=kind) if kind else None, CANDIDATES):
        if hit.kind == "register" or hit.source == "register":
            continue
        naming = [s for s in sentences(hit.passage.text) if any(_names(s, form) for form in forms)]
        if naming:
            found.append((hit, naming[0]))
    if not found:
        return None
    nl = understanding.language == "nl"
    lines = [
        (f"{name} staat niet in het bronnenboek als bron, maar de documenten noemen het:" if nl
         else f"{name} is no source in the source register, but the documents name it:"),
        "",
    ]
    for hit, sentence in found[:MAX_MENTIONS]:
        lines.append(f"- {sentence} [{citations.add(hit)}] ({hit.place()})")
    return Composed(lines)


def _forms(understanding: Understanding, name: str) -> list[str]:
    """The folded forms of the organisation asked about: its vocabulary names and
    abbreviations, else the name as asked."""
    named = [o for o in understanding.organisations if o.name(understanding.language) == name]
    return list(folded_forms(named[0])) if named else [f for f in [folded_words(name)] if f]


def _names(sentence: str, form: str) -> bool:
    return f" {form} " in f" {folded_words(sentence)} "
