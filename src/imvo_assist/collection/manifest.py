"""The user's corpus manifest: which corpus file is which document.

`add` and `fetch` record here that a file they put into the corpus *is* a register document (or
a new one), so `scan.load_catalog` gives it the right id and metadata. The manifest is
`MANIFEST.toml` in the corpus, a file imvo-assist owns (and `scan.METADATA_FILES` reads); a
hand-written `documents.toml` beside it is read, never written. Existing entries and their fields
are kept; a given field only fills a gap (the user may have edited it), `update` fields replace.
The file is edited with tomlkit, which keeps comments, layout and its file mode; the new text is
parsed back and compared with the intended data before it replaces the old file atomically (temp
file + `os.replace`), so a crash or a writer bug never leaves a broken manifest. There is no
lock: two processes recording at the same moment can lose one entry (re-run the command).
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import os
import re
import stat
import tempfile
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from imvo_assist.errors import CorpusError

MANIFEST_NAME = "MANIFEST.toml"
"""The file `add` and `fetch` write; `documents.toml` (hand-written) is only read."""
ADDED_KEY = "added"
"""Date field of an entry `add` created: such an entry is dropped once it has no file left."""
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def manifest_path(corpus: Path) -> Path:
    """Where `fetch`/`add` record which file is which document: `corpus/MANIFEST.toml`."""
    return corpus / MANIFEST_NAME


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
    """The parsed manifest of a corpus ({} when there is none).

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


def record_document(corpus: Path, id: str, file_name: str, *,
                    update: Mapping[str, Any] | None = None, **fields: Any) -> bool:
    """Record in the corpus manifest that the corpus file `file_name` is document `id`.

    The file name is added to the entry's `files` (an old `file = "..."` moves into `files`,
    since `files` wins over `file` when both are given) and removed from any other entry; an
    entry `add` created that is left without files is dropped. Fields that are None or "" are
    ignored; `fields` only fill fields the entry does not have, `update` replaces them.

    Args:
        corpus: the corpus folder (see `writable_corpus`).
        id: the document id.
        file_name: the file's name inside the corpus.
        update: fields to set whatever the entry holds (a download's sha256, a new match).
        **fields: further metadata: str, int, float, bool, dates or lists of them.

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
    entries[:] = [e for e in entries if e.get("id") == id or not _emptied(e, old)]
    found = [e for e in entries if e.get("id") == id]
    entry: dict[str, Any] = found[0] if found else {"id": id}
    if not found:
        entries.append(entry)
    files = [str(f) for f in entry.get("files") or ([entry["file"]] if entry.get("file") else [])]
    entry.pop("file", None)
    entry["files"] = files + [file_name] if file_name not in files else files
    for key, value in fields.items():
        if value not in (None, "") and key not in entry:
            entry[key] = list(value) if isinstance(value, tuple) else value
    for key, value in (update or {}).items():
        if value not in (None, ""):
            entry[key] = list(value) if isinstance(value, tuple) else value
    if new == old:
        return False
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    candidate = _edited(text, new)
    if not _parses_to(candidate, new):  # a value type or layout the editor cannot express
        raise CorpusError(f"{path}: cannot edit the file without changing what it says.",
                          f"Add the entry for {file_name!r} by hand.")
    _write_atomically(path, candidate)
    return True


def _emptied(entry: dict[str, Any], old: dict[str, Any]) -> bool:
    """True for an entry `add` created whose last file was just moved to another entry."""
    had: dict[str, Any] = next(
        (e for e in old.get("document", []) if e.get("id") == entry.get("id")), {})
    return ADDED_KEY in entry and bool(had.get("files") or had.get("file")) and not (
        entry.get("files") or entry.get("file"))


def _drop_file(entry: dict[str, Any], file_name: str) -> None:
    if entry.get("file") == file_name:
        del entry["file"]
    if isinstance(entry.get("files"), list) and file_name in entry["files"]:
        entry["files"] = [f for f in entry["files"] if f != file_name]


def _edited(text: str, new: dict[str, Any]) -> str:
    """`text` edited with tomlkit to hold `new` (whose entries are those of `text`, changed,
    some dropped, at most one appended), keeping comments and layout."""
    import tomlkit  # deferred: only writing needs it
    from tomlkit.items import AoT

    document = tomlkit.parse(text) if text.strip() else tomlkit.document()
    tables = document.get("document")
    if tables is None:
        tables = tomlkit.aot()
        document.append("document", tables)
    wanted = {e["id"]: e for e in new["document"]}
    for index in reversed(range(len(tables))):
        if tables[index].get("id") not in wanted:
            del tables[index]
    present = {t.get("id") for t in tables}
    for table in tables:
        entry = wanted[table.get("id")]
        for key in [k for k in table if k not in entry]:
            del table[key]
        for key, value in entry.items():
            if table.get(key) != value:
                _set(table, key, value)
    for entry in (e for e in new["document"] if e["id"] not in present):
        inline = not isinstance(tables, AoT)  # `document = [{...}]` written by hand
        table = tomlkit.inline_table() if inline else tomlkit.table()
        for key, value in entry.items():
            table[key] = value if inline else _item(value)
        if not inline:
            table.add(tomlkit.nl())
            if len(tables) and not tomlkit.dumps(document).endswith("\n\n"):
                tables[-1].add(tomlkit.nl())
        tables.append(table)
    text = tomlkit.dumps(document)
    return text.rstrip("\n") + "\n" if text.endswith("\n\n") else text


def _set(table: Any, key: str, value: Any) -> None:
    """`table[key] = value`, but a list that only gained or lost items is edited in place, so
    the comments inside a hand-written array stay."""
    from tomlkit.items import Array

    current = table.get(key)
    if isinstance(current, Array) and isinstance(value, list):
        old = list(current)
        if value[: len(old)] == old:
            current.extend(value[len(old):])
            return
        if all(v in old for v in value) and len(set(map(repr, old))) == len(old):
            for index in reversed(range(len(old))):
                if old[index] not in value:
                    del current[index]
            if list(current) == value:
                return
    table[key] = _item(value)


def _item(value: Any) -> Any:
    """A tomlkit value: lists of tables as one inline table per line, the rest as is."""
    import tomlkit

    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        array = tomlkit.array()
        for entry in value:
            inline = tomlkit.inline_table()
            inline.update(entry)
            array.append(inline)
        return array.multiline(True)
    return value


def dumps(data: dict[str, Any]) -> str:
    """TOML text for parsed TOML data: plain keys first, then tables and arrays of tables
    (a new file; `record_document` edits an existing one with tomlkit)."""
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
    """Replace `path` by `text` via a temp file, keeping the old file's mode."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise CorpusError(f"Cannot write {path}: {exc.strerror}.") from exc
    try:
        os.chmod(temp, mode if mode is not None else 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise CorpusError(f"Cannot write {path}: {exc.strerror}.") from exc


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
