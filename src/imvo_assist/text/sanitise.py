"""Untrusted text made safe for a terminal or a JSON document, at the rendering edge.

File names, document text, titles and the user's own input may carry terminal escape sequences
(an OSC sequence retitles the window, a CSI one recolours or moves the cursor), C1 controls
(U+009B is a one-character CSI on some terminals), bidirectional overrides that make "exe.pdf"
read as "fdp.exe", and lone surrogates (bytes of a file name or argument that are not UTF-8),
which cannot be written as UTF-8 at all. Every front end renders through these functions:

- `for_terminal`: controls and ESC become visible placeholders (U+2400 control pictures such
  as "␛", or "\\x9b" for C1), bidi overrides and isolates are removed, lone surrogates become
  U+FFFD; ordinary Unicode (guillemets, dashes, accents) is untouched.
- `json_safe`: a JSON text whose raw bytes carry none of these: they are written as `\\u001b`,
  `\\u009b`, `\\u202e` escapes (the data is kept), lone surrogates as U+FFFD.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from imvo_assist.text.lazyregex import lazy_compile

if TYPE_CHECKING:
    from rich.text import Text

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Embeddings, overrides and isolates (LRE..RLO, LRI..PDI): removed from terminal text."""
_UNSAFE = lazy_compile(rf"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{BIDI_CONTROLS}]")
_UNSAFE_LINE = lazy_compile(rf"[\x00-\x1f\x7f-\x9f\ud800-\udfff{BIDI_CONTROLS}]")
_JSON_UNSAFE = lazy_compile(rf"[\x7f-\x9f{BIDI_CONTROLS}\u2028\u2029]")
_SURROGATES = lazy_compile(r"[\ud800-\udfff]")


def _placeholder(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # control pictures: "␛" for ESC, "␊" for a newline
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0x80 <= code <= 0x9F:
        return f"\\x{code:02x}"
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return ""  # a bidi control: removed


def for_terminal(text: str, one_line: bool = False) -> str:
    """`text` safe to print on a terminal.

    Args:
        text: any text (document text, a file name, user input).
        one_line: also show newlines and tabs as placeholders (file names, error lines).
    """
    pattern = _UNSAFE_LINE if one_line else _UNSAFE
    return pattern.sub(lambda match: _placeholder(match.group()), text)


def terminal_text(text: Text) -> Text:
    """A Rich `Text` with `for_terminal` applied to its characters, its styles kept in place."""
    plain = text.plain
    if not _UNSAFE.search(plain):
        return text
    from rich.text import Span, Text

    starts = [0]  # new offset of every old character (and of the end)
    pieces = []
    for char in plain:
        piece = _placeholder(char) if _UNSAFE.fullmatch(char) else char
        pieces.append(piece)
        starts.append(starts[-1] + len(piece))
    spans = [Span(starts[span.start], starts[min(span.end, len(plain))], span.style) for span in text.spans]
    return Text(
        "".join(pieces), style=text.style, justify=text.justify, overflow=text.overflow,
        no_wrap=text.no_wrap, end=text.end, tab_size=text.tab_size, spans=spans,
    )


def json_safe(encoded: str) -> str:
    """A JSON text (from `json.dumps(..., ensure_ascii=False)`) with DEL, C1 controls, bidi
    controls and line separators escaped and lone surrogates replaced by U+FFFD."""
    encoded = _SURROGATES.sub("\ufffd", encoded)
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", encoded)


def valid_text(text: str) -> str:
    """`text` with lone surrogates (undecodable bytes of an argument or file name) replaced by
    U+FFFD, so it can be searched, stored and encoded as UTF-8."""
    return _SURROGATES.sub("\ufffd", text)
