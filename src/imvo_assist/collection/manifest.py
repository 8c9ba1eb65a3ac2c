"""Writing `documents.toml` in the user's corpus: which corpus file is which document.

`fetch` and `add` record here that a file they put into the corpus *is* a register document (or
a new one), so `corpus.load_catalog` gives it the right id and metadata. Existing entries and
their fields are kept; a given field only fills a gap and never overwrites what is there (the
user may have edited it). A new entry is appended to the text, which keeps the user's comments;
any other change rewrites the file from the parsed data (comments are then lost). Either way the
new text is parsed back and compared before it replaces the old file atomically (temp file +
`os.replace`), so a crash or a writer bug never leaves a broken register. There is no lock: two
processes recording at the same moment can lose one entry (re-run the command).
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import os
import re
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from imvo_assist.errors import CorpusError
from imvo_assist.paths import BUNDLED_CORPUS

MANIFEST_NAME = "documents.toml"
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def manifest_path(corpus: Path) -> Path:
    """Where `fetch`/`add` record which file is which document.

    In the bundled corpus that is `MANIFEST.toml`, so the hand-written register
    (`documents.toml`) is never rewritten; elsewhere it is the corpus' `documents.toml`.
    """
    bundled = corpus.expanduser().resolve() == BUNDLED_CORPUS.resolve()
    return corpus / ("MANIFEST.toml" if bundled else MANIFEST_NAME)


def writable_corpus(corpus: Path) -> Path:
    """The resolved corpus folder, created when missing, that `fetch` and `add` may write to.

    Raises:
        CorpusError: the folder cannot be created.
    """
    root = corpus.expanduser()
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CorpusError(f"Cannot create the corpus folder {root}: {exc.strerror}.") from exc
    return root.resolve()


def read_manifest(corpus: Path) -> dict[str, Any]:
    """The parsed `documents.toml` of a corpus ({} when there is none).

    Raises:
        CorpusError: the file is unreadable or not valid TOML, or `document` is not a list of
            tables.
    """
    path = manifest_path(corpus)
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CorpusError(f"{path}: not valid TOML ({exc})", "Fix or remove the file.") from exc
    entries = data.get("document", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise CorpusError(f"{path}: 'document' must be written as [[document]] tables.",
                          "Fix the file.")
    return data


def record_document(corpus: Path, id: str, file_name: str, **fields: Any) -> bool:
    """Record in `corpus/documents.toml` that the corpus file `file_name` is document `id`.

    The file name is added to the entry's `files` (an old `file = "..."` moves into `files`,
    since `files` wins over `file` when both are given) and removed from any other entry.
    Fields that are None or "" are ignored; others only fill fields the entry does not have.

    Args:
        corpus: the corpus folder (see `writable_corpus`).
        id: the document id.
        file_name: the file's name inside the corpus.
        **fields: further metadata: str, int, float, bool or lists of them.

    Returns:
        True when the file was written, False when it already said all this.

    Raises:
        CorpusError: the existing file is invalid, or it cannot be written.
    """
    path = manifest_path(corpus)
    old = read_manifest(corpus)
    new = copy.deepcopy(old)
    entries: list[dict[str, Any]] = new.setdefault("document", [])
    for other in entries:
        if other.get("id") != id:
            _drop_file(other, file_name)
    found = [e for e in entries if e.get("id") == id]
    appended = not found
    entry: dict[str, Any] = found[0] if found else {"id": id}
    if appended:
        entries.append(entry)
    files = [str(f) for f in entry.get("files") or ([entry["file"]] if entry.get("file") else [])]
    entry.pop("file", None)
    entry["files"] = files + [file_name] if file_name not in files else files
    for key, value in fields.items():
        if value not in (None, "") and key not in entry:
            entry[key] = list(value) if isinstance(value, tuple) else value
    if new == old:
        return False
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if appended and new["document"][:-1] == old.get("document", []) and text.strip():
        candidate = text.rstrip("\n") + "\n\n" + dump_table("document", entry, array=True)
        if _parses_to(candidate, new):
            _write_atomically(path, candidate)
            return True
    candidate = dumps(new)
    if not _parses_to(candidate, new):  # a value type this writer cannot express
        raise CorpusError(f"{path}: cannot rewrite the file without changing it.",
                          f"Add the entry for {file_name!r} by hand.")
    _write_atomically(path, candidate)
    return True


def _drop_file(entry: dict[str, Any], file_name: str) -> None:
    if entry.get("file") == file_name:
        del entry["file"]
    if isinstance(entry.get("files"), list) and file_name in entry["files"]:
        entry["files"] = [f for f in entry["files"] if f != file_name]


def dumps(data: dict[str, Any]) -> str:
    """TOML text for parsed TOML data: plain keys first, then tables and arrays of tables."""
    plain = [f"{_key(k)} = {_value(v)}\n" for k, v in data.items() if not _is_table(v)]
    tables = [dump_table(k, v, array=isinstance(v, list)) for k, v in data.items() if _is_table(v)]
    return "".join(plain) + "".join("\n" + table for table in tables)


def dump_table(key: str, value: dict[str, Any] | list[dict[str, Any]], array: bool) -> str:
    """A `[key]` table or the `[[key]]` tables of an array; nested tables are written inline."""
    items = value if isinstance(value, list) else [value]
    header = f"[[{_key(key)}]]" if array else f"[{_key(key)}]"
    return "\n".join(
        header + "\n" + "".join(f"{_key(k)} = {_value(v)}\n" for k, v in item.items())
        for item in items
    )


def _is_table(value: Any) -> bool:
    return isinstance(value, dict) or (
        isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)
    )


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _string(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _value(value: Any) -> str:
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return repr(value) if math.isfinite(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _parses_to(text: str, data: dict[str, Any]) -> bool:
    try:
        return tomllib.loads(text) == data
    except tomllib.TOMLDecodeError:
        return False


def _write_atomically(path: Path, text: str) -> None:
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise CorpusError(f"Cannot write {path}: {exc.strerror}.") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise CorpusError(f"Cannot write {path}: {exc.strerror}.") from exc
