"""The installed command answers from its bundled corpus, however it was installed.

Three ways a user gets `imvo-assist`: the project's editable install (`uv sync`), the wheel in a
fresh virtual environment, and `uv tool install`. Each one is asked a question from an empty
temporary working folder with an empty data folder (`IMVO_ASSIST_DATA`) and no
`IMVO_ASSIST_CORPUS`, so only the corpus inside the installed package can answer.

Everything runs offline (`--offline`, every subprocess with a timeout): a step that would need
the network is skipped with its reason. Installing the wheel does not resolve its dependencies
(offline resolution needs wheel metadata that uv's cache may not hold after `uv sync`): they are
installed exactly as `uv.lock` pins them (`uv export` + `uv pip sync`), the wheel with
`--no-deps`. The three answering tests are slow: each indexes the bundled corpus from scratch.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "Welke sectoren hebben een verhoogd MVO-risico?"
LETTER = "kamerbrief-2014-11-19-sra"
BUNDLED = ("vocabulary.toml", "documents.toml", f"{LETTER}.pdf")
UV_TIMEOUT = 300
ASK_TIMEOUT = 900  # a first question indexes the bundled corpus
NEEDS_NETWORK = re.compile(r"network was disabled|needs to be downloaded|--offline", re.IGNORECASE)


def clean_env(**extra: str) -> dict[str, str]:
    """This environment without the test-suite and virtualenv settings, plus `extra`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("IMVO_ASSIST_CORPUS", "IMVO_ASSIST_DATA", "VIRTUAL_ENV", "PYTHONPATH")
        and not key.startswith(("UV_PROJECT", "UV_TOOL"))
    }
    return {**env, **extra}


def uv(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`uv ARGS` (always given `--offline` by the caller); skips the test if it needs the network."""
    exe = os.environ.get("UV") or shutil.which("uv")
    if not exe:
        pytest.skip("uv is not on PATH")
    done = subprocess.run(
        [exe, *args], cwd=cwd, env=env or clean_env(), capture_output=True, text=True,
        timeout=UV_TIMEOUT, stdin=subprocess.DEVNULL, check=False,
    )
    if done.returncode != 0 and NEEDS_NETWORK.search(done.stderr):
        last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
        pytest.skip(f"`uv {args[0]}` needs the network (not in uv's cache): {last}")
    assert done.returncode == 0, f"uv {' '.join(args)}:\n{done.stderr}"
    return done


def assert_answers(exe: Path, tmp_path: Path) -> None:
    """`exe ask --json QUESTION` from an empty folder cites printed page 2 of the bundled letter."""
    assert exe.is_file(), f"{exe} was not installed"
    cwd, data = tmp_path / "cwd", tmp_path / "data"
    cwd.mkdir()
    done = subprocess.run(
        [str(exe), "ask", "--json", QUESTION], cwd=cwd, env=clean_env(IMVO_ASSIST_DATA=str(data)),
        capture_output=True, text=True, timeout=ASK_TIMEOUT, stdin=subprocess.DEVNULL, check=False,
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    cited = [(c["doc_id"], c["page"]) for c in answer["citations"]]
    assert answer["not_found"] is False and (LETTER, "2") in cited, cited
    assert (data / "indexes").is_dir()  # the index went to the data folder given ...
    assert list(cwd.iterdir()) == []  # ... and nothing into the working folder


def bundled_corpus_of(python: Path, tmp_path: Path) -> Path:
    """Where `imvo_assist.paths.BUNDLED_CORPUS` is for this interpreter (run outside the checkout)."""
    done = subprocess.run(
        [str(python), "-c", "from imvo_assist.paths import BUNDLED_CORPUS; print(BUNDLED_CORPUS)"],
        cwd=tmp_path, env=clean_env(), capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    return Path(done.stdout.strip())


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built once offline (`uv build --wheel`)."""
    out = tmp_path_factory.mktemp("dist")
    uv("build", "--offline", "--wheel", "--out-dir", str(out), str(ROOT), cwd=out)
    [built] = out.glob("imvo_assist-*.whl")
    return built


@pytest.fixture(scope="module")
def locked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The runtime dependencies exactly as `uv.lock` pins them, as a requirements file."""
    path = tmp_path_factory.mktemp("locked") / "requirements.txt"
    uv("export", "--frozen", "--offline", "--no-dev", "--no-hashes", "--no-emit-project",
       "--no-header", "--no-annotate", "--output-file", str(path), cwd=ROOT)
    return path


def test_wheel_contains_the_bundled_corpus(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in BUNDLED:
            assert f"imvo_assist/corpus/{name}" in names, sorted(n for n in names if "corpus/" in n)
            # the real files, not the editable install's link to corpus/
            assert archive.read(f"imvo_assist/corpus/{name}") == (ROOT / "corpus" / name).read_bytes()


@pytest.mark.slow
def test_editable_install_answers_from_any_folder(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "imvo-assist"  # the project's .venv (not `uv run`: no lock)
    assert bundled_corpus_of(Path(sys.executable), tmp_path).resolve() == (ROOT / "corpus").resolve()
    assert_answers(exe, tmp_path)


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_answers(wheel: Path, locked: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    uv("venv", "--offline", "--python", sys.executable, str(venv), cwd=tmp_path)
    python = venv / "bin" / "python"
    uv("pip", "sync", "--offline", "--python", str(python), str(locked), cwd=tmp_path)
    uv("pip", "install", "--offline", "--no-deps", "--python", str(python), str(wheel), cwd=tmp_path)
    corpus = bundled_corpus_of(python, tmp_path)
    assert corpus.is_relative_to(venv) and not corpus.is_symlink()  # the wheel's own copy
    assert_answers(venv / "bin" / "imvo-assist", tmp_path)


@pytest.mark.slow
def test_uv_tool_install_answers(wheel: Path, locked: Path, tmp_path: Path) -> None:
    tools, bin_dir = tmp_path / "tools", tmp_path / "bin"
    env = clean_env(UV_TOOL_DIR=str(tools), UV_TOOL_BIN_DIR=str(bin_dir))
    exe = os.environ.get("UV") or shutil.which("uv") or "uv"
    done = subprocess.run(
        [exe, "tool", "install", "--offline", str(wheel)], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=UV_TIMEOUT, stdin=subprocess.DEVNULL, check=False,
    )
    if done.returncode != 0:
        # Offline, resolving the dependencies may need metadata uv's cache lacks: install the
        # tool without them and put the locked ones into the tool's environment.
        assert NEEDS_NETWORK.search(done.stderr), done.stderr
        names = {re.split(r"[=<>~!;\s\[]", line, maxsplit=1)[0]
                 for line in locked.read_text(encoding="utf-8").splitlines() if line and line[0].isalnum()}
        excludes = tmp_path / "excludes.txt"
        excludes.write_text("\n".join(sorted(names)) + "\n", encoding="utf-8")
        uv("tool", "install", "--offline", "--excludes", str(excludes), str(wheel), cwd=tmp_path, env=env)
        uv("pip", "install", "--offline", "--no-deps", "--python", str(tools / "imvo-assist" / "bin" / "python"),
           "--requirements", str(locked), cwd=tmp_path)
    corpus = bundled_corpus_of(tools / "imvo-assist" / "bin" / "python", tmp_path)
    assert corpus.is_relative_to(tools) and not corpus.is_symlink()
    assert_answers(bin_dir / "imvo-assist", tmp_path)
