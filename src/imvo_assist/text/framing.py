"""Framing and meta-words of a question: what the asker wants done, not what it is about.

"geef me het exacte citaat over vrijwillige afspraken", "waar staat dat ...", "please quote the
part on ...", "according to the report", "voor het overleg van morgen: ...", "our board asked
me to check whether ..." carry a request (quote it, give the page) or a reason for asking. They
are removed from the content of a question, so they never have to be found in a passage. A
document named in them ("volgens de brief") is still read from the whole question by the caller.
A phrase the question quotes ('... niet vrijblijvend') is kept whole, for finding it verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz.distance import OSA

from imvo_assist.text.fold import fold
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.questionforms import MONTHS
from imvo_assist.text.wordlist import zipf

# Abbreviations that introduce or qualify a list ("bijv.", "vgl.", "incl."): framing, and no end
# of a sentence (ABBREVIATION_END).
LIST_ABBREVIATIONS = ("bijv", "vgl", "zgn", "resp", "incl", "excl")
# Requests about the form of the answer: quoting, locating, the page.
META_WORDS = frozenset(
    [
        "exact", "exacte", "exacta", "precies", "precieze", "letterlijk", "letterlijke", "literal",
        "literally", "verbatim", "citaat", "citaten", "citeer", "citeren", "quote", "quotes",
        "quoted", "quotation", "quotations", "cite", "passage", "passages", "fragment", "paragraaf",
        "alinea", "wording", "formulering", "formuleringen", "pagina", "paginas", "paginanummer",
        "paginanummers", "paginanr", "paginanrs", "blz", "page", "pages", "paginas", "bladzijde",
        "geef", "geven", "give", "gimme",
        "tell", "vertel", "show", "toon", "laat", "zien", "find", "vind", "zoek", "zoeken",
        "opzoeken", "look", "please", "pls", "alsjeblieft", "alstublieft", "graag", "svp", "kun",
        "kunt", "kan", "kunnen", "can", "could", "would", "zou", "zoudt", "me", "mij", "my", "mijn",
        "ik", "we", "wij", "our", "ons", "onze", "you", "je", "jij", "u", "even", "eigenlijk",
        "actually", "just", "nou", "toch", "ff", "klopt", "correct", "true", "waar", "summarise",
        "summarize", "samenvatting", "vat", "sentence", "sentences",
        *LIST_ABBREVIATIONS, "etc", "enz",  # "bijv. in de landbouw", "... enz."
    ]
)
# Why someone asks: being new, colleagues, preparing, checking for someone.
CONTEXT_WORDS = frozenset(
    [
        "nieuw", "nieuwe", "new", "dossier", "file", "topic", "onderwerp", "briefing", "presentatie",
        "presentation", "onderhandeling", "onderhandelingen", "negotiation", "negotiations", "morgen",
        "vandaag", "straks", "volgende", "week", "tomorrow", "today", "later", "next", "week",
        "directie", "manager", "baas", "boss", "collega", "colleague", "colleagues",
        "vroeg", "vraagt", "gevraagd", "asked", "asks", "ask", "checken",
        "verifieer", "voorbereiding", "voorbereiden", "prepare", "preparing",
        "preparation", "hi", "hallo", "hello", "hoi", "beste", "dear", "dank", "thanks", "thank",
        "quick", "vraagje", "aub", "plz", "thx", "bedankt", "dankjewel", "dankuwel", "alvast",
    ]
)
FUNCTION_WORDS = frozenset(
    [
        "de", "het", "een", "van", "voor", "over", "op", "in", "aan", "met", "bij", "naar", "om",
        "te", "en", "of", "dat", "dit", "die", "deze", "er", "is", "ben", "zijn", "was", "heb",
        "heeft", "hebben", "moet", "moeten", "wordt", "worden", "the", "a", "an", "of", "for",
        "about", "on", "in", "to", "and", "or", "that", "this", "these", "is", "am", "are", "was",
        "have", "has", "had", "be", "been", "whether", "if", "what", "wat", "which", "welke",
        "one", "before", "after", "na", "tijdens", "during", "ahead",
    ]
)
# Words of a follow-up question that only asks where something stands ("Where exactly?").
FOLLOW_UP_WORDS = frozenset(
    ["where", "waar", "waarin", "welk", "and", "en", "dan", "then", "so", "dus", "ook", "also",
     "exactly", "precisely", "staat", "stands", "it", "number", "nummer", "nr"]
)
# Documents named in "according to the report" (the caller reads the named document itself).
DOCUMENT_WORDS = (
    r"(ser advies|kamerbrief|brief|rapport|advies|notitie|convenant|document|bronnenboek|analyse"
    r"|report|letter|advice|note|agreement|covenant|analysis|source book)"
)
# The date that names a letter, advice or note ("de brief van 19 november 2014", "the November
# 2014 letter"): which document to read, not what about. Not a report's: a report of a year is
# mostly a source the register lists by its year ("het rapport van SOMO uit 2013").
DATED_NOUN = r"(kamerbrief|brief|letter|notitie|note|nota|advies|advice)"
DATE = rf"((\d{{1,2}} )?({MONTHS}) )?(19|20)\d\d"
DATED_DOCUMENT = rf"{DATED_NOUN} (van|uit|from|of|dated) {DATE}|{DATE} ([\w-]+ )?{DATED_NOUN}"
# Request phrases removed wherever they stand (folded forms).
REQUESTS = lazy_compile(
    r"\b("
    r"(kun|kunt|kan) (je|jij|u) (me|mij) (de|het|een)? ?\w* ?(geven|sturen|tonen|laten zien)( over| van| uit)?"
    r"|geef (me|mij) (het|de|een)? ?(\w+ )?(citaat|passage|tekst|stuk|fragment|pagina)( over| van| uit| waar| met)?"
    r"|waar staat (dat|dit|het)|op welke pagina( van (het|de) [\w-]+)?( staat)?|met paginanummers?"
    r"|welke pagina( van (het|de) [\w-]+)?|(which|what) page( of the [\w-]+)?( says| states| mentions)?"
    r"|where does it say|(please )?quote the (part|passage|section|text) (on|about|where)"
    r"|(exact|precise) (quote|wording|citation)s?( needed| please| from)?|citaat nodig"
    r"|give me the (exact )?(quote|passage|page|article|text|part)( on| about| where| from)?"
    r"|klopt het dat|is it (true|correct|right) that"
    rf"|(according to|volgens) ((the|this|de|het|dit|deze) )?{DOCUMENT_WORDS}"
    rf"|{DATED_DOCUMENT}"
    r")\b"
)
# A leading clause ("voor het overleg van morgen:", "our board asked me to check whether")
# ends at a colon, a dash, a semicolon or a comma (matched on the folded question).
LEAD = lazy_compile(r"^(?P<lead>[^:;,]{3,80}?)\s*[:;,]\s*(?P<rest>.+)$")
DASH = lazy_compile(r"\s[-–—]\s")
CHECK_LEAD = lazy_compile(
    r"^((our|my|the) [\w ]{1,30}? (asked|wants|wanted) (me|us) to (check|find out|verify|know)"
    r"( whether| if)?|(mijn|onze|de) [\w ]{1,30}? (vroeg|vraagt|wil) (me|mij|ons)? ?(na te gaan|te checken|te controleren|te weten)?( of)?"
    r"|i (was asked|need|want) to (check|know|find out)( whether| if)?)\s+"
)
# Words that open a clause in the first person ("wij verkopen ...", "our company makes ...").
FIRST_PERSON_WORDS = r"wij|we|ik|i|ons|onze|mijn|my|our|us"
# A first clause that describes the asker ("wij verkopen rozen uit Ethiopië, welke ...?", "as a
# small importer - which ...?"): first person or "als/as + article", ended by a comma or a dash,
# followed by the question proper (a question word or an inverted verb).
ASKER_LEAD = lazy_compile(
    rf"^\s*(?:{FIRST_PERSON_WORDS}|(?:als|as) (?:een|an?|ons|onze|our|mijn|my)\b)"
    r"\b[^,;:?]{0,120}?(?:,|\s[-–—]\s)\s*(?P<rest>(?:welke|wat|wie|waar\w*|wanneer|waarom|hoe\w*|"
    r"is|zijn|moet\w*|mag|mogen|kan|kunnen|heeft|hebben|wordt|worden|geldt|gelden|staat|staan|"
    r"noemt|which|what|who|whom|whose|where|when|why|how|is|are|was|were|do|does|did|can|could|"
    r"should|must|may|will|would|has|have)\b.+)$",
    re.IGNORECASE,
)
# Where a question asks a second thing: a coordinator before a question word, itself perhaps
# after a preposition ("..., en na hoeveel tijd ...?", "... and by whom?").
SECOND_PART = lazy_compile(
    r",?\s+(?:en|and|of|or)\s+(?=(?:\w+\s+)?(?:wat|wie|welke|welk|hoe|hoeveel|wanneer|waar|waarom|"
    r"what|who|whom|which|how|when|where|why)\b)",
    re.IGNORECASE,
)
CLAUSE_BREAK = lazy_compile(r"[:;?!.]\s+|\s[-\u2013\u2014]\s")
QUOTED = lazy_compile(r"(?:^|(?<=[\s(:]))['‘\"“«]([^'‘’\"“”«»]{3,}?)['’\"”»](?=$|[\s?.,:;!)])")


@dataclass(frozen=True)
class Framed:
    """A question without its framing.

    Attributes:
        text: the folded question with framing removed.
        removed: the framing that was removed (folded), for the interpretation.
        quoted: phrases the question quotes, as written.
    """

    text: str
    removed: tuple[str, ...]
    quoted: tuple[str, ...]


# A word that is no word of either language and one slip (an edit or a swap of two letters)
# from a framing word of at least this length is that framing word misspelt ("sentance").
MIN_FUZZY_FRAMING = 5
_FUZZY_FRAMES = tuple(w for w in META_WORDS | CONTEXT_WORDS if len(w) >= MIN_FUZZY_FRAMING)


# Occasions of asking that are also what a question may be about ("voor het overleg van morgen:"
# but "When did parliament debate ...?", "Wie controleert de naleving?"): framing only inside a
# clause of framing words, content elsewhere.
OCCASION_WORDS = frozenset(
    ["overleg", "vergadering", "meeting", "debat", "debate", "gesprek", "bestuur", "board", "check",
     "controleren", "nagaan", "verify"]
)


def is_framing_word(word: str) -> bool:
    """Whether a folded word is a meta-word or a context word (never content), or one of them
    misspelt ("verbatum", "qoute"): a non-word one slip from a framing word."""
    return word in META_WORDS or word in CONTEXT_WORDS or _misspelt_framing(word)


@cache
def _misspelt_framing(word: str) -> bool:
    if len(word) < MIN_FUZZY_FRAMING or not word.isalpha() or zipf(word, "nl") or zipf(word, "en"):
        return False
    return any(OSA.distance(word, frame, score_cutoff=1) <= 1
               for frame in _FUZZY_FRAMES if abs(len(frame) - len(word)) <= 1)


def strip_framing(question: str) -> Framed:
    """The question without request phrases, reasons for asking and meta-words around it."""
    quoted = tuple(m.group(1).strip() for m in QUOTED.finditer(question))
    folded = fold(DASH.sub(" : ", question))
    removed: list[str] = []
    lead = LEAD.match(folded)
    if lead and _only_framing(lead.group("lead")) and _has_content(lead.group("rest")):
        removed.append(lead.group("lead"))
        folded = lead.group("rest")
    check = CHECK_LEAD.match(folded)
    if check:
        removed.append(check.group(0).strip())
        folded = folded[check.end() :]
    removed += [match.group(0) for match in REQUESTS.finditer(folded)]
    return Framed(" ".join(REQUESTS.sub(" ", folded).split()), tuple(removed), quoted)


def asking_clause(sentence: str) -> str:
    """The sentence without a first clause that describes the asker ("Wij zijn een importeur,
    welke risico's ...?" -> "welke risico's ...?"); the sentence itself when it has none."""
    lead = ASKER_LEAD.match(sentence)
    return lead.group("rest") if lead else sentence


def main_sentence(question: str) -> str:
    """The sentence that asks: the last one ending in "?", else the last one, without a first
    clause that describes the asker (`asking_clause`)."""
    return asking_clause(_last_asking(question))


def _last_asking(question: str) -> str:
    """The last sentence ending in "?", else the last sentence, as written; a follow-up that
    only asks where or on which page ("Does the report mention X? Where exactly?") with the
    question before it."""
    parts = _sentences_of(question)
    asking = [p for p in parts if p.rstrip().endswith("?")]
    if len(asking) > 1 and _follow_up(asking[-1]):
        return f"{asking[-2]} {asking[-1]}"
    return (asking or parts or [question])[-1]


def _follow_up(sentence: str) -> bool:
    """Whether an asking sentence has no content of its own: "Where exactly?", "Op welke
    pagina?", "En waar staat dat?"."""
    words = re.findall(r"\w+", fold(sentence))
    return bool(words) and all(w in FOLLOW_UP_WORDS or w in META_WORDS or w in FUNCTION_WORDS for w in words)


SENTENCE_BREAK = lazy_compile(r"(?<=[.?!;])\s+")
# Abbreviations that end in a full stop within a sentence: of a part or page ("art. 1", "blz. 4"),
# a list ("e.g.", "o.a.", "bijv."), an amount or date ("ca.", "jl."), a title ("mr.", "dr.").
ABBREVIATION_END = lazy_compile(
    r"(?i)(?:^|[\s(])(art|artt|nr|nrs|no|p|pp|blz|par|hfst|hst|fig|tab|bv|cf|ca|jl|vs|mr|dr|ir|prof|st|"
    + "|".join(LIST_ABBREVIATIONS)
    + r"|e\.g|i\.e|o\.a|d\.w\.z|m\.b\.t|t\.a\.v|z\.s\.m)\.$"
)
# A sentence that asks although it ends in a full stop: a question word or an inverted verb first.
ASKS = lazy_compile(
    r"(wat|welke?|wie|waar|wanneer|waarom|hoe|hoeveel|what|which|who|where|when|why|how|is|are|"
    r"does|do|did|can|could|should|must|kan|kun|kunnen|moet|moeten|mag|zijn|heeft|hebben|geldt|"
    r"noemt|zegt|geef|give|quote|citeer)\b"
)


def _sentences_of(question: str) -> list[str]:
    """The sentences of a question, split after ".", "?", "!" and ";", but not after an
    abbreviation ("art. 1", "p. 3", "e.g. the letter", "o.a. de FNV")."""
    parts: list[str] = []
    for piece in SENTENCE_BREAK.split(question.strip()):
        if parts and ABBREVIATION_END.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {piece}"
        elif piece.strip():
            parts.append(piece)
    return parts


def context_sentences(question: str) -> list[str]:
    """The statements before a question's first asking sentence: what the asker tells about
    themselves or the matter ("We import cut flowers from Kenya. Which risks ...?")."""
    parts = _sentences_of(question)
    first = next((i for i, p in enumerate(parts) if p.rstrip().endswith("?")), 0)
    return [p for p in parts[:first] if not ASKS.match(fold(p))]  # "Wat zegt X. En Y?" asks twice


def asker_statements(question: str) -> list[str]:
    """What the asker tells before asking: the context sentences and a first clause of the
    asking sentence that describes the asker ("wij verkopen speelgoed, welke ...?")."""
    main = _last_asking(question)
    lead = ASKER_LEAD.match(main)
    return [*context_sentences(question), *([main[:lead.start("rest")]] if lead else [])]


# A clause in the first person ("wij verkopen sneakers", "we make jeans").
FIRST_PERSON = lazy_compile(rf"\s*({FIRST_PERSON_WORDS})\b")
# Words of the asking part that point back to what the asker told before ("Wij verkopen sneakers:
# welke risico's ... daarvan?", "We import cocoa. What risks ... for its production?").
BACK_REFERENCE = lazy_compile(
    r"\b(daarvan|ervan|hiervan|daarover|erover|hierover|daarvoor|ervoor|hiervoor|daarbij|erbij|"
    r"daarin|erin|daarmee|ermee|their|its|(?:about|of|for|on|with|to|in|from|by) (?:it|them))\b")


def told_before(question: str) -> list[str]:
    """What the asker tells before the part that asks: `asker_statements`, and a first-person
    clause before the colon that opens the asking part ("wij verkopen sneakers: welke ...?")."""
    main = main_sentence(question)
    head, colon, _ = main.rpartition(":")
    told = head if colon and asking_part(question) != main and FIRST_PERSON.match(fold(head)) else ""
    return [*asker_statements(question), *([told] if told else [])]


def refers_back(question: str) -> bool:
    """Whether the part that asks points back to what the asker told before it."""
    return bool(told_before(question)) and bool(BACK_REFERENCE.search(fold(asking_part(question))))


def asking_part(question: str) -> str:
    """The part of a question that asks: its last asking sentence, and of that the part after a
    colon that opens it ("voor het overleg van morgen: wat is ...?")."""
    main = main_sentence(question)
    head, colon, tail = main.rpartition(":")
    return tail if colon and len(tail.split()) >= 3 and not head.rstrip()[-1:].isdigit() else main


def asking_sentences(question: str) -> str:
    """Every sentence of a question that asks ("Is the X one of the parties? Which article
    names it?" asks in both): ending in "?" or opening as a question or request; the asking
    sentence alone when none does ("Wij werken met X. Geef de afspraken ...")."""
    asking = [asking_clause(p) for p in _sentences_of(question)
              if p.rstrip().endswith("?") or ASKS.match(fold(p))]
    return " ".join(asking) if asking else main_sentence(question)


def clauses(question: str) -> list[str]:
    """The clauses of a question, split at colons, semicolons, dashes and sentence ends ("kids
    in mills: does the covenant just ban it?" -> two): an English verb is placed from each
    clause's start."""
    return [part for part in CLAUSE_BREAK.split(question) if part.strip()]


def asking_parts(question: str) -> list[str]:
    """The things a question asks, one clause each ("Met welke sector begint het team, en na
    hoeveel tijd rapporteert het?" -> two parts); one part for a question that asks one thing."""
    return [part for part in SECOND_PART.split(question) if part.strip()]


def _only_framing(clause: str) -> bool:
    """A clause made of framing, context and function words only."""
    words = re.findall(r"\w+", clause)
    return bool(words) and all(is_framing_word(w) or w in OCCASION_WORDS or w in FUNCTION_WORDS for w in words)


def _has_content(text: str) -> bool:
    return any(not is_framing_word(w) and w not in FUNCTION_WORDS for w in re.findall(r"\w+", text))
