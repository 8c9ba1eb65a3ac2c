"""Adding the user's own files to the corpus and recognising which register document each is.

A file is copied (never moved, never overwriting another file) into the corpus folder, then
matched to the bundled register by its title: the PDF's metadata title and the opening lines
of its first page, compared with the register titles by rapidfuzz' token-set ratio. A match
records the file under the register id (`corpus.load_catalog` adds the register's metadata);
otherwise a new entry gets an id, and a title when the file has one, from the file. Nothing
outside the corpus and the given files is read or written. Titles are read in a forked child
with the extraction worker's time and memory limits (a crafted PDF costs at most those).
Indexing is left to the caller (`library.refresh`), which owns progress display and locking.
"""

from __future__ import annotations

import functools
import hashlib
import html
import logging
import os
import re
import stat
import tempfile
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from rapidfuzz import fuzz, process, utils

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
from imvo_assist.paths import BUNDLED_CORPUS
from imvo_assist.settings import Settings

if TYPE_CHECKING:
    from imvo_assist.catalogue.vocabulary import RegisterDocument

MATCH_THRESHOLD = 85.0
"""Lowest token-set ratio (0-100) at which a file's title is taken to be a register title."""
_UNSAFE_CHARS = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
Status = Literal["added", "present", "failed"]


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
    """True when the file is a register document (by its file name or title)."""
    score: float = 0.0
    """The title match score (0-100) behind a match or the best near miss."""
    error: str = ""

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


def add_files(
    settings: Settings,
    paths: list[Path],
    *,
    register: Sequence[RegisterDocument],
    threshold: float = MATCH_THRESHOLD,
) -> list[AddResult]:
    """Copy files into the corpus and record which document each is; does not index.

    Args:
        settings: the corpus to add to (not the bundled register folder); created if missing.
        paths: the files to add; symbolic links are followed to a regular file.
        register: the documents to match against (the bundled catalogue's, passed in by the library).
        threshold: the lowest title match score that counts as a match.

    Returns:
        One result per path, in order; a refused file has status "failed" and an error.

    Raises:
        CorpusError: the corpus cannot be written or its `documents.toml` is invalid.
    """
    documents = list(register)
    corpus = writable_corpus(settings.writable_corpus)
    read_manifest(corpus)  # an invalid manifest fails before any file is copied
    results = []
    for path in paths:
        try:
            results.append(_add_one(corpus, Path(path), documents, threshold, settings))
        except IntakeError as exc:
            results.append(AddResult(str(path), "failed", error=str(exc)))
    return results


def _add_one(corpus: Path, path: Path, documents: list[RegisterDocument], threshold: float,
             settings: Settings) -> AddResult:
    source = _checked_source(path)
    status: Status
    if source.is_relative_to(corpus):
        status, name = "present", source.relative_to(corpus).as_posix()
    else:
        status, name = _copy_in(source, corpus, _safe_name(path.name))
    known = load_catalog(corpus).get(Path(name).name)
    if known is not None:
        in_register = any(doc.id == known.id for doc in documents)
        return AddResult(str(path), status, name, known.id, known.title, matched=in_register)
    title, opening = _read_titles(corpus / name, settings)
    doc, score = _best_match([t for t in (title, opening) if t], documents)
    if doc is not None and score >= threshold:
        record_document(corpus, doc.id, name)  # the catalog adds the register's metadata by id
        return AddResult(str(path), status, name, doc.id, doc.title, True, score)
    doc_id = _free_id(slugify(title or Path(name).stem), corpus, documents)
    kind = guess_kind(name) if guess_kind(name) != "other" else guess_kind(title)
    record_document(corpus, doc_id, name, title=title, kind=kind)  # no title: indexer decides
    return AddResult(str(path), status, name, doc_id, title, False, score)


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


def _link_free_name(temp: Path, corpus: Path, name: str) -> str:
    """Give `temp` the first free name of "name.pdf", "name (2).pdf", ... without overwriting."""
    stem, suffix = Path(name).stem, Path(name).suffix
    for n in range(1, 10_000):
        candidate = name if n == 1 else f"{stem} ({n}){suffix}"
        try:
            os.link(temp, corpus / candidate)  # fails if the name exists: no race, no overwrite
        except FileExistsError:
            continue
        except OSError:  # the file system has no hard links
            if (corpus / candidate).exists():
                continue
            os.replace(temp, corpus / candidate)
        return candidate
    raise IntakeError(f"no free file name for {name} in {corpus}.")


def _read_titles(path: Path, settings: Settings) -> tuple[str, str]:
    """`_title_texts` in a limited child process; ("", "") when it fails or takes too long."""
    from imvo_assist.extract.workers import call_isolated

    found = call_isolated(_title_texts, path, settings.password,
                          timeout_s=settings.timeout_s, memory_mb=settings.memory_mb)
    return found if isinstance(found, tuple) else ("", "")


def _title_texts(path: Path, password: str | None) -> tuple[str, str]:
    """(title, opening lines) of a corpus file; "" where there is none.

    The title comes only from metadata or markup meant as one (PDF /Title, HTML <title>, the
    first Markdown heading); the opening lines are the start of the (first page's) text.
    """
    title, text, suffix = "", "", path.suffix.lower()
    try:
        if suffix == ".pdf":
            import pypdf  # deferred: slow to import, needed only for PDFs

            logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # damage is the indexer's to report
            reader = pypdf.PdfReader(path)
            if reader.is_encrypted:
                reader.decrypt(password or "")
            title = (reader.metadata.title if reader.metadata else None) or ""
            text = reader.pages[0].extract_text() if reader.pages else ""
        else:
            with path.open("rb") as data:
                text = _decode(data.read(64 * 1024))
            if suffix in (".html", ".htm"):
                found = _HTML_TITLE.search(text)
                title = html.unescape(_TAG.sub(" ", found.group(1))) if found else ""
                text = html.unescape(_TAG.sub("\n", text))
            elif suffix in (".md", ".markdown"):
                title = next((ln.lstrip("#") for ln in text.splitlines() if ln.startswith("#")), "")
    except Exception:  # noqa: BLE001 - an unreadable file is matched by name alone; indexing reports it
        return "", ""
    lines: list[str] = []
    for line in (" ".join(raw.lstrip("#").split()) for raw in text.splitlines()):
        if line:
            lines.append(line)
        if len(lines) >= 3 or sum(len(x.split()) for x in lines) >= 8:
            break
    return " ".join(title.split())[:200], " ".join(lines)[:200]


def _decode(raw: bytes) -> str:
    """Text from the first bytes of a file: UTF-16 with BOM, UTF-8, else Windows-1252."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return raw.decode("utf-16", "replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start > len(raw) - 4:  # a character cut off at the end of the sample
            return raw[: exc.start].decode("utf-8-sig")
        return raw.decode("cp1252", "replace")


def _best_match(texts: list[str], documents: list[RegisterDocument]) -> tuple[RegisterDocument | None, float]:
    """The register document whose title fits a text best, with its score (0-100).

    A pair scores its token-set ratio, capped by the share of the title's words found in the
    text (a word counts when a text word is >= 80 % like it). The cap keeps a long opening that
    shares three of four title words from matching: token-set ratio alone rates that above 90.
    Ties go to the higher token-sort ratio (fewer extra words), then to register order.
    """
    best: tuple[float, float] = (0.0, 0.0)
    found = None
    for text in (utils.default_process(t) for t in texts):
        words = set(text.split())
        if len(words) < 2:
            continue
        for doc in documents:
            for form in filter(None, (doc.title, doc.title_en, *_alternative_titles().get(doc.id, ()))):
                form = utils.default_process(form)
                title_words = set(form.split())
                share = sum(w in words or process.extractOne(w, words, scorer=fuzz.ratio,
                                                              score_cutoff=80) is not None
                            for w in title_words) / len(title_words)
                score = (min(fuzz.token_set_ratio(text, form), 100 * share),
                         fuzz.token_sort_ratio(text, form))
                if score > best:
                    best, found = score, doc
    return found, round(best[0], 1)


@functools.cache
def _alternative_titles() -> dict[str, tuple[str, ...]]:
    """`title_short` and `title_nl` of the bundled register (RegisterDocument lacks them)."""
    with (BUNDLED_CORPUS / "documents.toml").open("rb") as data:
        entries = tomllib.load(data).get("document", [])
    return {e["id"]: tuple(str(e[k]) for k in ("title_short", "title_nl") if e.get(k))
            for e in entries}


def _free_id(base: str, corpus: Path, documents: list[RegisterDocument]) -> str:
    """`base`, or `base-2`, ... when a register or corpus document already has that id."""
    taken = {d.id for d in documents} | {str(e.get("id")) for e in read_manifest(corpus).get("document", [])}
    taken |= {info.id for info in load_catalog(corpus).values()}
    return next(c for n in range(1, 10_000) if (c := base if n == 1 else f"{base}-{n}") not in taken)
