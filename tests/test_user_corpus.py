"""Without --corpus, the bundled corpus is read together with the user's own corpus folder in the
data directory; `add` writes there and never into the package or the checkout."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from imvo_assist.paths import BUNDLED_CORPUS, user_corpus
from imvo_assist.settings import make_settings

NOTE = (
    "# Notitie over de zeewierteelt\n\n"
    "De zeewierteelt kent een verhoogd risico op landroof bij de aanleg van kwekerijen langs de "
    "kust. Bedrijven moeten gepaste zorgvuldigheid betrachten en omwonenden tijdig raadplegen.\n"
)


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file()
    }


@pytest.fixture
def bundled_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """No corpus named anywhere: the bundled corpus is the default."""
    monkeypatch.delenv("IMVO_ASSIST_CORPUS", raising=False)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from imvo_assist.cli import main

    capsys.readouterr()
    with pytest.raises(SystemExit) as caught:
        main(list(args))
    captured = capsys.readouterr()
    return int(caught.value.code or 0), captured.out, captured.err


def test_default_settings_read_the_bundled_corpus_and_the_user_folder(bundled_default: None) -> None:
    settings = make_settings()
    assert settings.corpus.resolve() == BUNDLED_CORPUS.resolve()
    assert settings.roots == (settings.corpus, user_corpus())
    assert settings.writable_corpus == user_corpus()


def test_a_named_corpus_has_no_additions_folder(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    assert settings.roots == (tmp_path,) and settings.writable_corpus == tmp_path


def test_add_without_corpus_writes_to_the_user_folder_only(
    bundled_default: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree_digest(BUNDLED_CORPUS.resolve())
    note = tmp_path / "zeewier-notitie.md"
    note.write_text(NOTE, encoding="utf-8")

    code, out, err = run(capsys, "add", "--json", str(note))

    assert code == 0, err
    assert (user_corpus() / "zeewier-notitie.md").read_text(encoding="utf-8") == NOTE
    assert tree_digest(BUNDLED_CORPUS.resolve()) == before  # package and checkout untouched
    code, out, err = run(capsys, "search", "--json", "zeewierteelt landroof")
    assert code == 0, err
    assert "zeewier" in json.loads(out)["hits"][0]["doc_id"]
    # The bundled letter is still there beside the user's note.
    code, out, err = run(capsys, "docs", "--json")
    ids = {row["id"] for row in json.loads(out) if row["status"] == "indexed"}
    assert "kamerbrief-2014-11-19-sra" in ids and any("zeewier" in i for i in ids)
