"""Citation baskets: named collections of cited passages that last across sessions.

One plain JSON file per basket in `<data dir>/baskets/<name>.json`, written atomically (a
temporary file in the same folder, then `os.replace`). A basket name is a safe slug, so it can
never point outside that folder. Adding a citation that is already in the basket (same document,
printed page and passage) keeps one item and records the extra question on it.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from imvo_assist.errors import ExitCode, ImvoError
from imvo_assist.models import Answer, Citation
from imvo_assist.paths import data_dir

DEFAULT_BASKET = "default"
SCHEMA = "imvo-assist/basket/1"
NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


class BasketError(ImvoError):
    """A basket name, file or position that cannot be used."""


class BasketNotFound(BasketError):
    """No basket of that name exists."""

    exit_code = ExitCode.NOT_FOUND


@dataclass
class BasketItem:
    """One cited passage in a basket, with the question(s) it answered."""

    question: str
    quote: str
    """The passage text as stored in the index (the source's characters kept)."""
    cite: str
    """The pasteable citation string of the answer."""
    doc_id: str
    page: str
    passage_id: str
    url: str = ""
    title: str = ""
    source: str = "passage"
    language: str = "nl"
    confidence: str | None = None
    """"verified", "reported" or "inferred" when the citation says; None when it does not."""
    confidence_note: str = ""
    added: str = ""
    """When the item was first added (ISO 8601, UTC)."""
    questions: list[str] = field(default_factory=list)
    """Other questions whose answers cited the same passage."""

    @property
    def key(self) -> tuple[str, str, str]:
        """What makes two citations the same: document, printed page and passage."""
        return self.doc_id, self.page, self.passage_id

    @property
    def unverified(self) -> bool:
        """True when the citation carries a confidence other than "verified"."""
        return self.confidence not in (None, "", "verified")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Basket:
    """A named basket and its items, in the user's order."""

    name: str
    items: list[BasketItem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "name": self.name, "items": [i.to_dict() for i in self.items]}


def check_name(name: str) -> str:
    """The basket name, if it is a safe slug (lower-case letters, digits, '-' and '_').

    Raises:
        BasketError: any other name (paths, dots, spaces, empty).
    """
    if not NAME.fullmatch(name):
        raise BasketError(
            f"Invalid basket name {name!r}.",
            "Use lower-case letters, digits, '-' and '_' (at most 64), e.g. 'notitie-textiel'.",
        )
    return name


def baskets_dir() -> Path:
    """The folder holding every basket file."""
    return data_dir() / "baskets"


def basket_names() -> list[str]:
    """The names of the stored baskets, sorted."""
    folder = baskets_dir()
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.json") if NAME.fullmatch(p.stem))


def load_basket(name: str, missing_ok: bool = False) -> Basket:
    """Read a basket; an empty one when it does not exist and `missing_ok` is set.

    Raises:
        BasketNotFound: no such basket (and not `missing_ok`).
        BasketError: the file is unreadable or not a basket.
    """
    path = baskets_dir() / f"{check_name(name)}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        if missing_ok:
            return Basket(name)
        known = ", ".join(basket_names()) or "none yet"
        raise BasketNotFound(f"No basket named {name!r}.", f"Baskets: {known}.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BasketError(f"Basket file {path} cannot be read: {exc}.") from None
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise BasketError(f"Basket file {path} is not a basket.", "Move it away or `basket clear`.")
    names = {f.name for f in fields(BasketItem)}
    try:
        items = [
            BasketItem(**{k: v for k, v in entry.items() if k in names}) for entry in data["items"]
        ]
    except (TypeError, AttributeError) as exc:
        raise BasketError(f"Basket file {path} has an invalid item: {exc}.") from None
    return Basket(name, items)


def save_basket(basket: Basket) -> Path:
    """Write a basket atomically; returns its file.

    Raises:
        BasketError: the data folder cannot be written.
    """
    folder = baskets_dir()
    path = folder / f"{check_name(basket.name)}.json"
    text = json.dumps(basket.to_dict(), ensure_ascii=False, indent=2) + "\n"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{basket.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise BasketError(f"Basket {basket.name!r} cannot be saved: {exc}.") from None
    return path


def item_from_citation(
    question: str, citation: Citation, language: str = "nl", now: datetime | None = None
) -> BasketItem:
    """A basket item from an answer's citation (confidence read when the citation has one)."""
    hit = citation.hit
    passage = hit.passage
    return BasketItem(
        question=question,
        quote=passage.text,
        cite=citation.cite,
        doc_id=passage.doc_id,
        page=passage.page_label,
        passage_id=passage.id,
        url=hit.url,
        title=hit.title,
        source=hit.source,
        language=language,
        confidence=getattr(citation, "confidence", None) or None,
        confidence_note=getattr(citation, "confidence_note", "") or "",
        added=(now or datetime.now(UTC)).isoformat(timespec="seconds"),
    )


def merge(basket: Basket, items: Iterable[BasketItem]) -> tuple[int, int]:
    """Add items, merging duplicates into the item already there.

    Returns:
        (items added, duplicates merged).
    """
    by_key = {item.key: item for item in basket.items}
    added = merged = 0
    for item in items:
        existing = by_key.get(item.key)
        if existing is None:
            basket.items.append(item)
            by_key[item.key] = item
            added += 1
            continue
        merged += 1
        if item.question != existing.question and item.question not in existing.questions:
            existing.questions.append(item.question)
    return added, merged


def add_citations(
    name: str, question: str, citations: Iterable[Citation], language: str = "nl"
) -> tuple[int, int]:
    """Add citations of one question to a basket (created when new) and save it.

    Returns:
        (items added, duplicates merged).
    """
    basket = load_basket(name, missing_ok=True)
    now = datetime.now(UTC)
    counts = merge(basket, (item_from_citation(question, c, language, now) for c in citations))
    save_basket(basket)
    return counts


def add_answer(name: str, answer: Answer) -> tuple[int, int]:
    """Add every citation of an answer to a basket; see `add_citations`."""
    return add_citations(name, answer.question, answer.citations, answer.language)


def _position(basket: Basket, position: int) -> int:
    """A 1-based position as an index, or a `BasketError` naming the valid range."""
    if not 1 <= position <= len(basket.items):
        size = len(basket.items)
        valid = f"1-{size}" if size else "none: the basket is empty"
        raise BasketError(f"Basket {basket.name!r} has no item {position}.", f"Items: {valid}.")
    return position - 1


def remove_item(name: str, position: int) -> BasketItem:
    """Remove the item at a 1-based position and save; returns the removed item."""
    basket = load_basket(name)
    item = basket.items.pop(_position(basket, position))
    save_basket(basket)
    return item


def move_item(name: str, position: int, target: int) -> Basket:
    """Move the item at a 1-based position to another position and save."""
    basket = load_basket(name)
    index, goal = _position(basket, position), _position(basket, target)
    basket.items.insert(goal, basket.items.pop(index))
    save_basket(basket)
    return basket


def clear_basket(name: str) -> int:
    """Remove every item of a basket (the empty basket stays); returns how many were removed."""
    basket = load_basket(name)
    removed = len(basket.items)
    basket.items.clear()
    save_basket(basket)
    return removed
