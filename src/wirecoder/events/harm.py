"""Harm and its doers: accidents that are no attack, and the attack a casualty verb reports.

* *Accidents*: harm in a sentence that names a disaster ("killed in an earthquake") or a furnace,
  vehicle or building that exploded, plunged or collapsed ("hurt when a furnace exploded") has no
  attacker; an ASSAULT with no coded doer there is dropped, and so is a blast in the next sentence
  that restates it ("The explosion occurred at ...") when that sentence names no weapon.
* *Movers*: "the withdrawal of Russian troops from Syria", "the deployment of NATO troops to
  Bosnia": the 'of' object of a movement noun is who moves (the source), the place moved to or from
  the target.
* *States as doers*: an arrest, deportation, investigation or ban with no doer named, "in" a
  country ("was put under investigation in Italy"), was done by that country's authorities.
* *Doers of named attacks*: "died in an Israeli air strike", "killed in police firing", "wounded by
  army shelling": the casualty verb's event takes the attack noun's possessor or modifier as source;
  a death "in Israeli police custody" the custodian's.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..records import ActorRef
from .ontology import Lexicon
from .sides import SideFinder

_BLASTS = frozenset({"explosion", "blast", "explode", "fire", "blaze"})
_SITE_PREPS = frozenset({"at", "in", "inside", "of"})


def attack_source(verb: Token, finder: SideFinder, lex: Lexicon) -> list[ActorRef]:
    """The doer named on the attack a casualty verb reports ("killed in police firing", "died in a
    rebel attack", "were wounded by army shelling"): the attack noun's possessor or modifier."""
    for c in verb.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "during", "by"):
            for n in (g for g in c.children if g.dep_ == "pobj"):
                pats = lex.lookup(lex.lemma(n), "NOUN")
                if any(p.type == "ASSAULT" for p in pats):
                    refs = finder.noun_sides(n)[0]
                    if refs:
                        return refs
                # "in police firing" read as 'police' with a participle: the group is the doer
                if n.lemma_.lower() in finder.agents and any(
                        g.dep_ == "acl" and g.tag_ == "VBG" and any(p.type == "ASSAULT" for p in
                                                                    lex.lookup(lex.lemma(g), "VERB"))
                        for g in n.children):
                    return finder.refs([n])
    # "died ... while in Israeli police custody": whoever holds the custody
    for t in verb.subtree:
        if t.lemma_.lower() in _CUSTODY and t.dep_ == "pobj" and t.head.lower_ == "in":
            refs = finder.noun_sides(t)[0]
            if refs:
                return refs
    return []


_CUSTODY = frozenset({"custody", "detention", "captivity"})


def accident_restated(trigger: Token, lex: Lexicon) -> bool:
    """A blast that restates the sentence before, told there as an accident ("... when a furnace exploded.
    The explosion occurred at ..."), with no weapon named in its own sentence."""
    sent = trigger.sent
    lemma = lex.lemma(trigger)
    # "... when a boiler at the mill burst. Two men were hurt": harm told with no doer at all
    harmed = lemma in lex.casualty_verbs and not any(c.dep_ in ("nsubj", "agent") for c in trigger.children)
    if (lemma not in _BLASTS and not harmed) or sent.start == 0:
        return False
    weapons = lex.word_class("weapon")
    if any(t.lemma_.lower() in weapons for t in sent):
        return False
    return disaster(trigger.doc[sent.start - 1].sent, lex)


def disaster(sent: Span, lex: Lexicon) -> bool:
    """Harm in this sentence has a natural or accidental cause: a disaster noun, or a furnace, vehicle
    or building that exploded, plunged or collapsed ("when a furnace at the plant exploded")."""
    if any(t.lemma_.lower() in lex.disaster for t in sent if t.pos_ == "NOUN"):
        return True
    things, verbs = lex.word_class("accident_things"), lex.word_class("accident_verbs")
    for t in sent:
        if t.pos_ != "VERB" or lex.lemma(t) not in verbs:
            continue
        for s in (c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")):
            lemma = s.lemma_.lower()
            if lemma in things or lemma == "tank" and any(
                    c.dep_ in ("compound", "amod") and c.lower_ in lex.word_class("storage_words") for c in s.children):
                return True
            # "a boiler in the factory", "a tank at the refinery": equipment of an industrial site
            if any(g.lemma_.lower() in things for c in s.children if c.dep_ == "prep" and c.lower_ in _SITE_PREPS
                   for g in c.children if g.dep_ == "pobj"):
                return True
    return False


_MOVE_PREPS = frozenset({"to", "into", "from", "in", "out"})


def mover_sides(noun: Token, source: list[ActorRef], target: list[ActorRef],
                finder: SideFinder) -> tuple[list[ActorRef], list[ActorRef]]:
    """Sides of a movement noun: its 'of' object moves, the place it moves to or from is the target."""
    movers = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj"]
    if not movers:
        return source, target
    src = finder.refs(movers)
    if not src:
        return source, target
    where = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in _MOVE_PREPS for g in c.children
             if g.dep_ == "pobj"]
    where += [g for m in movers for c in m.children if c.dep_ == "prep" and c.lower_ in _MOVE_PREPS
              for g in c.children if g.dep_ == "pobj"]
    if noun.dep_ in ("nsubj", "nsubjpass"):  # "the deployment of NATO troops arrived in Bosnia"
        where += [g for c in noun.head.children if c.dep_ == "prep" and c.lower_ in _MOVE_PREPS
                  for g in c.children if g.dep_ == "pobj"]
    tgt = [r for r in finder.refs(where) if not finder.same_as(r, src)]
    if not tgt:
        tgt = [r for r in target if not finder.same_as(r, src)]
    return src, tgt


def state_of_place(heads: list[Token], finder: SideFinder) -> list[ActorRef]:
    """The state named by an 'in' phrase on one of ``heads`` ("arrested in Turkey"), as its government."""
    for h in heads:
        for c in h.children:
            if c.dep_ != "prep" or c.lower_ != "in":
                continue
            for g in (x for x in c.children if x.dep_ == "pobj"):
                for r in finder.refs([g]):
                    actor = finder.actors.get(r.actor_id or "")
                    if r.code and actor is not None and actor.kind == "state":
                        return [ActorRef(name=r.name, code=r.code, sector="GOV", igo=r.igo, actor_id=r.actor_id,
                                         span=r.span)]
    return []
