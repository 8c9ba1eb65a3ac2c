"""Reliability: no network, concurrent processes, crashes at chosen moments, untrusted text in
documents and file names, and odd paths.

Not repeated here (see tests/index/test_writer.py and tests/test_hostile.py): in-process lock
refusal and waiting, a kill after N extracted files, versions, the hostile corpus file by file.
Every test in this module runs with the network blocked (the `no_network` fixture); the flows
test asserts it was never even tried.
"""

from __future__ import annotations

import ipaddress
import json
import multiprocessing
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_support import kill_group, run_cli
from shared_paths import CORPUS

from imvo_assist.index import Filters
from imvo_assist.index.store import is_current, write_lock
from imvo_assist.library import Library, refresh
from imvo_assist.settings import Settings, make_settings

LETTER = "kamerbrief-2014-11-19-sra.pdf"
REPORT = CORPUS / "sra-testrapport.pdf"  # CORPUS is ../shared/corpus: its tests are marked `shared`
COPIES = 40
CRASH_COPIES = 24  # each crash run re-extracts from scratch: fewer files keep the test short
CLI = "from imvo_assist.cli import main; main()"
SUMMARY = re.compile(r"(\d+) read, (\d+) unchanged")


# --- helpers -------------------------------------------------------------------------------


cli = run_cli


def cli_process(settings: Settings, *args: str) -> subprocess.Popen[str]:
    """`imvo-assist ... ARGS` in a process group of its own (its extraction workers included)."""
    return subprocess.Popen(
        [sys.executable, "-c", CLI, "--corpus", str(settings.corpus), "--index", str(settings.index), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )


def signal_group(process: subprocess.Popen[str], signum: int) -> None:
    try:
        os.killpg(process.pid, signum)
    except ProcessLookupError:
        pass


def wait_for_lock(settings: Settings, process: subprocess.Popen[str], timeout: float = 30) -> None:
    """Wait until `process` holds the index write lock (the first line of the lock file names
    its pid)."""
    lock = settings.index.with_name(f"{settings.index.name}.lock")
    deadline = time.monotonic() + timeout
    while not (lock.exists() and lock.read_text(encoding="utf-8").partition("\n")[0] == f"imvo-assist pid {process.pid}"):
        assert process.poll() is None, f"exited early: {process.communicate()}"
        assert time.monotonic() < deadline, "the indexer never took the lock"
        time.sleep(0.005)


def generated_corpus(folder: Path, copies: int = COPIES, first: int = 0) -> Path:
    """The letter plus `copies` copies of the test report under different names."""
    folder.mkdir(exist_ok=True)
    if not (folder / LETTER).exists():  # the copy is read-only, like the shared original
        shutil.copy(CORPUS / LETTER, folder / LETTER)
    for n in range(first, first + copies):
        shutil.copy(REPORT, folder / f"rapport-kopie-{n:02d}.pdf")
    return folder


def passage_hits(settings: Settings, text: str) -> list[str]:
    result = Library(settings).search(text, Filters(source="passage"), limit=50)
    return [hit.passage.id for hit in result.hits]


def passage_ids(settings: Settings) -> set[str]:
    with Library(settings).index.searcher() as searcher:
        return {fields["id"] for fields in searcher.documents(record="passage")}


def strings(data: object) -> Iterator[str]:
    """Every string (keys and values) inside parsed JSON."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings(value)


# --- the network ---------------------------------------------------------------------------


class NetworkBlocked(OSError):
    """Raised by the guard instead of connecting anywhere but this machine."""


@dataclass
class Guard:
    log: Path
    """Every attempt, one per line: forked extraction workers write here too (their memory,
    and so any counter in it, is their own)."""

    def attempts(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []

    def reset(self) -> None:
        self.log.unlink(missing_ok=True)


def _is_local(host: object) -> bool:
    if host is None:
        return True
    name = host.decode() if isinstance(host, bytes) else str(host)
    if name.lower() in ("localhost", "localhost.localdomain", ""):
        return True
    try:
        return ipaddress.ip_address(name.split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Guard]:
    """Refuse (and count) every connection or name lookup that is not for this machine."""
    guard = Guard(tmp_path / "network-attempts.log")

    def blocked(what: str) -> NetworkBlocked:
        with open(guard.log, "a", encoding="utf-8") as log:
            log.write(what + "\n")
        return NetworkBlocked(f"network access is blocked in tests: {what}")

    def check(sock: socket.socket, address: object, what: str) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):  # type: ignore[index]
            raise blocked(f"{what} {address!r}")

    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex
    create_connection, getaddrinfo = socket.create_connection, socket.getaddrinfo

    def guarded_connect(self: socket.socket, address: object) -> None:
        check(self, address, "connect")
        return connect(self, address)  # type: ignore[arg-type]

    def guarded_connect_ex(self: socket.socket, address: object) -> int:
        check(self, address, "connect_ex")
        return connect_ex(self, address)  # type: ignore[arg-type]

    def guarded_create_connection(address: tuple, *args: object, **kwargs: object) -> socket.socket:
        if not _is_local(address[0]):
            raise blocked(f"create_connection {address!r}")
        return create_connection(address, *args, **kwargs)  # type: ignore[arg-type]

    def guarded_getaddrinfo(host: object, *args: object, **kwargs: object) -> list:
        if not _is_local(host):
            raise blocked(f"getaddrinfo {host!r}")
        return getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
    monkeypatch.setattr(socket, "create_connection", guarded_create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    yield guard
    assert guard.attempts() == [], "something tried the network"


def _connect_from_child() -> None:
    try:
        socket.create_connection(("192.0.2.1", 443), timeout=1)
    except OSError:
        pass


def test_the_guard_blocks_and_counts_attempts(no_network: Guard) -> None:
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    with socket.socket() as sock, pytest.raises(NetworkBlocked):
        sock.connect(("198.51.100.7", 80))
    with socket.socket(socket.AF_INET6) as sock, pytest.raises(NetworkBlocked):
        sock.connect_ex(("2001:db8::1", 80, 0, 0))
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("zoek.officielebekendmakingen.nl", 443)
    child = multiprocessing.get_context("fork").Process(target=_connect_from_child)
    child.start()
    child.join(10)
    assert len(no_network.attempts()) == 5  # the forked child's attempt is counted too
    # this machine stays reachable (loopback servers, local sockets)
    with socket.create_server(("127.0.0.1", 0)) as server, socket.create_connection(
        server.getsockname(), timeout=5
    ):
        pass
    assert len(no_network.attempts()) == 5
    no_network.reset()


def test_main_flows_never_touch_the_network(
    no_network: Guard, corpus_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = make_settings(corpus_copy, tmp_path / "ix")
    flows = [
        ("index",),
        ("index", "--rebuild", "--json"),
        ("search", "kinderarbeid"),
        ("search", "--json", "--sector", "elektronica", "conflictmineralen"),
        ("ask", "Welke sectoren heeft KPMG geïdentificeerd?"),
        ("ask", "--json", "What are the risks in the electronics sector?"),
        ("ask", "--markdown", "Waar komt het risico kinderarbeid in de textielsector vandaan?"),
        ("docs",),
        ("docs", "--json"),
        ("show", "kamerbrief-2014-11-19-sra", "2"),
        ("show", "--json", "kamerbrief-2014-11-19-sra"),
        ("sources",),
        ("sources", "--json", "--org", "SKC"),
    ]
    for args in flows:
        run = cli(capsys, settings, *args)
        assert run.code in (0, 1), (args, run.err)
        assert "Traceback" not in run.err and "blocked" not in run.err + run.out, args
        assert no_network.attempts() == [], args
    assert is_current(settings.index)


# --- concurrent processes ------------------------------------------------------------------


@pytest.mark.shared
def test_two_indexers_at_once_one_indexes_the_other_waits(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = make_settings(corpus, tmp_path / "ix")
    processes = [cli_process(settings, "index", "--wait", "30") for _ in range(2)]
    results = []
    try:
        for process in processes:
            out, err = process.communicate(timeout=60)
            results.append((process.returncode, out, err))
    finally:
        for process in processes:
            kill_group(process)
    counts = []
    for code, out, err in results:
        assert code == 0, err
        assert out == "" and "Traceback" not in err
        [summary] = SUMMARY.findall(err)
        counts.append(tuple(map(int, summary)))
    total = len(Library(settings).files)
    assert total >= 8
    # exactly one read every file; the other found them all unchanged once it had the lock
    assert sorted(counts) == [(0, total), (total, 0)], results


@pytest.mark.shared
def test_second_indexer_without_wait_exits_2_naming_the_lock(tmp_path: Path) -> None:
    settings = make_settings(generated_corpus(tmp_path / "corpus", copies=12), tmp_path / "ix")
    first = cli_process(settings, "index")
    try:
        wait_for_lock(settings, first)
        signal_group(first, signal.SIGSTOP)  # hold it mid-run, whatever the machine's speed
        second = subprocess.run(
            [sys.executable, "-c", CLI, "--corpus", str(settings.corpus), "--index", str(settings.index), "index"],
            capture_output=True, text=True, timeout=60, check=False,
        )
        signal_group(first, signal.SIGCONT)
        assert second.returncode == 2, second.stderr
        assert second.stdout == ""
        [line] = second.stderr.splitlines()
        assert line.startswith("imvo-assist: ") and "being updated" in line
        assert str(settings.index) in line and f"pid {first.pid}" in line
        _, err = first.communicate(timeout=60)
        assert first.returncode == 0, err
    finally:
        kill_group(first)
    assert SUMMARY.findall(err) == [("13", "0")]


@pytest.mark.shared
def test_ask_during_a_long_index_answers_from_the_previous_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = generated_corpus(tmp_path / "corpus", copies=0)
    settings = make_settings(corpus, tmp_path / "ix")
    refresh(settings)
    question = ["ask", "--json", "Welke sectoren heeft KPMG geïdentificeerd?"]

    def cited(answer: dict) -> list[tuple]:
        return [(c["doc_id"], c["page"], c["passage"]) for c in answer["citations"]]

    before = cli(capsys, settings, *question).json()
    assert cited(before)  # type: ignore[arg-type]

    generated_corpus(corpus, copies=COPIES)
    indexer = cli_process(settings, "index")
    try:
        wait_for_lock(settings, indexer)
        signal_group(indexer, signal.SIGSTOP)  # guaranteed mid-run while the question is asked
        asked = subprocess.run([sys.executable, "-c", CLI, "--corpus", str(corpus), "--index",
                                str(settings.index), *question], capture_output=True, text=True, timeout=60, check=False)
        signal_group(indexer, signal.SIGCONT)
        assert indexer.poll() is None  # still indexing
    finally:
        kill_group(indexer)
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert answer["not_found"] is False and answer["citations"]
    assert cited(answer) == cited(before)  # exactly the previous index's answer
    assert not any(c["doc_id"].startswith("rapport-kopie") for c in answer["citations"])
    assert is_current(settings.index)
    assert set(Library(settings).files) == {LETTER}


# --- crashes at chosen moments -------------------------------------------------------------

# Runs `refresh` and stops (sleeps until killed) at a chosen point: "start" (corpus scanned and
# hashed, lock taken, nothing extracted), "half" (half the files extracted and added to the
# open writer), "commit" (every segment written, the new table of contents not yet).
DRIVER = """
import sys, time
from pathlib import Path
import whoosh.index
from imvo_assist.library import refresh
from imvo_assist.settings import make_settings

stop = sys.argv[3]
write_toc = whoosh.index.TOC.write

def hold(what):
    print("holding", what, flush=True)
    time.sleep(600)

def toc_write(self, storage, indexname):
    if stop == "commit":
        hold("commit")
    return write_toc(self, storage, indexname)

whoosh.index.TOC.write = toc_write

def progress(done, total, name):
    print("progress", done, total, flush=True)
    if (stop == "start" and done == 0) or (stop == "half" and done == total // 2):
        hold(stop)

refresh(make_settings(Path(sys.argv[1]), Path(sys.argv[2])), progress=progress)
print("finished", flush=True)
"""


def crash_at(settings: Settings, stop: str) -> list[str]:
    """Run the driver, wait until it holds at `stop`, SIGKILL it with its workers."""
    process = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(settings.corpus), str(settings.index), stop],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    lines: list[str] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.strip())
            if line.startswith("holding"):
                break
    finally:
        kill_group(process)
    assert lines and lines[-1] == f"holding {stop}", (lines, process.stderr.read() if process.stderr else "")
    return lines


@pytest.mark.slow
@pytest.mark.shared
def test_index_killed_at_three_moments_keeps_the_previous_index(tmp_path: Path) -> None:
    copies = CRASH_COPIES
    reference = make_settings(generated_corpus(tmp_path / "reference", copies), tmp_path / "ix-reference")
    refresh(reference)
    expected = passage_ids(reference)

    corpus = generated_corpus(tmp_path / "corpus", copies=1)
    settings = make_settings(corpus, tmp_path / "ix")
    refresh(settings)
    old_hits, old_files, old_ids = passage_hits(settings, "kinderarbeid"), set(Library(settings).files), passage_ids(settings)
    assert old_hits and len(old_files) == 2
    generated_corpus(corpus, copies=copies - 1, first=1)

    for stop in ("start", "half", "commit"):
        lines = crash_at(settings, stop)
        if stop == "half":
            assert f"progress {(copies - 1) // 2} {copies - 1}" in lines
        assert is_current(settings.index), stop
        assert passage_hits(settings, "kinderarbeid") == old_hits, stop
        assert set(Library(settings).files) == old_files, stop
        assert passage_ids(settings) == old_ids, stop
        # the kernel releases the lock as the killed group's processes exit
        with write_lock(settings.index, wait_s=10):
            pass

    report = refresh(settings)
    assert report.extracted == copies - 1 and report.unchanged == 2
    assert not report.failed
    assert passage_ids(settings) == expected  # the same passages as a run that never crashed
    assert len(passage_ids(settings)) == len(expected) > len(old_ids)
    assert passage_hits(settings, "kinderarbeid")
    assert refresh(settings).extracted == 0


# --- untrusted text ------------------------------------------------------------------------

ANSI = "\x1b[31mROOD\x1b[0m en \x1b]0;gekaapte titel\x07 en \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\"


def hostile_note(marker: Path) -> str:
    return (
        f"# Notitie {ANSI}\n\n"
        f"Het kwispelvlinderakkoord {ANSI} verbiedt kinderarbeid in de textielsector. "
        "Zie [bold]vet[/bold] en [link=https://evil.example]klik hier[/link] en "
        f"$(touch {marker}) en `touch {marker}` ; touch {marker}\n"
    )


@pytest.fixture
def untrusted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Settings, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    marker = tmp_path / "uitgevoerd"
    for name in ("notitie-kwispel.md", "bericht-kwispel.txt"):
        (corpus / name).write_text(hostile_note(marker), encoding="utf-8")
    settings = make_settings(corpus, tmp_path / "ix")
    run = cli(capsys, settings, "index")
    assert run.code == 0, run.err
    assert "\x1b" not in run.err
    return settings, marker


def test_untrusted_text_is_shown_as_data(untrusted: tuple[Settings, Path], capsys: pytest.CaptureFixture[str]) -> None:
    settings, marker = untrusted
    question = "Wat is het kwispelvlinderakkoord?"
    runs = {
        "search": cli(capsys, settings, "search", "kwispelvlinderakkoord"),
        "search-json": cli(capsys, settings, "search", "--json", "kwispelvlinderakkoord"),
        "ask": cli(capsys, settings, "ask", question),
        "ask-json": cli(capsys, settings, "ask", "--json", question),
        "ask-markdown": cli(capsys, settings, "ask", "--markdown", question),
        "show": cli(capsys, settings, "show", "notitie-kwispel"),
        "docs": cli(capsys, settings, "docs"),
    }
    for name, run in runs.items():
        assert run.code == 0, (name, run.err)
        for char in ("\x1b", "\x07", "\x9b"):
            assert char not in run.out + run.err, name
    for name in ("search-json", "ask-json"):
        data = runs[name].json()
        assert not any("\x1b" in s or "\x07" in s for s in strings(data)), name
    citations = runs["ask-json"].json()["citations"]  # type: ignore[index]
    assert {c["doc_id"] for c in citations} == {"notitie-kwispel", "bericht-kwispel"}
    for name in ("ask", "ask-markdown", "show"):
        out = runs[name].out
        assert "[bold]vet[/bold]" in out and "[link=https://evil.example]klik hier[/link]" in out, name
        assert f"$(touch {marker})" in out, name
    assert "kwispelvlinderakkoord" in runs["search"].out
    for citation in citations:
        assert "[bold]vet[/bold]" in citation["passage"]
    assert not marker.exists()  # nothing was executed


@pytest.mark.shared
def test_pdf_title_with_escapes_is_not_sent_to_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfWriter

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    writer = PdfWriter(clone_from=CORPUS / "convenant-test-textiel.pdf")
    writer.add_metadata({"/Title": f"Titel {ANSI} [bold]vet[/bold]"})
    writer.write(corpus / "onbekend-stuk.pdf")
    settings = make_settings(corpus, tmp_path / "ix")
    assert cli(capsys, settings, "index").code == 0
    search = cli(capsys, settings, "search", "textiel")
    as_json = cli(capsys, settings, "search", "--json", "textiel")
    assert "[bold]vet[/bold]" in search.out
    assert "\x1b" not in search.out
    assert not any("\x1b" in s for s in strings(as_json.json()))


def test_file_name_with_escapes_is_not_sent_to_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "naam-\x1b[31m-rood\x1b]0;titel\x07.txt").write_text("Kinderarbeid in de keten.\n", encoding="utf-8")
    (corpus / "leeg-\x1b[32m.pdf").write_bytes(b"")  # fails: its name is in the error line
    settings = make_settings(corpus, tmp_path / "ix")
    index = cli(capsys, settings, "index")
    docs = cli(capsys, settings, "docs")
    assert index.code == 0 and docs.code == 0
    assert "naam-" in docs.out
    assert "\x1b" not in index.err
    assert "\x1b" not in docs.out


# --- paths ---------------------------------------------------------------------------------

LONG = "Notitie over ketenverantwoordelijkheid en coördinatie — één overleg ("
LONG_NAME = (LONG + "x" * (205 - len(LONG)) + ") 2024.md")


def test_long_name_with_spaces_and_diacritics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "map met spatie é").mkdir(parents=True)
    assert len(LONG_NAME) > 200 and len(LONG_NAME.encode()) < 255
    (corpus / "map met spatie é" / LONG_NAME).write_text(
        "# Overleg\n\nDe coördinatie van het zwaluwstaartoverleg over kinderarbeid is vastgelegd.\n",
        encoding="utf-8",
    )
    settings = make_settings(corpus, tmp_path / "ix")
    assert cli(capsys, settings, "index").code == 0
    [row] = [row for row in cli(capsys, settings, "docs", "--json").json() if row["file"]]  # type: ignore[union-attr]
    assert row["file"] == f"map met spatie é/{LONG_NAME}"
    assert row["status"] == "indexed"
    hits = cli(capsys, settings, "search", "--json", "zwaluwstaartoverleg").json()["hits"]  # type: ignore[index]
    assert hits and all(hit["doc_id"] == row["id"] for hit in hits)
    shown = cli(capsys, settings, "show", "--json", str(row["id"]))
    assert shown.code == 0
    assert "coördinatie van het zwaluwstaartoverleg" in json.dumps(shown.json(), ensure_ascii=False)


# Indexes a corpus in a fresh interpreter whose audit hook refuses (and reports) any open() of
# the special files, in the indexer and in its forked extraction workers alike.
SPECIAL_DRIVER = """
import json, os, sys
from pathlib import Path

corpus = Path(sys.argv[1])
# the link paths themselves (never resolved: multiprocessing opens /dev/null on its own)
watched = {os.path.abspath(base / name) for base in (corpus, corpus.resolve()) for name in sys.argv[3:]}

def hook(event, args):
    if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.path.abspath(os.fsdecode(args[0]))
        if path in watched:
            print("READ ATTEMPT", path, file=sys.stderr, flush=True)
            raise PermissionError(f"READ ATTEMPT {path}")

sys.addaudithook(hook)
from imvo_assist.library import refresh
from imvo_assist.settings import make_settings

report = refresh(make_settings(corpus, Path(sys.argv[2]), timeout_s=10))
print(json.dumps([f.to_dict() for f in report.files]))
"""


def test_device_links_and_fifos_are_skipped_never_read(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notitie.md").write_text("# Notitie\n\nKinderarbeid in de keten.\n", encoding="utf-8")
    (corpus / "apparaat.txt").symlink_to("/dev/null")
    (corpus / "nullen.md").symlink_to("/dev/zero")
    os.mkfifo(corpus / "pijp.txt")  # reading it would block forever
    (corpus / "link-naar-pijp.txt").symlink_to("pijp.txt")  # a link that stays inside
    special = ("apparaat.txt", "nullen.md", "pijp.txt", "link-naar-pijp.txt")
    done = subprocess.run(
        [sys.executable, "-c", SPECIAL_DRIVER, str(corpus), str(tmp_path / "ix"), *special],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "READ ATTEMPT" not in done.stderr
    files = {f["file"]: f for f in json.loads(done.stdout)}
    assert files["notitie.md"]["status"] == "indexed"
    for name in special:
        assert files[name]["status"] == "skipped", files[name]
        assert files[name]["passages"] == 0
        assert name in files[name]["error"]
    assert re.search(r"outside the corpus", files["apparaat.txt"]["error"])
    assert re.search(r"not a regular file", files["pijp.txt"]["error"])
    assert re.search(r"not a regular file", files["link-naar-pijp.txt"]["error"])
