"""Words that name a kind of document in questions and titles, in Dutch and English."""

from __future__ import annotations

# A covenant, in either language and number ("het textielconvenant", "the agreements").
COVENANT_WORDS = ("convenant", "convenanten", "covenant", "covenants", "agreement", "agreements")
