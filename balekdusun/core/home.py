"""The home page: today's work for the signed-in user's role.

Each app may have a `home.py` with `cards(user, today)` returning a list of Card: what needs doing in that app
(the coordinator's days to plan, the conflicts to resolve, the sign-offs due; an officer's day; the head's week).
The home page shows the cards of every app, in the order of the menu's task groups.
"""

from dataclasses import dataclass, field
from importlib import import_module

from django.apps import apps


@dataclass
class Card:
    title: str
    count: int | None = None  # the headline figure; None for a card that is a list only
    rows: list[tuple[str, str, str]] = field(default_factory=list)  # (label, url, note)
    link: tuple[str, str] | None = None  # (label, url): the page where the work is done
    empty: str = ""  # shown when there is nothing to do
    figures: list[tuple[str, str]] = field(default_factory=list)  # (label, formatted figure)
    urgent: bool = False
    order: int = 50


def cards(user, today) -> list[Card]:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("balekdusun."):
            continue
        try:
            module = import_module(f"{config.name}.home")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.home":
                raise
            continue
        if module.__name__ == __name__:
            continue
        found.extend(module.cards(user, today))
    return sorted(found, key=lambda card: card.order)
