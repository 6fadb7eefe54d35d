"""Shared by the place tests: the event location of a trigger word, and the places found in a text."""
from __future__ import annotations

from wirecoder.places.locate import event_location


def loc(nlp, text, trigger):
    """Text of the place where the event named by the first token ``trigger`` happened, or None."""
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    p = event_location(doc, tok, doc._.wc_places)
    return p.text if p is not None else None


def names(nlp, text):
    return [p.text for p in nlp(text)._.wc_places]
