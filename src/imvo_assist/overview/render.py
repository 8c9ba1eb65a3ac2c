"""Coverage and timeline as plain text and Markdown, with numbered sources.

Quoted document text is written as stored (never escaped or re-typed); a source whose
confidence is not "verified" says so in its citation string, as the answers' citations do.
"""

from __future__ import annotations

from typing import Any

from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.overview.cited import Evidence
from imvo_assist.overview.covenants import Covenant
from imvo_assist.overview.coverage import Cell, Coverage
from imvo_assist.overview.timeline import Event

LABELS: dict[str, dict[str, Any]] = {
    "nl": {
        "title": "Risico's van de sector {sector} en de convenanten",
        "risks_from": "Risico's volgens: {title}",
        "examples": " ({note})",
        "own": "Convenanten van de sector",
        "related": "Convenanten van verwante sectoren",
        "none": "Geen convenant van deze sector in het register of het corpus.",
        "text": "getoetst aan de tekst: {what}",
        "themes": "getoetst aan de themalijst in het register",
        "no_basis": "niet getoetst",
        "named": "genoemd",
        "not_named": "niet genoemd in {what}",
        "unknown": "niet getoetst ({what})",
        "and": " en ",
        "theme_list": "de themalijst van {title} (register)",
        "neighbour": "verwant",
        "risk": "Risico",
        "for_sector": "Genoemd voor de sector",
        "sources": "Bronnen",
        "types": {
            "document": "document",
            "signed": "ondertekend",
            "ended": "einde",
            "mentioned": "genoemd in",
            "announced": "aangekondigd in",
        },
        "other": "elders gedateerd: {date} ({source})",
        "links": "verwijst naar: {events}",
        "also": "ook in: {places}",
        "empty": "Geen gedateerde gebeurtenissen gevonden.",
    },
    "en": {
        "title": "Risks of the {sector} sector and the covenants",
        "risks_from": "Risks according to: {title}",
        "examples": " ({note})",
        "own": "Covenants of the sector",
        "related": "Covenants of related sectors",
        "none": "No covenant of this sector in the register or the corpus.",
        "text": "checked against the text: {what}",
        "themes": "checked against the theme list in the register",
        "no_basis": "not checked",
        "named": "named",
        "not_named": "not named in {what}",
        "unknown": "not checked ({what})",
        "and": " and ",
        "theme_list": "the theme list of {title} (register)",
        "neighbour": "related",
        "risk": "Risk",
        "for_sector": "Named for the sector",
        "sources": "Sources",
        "types": {
            "document": "document",
            "signed": "signed",
            "ended": "ended",
            "mentioned": "mentioned in",
            "announced": "announced in",
        },
        "other": "dated elsewhere: {date} ({source})",
        "links": "refers to: {events}",
        "also": "also in: {places}",
        "empty": "No dated events found.",
    },
}


class Sources:
    """Evidence numbered in order of first use; the same source gets one number."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.items: list[Evidence] = []
        self._numbers: dict[tuple[str, str, str], int] = {}

    def number(self, evidence: Evidence) -> int:
        key = (evidence.cite, evidence.quote, evidence.passage_id)
        if key not in self._numbers:
            self.items.append(evidence)
            self._numbers[key] = len(self.items)
        return self._numbers[key]

    def marks(self, evidence: list[Evidence], footnote: bool = False) -> str:
        return " ".join(
            f"[^{self.number(e)}]" if footnote else f"[{self.number(e)}]" for e in evidence
        )

    def lines(self, footnote: bool = False) -> list[str]:
        found = []
        for n, evidence in enumerate(self.items, start=1):
            quote = f' "{_one_line(evidence.quote)}"' if evidence.quote else ""
            head = f"[^{n}]:" if footnote else f"[{n}]"
            note = f" ({evidence.note})" if evidence.note else ""
            found.append(f"{head} {evidence.cite}{note}{quote}")
        return found


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _checked_what(covenant: Covenant, language: str) -> str:
    labels = LABELS[language]
    if covenant.basis == "themes":
        return labels["theme_list"].format(title=covenant.title)
    return labels["and"].join(e.title or e.doc_id or e.cite for e in covenant.checked)


def cell_text(cell: Cell, covenant: Covenant, sources: Sources, footnote: bool = False) -> str:
    """One cell: its status in words, its citation marks, and the related risks or themes the
    covenant does name."""
    language = sources.language
    labels = LABELS[language]
    status = labels[cell.status].format(what=_checked_what(covenant, language))
    text = f"{status} {sources.marks(cell.citations, footnote)}"
    if cell.related:
        names = {risk.id: risk.name(language) for risk in load_vocabulary().risks}
        parts = []
        for risk, evidence in cell.related:
            label = (
                f"'{evidence.quote}'" if evidence.source == "register" else names.get(risk, risk)
            )
            parts.append(f"{label} {sources.marks([evidence], footnote)}")
        text += f"; {labels['neighbour']}: {'; '.join(parts)}"
    return text


def _header(coverage: Coverage, labels: dict[str, Any]) -> list[str]:
    lines = [labels["risks_from"].format(title=coverage.risks_from["title"])]
    if coverage.risks_from["examples"]:
        lines[0] += labels["examples"].format(note=coverage.risks_from["note"])
    return lines


def _covenant_lines(covenants: list[Covenant], labels: dict[str, Any]) -> list[str]:
    found = []
    for covenant in covenants:
        basis = {
            "text": labels["text"].format(
                what=labels["and"].join(e.title for e in covenant.checked)
            ),
            "themes": labels["themes"],
            "none": labels["no_basis"],
        }[covenant.basis]
        date = f" ({covenant.date})" if covenant.date else ""
        found.append(f"- {covenant.title}{date}: {basis}")
    return found


def coverage_text(coverage: Coverage) -> list[str]:
    """The coverage of one sector as lines for a terminal, sources at the end."""
    labels = LABELS[coverage.language]
    sources = Sources(coverage.language)
    lines = [labels["title"].format(sector=coverage.sector_name), *_header(coverage, labels), ""]
    everything = coverage.covenants + coverage.related_covenants
    for title, group in (
        (labels["own"], coverage.covenants),
        (labels["related"], coverage.related_covenants),
    ):
        if group:
            lines += [f"{title}:", *_covenant_lines(group, labels), ""]
    if not everything:
        lines += [labels["none"], ""]
    for row in coverage.rows:
        lines.append(f"{row.name} ({row.category_name}) {sources.marks([row.named_for_sector])}")
        for cell in row.cells + row.related_cells:
            covenant = next(c for c in everything if c.id == cell.covenant)
            lines.append(f"    {covenant.title}: {cell_text(cell, covenant, sources)}")
    return [*lines, "", f"{labels['sources']}:", *sources.lines()]


def coverage_markdown(coverage: Coverage) -> str:
    """The coverage of one sector as a Markdown table with footnote citations."""
    labels = LABELS[coverage.language]
    sources = Sources(coverage.language)
    everything = coverage.covenants + coverage.related_covenants
    lines = [
        f"## {labels['title'].format(sector=coverage.sector_name)}",
        "",
        *_header(coverage, labels),
        "",
    ]
    for title, group in (
        (labels["own"], coverage.covenants),
        (labels["related"], coverage.related_covenants),
    ):
        if group:
            lines += [f"{title}:", "", *_covenant_lines(group, labels), ""]
    if not everything:
        lines += [labels["none"], ""]
    head = [labels["risk"], labels["for_sector"], *(c.title for c in everything)]
    lines += ["| " + " | ".join(_cell_md(h) for h in head) + " |", "|" + "---|" * len(head)]
    for row in coverage.rows:
        cells = [
            f"{row.name} ({row.category_name})",
            sources.marks([row.named_for_sector], footnote=True),
        ]
        for cell in row.cells + row.related_cells:
            covenant = next(c for c in everything if c.id == cell.covenant)
            cells.append(cell_text(cell, covenant, sources, footnote=True))
        lines.append("| " + " | ".join(_cell_md(c) for c in cells) + " |")
    return "\n".join([*lines, "", *sources.lines(footnote=True), ""])


def _cell_md(text: str) -> str:
    """Text for a Markdown table cell: one line, a literal '|' escaped."""
    return _one_line(text).replace("|", "\\|")


def timeline_text(events: list[Event], language: str = "nl") -> list[str]:
    """The timeline as lines for a terminal: date, what happened, citation and confidence."""
    labels = LABELS[language]
    if not events:
        return [labels["empty"]]
    titles = {e.id: f"{e.what} ({e.span.iso()})" for e in events}
    lines: list[str] = []
    for event in events:
        written = f" ({event.written})" if event.written else ""
        kind = labels["types"][event.type]
        if event.type in ("mentioned", "announced"):
            lines.append(f"{event.span.iso()}{written}  {kind} {event.citation.cite}")
            lines.append(f'    "{_one_line(event.what)}"')
        else:
            lines.append(f"{event.span.iso()}{written}  {kind}: {event.what}")
            lines.append(f"    {event.citation.cite}")
        note = event.confidence_note
        shown = (
            note and note not in event.citation.cite
        )  # a register date's reason is in its marker
        confidence = f"{event.confidence}: {note}" if shown else event.confidence
        lines.append(f"    [{confidence}]")
        for other in event.other_dates:
            lines.append(
                f"    {labels['other'].format(date=other['date'], source=other['source_url'])}"
            )
        if event.links:
            linked = "; ".join(titles.get(link, link) for link in event.links)
            lines.append(f"    {labels['links'].format(events=linked)}")
        if event.also_in:
            lines.append(f"    {labels['also'].format(places=', '.join(event.also_in))}")
    return lines
