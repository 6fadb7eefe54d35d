"""Choosing one place per mention from the gazetteer's candidates, using the article as context.

Prior: larger and more specific places first (country > big city > state >
small town). Context adds evidence:
- a qualifier right after the name ("Paris, Texas", "Springfield, Ill.",
  "Tripoli, Lebanon") keeps only the candidates inside it;
- countries the article names (or names through adjectives) and their
  neighbours favour candidates in or next to them (Georgia next to Russia);
- places of one US state ("Atlanta") favour that state and its towns;
  several US subnational places favour US towns and states over foreign ones;
- the article's variety of English (national.py: "whilst", "Gardai", "$") leans towns
  and regions towards its own country (Manchester, England in a British story);
- a name coordinated with countries ("Ukraine and Georgia") or states ("California or
  Washington") is read as one; the US state an article names most beats a same-named city;
- a small town of a country the article names beats a mid-sized foreign namesake;
- among same-named towns and states, the one nearest to the article's clearly
  resolved towns and states wins ("Vienna" next to "Fairfax" and "Virginia"),
  and a small town of the name near them may replace a distant larger city
  (local news names its own neighbourhoods: "Riverdale" in a New York story).
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from spacy.tokens import Doc

from .cues import NAME_TAILS, SPELLING_RATIO
from .detect import RawMention, lookup_variants
from .gazetteer import Candidate, adjective_place, gazetteer, norm
from .namesakes import (famous_keeps_name, local_feature, names_organisation, near_anchors, state_town,
                        unsupported_alternates, weak_alternate, without_country_context)
from .national import home_bonus
from .qualified import at_qualifier, qualifier_places as _qualifier_places
from .towns import towns_named
from .uszip import us_counties, us_towns_named

NEIGHBOUR_BONUS = 1.5
SAME_COUNTRY_BONUS = 0.5   # small: international news names the US everywhere
MIN_US_LOCAL = 2          # US subnational mentions that make an article "about US places"
US_LOCAL_BONUS = 1.5      # US states and towns when the article is about US places
SAME_STATE_BONUS = 3.0    # "Georgia" in an article about Atlanta
COORD_COUNTRY_BONUS = 3.0  # a name coordinated with countries (states) is one too
STATE_FOCUS_BONUS = 2.0    # the state the article names most, over a same-named city elsewhere
# Mentions strong enough to be read as a small town: NER's place labels and setting cues
# ("the village of X"); a bare capitalised word found by scanning never is.
TOWN_LABELS = frozenset({"GPE", "LOC", "FAC", "CUE"})
# Nearness to the article's anchors (its clearly resolved towns and states): a bonus
# falling linearly from PROX_BONUS at the anchor to 0 at PROX_RADIUS_KM.
PROX_BONUS = 2.0
PROX_RADIUS_KM = 1500.0
PROX_KINDS = frozenset({"city", "state", "region", "landmark", "county"})
US_LOCAL_KINDS = frozenset({"state", "city", "county"})
# A small town of a country the article names replaces foreign candidates below this prior (a city
# under 100,000): a famous city keeps its name ("Paris" in a Canadian story is still France).
LOCAL_OVER_FOREIGN_MAX = 5.0
TOWN_NEAR_KM = 60.0       # a small town this close to an anchor joins the candidates


@dataclass
class Context:
    countries: Counter = field(default_factory=Counter)   # iso3 named in the article
    us_states: Counter = field(default_factory=Counter)   # postal codes of US places named
    us_local: int = 0                                      # US subnational mentions
    home: dict[str, float] = field(default_factory=dict)   # iso3 -> bonus from the article's English


def candidates_for(text: str, label: str = "") -> tuple[Candidate, ...]:
    if label == "ADJ":
        c = adjective_place(text)
        return (c,) if c is not None else ()
    # "Hamilton County", "Orleans Parish": the US county, not the same-named city
    counties = us_counties(text)
    if counties:
        return counties
    g = gazetteer()
    for v in lookup_variants(text):
        c = g.index.get(norm(v))
        if c and label == "FAC" and text.split()[-1].lower() in NAME_TAILS:
            # a square or street ("Washington Square") is no town known by that name only as an alternate
            c = tuple(x for x in c if not (x.alternate and x.place.kind == "city"))
        if c and _acronym(text):
            # "OAS", "WA", "CHU": an acronym is no town spelled in lower case (Oas, Wa, Chũ); listed
            # abbreviations (countries, states, "LA") stay
            c = tuple(x for x in c if x.source not in TOWN_SOURCES)
        if c and any(not x.alternate for x in c):
            # "Charleston" names the towns called so, not Charlestown or Lorain, whose alternate
            # names it is; alternates (exonyms: "Kiev") count only for names no place bears itself
            c = tuple(x for x in c if not x.alternate)
        if c:
            return c
    # NER often tags a bare demonym as a place ("Russian" in "a Russian said"): it names its country
    c = adjective_place(text)
    return (c,) if c is not None else ()


# Sources of towns known by their own name, never by an acronym.
TOWN_SOURCES = frozenset({"city", "town", "uszip"})
# Three letters at most: four-letter capitals are as often a dateline town ("ROME -", "DOHA,").
MAX_ACRONYM_LETTERS = 3


def _acronym(text: str) -> bool:
    """ "OAS", "WA", "CHU": a short all-capitals word (no dots: "Wash." is an abbreviation)."""
    return text.isalpha() and text.isupper() and len(text) <= MAX_ACRONYM_LETTERS


def _town_rival(c: Candidate) -> bool:
    """Has a city a smaller namesake of nearly its size (within a factor of ten)? Then its name alone
    does not say which one is meant ("Riverdale": Georgia, Illinois or New York)."""
    if c.source != "city":
        return False
    return any(t.score > c.score - 1.0 for t in towns_named(c.place.name))


def build_context(doc: Doc, mentions: list[RawMention], cands: list[tuple[Candidate, ...]]) -> Context:
    """Evidence from mentions that are (nearly) unambiguous, plus place adjectives."""
    ctx = Context(home=home_bonus(doc))
    for m, cs in zip(mentions, cands):
        if not cs or weak_alternate(doc[m.start:m.end].text, cs[0]):
            continue  # an unrelated alternate name ("Southold": South Bend) says nothing of the setting
        best = cs[0]
        clear = (len(cs) == 1 or best.score - cs[1].score >= 1.0) and not _town_rival(best)
        if not clear:
            if all(c.source == "uszip" for c in cs):
                ctx.countries["USA"] += 1  # "Walker County": some US county, whichever state
                ctx.us_local += 1
            continue
        if best.place.country:
            ctx.countries[best.place.country] += 1
        if best.place.country == "USA" and best.place.kind in US_LOCAL_KINDS:
            ctx.us_local += 1
            if best.admin1:
                ctx.us_states[best.admin1] += 1
    for e in doc.ents:
        if e.label_ == "NORP":
            c = adjective_place(e.text)
            if c is not None and c.place.country:
                ctx.countries[c.place.country] += 1
    return ctx


def _qualifier(doc: Doc, m: RawMention, nxt: RawMention | None, nxt_cands: tuple[Candidate, ...]):
    """The state or country named right after ", " (Paris, Texas), or None."""
    if nxt is None or not nxt_cands or nxt.start != m.end + 1 or doc[m.end].text != ",":
        return None
    q = nxt_cands[0]
    return q if q.place.kind in ("state", "country", "region") else None


def _coordinated_kinds(doc: Doc, m: RawMention, kinds: dict[int, str]) -> frozenset[str]:
    """Kinds of the places a mention is coordinated with: "Ukraine and Georgia" -> {"country"},
    "moved to Oregon, Nevada or Washington" -> {"state"}."""
    head = doc[m.start:m.end].root
    return frozenset(kinds[t.i] for t in head.conjuncts if t.i in kinds)


def _anchors(doc: Doc, mentions: list[RawMention], cands: list[tuple[Candidate, ...]],
             chosen: list[Candidate | None]) -> list[tuple[str, float, float]]:
    """(name key, lat, lon) of the specific places resolved without doubt: a single
    candidate, a clear margin, or a state/country qualifier after the name."""
    out = []
    for m, cs, c in zip(mentions, cands, chosen):
        if c is None or c.place.lat is None or c.place.kind not in PROX_KINDS or m.label == "ADJ":
            continue
        clear = (len(cs) <= 1 or cs[1].score <= c.score - 1.0 or c not in cs[:1]) and not (
            c in cs[:1] and _town_rival(c))
        if clear:
            out.append((norm(doc[m.start:m.end].text), c.place.lat, c.place.lon))
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _nearest_km(c: Candidate, key: str, anchors: list[tuple[str, float, float]]) -> float | None:
    if c.place.lat is None or c.place.kind not in PROX_KINDS:
        return None
    ds = [_km(c.place.lat, c.place.lon, a, b) for k, a, b in anchors if k != key]
    return min(ds) if ds else None


def choose(doc: Doc, mentions: list[RawMention]) -> list[Candidate | None]:
    """One candidate (or None) per mention, in order: a first pass on priors and the
    article's countries and states, a second that adds nearness to the places the
    first pass resolved without doubt."""
    cands = [candidates_for(doc[m.start:m.end].text, m.label) for m in mentions]
    ctx = build_context(doc, mentions, cands)
    first = _choose_pass(doc, mentions, cands, ctx, [])
    anchors = _anchors(doc, mentions, cands, first)
    chosen = _choose_pass(doc, mentions, cands, ctx, anchors) if anchors else first
    return _short_forms(doc, mentions, cands, chosen)


# Longer names whose first words the article may use alone for the same place.
SHORTENED_KINDS = frozenset({"country", "county", "region"})


def _short_forms(doc: Doc, mentions: list[RawMention], cands: list[tuple[Candidate, ...]],
                 chosen: list[Candidate | None]) -> list[Candidate | None]:
    """A town's name that opens a longer name the article resolved ("Trinidad" after "Trinidad and
    Tobago", "Suffolk" after "Suffolk County") is that place's short form, not a namesake abroad.
    Only for names of no country or state and no city of 100,000 ("Mexico" is not Mexico City)."""
    longer: dict[str, Candidate] = {}
    for m, c in zip(mentions, chosen):
        words = norm(doc[m.start:m.end].text).split()
        if c is not None and len(words) > 1 and c.place.kind in SHORTENED_KINDS and m.label != "ADJ":
            for k in range(1, len(words)):
                longer.setdefault(" ".join(words[:k]), c)
    if not longer:
        return chosen
    out = list(chosen)
    for i, (m, cs, c) in enumerate(zip(mentions, cands, chosen)):
        target = longer.get(norm(doc[m.start:m.end].text))
        if target is None or m.label == "ADJ" or (c is not None and c.place.kind not in ("city", "local")):
            continue
        if any(x.place.kind in ("country", "state") or x.place.kind == "city" and x.score >= LOCAL_OVER_FOREIGN_MAX
               for x in cs):
            continue
        out[i] = target
    return out


def _choose_pass(doc: Doc, mentions: list[RawMention], cands: list[tuple[Candidate, ...]], ctx: Context,
                 anchors: list[tuple[str, float, float]]) -> list[Candidate | None]:
    kinds = {}
    for m, cs in zip(mentions, cands):
        if cs and cs[0].place.kind in ("country", "state") and (len(cs) == 1 or cs[1].place.kind == cs[0].place.kind
                                                               or cs[0].score - cs[1].score >= 1.0):
            for i in range(m.start, m.end):
                kinds[i] = cs[0].place.kind
    out: list[Candidate | None] = []
    for k, (m, cs) in enumerate(zip(mentions, cands)):
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        qual = _qualifier(doc, m, nxt, cands[k + 1] if nxt else ())
        # a name no table knows, qualified by its state or county ("Hammond, La."), is looked up among small
        # towns, else placed there;
        # a country after a comma is too often a list ("Freeland, U.S. officials and ...")
        if not cs and (m.label not in TOWN_LABELS or qual is None or qual.place.kind not in ("state", "region")):
            out.append(_small_town(doc[m.start:m.end].text, ctx) if m.label in TOWN_LABELS else None)
            continue
        if qual is not None:
            # "Gainesville, Va.": the qualifier decides, down to the small towns
            variants = lookup_variants(doc[m.start:m.end].text)
            kept = [c for c in cs if _inside(c, qual)] or [
                c for v in variants for c in towns_named(v) if _inside(c, qual)] or [
                c for v in variants for c in us_towns_named(v) if _inside(c, qual)]
            if kept:
                out.append(kept[0])
                continue
            if not cs or _qualifier_places(cs, qual):
                # "Lydden Hill, Kent", "Rockingham, Northamptonshire": a place inside the qualifier that no
                # table knows (not Rockingham, Australia) lies there
                town = _small_town(doc[m.start:m.end].text, ctx) if not cs else None
                out.append(town if town is not None else at_qualifier(doc[m.start:m.end].text, qual))
                continue
        if m.label in TOWN_LABELS and all(c.alternate and not _spelling(doc[m.start:m.end].text, c) for c in cs):
            # "Southold": a town of exactly this name in the article's state beats a city whose
            # alternate name it is
            town = _small_town(doc[m.start:m.end].text, ctx)
            if town is not None:
                out.append(town)
                continue
        if unsupported_alternates(doc[m.start:m.end].text, cs, ctx) or local_feature(doc, m, cs):
            out.append(None)  # a local name of the article's place, not a town elsewhere known so
            continue
        if (m.label in TOWN_LABELS and (cs[0].place.kind == "city" and cs[0].score < LOCAL_OVER_FOREIGN_MAX
                                        or cs[0].source == "admin1")
                and not any(c.place.country in ctx.countries for c in cs)):
            # "Nelson" in a story about British Columbia: the local town, not a mid-sized one (or a
            # province) abroad
            town = _small_town(doc[m.start:m.end].text, ctx)
            if town is not None:
                out.append(town)
                continue
        town = state_town(doc[m.start:m.end].text, cs, ctx) if m.label in TOWN_LABELS else None
        if town is not None:  # a small town in a story about its state
            out.append(town)
            continue
        key = norm(doc[m.start:m.end].text)
        if anchors and m.label in TOWN_LABELS and cs[0].place.kind in PROX_KINDS and cs[0].place.kind != "county":
            cs = cs + _near_towns(doc[m.start:m.end].text, key, anchors)
        if len(cs) == 1:
            out.append(cs[0])
            continue
        cs = _divisions_in_place(doc, m, cs, ctx)
        if len(cs) == 1:
            out.append(cs[0])
            continue
        coord = _coordinated_kinds(doc, m, kinds)
        # a national capital keeps its lead: "Washington" in a story from London is still the US capital
        near = anchors if not _is_capital(cs[0], key) else []
        mctx = ctx
        if names_organisation(doc, m, cs):  # "Cambridge Analytica": priors and nearness only
            mctx, near = without_country_context(ctx), near_anchors(cs, key, near)
        best = max(cs, key=lambda c: _score(c, mctx, coord) + _prox(c, key, near))
        out.append(famous_keeps_name(best, cs, key, anchors))
    return out


# Lower-case words after a name that make it a division ("Sokoto state", "Laguna province").
DIVISION_TAILS = frozenset({"state", "province", "region", "governorate", "oblast", "prefecture", "department"})
BIG_CITY_SCORE = 6.0      # a city of a million keeps its name from a same-named division ("Lagos")
SAME_COUNTRY_CITY_SCORE = 5.0  # a town of 100,000 does so in its own country ("Enugu", "Gabes")
DIVISION_FOCUS_BONUS = 1.0  # a generated division of the country the article names most


def _divisions_in_place(doc: Doc, m: RawMention, cs: tuple[Candidate, ...], ctx: Context) -> tuple[Candidate, ...]:
    """Generated divisions (source "admin1") among the candidates: only they when a division word follows
    ("Sokoto state"); none when a country or a big city bears the name ("Niger", "Lagos"); first when
    the article is about their country and no city of the name is as big ("Benue", "Laguna")."""
    divs = tuple(c for c in cs if c.source == "admin1")
    if not divs:
        return cs
    if m.end < len(doc) and doc[m.end].text in DIVISION_TAILS:  # lower case: "Montana Department" is a name
        return divs
    if any(_outranks_division(c, divs) for c in cs):
        return tuple(c for c in cs if c.source != "admin1")
    return cs  # the focus bonus is in _score


def _outranks_division(c: Candidate, divs: tuple[Candidate, ...]) -> bool:
    """Does this candidate keep the bare name from a generated division: a country, a hand-listed
    state or region ("Montana"), a big city, or a sizeable town of the division's own country (its
    capital, as a rule: "in Enugu" is the city)?"""
    if c.source == "admin1":
        return False
    if c.place.kind == "country" or c.source in ("state", "admin", "supp"):
        return True
    return c.place.kind == "city" and (c.score >= BIG_CITY_SCORE or c.score >= SAME_COUNTRY_CITY_SCORE
                                       and any(d.place.country == c.place.country for d in divs))


def _spelling(text: str, c: Candidate) -> bool:
    """Is the name a spelling of the candidate's main name ("CALAMBA CITY": Calamba), not an
    unrelated alternate ("Southold" for South Bend)?"""
    main = norm(c.place.name)
    return any(norm(v) == main or SequenceMatcher(None, norm(v), main).ratio() >= SPELLING_RATIO
               for v in lookup_variants(text))


def _is_capital(c: Candidate, key: str) -> bool:
    country = c.place.country
    return bool(country) and c.place.kind == "city" and gazetteer().capitals.get(country) in (key, norm(c.place.name))


def _prox(c: Candidate, key: str, anchors: list[tuple[str, float, float]]) -> float:
    d = _nearest_km(c, key, anchors) if anchors else None
    return 0.0 if d is None else PROX_BONUS * max(0.0, 1.0 - d / PROX_RADIUS_KM)


def _near_towns(text: str, key: str, anchors: list[tuple[str, float, float]]) -> tuple[Candidate, ...]:
    """Small towns of this name within TOWN_NEAR_KM of an anchor."""
    out = []
    for v in lookup_variants(text):
        for c in towns_named(v) + us_towns_named(v):
            d = _nearest_km(c, key, anchors)
            if d is not None and d <= TOWN_NEAR_KM:
                out.append(c)
    return tuple(out)


def _inside(c: Candidate, qual: Candidate) -> bool:
    if c.place.kind in ("state", "country") or c is qual:
        return False
    if qual.place.kind == "state":
        return c.place.country == "USA" and c.admin1 == _postal_of(qual)
    return c.place.country == qual.place.country


def _postal_of(state: Candidate) -> str:
    return state.admin1


def _score(c: Candidate, ctx: Context, coord: frozenset[str] = frozenset()) -> float:
    s = c.score
    country = c.place.country
    if country:
        if ctx.countries.get(country, 0) and c.place.kind != "country":
            s += SAME_COUNTRY_BONUS
        if c.place.kind not in ("country", "continent") and not _is_capital(c, norm(c.place.name)):
            # a national capital is named from everywhere ("Washington" in a Trinidad paper)
            s += ctx.home.get(country, 0.0)
        if c.place.kind == "country" and any(n in ctx.countries for n in gazetteer().neighbours.get(country, ())):
            s += NEIGHBOUR_BONUS
    if country == "USA" and c.place.kind in US_LOCAL_KINDS and ctx.us_local >= MIN_US_LOCAL:
        s += US_LOCAL_BONUS
        if c.admin1 and ctx.us_states.get(c.admin1, 0):
            s += SAME_STATE_BONUS
    if c.place.kind in coord:
        s += COORD_COUNTRY_BONUS
    if c.source == "admin1" and ctx.countries and country == ctx.countries.most_common(1)[0][0]:
        s += DIVISION_FOCUS_BONUS
    if c.place.kind == "state" and c.admin1 and country == "USA":
        # "Washington" in an article datelined "Wash." that names Seattle: the state, not the capital
        others = max((n for k, n in ctx.us_states.items() if k != c.admin1), default=0)
        if ctx.us_states.get(c.admin1, 0) >= 2 and ctx.us_states[c.admin1] > others:
            s += STATE_FOCUS_BONUS
    return s


def _small_town(text: str, ctx: Context) -> Candidate | None:
    """A small town of this name in a country the article names (in a US state it names, for
    US towns), the best-supported first; None when no such town fits the article's context."""
    variants = lookup_variants(text)
    best = _best_town(variants, towns_named, ctx)
    # the postal towns of the US, below GeoNames' floor: only in a state the article names
    return best if best is not None else _best_town(variants, us_towns_named, ctx)


def _best_town(variants: list[str], named, ctx: Context) -> Candidate | None:
    best, best_s = None, 0.0
    for v in variants:
        for c in named(v):
            country = c.place.country
            n = ctx.countries.get(country, 0) if country else 0
            if country and ctx.home.get(country, 0.0) > 0:
                n += 1  # an Irish article's towns are Irish even before Ireland is named
            if not n:
                continue
            s = n + c.score / 10.0
            if country == "USA":
                state_count = ctx.us_states.get(c.admin1, 0) if c.admin1 else 0
                if not state_count or c.source == "uszip" and state_count < max(ctx.us_states.values()):
                    continue  # fifty states of Franklins: only the one in a state the article names (postal
                    # towns, the lowest tier: in the state it names most)
                s += SAME_STATE_BONUS
            if s > best_s:
                best, best_s = c, s
        if best is not None:
            return best
    return None
