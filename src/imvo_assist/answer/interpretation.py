"""How a question was read, shown with the answer, and the not-found texts that name what is
missing.

`ask --json` gets an `interpretation` object beside the contract keys of DESIGN.md: the content
words, the framing set aside, the form of answer looked for, each content span with its
translations and compound parts, typo corrections, the document named and, for a not-found
answer, the key content the corpus lacks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from imvo_assist.answer.missing import Missing
from imvo_assist.answer.understand import Understanding
from imvo_assist.models import Answer

DOCUMENT_NAMES = {
    "advice": ("het advies", "the advice"), "letter": ("de brief", "the letter"),
    "report": ("het rapport", "the report"), "covenant": ("de convenanten", "the covenants"),
    "note": ("de notitie", "the note"), "register": ("het bronnenboek", "the source register"),
}
# A kind of document named in a question, as the subject of a sentence saying it is not indexed
# (one covenant, where DOCUMENT_NAMES speaks of the covenants).
UNINDEXED = {kind: (dutch.capitalize(), english.capitalize()) for kind, (dutch, english) in DOCUMENT_NAMES.items()}
UNINDEXED["covenant"] = ("Het convenant", "The covenant")
# What a passage lacked for a fact question, in Dutch and English.
ASKED_FACTS = {  # "De documenten noemen <nl>" / "The documents state <en>"
    "amount": ("hiervoor geen bedrag", "no amount for this"),
    "count": ("hiervoor geen aantal", "no number for this"),
    "date": ("hiervoor geen datum", "no date for this"),
    "person": ("hiervoor geen persoon bij naam", "no person by name for this"),
    "place": ("hiervoor geen land of plaats", "no country or place for this"),
    "frequency": ("hiervoor geen frequentie", "no frequency for this"),
    "duration": ("hiervoor geen duur of termijn", "no duration for this"),
    "names": ("hiervoor geen namen", "no names for this"),
    "share": ("hiervoor geen percentage of aandeel", "no percentage or share for this"),
    "choice": ("geen reden voor die keuze", "no reason for that choice"),
    "reason": ("hiervoor geen reden", "no reason for this"),
    "sanction": ("hiervoor geen sanctie of maatregel", "no sanction or measure for this"),
    "legal": ("hiervoor geen wet, rechter of juridische verplichting", "no law, court or legal duty for this"),
    "vote": ("hiervoor geen stemming, meerderheid of instemming", "no vote, majority or consent for this"),
    "advice": ("geen advies voor een eigen keuze van de vrager", "no advice on a choice of the asker's own"),
    "comparison": ("geen vergelijking of voorkeur hiertussen", "no comparison of or preference between these"),
    "difference": ("geen onderscheid of verschil hiertussen", "no distinction or difference between these"),
    "ranking": ("geen rangorde of ranglijst", "no ranking or order"),
    "outcome": ("hiervoor geen uitkomst of resultaat", "no outcome or result for this"),
    "contact": ("hiervoor geen adres, telefoonnummer of website", "no address, phone number or website for this"),
}
# Kinds of not-found whose text names the nearest passages or publications (`Missing.suggestions`
# are places or titles, no "did you mean").
NEAREST_KINDS = frozenset({*ASKED_FACTS, "entity", "not_in_document", "not_in_chapter", "dated_document",
                           "report_subject", "unsaid_subject", "unsaid_named"})


@dataclass(frozen=True)
class InterpretedAnswer(Answer):
    """An answer with the interpretation of its question."""

    interpretation: dict[str, object] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {**super().to_dict(), "interpretation": self.interpretation}


def interpretation(understanding: Understanding, missing: Missing | None) -> dict[str, object]:
    """The reading of a question, for the JSON answer and for checking the engine's work."""
    found: dict[str, object] = {
        "content": list(understanding.words),
        "framing": list(understanding.framing),
        "forms": list(understanding.forms),
        "mapping": [concept.to_dict() for concept in understanding.concepts],
        "corrections": dict(understanding.corrections),
        "named_document": understanding.named_kind,
        "names": list(understanding.names),
    }
    if understanding.quoted:
        found["quoted"] = list(understanding.quoted)
    if missing is not None:
        found["missing"] = {"what": missing.what, "kind": missing.kind}
    return found


def unindexed_note(kind: str, language: str) -> str:
    """The note that the kind of document a question names is not indexed, so other documents
    answer ("wat adviseert de SER ...?" over the bundled letter)."""
    dutch, english = UNINDEXED.get(kind, ("Dat document", "That document"))
    if language == "nl":
        return f"{dutch} zelf staat niet in de geïndexeerde documenten; het antwoord komt uit de andere."
    return f"{english} itself is not among the indexed documents; the answer comes from the others."


def not_found_text(missing: Missing | None, understanding: Understanding) -> str:
    """What the corpus lacks, by name, in the question's language."""
    nl = understanding.language == "nl"
    if missing is None:
        return ("Hierover is niets gevonden in de geïndexeerde documenten." if nl
                else "Nothing about this was found in the indexed documents.")
    what = missing.what
    if missing.kind == "sector":
        return (
            f"'{what}' is niet een van de 13 sectoren met een verhoogd MVO-risico uit de Sector "
            "Risico Analyse; de documenten noemen er geen risico's voor."
            if nl else
            f"'{what}' is not one of the 13 sectors with elevated CSR risk in the Sector Risk "
            "Analysis; the documents name no risks for it."
        )
    if missing.kind == "covenant":
        there = "; ".join(missing.suggestions)
        if nl:
            return f"Er is geen {what} in de documenten" + (f"; wel: {there}." if there else ".")
        return f"There is no {what} in the documents" + (f"; there is: {there}." if there else ".")
    if missing.kind == "covenant_text":
        there = "; ".join(missing.suggestions)
        add = "BESTAND.pdf" if nl else "FILE.pdf"
        fetch = f"imvo-assist fetch {missing.detail}" if missing.detail else f"imvo-assist add {add}"
        if nl:
            return (f"'{what}' staat in het meegeleverde register, maar de tekst ervan is niet "
                    f"geïndexeerd en de documenten zeggen er niets over (toevoegen: `{fetch}`)"
                    + (f"; wel in de documenten: {there}." if there else "."))
        return (f"'{what}' is in the bundled register, but its text is not indexed and the "
                f"documents say nothing about it (to add it: `{fetch}`)"
                + (f"; the documents do hold: {there}." if there else "."))
    if missing.kind == "document_text":
        add = "BESTAND.pdf" if nl else "FILE.pdf"
        fetch = f"imvo-assist fetch {missing.detail}" if missing.detail else f"imvo-assist add {add}"
        if nl:
            return f"'{what}' staat in het meegeleverde register, maar de tekst ervan is niet geïndexeerd (toevoegen: `{fetch}`)."
        return f"'{what}' is in the bundled register, but its text is not indexed (to add it: `{fetch}`)."
    if missing.kind == "dated_document":
        there = "; ".join(missing.suggestions)
        if nl:
            return f"Er is geen '{what}' in de documenten" + (f"; wel: {there}." if there else ".")
        return f"There is no '{what}' in the documents" + (f"; there is: {there}." if there else ".")
    if missing.kind == "publication_year":
        years = ", ".join(missing.suggestions)
        return _in_register_but(
            what, nl, f"niet met een publicatie uit {missing.detail}; wel uit: {years}.",
            f"not with a publication from {missing.detail}; there are publications from: {years}.")
    if missing.kind == "report_subject":
        titles, subject = "; ".join(missing.suggestions), missing.detail
        return _in_register_but(
            what, nl, f"met geen publicatie over {subject}: '{subject}' komt in geen van de documenten "
            f"voor. Wel met: {titles}.",
            f"with no publication on {subject}: '{subject}' occurs in none of the documents. Its "
            f"publications: {titles}.")
    if missing.kind == "unsaid_subject":
        titles, subject = "; ".join(missing.suggestions), missing.detail
        return _in_register_but(
            what, nl, f"met geen publicatie over {subject}, en geen passage die {what} noemt spreekt "
            f"erover: de documenten geven niet wat {what} erover zegt. Wel met: {titles}.",
            f"with no publication on {subject}, and no passage naming it speaks of it: the "
            f"documents do not give what {what} says on it. Its publications: {titles}.")
    if missing.kind == "unsaid_named":
        places, subject = "; ".join(missing.suggestions), missing.detail
        if nl:
            return (f"{what} wordt in de documenten genoemd, maar nergens over {subject}: de documenten "
                    f"geven niet wat {what} erover zegt. Genoemd in: {places}.")
        return (f"{what} is named in the documents, but nowhere on {subject}: the documents do not "
                f"give what {what} says on it. Named in: {places}.")
    if missing.kind == "not_in_chapter":
        there = missing.suggestions[0]
        return _in_register_but(
            what, nl, f"met geen enkele bron bij {missing.detail}; wel bij: {there}.",
            f"with no source for {missing.detail}; its sources are for: {there}.")
    if missing.kind == "not_in_document":
        where = "; ".join(missing.suggestions)
        named = DOCUMENT_NAMES.get(missing.detail, (missing.detail, missing.detail))[0 if nl else 1]
        if nl:
            return f"'{what}' komt niet voor in {named}" + (f"; wel in: {where}." if where else ".")
        return f"'{what}' does not occur in {named}" + (f"; it does in: {where}." if where else ".")
    if missing.kind == "entity":
        near = "; ".join(missing.suggestions)
        if nl:
            return (f"De gevonden passages noemen {what} niet; de documenten zeggen hier niets over"
                    + (f". Het dichtstbij: {near}." if near else "."))
        return (f"The passages found do not name {what}; the documents say nothing about this"
                + (f". Nearest: {near}." if near else "."))
    if missing.kind in ASKED_FACTS:
        asked = ASKED_FACTS[missing.kind]
        near = "; ".join(missing.suggestions)
        if nl:
            return f"De documenten noemen {asked[0]}" + (f"; het dichtstbij: {near}." if near else ".")
        return f"The documents state {asked[1]}" + (f"; nearest: {near}." if near else ".")
    if missing.kind == "year":
        return (f"De documenten zeggen niets over {what}: dat jaar komt er niet in voor." if nl
                else f"The documents say nothing about {what}: that year does not occur in them.")
    return (f"'{what}' komt in geen van de geïndexeerde documenten voor." if nl
            else f"'{what}' does not occur in any of the indexed documents.")


def _in_register_but(what: str, nl: bool, dutch: str, english: str) -> str:
    """An organisation the source register holds, and what of it the register does not hold."""
    return f"{what} staat in het bronnenboek, maar {dutch}" if nl else f"{what} is in the source register, but {english}"
