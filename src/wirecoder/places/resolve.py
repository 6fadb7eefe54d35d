"""Choosing one place per mention from the gazetteer's candidates, using the article as context.

Prior: larger and more specific places first (country > big city > state >
small town). Context adds evidence:
- a qualifier right after the name ("Paris, Texas", "Springfield, Ill.",
  "Tripoli, Lebanon") keeps only the candidates inside it;
- countries the article names (or names through adjectives) and their
  neighbours favour candidates in or next to them (Georgia next to Russia);
- places of one US state ("Atlanta") favour that state and its towns;
  several US subnational places favour US towns and states over foreign ones;
- a name coordinated with countries ("Ukraine and Georgia") is read as one.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .gazetteer import Candidate, adjective_place, gazetteer, norm
from .detect import RawMention, lookup_variants
from .towns import towns_named

NEIGHBOUR_BONUS = 1.5
SAME_COUNTRY_BONUS = 0.5   # small: international news names the US everywhere
MIN_US_LOCAL = 2          # US subnational mentions that make an article "about US places"
US_LOCAL_BONUS = 1.5      # US states and towns when the article is about US places
SAME_STATE_BONUS = 3.0    # "Georgia" in an article about Atlanta
COORD_COUNTRY_BONUS = 3.0
# Mentions strong enough to be read as a small town: NER's place labels and setting cues
# ("the village of X"); a bare capitalised word found by scanning never is.
TOWN_LABELS = frozenset({"GPE", "LOC", "FAC", "CUE"})


@dataclass
class Context:
    countries: Counter = field(default_factory=Counter)   # iso3 named in the article
    us_states: Counter = field(default_factory=Counter)   # postal codes of US places named
    us_local: int = 0                                      # US subnational mentions


def candidates_for(text: str, label: str = "") -> tuple[Candidate, ...]:
    if label == "ADJ":
        c = adjective_place(text)
        return (c,) if c is not None else ()
    g = gazetteer()
    for v in lookup_variants(text):
        c = g.index.get(norm(v))
        if c:
            return c
    return ()


def build_context(doc: Doc, mentions: list[RawMention], cands: list[tuple[Candidate, ...]]) -> Context:
    """Evidence from mentions that are (nearly) unambiguous, plus place adjectives."""
    ctx = Context()
    for cs in cands:
        if not cs:
            continue
        best = cs[0]
        clear = len(cs) == 1 or best.score - cs[1].score >= 1.0
        if not clear:
            continue
        if best.place.country:
            ctx.countries[best.place.country] += 1
        if best.place.country == "USA" and best.place.kind in ("state", "city"):
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


def _coordinated_with_country(doc: Doc, m: RawMention, kinds: dict[int, str]) -> bool:
    head = doc[m.start:m.end].root
    conj = [t for t in head.conjuncts]
    return any(kinds.get(t.i) == "country" for t in conj)


def choose(doc: Doc, mentions: list[RawMention]) -> list[Candidate | None]:
    """One candidate (or None) per mention, in order."""
    cands = [candidates_for(doc[m.start:m.end].text, m.label) for m in mentions]
    ctx = build_context(doc, mentions, cands)
    kinds = {}
    for m, cs in zip(mentions, cands):
        if cs and cs[0].place.kind == "country":
            for i in range(m.start, m.end):
                kinds[i] = "country"
    out: list[Candidate | None] = []
    for k, (m, cs) in enumerate(zip(mentions, cands)):
        if not cs:
            out.append(_small_town(doc[m.start:m.end].text, ctx) if m.label in TOWN_LABELS else None)
            continue
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        qual = _qualifier(doc, m, nxt, cands[k + 1] if nxt else ())
        if qual is not None:
            kept = [c for c in cs if _inside(c, qual)]
            if kept:
                out.append(kept[0])
                continue
        if len(cs) == 1:
            out.append(cs[0])
            continue
        coord = _coordinated_with_country(doc, m, kinds)
        out.append(max(cs, key=lambda c: _score(c, ctx, coord)))
    return out


def _inside(c: Candidate, qual: Candidate) -> bool:
    if c.place.kind in ("state", "country") or c is qual:
        return False
    if qual.place.kind == "state":
        return c.place.country == "USA" and c.admin1 == _postal_of(qual)
    return c.place.country == qual.place.country


def _postal_of(state: Candidate) -> str:
    return state.admin1


def _score(c: Candidate, ctx: Context, coord_country: bool) -> float:
    s = c.score
    country = c.place.country
    if country:
        if ctx.countries.get(country, 0) and c.place.kind != "country":
            s += SAME_COUNTRY_BONUS
        if c.place.kind == "country" and any(n in ctx.countries for n in gazetteer().neighbours.get(country, ())):
            s += NEIGHBOUR_BONUS
    if country == "USA" and c.place.kind in ("state", "city") and ctx.us_local >= MIN_US_LOCAL:
        s += US_LOCAL_BONUS
        if c.admin1 and ctx.us_states.get(c.admin1, 0):
            s += SAME_STATE_BONUS
    if coord_country and c.place.kind == "country":
        s += COORD_COUNTRY_BONUS
    return s


def _small_town(text: str, ctx: Context) -> Candidate | None:
    """A small town of this name in a country the article names (in a US state it names, for
    US towns), the best-supported first; None when no such town fits the article's context."""
    best, best_s = None, 0.0
    for v in lookup_variants(text):
        for c in towns_named(v):
            country = c.place.country
            n = ctx.countries.get(country, 0) if country else 0
            if not n:
                continue
            s = n + c.score / 10.0
            if country == "USA":
                if not (c.admin1 and ctx.us_states.get(c.admin1, 0)):
                    continue  # fifty states of Franklins: only the one in a state the article names
                s += SAME_STATE_BONUS
            if s > best_s:
                best, best_s = c, s
        if best is not None:
            return best
    return None
