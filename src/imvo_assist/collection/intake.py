"""Adding the user's own files to the corpus and recognising which register document each is.

A file is copied (never moved, never overwriting another file) into the corpus folder. What it
says about itself (metadata, page count, the text of its first pages) is read in a child process
with the extraction worker's time and memory limits (`collection.filefacts`) and weighed against
the register (`collection.evidence`). The file takes a registered document's identity (its id,
and so its official citation and URL) only on a match a person would accept: the title and the
publisher, and more (page count, sha256, distinctive phrases, date), and nothing in the file
calling itself a test, draft or other version. `as_id` forces a match, `match=False` refuses
one; an unsure or weak match adds the file as a document of its own, under its own title, with
the kind (its role: report, covenant, ...) the evidence suggests. Which file is which document
goes to the corpus manifest (`collection.manifest`); a hand-written `documents.toml` is only
read. Nothing outside the corpus and the given files is read or written. Indexing is left to the
caller (`library.refresh`), which owns progress display and locking.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from imvo_assist.collection.evidence import MATCH_SCORE, Match, assess, best_match
from imvo_assist.collection.filefacts import FileFacts, read_file_facts
from imvo_assist.collection.manifest import read_manifest, record_document, writable_corpus
from imvo_assist.collection.scan import (
    IGNORED_NAMES,
    SUPPORTED,
    guess_kind,
    load_catalog,
    scan,
    slugify,
)
from imvo_assist.errors import ImvoError
from imvo_assist.models import Document
from imvo_assist.settings import Settings

MATCH_THRESHOLD = MATCH_SCORE
"""Lowest evidence score (0-100) at which a file is taken to be a register document."""
_UNSAFE_CHARS = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')
Status = Literal["added", "present", "failed"]
How = Literal["evidence", "forced", "refused", "unsure", "none", "known", ""]


class IntakeError(ImvoError):
    """One file cannot be added; the others still are."""


@dataclass(frozen=True)
class AddResult:
    """What happened to one given file."""

    source: str
    """The path as given."""
    status: Status
    file: str = ""
    """The file's path inside the corpus (an identical file already there, for "present")."""
    id: str = ""
    """The document id it is recorded under."""
    title: str = ""
    matched: bool = False
    """True when the file is recorded as a register document."""
    score: float = 0.0
    """The evidence score (0-100) of the best candidate (the match, or the near miss)."""
    error: str = ""
    how: How = ""
    """"evidence" (matched on its evidence), "forced" (`--as`), "refused" (`--no-match` turned
    down a match), "unsure" (a person should decide), "none" (no candidate), "known" (the
    corpus already said which document the file is)."""
    kind: str = ""
    """The kind recorded for a file of its own: the role it fills (report, covenant, ...)."""
    candidate: str = ""
    """The register id the evidence was weighed against ("" when none came close)."""
    candidate_title: str = ""
    evidence: tuple[dict[str, Any], ...] = field(default=())
    """Each piece of evidence: item, points (+ for, - against), detail, veto."""

    def to_dict(self) -> dict[str, object]:
        return {**self.__dict__, "evidence": [dict(e) for e in self.evidence]}


@dataclass(frozen=True)
class _Options:
    threshold: float
    as_id: str | None
    match: bool


def add_files(
    settings: Settings,
    paths: list[Path],
    *,
    register: Sequence[Document],
    threshold: float = MATCH_THRESHOLD,
    as_id: str | None = None,
    match: bool = True,
) -> list[AddResult]:
    """Copy files into the corpus and record which document each is; does not index.

    Args:
        settings: the corpus to add to (not the bundled register folder); created if missing.
        paths: the files to add; symbolic links are followed to a regular file.
        register: the documents to match against (the bundled catalogue's, passed in by the library).
        threshold: the lowest evidence score that counts as a match.
        as_id: record every file as this registered document, whatever the evidence says.
        match: False to record every file as a document of its own.

    Returns:
        One result per path, in order; a refused file has status "failed" and an error.

    Raises:
        IntakeError: `as_id` is not a registered document, or a web page, or given with
            `match=False`.
        CorpusError: the corpus cannot be written or its manifest is invalid.
    """
    documents = list(register)
    if as_id is not None:
        _check_forced(as_id, documents, match)
    corpus = writable_corpus(settings.writable_corpus)
    read_manifest(corpus)  # an invalid manifest fails before any file is copied
    options = _Options(threshold, as_id, match)
    results = []
    for path in paths:
        try:
            results.append(_add_one(corpus, Path(path), documents, options, settings))
        except IntakeError as exc:
            results.append(AddResult(str(path), "failed", error=str(exc)))
    return results


def _check_forced(as_id: str, documents: list[Document], match: bool) -> None:
    doc = next((d for d in documents if d.id == as_id), None)
    if not match:
        raise IntakeError("--as and --no-match contradict each other.", "Give one of them.")
    if doc is None:
        raise IntakeError(f"Unknown document id {as_id!r}.",
                          "See `imvo-assist docs` or corpus/documents.toml for the ids.")
    if doc.kind == "web page":
        raise IntakeError(f"{as_id} is a web page: no file can be it.",
                          "Add the file as a document of its own (without --as).")


def _add_one(corpus: Path, path: Path, documents: list[Document], options: _Options,
             settings: Settings) -> AddResult:
    source = _checked_source(path)
    status: Status
    if source.is_relative_to(corpus):
        status, name = "present", source.relative_to(corpus).as_posix()
    else:
        status, name = _copy_in(source, corpus, _safe_name(path.name))
    known = load_catalog(corpus).get(Path(name).name)
    in_register = known is not None and any(doc.id == known.id for doc in documents)
    if known is not None and options.as_id is None and (options.match or not in_register):
        return AddResult(str(path), status, name, known.id, known.title, matched=in_register,
                         how="known")
    facts = read_file_facts(corpus / name, settings)
    if options.as_id is not None:
        doc = next(d for d in documents if d.id == options.as_id)
        forced = assess(facts, doc, int(options.threshold))
        record_document(corpus, doc.id, name, update={"match": "forced (--as)"})
        return _result(path, status, name, doc.id, doc.title, forced, "forced", matched=True)
    found = best_match(facts, documents, int(options.threshold))
    if found is not None and found.verdict == "match" and options.match:
        record_document(corpus, found.id, name, update={"match": f"evidence, score {found.score}"})
        return _result(path, status, name, found.id, found.title, found, "evidence", matched=True)
    if status == "added":
        name = _unclaimed_name(corpus, name, documents)
    doc_id = _free_id(slugify(facts.title or Path(name).stem), corpus, documents)
    kind = _role(name, facts, found)
    record_document(corpus, doc_id, name, title=facts.title, kind=kind,
                    added=dt.date.today())  # no title: the indexer decides
    how: How = "none" if found is None else "refused" if found.verdict == "match" else found.verdict
    return _result(path, status, name, doc_id, facts.title, found, how, kind=kind)


def _result(path: Path, status: Status, name: str, doc_id: str, title: str, found: Match | None,
            how: How, *, matched: bool = False, kind: str = "") -> AddResult:
    if found is None:
        return AddResult(str(path), status, name, doc_id, title, matched, 0.0, how=how, kind=kind)
    return AddResult(
        str(path), status, name, doc_id, title, matched, float(found.score), how=how, kind=kind,
        candidate=found.id, candidate_title=found.title,
        evidence=tuple(asdict(e) for e in found.evidence),
    )


def _role(name: str, facts: FileFacts, found: Match | None) -> str:
    """The kind of a file of its own: from its name, else its title, else the registered
    document whose title it shows (its role: a stand-in for the report is a report)."""
    for guess in (guess_kind(name), guess_kind(facts.title)):
        if guess != "other":
            return guess
    return found.kind if found is not None and found.title_seen else ""


def _unclaimed_name(corpus: Path, name: str, documents: list[Document]) -> str:
    """`name`, or a free "name (2).pdf" when the register knows `name` as a file of one of its
    documents (the corpus scan would give the file that document's identity by its name)."""
    if Path(name).name not in {f for doc in documents for f in doc.files}:
        return name
    return _link_free_name(corpus / name, corpus, name, first=2, move=True)


def _checked_source(path: Path) -> Path:
    """The resolved path of a readable regular file of a supported type."""
    if not os.path.lexists(path):
        raise IntakeError(f"{path}: no such file.")
    if path.is_dir():
        raise IntakeError(f"{path} is a folder.", "Add the files in it, e.g. DIR/*.pdf.")
    if path.suffix.lower() not in SUPPORTED:
        raise IntakeError(f"{path}: unsupported file type {path.suffix or '(none)'}.",
                          f"Supported: {', '.join(sorted(SUPPORTED))}.")
    try:
        source = path.resolve(strict=True)
        mode = source.stat().st_mode
    except (OSError, RuntimeError) as exc:
        raise IntakeError(f"{path}: cannot read (broken or looping link: {exc}).") from exc
    if not stat.S_ISREG(mode):
        raise IntakeError(f"{path} is not a regular file (device, socket or pipe).")
    return source


def _safe_name(name: str) -> str:
    """A file name for the corpus: no separators or control characters, not hidden or ignored."""
    path = Path(name)
    stem = path.stem.encode("utf-8", "replace").decode("utf-8")  # undecodable bytes -> "?"
    stem = _UNSAFE_CHARS.sub("_", stem).strip(" .")
    while len(stem.encode("utf-8")) > 180:  # room for " (2)" within 255 bytes
        stem = stem[:-1]
    if not stem or IGNORED_NAMES.match(stem + path.suffix):
        stem = f"document-{stem}".rstrip("-")
    return stem + path.suffix.lower()


def _copy_in(source: Path, corpus: Path, name: str) -> tuple[Status, str]:
    """Copy `source` into the corpus; ("present", name) when an identical file is there."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in must not block
    try:
        fd, temp = tempfile.mkstemp(prefix=".add-", suffix=".tmp", dir=corpus)
    except OSError as exc:
        raise IntakeError(f"cannot copy {source} into {corpus}: {exc.strerror}.",
                          "Make the corpus folder writable, or pass --corpus DIR.") from exc
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as out, os.fdopen(os.open(source, flags), "rb") as src:
            if not stat.S_ISREG(os.fstat(src.fileno()).st_mode):
                raise IntakeError(f"{source} is not a regular file.")
            while chunk := src.read(1 << 20):
                digest.update(chunk)
                out.write(chunk)
        same = _identical_file(corpus, Path(temp).stat().st_size, digest.hexdigest())
        return ("present", same) if same else ("added", _link_free_name(Path(temp), corpus, name))
    except OSError as exc:
        raise IntakeError(f"cannot copy {source} into {corpus}: {exc.strerror}.") from exc
    finally:
        Path(temp).unlink(missing_ok=True)


def _identical_file(corpus: Path, size: int, sha256: str) -> str:
    """The relative path of a corpus file with this content, or ""."""
    for item in scan(corpus)[0]:
        try:
            if item.path.stat().st_size == size:
                with item.path.open("rb") as data:
                    if hashlib.file_digest(data, "sha256").hexdigest() == sha256:
                        return item.relative
        except OSError:
            continue  # an unreadable corpus file is the indexer's to report
    return ""


def _link_free_name(temp: Path, corpus: Path, name: str, first: int = 1, move: bool = False) -> str:
    """Give `temp` the first free name of "name.pdf", "name (2).pdf", ... without overwriting
    (from "name (`first`).pdf" on); `move` removes the old name."""
    stem, suffix = Path(name).stem, Path(name).suffix
    for n in range(first, 10_000):
        candidate = name if n == 1 else f"{stem} ({n}){suffix}"
        try:
            os.link(temp, corpus / candidate)  # fails if the name exists: no race, no overwrite
        except FileExistsError:
            continue
        except OSError:  # the file system has no hard links
            if (corpus / candidate).exists():
                continue
            os.replace(temp, corpus / candidate)
        if move:
            temp.unlink(missing_ok=True)
        return candidate
    raise IntakeError(f"no free file name for {name} in {corpus}.")


def _free_id(base: str, corpus: Path, documents: list[Document]) -> str:
    """`base`, or `base-2`, ... when a register or corpus document already has that id."""
    taken = {d.id for d in documents} | {str(e.get("id")) for e in read_manifest(corpus).get("document", [])}
    taken |= {info.id for info in load_catalog(corpus).values()}
    return next(c for n in range(1, 10_000) if (c := base if n == 1 else f"{base}-{n}") not in taken)
