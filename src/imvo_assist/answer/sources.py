"""Provenance answers: passage -> document -> the source-register entries behind it, and
"was our input included?" from the organisation's entries in the register.

A topic's passages (its sector's chapter, else those on its words, else those a plain search
leads with) resolve their "[n]" markers to register entries; a register passage among them
brings the entry it holds on the topic and the report passages citing it. Entries are ranked by
their title, their sector and the sentence on the topic citing them ("... aanzienlijk [50].").
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import partial
from typing import TYPE_CHECKING

from imvo_assist.answer.citations import CitationList, assess
from imvo_assist.answer.evidence import (
    MIN_COVERAGE,
    Group,
    content_groups,
    folded,
    forms_of,
    key_sentences,
    match,
    sentences,
)
from imvo_assist.answer.focus import SECTOR_MATCH, entries_first, passages_on_topic
from imvo_assist.answer.general import FALLBACK_COVERAGE, Composed, leading, ranked_evidence
from imvo_assist.answer.intents import SOURCE_WORDS
from imvo_assist.answer.mentions import compose_mentions
from imvo_assist.answer.understand import Understanding
from imvo_assist.bronnenboek import Reference, RefKey, inclusion_report
from imvo_assist.bronnenboek.links import find_markers, find_uncertain_markers
from imvo_assist.bronnenboek.report import (
    missing_register_message,
    register_missing,
    titled_entries,
)
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.catalogue.tagging import default_tagger
from imvo_assist.models import Citation, Document, Hit

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

MAX_TOPIC_PASSAGES = 4
MAX_REFERENCES = 12
# Citing passages quoted per register entry (copies of a report would cite it many times).
MAX_CITING_PER_ENTRY = 3
# A sentence on the topic citing an entry counts as much as the entry's sector being named.
STATED_MATCH = SECTOR_MATCH


def compose_provenance(library: Corpus, understanding: Understanding, citations: CitationList) -> Composed:
    """Where a topic's passages come from: their documents and the register entries they cite
    or, for a register's passages, hold on the topic (with the report passages citing those)."""
    chapter = _chapter_passages(library, understanding)
    # the chapter's passages that say what the question names first ("... over zandstralen")
    topic = passages_on_topic(chapter, understanding)[:MAX_TOPIC_PASSAGES * 2] if chapter else (
        _statement_passages(library, understanding))
    if not topic:
        return Composed(not_found=True)
    groups = topic_groups(understanding)
    language = understanding.language
    composed = Composed(["**Waar komt dit vandaan?**" if language == "nl" else "**Where does this come from?**", ""])
    for hit in topic:
        # a statement's provenance (not a whole chapter's) shows the statement it traced; what a
        # register passage holds on the topic is listed with the register entries below
        said = key_sentences(hit.passage.text, groups, count=1) if not chapter and hit.kind != "register" else ""
        composed.lines.append(_topic_line(library, hit, said, citations.add(hit), language))
    held = _held_entries(library, topic, groups, understanding)
    for hit, entry in _citing_passages(library, [entry for entry, _ in held], topic):
        topic.append(hit)  # where the report cites an entry held on the topic, in its words
        said = _marked_sentences(hit.passage.text, entry.nr)
        composed.lines.append(_topic_line(library, hit, said, citations.add(hit), language))
    stated = _stated_references(library, topic, groups) | {entry.key for entry, _ in held}
    rank = partial(_entry_score, groups=groups, understanding=understanding, stated=stated)
    # an entry held on the topic is its own evidence: its passage in the register
    numbered = [(entry, citations.add(entry_passage(library, entry) or hit)) for entry, hit in held]
    cited = [c for c in citations.citations if c.hit in topic]
    add_reference_chain(library, cited, citations, composed, language, rank, numbered)
    return composed


def _topic_line(library: Corpus, hit: Hit, said: str, n: int, language: str) -> str:
    """A topic passage's bullet: its document and page, what it says, its citation number."""
    return f"- {describe_document(library, hit, language)}" + (f': "{said}"' if said else "") + f" [{n}]"


def _citing_passages(library: Corpus, entries: list[Reference], shown: list[Hit]) -> list[tuple[Hit, Reference]]:
    """The report passages citing register entries, each with the entry it cites; those
    `shown` already left out."""
    seen = {hit.passage.id for hit in shown}
    found: list[tuple[Hit, Reference]] = []
    for entry in entries:
        for citing in library.provenance.cited_by.get(entry.key, ())[:MAX_CITING_PER_ENTRY]:
            passage = library.passage(citing.passage_id)
            if passage is not None and passage.id not in seen:
                seen.add(passage.id)
                found.append((library.hit(passage), entry))
    return found


def _marked_sentences(text: str, nr: int) -> str:
    """The sentences of a passage that cite register entry `nr`."""
    return " ".join(sentence for sentence in sentences(text) if nr in _markers(sentence, (nr,)))


def topic_groups(understanding: Understanding) -> list[Group]:
    """The question's content groups without the words asking for the source ("welk onderzoek
    ligt onder de uitspraak over zandstralen": zandstralen), unless nothing else is left."""
    groups = content_groups(understanding)
    return [g for g in groups if not SOURCE_WORDS.fullmatch(g.label)] or groups


def _statement_passages(library: Corpus, understanding: Understanding) -> list[Hit]:
    """The passages covering the topic, else those a plain search leads with (a topic asked amid
    context: "we supply crews to ... "), traceable ones (a register's, or citing one) first."""
    candidates = ranked_evidence(library, understanding, None, topic_groups(understanding))
    covering = [r.hit for r in candidates if r.covered >= MIN_COVERAGE][:MAX_TOPIC_PASSAGES]
    if covering:
        return covering
    ranked = [r for r in candidates if r.covered >= FALLBACK_COVERAGE]
    cites = library.provenance.references_of
    traceable = [r for r in ranked if r.hit.kind == "register" or cites(r.hit.passage.id, r.hit.passage.doc_id)]
    chosen = leading(traceable or ranked) if ranked else []
    return sorted(chosen, key=lambda hit: hit.kind == "register")  # the statement, then its sources


def _chapter_passages(library: Corpus, understanding: Understanding) -> list[Hit]:
    """The passages of the named sectors' chapter in the first report citing a register; none
    when the question names another kind of document to look in ("in the source book")."""
    tagger = default_tagger()
    for report in sorted(library.provenance.pairing):
        kind = library.documents[report].kind if report in library.documents else ""
        if understanding.named_kind and understanding.named_kind != kind:
            continue
        chapter = [
            library.hit(passage) for passage in library.passages_of(report)
            if any(sector.id in tagger.tag(passage.section).sectors for sector in understanding.sectors)
        ]
        if chapter:
            return chapter  # one report's chapter; copies of the report would only repeat it
    return []


def _stated_references(library: Corpus, topic: list[Hit], groups: list[Group]) -> set[RefKey]:
    """The register entries cited by the sentence on the topic: of all the topic passages'
    sentences with markers, those covering most of the question (if any of it)."""
    marked: list[tuple[float, list[RefKey]]] = []
    for hit in topic:
        by_nr = {r.nr: r.key for r in library.provenance.references_of(hit.passage.id, hit.passage.doc_id)}
        marked += [
            (_sentence_score(sentence, groups), [by_nr[n] for n in numbers])
            for sentence in sentences(hit.passage.text) if (numbers := _markers(sentence, by_nr.keys()))
        ]
    best = max((score for score, _ in marked), default=0.0)
    return {key for score, keys in marked if best > 0 and score == best for key in keys}


def _held_entries(library: Corpus, topic: list[Hit], groups: list[Group],
                  understanding: Understanding) -> list[tuple[Reference, Hit]]:
    """The entries the register passages among the topic passages hold that match the question
    best (by the words of their title and their sector), each with its passage: the study on
    the topic itself, not its neighbours on the register's page."""
    held = [
        (entry, hit) for hit in topic if hit.kind == "register"
        for entry in library.provenance.references if folded(entry.title) in folded(hit.passage.text)
    ]
    scores = [_entry_score(entry, groups, understanding) for entry, _ in held]
    best = max(scores, default=0.0)
    return [pair for pair, score in zip(held, scores) if score == best] if best > 0 else []


def _entry_score(entry: Reference, groups: list[Group], understanding: Understanding,
                 stated: Collection[RefKey] = ()) -> float:
    """How well a register entry answers the question: the words of its title, its sector (the
    chapter it belongs to) when the question names that sector, and a sentence on the topic
    citing it (`stated`)."""
    sectors = default_tagger().tag(entry.sector).sectors
    named = any(sector.id in sectors for sector in understanding.sectors)
    return _sentence_score(entry.title, groups) + (SECTOR_MATCH if named else 0.0) + (
        STATED_MATCH if entry.key in stated else 0.0)


def _markers(sentence: str, known: Collection[int]) -> list[int]:
    """The register numbers a sentence cites, clear ("[50]") or glued to a word ("platforms50")."""
    return [n for n in find_markers(sentence) + find_uncertain_markers(sentence, known) if n in known]


def _sentence_score(sentence: str, groups: list[Group]) -> float:
    """The weight of the question's content groups a sentence (or a title) covers."""
    words, text = forms_of(sentence), folded(sentence)
    return sum(group.weight * match(group, words, text) for group in groups)


def describe_document(library: Corpus, hit: Hit, language: str) -> str:
    """"title (publisher, date), p. X — URL" of a cited passage's document, with what is not
    verified about it; an inferred URL is not given as its address."""
    document = library.documents.get(hit.passage.doc_id) or Document(hit.passage.doc_id)
    assessment = assess(hit, library.documents, language)
    details = ", ".join(v for v in (document.publisher, document.date) if v)
    text = f"{hit.title}" + (f" ({details})" if details else "")
    if hit.passage.page_label:
        text += f", p. {hit.passage.page_label}"
    if hit.passage.section:
        text += f", {hit.passage.section}"
    text = f"{text} — {assessment.url}" if assessment.url else text
    if assessment.doubts:  # the reasons stand once, in the source list
        text += " (niet geverifieerd, zie de bronnen)" if language == "nl" else " (not verified, see the sources)"
    return text


def add_reference_chain(
    library: Corpus, cited: list[Citation], citations: CitationList, composed: Composed, language: str,
    rank: Callable[[Reference], float] | None = None, held: Sequence[tuple[Reference, int]] = (),
) -> None:
    """Append the register entries that cited report passages point to, after those `held` on
    the topic by cited register passages (with their citation numbers); highest `rank` first
    when given."""
    entries = _cited_entries(library, cited, held)
    if rank is not None:
        entries.sort(key=lambda entry: -rank(entry[0]))
    entries = entries[:MAX_REFERENCES]
    if not entries:
        composed.lines += ["", _no_entries_note(library, language)]
        return
    composed.lines += ["", "**Bronnen in het bronnenboek**" if language == "nl" else "**Sources in the source register**", ""]
    for reference, by in entries:
        entry_hit = entry_passage(library, reference)
        number = citations.add(entry_hit) if entry_hit else None
        mark = f" [{number}]" if number else ""
        via = "" if number == by else f" (via [{by}])"  # an entry held by a cited register passage is that passage
        composed.lines.append(f"- [{reference.nr}] {_reference_text(reference)}{mark}{via}")
        composed.references.append(_reference_json(reference))


def _no_entries_note(library: Corpus, language: str) -> str:
    """Why no register entry is listed: no register in the corpus, or passages citing none."""
    if register_missing(library.provenance.references):
        return missing_register_message(language=language) + (
            " Gegevens uit het meegeleverde register noemen zelf waar ze gezien zijn."
            if language == "nl" else " Facts from the bundled register name where they were seen."
        )
    return (
        "Deze passages verwijzen niet naar het bronnenboek in het corpus; gegevens uit het "
        "meegeleverde register noemen zelf waar ze gezien zijn."
        if language == "nl" else
        "These passages cite no entry of the source register in the corpus; facts from "
        "the bundled register name where they were seen."
    )


def _cited_entries(library: Corpus, cited: list[Citation],
                   held: Sequence[tuple[Reference, int]]) -> list[tuple[Reference, int]]:
    """The `held` register entries and those the cited passages point to, each once, with the
    citation number of the first passage holding or citing it."""
    pointed = [
        (reference, citation.n) for citation in cited
        for reference in library.provenance.references_of(citation.hit.passage.id, citation.hit.passage.doc_id)
    ]
    entries: dict[RefKey, tuple[Reference, int]] = {}
    for reference, n in [*held, *pointed]:
        entries.setdefault(reference.key, (reference, n))
    return list(entries.values())


def entry_passage(library: Corpus, reference: Reference) -> Hit | None:
    """The register passage that holds an entry ("[12] ..."), on the printed page it starts."""
    if not reference.page:
        return None
    marker = f"[{reference.nr}]"
    for passage in library.passages_of(reference.register_doc, reference.page):
        if marker in passage.text:
            return library.hit(passage)
    return None


def _reference_text(reference: Reference) -> str:
    """"FNV (Federatie Nederlandse Vakbeweging) (2013). Title, bronnenboek p. 1": the name as
    printed in the register first, the recognised organisation after it."""
    year = f" ({reference.year})" if reference.year else ""
    page = f", bronnenboek p. {reference.page}" if reference.page else ""
    name = reference.spelling
    if reference.organisation_name and reference.organisation_name != reference.spelling:
        name += f" ({reference.organisation_name})"
    return f"{name}{year}. {reference.title}{page}"


def _reference_json(reference: Reference) -> dict[str, object]:
    return {
        "register_doc": reference.register_doc, "nr": reference.nr,
        "organisation": reference.organisation_name, "spelling": reference.spelling,
        "title": reference.title, "year": reference.year, "url": reference.url,
        "page": reference.page,
    }


def compose_inclusion(library: Corpus, understanding: Understanding, citations: CitationList) -> Composed:
    """Was an organisation's input used: its register entries and the passages citing them."""
    provenance = library.provenance
    query = understanding.org_query
    language = understanding.language
    if register_missing(provenance.references):  # nothing to check the organisation against
        return Composed([missing_register_message(_display_name(understanding), language)], not_found=True)
    report = inclusion_report(query, provenance.references, provenance.cited_by, load_vocabulary())
    titled = [] if understanding.organisations else titled_entries(query, provenance.references)
    if report["not_found"] and titled:
        return _compose_titled(library, query, titled, citations, language)
    mentioned = compose_mentions(library, understanding, citations, query) if report["not_found"] else None
    if mentioned is not None:
        return mentioned  # "Wordt IDH genoemd in de brief?": named in a text, no source
    if report["not_found"]:
        near = ", ".join(report["suggestions"])
        text = (
            f"{query} komt niet voor in het bronnenboek van de corpusdocumenten."
            if language == "nl" else f"{query} does not appear in the source register of the corpus."
        )
        if near:
            text += f" {'Dichtstbijzijnde namen' if language == 'nl' else 'Nearest names'}: {near}."
        return Composed([text], not_found=True, suggestions=list(report["suggestions"]))
    # the entries the question names first: its chapter ("in het hoofdstuk olie en gas"), a title
    report["references"] = entries_first(report["references"], understanding)
    org = report["organisation"]
    count = len(report["references"])
    spellings = ", ".join(f'"{s}"' for s in org["spellings"])
    if language == "nl":
        lines = [f"Ja: **{org['name']}** staat {count} keer in het bronnenboek (geschreven als {spellings}).", ""]
    else:
        lines = [f"Yes: **{org['name']}** appears {count} times in the source register (spelled {spellings}).", ""]
    by_key = {r.key: r for r in provenance.references}
    cited_later: list[Hit] = []
    for entry in report["references"]:
        reference = by_key[(entry["register_doc"], entry["nr"])]
        entry_hit = entry_passage(library, reference)
        mark = f" [{citations.add(entry_hit)}]" if entry_hit else ""
        pages = ", ".join(f"p. {c['page']}" for c in entry["cited_by"])
        used = (f"geciteerd in het rapport op {pages}" if language == "nl" else f"cited in the report on {pages}") if pages else (
            "nergens in de tekst geciteerd" if language == "nl" else "never cited in the text")
        lines.append(f"- [{reference.nr}] {_reference_text(reference)}{mark} — {used}")
        for citing in entry["cited_by"][:MAX_CITING_PER_ENTRY]:
            passage = library.passage(citing["passage_id"])
            if passage is not None:
                cited_later.append(library.hit(passage))
    for hit in cited_later:
        citations.add(hit)
    per_sector = load_vocabulary().sector_counts(report["by_sector"], language)
    lines += ["", ("Per sector: " if language == "nl" else "By sector: ") + per_sector]
    if report["uncited"]:
        uncited = ", ".join(f"[{n}]" for n in report["uncited"])
        lines.append(
            f"In het register maar nergens in de tekst geciteerd: {uncited}." if language == "nl"
            else f"In the register but never cited in the text: {uncited}."
        )
    references = []
    for entry in report["references"]:
        reference = by_key[(entry["register_doc"], entry["nr"])]
        references.append({**_reference_json(reference), "cited_by": entry["cited_by"]})
    return Composed(lines, references=references)


def _compose_titled(
    library: Corpus, name: str, titled: list[Reference], citations: CitationList, language: str
) -> Composed:
    """The register entries whose title names what the question asked about ("Congo" in "Goud
    uit Oost-Congo"), with the passages citing them: a subject, not an organisation."""
    count = len(titled)
    if language == "nl":
        sources = f"{count} bron" if count == 1 else f"{count} bronnen"
        lines = [f"**{name}** is geen organisatie in het bronnenboek, maar staat in de titel van {sources}:", ""]
    else:
        sources = f"{count} source" if count == 1 else f"{count} sources"
        lines = [f"**{name}** is no organisation in the source register, but is in the title of {sources}:", ""]
    cited_later: list[Hit] = []
    for reference in titled[:MAX_REFERENCES]:
        entry_hit = entry_passage(library, reference)
        mark = f" [{citations.add(entry_hit)}]" if entry_hit else ""
        citing = library.provenance.cited_by.get(reference.key, ())
        pages = ", ".join(f"p. {c.page}" for c in citing)
        used = (f"geciteerd in het rapport op {pages}" if language == "nl" else f"cited in the report on {pages}") if pages else (
            "nergens in de tekst geciteerd" if language == "nl" else "never cited in the text")
        lines.append(f"- [{reference.nr}] {_reference_text(reference)}{mark} — {used}")
        cited_later += [library.hit(p) for c in citing[:MAX_CITING_PER_ENTRY] if (p := library.passage(c.passage_id))]
    for hit in cited_later:
        citations.add(hit)
    return Composed(lines, references=[_reference_json(r) for r in titled[:MAX_REFERENCES]])


def _display_name(understanding: Understanding) -> str:
    """The organisation asked about, with its abbreviation: "Stichting Onderzoek ... (SOMO)"."""
    if not understanding.organisations:
        return understanding.org_query
    organisation = understanding.organisations[0]
    name = organisation.name(understanding.language)
    short = next((a for a in organisation.abbreviations if a not in name), "")
    return f"{name} ({short})" if short else name
