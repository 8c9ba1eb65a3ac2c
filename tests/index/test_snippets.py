"""Search snippets start and end at spaces: never inside a word or a reference marker ("[56")."""

from __future__ import annotations

import re

import pytest
from cli_support import run_cli

from imvo_assist.settings import Settings, make_settings

WORDS = [
    "bedrijven", "ketens", "risico", "mijnbouw", "textiel", "kinderarbeid", "elektronica",
    "palmolie", "cacao", "goud", "water", "bodem", "lucht", "vakbond", "loon", "veiligheid",
    "gezondheid", "grond", "conflict", "corruptie",
]
# A marker after every third word: wherever a fragment is cut, a marker is near.
TEXT = " ".join(
    f"{WORDS[n % len(WORDS)]}{f' [{n + 40}]' if n % 3 == 2 else ''}" for n in range(150)
) + "."
BROKEN_MARKER = re.compile(r"\[\d+(?!\d*\])|(?<!\[)(?<!\d)\d+\]")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    folder = tmp_path_factory.mktemp("snippets")
    (folder / "corpus").mkdir()
    (folder / "corpus" / "rapport.txt").write_text(TEXT + "\n", encoding="utf-8")
    return make_settings(folder / "corpus", folder / "ix")


@pytest.mark.parametrize("word", WORDS)
def test_snippets_never_cut_a_word_or_a_marker(
    report: Settings, capsys: pytest.CaptureFixture[str], word: str
) -> None:
    result = run_cli(capsys, report, "search", word, "--doc", "rapport", "--json")
    [hit] = result.json()["hits"]  # type: ignore[index]
    snippet = hit["snippet"].replace("**", "")
    assert not BROKEN_MARKER.search(snippet), snippet
    for fragment in snippet.split(" … "):
        start = TEXT.index(fragment)
        end = start + len(fragment)
        assert start == 0 or TEXT[start - 1] == " ", fragment
        assert end == len(TEXT) or TEXT[end] == " ", fragment
