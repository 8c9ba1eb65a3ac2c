"""Reading source registers: CSV/TSV tables and printed (PDF) registers into `Reference`s.

Tables go through `extract.table.read_rows` (sniffed delimiter, BOM, quoted newlines, ragged
rows reported by line); headers may be Dutch or English. PDF registers are rebuilt from their
text lines by `register.entries`. pypdf is imported only when a PDF is read.
"""

from __future__ import annotations

import re
from pathlib import Path

from imvo_assist.bronnenboek.entries import EntryFields, collect_entries, split_fields
from imvo_assist.bronnenboek.organisations import normalise_organisation
from imvo_assist.bronnenboek.records import Reference
from imvo_assist.catalogue.loader import load_vocabulary
from imvo_assist.catalogue.vocabulary import Vocabulary
from imvo_assist.errors import ExtractionError
from imvo_assist.extract.table import decode_table, read_rows
from imvo_assist.models import Document
from imvo_assist.text.fold import fold

TABLE_SUFFIXES = (".csv", ".tsv")
COLUMNS: dict[str, tuple[str, ...]] = {
    "nr": ("nr", "nummer", "no", "number", "num"),
    "sector": ("sector",),
    "organisation": ("organisatie", "organisation", "organization", "org"),
    "year": ("jaar", "year"),
    "title": ("titel", "title"),
    "kind": ("soort", "kind", "type"),
    "url": ("url", "link"),
    "themes": ("themas", "themes", "thema", "theme"),
}
REQUIRED = ("nr", "organisation")
YEAR = re.compile(r"^\s*(\d{4})\b")
NO_YEAR = frozenset({"", "z.j.", "zj", "n.d.", "nd", "-"})
# Share of a PDF's text that must be "[n] Organisation (year)." entries to call it a register.
REGISTER_SHARE = 0.6
MIN_ENTRIES = 3


def read_register_csv(
    path: Path, doc_id: str, vocabulary: Vocabulary | None = None
) -> tuple[list[Reference], list[str]]:
    """Read a CSV/TSV source register.

    Args:
        path: the table; headers nr/nummer, sector, organisatie/organisation, jaar/year,
            titel/title, soort/kind/type, url/link, themas/thema's/themes (any order and case).
        doc_id: the register's document id, stored in every reference.
        vocabulary: for organisation and sector ids; the bundled one when None.

    Returns:
        The references in file order and warnings naming lines (ragged rows, rows without a
        number or organisation, which are skipped, and unreadable years).

    Raises:
        ExtractionError: the file is empty or lacks an nr or organisation column.
    """
    vocabulary = vocabulary or load_vocabulary()
    records, warnings = read_rows(path)
    header = _header(records)
    columns = _columns(header)
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise ExtractionError(
            f"{path.name}: not a source register (no {' or '.join(missing)} column)"
        )
    lines = _start_lines(decode_table(path)[0], records, header[0])
    references = []
    for record, line in zip(records, lines, strict=True):
        cell = {name: " ".join(record.get(column, "").split()) for name, column in columns.items()}
        where = f"line {line}" if line else f"nr {cell['nr']!r}"
        if not cell["nr"].isdigit() or not cell["organisation"]:
            problem = (
                "no organisation" if cell["nr"].isdigit() else f"nr {cell['nr']!r} is not a number"
            )
            warnings.append(f"{where}: {problem}; row skipped")
            continue
        year = YEAR.match(cell.get("year", ""))
        if not year and fold(cell.get("year", "")) not in NO_YEAR:
            warnings.append(f"{where}: year {cell['year']!r} not understood")
        themes = tuple(t.strip() for t in re.split(r"[,;]", cell.get("themes", "")) if t.strip())
        fields = EntryFields(
            cell["organisation"],
            int(year.group(1)) if year else None,
            cell.get("title", ""),
            cell.get("kind", ""),
            re.sub(r"\s+", "", cell.get("url", "")),
            themes,
        )
        references.append(
            _reference(
                doc_id, int(cell["nr"]), cell.get("sector", ""), fields, vocabulary, line=line
            )
        )
    return references, warnings


def read_register_pdf(
    path: Path, doc_id: str, vocabulary: Vocabulary | None = None
) -> tuple[list[Reference], list[str]]:
    """Read a printed source register, rebuilding its entries from the text.

    Args:
        path: the PDF.
        doc_id: the register's document id, stored in every reference.
        vocabulary: for organisation and sector ids; the bundled one when None.

    Returns:
        The references in printed order, each with the printed page where it starts, and
        warnings for "[n]" entries without an "Organisation (year)." opening (skipped).

    Raises:
        ExtractionError: the PDF cannot be read.
    """
    from imvo_assist.extract.layout import lay_out
    from imvo_assist.extract.pdf import read_pdf

    vocabulary = vocabulary or load_vocabulary()
    entries, _ = collect_entries(
        lay_out(read_pdf(path)[0]), lambda line: bool(vocabulary.match_sectors(line))
    )
    references, warnings = [], []
    for entry in entries:
        fields = split_fields(entry, lambda theme: vocabulary.match_risk(theme) is not None)
        if fields is None:
            warnings.append(
                f"page {entry.page}: entry [{entry.nr}] has no 'Organisation (year).'; skipped"
            )
            continue
        references.append(
            _reference(doc_id, entry.nr, entry.sector_label, fields, vocabulary, page=entry.page)
        )
    return references, warnings


def looks_like_register(path: Path) -> bool:
    """Whether a file is a source register, so the indexer can route it to this package.

    A CSV/TSV qualifies when its header has an nr and an organisation column; a PDF when at
    least 60% of its text is "[n] Organisation (year)." entries. Unreadable files do not.
    """
    suffix = path.suffix.lower()
    try:
        if suffix in TABLE_SUFFIXES:
            columns = _columns(_header(read_rows(path)[0]))
            return all(name in columns for name in REQUIRED)
        if suffix == ".pdf":
            from imvo_assist.extract.layout import lay_out
            from imvo_assist.extract.pdf import read_pdf

            entries, total = collect_entries(lay_out(read_pdf(path)[0]), lambda line: False)
            size = sum(
                sum(map(len, entry.lines))
                for entry in entries
                if split_fields(entry, lambda theme: False)
            )
            return len(entries) >= MIN_ENTRIES and size >= REGISTER_SHARE * total
    except (ExtractionError, OSError):
        return False
    return False


def _header(records: list[dict[str, str]]) -> list[str]:
    """The header as read: the keys of the longest record (short rows lack the last ones)."""
    return max((list(record) for record in records), key=len, default=[])


def _columns(header: list[str]) -> dict[str, str]:
    """Field name -> header as written, for the headers this module knows."""
    found: dict[str, str] = {}
    for written in header:
        key = re.sub(r"[\s'_.]", "", fold(written))
        for name, aliases in COLUMNS.items():
            if key in aliases:
                found.setdefault(name, written)
    return found


def _start_lines(text: str, records: list[dict[str, str]], first: str) -> list[int]:
    """The physical line each record starts on (1-based; 0 when not found).

    Records start at the beginning of a line with their first cell, in file order, so each is
    searched from the line after the previous record's start.
    """
    lines = text.split("\n")
    result, cursor = [], 1
    for record in records:
        value = record.get(first, "")
        pattern = re.compile(rf'\s*"?{re.escape(value)}"?\s*(?:[;,\t|]|$)')
        found = next(
            (i for i in range(cursor, len(lines)) if value and pattern.match(lines[i])), None
        )
        result.append(found + 1 if found is not None else 0)
        cursor = found + 1 if found is not None else cursor
    return result


def _reference(
    doc_id: str,
    nr: int,
    sector_label: str,
    fields: EntryFields,
    vocabulary: Vocabulary,
    *,
    page: str = "",
    line: int = 0,
) -> Reference:
    organisation, name, matched = normalise_organisation(fields.spelling, vocabulary)
    sectors = vocabulary.match_sectors(sector_label) if sector_label else ()
    return Reference(
        register_doc=doc_id,
        nr=nr,
        sector=sectors[0].id if len(sectors) == 1 else fold(sector_label),
        sector_label=sector_label,
        organisation=organisation,
        organisation_name=name,
        spelling=fields.spelling,
        matched=matched,
        year=fields.year,
        title=fields.title,
        kind=fields.kind,
        url=fields.url,
        themes=fields.themes,
        page=page,
        line=line,
    )


def read_references(path: Path, document: Document) -> tuple[list[Reference], list[str]]:
    """The entries of a source register (and warnings): read as a table, or rebuilt from the
    text of a PDF whose kind is "register"; nothing for any other file."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        if document.kind == "register" or looks_like_register(path):
            try:
                return read_register_csv(path, document.id)
            except ExtractionError as exc:
                return [], [str(exc)]
        return [], []
    if suffix == ".pdf" and document.kind == "register":
        return read_register_pdf(path, document.id)
    return [], []
