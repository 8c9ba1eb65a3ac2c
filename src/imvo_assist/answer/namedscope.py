"""What a question asks of a document it names ("wat zegt de kamerbrief over palmolie?", "does the
note mention the food sector?", "is SOMO cited in the SER advice?") must stand in a document of
that kind: when none of the sectors, risks and organisations the asking part names (besides the
document's own name) is tagged or named in a passage of the named kind, the question is not
answered there, however often other documents name them. A sector named by a
word of it, not as a sector ("cocoa", "banks"), must stand there in that word or a translation:
the letter's list of the 13 sectors says nothing about cocoa. The report and the register are not
checked this way: they hold every sector's chapter and every source."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from whoosh.query import Or, Term

from imvo_assist.answer.documentnames import NAMED_DOCUMENTS
from imvo_assist.answer.understand import Understanding
from imvo_assist.answer.wordquery import stem_query
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.index import Filters
from imvo_assist.text.bilingual import Lang
from imvo_assist.text.fold import fold, folded_words
from imvo_assist.text.framing import asking_part
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.lexicon import load_lexicon

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

# Kinds of document whose own text is checked for what the question asks of them.
CHECKED_KINDS = frozenset({"letter", "advice", "note", "covenant"})
FIELDS = (("sectors", "sectors"), ("risks", "risks"), ("orgs", "orgs"))
# A sector named as such: by its name or with a sector noun ("de goudsector", "the food industry").
SECTOR_NOUN = lazy_compile(r"(sector|sectoren|industrie|industry|industries|branche)\b")
MAX_WORDS = 3


def entity_outside(library: Corpus, understanding: Understanding) -> tuple[str, tuple[str, ...]] | None:
    """The words of the first sector, risk or organisation the asking part names, as typed, with
    where they are instead, when none of them is in the document kind the question names; None
    when it names no such kind, or one of them is there."""
    kind = understanding.named_kind
    if kind not in CHECKED_KINDS or understanding.covenant[0]:  # "het steenkoolconvenant": its own check
        return None
    asking = asking_part(understanding.question)
    folded = fold(asking)
    naming = f" {folded_words(' '.join(m.group(0) for pattern, named in NAMED_DOCUMENTS if named == kind for m in pattern.finditer(folded)))} "
    absent = []
    for field, id, written in _named(asking):
        if f" {written} " in naming:
            continue  # the document's own name ("het SER-advies", "the garments agreement")
        by_word = field == "sectors" and not _as_sector(id, written)
        if by_word:
            queries = [_word_query(written, understanding.language)]  # "cocoa": the word itself
        else:  # tagged (looked up first: one term), or in one of its names ("nationaal contactpunt")
            if library.any_match(Term(field, id), Filters(kind=kind)):
                return None
            queries = [Term(field, id), *(_word_query(form, understanding.language) for form in _forms(field, id))]
        said = Or([q for q in queries if q is not None])
        if library.any_match(said, Filters(kind=kind)):
            return None  # what is asked of it is there, if only in part
        # where it stands instead: the passages tagged with it, else those with its words (may
        # be none: in no document); its names' words are common ("low", "minimum"): scoring
        # them all costs ten times the tag
        tagged = [] if by_word else library.run(Term(field, id), Filters(source="passage"), 3)
        elsewhere = tagged or library.run(said, Filters(source="passage"), 3)
        shown = max((c.source for c in understanding.concepts if f" {written} " in f" {c.source} "),
                    key=len, default=written)  # "emission trading", not only "emission"
        absent.append((_as_typed(shown, asking), tuple(dict.fromkeys(hit.place() for hit in elsewhere))))
    return absent[0] if absent else None


def _forms(field: str, id: str) -> tuple[str, ...]:
    """The names of a sector, a risk or an organisation."""
    vocabulary = load_vocabulary()
    if field == "sectors":
        sector = vocabulary.sector(id)
        return (sector.name_nl, sector.name_en)
    return (vocabulary.risk(id) if field == "risks" else vocabulary.organisation(id)).forms()


def _as_typed(span: str, text: str) -> str:
    """Folded words as the text types them ("financiele sector": "financiële sector"); folding
    keeps a text's length, so the place found in the folded text is the place in the text."""
    found = re.search(r"\b" + r"\W+".join(map(re.escape, span.split())) + r"\b", fold(text))
    return text[found.start():found.end()] if found and len(fold(text)) == len(text) else span


def _named(text: str) -> list[tuple[str, str, str]]:
    """(field, id, words as written) of each entity a text names, by the fewest words naming it."""
    words = folded_words(text).split()
    tagger = default_tagger()
    found: dict[tuple[str, str], str] = {}
    for size in range(1, MAX_WORDS + 1):
        for start in range(len(words) - size + 1):
            span = " ".join(words[start:start + size])
            tags = tagger.tag(span)
            for field, attribute in FIELDS:
                for id in getattr(tags, attribute):
                    found.setdefault((field, id), span)
    return [(field, id, span) for (field, id), span in found.items()]


def _as_sector(id: str, written: str) -> bool:
    """Whether words name a sector as such: its name, or a form with a sector noun."""
    sector = load_vocabulary().sector(id)
    return bool(SECTOR_NOUN.search(written)) or written in {fold(sector.name_nl), fold(sector.name_en)}


def _word_query(written: str, language: Lang) -> Or | None:
    """A query for words as written or translated ("cocoa": cacao)."""
    terms = [written, *load_lexicon().translations(written, language)]
    queries = [q for q in (stem_query(t) for t in terms) if q is not None]
    return Or(queries) if queries else None
