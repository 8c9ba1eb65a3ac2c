"""Coverage questions answered from the covenants-against-risks overview, every line cited.

"Welke risico's uit de SRA dekt het textielconvenant niet?" lists, for each covenant asked
about, the sector's risks it does not name ("niet genoemd in ...", citing what it was checked
against, with the related risks or themes it does name) and those it names (with the sentence or
theme that names them); a question without "niet" lists the named risks first. A question about
one risk ("does the banking covenant address land grabbing?") answers for that risk only, named
or not named in the covenant, whether or not the sector's risk list has it. Never "not covered":
a covenant that does not name a risk may still deal with it in other words.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.models import Answer
from imvo_assist.overview.cited import AnswerCitations, Evidence
from imvo_assist.overview.covenants import Covenant
from imvo_assist.overview.coverage import Cell, Coverage, Row, covenant_cell
from imvo_assist.overview.render import LABELS

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

TEXT = {
    "nl": {
        "heading": "{covenant} en de risico's van de sector {sector}",
        "risk_heading": "{risk} in {covenant}",
        "not_named": "Niet genoemd in {what} {marks}:",
        "named": "Genoemd in {covenant}:",
        "also_named": "Wel genoemd in {covenant}:",
        "all_named": "{covenant} noemt alle {n} risico's.",
        "none_named": "{covenant} noemt geen van deze {n} risico's.",
        "unknown": "Niet getoetst ({what}) {marks}.",
        "for_sector": "{risk} wordt voor de sector {sector} genoemd in {title} {marks}.",
        "category": "alleen de categorie {names}",
    },
    "en": {
        "heading": "{covenant} and the risks of the {sector} sector",
        "risk_heading": "{risk} in {covenant}",
        "not_named": "Not named in {what} {marks}:",
        "named": "Named in {covenant}:",
        "also_named": "Named in {covenant}:",
        "all_named": "{covenant} names all {n} risks.",
        "none_named": "{covenant} names none of these {n} risks.",
        "unknown": "Not checked ({what}) {marks}.",
        "for_sector": "{risk} is named for the {sector} sector in {title} {marks}.",
        "category": "the {names} category only",
    },
}


@dataclass(frozen=True)
class CoverageAsked:
    """What a coverage question asks: which covenants, which risks (empty: the sector's), and
    whether it asks what they do not name."""

    covenants: tuple[str, ...]
    risks: tuple[str, ...] = ()
    negated: bool = False
    categories: tuple[str, ...] = ()


def found_covenants(
    coverages: list[Coverage], ids: tuple[str, ...]
) -> list[tuple[Coverage, Covenant]]:
    """Each asked covenant (a registered covenant, or an indexed text checked for one) with the
    coverage of a sector that lists it."""
    found = []
    for coverage in coverages:
        for covenant in coverage.covenants + coverage.related_covenants:
            if covenant.id in ids or any(e.doc_id in ids for e in covenant.checked):
                found.append((coverage, covenant))
    return found


def coverage_answer(
    corpus: Corpus, question: str, language: str, coverages: list[Coverage], asked: CoverageAsked
) -> Answer | None:
    """The answer for the asked covenants, or None when no sector's coverage lists them."""
    started = time.perf_counter()
    pairs = found_covenants(coverages, asked.covenants)
    if not pairs:
        return None
    cited = AnswerCitations(corpus, language)
    risks: list[dict[str, object]] = []
    if asked.risks:
        lines = _risk_lines(pairs, asked.risks, cited, language, risks)
    else:
        lines = []
        for coverage, covenant in pairs:
            lines += _sector_lines(coverage, covenant, asked, cited, risks)
    body = "\n".join(lines).strip().splitlines() + cited.sources_block()
    sectors: dict[str, dict[str, object]] = {
        c.sector: {"id": c.sector, "name": c.sector_name} for c, _ in pairs
    }
    return Answer(
        question=question, language=language, intent="coverage", answer="\n".join(body).strip(),
        citations=cited.citations, sectors=tuple(sectors.values()), risks=tuple(risks),
        elapsed_ms=(time.perf_counter() - started) * 1000,
    )  # fmt: skip


def checked_what(covenant: Covenant, language: str) -> str:
    """What a covenant was checked against, in words."""
    labels = LABELS[language]
    if covenant.basis == "themes":
        return str(labels["theme_list"]).format(title=covenant.title)
    return str(labels["and"]).join(e.title or e.doc_id or e.cite for e in covenant.checked)


def _sector_lines(
    coverage: Coverage, covenant: Covenant, asked: CoverageAsked, cited: AnswerCitations,
    risks: list[dict[str, object]],
) -> list[str]:  # fmt: skip
    language = coverage.language
    text, labels = TEXT[language], LABELS[language]
    heading = text["heading"].format(covenant=covenant.title, sector=coverage.sector_name)
    source = str(labels["risks_from"]).format(title=coverage.risks_from["title"])
    if coverage.risks_from["examples"]:
        source += str(labels["examples"]).format(note=coverage.risks_from["note"])
    rows = [r for r in coverage.rows if not asked.categories or r.category in asked.categories]
    if asked.categories:
        names = ", ".join(dict.fromkeys(r.category_name for r in rows)) or ", ".join(
            asked.categories
        )
        source += f" ({text['category'].format(names=names)})"
    lines = [f"**{heading}**", source, ""]
    cells = [(row, _cell_of(row, covenant)) for row in rows]
    what = checked_what(covenant, language)
    if covenant.basis == "none":
        marks = cited.marks(covenant.checked)
        lines.append(text["unknown"].format(what=what, marks=marks))
        lines += [
            f"- {r.name} ({r.category_name}) {cited.marks([r.named_for_sector])}" for r in rows
        ]
        risks += [_risk_entry(row.risk, covenant, cell, cited, row) for row, cell in cells]
        return [*lines, ""]
    named = [(r, c) for r, c in cells if c.status == "named"]
    missing = [(r, c) for r, c in cells if c.status != "named"]
    not_named_block = []
    if missing:
        head = text["not_named"].format(what=what, marks=cited.marks(covenant.checked))
        not_named_block = [head] + [_missing_line(r, c, cited, language) for r, c in missing]
    else:
        not_named_block = [text["all_named"].format(covenant=covenant.title, n=len(rows))]
    named_block = []
    if named:
        key = "also_named" if asked.negated else "named"
        named_block = [text[key].format(covenant=covenant.title)]
        named_block += [_named_line(r, c, cited) for r, c in named]
    elif not asked.negated:
        named_block = [text["none_named"].format(covenant=covenant.title, n=len(rows))]
    blocks = [not_named_block, named_block] if asked.negated else [named_block, not_named_block]
    for block in blocks:
        if block:
            lines += [*block, ""]
    risks += [_risk_entry(row.risk, covenant, cell, cited, row) for row, cell in cells]
    return lines


def _cell_of(row: Row, covenant: Covenant) -> Cell:
    return next(
        (c for c in row.cells + row.related_cells if c.covenant == covenant.id),
        covenant_cell(covenant, row.risk),
    )


def _named_line(row: Row, cell: Cell, cited: AnswerCitations) -> str:
    sector_marks = cited.marks([row.named_for_sector])
    return f"- {row.name} ({row.category_name}) {sector_marks}: {_quotes(cell, cited)}"


def _quotes(cell: Cell, cited: AnswerCitations) -> str:
    return "; ".join(f'"{_one_line(e.quote)}" {cited.marks([e])}' for e in cell.citations)


def _missing_line(row: Row, cell: Cell, cited: AnswerCitations, language: str) -> str:
    line = f"- {row.name} ({row.category_name}) {cited.marks([row.named_for_sector])}"
    related = _related(cell, cited, language)
    return f"{line}; {related}" if related else line


def _related(cell: Cell, cited: AnswerCitations, language: str) -> str:
    if not cell.related:
        return ""
    names = {risk.id: risk.name(language) for risk in load_vocabulary().risks}
    parts = []
    for risk, evidence in cell.related:
        label = f"'{evidence.quote}'" if evidence.source == "register" else names.get(risk, risk)
        parts.append(f"{label} {cited.marks([evidence])}")
    return f"{LABELS[language]['neighbour']}: {'; '.join(parts)}"


def _risk_lines(
    pairs: list[tuple[Coverage, Covenant]], risk_ids: tuple[str, ...], cited: AnswerCitations,
    language: str, risks: list[dict[str, object]],
) -> list[str]:  # fmt: skip
    """One risk (or a few) against each asked covenant: named, or not named in what it was
    checked against; and the sectors whose risk list names it."""
    vocabulary = load_vocabulary()
    text, labels = TEXT[language], LABELS[language]
    lines: list[str] = []
    covenants = list({c.id: c for _, c in pairs}.values())
    for risk_id in risk_ids:
        risk = vocabulary.risk(risk_id)
        titles = ", ".join(c.title for c in covenants)
        lines += [
            f"**{text['risk_heading'].format(risk=risk.name(language), covenant=titles)}**",
            "",
        ]
        for covenant in covenants:
            cell = covenant_cell(covenant, risk_id)
            what = checked_what(covenant, language)
            if cell.status == "named":
                lines.append(f"- {covenant.title}: {labels['named']}: {_quotes(cell, cited)}")
                continue
            status = str(labels[cell.status]).format(what=what)
            line = f"- {covenant.title}: {status} {cited.marks(cell.citations)}"
            related = _related(cell, cited, language)
            lines.append(f"{line}; {related}" if related else line)
        for covenant in covenants:
            risks.append(_risk_entry(risk_id, covenant, covenant_cell(covenant, risk_id), cited))
        for coverage in {id(c): c for c, _ in pairs}.values():
            row = next((r for r in coverage.rows if r.risk == risk_id), None)
            if row is not None:
                lines.append(
                    text["for_sector"].format(
                        risk=risk.name(language), sector=coverage.sector_name,
                        title=coverage.risks_from["title"], marks=cited.marks([row.named_for_sector]),
                    )
                )  # fmt: skip
        lines.append("")
    return lines


def _risk_entry(
    risk_id: str, covenant: Covenant, cell: Cell, cited: AnswerCitations, row: Row | None = None
) -> dict[str, object]:
    risk = load_vocabulary().risk(risk_id)
    evidence: list[Evidence] = ([row.named_for_sector] if row else []) + list(cell.citations)
    return {
        "id": risk_id, "name": risk.name(cited.numbered.language), "category": risk.category,
        "covenant": covenant.id, "status": cell.status,
        "citations": list(dict.fromkeys(cited.number(e) for e in evidence)),
    }  # fmt: skip


def _one_line(text: str) -> str:
    return " ".join(text.split())
