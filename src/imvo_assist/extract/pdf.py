"""PDF reading with pypdf: raw lines per physical page, two-page spreads split in halves.

Only this module imports pypdf (about 100 ms), and only `extract` workers call it, so `ask` and
`search` never pay for it. Everything pypdf raises is turned into an `ExtractionError` with a
reason a person understands ("encrypted", "damaged", "decompression limit"), never a raw
Python error text.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from imvo_assist.errors import ExtractionError
from imvo_assist.text.normalise import clean_line

PDF_MAGIC = b"%PDF-"
# A spread is a landscape page whose halves each hold a printed page; we split at the middle.
SPREAD_MIN_ASPECT = 1.2
# Fragments whose baselines differ by less than this (points) belong to the same line.
LINE_TOLERANCE = 2.0
# A byte dump in a pypdf message ("Invalid Elementary Object starting with b'\\x00'").
RAW_BYTES = re.compile(r"\bb['\"]")


@dataclass(frozen=True)
class PhysicalPage:
    """Text of one printed page as found in the PDF, before labels and running lines are known."""

    pdf_page: int
    lines: tuple[str, ...]
    half: str = ""
    """"left"/"right" for a half of a two-page spread, "" for a whole page."""
    pdf_label: str | None = None
    """The /PageLabels label of the PDF page, when the PDF has /PageLabels."""


def read_pdf(path: Path, password: str | None = None) -> tuple[list[PhysicalPage], str]:
    """Read the text of every page of a PDF.

    Args:
        path: the PDF file.
        password: the user password, for encrypted files the user may open.

    Returns:
        One `PhysicalPage` per printed page (two for a two-page spread), and the title from
        the PDF metadata ("" when absent or unreadable).

    Raises:
        ExtractionError: the file is empty, not a PDF, encrypted, damaged or too large.
    """
    with path.open("rb") as handle:
        head = handle.read(1024)
    if not head:
        raise ExtractionError(f"{path.name}: empty file (0 bytes)")
    if PDF_MAGIC not in head:
        raise ExtractionError(f"{path.name}: not a PDF (no %PDF- header)", "Check the file type.")
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, LimitReachedError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            _decrypt(reader, path, password)
        has_labels = "/PageLabels" in reader.trailer["/Root"]  # type: ignore[operator]
        labels = reader.page_labels if has_labels else []
        pages: list[PhysicalPage] = []
        for index, page in enumerate(reader.pages):
            label = labels[index] if has_labels and index < len(labels) else None
            pages.extend(_read_page(page, index + 1, label))
        return pages, _title(reader)
    except ExtractionError:
        raise
    except FileNotDecryptedError as exc:
        raise ExtractionError(f"{path.name}: encrypted (password required)") from exc
    except LimitReachedError as exc:
        raise ExtractionError(
            f"{path.name}: too large: a stream exceeds the decompression limit"
        ) from exc
    except MemoryError as exc:
        raise ExtractionError(f"{path.name}: too large: out of memory while reading") from exc
    except RecursionError as exc:
        raise ExtractionError(f"{path.name}: damaged PDF (nesting too deep)") from exc
    except Exception as exc:  # pypdf raises many non-pypdf errors on damaged files
        raise ExtractionError(f"{path.name}: damaged or truncated PDF{_detail(exc)}") from exc


def _detail(exc: Exception) -> str:
    """pypdf's own message in parentheses ("Detected cyclic page references."); Python's
    internal errors that pypdf lets through ("property 'indirect_reference' of
    'IndirectObject' object has no setter") tell a reader nothing and are left out."""
    from pypdf.errors import PyPdfError

    message = str(exc).strip()
    if not isinstance(exc, PyPdfError) or not message or RAW_BYTES.search(message):
        return ""
    return f" ({message.splitlines()[0][:120]})"


def _title(reader: object) -> str:
    """The /Title of the document information, if it is readable text."""
    try:
        title = (reader.metadata or {}).get("/Title")  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 (a damaged info dictionary never fails the file)
        return ""
    return clean_line(str(title))[:200] if title else ""


def _decrypt(reader: object, path: Path, password: str | None) -> None:
    """Open an encrypted PDF with the empty password or the one given, else fail."""
    from pypdf import PasswordType

    for candidate in ("", password):
        if candidate is None:
            continue
        if reader.decrypt(candidate) != PasswordType.NOT_DECRYPTED:  # type: ignore[attr-defined]
            return
    hint = "Pass the password with --password-file." if password is None else "Wrong password."
    raise ExtractionError(f"{path.name}: encrypted (password required)", hint)


def _read_page(page: object, pdf_page: int, label: str | None) -> list[PhysicalPage]:
    """Split a landscape spread into halves when both hold text; else read the whole page."""
    width, height = _display_size(page)
    if width > height * SPREAD_MIN_ASPECT:
        left, right = _read_halves(page, width)
        if left and right:
            return [
                PhysicalPage(pdf_page, tuple(left), "left", label),
                PhysicalPage(pdf_page, tuple(right), "right", label),
            ]
    text = page.extract_text() or ""  # type: ignore[attr-defined]
    return [PhysicalPage(pdf_page, tuple(text.splitlines()), "", label)]


def _display_size(page: object) -> tuple[float, float]:
    box = page.mediabox  # type: ignore[attr-defined]
    width, height = float(box.width), float(box.height)
    rotation = int(page.get("/Rotate", 0) or 0) % 180  # type: ignore[attr-defined]
    return (height, width) if rotation else (width, height)


def _read_halves(page: object, width: float) -> tuple[list[str], list[str]]:
    """Lines of the left and right half of a page, from text positions."""
    fragments: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            fragments.append((x, y, text))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    middle = width / 2
    left = _group_lines([f for f in fragments if f[0] < middle])
    right = _group_lines([f for f in fragments if f[0] >= middle])
    return left, right


def _group_lines(fragments: list[tuple[float, float, str]]) -> list[str]:
    """Join text fragments into lines, top to bottom, left to right."""
    rows: list[tuple[float, list[tuple[float, str]]]] = []
    for x, y, text in sorted(fragments, key=lambda f: (-f[1], f[0])):
        if rows and abs(rows[-1][0] - y) <= LINE_TOLERANCE:
            rows[-1][1].append((x, text))
        else:
            rows.append((y, [(x, text)]))
    lines = []
    for _, parts in rows:
        line = " ".join(text.strip() for _, text in sorted(parts))
        lines.append(line)
    return lines
