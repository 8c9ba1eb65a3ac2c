"""Parts of documents a question asks for: "in welk artikel ...", "which chapter", "artikel 5".

A question for a part cites each passage with the heading trail it stands under ("Convenant
..., "Artikel 6 Klachten- en geschillenmechanisme", p. 4"); a question naming a numbered part
("wat staat er in artikel 5 van het kledingconvenant?") leads with the passage under that
heading, not with a passage on a page of that number.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from whoosh.query import Phrase, Term

from imvo_assist.index import Filters
from imvo_assist.models import Hit
from imvo_assist.text.analysis import exact, tokens
from imvo_assist.text.fold import fold
from imvo_assist.text.framing import asking_sentences
from imvo_assist.text.lazyregex import lazy_compile

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus
    from imvo_assist.answer.understand import Understanding

# Words that name only a part of a document, and those that may name a whole text too ("a news
# article", "a section of society").
PART_ONLY = r"\w*hoofdstuk\w*|chapters?|paragra(af|fen|ph|phs)|bepalingen|bepaling|clauses?|kopjes?|headings?"
PART_OR_TEXT = r"artikel|artikelen|articles?|secties?|sections?"
# A question for a part: a word naming only a part ("het textielhoofdstuk", "the retail
# chapter"), the other kind when asked about ("welk artikel", "the article of") or numbered
# ("art 8", "artikel 5"); not "a news article".
PART_ASKED = lazy_compile(
    rf"\b({PART_ONLY})\b"
    rf"|\b(welke?|which|what|in|onder|under|het|dat|dit|this|that)\s+({PART_OR_TEXT})\b"
    rf"|\b(the|de)\s+({PART_OR_TEXT})\s+(of|van)\b"
    rf"|\b({PART_OR_TEXT}|art\.?)\s*\d+"
)
# "artikel 5", "art. 8", "hoofdstuk 4", "chapter 6", "paragraaf 2.1": the part and its number.
NUMBERED_PART = lazy_compile(
    r"\b(?P<word>artikel|article|art\.?|hoofdstuk|chapter|paragraaf|paragraph|sectie|section)\s*"
    r"(?P<number>\d+(?:\.\d+)?)\b"
)
ARTICLE_WORDS = frozenset({"artikel", "article", "art", "art."})
FOOTNOTE = {"nl": "voetnoot", "en": "footnote"}
# The passages read at most whose heading holds the number of a part asked for.
HEADINGS_READ = 500


def asks_part(understanding: Understanding) -> bool:
    """Whether the question asks which part of a document something stands in."""
    return bool(PART_ASKED.search(fold(asking_sentences(understanding.question))))


def place(hit: Hit, language: str) -> str:
    """Where a passage stands with its heading trail: "Title, "6 Financiële sector > 6.1
    Risico's in de keten > Mensenrechten", p. 14"; a footnote as such; a register fact (an
    overview page, no headings of its own) by its title."""
    if hit.source == "register":
        return hit.place()
    if hit.passage.kind == "footnote":
        return hit.place(FOOTNOTE.get(language, "footnote"))
    title = fold(hit.title)
    levels = [level.strip() for level in hit.passage.section.split(">")]
    trail = " > ".join(level for level in levels if level and fold(level) not in title)
    return hit.place(f"“{trail}”" if trail else "")


def missing_part(library: Corpus, understanding: Understanding) -> str:
    """The numbered part the question names ("artikel 12 van het textielconvenant", "chapter 15
    of the KPMG study") when no indexed document of the kind it names (of any kind, when it
    names none) has a part of that number, nor any of their passages cites it; else "". Looked
    up in the index: the passages whose heading holds the number, and the word and number as a
    phrase."""
    named = NUMBERED_PART.search(fold(understanding.question))
    if named is None:
        return ""
    heading = _heading(named)
    numbers = tokens(exact(), named.group("number"))
    within = Filters(kind=understanding.named_kind or None)
    for passage in library.matching(Term("heading", numbers[0]), within, HEADINGS_READ):
        if any(heading.match(level.strip()) for level in passage.section.split(">")):
            return ""
    cited = Phrase("exact", [*tokens(exact(), named.group("word")), *numbers])
    return "" if library.any_match(cited, within) else named.group(0)


def _heading(named: re.Match[str]) -> re.Pattern[str]:
    """The section heading of a numbered part: "Artikel 5 ..." for an article, "4 Bouw" or
    "2.1 ..." for a chapter or paragraph."""
    number = re.escape(named.group("number"))
    if named.group("word") in ARTICLE_WORDS:
        return re.compile(rf"^(artikel|article|art\.?)\s*{number}\b", re.IGNORECASE)
    return re.compile(rf"^{number}(\.|\s|$)", re.IGNORECASE)


def numbered_part(library: Corpus, understanding: Understanding, ranked: list[Hit]) -> list[Hit]:
    """The first passage under the numbered part the question names ("artikel 5 van het
    kledingconvenant": the passage under "Artikel 5 ..."), in the best ranked document of the
    kind the question names, else of the best ranked document holding such a part."""
    named = NUMBERED_PART.search(fold(understanding.question))
    if named is None:
        return []
    heading = _heading(named)
    kind = understanding.named_kind
    documents = [hit.passage.doc_id for hit in ranked if not kind or hit.kind == kind]
    for doc_id in dict.fromkeys(documents):
        for passage in library.passages_of(doc_id):
            if any(heading.match(level.strip()) for level in passage.section.split(">")):
                return [library.hit(passage)]
    return []
