"""Is this file that registered document? Evidence a person would accept, with a score.

A document's identity (its register id, official citation and URL) is claimed only when the
file shows, on its first pages or in its metadata, the registered title AND the publisher, and
more besides: the recorded page count or sha256, distinctive phrases of the document (chapter
titles, its Kamerstuk dossier, ISBN or number) or its date. What the file says about itself
counts against it (`collection.selfdescription`): a title or running head that calls it a test,
draft or concept, a line saying it must not be cited, another version or year in its title,
metadata naming another author or date. Each piece of evidence carries its points; the score is
their sum, 0-100. Web pages (kind "web page") are never matched: there is no file to be them.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

from rapidfuzz import fuzz, utils

from imvo_assist.collection.filefacts import FileFacts
from imvo_assist.collection.selfdescription import MONTHS, Evidence, counter_evidence
from imvo_assist.models import Document
from imvo_assist.paths import BUNDLED_CORPUS

MATCH_SCORE = 70
"""Lowest score at which title + publisher + more evidence make a file the registered document."""
TITLE_MIN = 85.0
"""Lowest similarity (0-100) at which a heading or metadata title is the registered title."""
TITLE, PUBLISHER, PAGES, WRONG_PAGES, PHRASES, SHA256 = 35, 25, 15, -25, 20, 100
DATE_SEEN, DATE_CLOSE, DATE_OTHER, AUTHOR_OTHER, OTHER_LANGUAGE = 10, 5, -10, -10, -20
Verdict = Literal["match", "unsure", "none"]
_ACRONYM = re.compile(r"\b[A-Z][A-Z&]{1,6}\b")
_SPLIT = re.compile(r"\s*(?:[;,:()]|\s(?:en|and|met|with|o\.a\.|waaronder|including)\s)\s*")
_STOPWORDS = {
    "nl": frozenset({"de", "het", "een", "van", "en", "is", "dat", "niet", "voor", "op", "zijn", "met"}),
    "en": frozenset({"the", "a", "of", "and", "is", "that", "not", "for", "on", "are", "with", "to"}),
}
_GENERIC = frozenset({"NGO'S", "NGO’S", "NGOS", "NGO"})
_EXTRA_FIELDS = ("title_short", "title_nl", "pages", "pdf_pages", "sha256", "phrases", "isbn", "number")


@dataclass(frozen=True)
class Profile:
    """What the register says that a file of a document would show."""

    id: str
    title: str
    kind: str
    titles: tuple[str, ...]
    publishers: tuple[str, ...]
    """Names from the publisher field that a page could print (organisations, people)."""
    pages: int | None
    pages_sure: bool
    """The page count is verified (a different count then weighs more)."""
    sha256: frozenset[str]
    phrases: tuple[str, ...]
    date: str


@dataclass(frozen=True)
class Match:
    """How well a file fits one registered document."""

    id: str
    title: str
    kind: str
    score: int
    """The sum of the evidence's points, 0-100."""
    verdict: Verdict
    """"match" (identity claimed), "unsure" (a person should decide) or "none"."""
    evidence: tuple[Evidence, ...]
    title_seen: bool
    """The registered title is on the file's first page or in its metadata (the file can
    then fill the document's role under its own title, whatever its identity)."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def profile(doc: Document) -> Profile:
    """The evidence profile of a registered document."""
    extra = _extras(doc)
    named = (doc.title, doc.register.title_en, extra.get("title_short"), extra.get("title_nl"))
    titles = tuple(dict.fromkeys(t for t in named if t))
    pages_field = "pages" if extra.get("pages") else "pdf_pages"
    pages = extra.get(pages_field)
    sha = extra.get("sha256") or ()
    chapters = doc.register.chapters
    phrases = [c.title for c in chapters if len(c.title) >= 12 or len(c.title.split()) >= 3]
    if doc.register.kamerstuk:
        phrases.append(doc.register.kamerstuk.split(",")[0].strip())  # the dossier: "26 485"
    phrases += [str(extra[k]) for k in ("isbn", "number") if extra.get(k)]
    phrases += [str(p) for p in extra.get("phrases") or ()]
    return Profile(
        doc.id, doc.title, doc.kind, titles, publisher_names(doc.publisher),
        int(pages) if isinstance(pages, (int, str)) and str(pages).isdigit() else None,
        doc.register.field_trust(pages_field).level == "verified",
        frozenset([sha] if isinstance(sha, str) else sha), tuple(dict.fromkeys(phrases)), doc.date,
    )


def publisher_names(publisher: str) -> tuple[str, ...]:
    """The names in a publisher field: "SER (secretariaat); partijen: VGT, Modint en FNV" ->
    ("SER", "VGT", "Modint", "FNV"). Parts without a capital (roles, counts) are left out."""
    names: list[str] = []
    for part in _SPLIT.split(publisher):
        words = part.split()
        while words and not words[0][:1].isupper():
            words.pop(0)  # "partijen", "16 partijen waaronder", "o.a."
        name = " ".join(words).strip()
        if len(name) >= 3 and any(c.isupper() for c in name) and name.upper() not in _GENERIC:
            names.append(name)
        if len(words) > 1 and len(words[0]) >= 3 and _ACRONYM.fullmatch(words[0]):
            names.append(words[0])  # "KPMG Advisory N.V." is also printed as "KPMG"
    return tuple(dict.fromkeys(names))


def best_match(facts: FileFacts, documents: Sequence[Document],
               threshold: int = MATCH_SCORE) -> Match | None:
    """The registered document the file fits best (None when no title or publisher is seen)."""
    rank = {"match": 2, "unsure": 1, "none": 0}
    found = [assess(facts, doc, threshold) for doc in documents if doc.kind != "web page"]
    found = [m for m in found if m.title_seen]
    return max(found, key=lambda m: (rank[m.verdict], m.title_seen,
                                     sum(e.points for e in m.evidence)), default=None)


def assess(facts: FileFacts, doc: Document, threshold: int = MATCH_SCORE) -> Match:
    """The evidence that `facts` are of the file of `doc`, its score and verdict."""
    wanted = profile(doc)
    if facts.sha256 and facts.sha256 in wanted.sha256:
        item = Evidence("sha256", SHA256, "the file's sha256 is the one recorded in the register")
        return Match(doc.id, doc.title, doc.kind, 100, "match", (item,), True)
    title = _title_evidence(facts, wanted)
    items = [title] if title else []
    publisher = _publisher_evidence(facts, wanted)
    items += [publisher] if publisher else []
    items += _pages_evidence(facts, wanted)
    items += _phrase_evidence(facts, wanted)
    items += _date_evidence(facts, wanted)
    items += _author_evidence(facts, wanted)
    items += _language_evidence(facts, doc.language)
    against = counter_evidence(facts, wanted.titles, wanted.date)
    items += against
    score = max(0, min(100, sum(item.points for item in items)))
    verdict: Verdict = "none"
    if title and not any(item.veto for item in against):
        verdict = "match" if publisher and score >= threshold else "unsure"
    return Match(doc.id, doc.title, doc.kind, score, verdict, tuple(items), title is not None)


def download_problem(facts: FileFacts, doc: Document) -> str:
    """Why a downloaded file is not `doc` ("" when it is): unreadable, calling itself a test
    or draft, in another language, or naming neither its title nor its publisher."""
    if facts.sha256 and facts.sha256 in profile(doc).sha256:
        return ""
    if not facts.readable:
        return "the file cannot be read"
    found = assess(facts, doc)
    against = [e for e in found.evidence if e.veto or e.item == "language"]
    if against:
        return against[0].detail
    if not any(e.item in ("title", "publisher") for e in found.evidence):
        own = facts.title or facts.opening
        return (f"its first pages name neither the title '{doc.title}' nor the publisher"
                + (f" (it begins '{own[:80]}')" if own else ""))
    numbered = re.fullmatch(r"(\d[\d ]*\d|\d), nr\. (\d+)", doc.register.kamerstuk.strip())
    if numbered:  # a parliamentary paper: the number decides which of the dossier's papers it is
        dossier = r"\s?".join(numbered.group(1).replace(" ", ""))
        text = " ".join(facts.texts[:2])
        if not (re.search(rf"(?<!\d){dossier}(?!\d)", text)
                and re.search(rf"\bnr\.?\s*{numbered.group(2)}(?!\d)", text, re.IGNORECASE)):
            return f"its first pages do not carry its Kamerstuk number {doc.register.kamerstuk}"
    return ""


def similarity(text: str, title: str) -> float:
    """How well a heading `text` is the title `title` (0-100): its token-sort ratio, or for a
    heading at most three words longer, the share of title words in it (each >= 80 % alike)."""
    text, title = utils.default_process(text), utils.default_process(title)
    words, title_words = text.split(), title.split()
    if not words or not title_words:
        return 0.0
    best = fuzz.token_sort_ratio(text, title)
    if len(words) <= len(title_words) + 3:
        share = sum(any(fuzz.ratio(w, t) >= 80 for t in words) for w in title_words) / len(title_words)
        best = max(best, min(fuzz.token_set_ratio(text, title), 100 * share))
    return float(best)


def headings(facts: FileFacts) -> list[tuple[str, str]]:
    """(text, where) of every place a title may stand: the metadata title, and 1-3 consecutive
    lines among the first twelve of the first two pages read."""
    found = [(facts.title, "in the file's metadata title")] if facts.title else []
    for index in range(min(2, len(facts.texts))):
        lines = facts.lines(index)[:12]
        where = f"on page {facts.page_numbers[index]}"
        for size in (1, 2, 3):
            found += [(" ".join(lines[i:i + size]), where) for i in range(len(lines) - size + 1)]
    return found


def _title_evidence(facts: FileFacts, wanted: Profile) -> Evidence | None:
    best: tuple[float, str, str] = (0.0, "", "")
    for text, where in headings(facts):
        for form in wanted.titles:
            score = similarity(text, form)
            if score > best[0]:
                best = (score, form, where)
    score, form, where = best
    if score < TITLE_MIN:
        return None
    points = min(TITLE, 15 + 3 * len(utils.default_process(form).split()))  # longer: more telling
    return Evidence("title", points, f"title '{form}' {where} (similarity {score:.0f})")


def _publisher_evidence(facts: FileFacts, wanted: Profile) -> Evidence | None:
    for name in wanted.publishers:
        if _names(name, facts.author):
            return Evidence("publisher", PUBLISHER, f"publisher '{name}' in the file's metadata (author)")
        for page, text in zip(facts.page_numbers, facts.texts):
            if _names(name, text):
                return Evidence("publisher", PUBLISHER, f"publisher '{name}' on page {page}")
    return None


def _names(name: str, text: str) -> bool:
    """True when `text` names `name`: an acronym as a word, a longer name as words (or nearly)."""
    if not text:
        return False
    if _ACRONYM.fullmatch(name):
        return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w])", text) is not None
    wanted, haystack = utils.default_process(name), utils.default_process(text)
    if f" {wanted} " in f" {haystack} ":
        return True
    return len(wanted) >= 12 and fuzz.partial_ratio(wanted, haystack) >= 92


def _pages_evidence(facts: FileFacts, wanted: Profile) -> list[Evidence]:
    if wanted.pages is None or not facts.pages:
        return []
    if facts.pages == wanted.pages:
        return [Evidence("pages", PAGES, f"{facts.pages} pages, as the register records")]
    points = WRONG_PAGES if wanted.pages_sure else WRONG_PAGES // 2
    reported = "" if wanted.pages_sure else " (reported)"
    return [Evidence("pages", points, f"{facts.pages} pages; the register records {wanted.pages}"
                     f"{reported}: another edition or another document")]


def _phrase_evidence(facts: FileFacts, wanted: Profile) -> list[Evidence]:
    if not wanted.phrases:
        return []
    text = f" {utils.default_process(' '.join(facts.texts))} "
    seen = [p for p in wanted.phrases if f" {utils.default_process(p)} " in text]
    if not seen:
        return []
    points = round(PHRASES * len(seen) / len(wanted.phrases))
    shown = ", ".join(f"'{p}'" for p in seen[:4]) + (", ..." if len(seen) > 4 else "")
    return [Evidence("phrases", max(points, 5), f"{len(seen)} of {len(wanted.phrases)} "
                     f"distinctive phrases of the document: {shown}")]


def _date_evidence(facts: FileFacts, wanted: Profile) -> list[Evidence]:
    """For: the registered date (or its month) in the text, else in the metadata. Against:
    metadata dated before the document, or more than a year after it."""
    date = wanted.date
    if not re.match(r"\d{4}", date):
        return []
    text = " ".join(facts.texts).lower()
    found: list[Evidence] = []
    for forms, points, what in ((_spellings(date), DATE_SEEN, "date"),
                                (_spellings(date[:7]) if len(date) == 10 else [], DATE_CLOSE, "month")):
        seen = next((f for f in forms if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text)), "")
        if seen:
            found.append(Evidence("date", points, f"its {what} '{seen}' in the text"))
            break
    if not facts.created:
        return found
    if facts.created[: len(date)] == date or date[: len(facts.created)] == facts.created:
        points = DATE_SEEN if len(date) == 10 and facts.created[:10] == date else DATE_CLOSE
        return found or [Evidence("date", points, f"the file's metadata is dated {facts.created}, "
                                  "as the document")]
    year, made = int(date[:4]), int(facts.created[:4])
    if made < year or made > year + 1:
        found.append(Evidence("date", DATE_OTHER, f"the file's metadata is dated {facts.created}; "
                              f"the document is of {date}"))
    return found


def _spellings(date: str) -> list[str]:
    """"2014-11-19" -> ["19 november 2014", "november 19, 2014", "19-11-2014"]; "2014-09" ->
    ["september 2014"] (Dutch and English month names)."""
    parts = date.split("-")
    if len(parts) < 2 or not parts[1].isdigit() or not 1 <= int(parts[1]) <= 12:
        return []
    names = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return [f"{name} {parts[0]}" for name in names]
    day = str(int(parts[2]))
    return [*(f"{day} {n} {parts[0]}" for n in names), *(f"{n} {day}, {parts[0]}" for n in names),
            f"{parts[2]}-{parts[1]}-{parts[0]}", f"{day}-{int(parts[1])}-{parts[0]}"]


def _author_evidence(facts: FileFacts, wanted: Profile) -> list[Evidence]:
    if not facts.author or not wanted.publishers:
        return []
    author = utils.default_process(facts.author)
    if any(_names(name, facts.author) or utils.default_process(name) in author
           or author in utils.default_process(name) for name in wanted.publishers):
        return []
    return [Evidence("author", AUTHOR_OTHER, f"the file's metadata names another author: '{facts.author}'")]


def _language_evidence(facts: FileFacts, language: str) -> list[Evidence]:
    """Against: the file's text is in another language than the registered edition."""
    words = re.findall(r"[a-z]+", " ".join(facts.texts).lower())[:3000]
    counts = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    if sum(counts.values()) < 20:
        return []
    found = max(counts, key=lambda k: counts[k])
    if language in counts and found != language and counts[found] >= 3 * counts[language]:
        names = {"nl": "Dutch", "en": "English"}
        return [Evidence("language", OTHER_LANGUAGE, f"the file is in {names[found]}; the "
                         f"registered document is the {names[language]} edition")]
    return []


def _extras(doc: Document) -> dict[str, Any]:
    """Facts the record does not carry (short and Dutch titles, printed page count, sha256,
    phrases, ISBN, number), from the bundled register's entry of the same id and title."""
    raw = _bundled_entries().get(doc.id, {})
    if raw.get("title") != doc.title:
        raw = {}
    return {key: raw.get(key) for key in _EXTRA_FIELDS}


@functools.cache
def _bundled_entries() -> dict[str, dict[str, Any]]:
    try:
        with (BUNDLED_CORPUS / "documents.toml").open("rb") as data:
            entries = tomllib.load(data).get("document", [])
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    return {str(e.get("id")): e for e in entries if isinstance(e, dict)}
