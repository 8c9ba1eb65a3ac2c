"""Retrieval-based answers: the best passages, their key sentences, numbered citations.

An answer is only given when the passages actually contain the question's content words;
otherwise `not_found` is set and nothing is padded in from loosely related passages.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING

from imvo_assist.extract.language import detect_language
from imvo_assist.index import analysis
from imvo_assist.models import Answer, Citation, Hit

if TYPE_CHECKING:
    from imvo_assist.library import Library

MAX_CITATIONS = 5
# Share of the question's content words a passage must contain to count as evidence.
MIN_COVERAGE = 0.5
QUESTION_WORDS = frozenset(
    "welke welk wat wie waar wanneer waarom hoe hoeveel hoelang volgens noemt noem gelden geldt "
    "which what who where when why how many much does do did is are was were according say says "
    "tell me please the a an of in on for to".split()
)
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(«])")


def answer_question(library: Library, question: str) -> Answer:
    """Answer a question with the passages that contain its content words.

    Args:
        library: the open corpus index.
        question: the user's question, Dutch or English.

    Returns:
        An `Answer` with numbered citations, or `not_found` when the corpus has no evidence.
    """
    started = time.perf_counter()
    language = detect_language(question, default="nl")
    content = _content_words(question)
    hits = library.search(question, limit=MAX_CITATIONS * 2).hits
    evidence = [hit for hit in hits if _coverage(hit, content) >= MIN_COVERAGE][:MAX_CITATIONS]
    citations = tuple(Citation(n, hit) for n, hit in enumerate(evidence, start=1))
    elapsed = (time.perf_counter() - started) * 1000
    if not citations:
        return Answer(
            question=question,
            language=language,
            intent="search",
            answer=_not_found_text(language),
            not_found=True,
            elapsed_ms=elapsed,
        )
    return Answer(
        question=question,
        language=language,
        intent="search",
        answer=_compose(citations, content, language),
        citations=citations,
        elapsed_ms=elapsed,
    )


def _content_words(question: str) -> list[set[str]]:
    """Per content word of the question, the set of forms that count as a match."""
    words = [w for w in analysis.tokens(analysis.exact(), question) if w not in QUESTION_WORDS]
    forms = []
    for word in words:
        variants = {word}
        variants.update(analysis.tokens(analysis.dutch(), word))
        variants.update(analysis.tokens(analysis.english(), word))
        if len(variants) == 1 and word in _stopwords():
            continue
        forms.append(variants)
    return forms


def _stopwords() -> frozenset[str]:
    from whoosh.lang import stopwords_for_language

    return frozenset(stopwords_for_language("nl")) | frozenset(stopwords_for_language("en"))


def _passage_forms(text: str) -> set[str]:
    forms = set(analysis.tokens(analysis.exact(), text))
    forms.update(analysis.tokens(analysis.dutch(), text))
    forms.update(analysis.tokens(analysis.english(), text))
    return forms


def _coverage(hit: Hit, content: list[set[str]]) -> float:
    if not content:
        return 1.0
    forms = _passage_forms(f"{hit.passage.section} {hit.passage.text}")
    return sum(bool(variants & forms) for variants in content) / len(content)


def _key_sentence(text: str, content: list[set[str]]) -> str:
    sentences = SENTENCE.split(text) or [text]
    best = max(sentences, key=lambda s: sum(bool(v & _passage_forms(s)) for v in content))
    return best if len(best) <= 400 else best[:400].rsplit(" ", 1)[0] + " …"


def _compose(citations: tuple[Citation, ...], content: list[set[str]], language: str) -> str:
    intro = "Gevonden in de documenten:" if language == "nl" else "Found in the documents:"
    lines = [intro, ""]
    for citation in citations:
        passage = citation.hit.passage
        lines.append(f"- {_key_sentence(passage.text, content)} [{citation.n}]")
    lines += ["", "Bronnen:" if language == "nl" else "Sources:"]
    page = "p." if language == "nl" else "p."
    for citation in citations:
        hit = citation.hit
        section = f", {hit.passage.section}" if hit.passage.section else ""
        lines.append(f"[{citation.n}] {hit.title}, {page} {hit.passage.page_label}{section}")
    return "\n".join(lines)


def _not_found_text(language: str) -> str:
    if language == "nl":
        return "Hierover is niets gevonden in de geïndexeerde documenten."
    return "Nothing about this was found in the indexed documents."
