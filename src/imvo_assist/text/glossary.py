"""The bilingual glossary (`corpus/glossary.toml`): words that mean the same in English and
Dutch, used to expand questions so English questions find Dutch passages and vice versa."""

from __future__ import annotations

import tomllib
from functools import cache

from imvo_assist.errors import CorpusError
from imvo_assist.paths import BUNDLED_CORPUS
from imvo_assist.text.fold import fold

MAX_PHRASE = 4


@cache
def glossary() -> dict[tuple[str, ...], frozenset[str]]:
    """Folded word sequence -> every folded equivalent (itself included)."""
    path = BUNDLED_CORPUS / "glossary.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CorpusError(f"{path}: cannot read the glossary ({exc})") from exc
    table: dict[tuple[str, ...], set[str]] = {}
    for number, term in enumerate(data.get("term", []), start=1):
        words = term.get("words")
        if not isinstance(words, list) or len(words) < 2:
            raise CorpusError(f"{path}: term {number} needs a list of at least two words")
        forms = {fold(word) for word in words}
        for form in forms:
            table.setdefault(tuple(form.split()), set()).update(forms)
    return {key: frozenset(value) for key, value in table.items()}


def expand(words: list[str]) -> set[str]:
    """Equivalents of the (folded) words and word sequences of a question, minus the words."""
    table = glossary()
    found: set[str] = set()
    for start in range(len(words)):
        for size in range(1, MAX_PHRASE + 1):
            found |= table.get(tuple(words[start : start + size]), frozenset())
    return found - set(words)
