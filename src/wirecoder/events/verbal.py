"""Verbal attacks and electoral conquests: "Sanders attacked Clinton for her ties to Wall Street",
"Trump's attack on a judge", "Cruz captured Oklahoma and Texas".

"Attack", "target", "hit" and "fight" name violence between armed parties and criticism between
politicians. CAMEO codes the second as criticism (111). The reading is verbal when one person or
civilian organisation attacks another and the sentence names no weapon, wound or armed force;
a gunman, a mob, troops or a state keep the violent reading. In the same way a candidate or a party
that captures, takes or sweeps a state or a city has won a vote there (``electoral_win``).
"""
from __future__ import annotations

from spacy.tokens import Span

from ..records import Actor, ActorRef
from .ontology import Lexicon

# the generic words of violence that are as often words of criticism
_AMBIGUOUS = frozenset({"attack", "target", "hit", "fight", "battle", "blast", "hammer", "assail", "strike"})
# sectors of armed or coercive actors: their attacks are physical
_ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "SPY", "CRM", "INS"})
# words in the sentence that make an attack physical
_PHYSICAL = frozenset({"kill", "wound", "injure", "shoot", "stab", "beat", "bomb", "gun", "knife", "weapon",
                       "rifle", "grenade", "explosive", "missile", "rocket", "shell", "troop", "soldier",
                       "gunman", "militant", "fighter", "hospital", "injury", "dead", "death", "blood", "assault"})


def verbal_attack(lemma: str, sent: Span, source: list[ActorRef], target: list[ActorRef],
                  actors: dict[str, Actor], lex: Lexicon) -> bool:
    """A named person or civilian body attacks, with words: the target, when named, is one too
    ("attacks from fellow candidate X" names no target and is still criticism)."""
    if lemma not in _AMBIGUOUS or not source:
        return False
    if not all(_civilian_party(r, actors) for r in source + target):
        return False
    if not target and not any(actors.get(r.actor_id or "") and actors[r.actor_id].kind == "person" for r in source):
        return False  # an organisation's attack with no target named may be anything
    return _no_force(sent, lex, lemma)


def _no_force(sent: Span, lex: Lexicon, lemma: str) -> bool:
    """No weapon, wound or armed force in the sentence besides the trigger word itself."""
    weapons = lex.word_class("weapon")
    return not any((t.lemma_.lower() in _PHYSICAL or t.lemma_.lower() in weapons) and t.lemma_.lower() != lemma
                   for t in sent)


def _civilian_party(r: ActorRef, actors: dict[str, Actor]) -> bool:
    """A named person or a non-state organisation outside the armed sectors."""
    a = actors.get(r.actor_id or "")
    if a is None:
        return False
    return a.kind in ("person", "organization") and a.sector not in _ARMED_SECTORS


# what candidates take: "captured two states", "swept the districts"
_PRIZES = [[w] for w in ("state", "states", "district", "districts", "county", "counties", "seat", "seats",
                        "delegates", "votes", "precincts", "primary", "primaries", "caucuses")]
# verbs of taking ground that, said of a candidate or a party, mean winning a vote
_TAKING = frozenset({"capture", "take", "seize", "sweep", "win", "grab", "carry", "conquer"})
# verbs of defeat that, between a candidate and a rival, mean winning a vote
_DEFEATING = frozenset({"beat", "defeat", "trounce", "rout", "crush", "edge", "outpoll"})


def electoral_win(lemma: str, sent: Span, source: list[ActorRef], target: list[ActorRef],
                  actors: dict[str, Actor], lex: Lexicon) -> bool:
    """A candidate or party took a state ("captured Ohio") or beat a rival ("beat Clinton")."""
    if not source or not all(_civilian_party(r, actors) for r in source):
        return False
    if lemma in _DEFEATING:
        if not target or not all(_civilian_party(r, actors) and actors[r.actor_id].kind == "person"
                                 for r in target):
            return False
    elif lemma not in _TAKING or not any(
            r.actor_id is None and (r.code or r.name.lower().split()[-1:] in _PRIZES) for r in target):
        return False  # what was taken must be a place ("captured Ohio"), not a person ("captured by Amal")
    return _no_force(sent, lex, lemma)
