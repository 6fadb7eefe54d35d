"""Counts that belong to an event: size, dead, injured, arrested (owned by the quantities stage)."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..records import Quantity


def event_counts(doc: Doc, trigger: Token, quantities: tuple[Quantity, ...]) -> dict[str, float]:
    """{'size'|'dead'|'injured'|'arrested': value} for the event triggered by ``trigger``.

    Stub until the quantities stage writes it.
    """
    return {}
