"""Same-named places: how strong the article's context must be before it moves a name away from its
most likely bearer (used by resolve.py).

- A famous city keeps its name: a city of about 300,000 people or more is not replaced by a namesake ten
  times smaller on the strength of state or country counts alone ("Portland" in a Texas sports story is
  still Oregon's); the small namesake needs to lie near a place the article resolved without doubt
  (within STRONG_NEAR_KM: "Vienna" next to "Fairfax") or a qualifier ("Portland, Texas").
- A city name opening an organisation's name that is no local body ("Cambridge Analytica", "the Portland
  Trail Blazers") says where the organisation was founded, not where the article is: the article's
  country and state counts and its variety of English do not move it; only nearness to the article's
  places does. Local bodies ("the Springfield Police Department"; ORG_SEAT_WORDS) keep them.
- An unrelated alternate name of a town ("North State" for North Salt Lake, "Southold" for South Bend)
  is weak: it is used only where the article names the town's country (its state, for the US);
  otherwise the name stays a local one.
- A small town of the US state an article is about beats mid-sized namesakes in other states
  (a small town in a story datelined from that state's capital).
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace
from difflib import SequenceMatcher

from spacy.tokens import Doc

from .cues import NAME_TAILS
from .detect import RawMention, lookup_variants
from .embedded import ORG_SEAT_WORDS
from .gazetteer import Candidate, lookup, norm
from .towns import towns_named
from .uszip import us_towns_named

FAMOUS_CITY_SCORE = 5.5    # log10 of ~316,000 people
FAMOUS_GAP = 1.0           # ... and ten times the namesake's size
STRONG_NEAR_KM = 160.0     # how near an anchor a small namesake must lie to take a famous name
WEAK_ALTERNATE_SCORE = 4.0  # an alternate name of a town under a million (prior less the alternate penalty)
STATE_TOWN_MAX_SCORE = 5.5  # namesakes elsewhere this large at most yield to a town of the article's state
MIN_STATE_FOCUS = 2         # mentions of one state that make an article about it


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def famous_keeps_name(best: Candidate, cs: tuple[Candidate, ...], key: str,
                      anchors: list[tuple[str, float, float]]) -> Candidate:
    """``best``, unless it is a small city chosen over a famous namesake without being near any place the
    article resolved without doubt: then the famous one."""
    if best.place.kind != "city" or best.alternate or best.place.lat is None:
        return best
    big = max((c for c in cs if c.place.kind == "city" and not c.alternate and c.source == "city"),
              key=lambda c: c.score, default=None)
    if big is None or big is best or big.score < FAMOUS_CITY_SCORE or big.score - best.score < FAMOUS_GAP:
        return best
    lat, lon = best.place.lat, best.place.lon
    if any(k != key and _km(lat, lon, a, b) <= STRONG_NEAR_KM for k, a, b in anchors):
        return best
    return big


def names_organisation(doc: Doc, m: RawMention, cs: tuple[Candidate, ...]) -> bool:
    """Does a city name open a longer proper name that is no local body ("Cambridge Analytica")? Names of
    states and countries keep their context ("Georgia Tech", "Georgia Power")."""
    if m.end >= len(doc) or m.end - m.start > 2 or any(c.place.kind != "city" for c in cs):
        return False
    nxt = doc[m.end]
    if not (nxt.is_alpha and nxt.text[:1].isupper() and nxt.pos_ == "PROPN"):
        return False
    # "Cambridge City Council", "Windsor Castle", "Hong Kong Island": a local body or a place of the town
    return not (nxt.lower_ in ORG_SEAT_WORDS or nxt.lower_ in NAME_TAILS or lookup(nxt.text))


def without_country_context(ctx):
    """The article's context less its country and US counts and its variety of English."""
    return replace(ctx, countries=Counter(), home={}, us_local=0)


# Closer than resolve's spelling test (0.75), which lets "North State" pass for North Salt Lake and "Bridge"
# for Bridgeton: a weak alternate must be another spelling of the main name ("Kyiv", "Kiev").
STRICT_SPELLING_RATIO = 0.85


def _spelling(text: str, c: Candidate) -> bool:
    main = norm(c.place.name)
    return any(norm(v) == main or SequenceMatcher(None, norm(v), main).ratio() >= STRICT_SPELLING_RATIO
               for v in lookup_variants(text))


def weak_alternate(text: str, c: Candidate) -> bool:
    """An alternate name of a town under a million that is no spelling of its main name."""
    return c.alternate and c.score < WEAK_ALTERNATE_SCORE and not _spelling(text, c)


def unsupported_alternates(text: str, cs: tuple[Candidate, ...], ctx) -> bool:
    """Are all candidates weak alternates in countries (US states) the article does not name?"""
    if not cs or not all(weak_alternate(text, c) for c in cs):
        return False
    for c in cs:
        if c.place.country == "USA" and c.admin1 and ctx.us_states.get(c.admin1, 0):
            return False
        if c.place.country != "USA" and c.place.country and ctx.countries.get(c.place.country, 0):
            return False
    return True


def focus_state(ctx) -> str:
    """The US state the article names most, at least MIN_STATE_FOCUS times and more than any other."""
    top = ctx.us_states.most_common(2)
    if not top or top[0][1] < MIN_STATE_FOCUS or len(top) > 1 and top[1][1] == top[0][1]:
        return ""
    return top[0][0]


def state_town(text: str, cs: tuple[Candidate, ...], ctx) -> Candidate | None:
    """A town of the article's state for a name whose candidates are all mid-sized US cities elsewhere."""
    state = focus_state(ctx)
    if not state or not cs or any(c.place.country != "USA" or c.place.kind != "city" or c.admin1 == state
                                  or c.score >= STATE_TOWN_MAX_SCORE for c in cs):
        return None
    for v in lookup_variants(text):
        towns = [c for c in towns_named(v) + us_towns_named(v) if c.place.country == "USA" and c.admin1 == state]
        if towns:
            return max(towns, key=lambda c: c.score)
    return None


def local_feature(doc: Doc, m: RawMention, cs: tuple[Candidate, ...]) -> bool:
    """A bare feature word ("the Valley", "the Bay") or "the state Capitol": a local name of the article's
    place, not a town elsewhere that bears the word ("The Valley", Anguilla) nor the US Capitol."""
    words = [t for t in doc[m.start:m.end] if t.lower_ != "the"]
    if len(words) != 1:
        return False
    word = words[0].lower_
    if word in NAME_TAILS:
        return bool(cs) and all(c.place.kind == "city" for c in cs)
    return word == "capitol" and m.start > 0 and doc[m.start - 1].lower_ == "state"


def near_anchors(cs: tuple[Candidate, ...], key: str,
                 anchors: list[tuple[str, float, float]]) -> list[tuple[str, float, float]]:
    """The anchors within STRONG_NEAR_KM of some candidate: for an organisation's name only these count
    ("Cambridge Analytica" in a story from Boston may be the Massachusetts firm, not in one from New York)."""
    pts = [(c.place.lat, c.place.lon) for c in cs if c.place.lat is not None]
    return [a for a in anchors if a[0] != key and any(_km(la, lo, a[1], a[2]) <= STRONG_NEAR_KM for la, lo in pts)]
