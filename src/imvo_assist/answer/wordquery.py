"""A whoosh query for a term's words in either language's stemmed text field."""

from __future__ import annotations

from whoosh.query import And, Or, Query, Term

from imvo_assist.text import analysis
from imvo_assist.text.bilingual import inflected_forms


def stem_query(term: str) -> Query | None:
    """All words of a term (stopwords aside), each Dutch- or English-stemmed, in one passage;
    None when no word makes a token."""
    words = [w for w in term.split() if w not in analysis.stopwords()]
    clauses: list[Query] = []
    for word in words:
        variants = " ".join({*inflected_forms(word), f"{word[:-1]}'s" if word.endswith("s") else word})
        forms = [Term("text_nl", t) for t in analysis.tokens(analysis.dutch(), variants)]
        forms += [Term("text_en", t) for t in analysis.tokens(analysis.english(), variants)]
        if forms:
            clauses.append(Or(forms))
    if not clauses:
        return None
    return And(clauses) if len(clauses) > 1 else clauses[0]
