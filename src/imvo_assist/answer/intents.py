"""The intent of a question, from cue words on its folded text.

sector_risks: risks of a named sector; provenance: where a statement or chapter comes from;
org_included: whether an organisation's work was used (also "Has KPMG drawn on Oxfam Novib's
reports?": a question naming an organisation and its publications asks about that
organisation); expectations, definition, citation_lookup and search otherwise.
"""

from __future__ import annotations

import re

Intent = str  # sector_risks | expectations | provenance | org_included | citation_lookup | definition | search

RISK_CUES = re.compile(
    r"\b(risico'?s?|risks?|misstanden|gevaren|problemen|issues|\w+risico'?s?|op letten|letten op|"
    r"opletten|aandachtspunten|watch out|look out|pay attention|be aware|concerns?)\b"
)
# "where does X come from" asks for provenance; "where do risks occur" asks for a place.
# "based on" asks for provenance when what follows is open ("based on?", "based on which
# sources"), not when it names a ground ("discrimination based on religion").
PROVENANCE_CUES = re.compile(
    r"\b(waar komt|vandaan|come from|comes from|came from|onderbouwing|herkomst|"
    r"get (this|that|these|it|them) from|originates?|stems? from)\b"
    r"|\b(based on|gebaseerd op)(?=\s*($|[?:.,;]|(which|what|whose|welke|wat|wie|sources?|bronnen|"
    r"bron|evidence|research|studies|onderzoek|literatuur\w*|interviews?|gesprekken)\b))"
)
# "bronnen" asks for provenance, unless the question asks for a number or a date about them.
SOURCE_CUES = re.compile(r"\b(bron|bronnen|source|sources)\b(?! book| register)")
INCLUSION_CUES = re.compile(
    r"\b(input|inbreng|meegenomen|gebruikt|used|use|included|opgenomen|verwerkt|bijgedragen|"
    r"bijdrage|contributed|contribution|geciteerd|cited|aangehaald|referenced|genoemd|mentioned|"
    r"drawn on|draw on|drew on|relied on|rely on|made use|gebruik gemaakt|geput|putten|"
    r"komt .* voor|appear|appears|staat .* in)\b"
)
# Publications of an organisation: naming them with the organisation asks about inclusion.
PUBLICATION_WORDS = re.compile(
    r"\b(rapport|rapporten|report|reports|publicatie|publicaties|publication|publications|"
    r"studie|studies|study|onderzoek|research|werk|work|jaarverslag|annual report|scorecard|"
    r"input|inbreng)\b"
)
EXPECTATION_CUES = re.compile(
    r"\b(verwacht\w*|expected|expect\w*|eisen|eis|requirements?|require|verplicht\w*|"
    r"obligations?|required|beveelt|aanbevolen|recommend\w*)\b"
)
# What is asked about is risks when a question word governs a risk noun ("which risks",
# "welke risico's") or when what is expected is to attend to something ("expects a maker to
# watch out for"): an expectation verb then frames a risk question, it does not ask for duties.
ASKED_RISKS = re.compile(
    r"\b(which|what|welke|wat voor|what kind of)( \w+)?( \w+)? (risico'?s?|risks|misstanden|gevaren|"
    r"problemen|issues|aandachtspunten|concerns)\b"
)
ATTEND_CUES = re.compile(
    r"\b(watch out|look out|pay attention|be aware|op letten|letten op|opletten|rekening houden)\b"
)
WEAK_EXPECTATION_CUES = re.compile(r"\b(moeten|moet|must|should|dienen|dient|need to)\b")
ACTORS = re.compile(
    r"\b(bedrijven|bedrijf|ondernemingen|companies|company|business\w*|partijen|parties|"
    r"sectoren|sectors|wij|we)\b"
)
DEFINITION_CUES = re.compile(
    r"^(wat is|wat zijn|wat betekent|wat houdt|what is|what are|define|definitie|"
    r"definition)\b|\b(verschil tussen|difference between|betekent|mean|means|omschrijft|"
    r"omschrijving|describes?|definieert|defines?|definitie)\b"
)
LOOKUP_CUES = re.compile(
    r"\b(wat zegt|what does|zegt|says?|quote|citeer|hoe vaak|how often|how many|hoeveel|wanneer|"
    r"when|hoe ?lang|how long|welke rol|what role|is there|is er|waarom|why|pagina|page)\b"
)


def asks_for_risks(folded: str) -> bool:
    """Whether the question asks for risks even though it has an expectation verb: a question
    word governs a risk noun, or an expectation verb is followed by attending to something."""
    if ASKED_RISKS.search(folded):
        return True
    expect = EXPECTATION_CUES.search(folded)
    return bool(expect and ATTEND_CUES.search(folded, expect.end()))


def intent_of(
    folded: str, has_sector: bool, names_org: bool, has_form: bool = False, owns_work: bool = False,
) -> tuple[Intent, tuple[Intent, ...]]:
    """The intent of a folded question and any second intent it asks for ("which risks ...,
    and where does that come from?"). `names_org`: it names an organisation that could be a
    source; `owns_work`: one whose work it names ("Oxfam Novib's reports"); `has_form`: it
    asks for a number, date or duration."""
    provenance = bool(PROVENANCE_CUES.search(folded)) or (
        bool(SOURCE_CUES.search(folded)) and not has_form
    )
    if names_org and (INCLUSION_CUES.search(folded) or (owns_work and PUBLICATION_WORDS.search(folded))):
        return "org_included", ()
    if has_sector and RISK_CUES.search(folded) and (
            not EXPECTATION_CUES.search(folded) or asks_for_risks(folded)):
        return "sector_risks", ("provenance",) if provenance else ()
    if provenance:
        return "provenance", ()
    if EXPECTATION_CUES.search(folded):
        return "expectations", ()
    lookup = LOOKUP_CUES.search(folded)
    if WEAK_EXPECTATION_CUES.search(folded) and ACTORS.search(folded) and not (
            lookup and lookup.group(0) not in ("what does", "wat zegt", "zegt", "say", "says")):
        return "expectations", ()  # "what does the SER say companies must do?"
    if DEFINITION_CUES.search(folded):
        return "definition", ()
    if lookup or folded.strip().endswith("?"):
        return "citation_lookup", ()
    return "search", ()
