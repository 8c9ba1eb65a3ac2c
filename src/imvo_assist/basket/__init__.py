"""Citation baskets: collect cited passages from several answers and export them as a note."""

from imvo_assist.basket.export import FORMATS, export_basket
from imvo_assist.basket.store import (
    DEFAULT_BASKET,
    Basket,
    BasketError,
    BasketItem,
    BasketNotFound,
    add_answer,
    add_citations,
    basket_names,
    check_name,
    clear_basket,
    load_basket,
    move_item,
    remove_item,
    save_basket,
)

__all__ = [
    "DEFAULT_BASKET",
    "FORMATS",
    "Basket",
    "BasketError",
    "BasketItem",
    "BasketNotFound",
    "add_answer",
    "add_citations",
    "basket_names",
    "check_name",
    "clear_basket",
    "export_basket",
    "load_basket",
    "move_item",
    "remove_item",
    "save_basket",
]
