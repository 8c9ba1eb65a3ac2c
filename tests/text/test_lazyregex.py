"""A lazily compiled pattern compiles once, on first use, and then behaves as `re.compile`'s."""

from __future__ import annotations

import re

import pytest

from imvo_assist.text import lazyregex
from imvo_assist.text.lazyregex import lazy_compile


def test_compiled_on_first_use_only(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[str] = []
    real = re.compile

    def counting(source: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(source)
        return real(source, flags)

    monkeypatch.setattr(lazyregex.re, "compile", counting)
    pattern = lazy_compile(r"\bconvenant(en)?\b", re.IGNORECASE)
    assert compiled == []
    assert pattern.search("Het CONVENANT bevat").group(0) == "CONVENANT"
    assert pattern.sub("X", "convenanten en convenant") == "X en X"
    assert compiled == [r"\bconvenant(en)?\b"]


def test_behaves_as_the_compiled_pattern() -> None:
    source = r"(?P<n>\d+) (jaar|years?)"
    lazy, eager = lazy_compile(source), re.compile(source)
    text = "binnen 3 jaar, of 5 years"
    assert [m.group("n") for m in lazy.finditer(text)] == [m.group("n") for m in eager.finditer(text)]
    assert lazy.split(text) == eager.split(text) and lazy.pattern == source
