"""`imvo-assist doctor`: check the installation, the corpus and the index, and say how to fix.

Every check returns a `Check` (ok, warn or fail) with a concrete next step; a check that raises
unexpectedly becomes a "fail" of its own, so the doctor itself never crashes. Nothing is
created: the write lock is only tried when its file exists, and is released at once.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal

from rich.text import Text

from imvo_assist.catalogue.loader import load_documents, load_vocabulary
from imvo_assist.errors import CorpusError, ImvoError, IndexLockedError
from imvo_assist.settings import Settings

Status = Literal["ok", "warn", "fail"]
INDEX_FIX = "Run `imvo-assist index` (add --corpus DIR if needed)."
REBUILD_FIX = "Run `imvo-assist index --rebuild`."
# distribution -> minimum version (pyproject.toml); cryptography only opens AES-encrypted PDFs
DEPENDENCIES = {
    "whoosh-reloaded": "2.7.5", "pypdf": "5.0", "cryptography": "", "rapidfuzz": "3.0",
    "textual": "0.80", "platformdirs": "4.0", "click": "8.1", "rich": "13.0", "tomlkit": "0.12",
}
INSTALL = {"pypdf": "pypdf[crypto]", "cryptography": "pypdf[crypto]"}
WARN_MB, FAIL_MB = 500, 50
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Check:
    """The outcome of one check: what was looked at, how it is, and what to do about it."""

    name: str
    status: Status
    detail: str
    fix: str = ""

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def run_checks(settings: Settings) -> list[Check]:
    """Run every check in order; never raises."""
    checks: list[Callable[[Settings], Check | list[Check]]] = [
        _python, _dependencies, _register, _corpus, _index, _lock, _disk,
    ]
    results: list[Check] = []
    for check in checks:
        try:
            outcome = check(settings)
        except Exception as exc:  # noqa: BLE001 - a broken check is reported, not raised
            outcome = Check(
                check.__name__.lstrip("_"), "fail",
                f"the check itself failed: {type(exc).__name__}: {exc}",
                "Report this as a bug of imvo-assist, with this line.",
            )
        results.extend(outcome if isinstance(outcome, list) else [outcome])
    return results


def render_checks(checks: list[Check]) -> Text:
    """The checks as styled terminal text: no markup is interpreted, and control characters of
    file names and errors are shown escaped, never sent to the terminal."""

    def safe(value: str) -> str:
        return UNPRINTABLE.sub(lambda match: repr(match.group())[1:-1], value)

    styles = {"ok": "green", "warn": "yellow", "fail": "bold red"}
    text = Text()
    for check in checks:
        text.append(f"{check.status:<4} ", style=styles[check.status])
        text.append(f"{check.name}: ", style="bold")
        text.append(f"{safe(check.detail)}\n")
        if check.fix and check.status != "ok":
            text.append(f"     fix: {safe(check.fix)}\n", style="dim")
    failed = sum(c.status == "fail" for c in checks)
    warned = sum(c.status == "warn" for c in checks)
    summary = f"{failed} failed, {warned} warnings, {len(checks) - failed - warned} ok"
    text.append(summary, style="bold red" if failed else "bold")
    return text


def _listed(items: list[str], shown: int = 5) -> str:
    more = f" (and {len(items) - shown} more)" if len(items) > shown else ""
    return "; ".join(items[:shown]) + more


def _python(_: Settings) -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    if sys.version_info < (3, 11):  # noqa: UP036 - an old interpreter can still run this
        return Check("python", "fail", f"Python {version} is too old", "Install Python 3.11+.")
    return Check("python", "ok", f"Python {version} ({sys.executable})")


def _version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version)[:3])


def _dependencies(_: Settings) -> Check:
    found, problems, fixes, status = [], [], [], "ok"
    for name, minimum in DEPENDENCIES.items():
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = ""
        if version and _version_tuple(version) >= _version_tuple(minimum):
            found.append(f"{name} {version}")
            continue
        need = f" (need >= {minimum})" if version else ""
        need += " (AES-encrypted PDFs cannot be opened)" if name == "cryptography" else ""
        problems.append(f"{name} {version or 'missing'}{need}")
        fixes.append(f"pip install '{INSTALL.get(name, name)}{f'>={minimum}' if minimum else ''}'")
        status = "fail" if name != "cryptography" or status == "fail" else "warn"
    if not problems:
        return Check("dependencies", "ok", ", ".join(found))
    return Check("dependencies", status, "; ".join(problems), "; ".join(fixes))  # type: ignore[arg-type]


def _register(_: Settings) -> Check:
    try:
        vocabulary, documents = load_vocabulary(), load_documents()
    except CorpusError as exc:
        return Check("register", "fail", exc.message,
                     "Reinstall imvo-assist: its bundled corpus/ files are damaged.")
    return Check("register", "ok", f"{len(vocabulary.sectors)} sectors, {len(vocabulary.risks)} "
                 f"risks, {len(vocabulary.organisations)} organisations, {len(documents)} documents")


def _corpus(settings: Settings) -> Check:
    from imvo_assist.library import scan_corpus

    folder = settings.corpus
    if folder.is_dir() and not os.access(folder, os.R_OK | os.X_OK):  # os.walk would hide it
        return Check("corpus", "fail", f"{folder} is not readable", f"chmod u+rx '{folder}'")
    try:
        files, skipped = scan_corpus(settings)
    except CorpusError as exc:
        return Check("corpus", "fail", exc.message,
                     "Pass --corpus DIR or set IMVO_ASSIST_CORPUS to your documents folder.")
    detail = f"{len(files)} indexable files in {folder}"
    if skipped:
        reasons = [f"{s.relative}: {s.reason}" for s in skipped]
        return Check("corpus", "warn", f"{detail}; {len(skipped)} skipped: {_listed(reasons)}",
                     "Remove, replace or move these paths into the corpus; they are not indexed.")
    if not files:
        return Check("corpus", "warn", f"{detail}; only the bundled register facts can be cited",
                     "Add documents with `imvo-assist add FILE` or `imvo-assist fetch`.")
    return Check("corpus", "ok", detail)


def _index(settings: Settings) -> list[Check]:
    from whoosh import index as whoosh_index

    from imvo_assist.index import REGISTER_PATH, current_meta, file_records, open_index, read_meta
    from imvo_assist.library import is_stale

    folder = settings.index
    try:
        if not whoosh_index.exists_in(str(folder)):
            return [Check("index", "warn", f"no index at {folder} yet (built on first use)",
                          INDEX_FIX)]
        meta, current = read_meta(folder), current_meta()
        if meta != current:
            why = "its version record is missing or unreadable"
            if isinstance(meta, dict):
                why = ", ".join(f"{key} {meta.get(key)!r} (now {value!r})"
                                for key, value in current.items() if meta.get(key) != value)
            return [Check("index", "warn", f"{folder} was written by another version: {why}",
                          REBUILD_FIX)]
        index = open_index(folder)
        with index.searcher() as searcher:  # counted as `index` counts: documents' passages
            passages = sum(1 for _ in searcher.document_numbers(record="passage", source="passage"))
            facts = sum(1 for _ in searcher.document_numbers(record="passage", source="register"))
        records = file_records(index)
    except ImvoError as exc:
        return [Check("index", "fail", exc.message, exc.hint or REBUILD_FIX)]
    except Exception as exc:  # noqa: BLE001 - a damaged index raises many kinds of errors
        why = f"{type(exc).__name__}: {exc}"
        return [Check("index", "fail", f"{folder} cannot be read: {why}", REBUILD_FIX)]
    records.pop(REGISTER_PATH, None)
    bad = [f"{meta.get('status')}: {meta.get('error') or meta.get('path')}"
           for meta in records.values() if meta.get("status") not in ("indexed", None)]
    files = Check("files", "ok", f"all {len(records)} files indexed")
    if bad:
        files = Check("files", "warn", f"{len(bad)} of {len(records)} files not indexed: "
                      f"{_listed(bad)}", "Replace damaged or scanned files; for encrypted PDFs "
                      "pass --password-file FILE. `imvo-assist docs` lists them all.")
    fresh = Check("freshness", "ok", "the index matches the corpus")
    if is_stale(settings):
        fresh = Check("freshness", "warn", "the corpus changed since the index was built",
                      INDEX_FIX)
    documents = sum(meta.get("status") == "indexed" for meta in records.values())
    counted = (f"{passages} passages of {documents} document{'' if documents == 1 else 's'} "
               f"+ {facts} register facts")
    return [Check("index", "ok", f"{counted}; {len(records)} files in {folder}"), files, fresh]


def _lock(settings: Settings) -> Check:
    from imvo_assist.index import write_lock

    lock_path = settings.index.with_name(f"{settings.index.name}.lock")
    if lock_path.exists():  # a holder always has the file: otherwise nothing to try or create
        try:
            with write_lock(settings.index, 0):
                pass
        except IndexLockedError as exc:
            return Check("lock", "warn", exc.message,
                         "Wait for the other `imvo-assist index` to finish, then try again "
                         "(the lock is released automatically if that process dies).")
    return Check("lock", "ok", "no indexer is running")


def _disk(settings: Settings) -> Check:
    folder: Path = settings.index.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    free_mb = shutil.disk_usage(folder).free / 2**20
    status: Literal["ok", "warn", "fail"] = (
        "fail" if free_mb < FAIL_MB else "warn" if free_mb < WARN_MB else "ok"
    )
    fix = "Free disk space there, or put the index elsewhere with --index DIR or IMVO_ASSIST_DATA."
    return Check("disk", status, f"{free_mb:,.0f} MB free at {folder}", "" if status == "ok" else fix)
