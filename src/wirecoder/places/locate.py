"""Event locations: the place where an event happened (owned by the places stage)."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..records import PlaceMention


def event_location(doc: Doc, trigger: Token, places: tuple[PlaceMention, ...]) -> PlaceMention | None:
    """The place where the event triggered by ``trigger`` happened, or None.

    Stub until the places stage writes it.
    """
    return None
