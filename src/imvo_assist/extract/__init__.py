"""Extraction: one file of the corpus in, its document record and passages out.

`extract_file` is what a worker process runs; it picks the reader by file type, lays out
pages, builds passages and decides the language. pypdf is imported only for PDFs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from imvo_assist.collection.scan import CorpusFile, guess_kind
from imvo_assist.errors import ExtractionError
from imvo_assist.text.language import detect_language
from imvo_assist.extract.passages import build_passages
from imvo_assist.models import Document, Passage, RawPage

__all__ = ["ExtractResult", "NoTextError", "extract_file"]

# Glyph names such as "/g12" are what pypdf emits for Type3 fonts without a ToUnicode map.
GLYPH_NAMES = re.compile(r"/[A-Za-z]{1,3}\d{1,4}")


class NoTextError(ExtractionError):
    """The file opened fine but holds no usable text (a scan, or undecodable glyphs)."""


@dataclass
class ExtractResult:
    """The outcome of extracting one file."""

    document: Document
    passages: list[Passage]
    warnings: list[str] = field(default_factory=list)
    references: list = field(default_factory=list)  # list[register.Reference]
    """Entries of a source register (bronnenboek), when the file is one."""


def extract_file(item: CorpusFile, sha256: str, password: str | None = None) -> ExtractResult:
    """Extract one corpus file into a document record and its passages.

    Raises:
        ExtractionError: the file cannot be read (the message names it and the reason).
        NoTextError: the file has no text layer or only undecodable glyphs.
    """
    path = item.path
    suffix = path.suffix.lower()
    warnings: list[str] = []
    pdf_title = ""
    if suffix == ".pdf":
        from imvo_assist.extract.layout import lay_out
        from imvo_assist.extract.pdf import read_pdf

        physical, pdf_title = read_pdf(path, password)
        pages = lay_out(physical)
    elif suffix in (".csv", ".tsv"):
        from imvo_assist.extract.table import read_table

        pages, warnings = read_table(path)
    else:
        from imvo_assist.extract.text import read_text_file

        pages, warnings = read_text_file(path)
        if len(pages) > 1:
            pages = [_with_footnotes(page) for page in pages]
    text = "\n".join(line for page in pages for line in page.lines)
    _check_text(path, pages, text)
    info = item.info
    document = Document(
        id=info.id,
        title=info.title or pdf_title or _first_heading(pages) or path.stem,
        kind=info.kind or guess_kind(path.name),
        language=info.language or detect_language(text),
        publisher=info.publisher,
        date=info.date,
        citation=info.citation,
        url=info.url,
        file=item.relative,
        sha256=sha256,
        pages=len(pages),
    )
    references = _references(path, document)
    warnings += references[1]
    passages = _tagged(build_passages(info.id, pages), document.title)
    return ExtractResult(document, passages, warnings, references[0])


def _references(path: Path, document: Document) -> tuple[list, list[str]]:
    """The entries of a source register, read as a table or rebuilt from the PDF text."""
    from imvo_assist.bronnenboek import looks_like_register, read_register_csv, read_register_pdf

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


def _tagged(passages: list[Passage], title: str) -> list[Passage]:
    """Passages with the sectors, risks and organisations they (and their section) mention;
    a document whose title names a sector (the textile covenant) gives it to every passage."""
    from imvo_assist.catalogue.tagging import default_tagger

    tagger = default_tagger()
    title_sectors = tagger.tag(title).sectors
    tagged = []
    for passage in passages:
        tags = tagger.tag(f"{passage.section}\n{passage.text}")
        sectors = tuple(sorted(set(tags.sectors) | set(title_sectors)))
        tagged.append(replace(passage, sectors=sectors, risks=tags.risks, orgs=tags.orgs))
    return tagged


def _with_footnotes(page: RawPage) -> RawPage:
    """Split numbered footnotes off the bottom of a paged text file, as for PDFs."""
    from imvo_assist.extract.layout import split_footnotes

    body, notes = split_footnotes(list(page.lines))
    return replace(page, lines=tuple(body), footnotes=tuple(notes)) if notes else page


def _check_text(path: Path, pages: list[RawPage], text: str) -> None:
    letters = sum(c.isalpha() for c in text)
    if letters == 0:
        kind = "no text layer (scanned?)" if path.suffix.lower() == ".pdf" else "no text"
        raise NoTextError(f"{path.name}: {kind}; {len(pages)} page(s), nothing to index")
    glyphs = GLYPH_NAMES.findall(text)
    if glyphs and sum(map(len, glyphs)) > 0.3 * len(text.replace(" ", "")):
        raise NoTextError(f"{path.name}: text layer not decodable (glyph names, no ToUnicode map)")


def _first_heading(pages: list[RawPage]) -> str:
    for page in pages[:2]:
        for index in sorted(page.headings):
            return page.lines[index].strip()[:120]
        for line in page.lines[:3]:
            if line.strip():
                return line.strip()[:120]
    return ""
