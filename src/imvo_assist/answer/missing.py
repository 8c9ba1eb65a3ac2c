"""What the corpus lacks of a question: the not-found decision's finding, said by name."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Missing:
    """Key content of the question that the corpus does not hold."""

    what: str
    kind: str
    """sector, name, covenant, covenant_text (only the register knows it), year,
    publication_year, report_subject (a publication the register does not list on a subject no
    document names), unsaid_subject (a subject none of an organisation's entries or naming
    passages speaks of, asked what it says; unsaid_named: the same of an organisation only named
    in the documents), not_in_chapter, dated_document (a document of a year the corpus lacks),
    document_text (only the register knows it), figure, word, not_in_document; amount,
    date, person, count, place, frequency, duration or entity (`answer.facts`: the passages
    found do not state it)."""
    suggestions: tuple[str, ...] = ()
    detail: str = ""
    """The year asked for (publication_year), the subject asked for (report_subject, unsaid_subject, unsaid_named), the kind of document named (not_in_document),
    the register id to fetch a covenant's or document's text by (covenant_text, document_text),
    the chapter asked about (not_in_chapter), the kind of the dated document (dated_document)."""
