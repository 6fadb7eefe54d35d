"""Targets that syntax names only indirectly: what a protest is against, whom a threat's condition
binds, and the place that bears a physical act when no actor is named as its target.

These run after the clause and noun rules of ``sides`` found no coded target; they never replace a
coded target.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..records import ActorRef, PlaceMention
from .sides import SUBJ, SUBJ_PASS, SideFinder

# Acts done to a place or its people: a place that is their object or locative target stands for its
# country ("blockade Paris", "lifted the curfew in Montenegro", "bombs exploded in Kabul").
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "CONCEDE", "RETREAT", "THREATEN"})
# Protests and coercion with no named target are aimed at the authority of the place where they happen.
_AUTHORITY_TYPES = frozenset({"PROTEST", "COERCE"})
# What a protest is against: "in protest against X", "a strike over X", "to protest at X".
_PROTEST_PREPS = frozenset({"against", "at", "over", "for", "about"})


def indirect_target(doc: Doc, finder: SideFinder, typ: str, anchor: Token, noun: Token | None,
                    source: list[ActorRef], target: list[ActorRef], loc: PlaceMention | None) -> list[ActorRef]:
    """When no coded target is named as an argument: a protest's purpose, a threat's condition, the
    place of a physical act, the authority of the place of a protest or coercion."""
    if coded(target):
        return target
    found: list[ActorRef] = []
    if typ == "PROTEST":
        found = protest_target(finder, anchor, noun, source)
    elif typ == "THREATEN":
        found = condition_target(finder, anchor)
    if found:
        return found
    if typ in PLACE_TARGET_TYPES:
        place = place_target(doc, anchor, source, loc)
        if place is not None:
            return localised(target, place)
    if not target and loc is not None and loc.place.country and typ in _AUTHORITY_TYPES \
            and not _in_source(doc, anchor, loc):
        return [ActorRef(name=loc.place.name, code=loc.place.country, span=(loc.start, loc.end))]
    return target


def _in_source(doc: Doc, anchor: Token, loc: PlaceMention) -> bool:
    """Is the place part of the doer's phrase ("soldiers from X cordoned off ...")? Then it says who acts,
    not where (round 6)."""
    span = doc.char_span(loc.start, loc.end, alignment_mode="expand")
    if span is None:
        return False
    return any(span.root.i in {t.i for t in h.subtree} for h in anchor.children if h.dep_ in SUBJ)


def coded(refs: list[ActorRef]) -> bool:
    return any(r.code for r in refs)


def protest_target(finder: SideFinder, anchor: Token, noun: Token | None,
                   source: list[ActorRef]) -> list[ActorRef]:
    """Whom a protest is aimed at, from its purpose clause or its 'in protest against' phrase:
    "began a hunger strike to protest against X's decision", "staged rallies to demand reforms by X",
    "a strike over a bill signed by X"."""
    heads: list[Token] = []
    for host in filter(None, (anchor, noun)):
        for c in host.children:
            if c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                heads += _objects(c)  # the purpose: "to protest X", "to show disapproval for X"
            elif c.dep_ == "prep" and c.lower_ in _PROTEST_PREPS:
                heads += [g for g in c.children if g.dep_ == "pobj"]
            elif c.dep_ == "prep" and c.lower_ == "in":  # "in protest against X"
                for g in c.children:
                    if g.dep_ == "pobj" and g.lemma_.lower() in ("protest", "solidarity", "response", "opposition"):
                        heads += _objects(g)
    for h in heads:  # "to show their disapproval for X": the protesters themselves are not the target
        refs = [r for r in _responsible(finder, h) if not finder.same_as(r, source)]
        if refs:
            return refs
    return []


def condition_target(finder: SideFinder, anchor: Token) -> list[ActorRef]:
    """The party a threat's condition binds: "threatened to strike unless Baghdad accepted" -> Baghdad."""
    for v in [anchor] + [c for c in anchor.children if c.dep_ == "xcomp"]:
        for c in v.children:
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("unless", "if") for g in c.children):
                subj = [g for g in c.children if g.dep_ in SUBJ + SUBJ_PASS]
                refs = [r for r in finder.refs(subj) if r.code]
                if refs:
                    return refs
    return []


def place_target(doc: Doc, anchor: Token, source: list[ActorRef], loc: PlaceMention | None) -> PlaceMention | None:
    """The event's place when it is inside the act's own clause (its object or a locative phrase) and
    not part of the source phrase: "would blockade Paris", "bombs in the capital Kabul"."""
    if loc is None or not loc.place.country or loc.adjectival:
        return None
    span = doc.char_span(loc.start, loc.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    src_toks = {t.i for h in anchor.children if h.dep_ in SUBJ + SUBJ_PASS for t in h.subtree}
    if tok.i in src_toks or any(r.span and r.span[0] <= loc.start < r.span[1] for r in source):
        return None
    # a conjoined clause is another act: "threatened to veto ... but dropped its objection after talks in X"
    other = {t.i for c in anchor.children if c.dep_ in ("conj", "parataxis") and c.pos_ in ("VERB", "AUX")
             for t in c.subtree}
    inside = {t.i for t in anchor.subtree} - other
    return loc if tok.i in inside else None


def localised(refs: list[ActorRef], loc: PlaceMention) -> list[ActorRef]:
    """Uncoded victims or objects of an act in a place take its country ("killed 23 people in X")."""
    if not refs:
        return [ActorRef(name=loc.text, code=loc.place.country, span=(loc.start, loc.end))]
    return [r if r.code else ActorRef(name=r.name, code=loc.place.country, sector=r.sector, igo=r.igo,
                                      actor_id=r.actor_id, span=r.span) for r in refs]


def _objects(clause: Token) -> list[Token]:
    """The object phrases of a purpose clause or protest noun, in order."""
    out: list[Token] = []
    for c in clause.children:
        if c.dep_ in ("dobj", "obj", "pobj"):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in _PROTEST_PREPS | {"on", "to", "of"}:
            out += [g for g in c.children if g.dep_ == "pobj"]
    for o in list(out):  # "to show their disapproval for X"
        out += [g for c in o.children if c.dep_ == "prep" and c.lower_ in _PROTEST_PREPS
                for g in c.children if g.dep_ == "pobj"]
    return out


def _responsible(finder: SideFinder, head: Token) -> list[ActorRef]:
    """The coded actor a protested thing belongs to: itself, its possessor, or its doer ('by')."""
    refs = [r for r in finder.refs([head]) if r.code and not _pronoun(finder, r)]
    if refs:
        return refs
    by = [g for x in [head] + [c for c in head.children if c.dep_ in ("acl", "relcl")]
          for c in x.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
          for g in c.children if g.dep_ == "pobj"]
    return [r for r in finder.refs(by) if r.code]


def _pronoun(finder: SideFinder, r: ActorRef) -> bool:
    words = finder.doc.char_span(r.span[0], r.span[1], alignment_mode="expand") if r.span else None
    return words is not None and all(t.pos_ == "PRON" for t in words)

