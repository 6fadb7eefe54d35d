"""Toponyms in the "Town, Region" pattern that the NER model and the plain scan miss.

News and listings qualify a town by its county, state, province or country after a comma:
"Lydden Hill, Kent.", "found near Aberaeron, Ceredigion, on Wednesday", "in Juchitan,
Oaxaca State, Mexico", "University of Ghana, Legon". The small NER model often
reads both names as persons, and the scan takes single words only for large places. Here:

- the qualifier: after a comma that follows a capitalised word, a name the gazetteer knows as
  a country, state, province, county or city of 100,000, closed by punctuation (or the end of
  the text), is a toponym whatever NER says ("..., Kent." names the county, not a person);
- the qualified name: the capitalised words right before that comma are a toponym when the
  gazetteer or the small-town tables know them inside the qualifier's country (US: state), or
  when NER gave them no person or organisation label.

A word that is the surname of a person the article names in full is left alone ("said John
Kent, Ohio's ..." is rare; "Mr Kent" is a person). Costs one pass over the commas of the text.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..records import Place
from .gazetteer import Candidate, gazetteer, norm
from .towns import towns_named
from .uszip import us_towns_named

MAX_NAME_TOKENS = 3
# Sources of qualifiers: divisions and countries (a city of 100,000 too, see _is_qualifier).
QUALIFIER_SOURCES = frozenset({"country", "state", "admin", "admin1", "county"})
QUALIFIER_MIN_CITY_SCORE = 5.0
# What may close a qualifier: punctuation or the end of the text ("..., Kent. 28 April").
CLOSERS = frozenset({",", ".", ";", ":", "(", ")", "-", "–", "—", "|", "/"})
CITY_CLOSERS = frozenset({",", "(", ";"})
# NER labels under which an unknown name before a qualifier is still read as a place.
PLACE_LIKE = frozenset({"", "GPE", "LOC", "FAC"})


def qualified_mentions(doc: Doc, taken: set[int]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(qualifiers, qualified names): token ranges not overlapping ``taken`` (NER's place entities)."""
    index = gazetteer().index
    people = _surnames(doc)
    quals: list[tuple[int, int]] = []
    names: list[tuple[int, int]] = []
    for comma in doc:
        if comma.text != "," or comma.i == 0 or not doc[comma.i - 1].text[:1].isupper():
            continue
        q = _qualifier_at(doc, comma.i + 1, index, people)
        if q is None:
            continue
        (qs, qe), qcand = q
        if not any(i in taken for i in range(qs, qe)):
            quals.append((qs, qe))
        name = _name_before(doc, comma.i, qcand, index, people)
        if name is not None and not any(i in taken for i in range(*name)):
            names.append(name)
    return quals, names


def _qualifier_at(doc: Doc, start: int, index, people: frozenset[str]):
    """((start, end), best candidate) of a qualifier name starting at ``start``, or None."""
    for end in range(min(len(doc), start + MAX_NAME_TOKENS), start, -1):
        span = doc[start:end]
        if not all(t.text[:1].isupper() or t.text == "." for t in span) or not span[0].is_alpha:
            continue
        if end < len(doc) and doc[end].text not in CLOSERS and not doc[end].is_space:
            continue
        key = norm(span.text)
        cands = [c for c in index.get(key, ()) if not c.alternate]
        if not cands or key in people:
            continue
        division = next((c for c in cands if c.source in QUALIFIER_SOURCES), None)
        if division is not None:
            return (start, end), division  # "..., Kent.": the county, whatever towns bear its name
        if cands[0].source != "city" or cands[0].score < QUALIFIER_MIN_CITY_SCORE:
            continue
        if end >= len(doc) or doc[end].text not in CITY_CLOSERS:
            continue  # "Hulu, Jos. A. Bank": a city closes with a comma ("Technology, Abuja, Dr. ...")
        return (start, end), cands[0]
    return None


def _name_before(doc: Doc, comma: int, qual: Candidate, index, people: frozenset[str]) -> tuple[int, int] | None:
    """The capitalised run of at most MAX_NAME_TOKENS words ending right before the comma, if a place."""
    if qual.place.kind not in ("country", "state", "region"):
        return None  # "Technology, Abuja": a city qualifies nothing
    start = comma
    while start > 0 and comma - start < MAX_NAME_TOKENS and _name_word(doc[start - 1]):
        start -= 1
    if start == comma:
        return None
    if start > 0 and (_name_word(doc[start - 1]) or doc[start - 1].text[:1].isdigit()):
        return None  # a longer name or an address ("12 Main Street, Kent"): left to NER
    text = doc[start:comma].text
    if norm(text) in people:
        return None
    if _known_inside(text, qual, index):
        return start, comma
    labels = {doc[i].ent_type_ for i in range(start, comma)}
    return (start, comma) if labels <= PLACE_LIKE and all(doc[i].pos_ == "PROPN" for i in range(start, comma)) else None


def _name_word(t: Token) -> bool:
    return t.text[:1].isupper() and (t.is_alpha or t.text.endswith(".")) and t.pos_ in ("PROPN", "NOUN")


def _known_inside(text: str, qual: Candidate, index) -> bool:
    """Is there a place of this name inside the qualifier (its country; for a US state, the state)?"""
    key = norm(text)
    cands = list(index.get(key, ())) + list(towns_named(text))
    if qual.place.kind == "state" and qual.place.country == "USA":
        cands += list(us_towns_named(text))
        return any(c.place.country == "USA" and c.admin1 == qual.admin1 for c in cands)
    return any(c.place.country == qual.place.country and c.place.kind not in ("country",) for c in cands)


def _surnames(doc: Doc) -> frozenset[str]:
    """Surnames (and full names) of people the article names in full."""
    out: set[str] = set()
    for e in doc.ents:
        if e.label_ == "PERSON" and 1 < len(e) <= 3:
            out.add(norm(e[-1].text))
    return frozenset(out)


# A qualified name no table knows inside its qualifier yields to it unless it is this big elsewhere:
# "Rockingham, Northamptonshire" is no Australian city, but "Paris, Kent" would still be ... Kent's.
QUALIFIED_MAX_CITY_SCORE = 6.0


def qualifier_places(cands, qual: Candidate) -> bool:
    """Does the qualifier (a state, province or county) place a name whose candidates all lie elsewhere?
    Not when the name is itself a state or country, or a city of a million ("Texas, Oklahoma" is a
    list, "Mexico City, Mexico" is no local name)."""
    if qual.place.kind not in ("state", "region") or not cands:
        return False
    best = cands[0]
    return best.place.kind == "city" and best.score < QUALIFIED_MAX_CITY_SCORE


def at_qualifier(name: str, qual: Candidate) -> Candidate:
    """A local place at the qualifier's point: the nearest the offline tables get to it."""
    q = qual.place
    return Candidate(Place(name=name, country=q.country, lat=q.lat, lon=q.lon, kind="local"), 0.0, "qualified")
