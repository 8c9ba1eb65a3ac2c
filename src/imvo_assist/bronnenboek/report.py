"""Questions to a register: was an organisation included, where is it cited, what is odd.

`inclusion_report` answers the NGO question "was our input used?": the organisation as
matched, its references per sector with the passages (printed pages) that cite them, and the
references that are in the register but never cited in the text. Without a register in the
corpus that question cannot be answered: `organisation_report` then says so and how to add the
register (`missing_register_message`), instead of reporting the organisation as absent.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TypedDict

from rapidfuzz import fuzz, process

from imvo_assist.bronnenboek.organisations import closest_spelling, normalise_organisation
from imvo_assist.bronnenboek.records import CitingPassage, Reference, RefKey
from imvo_assist.catalogue.loader import load_documents, load_vocabulary
from imvo_assist.catalogue.vocabulary import Vocabulary
from imvo_assist.text.fold import fold

FIRST_YEAR = 1900
SUGGESTIONS = 5
WORD_MATCH = 80.0


class OrganisationJSON(TypedDict):
    """The organisation as matched, with every spelling the register uses for it."""

    id: str
    name: str
    spellings: list[str]


class CitingJSON(TypedDict):
    """A passage citing a reference, with its printed page."""

    doc_id: str
    page: str
    passage_id: str


class ReferenceJSON(TypedDict):
    """A reference of the organisation, with the passages citing it."""

    register_doc: str
    nr: int
    sector: str
    title: str
    year: int | None
    url: str
    cited_by: list[CitingJSON]


class InclusionReport(TypedDict):
    """The JSON shape of `inclusion_report`."""

    organisation: OrganisationJSON
    references: list[ReferenceJSON]
    by_sector: dict[str, int]
    uncited: list[int]
    not_found: bool
    suggestions: list[str]


def inclusion_report(
    org_query: str,
    references: Sequence[Reference],
    cited_by: Mapping[RefKey, Sequence[CitingPassage]],
    vocabulary: Vocabulary,
) -> InclusionReport:
    """Whether and where an organisation's publications are in the register and cited.

    Args:
        org_query: an organisation as a person types it ("SKC", "Clean Clothes Campaign").
        references: the references of one or more registers.
        cited_by: (register doc, nr) -> citing passages, from `link`.
        vocabulary: for recognising the organisation.

    Returns:
        The organisation as matched, its references (by register and nr) with the passages
        citing them, the number of references per sector and the nrs never cited. When the
        organisation has no entries, "not_found" is true and "suggestions" holds the
        closest organisation names in the register.
    """
    org_id, name, matched = normalise_organisation(org_query, vocabulary)
    own = [r for r in references if r.organisation == org_id]
    if not own:  # a name the vocabulary does not know: compare with the printed spellings
        spelling = closest_spelling(org_query, [r.spelling for r in references if not r.matched])
        ids = {r.organisation for r in references if spelling and r.spelling == spelling}
        own = [r for r in references if r.organisation in ids]
    if own:
        org_id = own[0].organisation
        name = name if matched else Counter(r.spelling for r in own).most_common(1)[0][0]
    own.sort(key=lambda r: (r.register_doc, r.nr))
    return {
        "organisation": {
            "id": org_id,
            "name": name,
            "spellings": list(dict.fromkeys(r.spelling for r in own)),
        },
        "references": [
            {
                "register_doc": r.register_doc,
                "nr": r.nr,
                "sector": r.sector,
                "title": r.title,
                "year": r.year,
                "url": r.url,
                "cited_by": [
                    {"doc_id": c.doc_id, "page": c.page, "passage_id": c.passage_id}
                    for c in cited_by.get(r.key, ())
                ],
            }
            for r in own
        ],
        "by_sector": dict(Counter(r.sector for r in own)),
        "uncited": [r.nr for r in own if not cited_by.get(r.key)],
        "not_found": not own,
        "suggestions": [] if own else _suggest(org_query, references),
    }


class MissingRegisterReport(InclusionReport):
    """`organisation_report` when the corpus holds no source register."""

    register_missing: bool
    message: str


def register_missing(references: Sequence[Reference]) -> bool:
    """True when the corpus holds no source register (no entries to check anything against)."""
    return not references


def missing_register_message(org_name: str = "", language: str = "en") -> str:
    """That the source register is not in the corpus, what that means for an organisation's
    question, and how to add the register (from the bundled catalogue's register documents)."""
    nl = language == "nl"
    registers = [d for d in load_documents() if d.kind == "register"]
    fetchable = [d.id for d in registers if d.url or d.file_url]
    if nl:
        text = "Het bronnenboek (de bronnenlijst bij de MVO Sector Risico Analyse) staat niet in het corpus"
        text += f", dus valt niet na te gaan of de input van {org_name} is meegenomen." if org_name else "."
        ways = " of ".join([*(f"`imvo-assist fetch {i}`" for i in fetchable), "`imvo-assist add BRONNENBOEK.pdf`"])
        text += f" Voeg het toe met {ways} (pdf of csv)"
        text += "." if fetchable else "; een downloadadres is niet bekend."
        return text
    text = "The source register (bronnenboek of the CSR Sector Risk Analysis) is not in the corpus"
    text += f", so it cannot be checked whether the input of {org_name} was used." if org_name else "."
    ways = " or ".join([*(f"`imvo-assist fetch {i}`" for i in fetchable), "`imvo-assist add BRONNENBOEK.pdf`"])
    text += f" Add it with {ways} (PDF or CSV)"
    text += "." if fetchable else "; no download address is known."
    return text


def organisation_report(
    org_query: str,
    references: Sequence[Reference],
    cited_by: Mapping[RefKey, Sequence[CitingPassage]],
    vocabulary: Vocabulary,
    language: str = "en",
) -> InclusionReport | MissingRegisterReport:
    """`inclusion_report`, or, with no register in the corpus, a report that says so: the
    organisation as recognised, `register_missing` true and a `message` on how to add it."""
    if not register_missing(references):
        return inclusion_report(org_query, references, cited_by, vocabulary)
    org_id, name, _ = normalise_organisation(org_query, vocabulary)
    return {
        "organisation": {"id": org_id, "name": name, "spellings": []},
        "references": [], "by_sector": {}, "uncited": [], "not_found": True, "suggestions": [],
        "register_missing": True, "message": missing_register_message(org_query, language),
    }


def filter_references(
    references: Iterable[Reference],
    query: str | None = None,
    sector: str | None = None,
    year: int | str | None = None,
    *,
    vocabulary: Vocabulary | None = None,
) -> list[Reference]:
    """The references that fit every given criterion, in their order.

    Args:
        references: the references to filter.
        query: an organisation (any spelling) or words of a title, sector or year; typos are
            tolerated for words of five letters or more.
        sector: a sector id or name; "elektronica" also finds "Metaal / elektronica".
        year: a publication year.
        vocabulary: for organisation and sector names; the bundled one when None.
    """
    vocabulary = vocabulary or load_vocabulary()
    wanted = {s.id for s in vocabulary.match_sectors(sector)} if sector else set()
    org_id = normalise_organisation(query, vocabulary)[0] if query else ""
    result = []
    for r in references:
        if year is not None and str(r.year) != str(year).strip():
            continue
        if sector and not (
            fold(sector) in (r.sector, fold(r.sector_label))
            or wanted & {s.id for s in vocabulary.match_sectors(r.sector_label)}
        ):
            continue
        if query and r.organisation != org_id and not _text_match(query, r):
            continue
        result.append(r)
    return result


def unmatched(references: Iterable[Reference]) -> list[tuple[str, int]]:
    """Spellings of organisations the vocabulary does not know, with their number of entries.

    Returns:
        (spelling, count) pairs, most frequent first, then alphabetically.
    """
    counts = Counter(r.spelling for r in references if not r.matched)
    return sorted(counts.items(), key=lambda item: (-item[1], fold(item[0])))


def check(references: Sequence[Reference]) -> list[str]:
    """Problems in registers: duplicate numbers, missing URLs, unknown organisations and
    years out of range, one line each naming the register and entry."""
    problems = []
    counts = Counter(r.key for r in references)
    for (doc, nr), count in sorted(counts.items()):
        if count > 1:
            problems.append(f"{doc}: nr {nr} occurs {count} times")
    this_year = datetime.date.today().year
    for r in references:
        where = f"{r.register_doc} [{r.nr}]"
        if not r.url:
            problems.append(f"{where}: no url")
        if not r.matched:
            problems.append(f"{where}: organisation '{r.spelling}' is not in the vocabulary")
        if r.year is not None and not FIRST_YEAR <= r.year <= this_year:
            problems.append(f"{where}: year {r.year} out of range")
    return problems


def titled_entries(name: str, references: Iterable[Reference]) -> list[Reference]:
    """The references whose title holds a name as whole words or hyphen parts: "Congo" is in
    "Goud uit Oost-Congo", "Oost-Congo" too; a name in no title (or only inside a longer
    word, "Congolese") has none. A place or commodity, not an organisation, named by a question."""
    wanted = _title_parts(name)
    if not wanted:
        return []
    return [r for r in references if wanted <= _title_parts(r.title)]


def _title_parts(text: str) -> set[str]:
    """The folded words of a text and the parts of its hyphenated words."""
    words = re.findall(r"[\w'-]+", fold(text))
    return {part for word in words for part in (word, *word.split("-")) if part.strip("'-")}


def _text_match(query: str, reference: Reference) -> bool:
    """Whether the query's words occur in the reference (fuzzily for longer words)."""
    words = set(
        fold(
            " ".join(
                (
                    reference.organisation_name,
                    reference.spelling,
                    reference.title,
                    reference.sector_label,
                    str(reference.year or ""),
                )
            )
        ).split()
    )
    for word in fold(query).split():
        if word in words:
            continue
        if len(word) < 5 or not process.extractOne(
            word, words, scorer=fuzz.ratio, score_cutoff=WORD_MATCH
        ):
            return False
    return True


def _suggest(query: str, references: Iterable[Reference]) -> list[str]:
    """The names of the register's organisations closest to a query (any spelling), best first."""
    names = {
        fold(name): r.organisation_name
        for r in references
        for name in (r.organisation_name, r.spelling)
    }
    found = process.extract(fold(query), list(names), scorer=fuzz.WRatio, limit=SUGGESTIONS * 3)
    return list(dict.fromkeys(names[key] for key, _, _ in found))[:SUGGESTIONS]
