"""The unnamed host of expelled or withdrawn diplomats.

"Poland and Belarus froze their talks. Belarus's consulate closed after four of its diplomats were
sent home." A diplomatic expulsion or withdrawal always has two parties, the mission's owner and its
host, but news often names only the owner: the host is the party the owner was just paired with.
When such an event has one side and the other is empty, we look back up to two sentences for a
mention of the owner coordinated with another state or organisation ("NATO and Russia", "Russia
and NATO") and take that partner as the host. Nothing else (not the last name seen, which is often
a third party) counts as evidence, so the side stays empty when the text does not pair them.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..records import ActorRef
from .ontology import Lexicon, Pattern
from .sides import SideFinder

_MODES = frozenset({"expel", "withdraw"})
_MISSION_WORDS = frozenset({"ambassador", "diplomat", "envoy", "staff", "mission", "embassy", "attache",
                            "consul", "personnel", "delegation"})
_KINDS = frozenset({"state", "igo"})


def host_sides(p: Pattern, anchor: Token, source: list[ActorRef], target: list[ActorRef],
               finder: SideFinder, lex: Lexicon) -> tuple[list[ActorRef], list[ActorRef]]:
    """Fill the empty side of a diplomatic expulsion/withdrawal with the owner's paired partner."""
    if p.type != "SANCTION" or p.mode not in _MODES or bool(source) == bool(target):
        return source, target
    if not _diplomatic_patient(anchor, lex):
        return source, target
    owner = (source or target)[0]
    if not owner.code:
        return source, target
    partner = _paired_partner(anchor, owner, finder)
    if partner is None:
        return source, target
    return (source, [partner]) if source else ([partner], target)


def _diplomatic_patient(anchor: Token, lex: Lexicon) -> bool:
    for c in anchor.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        heads = [c] + [g for x in c.children if x.dep_ == "prep" and x.lower_ == "of" for g in x.children
                       if g.dep_ == "pobj"]
        if any(lex.lemma(h) in _MISSION_WORDS for h in heads):
            return True
    return False


def _paired_partner(anchor: Token, owner: ActorRef, finder: SideFinder) -> ActorRef | None:
    doc = anchor.doc
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    here = next((i for i, s in enumerate(sents) if s.start <= anchor.i < s.end), 0)
    for sent in reversed(sents[max(0, here - 2): here]):
        for tok in sent:
            partners = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
            if not partners or not _is(finder, tok, owner):
                continue
            for other in partners:
                refs = [r for r in finder.refs([other]) if r.code and r.code != owner.code
                        and finder.actors.get(r.actor_id or "") is not None
                        and finder.actors[r.actor_id].kind in _KINDS]
                if refs:
                    return refs[0]
    return None


def _is(finder: SideFinder, tok: Token, owner: ActorRef) -> bool:
    return any(r.code == owner.code for r in finder.refs([tok]))
