"""`doctor`: every check reports ok/warn/fail with a concrete fix, and the doctor never crashes."""

from __future__ import annotations

import json
import os
import shutil
from collections import namedtuple
from importlib import metadata
from pathlib import Path

import pytest
from rich.text import Text

from imvo_assist.cli import doctor
from imvo_assist.cli.doctor import Check, render_checks, run_checks
from imvo_assist.errors import CorpusError
from imvo_assist.index.schema import META_FILE, SCHEMA_VERSION, current_meta
from imvo_assist.index.store import write_lock
from imvo_assist.library import refresh
from imvo_assist.settings import Settings, make_settings

NAMES = ["python", "dependencies", "register", "corpus", "index", "files", "freshness", "lock", "disk"]


def by_name(checks: list[Check]) -> dict[str, Check]:
    names = [check.name for check in checks]
    assert len(names) == len(set(names)), names
    return {check.name: check for check in checks}


@pytest.fixture
def small(fresh_corpus: Path, tmp_path: Path, shared_corpus: Path) -> Settings:
    """A one-file corpus of this test's own, indexed."""
    shutil.copy(shared_corpus / "notitie-test.md", fresh_corpus)
    settings = make_settings(fresh_corpus, tmp_path / "ix")
    refresh(settings)
    return settings


def test_healthy_installation_has_no_failures(indexed: Settings) -> None:
    checks = run_checks(indexed)
    assert [c.name for c in checks] == NAMES
    assert not [c for c in checks if c.status == "fail"], checks
    found = by_name(checks)
    assert found["index"].status == "ok" and "passages" in found["index"].detail
    assert found["freshness"].status == "ok"
    assert found["lock"].status == "ok"
    assert "pypdf" in found["dependencies"].detail and "cryptography" in found["dependencies"].detail
    json.dumps([c.to_dict() for c in checks])
    assert set(checks[0].to_dict()) == {"name", "status", "detail", "fix"}


def test_doctor_counts_passages_as_index_does(
    fresh_corpus: Path, tmp_path: Path, shared_corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`index` says "N passages" of the documents; the doctor's index line says the same N and
    names the bundled register facts it counts besides."""
    import re

    from imvo_assist.cli import main
    from imvo_assist.library import Library

    def run_cli(settings: Settings, *args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        with pytest.raises(SystemExit) as caught:
            main(["--corpus", str(settings.corpus), "--index", str(settings.index), *args])
        out, err = capsys.readouterr()
        return int(caught.value.code or 0), out, err

    for name in ("notitie-test.md", "kamerbrief-2014-11-19-sra.txt"):
        shutil.copy(shared_corpus / name, fresh_corpus)
    settings = make_settings(fresh_corpus, tmp_path / "ix")
    code, _, err = run_cli(settings, "index")
    said = re.search(r"(\d+) documents indexed \((\d+) pages, (\d+) passages\)", err)
    assert code == 0 and said, err
    line = by_name(run_checks(settings))["index"].detail
    counted = re.match(r"(\d+) passages of (\d+) documents \+ (\d+) register facts; 2 files in ", line)
    assert counted, line
    assert (counted[1], counted[2]) == (said[3], said[1])
    library = Library(settings)
    assert int(counted[3]) == library.records["<bundled register>"]["passages"] > 0
    out = run_cli(settings, "doctor")[1]
    assert f"index: {said[3]} passages of 2 documents + {counted[3]} register facts" in out


def test_every_problem_has_a_fix(tmp_path: Path) -> None:
    checks = run_checks(make_settings(tmp_path / "no-corpus", tmp_path / "no-index"))
    problems = [c for c in checks if c.status != "ok"]
    assert problems
    assert all(c.fix.strip() for c in problems), problems


def test_missing_index(corpus_copy: Path, tmp_path: Path) -> None:
    checks = by_name(run_checks(make_settings(corpus_copy, tmp_path / "nowhere" / "ix")))
    index = checks["index"]
    assert index.status in ("warn", "fail")
    assert "imvo-assist index" in index.fix
    assert str(tmp_path / "nowhere" / "ix") in index.detail
    assert checks["lock"].status == "ok" and checks["disk"].status == "ok"
    assert not (tmp_path / "nowhere").exists()  # the doctor creates nothing


def test_outdated_index_asks_for_a_rebuild(small: Settings) -> None:
    (small.index / META_FILE).write_text(
        json.dumps({**current_meta(), "schema": SCHEMA_VERSION - 1}), encoding="utf-8"
    )
    index = by_name(run_checks(small))["index"]
    assert index.status in ("warn", "fail")
    assert "imvo-assist index --rebuild" in index.fix
    assert "schema" in index.detail and str(SCHEMA_VERSION - 1) in index.detail


def test_unreadable_index_meta_asks_for_a_rebuild(small: Settings) -> None:
    (small.index / META_FILE).write_text("{not json", encoding="utf-8")
    index = by_name(run_checks(small))["index"]
    assert index.status in ("warn", "fail") and "--rebuild" in index.fix


def test_damaged_index_fails_with_a_rebuild_fix(small: Settings) -> None:
    for toc in small.index.glob("_MAIN_*.toc"):
        toc.write_bytes(b"garbage")
    index = by_name(run_checks(small))["index"]
    assert index.status == "fail"
    assert "--rebuild" in index.fix


def test_missing_corpus_fails(tmp_path: Path) -> None:
    checks = by_name(run_checks(make_settings(tmp_path / "gone", tmp_path / "ix")))
    corpus = checks["corpus"]
    assert corpus.status == "fail"
    assert str(tmp_path / "gone") in corpus.detail
    assert "--corpus" in corpus.fix


def test_empty_corpus_and_skipped_paths_warn(fresh_corpus: Path, tmp_path: Path) -> None:
    settings = make_settings(fresh_corpus, tmp_path / "ix")
    corpus = by_name(run_checks(settings))["corpus"]
    assert corpus.status == "warn" and "imvo-assist add" in corpus.fix
    (fresh_corpus / "verslag.docx").write_bytes(b"PK")
    corpus = by_name(run_checks(settings))["corpus"]
    assert corpus.status == "warn" and "verslag.docx" in corpus.detail


def test_held_lock_warns_naming_the_holder(small: Settings) -> None:
    with write_lock(small.index):
        lock = by_name(run_checks(small))["lock"]
    assert lock.status == "warn"
    assert f"pid {os.getpid()}" in lock.detail
    assert "imvo-assist index" in lock.fix
    assert by_name(run_checks(small))["lock"].status == "ok"  # released


def test_stale_index_and_failed_files_are_reported(small: Settings) -> None:
    (small.corpus / "leeg.pdf").write_bytes(b"")
    assert by_name(run_checks(small))["freshness"].status == "warn"
    refresh(small)
    checks = by_name(run_checks(small))
    assert checks["freshness"].status == "ok"
    files = checks["files"]
    assert files.status == "warn"
    assert "leeg.pdf" in files.detail and "empty" in files.detail
    assert "--password-file" in files.fix


def test_register_errors_fail_with_their_message(indexed: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise CorpusError("vocabulary.toml line 3: sector 'x' names unknown risk id 'y'")

    monkeypatch.setattr(doctor, "load_vocabulary", broken)
    register = by_name(run_checks(indexed))["register"]
    assert register.status == "fail"
    assert "unknown risk id 'y'" in register.detail and register.fix


def test_an_unexpected_error_in_a_check_becomes_a_failed_check(
    indexed: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode() -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(doctor, "load_documents", explode)
    monkeypatch.setattr(doctor.shutil, "disk_usage", lambda _: explode())
    checks = by_name(run_checks(indexed))
    assert [c.name for c in checks.values()] == NAMES
    for name in ("register", "disk"):
        assert checks[name].status == "fail"
        assert "kaboom" in checks[name].detail and checks[name].fix


def test_missing_dependencies(indexed: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    real = metadata.version
    missing = {"cryptography"}

    def version(name: str) -> str:
        if name in missing:
            raise metadata.PackageNotFoundError(name)
        return "0.1" if name == "rapidfuzz" and "old" in missing else real(name)

    monkeypatch.setattr(doctor.metadata, "version", version)
    deps = by_name(run_checks(indexed))["dependencies"]
    assert deps.status == "warn"  # only encrypted PDFs are affected
    assert "cryptography missing" in deps.detail and "pypdf[crypto]" in deps.fix
    missing |= {"pypdf", "old"}
    deps = by_name(run_checks(indexed))["dependencies"]
    assert deps.status == "fail"
    assert "pypdf missing" in deps.detail and "rapidfuzz 0.1 (need >= 3.0)" in deps.detail


@pytest.mark.parametrize(("free_mb", "status"), [(10_000, "ok"), (200, "warn"), (20, "fail")])
def test_disk_space(indexed: Settings, monkeypatch: pytest.MonkeyPatch, free_mb: int, status: str) -> None:
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(doctor.shutil, "disk_usage", lambda _: usage(0, 0, free_mb * 2**20))
    disk = by_name(run_checks(indexed))["disk"]
    assert disk.status == status
    assert (disk.fix != "") if status != "ok" else True


def test_render_checks_is_plain_text_with_fixes() -> None:
    checks = [
        Check("corpus", "ok", "3 files in [bold]map[/bold]"),
        Check("index", "fail", "No index", "Run `imvo-assist index`."),
    ]
    text = render_checks(checks)
    assert isinstance(text, Text)
    plain = text.plain
    assert "[bold]map[/bold]" in plain  # shown literally, never interpreted
    assert "Run `imvo-assist index`." in plain
    assert "1 failed" in plain
