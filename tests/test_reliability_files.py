"""Reliability against the file system (issue 15, items 2, 3, 4 and 10): names that are not
UTF-8, unreadable files and folders, files vanishing mid-run, read-only and full data folders,
`add` into a read-only corpus, and `add` of a file that then fails to index.

Tests run as root, who may read a `chmod 000` file: permissions are simulated by patching the
os and open calls for the paths concerned (`deny`, `read_only`). A full disk is a small tmpfs
where this machine lets us mount one, and an injected ENOSPC otherwise.
"""

from __future__ import annotations

import builtins
import errno
import io
import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cli_support import Run, run_cli

from imvo_assist.index.store import is_current
from imvo_assist.library import Library, add_files, refresh
from imvo_assist.settings import Settings, make_settings

NEW_WORD = "kwispelvlinderakkoord"
NOTE = f"# Notitie\n\nHet {NEW_WORD} verbiedt kinderarbeid in de keten.\n"
QUESTION = ("ask", "--json", "Welke sectoren hebben een verhoogd risico?")
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


# --- helpers -------------------------------------------------------------------------------


def one_line_error(run: Run) -> str:
    """The one stderr line of a failed command (no traceback)."""
    assert "Traceback" not in run.err, run.err
    [line] = run.err.splitlines()
    return line


def _under(path: object, folder: Path) -> bool:
    if isinstance(path, int):
        return False
    try:
        return Path(os.fsdecode(path)).absolute().is_relative_to(folder)
    except (TypeError, ValueError):
        return False


def _refuse(code: int, path: object) -> OSError:
    return OSError(code, os.strerror(code), os.fsdecode(path))  # type: ignore[arg-type]


def patch_open(monkeypatch: pytest.MonkeyPatch, refuse: Callable[[object, str | int], bool], code: int) -> None:
    """Make open(), Path.open() and os.open() raise `code` when `refuse(path, mode or flags)`."""
    real_open, real_os_open = builtins.open, os.open

    def guarded_open(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if refuse(file, mode):
            raise _refuse(code, file)
        return real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    def guarded_os_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if refuse(path, flags):
            raise _refuse(code, path)
        return real_os_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)


def deny(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    """Opening these files fails with EACCES, as after `chmod 000` for a normal user."""
    denied = {path.absolute() for path in paths}
    patch_open(monkeypatch, lambda path, mode: not isinstance(path, int)
               and Path(os.fsdecode(path)).absolute() in denied, errno.EACCES)  # type: ignore[arg-type]


def read_only(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Every write below `folder` fails with EROFS, as on a read-only mount."""
    folder = folder.absolute()

    def writes(path: object, mode: str | int) -> bool:
        writing = bool(mode & WRITE_FLAGS) if isinstance(mode, int) else any(c in mode for c in "wax+")
        return writing and _under(path, folder)

    patch_open(monkeypatch, writes, errno.EROFS)
    for name in ("mkdir", "rename", "replace", "unlink", "remove", "rmdir", "link"):
        real = getattr(os, name)

        def guarded(path: object, *args: object, _real: Callable = real, **kwargs: object) -> object:
            if _under(path, folder) or (args and _under(args[0], folder)):
                raise _refuse(errno.EROFS, path)
            return _real(path, *args, **kwargs)

        monkeypatch.setattr(os, name, guarded)


@pytest.fixture
def small(tmp_path: Path, shared_corpus: Path) -> Settings:
    """A corpus of the letter and a note, indexed."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(shared_corpus / "kamerbrief-2014-11-19-sra.pdf", corpus)
    (corpus / "notitie.md").write_text(NOTE, encoding="utf-8")
    settings = make_settings(corpus, tmp_path / "data" / "ix")
    refresh(settings)
    return settings


def snapshot(settings: Settings) -> tuple[dict, list]:
    library = Library(settings)
    return library.files, [hit.passage.id for hit in library.search(NEW_WORD).hits]


def answer(run: Run) -> dict:
    """The JSON answer of an `ask` run without its timing."""
    data = run.json()
    assert isinstance(data, dict) and run.code in (0, 1), run.err
    return {key: value for key, value in data.items() if key != "elapsed_ms"}


# --- item 2: names that are not UTF-8 ------------------------------------------------------


def test_names_that_are_not_utf8_are_indexed_under_a_display_name(
    small: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = os.fsencode(small.corpus)
    with open(corpus + b"/notitie-caf\xe9.txt", "wb") as out:
        out.write(b"Het zwaluwstaartoverleg in het caf\xc3\xa9 ging over kinderarbeid.\n")
    os.mkdir(corpus + b"/map-\xff")
    with open(corpus + b"/map-\xff/bericht.md", "wb") as out:
        out.write(b"# Bericht\n\nHet zwaluwstaartoverleg is hervat.\n")
    run = run_cli(capsys, small, "index")
    assert run.code == 0 and "Traceback" not in run.err, run.err
    rows = {row["file"]: row for row in run_cli(capsys, small, "docs", "--json").json() if row["file"]}  # type: ignore[union-attr]
    assert rows["notitie-caf\\xe9.txt"]["status"] == "indexed"
    assert rows["map-\\xff/bericht.md"]["status"] == "indexed"
    assert rows["notitie.md"]["status"] == "indexed"  # the index that worked before still does
    hits = run_cli(capsys, small, "search", "--json", "zwaluwstaartoverleg").json()["hits"]  # type: ignore[index]
    assert {hit["doc_id"] for hit in hits} == {rows["notitie-caf\\xe9.txt"]["id"], rows["map-\\xff/bericht.md"]["id"]}
    answer(run_cli(capsys, small, *QUESTION))  # no traceback, valid JSON
    assert run_cli(capsys, small, "index").err.count(" 0 read,") == 1  # unchanged next time


# --- item 3: file-system errors are one line -----------------------------------------------


def test_unreadable_file_is_one_line_and_the_rest_is_indexed(
    small: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = small.corpus / "geheim.md"
    secret.write_text(NOTE.replace(NEW_WORD, "geheimwoord"), encoding="utf-8")
    (small.corpus / "open.md").write_text("# Open\n\nHet zwaluwstaartoverleg.\n", encoding="utf-8")
    deny(monkeypatch, secret)
    run = run_cli(capsys, small, "index")
    assert run.code == 0 and "Traceback" not in run.err, run.err
    assert "failed: geheim.md: cannot read (Permission denied)" in run.err.splitlines()
    assert Library(small).search("zwaluwstaartoverleg").hits
    monkeypatch.undo()  # readable again: read at the next run
    assert run_cli(capsys, small, "index").code == 0
    assert Library(small).files["geheim.md"]["status"] == "indexed"


def test_file_deleted_between_scan_and_hashing(
    small: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from imvo_assist.index import writer

    (small.corpus / "vluchtig.md").write_text(NOTE, encoding="utf-8")
    (small.corpus / "blijft.md").write_text("# Blijft\n\nHet zwaluwstaartoverleg.\n", encoding="utf-8")
    real_scan = writer.scan

    def scan_then_delete(*args: object) -> object:
        found = real_scan(*args)  # type: ignore[arg-type]
        (small.corpus / "vluchtig.md").unlink()
        return found

    monkeypatch.setattr(writer, "scan", scan_then_delete)
    run = run_cli(capsys, small, "index")
    assert run.code == 0 and "Traceback" not in run.err, run.err
    assert "failed: vluchtig.md: cannot read (No such file or directory)" in run.err.splitlines()
    assert Library(small).search("zwaluwstaartoverleg").hits


def test_read_only_data_folder(
    small: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(small)
    answered = answer(run_cli(capsys, small, *QUESTION))
    (small.corpus / "nieuw.md").write_text("# Nieuw\n\nHet zwaluwstaartoverleg.\n", encoding="utf-8")
    read_only(monkeypatch, small.index.parent)
    run = run_cli(capsys, small, "index")
    assert run.code == 2
    line = one_line_error(run)
    assert line.startswith(f"imvo-assist: Cannot write the index {small.index}: ") and "Read-only file system" in line
    ask = run_cli(capsys, small, *QUESTION)  # answers from the last committed index
    assert answer(ask) == answered
    assert "Read-only file system" in one_line_error(ask) and "last committed index" in ask.err
    monkeypatch.undo()
    assert snapshot(small) == before and is_current(small.index)


def test_enospc_during_commit_keeps_the_old_index(
    small: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import whoosh.index

    before, answered = snapshot(small), answer(run_cli(capsys, small, *QUESTION))
    (small.corpus / "nieuw.md").write_text("# Nieuw\n\nHet zwaluwstaartoverleg.\n", encoding="utf-8")

    def full(self: object, storage: object, indexname: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(small.index / "_MAIN_2.toc"))

    monkeypatch.setattr(whoosh.index.TOC, "write", full)
    run = run_cli(capsys, small, "index")
    assert run.code == 2
    assert one_line_error(run) == (
        f"imvo-assist: Cannot write the index {small.index}: {small.index / '_MAIN_2.toc'}: "
        "No space left on device. Free disk space, then run `imvo-assist index` again; the last "
        "committed index is unchanged."
    )
    assert snapshot(small) == before
    assert answer(run_cli(capsys, small, *QUESTION)) == answered  # from the last commit
    monkeypatch.undo()
    assert run_cli(capsys, small, "index").code == 0
    assert "nieuw.md" in Library(small).files


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs (skipped where this process may not mount one)."""
    folder = tmp_path / "tmpfs"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)],
                             capture_output=True, check=False)
    if mounted.returncode:
        pytest.skip("cannot mount a tmpfs here (the injected ENOSPC test covers a full disk)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_full_disk_keeps_the_old_index(
    tmpfs: Path, small: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = make_settings(small.corpus, tmpfs / "ix")
    refresh(settings)
    before, answered = snapshot(settings), answer(run_cli(capsys, settings, *QUESTION))
    for n in range(10):  # about 300 KB more index
        (small.corpus / f"kopie-{n}.md").write_text(NOTE * 50, encoding="utf-8")
    filler = tmpfs / "filler"
    space = os.statvfs(tmpfs)
    filler.write_bytes(b"\0" * (space.f_bavail * space.f_frsize - 60_000))  # room for a lock file
    run = run_cli(capsys, settings, "index")
    assert run.code == 2
    assert "No space left on device" in one_line_error(run)
    assert snapshot(settings) == before
    assert answer(run_cli(capsys, settings, *QUESTION)) == answered
    filler.unlink()
    assert run_cli(capsys, settings, "index").code == 0
    assert len(Library(settings).files) == 12


def test_unwritable_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str], shared_corpus: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("IMVO_ASSIST_DATA", str(blocker / "data"))
    settings = make_settings(shared_corpus)  # the index goes below IMVO_ASSIST_DATA
    for command in (("index",), QUESTION):
        run = run_cli(capsys, settings, *command)
        assert run.code == 2, command
        line = one_line_error(run)
        assert line.startswith("imvo-assist: Cannot write the index ") and "Not a directory" in line


def test_add_into_a_read_only_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    source = tmp_path / "notitie.md"
    source.write_text(NOTE, encoding="utf-8")
    settings = make_settings(corpus, tmp_path / "ix")
    read_only(monkeypatch, corpus)
    run = run_cli(capsys, settings, "add", str(source))
    assert run.code == 2 and "Traceback" not in run.err, run.err
    [line] = run.out.splitlines()
    assert line.startswith(f"failed     {source}: cannot copy {source} into {corpus}: Read-only file system.")


# --- item 4: an unreadable sub-folder ------------------------------------------------------


def test_unreadable_sub_folder_is_reported(
    small: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    hidden = small.corpus / "dicht"
    hidden.mkdir()
    (hidden / "binnen.md").write_text(NOTE, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(os.fsdecode(path)) == hidden:  # type: ignore[arg-type]
            raise _refuse(errno.EACCES, path)
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    run = run_cli(capsys, small, "index")
    assert run.code == 0 and "Traceback" not in run.err, run.err
    assert "failed: dicht: cannot read folder (Permission denied)" in run.err.splitlines()
    rows = {row["file"]: row for row in Library(small).document_list() if row["file"]}
    assert rows["dicht"]["status"] == "failed" and rows["notitie.md"]["status"] == "indexed"


# --- item 10: add -----------------------------------------------------------------------


def test_add_exits_2_when_the_added_file_fails_to_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notitie.md").write_text(NOTE, encoding="utf-8")
    empty = tmp_path / "leeg.pdf"
    empty.write_bytes(b"")
    run = run_cli(capsys, make_settings(corpus, tmp_path / "ix"), "add", str(empty))
    assert run.code == 2 and "Traceback" not in run.err
    assert run.out.startswith(f"added      {empty} -> leeg.pdf")
    assert "warning: leeg.pdf was added but could not be indexed: leeg.pdf: empty file" in run.err


SLOW_TITLE = """
import os, time
def reader(*args, **kwargs):
    with open({log!r}, "a") as log:
        log.write(str(os.getpid()) + "\\n")
    time.sleep(60)
"""


def test_add_reads_the_title_in_a_limited_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdf

    corpus = tmp_path / "corpus"
    pdf = tmp_path / "traag.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    log = tmp_path / "readers.log"
    space: dict[str, object] = {}
    exec(SLOW_TITLE.format(log=str(log)), space)  # noqa: S102 - a stand-in for a crafted PDF
    monkeypatch.setattr(pypdf, "PdfReader", space["reader"])
    started = time.monotonic()
    [result] = add_files(make_settings(corpus, tmp_path / "ix", timeout_s=1.0), [pdf])
    assert time.monotonic() - started < 10  # the 60 s read was cut at the time limit
    assert (result.status, result.file, result.title, result.matched) == ("added", "traag.pdf", "", False)
    [reader_pid] = log.read_text().split()
    assert int(reader_pid) != os.getpid()  # read in a child process, not in the main one
