"""Questions the overviews answer better than passages: coverage and the timeline.

`route_question` recognises, by general patterns of Dutch and English questions, and returns
None for everything else (the answer engine then answers):

- coverage: a covenant, named ("het textielconvenant", "the banking agreement", "TruStone") or
  implied by its sector ("het convenant van de kledingsector"), with a verb of covering (dekt,
  behandelt, noemt, adresseert, covers, addresses, includes, mentions; or ontbreekt, missing),
  with or without a negation, asking about risks ("welke risico's ...", "what does ... not
  cover?") or about named risks ("... land grabbing?");
- timeline, when: "wanneer / when / in welk jaar" with a verb of signing, issuing or ending and a
  named document ("wanneer werd het textielconvenant getekend?", "when did ... end?"); not "hoe
  lang loopt ...?" (a covenant's term is in its own text);
- timeline, sequence: "what happened after / before / since X", "wat gebeurde er na / voor X",
  "wat volgde op X", "wat gebeurde er in 2016", where X is a named document or a date; and
  "tijdlijn", "chronologie", "timeline" of a sector, a document or everything.

The sector, risks and documents come from the vocabulary and the register (`overview.named`);
nothing here exists for one question. A question asking what a covenant says, expects or
requires ("wat zegt het convenant over ...", "wanneer moeten bedrijven rapporteren?") falls
through.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from typing import TYPE_CHECKING

from imvo_assist.catalogue.loader import load_documents, load_vocabulary
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.models import Answer
from imvo_assist.overview.named import kinds_named, named_documents, unnamed_words, words_of
from imvo_assist.text.fold import fold
from imvo_assist.text.language import QUESTION_WORD as WORD
from imvo_assist.text.language import language_of_question
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.questionforms import MODAL, OUTCOME_QUESTION

if TYPE_CHECKING:
    from imvo_assist.library.core import Library
    from imvo_assist.overview.timeline_answer import Direction, Moment

# The answer modules of the overviews (`coverage_answer`, `timeline_answer`, `dates`) are imported
# when a question is routed to them: most questions are not, and a cold `ask` saves loading them.


def _words(*alternatives: str) -> re.Pattern[str]:
    return lazy_compile(r"\b(?:" + "|".join(alternatives) + r")\b")


COVER = _words(
    r"dek(?:t|ken|te|ten)", r"(?:af)?gedekt", r"behandel(?:t|en|de|den|d)", r"noem(?:t|en|de|den)",
    "genoemd", r"adresse(?:ert|ren|erde)", "geadresseerd", r"bevat(?:ten)?", r"omvat(?:ten)?",
    r"pak(?:t|ken)", "aangepakt", r"covers?", "covered", r"address(?:es|ed)?", r"includ(?:es?|ed)",
    r"mention(?:s|ed)?", r"names?", "named", r"tackl(?:es?|ed)", r"deals? with", "dealt with",
)  # fmt: skip
MISSING = _words(
    r"ontbre(?:ekt|ken|ak)", "mist", "missen", "missing", r"lack(?:s|ing)?", "left out",
    r"omit(?:s|ted)?", "weggelaten",
)  # fmt: skip
NEGATION = lazy_compile(r"\b(?:niet|geen|not|no|never|nooit|nergens|nowhere)\b|n't\b")
RISK_WORDS = _words(
    r"\w*risico'?s?", r"\w*risks?", r"thema'?s", r"themes?", "onderwerpen", "issues", "topics",
)  # fmt: skip
# "Wat zegt / welke afspraken bevat het convenant over ...?" asks for its content.
CONTENT_QUESTION = lazy_compile(r"^(?:wat|what|welke|which|hoe|how)\b.*\b(?:over|about)\b")
# "What does X (not) cover?", "Wat dekt X niet?" (not "What documents mention X?").
WHAT_FIRST = lazy_compile(r"^(?:wat|what)\s+(?:does|do|did|is|are|\w+t)\b")
# A question about what happened asks "what" or "which" ("where do accidents happen?" does not).
ASKS_WHAT = lazy_compile(r"^(?:en |and )?(?:wat|what|welke|which)\b")
WHEN = _words(
    "wanneer", "op welke datum", "welke datum", "op welke dag", r"in welk jaar", "welk jaar", "when",
    "what date", "which date", "what day", "which day", "what year", "which year",
)  # fmt: skip
START = _words(
    "ondertekend", "getekend", r"(?:onder)?tekenden?", r"(?:af)?gesloten", r"sloo?t(?:en)?", "signed", "sign",
    "concluded", "agreed", r"versch(?:een|enen)", "gepubliceerd", r"publiceerde?n?", "uitgebracht",
    "uitgekomen", r"(?:ver)?stuurd", "gestuurd", "verzonden", "aangeboden", "gedateerd",
    "published", "released", "issued", "sent", "dated", "appeared", r"c[ao]me out",
    "in werking", "into force", "van start", r"begon(?:nen)?", "gestart", r"start(?:ed)?", "began",
    "sinds wanneer",
)  # fmt: skip
END = _words(
    r"(?:be|ge)eindigd", r"eindig(?:t|de|den)", "afgelopen", "afliep", r"(?:liep|loopt)\b.{0,60}\baf",
    r"stop(?:te|ten|ped)", "gestopt", "opgeheven", "verlopen", r"end(?:s|ed)?", r"expire[sd]?",
    "terminated", "finished", "closed", "ran out", "tot wanneer", "until when",
)  # fmt: skip
# The words of the patterns above whose parts stand apart ("liep ... af", "vond ... plaats"),
# removed one by one so the words between them (the document named) stay.
SPLIT_VERBS = _words("liep", "loopt", "af", "vond", "plaats", "ging", "vooraf")
HAPPENED = _words(
    r"gebeurde(?:n)?", "gebeurd", r"plaatsvond(?:en)?", r"vond\b.{0,40}\bplaats", "happened",
    "occurred", "took place", "followed", r"volgde(?:n)?", "came", r"kwam(?:en)?", "preceded",
    "voorafging", r"ging\b.{0,40}\bvooraf",
)  # fmt: skip
AFTER = _words("na", "after", "since", "sinds", "sedert", "following", "followed", r"volgden?")
BEFORE = _words(
    "voor", "voordat", "before", "prior to", "preceded", "voorafging", r"ging\b.{0,40}\bvooraf",
    "vooraf",
)  # fmt: skip
DURING = _words("in", "during", "tijdens")
SEQUENCE = _words(
    "tijdlijn", "chronologie", "chronologisch", "timeline", "chronology", "chronological",
    r"volgorde van (?:de )?gebeurtenissen", r"(?:order|sequence) of events",
)  # fmt: skip


def route_question(library: Library, question: str) -> Answer | None:
    """A coverage or timeline answer when the question asks for one, else None."""
    started = time.perf_counter()
    folded = fold(question).replace("\u2019", "'").strip()
    language = language_of_question(question)
    answer = (
        _when(library, question, folded, language)
        or _sequence(library, question, folded, language)
        or _coverage(library, question, folded, language)
    )
    elapsed = (time.perf_counter() - started) * 1000
    return replace(answer, elapsed_ms=elapsed) if answer else None


def _without(folded: str, *patterns: re.Pattern[str]) -> str:
    for pattern in patterns:
        folded = pattern.sub(" ", folded)
    return folded


def _sector_entries(
    ids: list[str] | tuple[str, ...], language: str
) -> tuple[dict[str, object], ...]:
    vocabulary = load_vocabulary()
    return tuple({"id": s, "name": vocabulary.sector(s).name(language)} for s in dict.fromkeys(ids))


# -- timeline -------------------------------------------------------------------------------


def _when(library: Library, question: str, folded: str, language: str) -> Answer | None:
    """When-questions: "wanneer werd X getekend?", "when did X end?"."""
    if not WHEN.search(folded) or MODAL.search(folded):
        return None
    moments: set[Moment] = set()
    if START.search(folded):
        moments.add("start")
    if END.search(folded):
        moments.add("end")
    if not moments:
        return None
    rest = _without(folded, WHEN, START, SPLIT_VERBS, END)
    doc_ids = _named(library, rest, language)
    if not doc_ids:
        return None
    from imvo_assist.overview.timeline_answer import when_answer

    events = library.timeline(None, language)
    return when_answer(library, question, language, events, doc_ids, moments)


def _sequence(library: Library, question: str, folded: str, language: str) -> Answer | None:
    """Sequences: "what happened after X?", "wat gebeurde er voor X?", "tijdlijn van ..."."""
    # "what came out of the review after 3 years?" asks its outcome, not what came after it
    happened = bool(HAPPENED.search(folded) and ASKS_WHAT.search(folded)) and not OUTCOME_QUESTION.search(folded)
    listing = bool(SEQUENCE.search(folded))
    if not (happened or listing):
        return None
    direction: Direction = "all"
    if happened and AFTER.search(folded):
        direction = "after"
    elif happened and BEFORE.search(folded):
        direction = "before"
    elif happened and DURING.search(folded):
        direction = "during"
    elif not listing:
        return None
    rest = _without(folded, SPLIT_VERBS, HAPPENED, SEQUENCE, AFTER, BEFORE)
    doc_ids = _named(library, rest, language)
    if doc_ids:
        return _from_document(library, question, language, direction, doc_ids[0])
    from imvo_assist.overview.dates import find_dates
    from imvo_assist.overview.timeline_answer import Asked, sequence_answer, spoken

    sectors = default_tagger().tag(" ".join(words_of(rest))).sectors[:1]
    events = library.timeline(sectors[0] if sectors else None, language)
    entries = _sector_entries(sectors, language)
    of_sector = (
        {"nl": " (sector {name})", "en": " (the {name} sector)"}[language].format(
            name=entries[0]["name"]
        )
        if entries
        else ""
    )
    mentions = find_dates(question)
    if mentions and direction != "all":
        span = mentions[0].span
        asked = Asked(direction, span, None, spoken(span, language) + of_sector)
        return sequence_answer(library, question, language, events, asked, entries)
    if sectors or listing:
        asked = Asked("all", None, None, of_sector.strip(" ()"))
        return sequence_answer(library, question, language, events, asked, entries)
    return None


def _named(library: Library, text: str, language: str) -> list[str]:
    """The documents a phrase names, when all its content words name them (not "wanneer is
    de SER-commissie begonnen?": the SER's advice is not its committee)."""
    doc_ids = named_documents(text, library.documents, language)
    return [] if unnamed_words(text, doc_ids, library.documents) else doc_ids


def _from_document(
    library: Library, question: str, language: str, direction: Direction, doc_id: str
) -> Answer | None:
    from imvo_assist.overview.timeline_answer import Asked, own_event, sequence_answer, spoken

    events = library.timeline(None, language)
    own = own_event(events, doc_id)
    if own is None:
        return None
    if direction == "all":  # the document's own events and the passages that refer to them
        ids = {e.id for e in events if e.doc_id == doc_id}
        events = [e for e in events if e.id in ids or ids & set(e.links)]
        return sequence_answer(
            library, question, language, events, Asked("all", None, None, own.what)
        )
    if direction == "during":
        return None  # "what happened in the letter" asks about its content
    label = f"{own.what} ({spoken(own.span, language)})"
    return sequence_answer(
        library, question, language, events, Asked(direction, own.span, own, label)
    )


# -- coverage -------------------------------------------------------------------------------


def _coverage(library: Library, question: str, folded: str, language: str) -> Answer | None:
    """Coverage: "welke risico's dekt het textielconvenant niet?", "does the banking covenant
    address land grabbing?"."""
    if not (COVER.search(folded) or MISSING.search(folded)) or CONTENT_QUESTION.search(folded):
        return None
    tagger = default_tagger()
    words = words_of(_without(folded, COVER, MISSING, NEGATION))
    risks = tagger.tag(folded).risks
    kept = [w for w in words if not tagger.tag(w).risks]
    covenants = named_documents(" ".join(kept), library.documents, language, {"covenant"})
    named_kind = "covenant" in kinds_named(words)
    if not covenants or not (named_kind or _by_proper_name(question, kept, covenants, library)):
        return None
    asks_risks = bool(risks or RISK_WORDS.search(folded))
    # "what does X (not) cover?" names nothing besides X ("... name as its goal?" does)
    bare = not unnamed_words(" ".join(kept), covenants, library.documents)
    if not asks_risks and not (WHAT_FIRST.search(folded) and named_kind and bare):
        return None
    from imvo_assist.overview.coverage_answer import CoverageAsked, coverage_answer

    sectors = _coverage_sectors(covenants, tagger.tag(" ".join(kept)).sectors)
    coverages = [library.coverage(sector, language) for sector in sectors]
    asked = CoverageAsked(
        tuple(covenants), tuple(risks), bool(NEGATION.search(folded) or MISSING.search(folded)),
        () if risks else _categories(folded),
    )  # fmt: skip
    return coverage_answer(library, question, language, [c for cs in coverages for c in cs], asked)


def _by_proper_name(
    question: str, words: list[str], covenants: list[str], library: Library
) -> bool:
    """Whether a question without a word for a covenant names one by a proper name or acronym
    ("TruStone", "IMVB"), not by a common word of its title ("chain") nor by a word capitalised
    because it opens a sentence ("... in the electronics chain? Where exactly?")."""
    capitalised = {fold(w) for w in re.findall(r"(?<=[^.?!:;\s]\s)[A-Z][\w-]*", question)}
    naming = set(words) - set(unnamed_words(" ".join(words), covenants, library.documents))
    return bool(naming & capitalised)


def _coverage_sectors(covenants: list[str], named: tuple[str, ...]) -> list[str]:
    """The sectors whose risks to show: those the question names that list the covenant (as
    their own or a related one), else the covenants' own sectors."""
    registered = {d.id: d for d in load_documents()}
    vocabulary = load_vocabulary()
    own: list[str] = []
    listing: set[str] = set()
    for doc_id in covenants:
        document = registered.get(doc_id)
        if document is None:
            continue
        own += document.register.sectors
        listing |= set(document.register.sectors)
        listing |= {s.id for s in vocabulary.sectors if document.register.covenant in s.covenants}
    chosen = [s for s in named if s in listing]
    return list(dict.fromkeys(chosen or own or list(named)))


def _categories(folded: str) -> tuple[str, ...]:
    """Risk categories the question names ("welke arbeidsrisico's ...", "environmental risks")."""
    found = []
    for category in load_vocabulary().categories:
        names = [fold(category.name_nl), fold(category.name_en)]
        for word in WORD.findall(folded):
            if any(word == n or (len(n) >= 5 and word.startswith(n)) for n in names):
                found.append(category.id)
    return tuple(dict.fromkeys(found))
