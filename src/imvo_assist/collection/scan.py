"""The corpus folder: which files to index and what is known about each document.

Traversal never leaves the corpus: symlinks are followed only when their target stays inside
the corpus root, directory loops are not entered, and devices, sockets and FIFOs are ignored.
A folder that cannot be read is reported like a file that cannot be read. A name that is not
valid UTF-8 (bytes Python keeps as surrogates) is listed under a display name with each such
byte written as `\\xNN`; the file itself is still read through its real name.
Metadata comes from `MANIFEST.toml` / `documents.toml` in the corpus and from the bundled
register; a file nobody describes gets an id from its path and a guessed kind.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from imvo_assist.errors import CorpusError
from imvo_assist.models import Document
from imvo_assist.paths import BUNDLED_CORPUS, BUNDLED_DATA_SUFFIXES

SUPPORTED = frozenset({".pdf", ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".csv", ".tsv"})
IGNORED_NAMES = re.compile(r"^(readme|license|licence|copying|manifest)(\b|[-_.])", re.IGNORECASE)
METADATA_FILES = ("MANIFEST.toml", "documents.toml")
KIND_HINTS = (
    ("bronnenboek", "register"), ("register", "register"), ("kamerbrief", "letter"),
    ("brief", "letter"), ("convenant", "covenant"), ("agreement", "covenant"),
    ("advies", "advice"), ("advice", "advice"), ("rapport", "report"), ("report", "report"),
    ("notitie", "note"), ("note", "note"),
)


@dataclass(frozen=True)
class CorpusFile:
    """A file to index: its path, its path relative to the corpus, and its metadata."""

    path: Path
    relative: str
    info: Document
    """What the register and the corpus' own metadata say of it (only the id when nothing)."""


@dataclass(frozen=True)
class Skipped:
    """A path that was found but not indexed, with the reason."""

    relative: str
    reason: str
    failed: bool = False
    """True when the path should have been read but could not (permissions, a vanished file)."""


def slugify(text: str) -> str:
    """A stable ASCII id from a file path or title."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return slug[:80].rstrip("-") or "document"


def guess_kind(name: str) -> str:
    """A document kind from words in its file name, else "other"."""
    lowered = name.lower()
    if lowered.endswith((".csv", ".tsv")):
        return "register"
    return next((kind for hint, kind in KIND_HINTS if hint in lowered), "other")


def scan(
    roots: Path | Sequence[Path], registered: Iterable[Document] = ()
) -> tuple[list[CorpusFile], list[Skipped]]:
    """Find the indexable files of a corpus.

    Args:
        roots: the corpus root folder, or several (the bundled corpus, then the user's
            additions); a file in a later root replaces one with the same relative path.
        registered: the documents the bundled catalogue knows, with their file names.

    Returns:
        The files to index (sorted by relative path) and the paths skipped with a reason.

    Raises:
        CorpusError: the (first) corpus folder does not exist or is not a folder.
    """
    folders = [roots] if isinstance(roots, Path) else list(roots)
    if not folders[0].is_dir():
        raise CorpusError(
            f"Corpus folder not found: {folders[0]}", "Pass --corpus DIR or set IMVO_ASSIST_CORPUS."
        )
    registered = tuple(registered)
    found: dict[str, tuple[Path, dict[str, Document]]] = {}
    skipped: dict[str, Skipped] = {}
    for folder in (f for f in folders if f.is_dir()):
        catalog = load_catalog(folder, registered)
        found_here: list[Skipped] = []
        for path, relative in _walk(folder.resolve(), found_here):
            found[relative] = (path, catalog)
            skipped.pop(relative, None)
        skipped.update({item.relative: item for item in found_here})
    files: list[CorpusFile] = []
    used_ids: set[str] = set()
    for relative, (path, catalog) in sorted(found.items()):
        info = catalog.get(path.name) or Document(id=slugify(str(Path(relative).with_suffix(""))))
        if info.id in used_ids:  # two files claiming one id: keep both, apart
            info = replace(info, id=slugify(relative))
        used_ids.add(info.id)
        files.append(CorpusFile(path, relative, info))
    return files, sorted(skipped.values(), key=lambda s: s.relative)


def _walk(root: Path, skipped: list[Skipped]) -> list[tuple[Path, str]]:
    found: list[tuple[Path, str]] = []
    names: set[str] = set()

    def unreadable(error: OSError) -> None:
        folder = Path(error.filename or root)
        relative = display_name(folder.relative_to(root).as_posix()) if folder != root else "."
        skipped.append(Skipped(relative, f"cannot read folder ({error.strerror or error})", failed=True))

    for folder, dirnames, filenames in os.walk(root, onerror=unreadable, followlinks=False):
        base = Path(folder)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not (base / d).is_symlink())
        for name in sorted(filenames):
            path = base / name
            relative = display_name(path.relative_to(root).as_posix())
            reason = _skip_reason(path, root, name)
            if reason == "ignore":
                continue
            if not reason and relative in names:
                reason = "its name is not valid UTF-8 and reads like another file's"
            if reason:
                skipped.append(Skipped(relative, reason))
                continue
            names.add(relative)
            found.append((path, relative))
    return found


def display_name(name: str) -> str:
    """`name` with every byte that is not UTF-8 (kept by Python as a surrogate) as `\\xNN`."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def _skip_reason(path: Path, root: Path, name: str) -> str:
    if name.startswith(".") or name in METADATA_FILES or IGNORED_NAMES.match(name):
        return "ignore"
    if path.suffix.lower() in BUNDLED_DATA_SUFFIXES and root == BUNDLED_CORPUS.resolve():
        return "ignore"  # the catalogue's own data (lexicon, word lists), not documents
    if path.suffix.lower() not in SUPPORTED:
        return "ignore" if path.suffix.lower() == ".toml" else f"unsupported file type {path.suffix or '(none)'}"
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return "broken symbolic link"
        if not target.is_relative_to(root):
            return "symbolic link points outside the corpus"
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot read ({exc.strerror})"
    if not stat.S_ISREG(mode):
        return "not a regular file (device, socket or pipe)"
    return ""


def load_catalog(corpus: Path, registered: Iterable[Document] = ()) -> dict[str, Document]:
    """Metadata by file name: the registered documents, overlaid field by field by the corpus'
    own MANIFEST.toml / documents.toml (matched by file name or by document id)."""
    registered = tuple(registered)
    by_id = {info.id: info for info in registered}
    catalog = {name: info for info in registered for name in info.files}
    for source in (corpus / name for name in METADATA_FILES):
        if not source.is_file():
            continue
        for name, info in _read_catalog(source).items():
            base = catalog.get(name) or by_id.get(info.id)
            catalog[name] = base.overlaid(info) if base else info
    return catalog


def _read_catalog(source: Path) -> dict[str, Document]:
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CorpusError(f"{source}: not valid TOML ({exc})", "Fix or remove the file.") from exc
    entries: dict[str, Document] = {}
    for entry in data.get("document", []):
        if not isinstance(entry, dict) or "id" not in entry:
            continue
        url = str(entry.get("url", ""))
        info = Document(
            id=str(entry["id"]),
            title=str(entry.get("title", "")),
            kind=str(entry.get("kind", "")),
            language=str(entry.get("language", "")),
            publisher=str(entry.get("publisher", "")),
            date=str(entry.get("date", "")),
            citation=str(entry.get("citation", "")),
            url="" if url == "unknown" else url,
        )
        names = entry.get("files") or ([entry["file"]] if entry.get("file") else [])
        for name in names:
            entries[Path(str(name)).name] = info
    return entries
