"""The sector a question asks about is the one its asking sentence names; the asker's own
context (what they make, buy or import) only counts when that sentence names no sector."""

from __future__ import annotations

import pytest

from imvo_assist.answer.understand import understand


@pytest.mark.parametrize(
    ("question", "sectors"),
    [
        (("We are a bank that also imports coffee. Which risks does the analysis list for the "
          "financial sector?"), ["financiele-sector"]),
        (("Wij zijn een bouwbedrijf dat hout importeert. Welke risico's noemt het rapport voor "
          "de chemie?"), ["chemie"]),
        (("Our firm trades copper cables and builds houses; the board asks which risks the "
          "report names for the energy sector."), ["energie"]),
    ],
)
def test_the_asking_sentence_names_the_sector(question: str, sectors: list[str]) -> None:
    assert [s.id for s in understand(question).sectors] == sectors


def test_the_context_names_the_sector_when_the_question_does_not() -> None:
    found = [s.id for s in understand("We sell t-shirts online. What should we watch out for?").sectors]
    assert found == ["textiel-kleding"]
