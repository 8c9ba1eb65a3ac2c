"""The records of the index: passages, source-register entries and one record per file.

A file record's `meta` holds what `index` reported for it (hash, size, status, error, pages,
passages, warnings, the document's metadata); its passages and register entries are records of
their own. Files indexed by workers (`parallel.py`) have their passages and entries written
there; the file record is always written by the indexer, after the worker's segment is safe.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from imvo_assist.index.inputs import REGISTER_PATH
from imvo_assist.index.results import fold_hash, order_key
from imvo_assist.models import FileReport, Passage

if TYPE_CHECKING:
    from imvo_assist.collection.scan import Skipped
    from imvo_assist.extract.workers import Outcome



@dataclass(frozen=True)
class Written:
    """What a worker wrote of a file (the passages and entries are in its segment): all the
    file record needs."""

    document: object  # models.Document
    passages: int
    references: int
    warnings: list[str] = field(default_factory=list)


def write_content(writer: object, result: object) -> Written:
    """Write the passages and register entries of an extracted file (an `ExtractResult`)."""
    document = result.document  # type: ignore[attr-defined]
    passages: list[Passage] = result.passages  # type: ignore[attr-defined]
    for passage in passages:
        add_passage(writer, passage, document.kind, document.language)
    for reference in result.references:  # type: ignore[attr-defined]
        add_reference(writer, reference)
    warnings = list(result.warnings)  # type: ignore[attr-defined]
    return Written(document, len(passages), len(result.references), warnings)  # type: ignore[attr-defined]


def delete_file(writer: object, path: str, record: dict) -> None:
    writer.delete_by_term("id", f"file:{path}")  # type: ignore[attr-defined]
    if record.get("doc_id"):
        writer.delete_by_term("doc_id", record["doc_id"])  # type: ignore[attr-defined]


def write_register(writer: object, facts: list, fingerprint: str) -> None:
    """(Re)index the bundled register's facts (`RegisterFact`s) under its file record."""
    writer.delete_by_term("source", "register")  # type: ignore[attr-defined]
    writer.delete_by_term("id", f"file:{REGISTER_PATH}")  # type: ignore[attr-defined]
    for fact in facts:
        add_passage(writer, fact.passage, "report", fact.language, source="register")
    meta = {"path": REGISTER_PATH, "doc_id": "", "sha256": fingerprint, "status": "register", "passages": len(facts)}
    writer.add_document(record="file", id=f"file:{REGISTER_PATH}", path=REGISTER_PATH, meta=meta)  # type: ignore[attr-defined]


def rewrite_record(writer: object, path: str, doc_id: str, meta: dict) -> None:
    """Replace the file record of an unchanged file (its passages stay as they are)."""
    writer.delete_by_term("id", f"file:{path}")  # type: ignore[attr-defined]
    writer.add_document(record="file", id=f"file:{path}", path=path, doc_id=doc_id, meta=meta)  # type: ignore[attr-defined]


def skipped_meta(item: Skipped) -> dict:
    """The `meta` of the record of a path that was not read."""
    status = "failed" if item.failed else "skipped-path"
    return {"path": item.relative, "doc_id": "", "status": status, "error": f"{item.relative}: {item.reason}"}


def write_skipped(writer: object, item: Skipped) -> FileReport:
    """The record of a path that was not read: skipped (a link outside, a device) or failed
    (unreadable); it has no size, so it is looked at again next run."""
    meta = skipped_meta(item)
    writer.add_document(record="file", id=f"file:{item.relative}", path=item.relative, meta=meta)  # type: ignore[attr-defined]
    return report_from(meta)


def write_outcome(writer: object, outcome: Outcome) -> FileReport:
    """The file record of an extraction outcome; with an `ExtractResult` (extracted for this
    writer) its passages and entries too, with a `Written` (a worker wrote them) only the record."""
    item = outcome.job.item
    meta: dict = {
        "path": item.relative,
        "doc_id": item.info.id,
        "sha256": outcome.job.sha256,
        "size": outcome.job.size,
        "mtime_ns": outcome.job.mtime_ns,
        "status": outcome.status,
        "error": outcome.error,
        "title": item.info.title or Path(item.relative).name,
        "passages": 0,
        "pages": 0,
        "warnings": [],
        "document": None,
    }
    result = outcome.result
    if result is not None:
        written = result if isinstance(result, Written) else write_content(writer, result)
        document = written.document
        meta.update(
            title=document.title,  # type: ignore[attr-defined]
            pages=document.pages,  # type: ignore[attr-defined]
            passages=written.passages,
            warnings=list(written.warnings),
            document=document.to_dict(),  # type: ignore[attr-defined]
            references=written.references,
        )
    writer.add_document(record="file", id=f"file:{item.relative}", path=item.relative, doc_id=item.info.id, meta=meta)  # type: ignore[attr-defined]
    return report_from(meta)


def add_passage(
    writer: object, passage: Passage, kind: str, language: str, source: str = "passage"
) -> None:
    text = passage.text
    heading = passage.section.rsplit(" > ", 1)[-1] if passage.section else ""
    fields = {
        "record": "passage",
        "id": passage.id,
        "doc_id": passage.doc_id,
        "kind": kind,
        "lang": language,
        "source": source,
        "passage_kind": passage.kind,
        "sectors": ",".join(passage.sectors),
        "risks": ",".join(passage.risks),
        "orgs": ",".join(passage.orgs),
        "refs": ",".join(passage.refs),
        "text_en" if language == "en" else "text_nl": text,
        "exact": text,
        "heading": heading,
        "text": text,
        "fold": fold_hash(text),
        "order": order_key(passage.doc_id, passage.pdf_page, passage.id),
        "section": passage.section,
        "pdf_page": passage.pdf_page,
        "page_label": passage.page_label,
    }
    # Empty values are left out: they index nothing and score nothing (Whoosh averages field
    # lengths over all documents), and the reader takes a missing field as empty.
    writer.add_document(**{k: v for k, v in fields.items() if v != ""})  # type: ignore[attr-defined]


def add_reference(writer: object, reference: object) -> None:
    """Index one entry of a source register as a searchable record of its own."""
    data = reference.to_dict()  # type: ignore[attr-defined]
    words = " ".join(
        str(data.get(key) or "") for key in ("organisation_name", "spelling", "title", "year", "sector_label")
    )
    writer.add_document(  # type: ignore[attr-defined]
        record="reference",
        id=f"ref:{data['register_doc']}:{data['nr']}",
        doc_id=data["register_doc"],
        source="reference",
        sectors=str(data.get("sector") or ""),
        orgs=str(data.get("organisation") or ""),
        text_nl=words,
        exact=words,
        meta=data,
    )


def report_from(meta: dict) -> FileReport:
    status = meta.get("status", "failed")
    return FileReport(
        doc_id=meta.get("doc_id", ""),
        file=meta.get("path", ""),
        title=meta.get("title", ""),
        status="skipped" if status == "skipped-path" else status,
        pages=meta.get("pages", 0),
        passages=meta.get("passages", 0),
        error=meta.get("error", ""),
        warnings=tuple(meta.get("warnings", ())),
    )

