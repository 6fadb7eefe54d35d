"""Round 7: constructions whose event is not named by a trigger word of its own type.

* *Directives*: "a judge ordered X to appear", "summoned the envoy to explain": an order to someone
  to do something that is no event in itself is a demand (CAMEO 10, REQUEST). When the ordered act
  has a pattern ("ordered troops to withdraw") that act is coded instead (`order` is a light verb).
* *Dismissals*: "X said that lifting the sanctions is out of the question": the speaker rejects what
  the clause names (CAMEO 12, REJECT), anchored on the reporting verb.
* *Put under*: "has been put/placed under investigation": the state of the noun is the event (the
  verb carries it like a light verb).
* *Causes of death*: "died as a result of torture", "died of/from torture": the violence is an
  ASSAULT through the casualty verb, as "died in a rocket attack" already is.
* *Peacekeeping*: deploying, sending or dispatching peacekeepers ("a new deployment of UN
  peacekeeping troops", "sent peacekeeping forces") is AID 074 (CAMEO: provide military protection
  or peacekeeping), not MOBILIZE 154.
* *Involvement*: "X were engaged/involved in ethnic cleansing": the grammatical passive of these light
  verbs has the doer as subject, so its subject is the source.
* *Missions*: sending inspectors or investigators, or sending anyone to investigate, inspect or
  monitor ("dispatched inspectors to the plant", "sent staff to investigate") is an investigation
  (ACCUSE 09, CAMEO 09x).

Each function returns plain tuples; the coder wraps them in its candidates. Word lists are data
(`classes.json`: `directive_verbs`, `under_verbs`, `peacekeeping`, `mission_verbs`, `inspect_verbs`, `involve_verbs`).
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from .ontology import Lexicon, Pattern
from .triggers import Match

_DISMISS = Pattern(lemma="out of the question", pos="VERB", type="REJECT", mode="refuse", cameo="12")
_INVESTIGATE = Pattern(lemma="send", pos="VERB", type="ACCUSE", mode="investigate", cameo="09")


def directives(sent: Span, lex: Lexicon, matches: dict[int, Match]) -> list[tuple[Match, Token]]:
    """'X ordered Y to appear': a demand on Y when the ordered act has no pattern of its own."""
    out: list[tuple[Match, Token]] = []
    verbs = lex.word_class("directive_verbs")
    for tok in sent:
        if tok.pos_ != "VERB" or lex.lemma(tok) not in verbs or tok.i in matches:
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
        inf = next((c for c in tok.children if c.dep_ == "xcomp"
                    and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)
        if obj is None or inf is None:
            continue
        if any(i in matches and matches[i].pattern.pos != "NOUN" for i in (t.i for t in inf.subtree)):
            continue  # "ordered troops to withdraw": the ordered act is coded (light verb)
        pats = lex.lookup("demand", "VERB")
        if pats:
            out.append((Match(pattern=pats[-1], head=tok, tokens=(tok.i,)), tok))
    return out


def ordered_party(anchor: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """'the government ordered the newspaper to suspend publication': (ordering verb, ordered party).

    A coercion the ordered party carries out on nobody named is imposed on that party by whoever
    gave the order; the coder then codes orderer -> ordered party instead of the party acting alone."""
    if anchor.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children):
        return None
    verb = anchor.head
    if verb.pos_ != "VERB" or lex.lemma(verb) not in lex.word_class("directive_verbs"):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
    return (verb, obj) if obj is not None else None


def dismissals(sent: Span, lex: Lexicon) -> list[tuple[Match, Token]]:
    """'X said (that) Y is out of the question': a rejection by X, anchored on the reporting verb."""
    out: list[tuple[Match, Token]] = []
    for tok in sent:
        if tok.lower_ != "question" or tok.dep_ != "pobj" or tok.head.lower_ != "of":
            continue
        out_tok = tok.head.head
        if out_tok.lower_ != "out":
            continue
        clause = out_tok.head
        speech = None
        if clause.dep_ == "ccomp" and lex.lemma(clause.head) in lex.speech:
            speech = clause.head
        else:  # "Y is out of the question, X said"
            speech = next((c for c in clause.children if c.dep_ in ("ccomp", "parataxis")
                           and lex.lemma(c) in lex.speech), None)
        if speech is not None:
            out.append((Match(pattern=_DISMISS, head=speech, tokens=(speech.i, out_tok.i, tok.head.i, tok.i)),
                        speech))
    return out


def put_under(n: Token, lex: Lexicon) -> Token | None:
    """The verb of "put/placed under investigation" whose 'under' object is the event noun ``n``."""
    if n.dep_ == "pobj" and n.head.lower_ == "under" and n.head.head.pos_ == "VERB" \
            and lex.lemma(n.head.head) in lex.word_class("under_verbs"):
        return n.head.head
    return None


def cause_of_death(n: Token, lex: Lexicon) -> Token | None:
    """The casualty verb of "died of/from torture", "died as a result of torture", if ``n`` is its cause."""
    if n.dep_ != "pobj" or n.head.lower_ not in ("of", "from"):
        return None
    t = n.head.head
    for _ in range(3):  # of -> result -> as -> died
        if t.pos_ == "VERB":
            return t if lex.lemma(t) in lex.casualty_verbs else None
        if t.lemma_.lower() not in ("result", "as", "consequence", "effect"):
            return None
        t = t.head
    return None


def retype(m: Match, lex: Lexicon) -> Match:
    """Peacekeepers deployed are AID 074; a mission sent to investigate is ACCUSE 09 (see module doc)."""
    p = m.pattern
    tok = m.head
    if p.type == "MOBILIZE" and _peacekeepers(tok, lex):
        cameo = lex.mode_cameo.get(("AID", "peacekeeping"), "074")
        return replace(m, pattern=replace(p, type="AID", mode="peacekeeping", cameo=cameo))
    if p.type in ("MOBILIZE", "AID", None) and p.pos == "VERB" and lex.lemma(tok) in lex.word_class("mission_verbs") \
            and _mission(tok, lex):
        return replace(m, pattern=replace(_INVESTIGATE, lemma=p.lemma))
    return m


def mission(tok: Token, lex: Lexicon) -> Match | None:
    """A sending verb with no pattern of its own whose object or purpose is inspection."""
    if tok.pos_ == "VERB" and lex.lemma(tok) in lex.word_class("mission_verbs") and _mission(tok, lex):
        return Match(pattern=replace(_INVESTIGATE, lemma=lex.lemma(tok)), head=tok, tokens=(tok.i,))
    return None


def _peacekeepers(tok: Token, lex: Lexicon) -> bool:
    words = lex.word_class("peacekeeping")
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    for o in objs:
        if o.lemma_.lower() in words or o.lower_ in words:
            return True
        if any(c.dep_ in ("compound", "amod") and (c.lower_ in words or c.lemma_.lower() in words) for c in o.children):
            return True
    return False


def _mission(tok: Token, lex: Lexicon) -> bool:
    inspectors = lex.word_class("inspectors")
    purposes = lex.word_class("inspect_verbs")
    for c in tok.children:
        if c.dep_ == "dobj" and (c.lemma_.lower() in inspectors or c.lower_ in inspectors):
            return True
        if c.dep_ in ("advcl", "xcomp") and lex.lemma(c) in purposes \
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            return True
    return False


def involved_passive(anchor: Token, lex: Lexicon) -> bool:
    """'army units were engaged/involved in looting': the passive form of these light verbs
    has the doer as its subject (not the patient, as in other passives)."""
    return lex.lemma(anchor) in lex.word_class("involve_verbs") and any(c.dep_ == "nsubjpass" for c in anchor.children)
