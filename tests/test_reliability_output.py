"""Untrusted text in every output (issue 15, items 5, 6 and 8): the same hostile strings in file
names, file text, titles and arguments, through every command and rendering, checked byte for
byte; and input length that cannot make `ask` slow.

Bytes are what the process would write: `capsysbinary` encodes as strict UTF-8 like a UTF-8
terminal, so a lone surrogate fails here as it would there.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli_support import run_cli
from pypdf import PdfWriter

from imvo_assist.library import Library, refresh
from imvo_assist.library.core import MAX_SUGGEST_WORDS, SUGGEST_SCORE
from imvo_assist.settings import Settings, make_settings
from imvo_assist.text.sanitise import for_terminal, json_safe
from imvo_assist.text.suggest import suggestion_index

ORDINARY = "«citaat» — één"
"""Ordinary Unicode that must come through untouched."""
HOSTILE = (
    "\x1b]0;gekaapt\x07\x1b[31mrood\x1b[0m \x9b31mC1\x9b0m \u202egnp.exe\u202c "
    f"\u2066iso\u2069 \x7f {ORDINARY}"
)
"""An OSC title, CSI colours, C1 CSI, a bidi override and isolate, DEL, and ordinary text."""
UNDECODABLE = "kinder\udcffarbeid"
"""What Python makes of the argument $'kinder\\xffarbeid' (not UTF-8)."""
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
WORD = "kwispelvlinderakkoord"


def assert_clean(data: bytes, what: str) -> str:
    """The bytes are UTF-8 and carry no ESC, other C0 or C1 control, DEL or bidi control."""
    text = data.decode("utf-8")  # strict: undecodable output fails here
    found = FORBIDDEN.search(text)
    assert found is None, f"{what}: {found.group()!r} at {found.start()}: {text[max(0, found.start() - 40):found.start() + 40]!r}"
    return text


@dataclass
class Output:
    code: int
    out: bytes
    err: bytes


def run_bytes(capsysbinary: pytest.CaptureFixture[bytes], settings: Settings, *args: str) -> Output:
    from imvo_assist.cli import main

    capsysbinary.readouterr()
    with pytest.raises(SystemExit) as caught:
        main(["--corpus", str(settings.corpus), "--index", str(settings.index), *args])
    out, err = capsysbinary.readouterr()
    return Output(int(caught.value.code or 0), out, err)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, shared_corpus: Path) -> Iterator[Settings]:
    """An indexed corpus whose names, texts and titles carry the hostile strings."""
    base = tmp_path_factory.mktemp("hostile-output")
    corpus = base / "corpus"
    corpus.mkdir()
    text = f"# Titel {HOSTILE}\n\nHet {WORD} {HOSTILE} verbiedt kinderarbeid in de keten.\n"
    (corpus / f"notitie {HOSTILE}.md").write_text(text, encoding="utf-8")
    (corpus / "bericht.txt").write_text(text, encoding="utf-8")
    with open(os.fsencode(corpus) + b"/caf\xe9-\x1b[31m.txt", "wb") as out:
        out.write(f"Het {WORD} in het café.\n".encode())
    (corpus / f"leeg {HOSTILE}.pdf").write_bytes(b"")  # fails: its name is in the error line
    pdf = PdfWriter(clone_from=shared_corpus / "convenant-test-textiel.pdf")
    pdf.add_metadata({"/Title": f"PDF-titel {HOSTILE}"})
    pdf.write(corpus / "onbekend-stuk.pdf")
    (corpus / "documents.toml").write_text(
        "[[document]]\nid = \"bericht\"\nfile = \"bericht.txt\"\n"
        f"title = {json.dumps('Bericht ' + HOSTILE)}\npublisher = {json.dumps(HOSTILE)}\n",
        encoding="utf-8",
    )
    shutil.copy(shared_corpus / "kamerbrief-2014-11-19-sra.pdf", corpus)
    settings = make_settings(corpus, base / "ix")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("IMVO_ASSIST_DATA", str(base / "data"))
        refresh(settings)
        yield settings


QUESTION = f"Wat zegt het {WORD} over {UNDECODABLE}? {HOSTILE}"
COMMANDS: dict[str, tuple[str, ...]] = {
    "index": ("index",),
    "index-json": ("index", "--json"),
    "search": ("search", WORD),
    "search-json": ("search", "--json", WORD),
    "search-hostile": ("search", UNDECODABLE, HOSTILE),
    "search-hostile-json": ("search", "--json", UNDECODABLE, HOSTILE),
    "ask": ("ask", QUESTION),
    "ask-json": ("ask", "--json", QUESTION),
    "ask-markdown": ("ask", "--markdown", QUESTION),
    "ask-undecodable-json": ("ask", "--json", UNDECODABLE),
    "ask-undecodable-markdown": ("ask", "--markdown", UNDECODABLE),
    "show": ("show", "bericht"),
    "show-json": ("show", "--json", "bericht"),
    "show-unknown": ("show", HOSTILE),
    "docs": ("docs",),
    "docs-json": ("docs", "--json"),
    "verify": ("verify", f"Het {WORD} {HOSTILE} verbiedt kinderarbeid"),
    "verify-json": ("verify", "--json", f"Het {WORD} {UNDECODABLE} {HOSTILE} verbiedt"),
    "sources": ("sources", HOSTILE),
    "sources-json": ("sources", "--json", UNDECODABLE),
    "sources-org": ("sources", "--org", HOSTILE),
    "sources-org-json": ("sources", "--json", "--org", HOSTILE),
    "fetch": ("fetch", "kamerbrief-2014-11-19-sra", "--url", f"kamerbrief-2014-11-19-sra=ftp://x/{HOSTILE}.pdf"),
    "fetch-json": ("fetch", "--json", "kamerbrief-2014-11-19-sra", "--url", f"kamerbrief-2014-11-19-sra=ftp://{UNDECODABLE}/{HOSTILE}"),
    "doctor": ("doctor",),
    "doctor-json": ("doctor", "--json"),
    "usage-error": ("search", "--limit", HOSTILE, WORD),
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_and_rendering_is_safe_byte_for_byte(
    hostile: Settings, capsysbinary: pytest.CaptureFixture[bytes], name: str
) -> None:
    run = run_bytes(capsysbinary, hostile, *COMMANDS[name])
    out = assert_clean(run.out, f"{name} stdout")
    err = assert_clean(run.err, f"{name} stderr")
    assert "Traceback" not in err and run.code in (0, 1, 2), (run.code, err)
    if name.endswith("-json"):
        json.loads(out)  # valid JSON: the hostile characters are escaped, not dropped
        if name == "ask-json":
            assert json.loads(out)["question"] == QUESTION.replace("\udcff", "\ufffd")


@pytest.mark.parametrize("name", ["add", "add-json"])
def test_add_output_is_safe_for_a_hostile_undecodable_name(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], name: str
) -> None:
    inbox = os.fsencode(tmp_path) + b"/caf\xe9-\x1b]0;x\x07\xe2\x80\xae.md"
    with open(inbox, "wb") as out:
        out.write(f"# Notitie\n\nHet {WORD}.\n".encode())
    settings = make_settings(tmp_path / "corpus", tmp_path / "ix")
    run = run_bytes(capsysbinary, settings, *COMMANDS.get(name, ()), "add", *(["--json"] if name == "add-json" else []), os.fsdecode(inbox))
    out = assert_clean(run.out, "stdout")
    assert_clean(run.err, "stderr")
    assert run.code == 0, run.err
    if name == "add-json":
        [result] = json.loads(out)
        assert result["status"] == "added" and "\ufffd" in result["source"]


def test_ordinary_unicode_is_untouched_and_json_keeps_the_data(
    hostile: Settings, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    markdown = run_bytes(capsysbinary, hostile, "ask", "--markdown", QUESTION).out.decode()
    assert ORDINARY in markdown and "␛]0;gekaapt␇" in markdown and "\\x9b31mC1" in markdown
    assert "gnp.exe" in markdown and "\u202e" not in markdown
    raw = run_bytes(capsysbinary, hostile, "ask", "--json", QUESTION).out.decode()
    assert "\\u001b]0;gekaapt\\u0007" in raw and "\\u009b31m" in raw and "\\u202e" in raw
    assert ORDINARY in raw


def test_sanitiser_functions() -> None:
    assert for_terminal("a\x1bb\x9bc\u202ed\u2066e\u2069 é — «x»\n\tf") == "a␛b\\x9bcde é — «x»\n\tf"
    assert for_terminal("a\nb\tc\rd", one_line=True) == "a␊b␉c␍d"
    assert for_terminal("caf\udce9") == "caf\ufffd"
    encoded = json_safe(json.dumps({"k": "\x1b\x9b\u202e\udce9 é"}, ensure_ascii=False))
    assert encoded == '{"k": "\\u001b\\u009b\\u202e\ufffd é"}'
    assert json.loads(encoded) == {"k": "\x1b\x9b\u202e\ufffd é"}


# --- item 8: long input --------------------------------------------------------------------


@pytest.mark.parametrize("command", ["ask", "search", "verify"])
def test_input_longer_than_2000_characters_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    settings = make_settings(tmp_path / "missing-corpus", tmp_path / "ix")  # never reached
    run = run_cli(capsys, settings, command, "woord " * 300, "x" * 200)  # 2,001 with the space
    assert run.code == 2 and run.out == ""
    [line] = run.err.splitlines()
    assert line.startswith("imvo-assist: The ") and "2,001 characters long; at most 2,000 are read." in line
    assert run_cli(capsys, settings, command, "w" * 2000).err.find("characters long") == -1


def test_suggestion_work_does_not_grow_with_the_question(indexed: Settings) -> None:
    library = Library(indexed)
    prepared = suggestion_index(library.terms, SUGGEST_SCORE)
    assert library.did_you_mean("kinderabeid") == ["kinderarbeid"]

    def lookups(text: str) -> int:
        before = prepared.lookups
        library.did_you_mean(text)
        return prepared.lookups - before

    words = [f"onbekendwoord{chr(97 + n % 26)}{chr(97 + n // 26 % 26)}" for n in range(400)]
    short, long = " ".join(words[:MAX_SUGGEST_WORDS + 2]), " ".join(words)
    assert len(long) > 2000 > len(short)
    assert lookups(short) == lookups(long) == MAX_SUGGEST_WORDS
    candidates = prepared.candidates(len("onbekendwoordaa"))
    assert 0 < len(candidates) < len(library.terms)  # only words of a matching length
    assert all(10 <= len(word) <= 22 for word in candidates)


def test_progress_bar_shows_file_names_as_data() -> None:
    import io

    from rich.console import Console

    from imvo_assist.cli.progress import terminal_progress

    screen = io.StringIO()
    update = terminal_progress(Console(file=screen, force_terminal=True, width=200))
    update(1, 1, "map/\x1b]0;gekaapt\x07\x9b1m\u202e\x7f.pdf")  # drawn as it stops
    drawn = screen.getvalue()  # Rich's own colour codes are there: the file name's are not
    assert "␛]0;gekaapt␇\\x9b1m␡.pdf" in drawn and "\x1b]0;" not in drawn
    assert "\x9b" not in drawn and "\u202e" not in drawn and "\x7f" not in drawn
