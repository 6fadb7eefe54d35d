"""Toponyms in three settings the NER model and the plain gazetteer scan miss.

- US counties: "Walker County", "Orleans Parish", also inside an organisation's
  name ("the Walker County Sheriff's Office", "Cuyahoga County Board of
  Elections"): the county is named there as where the body works;
- a town opening an organisation's name ("the Fresno Police Department",
  "the Goleta Water District"): scanning alone takes only cities above
  100,000 people, but a known town followed by a word of a local body or
  outlet (ORG_SEAT_WORDS) in the same organisation name is its seat;
- an all-caps dateline ("IMMOKALEE -", "SOUTH BEND, Ind."): the article's
  first words, in capitals, before a comma or a dash.
Each returns token ranges; :func:`wirecoder.places.detect.raw_mentions` merges
them with the NER entities (the longer name wins an overlap).
"""
from __future__ import annotations

from spacy.tokens import Doc

from .gazetteer import Candidate, gazetteer, norm
from .towns import towns_named
from .uszip import county_key, split_county, us_counties

COUNTY_TOKENS = frozenset({"County", "Parish", "COUNTY", "PARISH"})
MAX_COUNTY_WORDS = 3      # "St. Croix", "Miami - Dade", "Prince George 's" (tokens before the county word)
# An organisation name whose first words are a known town: a town this large at least (log10 of
# its population: 15,000 and up, the main gazetteer) counts without NER, when the next word is one
# of a local body or outlet (the town is its seat) ...
ORG_TOWN_MIN_SCORE = 4.0
ORG_SEAT_WORDS = frozenset({
    "police", "sheriff", "sheriff's", "fire", "department", "dept", "council", "city", "board", "school",
    "schools", "district", "township", "times", "herald", "gazette", "tribune", "post", "news", "courier",
    "club", "chamber", "mayor", "municipal", "regional", "water", "library", "hospital", "court",
    "courthouse", "public", "community", "housing", "transit", "zoo", "museum", "airport", "port", "harbor",
    "rotary", "historical", "area", "unified", "high", "elementary", "middle", "memorial", "medical",
    "university", "college", "state", "county", "town", "village", "borough", "parks", "planning",
    "pd", "commission", "rcmp", "woman", "women", "detention", "jail", "prison"})
# ... and the town's name is no common word or brand that opens organisation names ("Central", "Xinhua").
ORG_GENERIC_WORDS = frozenset({
    "central", "federal", "national", "union", "united", "general", "royal", "memorial", "community",
    "metropolitan", "public", "independent", "liberty", "unity", "best", "green", "northern", "southern",
    "eastern", "western", "global", "international", "republic", "victory", "progress",
    "providence", "mercy", "trinity", "grace", "faith", "hope", "harmony", "carnegie", "colony", "pioneer",
    "xinhua"})
DATELINE_ENDS = frozenset({",", "-", "—", "–", "--", "("})
DATELINE_MAX_WORDS = 3


def county_mentions(doc: Doc) -> list[tuple[int, int]]:
    """ "X County" / "X Parish" that the US county table knows, the longest name first."""
    out = []
    for t in doc:
        if t.text not in COUNTY_TOKENS or t.i == 0:
            continue
        best = None
        for k in range(1, MAX_COUNTY_WORDS + 1):
            start = t.i - k
            if start < 0 or not _name_token(doc[start].text) or doc[start].lower_ == "the":
                break
            text = doc[start:t.i + 1].text
            if doc[start].text[:1].isupper() and _exact_county(text):
                best = start
        if best is not None:
            out.append((best, t.i + 1))
    return out


def _name_token(text: str) -> bool:
    return text[:1].isupper() or text in ("-", "'s", "’s")


def _exact_county(text: str) -> bool:
    """The whole name is a county, not only its last words ("Board Cuyahoga County")."""
    parts, cands = split_county(text), us_counties(text)
    return bool(parts and cands) and county_key(parts[0]) == county_key(cands[0].place.name.rsplit(" ", 1)[0])


def org_head_mentions(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """A known town (or state, county, country) opening a longer organisation name: inside an ORG entity,
    or opening any capitalised run NER read otherwise ("Hammond PD", "Paducah Public Schools", the
    "Abuja Chamber of Commerce" with "Abuja" read as a person)."""
    index = gazetteer().index
    out = []
    starts = {}
    for e in doc.ents:
        if e.label_ == "ORG":
            start = e.start + 1 if e[0].lower_ == "the" else e.start
            starts[start] = max(e.end, min(len(doc), start + 2))  # "the [Delft] police station"
    people = {norm(e[-1].text) for e in doc.ents if e.label_ == "PERSON" and 1 < len(e) <= 3}
    for t in doc:
        if t.i in starts or t.i in taken or not t.text[:1].isupper() or t.lower_ == "the" or t.ent_type_ in (
                "GPE", "LOC", "FAC", "ORG"):
            continue
        if t.i > 0 and (doc[t.i - 1].text[:1].isupper() and doc[t.i - 1].is_alpha or t.i > 1 and doc[t.i - 1].text in "-–"
                        and not doc[t.i - 2].whitespace_):
            continue  # inside a longer name ("Mary Jackson Hospital", "Miami-Dade Schools")
        starts[t.i] = min(len(doc), t.i + 4)
    for start, end in sorted(starts.items()):
        if start >= end - 1 or start in taken or len(doc[start]) <= 3 and doc[start].text.isupper():
            continue  # "UN High Commissioner": an acronym, not the town Un
        for j in range(min(end - 1, start + 3), start, -1):
            seat = doc[j].lower_ in ORG_SEAT_WORDS and (doc[j].text[:1].isupper() or doc[j].lower_ in LOWER_SEAT_WORDS)
            if not seat or doc[j - 1].is_punct or norm(doc[start:j].text) in ORG_GENERIC_WORDS:
                continue
            key = norm(doc[start:j].text)
            cands = index.get(key, ())
            if cands and _org_town(cands) and key not in people and all(
                    doc[i].text[:1].isupper() for i in range(start, j)):
                out.append((start, j))
                break
    return out


# Seat words that also mark a town's body in lower case ("the Delft police station").
LOWER_SEAT_WORDS = frozenset({"police", "council", "mayor", "fire"})


def _org_town(cands: tuple[Candidate, ...]) -> bool:
    best = cands[0]
    if best.source in ("country", "state", "admin", "admin1", "county"):
        return True  # "Laguna Governor", "Benue Police Command": a division's office
    return best.source == "city" and not best.alternate and best.score >= ORG_TOWN_MIN_SCORE


def dateline_mentions(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """The all-caps town that opens the article ("IMMOKALEE -", "SOUTH WAZIRISTAN, Pakistan")."""
    n = 0
    while n < min(len(doc), DATELINE_MAX_WORDS) and doc[n].is_alpha and doc[n].is_upper and len(doc[n]) > 1:
        n += 1
    if not n or n >= len(doc) or doc[n].text not in DATELINE_ENDS or any(i in taken for i in range(n)):
        return []
    if len(doc[:n].text) < 4:
        return []  # "US -", "UN,": an acronym, not a dateline town
    name = doc[:n].text.title()
    if gazetteer().index.get(norm(name)) or towns_named(name):
        return [(0, n)]
    return []
