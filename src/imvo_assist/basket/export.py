"""Exporting a basket as Markdown (quotes with footnote citations), plain text or CSV.

Quotes are written exactly as stored (guillemets, dashes and accents kept, nothing escaped). A
citation whose confidence is not "verified" says so as the answers do: their citation strings
end in "[niet geverifieerd: reason]", and a stored string without that marker gets it here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from imvo_assist.basket.store import Basket, BasketItem

FORMATS = ("md", "txt", "csv")
CSV_COLUMNS = (
    "nr",
    "question",
    "other_questions",
    "quote",
    "citation",
    "title",
    "doc_id",
    "page",
    "passage_id",
    "url",
    "source",
    "confidence",
    "confidence_note",
    "added",
)
LABELS = {
    "nl": {
        "basket": "Mandje",
        "question": "Vraag",
        "also": "Ook gevraagd",
        "source": "Bron",
        "unverified": "niet geverifieerd",
        "empty": "(leeg)",
        "items": "citaten",
    },
    "en": {
        "basket": "Basket",
        "question": "Question",
        "also": "Also asked",
        "source": "Source",
        "unverified": "not verified",
        "empty": "(empty)",
        "items": "citations",
    },
}


def confidence_marker(item: BasketItem, language: str = "nl") -> str:
    """ " [niet geverifieerd: reason]" for an unverified citation whose string does not carry
    that marker already, else ""."""
    markers = [f"[{labels['unverified']}:" for labels in LABELS.values()]
    if not item.unverified or any(marker in item.cite for marker in markers):
        return ""
    return f" [{LABELS[language]['unverified']}: {item.confidence_note or item.confidence}]"


def to_markdown(basket: Basket, language: str = "nl") -> str:
    """Each quote as a block quote ending in a footnote mark; the citations as footnotes."""
    labels = LABELS[language]
    lines = [f"# {labels['basket']}: {basket.name}", ""]
    if not basket.items:
        return "\n".join([*lines, labels["empty"], ""])
    notes = []
    for n, item in enumerate(basket.items, start=1):
        quote = item.quote.strip().splitlines() or [""]
        quote[-1] += f"[^{n}]"
        lines += [f"> {line}" if line else ">" for line in quote]
        lines += ["", f"{labels['question']}: {item.question}"]
        if item.questions:
            lines += ["", f"{labels['also']}: {'; '.join(item.questions)}"]
        lines.append("")
        notes.append(f"[^{n}]: {item.cite}{confidence_marker(item, language)}")
    return "\n".join([*lines, *notes, ""])


def to_text(basket: Basket, language: str = "nl") -> str:
    """A numbered plain-text list: quote, citation (with its confidence) and question."""
    labels = LABELS[language]
    count = f"{len(basket.items)} {labels['items']}"
    lines = [f"{labels['basket']}: {basket.name} ({count})", ""]
    for n, item in enumerate(basket.items, start=1):
        quote = "\n".join(f"   {line}" for line in item.quote.strip().splitlines()).lstrip()
        lines += [f"{n}. \u201c{quote}\u201d"]
        lines += [f"   {labels['source']}: {item.cite}{confidence_marker(item, language)}"]
        lines += [f"   {labels['question']}: {item.question}"]
        if item.questions:
            lines += [f"   {labels['also']}: {'; '.join(item.questions)}"]
        lines.append("")
    return "\n".join(lines)


def to_csv(basket: Basket, language: str = "nl") -> str:
    """One row per item with every field (csv module quoting; UTF-8 text)."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for n, item in enumerate(basket.items, start=1):
        writer.writerow(
            [
                n,
                item.question,
                "; ".join(item.questions),
                item.quote,
                item.cite,
                item.title,
                item.doc_id,
                item.page,
                item.passage_id,
                item.url,
                item.source,
                item.confidence or "",
                item.confidence_note,
                item.added,
            ]
        )
    return stream.getvalue()


EXPORTERS: dict[str, Callable[[Basket, str], str]] = {
    "md": to_markdown,
    "txt": to_text,
    "csv": to_csv,
}


def export_basket(basket: Basket, fmt: str, language: str = "nl") -> str:
    """A basket in one of `FORMATS`.

    Raises:
        KeyError: an unknown format.
    """
    return EXPORTERS[fmt](basket, language)
