"""Timeline questions answered from the policy timeline, every line cited.

"Wat gebeurde er na de SRA?" lists the events after the named document's own date (or after a
date), "what happened before ..." those before it, "wat gebeurde er in 2016" those in a period,
"tijdlijn van de textielsector" the events of a sector or of one document; "wanneer werd het
textielconvenant getekend?" gives the document's date (signed, ended or issued) with the other
dates reported for it and the passages that mention it. A passage's date that refers to an
event shown is given with that event ("genoemd in [n]") rather than as a line of its own.
"""

from __future__ import annotations

import calendar
import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from imvo_assist.models import Answer
from imvo_assist.overview.cited import AnswerCitations
from imvo_assist.overview.dates import MONTH_WORDS, Span
from imvo_assist.overview.render import LABELS
from imvo_assist.overview.timeline import Event

if TYPE_CHECKING:
    from imvo_assist.answer.corpus import Corpus

Direction = Literal["after", "before", "during", "all"]
Moment = Literal["start", "end"]
MAX_EVENTS = 10
MAX_MENTIONS = 3
# A passage saying a document was signed ("het op 17 november jl. ondertekende convenant").
SIGNING = re.compile(r"\b(?:onder)?tekend(?:e|en)?\b|\bgetekend\b|\bsigned\b", re.IGNORECASE)
TEXT: dict[str, dict[str, str]] = {
    "nl": {
        "after": "Na {what}",
        "before": "Vóór {what}",
        "during": "In {what}",
        "all": "Tijdlijn: {what}",
        "everything": "Tijdlijn",
        "anchor": "{title}: {type} {date} {marks}.",
        "more_after": "Nog {n} latere gebeurtenissen; `imvo-assist timeline` toont de hele tijdlijn.",
        "more_before": "Nog {n} eerdere gebeurtenissen; `imvo-assist timeline` toont de hele "
        "tijdlijn.",
        "more": "Nog {n} gebeurtenissen; `imvo-assist timeline` toont de hele tijdlijn.",
        "none": "De tijdlijn kent hier geen gebeurtenissen.",
        "mentioned": "genoemd in {marks}",
        "inferred": "datum afgeleid: {note}",
        "signed": "Ondertekend op {date} {marks}.",
        "dated": "Gedateerd {date} {marks}; het register noemt dat niet de datum van ondertekening.",
        "issued": "Gedateerd {date} {marks}.",
        "ended": "Einde: {date} {marks}.",
        "no_end": "Het register en de documenten noemen geen einddatum.",
        "other": "Elders gedateerd: {date} ({source}).",
        "mentions": "Genoemd in de documenten:",
    },
    "en": {
        "after": "After {what}",
        "before": "Before {what}",
        "during": "In {what}",
        "all": "Timeline: {what}",
        "everything": "Timeline",
        "anchor": "{title}: {type} {date} {marks}.",
        "more_after": "{n} later events; `imvo-assist timeline` shows the whole timeline.",
        "more_before": "{n} earlier events; `imvo-assist timeline` shows the whole timeline.",
        "more": "{n} more events; `imvo-assist timeline` shows the whole timeline.",
        "none": "The timeline has no events here.",
        "mentioned": "mentioned in {marks}",
        "inferred": "date inferred: {note}",
        "signed": "Signed on {date} {marks}.",
        "dated": "Dated {date} {marks}; the register does not give it as the date of signing.",
        "issued": "Dated {date} {marks}.",
        "ended": "Ended: {date} {marks}.",
        "no_end": "Neither the register nor the documents give an end date.",
        "other": "Dated elsewhere: {date} ({source}).",
        "mentions": "Mentioned in the documents:",
    },
}
TYPE_WORDS = {
    "nl": {"document": "gedateerd", "signed": "ondertekend", "ended": "beëindigd"},
    "en": {"document": "dated", "signed": "signed", "ended": "ended"},
}


@dataclass(frozen=True)
class Asked:
    """What a timeline question asks about: a direction from an anchor (a document's own date
    or a date), or one document's dates."""

    direction: Direction
    span: Span | None = None
    """The anchor's period (a document's own date, or a date written in the question)."""
    anchor: Event | None = None
    """The anchor document's own event, when a document is the anchor."""
    label: str = ""
    """How the question names the anchor or the subject of a whole timeline."""


def spoken(span: Span, language: str) -> str:
    """A period in words: "4 juli 2016", "July 2016", "2016", "januari–april 2015"."""
    names = (
        [words[0] for words in MONTH_WORDS] if language == "nl" else list(calendar.month_name)[1:]
    )
    start = span.start
    if span.precision == "day":
        return f"{start.day} {names[start.month - 1]} {start.year}"
    if span.precision == "month":
        return f"{names[start.month - 1]} {start.year}"
    if span.precision == "year":
        return str(start.year)
    return f"{names[start.month - 1]}–{names[span.end.month - 1]} {start.year}"


def own_event(events: list[Event], doc_id: str) -> Event | None:
    """A document's own dated event: signed, else issued."""
    for kind in ("signed", "document"):
        found = next((e for e in events if e.doc_id == doc_id and e.type == kind), None)
        if found:
            return found
    return None


def sequence_answer(
    corpus: Corpus, question: str, language: str, events: list[Event], asked: Asked,
    sectors: tuple[dict[str, object], ...] = (),
) -> Answer:  # fmt: skip
    """The events after, before or within an anchor (or all, of a sector or document), cited."""
    started = time.perf_counter()
    text = TEXT[language]
    cited = AnswerCitations(corpus, language)
    chosen = _window(events, asked)
    lines = [f"**{text[asked.direction].format(what=asked.label)}**" if asked.label
             else f"**{text['everything']}**", ""]  # fmt: skip
    if asked.anchor is not None:
        anchor = asked.anchor
        lines += [
            text["anchor"].format(
                title=anchor.what, type=TYPE_WORDS[language].get(anchor.type, anchor.type),
                date=spoken(anchor.span, language), marks=cited.marks([anchor.citation]),
            ),
            "",
        ]  # fmt: skip
    shown, attached = _attach(chosen[:MAX_EVENTS])
    for event in shown:
        lines.append(_event_line(event, attached.get(event.id, []), cited, language))
    rest = len(chosen) - MAX_EVENTS
    if rest > 0:
        more = {"after": "more_after", "before": "more_before"}.get(asked.direction, "more")
        lines += ["", text[more].format(n=rest)]
    if not shown:
        lines.append(text["none"])
    return _answer(question, language, lines, cited, started, not shown, sectors)


def _window(events: list[Event], asked: Asked) -> list[Event]:
    span = asked.span
    own = asked.anchor.doc_id if asked.anchor else ""
    if asked.direction == "after" and span:
        return [e for e in events if e.span.start > span.end and e.doc_id != own]
    if asked.direction == "before" and span:
        before = [e for e in events if e.span.end < span.start and e.doc_id != own]
        return list(reversed(before))  # the closest first; shown in date order below
    if asked.direction == "during" and span:
        return [e for e in events if e.span.overlaps(span)]
    return list(events)


def _attach(candidates: list[Event]) -> tuple[list[Event], dict[str, list[Event]]]:
    """The events to show in date order, and per event the passages that mention it (a
    "mentioned" date linked to a shown event is given with that event)."""
    ids = {e.id for e in candidates}
    attached: dict[str, list[Event]] = {}
    shown = []
    for event in candidates:
        target = next((link for link in event.links if link in ids), None)
        if event.type == "mentioned" and target:
            attached.setdefault(target, []).append(event)
        else:
            shown.append(event)
    return sorted(shown, key=lambda e: (e.span.start, e.id)), attached


def _event_line(event: Event, mentions: list[Event], cited: AnswerCitations, language: str) -> str:
    text = TEXT[language]
    labels = LABELS[language]["types"]
    written = f" ({event.written})" if event.written else ""
    marks = cited.marks([event.citation])
    if event.type in ("mentioned", "announced"):
        line = f'- {event.span.iso()}{written}, {labels[event.type]} {_title(event)}: "{event.what}" {marks}'
    else:
        line = f"- {event.span.iso()}{written}, {labels[event.type]}: {event.what} {marks}"
    if event.confidence == "inferred" and event.confidence_note:
        line += f" ({text['inferred'].format(note=event.confidence_note)})"
    if mentions:
        line += f"; {text['mentioned'].format(marks=cited.marks([m.citation for m in mentions]))}"
    return line


def _title(event: Event) -> str:
    return event.citation.title or event.doc_id


def when_answer(
    corpus: Corpus, question: str, language: str, events: list[Event], doc_ids: list[str],
    moments: set[Moment], sectors: tuple[dict[str, object], ...] = (),
) -> Answer | None:  # fmt: skip
    """The dates of the named documents (signed or issued, ended), each cited, with the other
    dates reported and the passages that mention them; None when none of them is dated. A
    passage giving the same date is cited first: the document's own words before the
    register's."""
    started = time.perf_counter()
    text = TEXT[language]
    cited = AnswerCitations(corpus, language)
    lines: list[str] = []
    for doc_id in doc_ids:
        own = own_event(events, doc_id)
        if own is None:
            continue
        ended = next((e for e in events if e.doc_id == doc_id and e.type == "ended"), None)
        mentions = [e for e in events if own.id in e.links or (ended and ended.id in e.links)]
        lines += [f"**{own.what}**", ""]
        for moment in ("end", "start") if moments == {"end"} else ("start", "end"):
            if moment == "start":
                confirming = [e for e in mentions if e.span == own.span]
                lines.append(_start_line(own, confirming, cited, language))
            elif ended:
                marks = cited.marks([ended.citation])
                lines.append(text["ended"].format(date=spoken(ended.span, language), marks=marks))
            elif "end" in moments:
                lines.append(text["no_end"])
        for other in own.other_dates:
            lines.append(text["other"].format(date=other["date"], source=other["source_url"]))
        if mentions:
            lines += ["", text["mentions"]]
            for event in mentions[:MAX_MENTIONS]:
                lines.append(_event_line(event, [], cited, language))
        lines.append("")
    if not lines:
        return None
    return _answer(question, language, lines, cited, started, False, sectors)


def _start_line(own: Event, confirming: list[Event], cited: AnswerCitations, language: str) -> str:
    """The date a document was signed or issued, cited to the passages giving the same date
    and to the register; "signed" when the register or such a passage says so."""
    text = TEXT[language]
    marks = cited.marks([e.citation for e in confirming] + [own.citation])
    date = spoken(own.span, language)
    if own.type == "signed" or any(SIGNING.search(e.what) for e in confirming):
        return text["signed"].format(date=date, marks=marks)
    key = "dated" if own.kind == "covenant" else "issued"
    return text[key].format(date=date, marks=marks)


def _answer(
    question: str, language: str, lines: list[str], cited: AnswerCitations, started: float,
    not_found: bool, sectors: tuple[dict[str, object], ...],
) -> Answer:  # fmt: skip
    body = "\n".join(lines).strip().splitlines() + cited.sources_block()
    return Answer(
        question=question, language=language, intent="timeline", answer="\n".join(body).strip(),
        citations=cited.citations, sectors=sectors, not_found=not_found, elapsed_ms=(time.perf_counter() - started) * 1000,
    )  # fmt: skip
