"""Checks of the lexicon file: malformed lines, duplicates, sides in the wrong language or made
of stopwords only. Maintainers run `python -m imvo_assist.text.lexicon_check --check`.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from whoosh.lang import stopwords_for_language

from imvo_assist.text.lexicon import Lang, Lexicon, lexicon_path, read_entries, words_of

DOMAIN = re.compile(r"^[a-z][a-z-]{1,23}$")


@dataclass(frozen=True)
class Problem:
    """One finding of `validate_lexicon`: `severity` is "error" or "warning"."""

    line: int
    severity: Literal["error", "warning"]
    kind: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.severity}: {self.kind}: {self.message}"


def validate_lexicon(path: Path | None = None) -> list[Problem]:
    """Check a lexicon file.

    Errors: malformed lines (column count, empty side, bad domain tag, not lower-case),
    exact duplicates and duplicates after folding accents. Warnings: a side that looks like the
    other language (every word unknown in its own word list but known in the other's: may
    be a proper noun or a loanword) and sides that the analyzers reduce to nothing (stopwords).

    Args:
        path: the TSV file; the project lexicon when None.

    Returns:
        The problems, in line order.
    """
    path = path or lexicon_path()
    problems: list[Problem] = []
    seen_exact: dict[tuple[str, str], int] = {}
    seen_folded: dict[tuple[str, str], int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) != 3:
            problems.append(Problem(number, "error", "columns",
                                    f"expected 3 tab-separated columns, found {len(columns)}"))
            continue
        nl, en, domain = (column.strip() for column in columns)
        if not nl or not en or not domain:
            problems.append(Problem(number, "error", "empty", "a column is empty"))
            continue
        if not DOMAIN.match(domain):
            problems.append(Problem(number, "error", "domain", f"bad domain tag {domain!r}"))
        if nl != nl.lower() or en != en.lower():
            problems.append(Problem(number, "error", "case", f"not lower-case: {nl!r} / {en!r}"))
        if not words_of(nl) or not words_of(en):
            problems.append(Problem(number, "error", "empty", "a side has no words"))
            continue
        key = (nl, en)
        folded = (" ".join(words_of(nl)), " ".join(words_of(en)))
        if key in seen_exact:
            problems.append(Problem(number, "error", "duplicate",
                                    f"{nl!r} -> {en!r} repeats line {seen_exact[key]}"))
        elif folded in seen_folded:
            problems.append(Problem(number, "error", "folded-duplicate",
                                    f"{nl!r} -> {en!r} repeats line {seen_folded[folded]} "
                                    "after folding"))
        seen_exact.setdefault(key, number)
        seen_folded.setdefault(folded, number)
        problems.extend(_language_problems(number, nl, en, domain))
    return problems


def _language_problems(number: int, nl: str, en: str, domain: str) -> list[Problem]:
    """Warnings for a side in the wrong language or made of stopwords only.

    A term written the same in both languages (a loanword, an acronym, a name) is not checked
    for language; question words are expected to be stopwords and are not checked for that.
    """
    from imvo_assist.text.wordlist import known

    found: list[Problem] = []
    sides: tuple[tuple[str, Lang, Lang], ...] = ((nl, "nl", "en"), (en, "en", "nl"))
    for text, lang, other in sides:
        words = [word for word in re.findall(r"[^\W\d_]+", text.lower()) if len(word) > 1]
        if (
            nl != en
            and words
            and all(not known(word, lang) and known(word, other) for word in words)
        ):
            found.append(Problem(number, "warning", "language",
                                 f"{text!r} looks {other}, not {lang}"))
        stopwords = frozenset(stopwords_for_language(lang))
        if domain != "question" and all(word in stopwords for word in words_of(text)):
            found.append(Problem(number, "warning", "stopwords",
                                 f"{text!r} is only {lang} stopwords (analyzers drop it)"))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m imvo_assist.text.lexicon_check --check [PATH]`: print problems; 1 on errors."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m imvo_assist.text.lexicon_check")
    parser.add_argument("--check", action="store_true", help="validate the lexicon file")
    parser.add_argument("path", nargs="?", type=Path, help="lexicon TSV (default: bundled)")
    parser.add_argument("--quiet", action="store_true", help="print errors only")
    args = parser.parse_args(argv)
    path = args.path or lexicon_path()
    if not args.check:
        parser.print_help()
        return 2
    problems = validate_lexicon(path)
    errors = [problem for problem in problems if problem.severity == "error"]
    for problem in problems:
        if problem.severity == "error" or not args.quiet:
            print(problem)
    lexicon = Lexicon.from_entries(read_entries(path))
    print(f"{path}: {len(lexicon)} lines, {lexicon.pair_count()} distinct pairs, "
          f"{len(errors)} errors, {len(problems) - len(errors)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
