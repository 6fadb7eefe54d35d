"""Whose actor is it when the phrase itself names no state: the article's and the sentence's context.

- ``dominant_state``: the state an article is about. Unambiguous only when one
  state is named (by name, demonym, capital or seat of power), or one is named
  at least three times and at least twice as often as any other. Bare "police",
  "officials", "protesters" and untitled office holders take it (see
  data/actors/README.md, "Context rules").
- ``place_state``: the state named in a place phrase attached to a noun
  ("rebels in Darfur", "police in Kabul", "Palestinians of the West Bank").
- ``host_state``: for "ethnic Albanians ... in Serbia", the other state named in
  the sentence, preferring one in a place phrase (CAMEO codes an ethnic group
  by the country it lives in).
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from .draft import Ctx, is_locative, match_root
from .tables import Entry

STATE_KINDS = frozenset({"country", "demonym", "capital", "seat"})
_PLACE_PREPS = frozenset({"in", "of", "from", "across", "throughout", "inside"})


def dominant_state(ctx: Ctx) -> Entry | None:
    counts: Counter[str] = Counter()
    first: dict[str, Entry] = {}
    doc = ctx.doc
    for s, e, entry in ctx.matches:
        if s >= 2 and doc[s - 1].text == "-" and doc[s - 2].lower_ in ("pro", "anti"):
            continue  # "pro-Russian separatists": a stance, not the article's country
        if meeting_venue(match_root(doc, s, e)):
            continue  # "held talks in Doha": the host city says nothing about whose police or rebels
        if entry.kind in STATE_KINDS and entry.code and not entry.ethnic:  # "Karen rebels" may be abroad
            counts[entry.code] += 1
            first.setdefault(entry.code, entry)
    if not counts:
        return None
    ranked = counts.most_common(2)
    if len(ranked) == 1 or (ranked[0][1] >= 3 and ranked[0][1] >= 2 * ranked[1][1]):
        return first[ranked[0][0]]
    return None


# what is held in a host city: its venue says nothing about whose government is meant
_MEETINGS = frozenset({"talk", "talks", "meeting", "summit", "conference", "negotiation", "meet", "hold",
                       "host", "convene", "gather", "sign", "signing", "ceremony", "forum"})


def meeting_venue(tok: Token) -> bool:
    """The place is where a meeting is held ("talks in Doha", "met in Geneva")."""
    return is_locative(tok) and tok.head.head.lemma_.lower() in _MEETINGS


def group_state(ctx: Ctx) -> Entry | None:
    """When an article names no state at all, the one state its named groups belong to ("President X
    conceded to UNITA's demands": Angola's president); None when they belong to several or none."""
    groups = [m[2] for m in ctx.matches if m[2].kind == "group" and m[2].code and m[2].code != "IGO"]
    if not groups or len({g.code for g in groups}) != 1 or any(
            m[2].kind in STATE_KINDS for m in ctx.matches):
        return None
    return groups[0]


def place_state(ctx: Ctx, tok: Token) -> tuple[int, int, Entry] | None:
    """The state match in a place phrase hanging on ``tok`` ("rebels in the Ivory Coast")."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            m = ctx.match_at.get(obj.i)
            if m is None:  # "in southern Serbia", "the province of Sindh": one level of modifier
                m = next((ctx.match_at[c.i] for c in obj.children if c.i in ctx.match_at), None)
            if m is not None and m[2].kind in STATE_KINDS:
                return m
    return None


_FLEE_VERBS = frozenset({"flee", "escape", "leave", "quit"})


def fled_state(ctx: Ctx, tok: Token) -> tuple[int, int, Entry] | None:
    """"refugees fleeing the fighting in Sudan", "civilians who escaped Syria": the state a
    group of refugees left, which CAMEO codes them by."""
    owners = [tok]
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":  # "thousands of refugees fleeing ...": on the count
        owners.append(tok.head.head)
    for verb in (c for o in owners for c in o.children):
        if verb.dep_ not in ("acl", "relcl") or verb.lemma_.lower() not in _FLEE_VERBS:
            continue
        for obj in verb.children:
            if obj.dep_ == "dobj":
                m = ctx.match_at.get(obj.i)
                if m is not None and m[2].kind in STATE_KINDS:
                    return m
                placed = place_state(ctx, obj)  # "the war in Liberia"
                if placed is not None:
                    return placed
        placed = place_state(ctx, verb)  # "fleeing from Liberia", "who fled across Sudan"
        if placed is not None:
            return placed
    return None


def host_state(ctx: Ctx, s: int, e: int, code: str | None) -> tuple[int, int, Entry] | None:
    """Another state named in the sentence of doc[s:e], one in a place phrase first."""
    sent = ctx.doc[s].sent
    others = [m for m in ctx.matches if sent.start <= m[0] < sent.end and m[2].kind in STATE_KINDS
              and m[2].code != code and not (m[0] < e and s < m[1])]
    if not others:
        return None
    placed = [m for m in others if ctx.doc[m[1] - 1].dep_ == "pobj" and ctx.doc[m[1] - 1].head.lower_ in _PLACE_PREPS]
    return (placed or others)[0]


# Nations whose demonym names citizens of any origin: "Chinese Americans" are Americans, while
# "Bosnian Serbs" are Serbs living in Bosnia.
_CIVIC_NATIONS = frozenset({"USA", "CAN", "AUS", "NZL", "GBR", "BRA", "ARG"})


def residence_state(ctx: Ctx, s: int, root: Token, code: str | None) -> tuple[int, int, Entry] | None:
    """The state a plural ethnic demonym's people live in, when the phrase says so: a state adjective
    before it ("Bosnian Serbs", "Kosovar Albanians") or an of-phrase ("the Albanians of southern Serbia").
    CAMEO codes such groups by their state of residence."""
    if code in _CIVIC_NATIONS:
        return None
    if s > 0:
        m = ctx.match_at.get(s - 1)
        if m is not None and m[1] == s and m[2].kind in ("demonym", "country") and m[2].code \
                and m[2].code != code and ctx.doc[s - 1].head == root:
            return m
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                m = ctx.match_at.get(obj.i)
                if m is None:  # "of southern Serbia": one level of modifier
                    m = next((ctx.match_at[c.i] for c in obj.children if c.i in ctx.match_at), None)
                if obj.dep_ == "pobj" and m is not None and m[2].kind in STATE_KINDS and m[2].code \
                        and m[2].code != code:
                    return m
    return None
