"""Is a covenant the question names in the corpus, only in the bundled register, or nowhere?

A covenant named by its subject ("het steenkoolconvenant", "the gold agreement", "het
convenant over de bouwsector") is in the corpus when a covenant document of the corpus has
the subject in its id or title, or when a passage speaks of it: the subject within a few words
of a covenant word ("het op 17 november ondertekende convenant met de energiebedrijven over
verantwoordelijkheid in de steenkoolketen"). A passage that lists the construction sector and
elsewhere speaks of covenants in general says nothing about a construction covenant. When only
the bundled register knows the covenant, the register's entry is returned: its dates can be
told, what it contains cannot.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING, Literal

from whoosh.query import And, Or, Prefix

from imvo_assist.answer.understand import Understanding
from imvo_assist.answer.wordquery import stem_query
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.text import analysis
from imvo_assist.text.bilingual import inflected_forms, specificity
from imvo_assist.text.documentwords import COVENANT_WORDS
from imvo_assist.text.fold import fold
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.lexicon import load_lexicon

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus
    from imvo_assist.models import Document

# A word this long names its compounds' subject as their first part ("steenkool|keten",
# "pensioen|fondsen").
MIN_MODIFIER = 5
# A passage speaks of the covenant when the subject stands within this many words of a covenant
# word (the letter's sentence on the coal covenant: seven words apart).
NEAR = 12
NEAR_HITS = 20
IN_TEXT: Literal["text"] = "text"
# A word in the titles of covenants of this many sectors qualifies covenants in general, not one subject.
SHARED_TITLES = 2
COMPOUND_SUBJECT = lazy_compile(r"^(\w+?)(convenant|covenant|keten|chain|sector|agreement)$")
# "textielsector", "bouwsector": the covenant's subject is the compound's first part.
SECTOR_SUFFIX = lazy_compile(r"(?<=\w{3})-?(sector|sectoren|industrie|branche)$")


def covenant_source(
    library: Corpus, subject: str, understanding: Understanding,
) -> Literal["text"] | Document | None:
    """"text" when the corpus holds the covenant on the subject or a passage speaks of it; the
    register's covenant document when only the register knows it; None when neither does. Of
    a subject of several words, its most specific word is what must be there ("bicycle
    industry": bicycle, not the industry every covenant speaks of)."""
    terms = _subject_terms(subject, understanding, _title_qualifiers(library))
    if not terms:
        return IN_TEXT
    if _covenant_document(library, terms, indexed=True) is not None or _spoken_of(library, terms):
        return IN_TEXT
    registered = _covenant_document(library, terms, indexed=False)
    subjects = _subjects_of(registered) if registered is not None else []
    if subjects and _spoken_of(library, subjects, compounds=True):
        return IN_TEXT  # "steenkolenconvenant": the letter speaks of the "steenkoolketen"
    return registered or _sector_covenant(library, subject)


def _sector_covenant(library: Corpus, subject: str) -> Literal["text"] | None:
    """"text" when the subject names a sector by a word of it and a covenant of the corpus is
    that sector's ("het convenant over katoen": the textile covenant); else None. A covenant of
    the register is not named so: the gold agreement is no "electronics covenant"."""
    sectors = set(default_tagger().tag(subject).sectors)
    return IN_TEXT if sectors and any(
        d.kind == "covenant" and d.file and sectors & set(default_tagger().tag(d.title).sectors)
        for d in library.documents.values()) else None


def indexed_covenant(library: Corpus, subject: str, understanding: Understanding) -> Document | None:
    """The indexed covenant on a subject ("het textielconvenant"), None when the corpus holds
    no covenant document on it (only a mention, or the register's entry)."""
    terms = _subject_terms(subject, understanding, _title_qualifiers(library))
    return _covenant_document(library, terms, indexed=True) if terms else None


def covenant_titles(library: Corpus) -> tuple[str, ...]:
    """Titles of the covenants in the corpus."""
    return tuple(
        document.title for document in library.documents.values()
        if document.kind == "covenant" and document.file
    )


def _title_qualifiers(library: Corpus) -> frozenset[str]:
    """The stems of words that the titles of covenants of several sectors share ("duurzaam",
    "verantwoord", "responsible"): they praise a covenant, whatever its subject."""
    return _shared_stems(tuple(
        (document.id, f"{document.title} {document.register.title_en if document.register else ''}")
        for document in library.documents.values() if document.kind == "covenant"))


@cache
def _shared_stems(titles: tuple[tuple[str, str], ...]) -> frozenset[str]:
    """The stems in the titles (id, title) of covenants of at least SHARED_TITLES sectors."""
    by_sectors: dict[frozenset[str] | str, set[str]] = {}
    for id, title in titles:
        sectors = frozenset(default_tagger().tag(title).sectors)
        by_sectors.setdefault(sectors or id, set()).update(_stems(title))
    counts = Counter(stem for stems in by_sectors.values() for stem in stems)
    return frozenset(stem for stem, count in counts.items() if count >= SHARED_TITLES)


def _stems(text: str) -> list[str]:
    """A text's terms in the Dutch and the English analyzer."""
    return [*analysis.tokens(analysis.dutch(), text), *analysis.tokens(analysis.english(), text)]


def _subject_terms(subject: str, understanding: Understanding, qualifiers: frozenset[str]) -> list[str]:
    """The subject's most specific word with its translations and the phrase it stands in; a
    word that only praises the covenant is passed over ("duurzaam papier": papier)."""
    words = [SECTOR_SUFFIX.sub("", w) for w in subject.split()
             if w not in analysis.stopwords() and w not in COVENANT_WORDS]
    if not words:
        return []
    words = [w for w in words if not set(_stems(w)) & qualifiers] or words
    phrase = " ".join(words)  # "food products": the phrase the lexicon translates, not "products"
    said = load_lexicon().translations(phrase, understanding.language) if " " in phrase else []
    key = phrase if said else max(words, key=lambda word: specificity(word, understanding.language))
    terms = [key, *(said or load_lexicon().translations(key, understanding.language))]
    for concept in understanding.concepts:  # the phrase the key stands in, as translated
        if key in concept.source.split():
            terms += [concept.source, *(term for term, _ in concept.translations)]
    return [t for t in dict.fromkeys(terms) if t not in COVENANT_WORDS and t not in analysis.stopwords()]


def _covenant_document(library: Corpus, terms: list[str], *, indexed: bool) -> Document | None:
    """A covenant document (with a file in the corpus when `indexed`; else of the register
    only) whose id or title names a term, as a word or the first part of a compound
    ("steenkool" in "steenkoolconvenant-2014")."""
    single = [t for t in terms if " " not in t]
    phrases = [f" {t} " for t in terms if " " in t]
    for doc_id, document in library.documents.items():
        if document.kind != "covenant" or bool(document.file) != indexed:
            continue
        words = re.findall(r"\w+", fold(f"{doc_id.replace('-', ' ')} {document.title}"))
        if any(w.startswith(t) and (w == t or len(t) >= MIN_MODIFIER and _about(_subject_part(w), t))
               for w in words for t in single):
            return document
        if any(p in f" {' '.join(words)} " for p in phrases):
            return document
    return None


def _subjects_of(document: Document) -> list[str]:
    """The subjects a covenant's id and title give it: the first parts of their covenant and
    chain compounds ("steenkool" of "steenkoolconvenant-2014", "steenkolen" of
    "steenkolenketen")."""
    words = re.findall(r"\w+", fold(f"{document.id} {document.title}"))
    return list(dict.fromkeys(
        match.group(1) for word in words
        if (match := COMPOUND_SUBJECT.match(word)) and len(match.group(1)) >= MIN_MODIFIER))


def _spoken_of(library: Corpus, terms: list[str], *, compounds: bool = False) -> bool:
    """Whether a passage has a term (a word, an inflection, or with `compounds` a compound it
    opens: "steenkoolketen") within NEAR words of a covenant word (also inside one compound:
    "steenkoolconvenant"). Compounds are looked up for a register entry's own subjects only: a
    prefix query is scored by Whoosh itself, slowly when the subject is a common word."""
    subject_query = [q for q in (stem_query(t) for t in terms) if q is not None]
    if compounds:
        subject_query += [Prefix("exact", t) for t in terms if len(t) >= MIN_MODIFIER and t.isalpha()]
    covenant = Or([q for q in (stem_query(w) for w in COVENANT_WORDS) if q is not None])
    if not subject_query:
        return True
    forms = {form for t in terms if " " not in t for form in inflected_forms(fold(t))}
    modifiers = tuple(fold(t) for t in terms if " " not in t and len(t) >= MIN_MODIFIER)
    for hit in library.run(And([Or(subject_query), covenant]), None, NEAR_HITS):
        tokens = re.findall(r"\w+", fold(hit.passage.text))
        subject_at = [i for i, token in enumerate(tokens) if token in forms or any(
            token.startswith(modifier) and _about(_subject_part(token), modifier) for modifier in modifiers)]
        covenant_at = [i for i, token in enumerate(tokens)
                       if "convenant" in token or "covenant" in token or token.startswith("agreement")]
        if any(abs(s - c) <= NEAR for s in subject_at for c in covenant_at):
            return True
    return False


def _subject_part(word: str) -> str:
    """The subject of a covenant or chain compound ("steenkool" of "steenkoolconvenant"), or
    the word itself."""
    match = COMPOUND_SUBJECT.match(word)
    return match.group(1) if match else word


def _about(compound: str, modifier: str) -> bool:
    """Whether a compound the modifier opens is about it: one the lexicon translates holds a
    translation of the modifier ("pensioenfondsen": pension funds, of "pensioen"); "steenkool"
    (coal) is no kind of "steen" (stone). A compound the lexicon does not hold is."""
    lexicon = load_lexicon()
    said = lexicon.either_way(compound)
    own = {modifier, *lexicon.either_way(modifier)}
    return not said or any(word in own for term in said for word in term.split())
