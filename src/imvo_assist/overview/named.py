"""Which document a phrase names: "de SRA", "het textielconvenant", "the banking agreement",
"the letter of 19 November 2014", "het SER-advies".

General matching, no list of phrases: a phrase's words (a Dutch compound split before a word for
a kind of document: "textielconvenant" -> "textiel" + covenant) are compared with the words of
each candidate's titles and citation, with the acronyms their titles spell ("Sector Risico
Analyse" -> "sra"), with its date ("19", "november", "2014") and with the sectors it belongs to
(through the vocabulary). A word for a kind of document ("brief", "agreement") keeps only
documents of that kind. The best candidates name the most words; among equals, those whose title
names them (a title's own words), then earliest in the title (a document *is* what its title
begins with; a title naming it later is *about* it), then registered documents, then the
phrase's language. Ties are all returned ("the covenants of the financial sector").
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from imvo_assist.catalogue.loader import load_documents
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.models import Document
from imvo_assist.text.analysis import stopwords
from imvo_assist.text.documentwords import COVENANT_WORDS
from imvo_assist.text.fold import fold
from imvo_assist.text.lazyregex import lazy_compile

WORD = lazy_compile(r"[a-z0-9]+")
# Words every title or question of this corpus uses: they name no document.
GENERIC = frozenset(
    [
        "imvo", "mvo", "irbc", "rbc", "csr", "sector", "sectoren", "sectors", "risico", "risicos",
        "risico's", "risk", "risks", "dutch", "nederlandse", "nederland", "netherlands", "eerste",
        "first", "laatste", "last", "nieuwe", "new", "document", "documenten", "tekst", "text",
        "test", "testversie", "version", "internationaal", "international", "maatschappelijk",
        "verantwoord", "responsible", "business", "conduct", "ondernemen", "tweede", "kamer",
        "welke", "which", "what", "wat", "wie", "who", "does", "did", "do", "doet", "deed",
        "ondertekend", "signed", "aangeboden", "presented", "bij", "zie", "see",
    ]
)  # fmt: skip
# Words naming a document of a kind; a Dutch compound ending in one counts ("textielconvenant").
KIND_WORDS = {
    "letter": ("brief", "brieven", "letter", "letters"),
    "covenant": COVENANT_WORDS,
    "report": ("rapport", "rapporten", "report", "reports", "evaluatie", "evaluation", "verslag"),
    "advice": ("advies", "adviezen", "advice"),
    "note": ("nota", "notitie", "actieplan"),
}
KINDS = {word: kind for kind, words in KIND_WORDS.items() for word in words}
MIN_COMPOUND_STEM = 3
MIN_PREFIX = 4
MAX_ACRONYM = 5
NOWHERE = 10_000


@dataclass(frozen=True)
class Candidate:
    """A document a phrase may name, with the words it can be named by."""

    id: str
    kind: str
    language: str
    registered: bool
    title_words: tuple[str, ...]
    """The content words of its titles, in order (title first, then its other titles)."""
    words: frozenset[str]
    """Every word it can be named by: titles, citation, covenant key, date."""
    acronyms: dict[str, int]
    """Acronym -> the position in `title_words` where the words spelling it start."""
    sectors: tuple[str, ...] = ()
    date: str = ""


def words_of(text: str) -> list[str]:
    """The folded words of a text, a Dutch compound split before a word for a kind of document
    ("textielconvenant" -> "textiel", "convenant")."""
    found = []
    for word in WORD.findall(fold(text).replace("'", "")):
        head = next(
            (k for k in KINDS if word.endswith(k) and len(word) - len(k) >= MIN_COMPOUND_STEM), ""
        )
        found += [word[: -len(head)].removesuffix("s"), head] if head and word != head else [word]
    return found


def content(words: Iterable[str]) -> list[str]:
    """The words that can name a document (no stopwords, generic or kind words)."""
    return [w for w in words if w not in stopwords() and w not in GENERIC and w not in KINDS]


def kinds_named(words: Iterable[str]) -> set[str]:
    """The kinds of document the words name ("brief" -> letter, "agreement" -> covenant)."""
    return {KINDS[w] for w in words if w in KINDS}


def same_word(a: str, b: str) -> bool:
    """Whether two words are one word in another form or language: equal, or sharing a prefix
    of at least four letters that leaves at most two letters of the shorter ("banken" and
    "banking", "textiel" and "textile", "metaal" and "metaalsector")."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    common = len(os.path.commonprefix([a, b]))
    return shorter >= MIN_PREFIX and common >= MIN_PREFIX and common >= shorter - 2


def _is_date(word: str) -> bool:
    from imvo_assist.overview.dates import MONTHS  # dates load only when a name has a date

    return word.isdigit() or word in MONTHS


def _date_words(value: str) -> set[str]:
    from imvo_assist.overview.dates import MONTH_WORDS, parse_iso

    span = parse_iso(value)
    if span is None:
        return set()
    found = {str(span.start.year)}
    if span.precision in ("day", "month"):
        found |= set(MONTH_WORDS[span.start.month - 1][:2])
    if span.precision == "day":
        found.add(str(span.start.day))
    return found


def _acronyms(title_words: tuple[str, ...]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(len(title_words)):
        for size in range(2, MAX_ACRONYM + 1):
            window = title_words[start : start + size]
            if len(window) == size:
                found.setdefault("".join(w[0] for w in window), start)
    return found


def candidate(
    doc_id: str, kind: str, language: str, titles: Iterable[str], others: Iterable[str],
    date: str = "", sectors: tuple[str, ...] = (), registered: bool = False,
) -> Candidate:  # fmt: skip
    """A candidate from its titles (named by their words and acronyms) and other names."""
    title_words = tuple(
        w for title in titles if title for w in words_of(title) if w not in stopwords()
    )
    words = set(title_words) | {w for other in others if other for w in content(words_of(other))}
    return Candidate(
        doc_id, kind, language, registered, title_words, frozenset(words | _date_words(date)),
        _acronyms(title_words), sectors, date,
    )  # fmt: skip


@cache
def _registered() -> tuple[Candidate, ...]:
    return tuple(_from_register(doc) for doc in load_documents())


def _from_register(doc: Document) -> Candidate:
    facts = doc.register
    return candidate(
        doc.id, doc.kind, doc.language, (doc.title, facts.title_en),
        (doc.citation, facts.covenant.replace("-", " ")), doc.date, facts.all_sectors,
        registered=True,
    )  # fmt: skip


def candidates(documents: Mapping[str, Document], kinds: set[str] | None = None) -> list[Candidate]:
    """The registered documents and the indexed documents the register does not know (of some
    kinds only, when given)."""
    found = list(_registered())
    known = {c.id for c in found}
    tagger = default_tagger()
    for doc_id, document in sorted(documents.items()):
        if doc_id in known or not document.file or document.kind == "register":
            continue
        title = document.title or doc_id
        found.append(
            candidate(
                doc_id, document.kind, document.language, (title,), (document.citation,),
                document.date, tagger.tag(title).sectors,
            )
        )  # fmt: skip
    return [c for c in found if kinds is None or c.kind in kinds]


def _overlap(word: str, name: str) -> int:
    """How many letters a word shares with a name it names (0 when it does not name it)."""
    return len(os.path.commonprefix([word, name])) if same_word(word, name) else 0


def _score(words: list[str], sectors: set[str], doc: Candidate) -> tuple[int, ...]:
    """(words naming the document, the letters they share with its names (the more specific
    name wins: "steenkoolketen" names the coal covenant's "steenkool" before the energy
    covenant's "energy"), how many name it in a title, minus the first title position, and
    whether a word that is no sector's name and no date names it)."""
    matched = letters = in_title = 0
    position = NOWHERE
    by_name = False
    tagger = default_tagger()
    for word in words:
        places = [
            i for i, w in enumerate(doc.title_words) if w not in GENERIC and same_word(word, w)
        ]
        overlap = max((_overlap(word, w) for w in doc.words), default=0)
        if word in doc.acronyms:
            places.append(doc.acronyms[word])
            overlap = max(overlap, len(word))
        if places or overlap:
            matched += 1
            letters += max([overlap, *(_overlap(word, doc.title_words[i]) for i in places)])
            by_name = by_name or not (_is_date(word) or tagger.tag(word).sectors)
        if places:
            in_title += 1
            position = min(position, *places)
    if sectors & set(doc.sectors[:1]):  # its own sector: the gold covenant is no electronics covenant
        matched += 1
    return matched, letters, in_title, -position, by_name


def named_documents(
    text: str, documents: Mapping[str, Document], language: str = "nl",
    kinds: set[str] | None = None,
) -> list[str]:  # fmt: skip
    """The ids of the documents a phrase names, best first (ties all returned); empty when it
    names none. A phrase naming only a sector or a date ("de textielsector", "juni 2014")
    names a document only together with a word for its kind ("het convenant van de
    textielsector", "de brief van juni 2014")."""
    words = words_of(text)
    asked = kinds_named(words) or None
    if kinds is not None:
        asked = (asked & kinds if asked else kinds) or None
        if asked is None:
            return []
    names = list(dict.fromkeys(content(words)))
    sectors = set(default_tagger().tag(" ".join(words)).sectors)
    scored = []
    for doc in candidates(documents, asked):
        *key, by_name = _score(names, sectors, doc)
        if key[0] and (by_name or kinds_named(words)):
            scored.append(((*key, doc.registered), doc))
    if not scored:
        return []
    best = max(key for key, _ in scored)
    tied = [doc for key, doc in scored if key == best]
    if len({(doc.date, doc.kind) for doc in tied}) == 1:  # versions of one document
        tied = [doc for doc in tied if doc.language == language] or tied
    return [doc.id for doc in tied]


def unnamed_words(text: str, doc_ids: list[str], documents: Mapping[str, Document]) -> list[str]:
    """The content words of a phrase that name none of some documents (by their words,
    acronyms or sectors): what the phrase says besides naming them."""
    docs = [c for c in candidates(documents) if c.id in doc_ids]
    tagger = default_tagger()
    found = []
    for word in dict.fromkeys(content(words_of(text))):
        sectors = set(tagger.tag(word).sectors)
        if not any(
            word in doc.acronyms or sectors & set(doc.sectors)
            or any(same_word(word, w) for w in (*doc.title_words, *doc.words))
            for doc in docs
        ):  # fmt: skip
            found.append(word)
    return found
