"""Casualties of a named conflict take that conflict's sides.

"the regime funds a rebellion in the north, in which some 9,000 people have been killed":
the deaths are an ASSAULT whose clause names nobody; the conflict noun it describes
("insurgency", "war", "fighting") names both sides one level up. The side that wages,
backs or fuels the conflict (the subject of the verb governing the noun, or the noun's own
possessor: "Russia's war") is the source; the place the conflict is in ("in eastern Ukraine")
stands for the target's country. Only empty sides are filled.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..records import ActorRef
from .ontology import Lexicon
from .sides import SideFinder


def conflict_sides(finder: SideFinder, lex: Lexicon, anchor: Token, source: list[ActorRef],
                   target: list[ActorRef]) -> tuple[list[ActorRef], list[ActorRef]]:
    """Fill an empty source/target of a casualty clause from the conflict noun it is a relative clause of."""
    if source and target:
        return source, target
    if lex.lemma(anchor) not in lex.casualty_verbs or anchor.dep_ != "relcl":
        return source, target
    noun = anchor.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.word_class("conflict_nouns"):
        return source, target
    if not source:
        source = _wager(finder, lex, noun)
    where = [r for r in finder.refs([g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("in", "across")
                                     for g in c.children if g.dep_ == "pobj"]) if r.code]
    if not target:
        target = where
    elif where and not any(r.code for r in target):
        # the conflict's uncounted dead are of the place it is fought in ("13,000 people" -> UKR)
        code = where[0].code
        target = [ActorRef(name=r.name, code=code, sector=r.sector, igo=r.igo, actor_id=r.actor_id, span=r.span)
                  for r in target]
    return source, target


def _wager(finder: SideFinder, lex: Lexicon, noun: Token) -> list[ActorRef]:
    """Who wages or backs the conflict: "X backs an insurgency", "X's war", "a war waged by X"."""
    own, _ = finder.noun_sides(noun)
    if own:
        return own
    verb = noun.head if noun.dep_ in ("dobj", "obj") else None
    if verb is None or lex.lemma(verb) not in lex.word_class("conflict_wagers"):
        return []
    return finder.clause_sides(verb)[0]  # with a subject shared through coordination
