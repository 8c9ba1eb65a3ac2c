"""Import hygiene: the layers of DESIGN.md, the core never imports the UI, queries never import
pypdf, and modules stay small."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "imvo_assist"
MAX_MODULE_LINES = 400


def modules_after(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    done = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


@pytest.mark.parametrize(
    "module",
    ["imvo_assist.cli", "imvo_assist.library", "imvo_assist.index", "imvo_assist.extract",
     "imvo_assist.answer", "imvo_assist.cli.output", "imvo_assist.bronnenboek",
     "imvo_assist.catalogue", "imvo_assist.collection", "imvo_assist.text"],
)
def test_core_modules_load_without_textual(module: str) -> None:
    assert "textual" not in modules_after(f"import {module}")


def test_search_and_ask_do_not_import_pypdf_or_textual(indexed) -> None:  # type: ignore[no-untyped-def]
    code = (
        "from imvo_assist.library import Library\n"
        "from pathlib import Path\n"
        "from imvo_assist.settings import make_settings\n"
        f"lib = Library(make_settings(Path({str(indexed.corpus)!r}), Path({str(indexed.index)!r})))\n"
        "lib.search('kinderarbeid')\nlib.ask('Welke sectoren?')"
    )
    loaded = modules_after(code)
    assert "pypdf" not in loaded and "textual" not in loaded


def test_layer_contract_holds() -> None:
    """import-linter's contracts in pyproject.toml: no upward import, lazy ones included."""
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter is a dev dependency; run `uv sync`"
    done = subprocess.run([lint_imports, "--no-cache"], check=False, capture_output=True, text=True,
                          cwd=PACKAGE.parents[1], timeout=120)
    assert done.returncode == 0, done.stdout[-3000:]


def test_every_module_is_under_the_size_limit() -> None:
    sizes = {
        path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    assert {name: n for name, n in sizes.items() if n >= MAX_MODULE_LINES} == {}


def test_nothing_outside_index_imports_its_private_modules() -> None:
    """`index/__init__` is the public face: other packages import from `imvo_assist.index` only."""
    import re

    private = re.compile(r"\bimvo_assist\.index\.\w+")
    offenders = [
        f"{path.relative_to(PACKAGE)}: {match.group(0)}"
        for path in PACKAGE.rglob("*.py") if "index" not in path.relative_to(PACKAGE).parts[:1]
        for match in private.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
