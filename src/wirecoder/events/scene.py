"""Round 7: more of what a sentence mentions only to set the scene of its main event.

Three kinds of clause that name an act without reporting it as news:

* *Clauses after a preposition* ("asked for help **in retaking** the port", "wants a ceasefire
  **before letting** food trucks pass", "banned the party **because of** its alleged part in the
  bombing"): a clause that a preposition hangs on an event verb says what the event is for, about
  or conditional on; it belongs to that event, like its to-infinitive (content, `coder._content`).
  Temporal prepositions (after/following/since/amid) and manner "by" are left to the background rule.
* *Descriptions of a participant* ("will free the engineers **whom they had kidnapped**",
  "must hand back a drone **that was seized by** X", "claims for land they lost **when Y drove
  them out**"): a relative clause on a noun that lies inside another event's clause says who
  or what that participant is; next to the main event it is background even when it names its doer
  (the subject case is `background.describes_subject`). Deaths in a relative clause of an event noun
  that is itself coded ("an insurgency in which thousands died") still quantify it and stay.
* *Restatements* ("bombers killed 23 people **when they blew themselves up**"): a when/as/while
  clause, or a "by ...ing" clause, of an event's verb that codes the same type tells how that event
  happened; it is the same event, not a second one.
"""
from __future__ import annotations

from spacy.tokens import Token

from .background import up_from
from .ontology import Lexicon

# prepositions whose clause (pcomp) is the purpose, condition or reason of the governing event
_CLAUSE_PREPS = frozenset({"in", "before", "until", "because", "without", "instead", "for", "of",
                           "on", "about", "over", "against", "toward", "towards"})
_RESTATE_MARKS = frozenset({"when", "as", "while", "by"})


def _relcl_of(tok: Token) -> Token | None:
    """The relative clause verb ``tok`` lies in (itself included), if any, within a dozen steps up."""
    return next((t for t in up_from(tok) if t.dep_ == "relcl" and t.head.pos_ in ("NOUN", "PROPN", "PRON")), None)


def _situational(rel: Token) -> bool:
    """'the incident where police fired', 'raids in which 20 died': the clause tells what happened there."""
    for c in rel.children:
        if c.dep_ == "advmod" and c.lower_ in ("where", "when", "whereby"):
            return True
        if c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children):
            return True
    return False


def uncoded_situation(tok: Token, coded_nouns: frozenset[int], statements: frozenset[int], lex: Lexicon) -> bool:
    """Is ``tok`` in a situational relative clause of an event noun that is not coded itself because it is
    what a statement (anchors in ``statements``: complaints, denials, demands) is about ("complained over
    raids in which 20 were killed")? The deaths are the statement's topic, background to it. An act that is
    not a statement keeps them ("backs an insurgency in which 13,000 died")."""
    rel = _relcl_of(tok)
    if rel is None or rel.head.i in coded_nouns or not _situational(rel):
        return False
    n = up = rel.head
    if not (lex.lookup(lex.lemma(n), "NOUN") or lex.lookup(n.lower_, "NOUN")):
        return False
    for _ in range(6):
        if up.i in statements:
            return True
        if up.head == up or up.dep_ in ("advcl", "relcl", "acl", "parataxis") and up.i != n.i:
            return False
        up = up.head
    return False


def prep_clauses(anchor: Token) -> set[int]:
    """Token indices of clauses hung on ``anchor`` by a preposition: "demanded support in regaining
    control", "before allowing convoys", "because of what it termed ..."."""
    out: set[int] = set()
    for c in anchor.children:
        if c.dep_ != "prep" or c.lower_ not in _CLAUSE_PREPS:
            continue
        if any(g.dep_ == "pcomp" for g in c.children):
            out.update(t.i for t in c.subtree if t.i != c.i)
    return out


def describes_participant(tok: Token, anchors: frozenset[int], coded_nouns: frozenset[int],
                          lex: Lexicon) -> bool:
    """Is ``tok`` inside a relative clause on a noun that lies in the clause of another event (its
    anchor in ``anchors``)? Such a clause says who or what the participant is. A relative clause of an
    event noun that is coded itself (``coded_nouns``) quantifies that event and does not count."""
    rel = _relcl_of(tok)
    if rel is None or rel.head.i in coded_nouns or _situational(rel):
        return False  # a situation's clause ("the incident where police fired") is left to the background rule
    noun = up = rel.head
    for _ in range(10):  # is the described noun an argument inside another event's clause?
        if up.i in anchors and up.i != tok.i:
            return True
        if up.dep_ in ("advcl", "relcl", "acl", "parataxis") and up.i != noun.i or up.head == up:
            break
        up = up.head
    return False


def restates(anchor: Token, typ: str, others: list[tuple[Token, str]]) -> bool:
    """Is ``anchor`` a when/as/while or "by ...ing" clause of another event's verb of the same type
    ("killed 23 people when they blew themselves up", "retaliated by shelling the town")?"""
    if anchor.dep_ == "advcl":
        marks = {c.lower_ for c in anchor.children if c.dep_ in ("mark", "advmod")}
        head = anchor.head
    elif anchor.dep_ == "pcomp" and anchor.head.lower_ == "by" and anchor.head.dep_ == "prep":
        marks, head = {"by"}, anchor.head.head
    else:
        return False
    if not marks & _RESTATE_MARKS:
        return False
    return any(a.i == head.i and t == typ for a, t in others)
