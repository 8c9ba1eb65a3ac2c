"""Text normalisation: ligatures, quotes, control characters and line-end hyphenation.

Dutch hyphenation has two traps: a coordinating hyphen ("land- en tuinbouw", "olie- en
gasindustrie") and a hyphen that belongs to the word ("MVO-risico's", "UN-Guiding"). Both must
survive when the line breaks right after them; only a typesetting hyphen ("onderne-/mingen")
is removed.
"""

from __future__ import annotations

import re
import unicodedata

QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
        "\u00ad": "",  # soft hyphen
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
    }
)
# ANSI/VT escape sequences and C0/C1 control characters other than tab and newline.
ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SPACES = re.compile(r"[ \t]+")
# Words that follow a coordinating hyphen: "textiel- en kledingsector".
COORDINATORS = frozenset({"en", "of", "tot", "noch", "and", "or", "to"})
HYPHEN_END = re.compile(r"(\S*?)([-\u2010\u2011])$")
WORD_START = re.compile(r"^([^\W\d_][\w']*)")


def clean_text(text: str) -> str:
    """Unfold ligatures (NFKC), straighten quotes, drop escapes and control characters."""
    text = unicodedata.normalize("NFKC", text).translate(QUOTES)
    text = ESCAPES.sub("", text)
    return CONTROLS.sub("", text)


def strip_controls(text: str) -> str:
    """Text without terminal escape sequences and control characters (newlines and tabs kept)."""
    return CONTROLS.sub("", ESCAPES.sub("", text))


def clean_line(line: str) -> str:
    """`clean_text` plus collapsed inner whitespace."""
    return SPACES.sub(" ", clean_text(line)).strip()


def join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph, repairing line-end hyphenation.

    Args:
        lines: cleaned lines of a paragraph in order.

    Returns:
        The paragraph as one line of text (linear in its length, however many lines).
    """
    parts: list[str] = []
    for line in lines:
        if not line:
            continue
        if parts:
            parts[-1], separator = _join(parts[-1], line)
            parts.append(separator)
        parts.append(line)
    return "".join(parts)


def _join(previous: str, line: str) -> tuple[str, str]:
    """The previous line (its hyphen dropped if typographic) and the separator before `line`."""
    hyphen = HYPHEN_END.search(previous[-80:])
    word = WORD_START.match(line)
    if not hyphen or not word or not hyphen.group(1):
        return previous, " "
    before, after = hyphen.group(1), word.group(1)
    if after.casefold() in COORDINATORS:
        return previous, " "  # "land-" + "en tuinbouw" keeps "land- en"
    last = before[-1]
    if last.isupper() or last.isdigit() or after[0].isupper():
        return previous, ""  # "MVO-" + "risico's", "UN-" + "Guiding": a real hyphen
    return previous[: -len(hyphen.group(2))], ""
