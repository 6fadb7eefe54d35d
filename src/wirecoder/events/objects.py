"""Where the parse puts the other side of an act: objects, prepositional objects, demanded clauses.

``target_candidates`` lists the phrases that may name a verb's target, best first; ``sides``
turns them into actors. Split from ``sides`` to keep each module short.
"""
from __future__ import annotations

from spacy.tokens import Token

SUBJ = ("nsubj", "csubj")
SUBJ_PASS = ("nsubjpass", "csubjpass")
RELPRON = frozenset({"who", "which", "that", "whom"})

# Prepositions that introduce the other side of an event ("met with", "sanctions against").
TARGET_PREPS = ("with", "against", "on", "to", "toward", "towards", "into", "from", "at", "upon", "over", "for", "of", "in",
                "between")
VERB_TARGET_PREPS = ("with", "against", "on", "to", "toward", "towards", "into", "from", "upon", "at", "near", "along",
                     "around", "over", "about", "between")
NOUN_TARGET_PREPS = ("against", "on", "with", "of", "to", "into", "toward", "towards", "in")
# the target behind "a halt of flights to X", "two billion euros in aid for X"
_NESTED_TARGET_PREPS = frozenset(NOUN_TARGET_PREPS) - {"of"} | {"for"}


def target_candidates(verb: Token, gatherings: frozenset[str] = frozenset()) -> list[list[Token]]:
    """Object phrases in order of preference, each a list of heads; 'at' a gathering is where, not whom."""
    out: list[list[Token]] = []
    frontier = [verb]
    # "occupied and annexed the region": a second verb's object is shared only when the first has none
    own_object = any(c.dep_ in ("dobj", "obj", "xcomp") for c in verb.children)
    for c in verb.children:
        if c.dep_ == "xcomp":  # "threatened to impose restrictions against Germany", "prepared to resume shelling X"
            frontier.append(c)
            frontier.extend(g for g in c.children if g.dep_ == "xcomp")
        elif c.dep_ == "conj" and c.pos_ == "VERB" and not own_object \
                and not any(g.dep_.startswith("nsubj") for g in c.children):
            frontier.append(c)
    dobjs: list[Token] = []
    for v in frontier:
        for c in v.children:
            if c.dep_ == "dative" and c.pos_ == "ADP":  # "sent inspectors to a plant": 'to' read as the dative
                p = [g for g in c.children if g.dep_ == "pobj"]
                if p:
                    out.append(p)
                    dobjs.extend(p)
            elif c.dep_ in ("dobj", "dative", "obj"):
                dobjs.append(c)
                out.append([c])
            elif c.dep_ == "prep" and c.lower_ == "as":  # "denounced as a crime Serbia's suppression of ...":
                shifted = [a for g in c.children if g.dep_ == "pobj" for a in g.children if a.dep_ == "appos"]
                if shifted:  # the object moved behind its description, read as an apposition
                    out.append(shifted)
                    dobjs.extend(shifted)
            elif c.dep_ == "prt" and c.lower_ == "up" and _up_to_amount(c):
                # "kidnapped up to 16 advisers": the parser reads the quantity's "up to" as a particle
                dobjs.extend(_up_to_amount(c))
                out.append(_up_to_amount(c))
            elif c.dep_ in ("prep", "prt") and c.lower_ in VERB_TARGET_PREPS:
                p = [g for g in c.children if g.dep_ == "pobj"] or _stranded_object(c)
                if c.lower_ == "at" and any(g.lemma_.lower() in gatherings for g in p):
                    continue  # "pledged aid at a conference in Paris"
                if p:
                    out.append(p)
                    dobjs.extend(p)  # "conceded to demands from X": the author of what was answered
    for d in with_conjuncts(dobjs):  # "sanctions against Moscow", "negotiations with X", "a guarantee that ..."
        for c in d.children:
            if c.dep_ == "prep" and (c.lower_ in TARGET_PREPS or c.lower_ == "by"):
                p = [g for g in c.children if g.dep_ == "pobj"]
                if p:
                    out.append(p)
                if c.lower_ == "of" or (c.lower_ == "in" and _amount(d)):  # "a halt of flights to Belarus",
                    # "two billion euros in aid for Sudan": the thing measured carries the target
                    out.extend([h for h in x.children if h.dep_ == "pobj"] for g in p for x in g.children
                               if x.dep_ == "prep" and x.lower_ in _NESTED_TARGET_PREPS)
            elif c.dep_ in ("acl", "relcl", "ccomp"):
                out.extend(_clause_parties(c))
    for v in frontier:  # "demanded that its partners refuse ...", "refused to allow X to land"
        for c in v.children:
            if c.dep_ == "ccomp":
                out.extend(_clause_parties(c))
    for v in frontier:  # last resort, a purpose clause: "ready to ship arms to help protect X"
        for c in v.children:
            if c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                for x in [c] + [g for g in c.children if g.dep_ == "xcomp"]:
                    out.extend([g] for g in x.children if g.dep_ in ("dobj", "obj"))
    return out


# "was dissolved at the request of the government", "arrested on the orders of X": who had it done
_INSTIGATION = frozenset({"request", "behest", "order", "instruction", "initiative", "demand", "command"})


def instigator(verb: Token) -> list[Token]:
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("at", "on", "upon", "by"):
            for n in c.children:
                if n.dep_ == "pobj" and n.lemma_.lower() in _INSTIGATION:
                    owner = [g for g in n.children if g.dep_ == "poss"] or [
                        g for p in n.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                        if g.dep_ == "pobj"]
                    if owner:
                        return owner
    return []


def _up_to_amount(up: Token) -> list[Token]:
    return [g for c in up.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
            if g.dep_ == "pobj" and any(x.dep_ == "nummod" for x in g.children)]


def _amount(tok: Token) -> bool:
    return tok.like_num or tok.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL") or any(
        c.dep_ == "nummod" for c in tok.children)


def _stranded_object(prep: Token) -> list[Token]:
    """The object of a preposition the parser left empty because it read the noun as the subject of a
    following participle: "granted asylum to five officers holed up in the embassy" (officers <- holed)."""
    if prep.dep_ != "prep" or prep.i + 1 >= len(prep.doc):
        return []
    for t in prep.doc[prep.i + 1: prep.i + 8]:
        if t.pos_ in ("VERB", "AUX", "PUNCT", "ADP"):
            return []
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.i > t.i and t.head.tag_ in ("VBN", "VBG", "VBD") \
                and t.head.dep_ in ("advcl", "acl", "relcl", "conj", "ccomp") \
                and all(prep.i < w.i for w in t.subtree if w.i < t.i):
            return [t]
    return []


def _clause_parties(clause: Token) -> list[list[Token]]:
    """Who must act in a demanded clause: its subject; in a passive clause ("that Serbia must not be
    let into the bloc") the unnamed agent is sought first among the clause's other parties."""
    subj = [g for g in clause.children if g.dep_ in SUBJ + SUBJ_PASS and g.lower_ not in RELPRON]
    if not any(g.dep_ == "auxpass" for g in clause.children):
        return [subj] if subj else []
    others: list[list[Token]] = []
    for x in [clause] + [g for g in clause.children if g.dep_ == "xcomp"]:
        for g in x.children:
            if g.dep_ in ("dobj", "dative"):
                others.append([g])
            elif g.dep_ in ("prep", "agent"):
                p = [h for h in g.children if h.dep_ == "pobj"]
                if p:
                    others.append(p)
    return others + ([subj] if subj else [])


def doers(heads: list[Token]) -> list[Token]:
    """The 'by' agents of noun phrases: "violations by X", "a bill signed by X", "crimes committed by X"."""
    out: list[Token] = []
    for h in with_conjuncts(heads):
        hosts = [h] + [c for c in h.children if c.dep_ in ("acl", "relcl")]
        for x in hosts:
            for c in x.children:
                if (c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")) and x.pos_ != "PRON":
                    out += [g for g in c.children if g.dep_ == "pobj"]
    return out


# A side lists at most this many coordinated phrases. Real lists are short; a run-on text whose parse
# chains hundreds of conjuncts would otherwise make every event walk all of them (cubic time).
MAX_CONJUNCTS = 12


def with_conjuncts(heads: list[Token]) -> list[Token]:
    out: list[Token] = []
    seen: set[int] = set()
    for h in heads:
        stack = [h]
        while stack and len(out) < MAX_CONJUNCTS:
            t = stack.pop()
            if t.i not in seen:
                seen.add(t.i)
                out.append(t)
                stack.extend(c for c in t.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"))
    return out
