"""Question forms: what kind of expression answers a question, never which one.

"Hoe vaak ...?" is answered by a frequency (jaarlijks, ieder kwartaal, twice a year), "hoe
lang ...?" by a duration ("3-5 jaar", "binnen twee jaar"), "wanneer ...?" by a date or year,
"hoeveel ...?" by a number, "wie ...?" by a name and "waarom ...?" by a reason
("omdat", "daarom", "because"). `forms(question)` names the forms a
question asks for; `answers(form, sentence)` says whether a sentence holds an expression of
that form. Both work on folded text, in Dutch and English.
"""

from __future__ import annotations

import re
from functools import lru_cache

from imvo_assist.text.fold import fold
from imvo_assist.text.lazyregex import lazy_compile
from imvo_assist.text.numbers import alternation

NUMBER_WORDS = rf"{alternation()}|anderhalf|half|a|several|enkele|meerdere|some"
# Counted things: digits and number words, not the article ("een", "a").
COUNT_WORDS = rf"{alternation(minimum=2)}|dozens?|tientallen"
NUMBER = rf"(\d+(?:[.,]\d+)?|{NUMBER_WORDS})"
TIME_UNITS = ("jaar", "jaren", "maand", "maanden", "week", "weken", "dag", "dagen", "kwartaal", "kwartalen",
              "year", "years", "month", "months", "weeks", "day", "days", "quarter", "quarters")
TIME_UNIT = f"({'|'.join(TIME_UNITS)})"
# Units of money: the form of an answer ("het bedrag in euro"), written as a sign in a text ("€ 2").
CURRENCY_UNITS = frozenset(["euro", "euros", "euro's", "eur", "dollar", "dollars", "usd", "cent",
                            "cents", "eurocent", "eurocenten"])
CURRENCY = rf"({'|'.join(sorted(CURRENCY_UNITS, key=len, reverse=True))})"
# Verbs of signing and sending a document ("wie heeft de brief verstuurd?"): what is asked
# of the document, never a topic the documents must hold in those words.
SIGNING_VERBS = ("ondertekend", "ondertekende", "ondertekenden", "getekend", "tekende", "tekenden",
                 "signed", "verstuurd", "verstuurde", "gestuurd", "stuurde", "stuurden", "sent")
SIGNING_VERB = rf"({'|'.join(SIGNING_VERBS)})"
# A ranking asked for ("welke sector scoort het hoogst in de ranglijst?", "need a ranking"),
# answered only by a passage that ranks: a superlative, a place in an order, a ranking itself;
# not how a ranking was made ("hoe zijn de sectoren gerangschikt?", "which criteria").
RANKING_QUESTION = lazy_compile(
    r"(?<!high )(?<!low )\b(ranglijst\w*|rangorde|ranking|rankings|(ranks?|ranked|rangschikt) (the )?"
    r"(hoogst|hoogste|highest|first|eerst|eerste|top)|(scoort|scoren|scores?|scored) (het |the )?"
    r"(hoogste?|laagste?|best|slechtst|highest|lowest|worst)|(staat|staan|komt|komen) bovenaan "
    r"(de|het|op de) (rang)?lijst|tops? the list|(op|is|staat) (nummer|number) (1|een|one)"
    r"(?! (in|of|van|op) (de|het|the|this|dit|deze) (register|bronnenboek|lijst|list|bijlage|agenda))|aller\w+ste|"
    # "ranks the sectors from highest to lowest", "welke sector kwam er als slechtste uit?"
    r"(ranks?|ranked|rangschikt|rangschikken) .{0,40}\b(from|van) (high|highest|hoog|hoogste|low|lowest|laag|laagste)|"
    r"(came|comes|come) out (worst|best|on top|first|last)|(kwam|komt|kwamen|komen) .{0,20}\bals (slechtste|beste|eerste|laatste))\b"
)
RANKING_METHOD = lazy_compile(r"^(hoe|how)\b|\b(criteri\w*|methode\w*|method\w*|waarom|why)\b")
RANKING_ANSWER = lazy_compile(
    r"\b(ranglijst\w*|rangorde|gerangschikt|ranking|ranked|bovenaan|onderaan|hoogste|laagste|"
    r"grootste|kleinste|meeste|minste|highest|lowest|largest|smallest|most|least|"
    r"eerste plaats|first place)\b"
)


# The outcome of something asked for ("wat was de uitkomst van de evaluatie?", "what came out
# of the review?"), not stated by a sentence that announces it ("de commissie zal evalueren",
# "na drie jaar vindt een evaluatie plaats"), only by one that reports ("er werden 13 sectoren
# geïdentificeerd").
OUTCOME_QUESTION = lazy_compile(
    r"\b(wat (was|waren|is|zijn) (de|het) (uitkomst|uitkomsten|resultaat|resultaten|afloop)|"
    r"what (was|were|is|are) the (outcomes?|results?)|what came out of|wat kwam (er )?uit|"
    r"hoe (is|zijn|was|waren) (?P<afgelopen>.{1,60}?) afgelopen|how did (?P<turned>.{1,60}?) turn out|"
    r"what did (?P<concluded>.{1,80}?) conclude|wat concludeerde|wat (was|waren) de conclusies?|what (was|were) the conclusions?|"
    r"welke conclusies? (trok|trokken|trekt|trekken))\b"
)
# A modal verb: what must, may or will be ("wanneer moet ...", "het doel dat bereikt moet worden").
MODAL = lazy_compile(
    r"\b(?:moet(?:en)?|moest(?:en)?|dien(?:t|en)|kan|kunnen|kon|zal(?:len)?|zou(?:den)?|mag|mogen|"
    r"wil(?:t|len)?|should|must|shall|will|would|can|could|may|might|needs?|have to|has to)\b"
)
# Whether an aim was achieved ("is het doel ... gehaald?", "was the target reached?"), answered
# only by a sentence that reports it achieved (not by the aim itself: `outcome.AIMED`); not what
# must or is to be achieved (`asks_achievement`).
ACHIEVEMENT_ASKED = lazy_compile(
    r"\b(is|zijn|was|waren|werd|werden|heeft|hebben|had|hadden)\b.{1,80}\b(gehaald|bereikt|behaald|"
    r"gerealiseerd|verwezenlijkt)\b|\b(was|were|has|have|had)\b.{1,80}\b(achieved|reached|realised|"
    r"realized|accomplished)\b|\b(target|goal|aim|ambition)s? (was |were |been |is |are )?met\b|"
    r"\b(was|were|has|have|had)\b.{1,80}\bmet\s*[?.!]*$"
)
TO_BE = lazy_compile(r"\b(to be|om te)\b")
ACHIEVED = lazy_compile(
    r"\b(gehaald|bereikt|behaald|gerealiseerd|verwezenlijkt|gelukt|geslaagd|achieved|reached|realised|"
    r"realized|accomplished|succeeded)\b"
)
# Words of what is to come ("zal", "will", "vindt ... plaats"); not "gaat om", "gaat ervan uit".
ANNOUNCED = lazy_compile(r"\b(zal|zullen|will|shall|going to|plaatsvinden|vindt (\w+ ){0,5}plaats|takes place)\b")


def asks_achievement(folded: str) -> bool:
    """Whether a folded question asks if an aim was achieved, not what must be achieved."""
    return bool(ACHIEVEMENT_ASKED.search(folded)) and not MODAL.search(folded) and not TO_BE.search(folded)


def reports_outcome(sentence: str) -> bool:
    """Whether a sentence may report what came out of something: it announces nothing to come."""
    return not ANNOUNCED.search(fold(sentence))


def asks_ranking(folded: str) -> bool:
    """Whether a folded question asks for a ranking (not how one was made)."""
    return bool(RANKING_QUESTION.search(folded)) and not RANKING_METHOD.search(folded)


# Contact details asked for ("e-mailadres", "phone number", "contactgegevens", "op welke website"),
# stated only by an e-mail address, a phone number (0 or + first), a postbox or a web address.
CONTACT_QUESTION = lazy_compile(
    r"\b(e ?mail ?(adres|adressen|address|addresses)|telefoonnummers?|phone numbers?|"
    r"contactgegevens|contact details|postadres|postal address|bezoekadres|webadres|web address|"
    r"(op )?(welke|which) (website|webpagina|webpage)|(wat|what) is (de|het|the|their|hun) "
    r"(website|webpagina|webpage))\b"
)
CONTACT_ANSWER = lazy_compile(
    r"[\w.-]+@[\w-]+\.\w|(?<![\w-])(\+|0)\d[\d -]{7,}\d|https?://|\bwww\.|"
    r"\b[\w-]+\.(nl|com|org|eu|int|net)\b|\b(tel|postbus)\b", re.IGNORECASE
)
# Nouns for sums of money: "hoe hoog is de boete?" asks for an amount.
MONEY_NOUNS = (r"(boetes?|fines?|penalt(y|ies)|bedragen|bedrag|budgets?|subsidies?|subsidy|"
               r"kosten|costs?|lonen|loon|wages?|salaris(sen)?|salar(y|ies)|vergoedingen|"
               r"vergoeding|fees?|investeringen|investering|investments?|omzet|turnover)")
# Within one clause: no relative or subordinate clause opens ("... dat het zoveel tijd heeft gekost").
NO_CLAUSE = r"(?:(?!\b(?:dat|die|that|which|who)\b)[^?.!;])"
AMOUNT_QUESTION = lazy_compile(
    r"\b(hoeveel (geld|euro)|how much (money|funding)|wat (kost|kostte|kosten|kostten)|"
    r"(welk|welke|what|which)( \w+)? (bedrag|amount|sum)|(hoeveel|how much)\b.{0,60}\b(gekost|kost\w*|cost\w*|spent|spend\w*|"
    r"uitgegeven|betaal\w*|betaald\w*|paid|pay\w*|budget\w*|set aside|gereserveerd|uitgetrokken)|"
    rf"what (does|did|do|will|has|have)\b{NO_CLAUSE}{{1,100}}\bcost\b(?! of)|wat\b{NO_CLAUSE}{{1,100}}\bgekost|"
    r"\b(welke|which|what) (boetes?|fines?)(?=\s*($|[?.,;]|(is|are|krijgt|krijgen|staat|staan|geldt|"
    r"gelden|applies|apply|op|for|voor|bij|if|als|when|wanneer|does|do|can|kan|wordt|worden|moet|"
    r"must|will|zal)\b))|"
    rf"\b(hoeveel|how many|how much)( \w+)? {CURRENCY}\b|\b{CURRENCY}[- ]?(amount|bedrag|figure)|"
    rf"\b{MONEY_NOUNS}\b[^?.!;]{{0,40}}\b(in|uitgedrukt in|expressed in) {CURRENCY}\b|"  # "het loon in euro's"
    rf"(hoe hoog|hoe groot|how high|how large|how big|how much|hoogte van|wat is|what is|"
    rf"what are|wat zijn)( is| are| was| zijn| waren)?( de| het| the| een| a| an)? {MONEY_NOUNS})\b"
)
FREQUENCY_WORDS = ("jaarlijks", "maandelijks", "wekelijks", "dagelijks", "periodiek", "regelmatig")
FREQUENCY_WORDS_EN = ("annually", "annual", "yearly", "monthly", "weekly", "daily", "quarterly")
# "halfjaarlijks", "tweewekelijkse"; not "onregelmatig"
FREQUENCY_ADVERB = "|".join([*((r"\w*" if word.endswith("lijks") else "") + word + r"\w*" for word in FREQUENCY_WORDS),
                             *FREQUENCY_WORDS_EN])
MONTHS = (
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    r"january|february|march|may|june|july|august|october"
)
EVERY = r"(ieder|iedere|elk|elke|per|om de|every|each|once a|twice a|once an?|a)"

QUESTION_PATTERNS: dict[str, re.Pattern[str]] = {
    "frequency": lazy_compile(
        r"\b(hoe vaak|hoe regelmatig|hoeveel keer|how often|how frequently|how many times|"
        r"met welke (frequentie|regelmaat)|at what (interval|frequency))\b"
    ),
    "duration": lazy_compile(
        r"\b(hoe ?lang|how long|hoeveel (jaar|jaren|maanden|weken|tijd)|"
        r"how many (years|months|weeks)|how much time|welke (looptijd|termijn|periode)|"
        r"what (term|period|duration)|hoe snel|how soon|how quickly|how fast|binnen welke termijn|"
        r"within what (time|period))\b"
    ),
    "when": lazy_compile(
        r"\b(wanneer|when|in welk jaar|welk jaar|in what year|which year|what year|"
        r"op welke datum|welke datum|what date|which date|per wanneer|by when|tot wanneer|"
        r"sinds wanneer|since when|until when|hoe snel|how soon|how fast|deadline|welke termijn|"
        r"(welke|what|which) (uiterste datum|final date))\b"
    ),
    "count": lazy_compile(
        r"\b(hoeveel|how many|how much|welk aantal|what number of|the number of|het aantal)\b"
    ),
    "reason": lazy_compile(  # "that is why" says a reason, it asks for none
        r"\b(waarom|(?<!that is )(?<!this is )(?<!that's )why|om welke reden|for what reason|what is the reason|wat is de reden|"
        r"hoe komt het dat|how come)\b"
    ),
    "who": lazy_compile(
        r"^(wie|who)\b|\b(door wie|by whom|met wie|with whom|van wie|wie|who|whom|whose|welke organisaties?|"
        r"which organi[sz]ations?|welke partijen|which parties)\b"
    ),
}
# More specific forms first: "hoeveel keer" asks for a frequency, not a count.
SPECIFIC = {"count": ("frequency", "duration"), "who": ()}
# Counted nouns that make a count a duration or a frequency ("hoeveel jaar", "how many times").
COUNTED_TIME = frozenset((*TIME_UNITS, "keer", "maal", "times", "time", "uur", "uren", "hours",
                          "werkdagen", "working", "minuten", "minutes"))

ANSWER_PATTERNS: dict[str, re.Pattern[str]] = {
    "frequency": lazy_compile(
        rf"\b({FREQUENCY_ADVERB}|biannual(ly)?|half yearly|"
        r"periodic(ally)?|regularly|"
        rf"{EVERY} ({NUMBER} )?(half )?{TIME_UNIT}|{NUMBER} (keer|maal|times)|twice|tweemaal)\b"
    ),
    "duration": lazy_compile(
        rf"\b({NUMBER} ?(tot|to|a|-|–) ?{NUMBER} {TIME_UNIT}|{NUMBER} {TIME_UNIT}|\d+ ?-?(jarig|jarige|year)|"
        rf"(tot|until|till|t/m|through) (\d{{1,2}} )?({MONTHS}|(19|20)\d\d))\b"
    ),
    "when": lazy_compile(
        rf"\b((19|20)\d\d|\d{{1,2}} ({MONTHS})|({MONTHS}) \d{{4}}|"
        r"(volgend|vorig|komend|dit|afgelopen) (jaar|voorjaar|najaar|zomer|winter|kwartaal)|"
        r"(next|last|this|coming) (year|spring|autumn|summer|winter|quarter)|"
        r"(begin|eind|medio|einde|early|late|mid) (volgend )?(jaar|\d{4}|next year|this year))\b"
    ),
    "count": lazy_compile(rf"\b(\d+|{COUNT_WORDS})\b"),
    # a reason: a causal connective ("omdat", "daarom", "because", "therefore")
    "reason": lazy_compile(
        r"\b(omdat|daarom|vanwege|doordat|waardoor|om die reden|aangezien|dus|zodat|opdat|teneinde|"
        r"because|therefore|due to|owing to|as a result|for that reason|hence|so that|so as to|"
        r"in order to)\b|, want\b"
    ),
    # a name: an acronym or capitalised word not at the start of a sentence (on unfolded text)
    "who": lazy_compile(
        r"(?<=[\w,;:)] )(?:[A-Z][A-Za-z]*[A-Z][\w'-]*|[A-Z][a-z]{3,}[\w-]*"
        r"(?: (?:(?:van|voor|de|der|of|for|the) )?[A-Z][\w-]+)*)"
    ),
}
COUNT_QUESTION = lazy_compile(
    r"\b(hoeveel|how many|het aantal|the number of|welk aantal|what number of|"
    r"(?:minimum|maximum|minimale|maximale|minimaal|maximaal)(?: aantal| number of))\s+"
    r"(?:(?:of the|van de|van het)\s+)?(?P<noun>[a-z][\w']*)"
)
# Words after "hoeveel" that are no counted thing ("hoeveel heeft ...", "how many times").
NOT_COUNTED = frozenset(
    ["heeft", "hebben", "had", "is", "zijn", "was", "waren", "wordt", "worden", "zal", "zullen", "kan", "kunnen", "moet", "moeten", "mag", "keer", "maal", "jaar", "jaren", "maanden", "weken", "dagen", "tijd", "procent", "are", "is", "was", "were", "have", "has", "had", "do", "does", "did", "will", "would", "can", "could", "should", "must", "times", "years", "months", "weeks", "days", "time", "percent", "per"]
)
FORMS = tuple(QUESTION_PATTERNS)
# Who did it: nouns for a person, body or party ("het secretariaat", "an independent party"),
# which answer a who-question as well as a name does (on folded text).
AGENT_NOUN_WORDS = (
    r"\b(partij(en)?|secretariaat|commissie|raad|kabinet|overheid|regering|ministers?|ministerie|"
    r"staat|bedrijf|bedrijven|onderneming(en)?|organisaties?|brancheorganisaties?|vakbond(en)?|"
    r"stakeholders?|vertegenwoordigers?|kennisinstelling(en)?|instelling(en)?|ngo'?s?|leden|"
    r"werkgevers?|voorzitter|bestuur|stuurgroep|team|parties|party|secretariat|committee|council|"
    r"cabinet|government|ministry|companies|company|businesses|organi[sz]ations?|unions?|members?|"
    r"representatives?|board|chair(man|person)?|steering group|employers?|institutions?)\b"
)
AGENT_NOUNS = lazy_compile(AGENT_NOUN_WORDS)


def forms(question: str) -> tuple[str, ...]:
    """The forms of answer a question asks for, most specific first ("hoe vaak" -> frequency)."""
    folded = fold(question)
    found = [form for form, pattern in QUESTION_PATTERNS.items() if pattern.search(folded)]
    for general, specific in SPECIFIC.items():
        if general in found and any(form in found for form in specific) and (
                general != "count" or all(noun in ("", *COUNTED_TIME) for noun in counted_nouns(folded))):
            found.remove(general)  # "hoeveel jaar": a duration; "how many members ... how fast": both
    return tuple(found)


def form_words(form: str) -> tuple[str, ...]:
    """Words most expressions of a form hold, for finding candidate passages that may state it:
    a time unit for a duration or a frequency ("drie tot vijf jaar", "ieder kwartaal") and the
    frequency adverbs ("jaarlijks", "annually"); "twice" or "tweemaal" are not among them. None
    for the forms that no word marks (a year, a number, a name)."""
    if form == "frequency":
        return TIME_UNITS + FREQUENCY_WORDS + FREQUENCY_WORDS_EN
    return TIME_UNITS if form == "duration" else ()


def answers(form: str, sentence: str) -> bool:
    """Whether a sentence holds an expression of the form (a frequency, a duration, ...)."""
    pattern = ANSWER_PATTERNS[form]
    text = sentence if form == "who" else fold(sentence)
    return bool(pattern.search(text))


def agents(sentence: str) -> list[str]:
    """The names (capitalised words, acronyms) and agent nouns of a sentence, folded: who
    the sentence says did or does something."""
    names = [fold(m.group(0)) for m in ANSWER_PATTERNS["who"].finditer(sentence)]
    return names + [m.group(0) for m in AGENT_NOUNS.finditer(fold(sentence))]


def triggers(text: str) -> bool:
    """Whether a text holds a question-form phrase ("hoe vaak", "how many", "wanneer")."""
    folded = fold(text)
    return any(pattern.search(folded) for pattern in QUESTION_PATTERNS.values())


def counted_nouns(folded: str) -> list[str]:
    """The noun of every count phrase of a folded question ("hoeveel jaar ... en hoeveel
    leden": "", "leden"; "" for one that counts no noun)."""
    return [counted_noun(folded[found.start():]) for found in COUNT_QUESTION.finditer(folded)]


@lru_cache(maxsize=256)
def counted_noun(folded: str) -> str:
    """The noun a folded question asks a count of ("hoeveel sectoren" -> "sectoren", "how many
    of the companies" -> "companies"); "" when it asks none ("hoeveel heeft ...", "how many
    times") or an amount (Dutch "hoeveel" with a singular: "hoeveel zicht")."""
    counted = COUNT_QUESTION.search(folded)
    if counted is None or counted.group("noun") in NOT_COUNTED:
        return ""
    noun = counted.group("noun")
    plural = len(noun) > 3 and noun.endswith(("en", "s", "a"))
    return noun if counted.group(1) != "hoeveel" or plural else ""
