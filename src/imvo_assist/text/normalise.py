"""Text normalisation: the displayed and the matching form of a text, and line-end hyphenation.

A passage keeps the source's characters for display and copying: guillemets, curly quotes and
ellipses stay as printed; only typesetting is undone (ligatures, spaces of other widths, soft
hyphens, control characters). Analyzers read `index_form`, which straightens quotes and unfolds
compatibility characters one character for one, so offsets found in it point into the text as
displayed (search snippets highlight the original characters).

Dutch hyphenation has two traps: a coordinating hyphen ("land- en tuinbouw", "olie- en
gasindustrie") and a hyphen that belongs to the word ("MVO-risico's", "UN-Guiding"). Both must
survive when the line breaks right after them; only a typesetting hyphen ("onderne-/mingen")
or a soft hyphen (U+00AD) ending a line ("inge" + U+00AD, then "stemd") is removed.
"""

from __future__ import annotations

import re
import unicodedata

from imvo_assist.text.lazyregex import lazy_compile

SOFT_HYPHEN = "\u00ad"
# Typesetting, not text: ligatures a font draws as one glyph, spaces of other widths.
TYPESETTING = str.maketrans(
    {
        "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
        "\ufb05": "st", "\ufb06": "st", "\u0132": "IJ", "\u0133": "ij",
        **{chr(code): " " for code in (0xA0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)},
    }
)
# Quote marks in their plain form: for matching only, displayed text keeps the source's marks.
QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
    }
)
# Soft hyphens: inside a line they go, with any space a joined line left after them;
# one at the end of a line stays, so that `join_lines` joins the word halves.
SOFT_HYPHENS = lazy_compile(r"\u00ad+[ \t]*(\n|$)?")
# ANSI/VT escape sequences and C0/C1 control characters other than tab and newline.
ESCAPES = lazy_compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")
CONTROLS = lazy_compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SPACES = lazy_compile(r"[ \t]+")
# Words that follow a coordinating hyphen: "textiel- en kledingsector".
COORDINATORS = frozenset({"en", "of", "tot", "noch", "and", "or", "to"})
HYPHEN_END = lazy_compile(r"(\S*?)([-\u2010\u2011])$")
WORD_START = lazy_compile(r"^([^\W\d_][\w']*)")


class _MatchingTable(dict[int, str]):
    """A `str.translate` table filled as characters are met: a character's NFKC form when
    that is one character (else the character itself), quotes straightened."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        unfolded = unicodedata.normalize("NFKC", char)
        self[code] = value = (unfolded if len(unfolded) == 1 else char).translate(QUOTES)
        return value


_MATCHING = _MatchingTable()


def index_form(text: str) -> str:
    """The form analyzers read: quotes straightened, compatibility characters unfolded
    ("²" -> "2"), always one character for one, so offsets into it are offsets into `text`."""
    return text if text.isascii() else text.translate(_MATCHING)


def soft_hyphens(text: str) -> str:
    """Soft hyphens dropped inside lines; one kept at a line end, where a word was broken."""
    if SOFT_HYPHEN not in text:
        return text
    return SOFT_HYPHENS.sub(_soft_hyphen, text)


def _soft_hyphen(match: re.Match[str]) -> str:
    end = match.group(1)
    return "" if end is None else SOFT_HYPHEN + end


def clean_text(text: str) -> str:
    """The displayed form: composed characters (NFC), ligatures and odd spaces undone, soft
    hyphens handled, escapes and control characters dropped; quotes kept as in the source."""
    text = soft_hyphens(unicodedata.normalize("NFC", text).translate(TYPESETTING))
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
    if parts and parts[-1].endswith(SOFT_HYPHEN):  # a word broken at the end of the page
        parts[-1] = parts[-1].rstrip(SOFT_HYPHEN)
    return "".join(parts)


def _join(previous: str, line: str) -> tuple[str, str]:
    """The previous line (its hyphen dropped if typographic) and the separator before `line`."""
    if previous.endswith(SOFT_HYPHEN):
        return previous[:-1], ""  # "inge\u00ad" + "stemd"
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
