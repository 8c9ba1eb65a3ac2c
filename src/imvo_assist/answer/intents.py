"""The intent of a question, from cue words on its folded text.

sector_risks: risks of a named sector; provenance: where a statement or chapter comes from,
also asked as the study, source or author behind a topic ("does the report cite any study on
X, and by whom?", "op welk onderzoek baseert KPMG ...?", "wie heeft onderzoek gedaan naar
X?"); org_included: whether an organisation's work was used (also "Has KPMG drawn on Oxfam Novib's
reports?": a question naming an organisation and its publications asks about that
organisation); expectations, definition, citation_lookup and search otherwise.
"""

from __future__ import annotations

from imvo_assist.text.lazyregex import lazy_compile

Intent = str  # sector_risks | expectations | provenance | org_included | citation_lookup | definition | search

RISK_CUES = lazy_compile(
    r"\b(risico'?s?|risks?|misstanden|gevaren|problemen|issues|\w+risico'?s?|op letten|letten op|"
    r"opletten|aandachtspunten|watch out|look out|pay attention|be aware|concerns?)\b"
)
# The name of the analysis ("the risk analysis", "de risico analyse") asks for no risks.
RISK_DOCUMENT = lazy_compile(
    r"\b(risk|risico)[ -]?(analys[ie]s|analyses?|assessments?|stud(y|ies)|reports?|rapport(en)?|"
    r"inventaris\w*|scan)\b"
)
# "where does X come from" asks for provenance; "where do risks occur" asks for a place.
# "based on" asks for provenance when what follows is open ("based on?", "based on which
# sources"), not when it names a ground ("discrimination based on religion").
PROVENANCE_CUES = lazy_compile(
    r"\b(waar komt|vandaan|come from|comes from|came from|onderbouwing|herkomst|"
    r"get (this|that|these|it|them) from|originates?|stems? from)\b"
    r"|\b(based on|gebaseerd op)(?=\s*($|[?:.,;]|(which|what|whose|welke|wat|wie|sources?|bronnen|"
    r"bron|evidence|research|studies|onderzoek|literatuur\w*|interviews?|gesprekken)\b))"
)
# A relative pronoun after a noun just before "come(s) from" ("metals that come from").
RELATIVE_ORIGIN = lazy_compile(
    r"\b(?!(?:does|did|do|will|would|can|has|have)\b)\w+ (that|which|who) $|\b(die|dat) (\w+ ){1,5}$"
)
WHERE = lazy_compile(r"\b(where|waar)\b")
# "what share of the tin comes from conflict areas": a quantity is asked, not an origin.
QUANTITY_ASKED = lazy_compile(
    r"\b(hoeveel|how much|how many|percentage|procent|percent|welk deel|welk aandeel|what share|"
    r"what proportion|what fraction)\b"
)
CLAUSE_START = lazy_compile(r"[,;:?.!]")
# The asker's own work ("our NGO wrote a report on ...", "wij schreven een rapport"): asking whether
# it was used asks for the sources on its topic, even when no organisation is named.
OWN_WORK = lazy_compile(
    r"\b(our|ons|onze|my|mijn)( \w+){0,2} (reports?|rapport(en)?|stud(y|ies)|studie|research|"
    r"onderzoek|papers?|publicaties?|publications?|work|werk)\b|"
    r"\b(we|wij|i|ik|our \w+|onze \w+) (wrote|schreven|schreef|published|publiceerden|publiceerde)\b"
)
# The study, source or author behind a topic. Words for research, not "report": the report
# itself is what such a question asks about ("which NGO report is behind ..." says "behind").
STUDY_NOUNS = (
    r"(study|studies|research|survey|surveys|publications?|papers?|literature|sources?|authors?|"
    r"researchers?|onderzoek|onderzoeken|studie|enquete|enquetes|publicaties?|literatuur|"
    r"bron|bronnen|auteurs?|onderzoekers?)"
)
NOT_ARTICLE = r"(?!(the|a|an|this|that|de|het|een|dit|dat|deze|die)\b)"
STATEMENT_NOUNS = (
    r"(claims?|statements?|passages?|findings?|conclusions?|figures?|assertions?|information|"
    r"bewering(en)?|uitspra(ak|ken)|stelling(en)?|conclusies?|bevinding(en)?|cijfers?|informatie|stuk)"
)
STUDY_CUES = lazy_compile(
    # "which study", "welk onderzoek", "what NGO research"
    rf"\b(which|what|whose|welk|welke|wat voor)( {NOT_ARTICLE}\w+)? {STUDY_NOUNS}\b"
    # "does the report cite any study", "verwijst het rapport naar een studie"
    r"|\b(cite[sd]?|citing|quote[sd]?|quoting|references?|referenced|refers? to|referred to|"
    r"draws? on|drew on|rel(y|ies|ied) on|citeert|citeren|verwijst|verwijzen|haalt|halen)"
    rf"( \w+){{0,3}}? (any|a|an|some|one|een|enig|enige)( {NOT_ARTICLE}\w+)? {STUDY_NOUNS}\b"
    # "is any research cited", "research the analysis relies on", "onderzoek dat het rapport aanhaalt"
    rf"|\b{STUDY_NOUNS}( \w+){{0,3}}? (cited|cites|quoted|quotes|referenced|references|"
    r"(relies|rely|relied|draws|draw|drew|builds|build|built|based) on|geciteerd|citeert|"
    r"aangehaald|aanhaalt|aanhalen)\b"
    # "who researched", "wie heeft onderzocht", "who did research", "wie heeft onderzoek gedaan"
    r"|\b(who|wie)( (has|have|had|heeft|hebben))? (researched|studied|surveyed|onderzocht|"
    r"bestudeerde|bestudeerd)\b"
    r"|\b(who|wie) (did|has done|have done|conducted|carried out|wrote|published|heeft|hebben|had|"
    r"deed|deden|schreef|publiceerde)( \w+){0,2}? (research|study|studies|survey|onderzoek|studie|"
    r"enquete|onderzocht|bestudeerd)\b"
    # "according to whom", "baseert KPMG dit op", "waarop is dit gebaseerd"
    r"|\b(according to whom|volgens wie|baseert|baseren|baseerde|baseerden)\b"
    r"|\bwaarop( \w+){0,6}? (gebaseerd|berust|berusten|steunt|steunen|stoelt|stoelen)\b"
    # "which report is behind the claim", "wat ligt achter de uitspraak"
    r"|\b(is|are|was|were|lies|lie|lay|stands?|stood|ligt|liggen|lag|lagen|zit|zitten|zat|staat|"
    r"staan|schuilt)( \w+)? (behind|achter|onder)( (the|this|that|these|those|de|het|deze|die|dat))?"
    rf"( \w+)? {STATEMENT_NOUNS}\b"
)
# Words that ask for the source rather than name the topic ("welk onderzoek ligt onder de
# uitspraak over X": X is the topic).
SOURCE_WORDS = lazy_compile(
    rf"{STUDY_NOUNS}|{STATEMENT_NOUNS}|reports?|rapport(en)?|based|baseert|baseren|gebaseerd|behind|"
    r"achter|ligt|liggen|cite[sd]?|quote[sd]?|geciteerd|citeert|aangehaald|aanhaalt|rel(y|ies|ied)|"
    r"researched|studied|surveyed|onderzocht|bestudeerde?"
)
# "by whom" asks for the author of a study the question names ("... any study on X, and by
# whom?", "... and who carried it out?"), not who signed or decided something.
BY_WHOM = lazy_compile(
    r"\b(by whom|door wie|who (carried|did|conducted|wrote|published|made|produced) "
    r"(it|them|this|that|these)|wie (heeft|hebben) (het|dat|dit|die|ze) (gedaan|uitgevoerd|"
    r"geschreven|gepubliceerd)|wie (deed|deden|schreef|publiceerde) (het|dat|dit|die))\b"
)
STUDY_NAMED = lazy_compile(rf"\b{STUDY_NOUNS}\b")
# "bronnen" asks for provenance, unless the question asks for a number or a date about them.
SOURCE_CUES = lazy_compile(r"\b(bron|bronnen|source|sources)\b(?! book| register)")
# Verbs of using a source.
USING = (r"input|inbreng|meegenomen|gebruikt|used|use|uses|verwerkt|geciteerd|cited|aangehaald|"
         r"drawn on|draw on|drew on|relied on|rely on|made use|gebruik gemaakt|geput|putten|"
         r"overgenomen|meegewogen|took .* into account|take[ns]? .* into account")
# ... and of including, mentioning, appearing or reading one, or of being one of the sources.
# Being among the sources of the documents ("een van de bronnen", "one of the sources"); not the
# sources of something else ("een van de bronnen van luchtvervuiling"), only of a document.
AMONG_SOURCES = r"(?:een van de bronnen|(?:tussen|onder) de bronnen|(?:one of|among) the (?:sources|references))"
OF_DOCUMENT = (r"(?:de|het|the|this|dit) (?:analyse|analysis|rapport|report|sra|brief|letter|advies|advice|"
               r"bronnenboek|register|source book)\b")
INCLUSION_CUES = lazy_compile(
    rf"\b({USING}|included|opgenomen|bijgedragen|bijdrage|contributed|contribution|referenced|"
    r"genoemd|mentioned|komt .* voor|appear|appears|staat .* in|pick(?:ed|s)? (?:\w+ )?up|"
    r"terecht ?gekomen|beland|belandde|belandden|end(?:s|ed)? up|(?:made|make|makes) it into|"
    r"found (?:its|their) way|(?:is|are|was|were|zit|zitten) (?:\w+ )?in (?:the|het|de) (?:bronnenboek|"
    r"source ?book|source register|register|analysis|analyse|sra)|"
    r"in (?:het|de) (?:bronnenboek|register|analyse|sra) (?:zit|zitten|staat|staan)|"
    r"considered|rekening gehouden|looked at|read|"
    rf"{AMONG_SOURCES}(?! (?:van|of) (?!{OF_DOCUMENT})))\b"
)
USE_CUES = lazy_compile(rf"\b({USING})\b")
# Publications of an organisation: naming them with the organisation asks about inclusion.
PUBLICATIONS = (
    r"rapport|rapporten|report|reports|publicatie|publicaties|publication|publications|"
    r"studie|studies|study|onderzoek|research|werk|work|jaarverslag|annual report|scorecard|"
    r"input|inbreng|data|gegevens|cijfers|figures|statistics|statistieken"
)
PUBLICATION_WORDS = lazy_compile(rf"\b({PUBLICATIONS})\b")
# A publication named as where a fact stands ("according to the SOMO study", "volgens het
# onderzoek van ...").
CITED_PUBLICATION = lazy_compile(
    rf"\b(according to|volgens)\b(?:(?!register|bronnenboek|source)[^?.;]){{0,40}}\b({PUBLICATIONS})\b")
# ... but "hoeveel rapporten van SOMO ...?" counts the organisation's publications in the register.
COUNTED_PUBLICATIONS = lazy_compile(rf"\b(hoeveel|how many|het aantal|the number of) ({PUBLICATIONS})\b")
# Who a publication is by: the words before it ("een greenpeace rapport", "wwf data") or after
# "van", "of", "by" ("data van terre des hommes").
PUBLISHED_BY = (
    lazy_compile(rf"\b(\w+(?: \w+)?)[ -](?:{PUBLICATIONS})\b"),
    lazy_compile(rf"\b(?:{PUBLICATIONS}) (?:van|of|by|from|door) (?:de |het |the )?(\w+(?: \w+){{0,2}})"),
)
EXPECTATION_CUES = lazy_compile(
    r"\b(verwacht\w*|expected|expect\w*|eisen|eis|requirements?|require|verplicht\w*|"
    r"obligations?|required|beveelt|aanbevolen|recommend\w*)\b"
)
# What is asked about is risks when a question word governs a risk noun ("which risks",
# "welke risico's") or when what is expected is to attend to something ("expects a maker to
# watch out for"): an expectation verb then frames a risk question, it does not ask for duties.
ASKED_RISKS = lazy_compile(
    r"\b(which|what|welke|wat voor|what kind of)( \w+)?( \w+)? (risico'?s?|risks|misstanden|gevaren|"
    r"problemen|issues|aandachtspunten|concerns)\b"
)
ATTEND_CUES = lazy_compile(
    r"\b(watch out|look out|pay attention|be aware|op letten|letten op|opletten|rekening houden)\b"
)
WEAK_EXPECTATION_CUES = lazy_compile(r"\b(moeten|moet|must|should|dienen|dient|need to)\b")
ACTORS = lazy_compile(
    r"\b(bedrijven|bedrijf|ondernemingen|companies|company|business\w*|partijen|parties|"
    r"sectoren|sectors|wij|we)\b"
)
DEFINITION_CUES = lazy_compile(
    r"^(wat is|wat zijn|wat betekent|wat houdt|what is|what are|define|definitie|"
    r"definition)\b|\b(verschil tussen|difference between|betekent|mean|means|omschrijft|"
    r"omschrijving|describes?|definieert|defines?|definitie)\b"
)
LOOKUP_CUES = lazy_compile(
    r"\b(wat zegt|what does|zegt|says?|quote|citeer|hoe vaak|how often|how many|hoeveel|wanneer|"
    r"when|hoe ?lang|how long|welke rol|what role|is there|is er|waarom|why|pagina|page)\b"
)


def _asks_origin(folded: str) -> bool:
    """Whether the question asks where something comes from; "metals that come from conflict
    areas" and "metalen die uit conflictgebieden komen" describe the metals (a relative clause),
    "how much of the tin comes from ..." asks a quantity, "where does that come from?" and
    "waar komt dat vandaan?" ask."""
    for cue in PROVENANCE_CUES.finditer(folded):
        before = CLAUSE_START.split(folded[: cue.start()])[-1]
        if QUANTITY_ASKED.search(before) and not WHERE.search(before):
            continue
        if WHERE.search(before) or not RELATIVE_ORIGIN.search(before):
            return True
    return False


def asks_for_risks(folded: str) -> bool:
    """Whether the question asks for risks even though it has an expectation verb: a question
    word governs a risk noun, or an expectation verb is followed by attending to something."""
    if ASKED_RISKS.search(folded):
        return True
    expect = EXPECTATION_CUES.search(folded)
    return bool(expect and ATTEND_CUES.search(folded, expect.end()))


def publishers_asked(folded: str) -> frozenset[str]:
    """The words naming who published what a question asks was used ("is er een greenpeace
    rapport gebruikt?": een, greenpeace); none when it asks no such thing."""
    if not asks_about_sources(folded):
        return frozenset()
    return frozenset(word for pattern in PUBLISHED_BY for match in pattern.finditer(folded)
                     for word in match.group(1).split())


def asks_about_sources(folded: str) -> bool:
    """Whether the question asks if a publication or source was used ("is er een rapport van X
    gebruikt?", "did KPMG use X data?"): what it names besides is the source asked for. Not
    whether a document mentions something ("staat in het rapport iets over ...?")."""
    return bool(USE_CUES.search(folded) and (
        PUBLICATION_WORDS.search(folded) or SOURCE_CUES.search(folded)))


def asks_after_study(folded: str) -> bool:
    """Whether the question asks for the study, source or author behind a topic: "which
    study", "cite any research", "who researched", "op welk onderzoek baseert ...", "by whom"
    beside a study."""
    return bool(STUDY_CUES.search(folded)) or bool(
        BY_WHOM.search(folded) and STUDY_NAMED.search(folded)
    )


def intent_of(
    folded: str, has_sector: bool, names_org: bool, has_form: bool = False, owns_work: bool = False,
) -> tuple[Intent, tuple[Intent, ...]]:
    """The intent of a folded question and any second intent it asks for ("which risks ...,
    and where does that come from?"). `names_org`: it names an organisation that could be a
    source; `owns_work`: one whose work it names ("Oxfam Novib's reports"); `has_form`: it
    asks for a number, date or duration."""
    provenance = _asks_origin(folded) or asks_after_study(folded) or bool(
        OWN_WORK.search(folded) and INCLUSION_CUES.search(folded)) or (
        bool(SOURCE_CUES.search(folded)) and not has_form
    )
    # "a Greenpeace report on X?" asks whether it was used; "how many hours ... according to
    # the SOMO study?" asks for a fact in it
    if names_org and (INCLUSION_CUES.search(folded) or (
            owns_work and PUBLICATION_WORDS.search(folded)
            and not (has_form and CITED_PUBLICATION.search(folded)
                     and not COUNTED_PUBLICATIONS.search(folded)))):
        return "org_included", ()
    if has_sector and RISK_CUES.search(RISK_DOCUMENT.sub(" ", folded)) and (
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
