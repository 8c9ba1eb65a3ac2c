"""Provenance answers: passage -> document -> the source-register entries behind it, and
"was our input included?" from the organisation's entries in the register."""

from __future__ import annotations

from typing import TYPE_CHECKING

from imvo_assist.answer.citations import CitationList, assess
from imvo_assist.answer.evidence import content_groups, key_sentences
from imvo_assist.answer.focus import entries_first, passages_first
from imvo_assist.answer.general import Composed, evidence_hits
from imvo_assist.answer.understand import Understanding
from imvo_assist.bronnenboek import Reference, inclusion_report
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


def compose_provenance(library: Corpus, understanding: Understanding, citations: CitationList) -> Composed:
    """Where a topic's passages come from: their documents and the register entries they cite."""
    topic = _topic_passages(library, understanding)
    if not topic:
        return Composed(not_found=True)
    language = understanding.language
    lines = ["**Waar komt dit vandaan?**" if language == "nl" else "**Where does this come from?**", ""]
    # a statement's provenance (no sector chapter) shows the statement it traced
    groups = content_groups(understanding) if not understanding.sectors else []
    for hit in topic:
        n = citations.add(hit)
        said = f': "{key_sentences(hit.passage.text, groups, count=1)}"' if groups else ""
        lines.append(f"- {describe_document(library, hit, language)}{said} [{n}]")
    composed = Composed(lines)
    add_reference_chain(library, [c for c in citations.citations if c.hit in topic], citations, composed, language)
    return composed


def _topic_passages(library: Corpus, understanding: Understanding) -> list[Hit]:
    """The sector's chapter in a report that cites a register, else the best passages."""
    tagger = default_tagger()
    reports = library.provenance.pairing
    chapter: list[Hit] = []
    for report in sorted(reports):
        for passage in library.passages_of(report):
            section_sectors = tagger.tag(passage.section).sectors
            if any(sector.id in section_sectors for sector in understanding.sectors):
                chapter.append(library.hit(passage))
        if chapter:
            break  # one report's chapter; copies of the report would only repeat it
    if chapter:  # the passages that say what the question names first ("... over zandstralen")
        return passages_first(chapter, understanding)[:MAX_TOPIC_PASSAGES * 2]
    return evidence_hits(library, understanding)[:MAX_TOPIC_PASSAGES]


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
    library: Corpus, cited: list[Citation], citations: CitationList, composed: Composed, language: str
) -> None:
    """Append the register entries that cited report passages point to."""
    provenance = library.provenance
    seen: set[tuple[str, int]] = set()
    entries: list[tuple[Reference, int]] = []
    for citation in cited:
        passage = citation.hit.passage
        for reference in provenance.references_of(passage.id, passage.doc_id):
            if reference.key not in seen and len(entries) < MAX_REFERENCES:
                seen.add(reference.key)
                entries.append((reference, citation.n))
    if not entries:
        if register_missing(provenance.references):
            note = missing_register_message(language=language) + (
                " Gegevens uit het meegeleverde register noemen zelf waar ze gezien zijn."
                if language == "nl" else " Facts from the bundled register name where they were seen."
            )
        else:
            note = (
                "Deze passages verwijzen niet naar het bronnenboek in het corpus; gegevens uit het "
                "meegeleverde register noemen zelf waar ze gezien zijn."
                if language == "nl" else
                "These passages cite no entry of the source register in the corpus; facts from "
                "the bundled register name where they were seen."
            )
        composed.lines += ["", note]
        return
    composed.lines += ["", "**Bronnen in het bronnenboek**" if language == "nl" else "**Sources in the source register**", ""]
    for reference, by in entries:
        entry_hit = entry_passage(library, reference)
        cited_entry = f" [{citations.add(entry_hit)}]" if entry_hit else ""
        composed.lines.append(f"- [{reference.nr}] {_reference_text(reference)}{cited_entry} (via [{by}])")
        composed.references.append(_reference_json(reference))


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
