"""The command palette's commands (ctrl+p): every screen and action of the app by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from imvo_assist.tui.lang import language_of, tr

if TYPE_CHECKING:
    from imvo_assist.tui.app import ImvoApp

# (title, help, command), in Dutch; shown in the interface language.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Vraag stellen", "Naar de vraag op het hoofdscherm", "ask"),
    ("Bronnenregister", "Bronnenboek doorzoeken en citaties bekijken (F2)", "sources"),
    ("Overzicht sector × risico", "Passages per sector en risicothema (F3)", "matrix"),
    ("Zoeken met filters", "Passages zoeken met sector-, document- en soortfilters (F4)", "search"),
    ("Documenten", "Status van elk bestand, met de reden als het niet geïndexeerd is (F5)", "documents"),
    ("Mandje", "Verzamelde citaten ordenen, verwijderen en exporteren (F6)", "basket"),
    ("Citaat in mandje", "Het gekozen citaat in het mandje leggen (b)", "basket_add"),
    ("Antwoord in mandje", "Alle citaten van het antwoord in het mandje leggen (B)",
     "basket_add_all"),
    ("Tijdlijn", "Gebeurtenissen op datum, elk met bron en zekerheid (F7)", "timeline"),
    ("Convenanten tegenover risico's",
     "De convenanten van de gekozen sector naast haar risico's (v in de matrix)", "coverage"),
    ("Citaat kopiëren", "Vindplaats en passage van het gekozen citaat kopiëren (c)", "copy"),
    ("Antwoord exporteren", "Antwoord met bronnen als Markdown-bestand opslaan (e)", "export"),
    ("Licht / donker thema", "Wissel tussen licht en donker (ctrl+t)", "theme"),
    ("Taal van de interface", "Nederlands of Engels (antwoorden volgen de taal van de vraag)",
     "language"),
    ("Sneltoetsen", "Alle toetsen en schermen (F1)", "help"),
)


class ImvoCommands(Provider):
    """imvo-assist's own commands in the palette."""

    def _run(self, name: str) -> None:
        from imvo_assist.tui.app import ImvoApp

        app = self.app
        screen = self.screen
        if not isinstance(app, ImvoApp):
            return
        if name == "ask":
            while len(app.screen_stack) > 1:
                app.pop_screen()
            app.main.action_focus_question()
        elif name in ("copy", "export"):
            action = getattr(screen, f"action_{name}", None)
            if action is None:
                app.notify(app.tr("Hier is geen citaat of antwoord."), severity="warning",
                           markup=False)
            else:
                action()
        elif name in ("basket_add", "basket_add_all"):
            app.action_basket_add(name == "basket_add_all")
        elif name == "coverage":
            self._coverage(app)
        elif name == "theme":
            app.action_toggle_theme()
        elif name == "language":
            app.action_switch_language()
        else:
            getattr(app, f"action_{name}")()

    def _coverage(self, app: ImvoApp) -> None:
        """The matrix's `v`: on the matrix, the highlighted sector; elsewhere the matrix is opened
        to choose one."""
        from imvo_assist.tui.screens.matrix import MatrixScreen

        if isinstance(self.screen, MatrixScreen):
            self.screen.action_coverage()
            return
        app.action_matrix()
        app.notify(app.tr("Kies een sector en druk v."), markup=False)

    def _callback(self, name: str) -> Callable[[], None]:
        return partial(self._run, name)

    def _commands(self) -> list[tuple[str, str, str]]:
        language = language_of(self.app)
        return [(tr(title, language), tr(help_text, language), name)
                for title, help_text, name in COMMANDS]

    async def discover(self) -> Hits:
        for title, help_text, name in self._commands():
            yield DiscoveryHit(title, self._callback(name), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, name in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), self._callback(name), help=help_text)
