"""Import hygiene: the core never imports the UI, and queries never import pypdf."""

from __future__ import annotations

import subprocess
import sys

import pytest


def modules_after(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


@pytest.mark.parametrize(
    "module",
    ["imvo_assist.cli", "imvo_assist.library", "imvo_assist.index", "imvo_assist.extract",
     "imvo_assist.answer", "imvo_assist.cli.output"],
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
