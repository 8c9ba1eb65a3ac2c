"""The documents a question names: the kind it takes its answer from ("volgens het SER-advies",
"in the garment agreement", "according to the SER") and the words that name it. A document's
noun before a noun for a way of working names no document ("the covenant approach")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from imvo_assist.answer.entities import authored_kind, cited_as_source, folded_forms, is_author
from imvo_assist.catalogue.vocabulary import Organisation
from imvo_assist.text.fold import fold, folded_words
from imvo_assist.text.lazyregex import lazy_compile

if TYPE_CHECKING:
    from imvo_assist.answer.understand import Understanding

WORD = lazy_compile(r"[a-z0-9]+(?:'[a-z]+)?")
DOCUMENT_HINTS = (
    (lazy_compile(r"\bser\b|ser advies|ser advice|advies|advice"), "advice"),
    (lazy_compile(r"convenant|covenant|agreement"), "covenant"),
    (lazy_compile(r"\bbrief\b|kamerbrief|\bletter\b|kabinet|cabinet|government|kamer\b"), "letter"),
    (lazy_compile(r"rapport|report\b|kpmg"), "report"),
    (lazy_compile(r"bronnenboek|source book|register"), "register"),
    (lazy_compile(r"notitie|\bnote\b|\bteam\b"), "note"),
)
# Documents a question names outright ("volgens het SER-advies", "in het textielconvenant"): answers
# come from that kind of document first. "de brief", "the November 2014 letter", "het laatste rapport"
# (not "the team report back"); a covenant by its subject: "the garment agreement"; a covenant word
# before a document noun is its modifier ("the SER covenant advice").
DATED = (r"(\d{4}|\d{1,2}|[a-z]+ber|[a-z]+uari|[a-z]+uary|maart|march|april|mei|may|juni|june|juli|"
         r"july|augustus|august|eerste|first|laatste|last|latest|final|nieuwe|new|engelse|english|"
         r"nederlandse|dutch)")
THE = rf"\b(het|de|dit|deze|the|this) ({DATED} ){{0,3}}"
ANY_THE = r"\b(het|de|dit|deze|the|this) ((?!(?:in|een|a|an|of|van|voor|for|met|with|op|on)\b)\w+ ){0,2}"
# A document's noun before a noun for a way of working names the way, not the document: "the
# covenant approach", "in the agreement process" (Dutch writes one word: "convenantenaanpak").
WAYS = (r"(approach|approaches|process|processes|model|models|system|method|methods|route|"
        r"instrument|instruments|tool|tools|framework|track|trajectory|programme|program|"
        r"practice|practices|talks|negotiations)")
NOT_A_WAY = rf"(?! {WAYS}\b)"
NAMED_DOCUMENTS = (
    (lazy_compile(rf"\bser (covenant |convenant )?(advies|advice)\b|{THE}(advies|advice)\b{NOT_A_WAY}"), "advice"),
    (lazy_compile(rf"{ANY_THE}(convenant|covenant|agreement)\b(?! (advies|advice|report|rapport|letter|brief)\b){NOT_A_WAY}"
                  r"|\b\w+convenant\b"), "covenant"),
    (lazy_compile(rf"{THE}(brief|letter)\b{NOT_A_WAY}|kamerbrief"), "letter"),
    (lazy_compile(rf"{THE}(rapport|report)\b{NOT_A_WAY}|\b(kpmg|sra)[ -]?(rapport|report)\b{NOT_A_WAY}"), "report"),
    (lazy_compile(rf"\bnotitie\b|{THE}note\b"), "note"),
    (lazy_compile(rf"bronnenboek|source book|source register|{THE}register\b"), "register"),
)
DOCUMENT = rf"(\w+ ){{0,2}}(brief|letter|rapport|report|advies|advice|convenant|covenant|agreement|notitie|note){NOT_A_WAY}"
CITES_DOCUMENT = lazy_compile(
    rf"\b(volgens|according to|in|uit|from) (het|de|dit|deze|the|this) {DOCUMENT}\b"
    rf"|\b(het|de|dit|deze|the|this) {DOCUMENT} (zegt|noemt|stelt|beschrijft|says|say|mentions?|states?)\b"
    rf"|\b(zegt|noemt|beschrijft|says|does|did) (het|de|dit|the|this) {DOCUMENT}\b"
    r"|\b(volgens|according to) (de |the )?(ser|kpmg|kabinet|cabinet|government)\b"
    r"|\b(volgens|according to) (het|de|dit|deze|the|this) [\w-]+(brief|rapport|advies|convenant)\b"
)


def named_kind(folded: str, organisations: tuple[Organisation, ...]) -> str:
    """The kind of document the question names ("volgens het SER-advies"), or whose author it
    cites as the source ("according to the SER", "what does KPMG say")."""
    kinds = [kind for pattern, kind in NAMED_DOCUMENTS if pattern.search(folded)]
    named = kinds[0] if len(kinds) == 1 else _cited_kind(folded, kinds)
    words = folded_words(folded)
    cited = [o for o in organisations if is_author(o) and any(
        cited_as_source(words, form) for form in folded_forms(o))]
    return named if kinds or not cited else authored_kind(tuple(cited))


def document_name_words(understanding: Understanding) -> frozenset[str]:
    """The words by which the question names the document to look in ("het SER-advies", "the
    November 2014 letter"): where to look, not what about. A covenant's name says its subject
    ("het textielconvenant"), the register's is what its pages say of themselves
    ("bronnenboek"): both are kept."""
    kind = understanding.named_kind
    if kind in ("", "covenant", "register"):
        return frozenset()
    folded = fold(understanding.question)
    return frozenset(word for pattern, named in NAMED_DOCUMENTS if named == kind
                     for match in pattern.finditer(folded) for word in WORD.findall(match.group(0)))


def _cited_kind(folded: str, kinds: list[str]) -> str:
    """Of several documents a question names ("publish a source book next to the report"), the
    one it takes its answer from ("volgens het rapport"); "" when it names none as its source."""
    cited = CITES_DOCUMENT.search(folded)
    if not cited:
        return ""
    return next((kind for pattern, kind in NAMED_DOCUMENTS
                 if kind in kinds and pattern.search(cited.group(0))), "")
