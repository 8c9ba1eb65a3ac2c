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


def clean_line(line: str) -> str:
    """`clean_text` plus collapsed inner whitespace."""
    return SPACES.sub(" ", clean_text(line)).strip()


def join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph, repairing line-end hyphenation.

    Args:
        lines: cleaned lines of a paragraph in order.

    Returns:
        The paragraph as one line of text.
    """
    text = ""
    for line in lines:
        if not line:
            continue
        if not text:
            text = line
            continue
        text = _join(text, line)
    return text


def _join(text: str, line: str) -> str:
    hyphen = HYPHEN_END.search(text)
    word = WORD_START.match(line)
    if not hyphen or not word or not hyphen.group(1):
        return f"{text} {line}"
    before, after = hyphen.group(1), word.group(1)
    if after.casefold() in COORDINATORS:
        return f"{text} {line}"  # "land-" + "en tuinbouw" keeps "land- en"
    last = before[-1]
    if last.isupper() or last.isdigit() or after[0].isupper():
        return text + line  # "MVO-" + "risico's", "UN-" + "Guiding": a real hyphen
    return text[: -len(hyphen.group(2))] + line
