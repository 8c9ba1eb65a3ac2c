"""Questions on who signed or sent a document, and what in a passage shows a signature rather
than an author it cites."""

from __future__ import annotations

from functools import cache

from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.questionforms import SIGNING_VERB

# What a "welke"/"which" question on signing may ask instead of who: when, which document or
# which part of it.
NOT_SIGNERS = (r"(datum|dag|jaar|maand|date|day|year|month|convenant|covenant|agreement|akkoord|brief|"
               r"letter|rapport|report|advies|advice|document|pagina|page|artikel|article|hoofdstuk|"
               r"chapter|paragraaf|section)")
# Who signed or sent a document: its signature names them, apart from any sentence on signing
# ("wie zijn de ondertekenaars?"; not "ties with the signatories").
SIGNERS = lazy_compile(
    rf"\b(wie|who|(welke|which) (?!(?:(?:exacte?|precieze?|precise) )?{NOT_SIGNERS}\b)\w+)\b"
    r"(?:(?!\b(?:die|waarin|waarmee|waarop|which|where)\b|\b(?:dat|that)\b(?! (?:\w+ )?\w*"
    r"(?:convenant|covenant|akkoord|agreement|overeenkomst|verdrag)\b))[^?.;]){0,80}"  # no relative
    # clause ("dat steenkoolconvenant", "that coal covenant": a document pointed at)
    rf"\b{SIGNING_VERB}\b|"
    r"\b(wie|who) (is|zijn|was|waren|are|were) (de|het|the) \w+ (die|dat|that|who|which)\b[^?.;]{0,60}"
    rf"\b{SIGNING_VERB}\b|"  # "wie is de minister die ..."
    r"\b((wie|who|wat|what) (zijn|waren|are|were)|noem|name|list|welke|which)( de| the)? "
    r"(ondertekenaars?|signator(y|ies)|afzenders?)\b"
)
# An author cited by a reference marker ("PAX [17] beschreef ...", "[18] Both ENDS (2012)."):
# a source of what a sentence says, not who signed.
CITED_SOURCE = lazy_compile(r"(?:[A-Z][\w&.'-]* ){0,3}[A-Z][\w&.'-]* \[\d+\]|\[\d+\] (?:[A-Z][\w&.'-]* ){0,3}[A-Z][\w&.'-]*")
SIGNED = lazy_compile(r"\b(ondertekend|getekend|signed|w\.g\.)\b")


@cache
def asks_who_signed(folded: str) -> bool:
    """Whether a folded question asks who signed or sent something (`SIGNERS`)."""
    return bool(SIGNERS.search(folded))
