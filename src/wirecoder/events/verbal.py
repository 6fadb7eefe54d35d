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

# Word classes (data/events/classes.json): @double_edged, the generic words of violence that are as
# often words of criticism; @force_words, words in the sentence that make an attack physical;
# @taking_verbs and @defeat_verbs, said of a candidate, and @electoral_prizes, what candidates take.

# sectors of armed or coercive actors: their attacks are physical
_ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "SPY", "CRM", "INS"})


def verbal_attack(lemma: str, sent: Span, source: list[ActorRef], target: list[ActorRef],
                  actors: dict[str, Actor], lex: Lexicon) -> bool:
    """A named person or civilian body attacks, with words: the target, when named, is one too
    ("attacks from fellow candidate X" names no target and is still criticism)."""
    if lemma not in lex.word_class("double_edged") or not source:
        return False
    if not all(_civilian_party(r, actors) for r in source + target):
        return False
    if not target and not any(actors.get(r.actor_id or "") and actors[r.actor_id].kind == "person" for r in source):
        return False  # an organisation's attack with no target named may be anything
    return _no_force(sent, lex, lemma)


def _no_force(sent: Span, lex: Lexicon, lemma: str) -> bool:
    """No weapon, wound or armed force in the sentence besides the trigger word itself."""
    force = lex.word_class("force_words") | lex.word_class("weapon")
    return not any(t.lemma_.lower() in force and t.lemma_.lower() != lemma for t in sent)


def _civilian_party(r: ActorRef, actors: dict[str, Actor]) -> bool:
    """A named person or a non-state organisation outside the armed sectors."""
    a = actors.get(r.actor_id or "")
    if a is None:
        return False
    return a.kind in ("person", "organization") and a.sector not in _ARMED_SECTORS


def electoral_win(lemma: str, sent: Span, source: list[ActorRef], target: list[ActorRef],
                  actors: dict[str, Actor], lex: Lexicon) -> bool:
    """A candidate or party took a state ("captured Ohio") or beat a rival ("beat Clinton")."""
    if not source or not all(_civilian_party(r, actors) for r in source):
        return False
    if lemma in lex.word_class("defeat_verbs"):
        if not target or not all(_civilian_party(r, actors) and actors[r.actor_id].kind == "person"
                                 for r in target):
            return False
    elif lemma not in lex.word_class("taking_verbs") or not any(
            r.actor_id is None and (r.code or _last_word(r.name) in lex.word_class("electoral_prizes")) for r in target):
        return False  # what was taken must be a place ("captured Ohio"), not a person ("captured by Amal")
    return _no_force(sent, lex, lemma)


def _last_word(name: str) -> str:
    """"two states" -> "states": the head word of a plain noun phrase."""
    words = name.lower().split()
    return words[-1] if words else ""
