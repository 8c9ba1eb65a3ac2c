"""The interface language: texts are written in Dutch in the code, English is looked up here.

One language at a time: `tr` gives a text in the interface language, `counted` a number with
its noun in the right form ("1 bron", "2 bronnen"; "1 source", "2 sources"). A Dutch text
without an English entry is shown as is (a test checks that every text the UI uses has one).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode

LANGUAGES = ("nl", "en")
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}

EN: dict[str, str] = {
    # Footer keys (binding descriptions)
    "Help": "Help", "Bronnen": "Sources", "Matrix": "Matrix", "Zoek": "Search",
    "Documenten": "Documents", "Thema": "Theme", "Bewaar": "Save", "Vraag": "Question",
    "Kopieer": "Copy", "Export": "Export", "Terug": "Back", "Volgende": "Next",
    "Vorige": "Previous", "Ga naar p.": "Go to p.", "Open URL": "Open URL",
    "Zoekvraag": "Search box", "Filter": "Filter", "Organisatie": "Organisation",
    "Tabel": "Table", "Annuleer": "Cancel", "Vorige vraag": "Previous question",
    "Volgende vraag": "Next question", "Vorige passage": "Previous passage",
    "Volgende passage": "Next passage",
    # Application
    "IMVO-beleid met bronvermelding": "IMVO policy with sources",
    "Fout": "Error",
    "De index kon niet worden geopend: {error}": "The index could not be opened: {error}",
    "De index is nog niet klaar.": "The index is not ready yet.",
    "Exporteren mislukt: {error}": "Export failed: {error}",
    "Antwoord geëxporteerd": "Answer exported",
    "Opslaan mislukt: {error}": "Saving failed: {error}",
    "Opgeslagen": "Saved",
    "Nog niets gekopieerd.": "Nothing copied yet.",
    "gekopieerd": "copied",
    "naar het klembord via {tool}": "to the clipboard via {tool}",
    "naar de terminal gestuurd (OSC 52); niet elke terminal neemt dit over":
        "sent to the terminal (OSC 52); not every terminal takes it",
    "s bewaart het in een bestand": "s saves it to a file",
    "Citaat": "Citation", "Bron": "Source",
    # Main screen and answer
    "Stel een vraag (in het Nederlands of Engels)": "Ask a question (in English or Dutch)",
    "Index wordt geopend…": "Opening the index…",
    "Index bijwerken": "Updating the index",
    "Index bijwerken: {done} van {total} bestanden": "Updating the index: {done} of {total} files",
    "Klaar: {files} in de index.": "Ready: {files} in the index.",
    "bestand": "file", "bestanden": "files",
    "De vraag wordt beantwoord zodra de index klaar is.":
        "The question will be answered as soon as the index is ready.",
    "Bezig met antwoorden…": "Answering…",
    "Geen antwoord: {error}": "No answer: {error}",
    "bron": "source", "bronnen": "sources",
    "1-9 opent een bron · c kopieert · e exporteert · / nieuwe vraag":
        "1-9 opens a source · c copies · e exports · / new question",
    "Niets gevonden. Probeer andere woorden of F4 om te zoeken.":
        "Nothing found. Try other words, or F4 to search.",
    "Nog geen citaat om te kopiëren.": "No citation to copy yet.",
    "Nog geen antwoord om te exporteren.": "No answer to export yet.",
    "Stel een vraag over IMVO-beleid": "Ask a question about IMVO policy",
    "Bijvoorbeeld:": "For example:",
    "Welke risico's gelden voor elektronica?": "Which risks apply to electronics?",
    "Is SOMO opgenomen in het bronnenboek?": "Is SOMO included in the source register?",
    "Welke sectoren hebben een verhoogd risico op kinderarbeid?":
        "Which sectors have an elevated risk of child labour?",
    "help": "help", "matrix": "matrix", "zoeken": "search", "opdrachten": "commands",
    "Bedoelde u: ": "Did you mean: ",
    "Gelezen als: ": "Read as: ",
    "p.": "p.",
    # Document viewer
    "Gegeven uit het meegeleverde register: het document zelf staat niet in het corpus. "
    "Haal het op via de officiële URL hieronder (of `imvo-assist fetch`).":
        "Given by the bundled register: the document itself is not in the corpus. "
        "Get it from the official URL below (or `imvo-assist fetch`).",
    "Document": "Document",
    "Pagina niet te tonen: {error}": "Page cannot be shown: {error}",
    "Geen tekst op deze pagina.": "No text on this page.",
    "(pdf-pagina {page})": "(PDF page {page})",
    "pagina {n} van {total}": "page {n} of {total}",
    "registergegeven": "register fact",
    "o opent de officiële URL": "o opens the official URL",
    "Geen pagina {label}. Pagina's: {labels}": "No page {label}. Pages: {labels}",
    "Voetnoot: ": "Footnote: ",
    "Ga naar gedrukte pagina": "Go to printed page",
    "bv. 22": "e.g. 22",
    # Search
    "Zoek in de passages (bv. kinderarbeid mijnbouw)":
        "Search the passages (e.g. child labour mining)",
    "Sector": "Sector", "Soort": "Kind", "alle": "all",
    "Enter zoekt · Tab: filters · Enter op een resultaat opent het · c kopieert":
        "Enter searches · Tab: filters · Enter on a result opens it · c copies",
    "Typ eerst een paar zoekwoorden.": "Type a few search words first.",
    "passage": "passage", "passages": "passages",
    "{found} · Enter opent · c kopieert het citaat":
        "{found} · Enter opens · c copies the citation",
    "Niets gevonden met deze woorden en filters.": "Nothing found with these words and filters.",
    # Source register
    "Filter: organisatie, titel, jaar of sector (bv. SOMO)":
        "Filter: organisation, title, year or sector (e.g. SOMO)",
    "Nr": "No", "Jaar": "Year", "Titel": "Title",
    "{shown} van {total}": "{shown} of {total}",
    "↓/Enter: tabel · o: organisatie · c: kopieer · /: filter":
        "↓/Enter: table · o: organisation · c: copy · /: filter",
    "Geen bronnen gevonden. Probeer een andere spelling of minder woorden.":
        "No sources found. Try another spelling or fewer words.",
    "Deze bron wordt nergens in de tekst geciteerd.": "This source is not cited in the text.",
    "z.j.": "n.d.", "geen URL": "no URL",
    "↳ geciteerd in ": "↳ cited in ",
    # Organisation view
    "{organisation} staat niet in het bronnenboek.":
        "{organisation} is not in the source register.",
    "vermelding": "entry", "vermeldingen": "entries",
    " — {entries} in het bronnenboek": " — {entries} in the source register",
    "Geschreven als: ": "Written as: ", "Per sector: ": "By sector: ",
    "Niet geciteerd in de tekst: ": "Not cited in the text: ", "geen": "none",
    "niet geciteerd": "not cited",
    "Enter opent de vindplaats in de documentlezer.": "Enter opens the passage in the reader.",
    # Matrix
    "Passages per sector en risicothema": "Passages by sector and risk theme",
    "Enter: alle risico's van de sector": "Enter: all risks of the sector",
    "Enter: antwoord": "Enter: answer",
    "Welke risico's gelden voor {sector}?": "Which risks apply to {sector}?",
    "Welke risico's op {risk} gelden voor {sector}?": "Which {risk} risks apply to {sector}?",
    "milieu": "environment", "arbeid": "labour", "mensenrechten": "human rights",
    "corruptie": "corruption", "belastingen": "taxes",
    # Documents
    "status": "status", "document": "document", "pagina's": "pages",
    "bestand / probleem": "file / problem", "documenten": "documents",
    "{documents}; {problems} niet geïndexeerd (met reden)":
        "{documents}; {problems} not indexed (with reason)",
    # Command palette
    "Vraag stellen": "Ask a question",
    "Naar de vraag op het hoofdscherm": "To the question on the main screen",
    "Bronnenregister": "Source register",
    "Bronnenboek doorzoeken en citaties bekijken (F2)":
        "Search the source register and its citations (F2)",
    "Overzicht sector × risico": "Overview sector × risk",
    "Passages per sector en risicothema (F3)": "Passages by sector and risk theme (F3)",
    "Zoeken met filters": "Search with filters",
    "Passages zoeken met sector-, document- en soortfilters (F4)":
        "Search passages with sector, document and kind filters (F4)",
    "Status van elk bestand, met de reden als het niet geïndexeerd is (F5)":
        "Status of every file, with the reason when it is not indexed (F5)",
    "Citaat kopiëren": "Copy citation",
    "Vindplaats en passage van het gekozen citaat kopiëren (c)":
        "Copy the location and passage of the chosen citation (c)",
    "Antwoord exporteren": "Export answer",
    "Antwoord met bronnen als Markdown-bestand opslaan (e)":
        "Save the answer with sources as Markdown (e)",
    "Licht / donker thema": "Light / dark theme",
    "Wissel tussen licht en donker (ctrl+t)": "Switch between light and dark (ctrl+t)",
    "Sneltoetsen": "Keys",
    "Alle toetsen en schermen (F1)": "All keys and screens (F1)",
    "Taal van de interface": "Interface language",
    "Nederlands of Engels (antwoorden volgen de taal van de vraag)":
        "Dutch or English (answers follow the language of the question)",
    "Hier is geen citaat of antwoord.": "There is no citation or answer here.",
    "Verzamelde citaten ordenen, verwijderen en exporteren (F6)":
        "Order, remove and export the collected citations (F6)",
    "Citaat in mandje": "Citation to basket",
    "Het gekozen citaat in het mandje leggen (b)": "Put the chosen citation in the basket (b)",
    "Alle citaten van het antwoord in het mandje leggen (B)":
        "Put every citation of the answer in the basket (B)",
    "Gebeurtenissen op datum, elk met bron en zekerheid (F7)":
        "Events by date, each with its source and confidence (F7)",
    "Convenanten tegenover risico's": "Covenants against risks",
    "De convenanten van de gekozen sector naast haar risico's (v in de matrix)":
        "The covenants of the chosen sector beside its risks (v in the matrix)",
    "Kies een sector en druk v.": "Choose a sector and press v.",
    # Basket, coverage and timeline
    "Mandje": "Basket", "In mandje": "To basket", "Antwoord in mandje": "Answer to basket",
    "Tijdlijn": "Timeline", "Convenanten": "Covenants", "Omhoog": "Up", "Omlaag": "Down",
    "Verwijder": "Remove", "Markdown": "Markdown", "Tekst": "Text", "CSV": "CSV",
    "Nog geen antwoord met bronnen om in het mandje te leggen.":
        "No answer with sources to put in the basket yet.",
    "{items} toegevoegd, {merged} stond er al in (F6 toont het mandje).":
        "{items} added, {merged} already there (F6 shows the basket).",
    "{items} toegevoegd (F6 toont het mandje).": "{items} added (F6 shows the basket).",
    "citaat": "citation", "citaten": "citations", "vraag": "question", "zekerheid": "confidence",
    "Mandje '{name}': {items}": "Basket '{name}': {items}",
    "Mandje '{name}' is leeg: b op een antwoord legt er citaten in.":
        "Basket '{name}' is empty: b on an answer puts citations in it.",
    "Ook gevraagd: {questions}": "Also asked: {questions}", "Vraag: ": "Question: ",
    "Mandje geëxporteerd": "Basket exported",
    "Dekking wordt berekend…": "Checking the covenants…",
    "{sector}: risico's volgens {source}": "{sector}: risks according to {source}",
    " (onder andere: voorbeelden, geen volledige lijst)": " (among others: examples, not a complete list)",
    " · geen convenant van deze sector in het register of het corpus":
        " · no covenant of this sector in the register or the corpus",
    "Risico": "Risk", " (verwant)": " (related)", " +verwant": " +related",
    "genoemd": "named", "niet genoemd": "not named", "niet getoetst": "not checked",
    "Tijdlijn wordt opgebouwd…": "Building the timeline…",
    "datum": "date", "soort": "kind", "wat": "what",
    "gebeurtenis": "event", "gebeurtenissen": "events",
    "Tijdlijn over {sector}: {events}": "Timeline of {sector}: {events}",
    "Tijdlijn: {events}": "Timeline: {events}",
    "Elders gedateerd: {date}": "Dated elsewhere: {date}",
    "Verwijst naar: {events}": "Refers to: {events}",
}


def language_of(app: App[object]) -> str:
    """The interface language of an app ("nl" for apps other than imvo-assist's)."""
    return str(getattr(app, "language", "nl"))


def tr(text: str, language: str, **values: object) -> str:
    """A Dutch interface text in `language`, with `{name}` fields filled in."""
    shown = EN.get(text, text) if language == "en" else text
    return shown.format(**values) if values else shown


def counted(n: int, singular: str, plural: str, language: str) -> str:
    """A number with its noun in the right form: "1 bron", "2 bronnen" ("2 sources")."""
    return f"{n} {tr(singular if n == 1 else plural, language)}"


def localise_bindings(node: DOMNode, language: str) -> None:
    """Show a node's footer keys in `language` (its BINDINGS are written in Dutch)."""
    source = type(node)._merged_bindings
    if source is None:
        return
    bindings = node._bindings.key_to_bindings
    for key, defined in source.key_to_bindings.items():
        bindings[key] = [replace(b, description=tr(b.description, language)) for b in defined]
    node.refresh_bindings()
