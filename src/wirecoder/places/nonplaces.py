"""Names read as places that are no places: storms and people (used by component.py).

- Storms bear given names ("Harvey", "Irma", "Maria") that are also towns: a name right after a storm
  title ("Hurricane Harvey", "Typhoon Haiyan") or in apposition to a storm noun ("three hurricanes:
  Harvey, Irma and Maria") is the storm.
- A single word that is part of a person's full name elsewhere in the article ("Daniel Ashford ...
  Ashford would win") is that person, unless a locative preposition governs it ("in Sutton") or the town
  is a famous city (namesakes.FAMOUS_CITY_SCORE: "Washington" stays the capital beside George Washington).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .gazetteer import Candidate
from .namesakes import FAMOUS_CITY_SCORE

STORM_TITLES = frozenset({"hurricane", "typhoon", "cyclone", "storm", "tornado"})
STORM_NOUNS = frozenset({"hurricane", "hurricanes", "typhoon", "typhoons", "cyclone", "cyclones", "storm",
                         "storms"})
# Prepositions that make the word after them a place whatever else the article calls a person.
PLACE_PREPS = frozenset({"in", "at", "near", "from", "to", "outside", "inside", "into", "through", "across",
                         "around", "towards", "toward", "via", "throughout", "within"})
PERSON_KINDS = frozenset({"city", "local", "unresolved"})


def storm_name(span: Span) -> bool:
    """Is the name a storm's: after a storm title, or in apposition to a storm noun (or in a list that is)?"""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in STORM_TITLES:
        return True
    head = span.root
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    return head.dep_ == "appos" and head.head.lower_ in STORM_NOUNS


def full_name_words(doc: Doc) -> frozenset[str]:
    """Lower-case words of the multi-word person names in the article ("daniel", "ashford")."""
    return frozenset(t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e if t.is_alpha)


def person_namesake(span: Span, cand: Candidate | None, words: frozenset[str]) -> bool:
    """Is a one-word name, resolved to a town at most mid-sized (or to nothing), a person of the article?"""
    if len(span) != 1 or span[0].lower_ not in words:
        return False
    if cand is not None and (cand.place.kind not in PERSON_KINDS or cand.score >= FAMOUS_CITY_SCORE):
        return False
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is None or prev.lower_ not in PLACE_PREPS
