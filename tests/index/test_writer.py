"""Tests of the incremental index writer: change detection, locking, crash safety, versions,
and per-file isolation of extraction (time and memory limits)."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from cli_support import kill_group
from shared_paths import CORPUS, HOSTILE

from imvo_assist.collection.scan import CorpusFile
from imvo_assist.errors import IndexCancelledError, IndexLockedError, IndexMissingError
from imvo_assist.extract.workers import Job, extract_isolated
from imvo_assist.index import Filters
from imvo_assist.index.schema import META_FILE, SCHEMA_VERSION, current_meta
from imvo_assist.index.store import is_current, open_index, write_lock
from imvo_assist.library import Library, refresh
from imvo_assist.models import Document
from imvo_assist.settings import Settings, make_settings

pytestmark = pytest.mark.shared  # the corpora are copied from ../shared (CORPUS, HOSTILE)

NOTE = "notitie-test.md"
COVENANT = "convenant-test-textiel.pdf"
OLD_NEWS = "oud-bericht-cp1252.txt"
SMALL = (NOTE, COVENANT, OLD_NEWS)

# A made-up word, so no stemming, compound splitting or other document can match it by accident.
NEW_WORD = "kwispelvlinderakkoord"
NEW_NOTE = f"# Notitie\n\nHet {NEW_WORD} is vandaag ondertekend door alle partijen in de keten.\n"


# --- helpers -------------------------------------------------------------------------------


def settings_for(corpus: Path, tmp_path: Path, **options: object) -> Settings:
    return make_settings(corpus, tmp_path / "ix", **options)


def copy_in(corpus: Path, *names: str) -> None:
    for name in names:
        shutil.copy(CORPUS / name, corpus / name)


def rows(settings: Settings) -> dict[str, dict]:
    """`document_list()` rows of corpus files by file (registered but missing documents, which
    have no file, are left out). A fresh Library each time: its caches are per instance."""
    return {row["file"]: row for row in Library(settings).document_list() if row["file"]}


def passages(settings: Settings) -> dict[str, tuple[str, str]]:
    """Every passage record of a corpus file (not register facts) as id -> (doc_id, text)."""
    with Library(settings).index.searcher() as searcher:
        return {
            fields["id"]: (fields["doc_id"], fields["text"])
            for fields in searcher.documents(record="passage", source="passage")
        }


def hit_ids(settings: Settings, text: str, doc: str | None = None) -> list[str]:
    """Ids of the passages of corpus files found for `text`."""
    result = Library(settings).search(text, Filters(doc=doc, source="passage"), limit=50)
    return [hit.passage.id for hit in result.hits]


def texts_of(settings: Settings, doc_id: str) -> str:
    return "\n".join(text for doc, text in passages(settings).values() if doc == doc_id)


def doc_id_of(settings: Settings, file: str) -> str:
    return rows(settings)[file]["id"]  # type: ignore[return-value]


def job_for(path: Path) -> Job:
    return Job(CorpusFile(path, path.name, Document(id=path.stem)), "")


# --- incremental updates -------------------------------------------------------------------


@pytest.fixture
def small(fresh_corpus: Path, tmp_path: Path) -> Settings:
    """A fresh three-file corpus, indexed once."""
    copy_in(fresh_corpus, *SMALL)
    settings = settings_for(fresh_corpus, tmp_path)
    report = refresh(settings)
    assert report.rebuilt
    assert report.extracted == 3 and report.unchanged == 0
    assert sorted(f.file for f in report.indexed) == sorted(SMALL), report.files
    return settings


def test_second_run_reads_nothing(small: Settings) -> None:
    before = passages(small)
    report = refresh(small)
    assert not report.rebuilt
    assert report.extracted == 0
    assert report.unchanged == 3
    assert report.removed == 0
    # unchanged files still appear in the report, with their status and counts
    assert sorted(f.file for f in report.indexed) == sorted(SMALL)
    assert all(f.passages > 0 for f in report.indexed)
    assert passages(small) == before


def test_changed_file_is_reextracted_alone(small: Settings) -> None:
    note_id = doc_id_of(small, NOTE)
    others = {pid: p for pid, p in passages(small).items() if p[0] != note_id}
    assert "ministerieteam" in texts_of(small, note_id)
    assert not hit_ids(small, NEW_WORD)

    (small.corpus / NOTE).write_text(NEW_NOTE, encoding="utf-8")  # other size, other mtime
    report = refresh(small)

    assert report.extracted == 1 and report.unchanged == 2 and report.removed == 0
    assert not report.rebuilt
    found = hit_ids(small, NEW_WORD)
    assert found and all(pid.startswith(f"{note_id}:") for pid in found)
    text = texts_of(small, note_id)
    assert NEW_WORD in text and "ministerieteam" not in text
    for pid in hit_ids(small, "ministerieteam"):  # the old words are gone from the old document
        assert passages(small)[pid][0] != note_id
    # the passages of the other files were not touched
    assert {pid: p for pid, p in passages(small).items() if p[0] != note_id} == others
    assert rows(small)[NOTE]["status"] == "indexed"


def test_same_size_change_is_seen_through_mtime(small: Settings) -> None:
    path = small.corpus / NOTE
    old = path.read_text(encoding="utf-8")
    new = old.replace("ministerieteam", "ministeriekern")
    assert len(new.encode()) == len(old.encode()) and new != old
    stat = path.stat()
    path.write_text(new, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    report = refresh(small)
    assert report.extracted == 1
    assert "ministerieteam" not in texts_of(small, doc_id_of(small, NOTE))


def test_touched_file_is_not_reextracted(small: Settings) -> None:
    before = passages(small)
    path = small.corpus / COVENANT
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    report = refresh(small)
    assert report.extracted == 0  # the SHA-256 matches
    assert report.unchanged == 3
    assert passages(small) == before


def test_deleted_file_disappears(small: Settings) -> None:
    covenant_id = doc_id_of(small, COVENANT)
    assert texts_of(small, covenant_id)
    assert hit_ids(small, "textiel", doc=covenant_id)

    (small.corpus / COVENANT).unlink()
    report = refresh(small)

    assert report.removed == 1 and report.extracted == 0 and report.unchanged == 2
    assert COVENANT not in rows(small)
    assert sorted(rows(small)) == sorted({NOTE, OLD_NEWS})
    assert covenant_id not in Library(small).documents
    assert not any(doc == covenant_id for doc, _ in passages(small).values())
    assert not hit_ids(small, "textiel", doc=covenant_id)
    assert not hit_ids(small, "kleding", doc=covenant_id)


def test_new_file_is_added(small: Settings) -> None:
    copy_in(small.corpus, "agreement-test-garments-en.txt")
    report = refresh(small)
    assert report.extracted == 1 and report.unchanged == 3
    assert rows(small)["agreement-test-garments-en.txt"]["status"] == "indexed"


def test_passage_ids_are_stable_across_rebuild(small: Settings) -> None:
    before = passages(small)
    report = refresh(small, rebuild=True)
    assert report.rebuilt
    assert report.extracted == 3 and report.unchanged == 0
    assert passages(small) == before


def test_progress_reports_every_extracted_file(small: Settings) -> None:
    (small.corpus / NOTE).write_text(NEW_NOTE, encoding="utf-8")
    calls: list[tuple[int, int, str]] = []
    refresh(small, progress=lambda done, total, name: calls.append((done, total, name)))
    assert calls == [(0, 1, ""), (1, 1, NOTE)]


def test_file_changed_during_indexing_is_reread_next_time(fresh_corpus: Path, tmp_path: Path) -> None:
    copy_in(fresh_corpus, NOTE)
    settings = settings_for(fresh_corpus, tmp_path)
    target = fresh_corpus / NOTE

    def edit_while_indexing(done: int, total: int, name: str) -> None:
        if done == 1:  # extracted, but not yet written to the index
            target.write_text(NEW_NOTE, encoding="utf-8")

    refresh(settings, progress=edit_while_indexing)
    report = refresh(settings)
    assert report.extracted == 1
    assert NEW_WORD in texts_of(settings, doc_id_of(settings, NOTE))


# --- the writer lock -----------------------------------------------------------------------


def test_locked_index_refuses_a_second_writer(small: Settings) -> None:
    before = passages(small)
    (small.corpus / NOTE).write_text(NEW_NOTE, encoding="utf-8")
    with write_lock(small.index), pytest.raises(IndexLockedError) as caught:
        refresh(small)
    message = str(caught.value)
    assert "being updated" in message
    assert str(small.index) in message
    assert f"pid {os.getpid()}" in message  # who holds it
    assert caught.value.hint  # and what to do
    assert passages(small) == before  # nothing was written
    assert refresh(small).extracted == 1  # free again once released


def test_refresh_waits_for_the_lock(small: Settings) -> None:
    held = threading.Event()

    def hold() -> None:
        with write_lock(small.index):
            held.set()
            time.sleep(0.5)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert held.wait(5)
        started = time.monotonic()
        report = refresh(small, wait_s=10)
        waited = time.monotonic() - started
    finally:
        holder.join()
    assert waited >= 0.3
    assert report.unchanged == 3


def test_waiting_gives_up_after_wait_s(small: Settings) -> None:
    with write_lock(small.index):
        started = time.monotonic()
        with pytest.raises(IndexLockedError):
            refresh(small, wait_s=0.3)
        assert 0.25 <= time.monotonic() - started < 3


# --- crash safety --------------------------------------------------------------------------

INDEXER = """
import sys
from pathlib import Path
from imvo_assist.library import refresh
from imvo_assist.settings import make_settings

settings = make_settings(Path(sys.argv[1]), Path(sys.argv[2]), workers=1)

def progress(done, total, name):
    print("progress", done, total, flush=True)

refresh(settings, rebuild=sys.argv[3] == "rebuild", progress=progress)
print("finished", flush=True)
"""
COPIES = 8  # of sra-testrapport.pdf, about 0.3 s each with one worker


def start_indexer(settings: Settings, rebuild: bool = False) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", INDEXER, str(settings.corpus), str(settings.index),
         "rebuild" if rebuild else "update"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,  # its own process group: the workers die with it
    )


def kill_after_progress(process: subprocess.Popen[str], done: int) -> list[str]:
    """SIGKILL the indexer (and its workers) once `done` files were extracted."""
    lines: list[str] = []
    try:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.strip())
            parts = line.split()
            if parts[:1] == ["progress"] and int(parts[1]) >= done:
                break
    finally:
        kill_group(process)
    return lines


def crash_setup(fresh_corpus: Path, tmp_path: Path) -> tuple[Settings, dict, set[str], set[str]]:
    """Index a small corpus, then change it: one file edited, one deleted, copies added."""
    copy_in(fresh_corpus, NOTE, OLD_NEWS)
    settings = settings_for(fresh_corpus, tmp_path)
    refresh(settings)
    old = {
        "rows": rows(settings),
        "passages": passages(settings),
        "hits": hit_ids(settings, "ministerieteam sectoren"),
    }
    assert old["hits"]
    (fresh_corpus / NOTE).write_text(NEW_NOTE, encoding="utf-8")
    (fresh_corpus / OLD_NEWS).unlink()
    for n in range(COPIES):
        shutil.copy(CORPUS / "sra-testrapport.pdf", fresh_corpus / f"rapport-kopie-{n:02d}.pdf")
    new_files = {NOTE} | {f"rapport-kopie-{n:02d}.pdf" for n in range(COPIES)}
    return settings, old, set(old["rows"]), new_files


def assert_old_or_complete(settings: Settings, old: dict, new_files: set[str]) -> None:
    """The index opens and is either exactly the old one or the complete new one."""
    assert is_current(settings.index)
    open_index(settings.index)
    files = set(rows(settings))
    if files == new_files:  # the kill came after the commit: all of it is there
        assert all(row["status"] == "indexed" for row in rows(settings).values())
        assert hit_ids(settings, NEW_WORD)
        return
    assert rows(settings) == old["rows"]
    assert passages(settings) == old["passages"]
    assert hit_ids(settings, "ministerieteam sectoren") == old["hits"]
    assert not hit_ids(settings, NEW_WORD)


def test_killed_indexer_leaves_previous_index(fresh_corpus: Path, tmp_path: Path) -> None:
    settings, old, _, new_files = crash_setup(fresh_corpus, tmp_path)
    lines = kill_after_progress(start_indexer(settings), done=2)
    assert any(line.startswith("progress") for line in lines), lines

    assert_old_or_complete(settings, old, new_files)
    # the kernel releases the lock as the killed group's processes exit (its workers a moment later)
    with write_lock(settings.index, wait_s=10):
        pass

    report = refresh(settings)
    assert set(rows(settings)) == new_files
    assert all(row["status"] == "indexed" for row in rows(settings).values())
    assert report.removed in (0, 1)
    assert OLD_NEWS not in rows(settings)
    assert hit_ids(settings, NEW_WORD)
    assert "ministerieteam" not in texts_of(settings, doc_id_of(settings, NOTE))
    assert refresh(settings).extracted == 0


def test_killed_rebuild_leaves_previous_index(fresh_corpus: Path, tmp_path: Path) -> None:
    settings, old, _, new_files = crash_setup(fresh_corpus, tmp_path)
    kill_after_progress(start_indexer(settings, rebuild=True), done=2)
    assert_old_or_complete(settings, old, new_files)


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_killed_indexer_does_not_leave_index_locked(fresh_corpus: Path, tmp_path: Path) -> None:
    copy_in(fresh_corpus, NOTE)
    settings = settings_for(fresh_corpus, tmp_path)
    refresh(settings)
    shutil.copy(HOSTILE / "pdf-gen" / "many-pages-5000.pdf", fresh_corpus / "lang.pdf")  # ~3 s
    process = start_indexer(settings)
    try:
        deadline = time.monotonic() + 20
        while not _children(process.pid):  # wait until a worker is extracting
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.01)
        os.kill(process.pid, signal.SIGKILL)  # only the indexer, as a crash or OOM kill would
        process.wait(10)
        with write_lock(settings.index, wait_s=0.5):
            pass
    finally:
        kill_group(process)  # the orphaned worker is still in the group


# --- versions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "meta",
    [
        json.dumps({**current_meta(), "schema": SCHEMA_VERSION - 1}),
        json.dumps({**current_meta(), "extract": -1}),
        "{not json",
        None,  # missing
    ],
    ids=["old-schema", "old-extractor", "garbage", "missing"],
)
def test_other_version_is_rebuilt(fresh_corpus: Path, tmp_path: Path, meta: str | None) -> None:
    copy_in(fresh_corpus, NOTE)
    settings = settings_for(fresh_corpus, tmp_path)
    refresh(settings)
    meta_file = settings.index / META_FILE
    if meta is None:
        meta_file.unlink()
    else:
        meta_file.write_text(meta, encoding="utf-8")

    assert not is_current(settings.index)
    with pytest.raises(IndexMissingError) as caught:
        open_index(settings.index)
    assert caught.value.hint and "index" in caught.value.hint

    report = refresh(settings)
    assert report.rebuilt
    assert report.extracted == 1 and report.unchanged == 0
    assert is_current(settings.index)
    assert json.loads(meta_file.read_text(encoding="utf-8")) == current_meta()
    assert rows(settings)[NOTE]["status"] == "indexed"
    assert hit_ids(settings, "ministerieteam")
    assert not refresh(settings).rebuilt


def test_missing_index_raises_index_missing(tmp_path: Path) -> None:
    with pytest.raises(IndexMissingError):
        open_index(tmp_path / "nowhere")


# --- isolated extraction -------------------------------------------------------------------


def test_slow_file_is_killed_at_the_time_limit() -> None:
    started = time.monotonic()
    outcomes = list(extract_isolated([job_for(HOSTILE / "pdf-gen" / "many-pages-5000.pdf")], timeout_s=0.2))
    assert time.monotonic() - started < 2.5  # extracting it fully takes ~3 s
    [outcome] = outcomes
    assert outcome.status == "failed"
    assert outcome.result is None
    assert "exceeded" in outcome.error
    assert "many-pages-5000.pdf" in outcome.error


@pytest.mark.parametrize("name", ["flate-bomb-400mib.pdf", "flate-bomb-2gib-double-flate.pdf"])
def test_memory_cap_fails_the_file_not_the_process(name: str) -> None:
    jobs = [job_for(HOSTILE / "pdf-gen" / name), job_for(HOSTILE / "pdf-gen" / "control-valid-dutch-3p.pdf")]
    outcomes = {o.job.item.path.name: o for o in extract_isolated(jobs, memory_mb=50, workers=1)}
    bomb = outcomes[name]
    assert bomb.status == "failed"
    assert name in bomb.error
    assert re.search(r"decompression limit|too large|memory", bomb.error), bomb.error
    control = outcomes["control-valid-dutch-3p.pdf"]  # the batch goes on
    assert control.status == "indexed"
    assert control.result.document.pages == 3  # type: ignore[attr-defined]


def test_isolated_outcomes_cover_every_job_in_parallel() -> None:
    names = ["control-valid-dutch-3p.pdf", "empty-zero-bytes.pdf", "image-only-dutch-scan.pdf",
             "deep-nested-content-stream.pdf"]
    jobs = [job_for(HOSTILE / "pdf-gen" / name) for name in names]
    outcomes = {o.job.item.path.name: o for o in extract_isolated(jobs, workers=3)}
    assert set(outcomes) == set(names)
    assert outcomes["control-valid-dutch-3p.pdf"].status == "indexed"
    assert outcomes["empty-zero-bytes.pdf"].status == "failed"
    assert outcomes["image-only-dutch-scan.pdf"].status == "skipped"
    assert outcomes["deep-nested-content-stream.pdf"].status == "failed"
    assert all(o.error.startswith(name) for name, o in outcomes.items() if o.status != "indexed")


def test_cancel_stops_the_run_without_committing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("notitie-test.md", "oud-bericht-cp1252.txt"):
        shutil.copy(CORPUS / name, corpus / name)
    settings = make_settings(corpus, tmp_path / "ix")
    refresh(settings)
    shutil.copy(CORPUS / "convenant-test-textiel.pdf", corpus / "convenant-test-textiel.pdf")
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(IndexCancelledError):
        refresh(settings, cancel=cancel)
    rows = {row["file"] for row in Library(settings).document_list() if row["file"]}
    assert rows == {"notitie-test.md", "oud-bericht-cp1252.txt"}
    assert refresh(settings).extracted == 1


def test_parallel_writers_index_update_and_delete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Big batches are written by the extraction workers, each into a segment of its own; the
    result must be the same."""
    from imvo_assist.index import writer as index_writer

    monkeypatch.setattr(index_writer, "PARALLEL_WRITE_JOBS", 2)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("notitie-test.md", "oud-bericht-cp1252.txt", "convenant-test-textiel.pdf"):
        shutil.copy(CORPUS / name, corpus / name)
    parallel = make_settings(corpus, tmp_path / "ix")
    report = refresh(parallel)
    assert len(report.indexed) == 3
    single = make_settings(corpus, tmp_path / "single")
    monkeypatch.setattr(index_writer, "PARALLEL_WRITE_JOBS", 10_000)
    refresh(single)
    ids = lambda s: sorted(p for p, _ in passages(s).items())
    assert ids(parallel) == ids(single)
    monkeypatch.setattr(index_writer, "PARALLEL_WRITE_JOBS", 2)
    (corpus / "convenant-test-textiel.pdf").unlink()
    (corpus / "notitie-test.md").write_text("# Nieuw\n\nZwaluwstaartoverleg in de keten.\n", encoding="utf-8")
    shutil.copy(CORPUS / "ser-advies-test.pdf", corpus / "ser-advies-test.pdf")
    report = refresh(parallel)
    assert report.removed == 1 and report.extracted == 2
    library = Library(parallel)
    assert library.search("zwaluwstaartoverleg").hits
    assert not library.search("textiel", Filters(doc="convenant-test-textiel")).hits
