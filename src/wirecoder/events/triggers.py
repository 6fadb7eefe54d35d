"""Trigger matching: which tokens name an event, under which pattern.

A pattern is a head lemma plus optional constraints on the dependency parse
(particle, preposition, object lemma, modifier). Verbs, adjectives ("willing
to") and event nouns ("talks", "sanctions") are looked up the same way; the
coder decides when a noun alone is enough to state an event.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from ..actors.tables import load_tables
from .ontology import Lexicon, Pattern, load_lexicon

_OBJ_DEPS = frozenset({"dobj", "obj", "attr", "oprd", "dative"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
_PARTICLE_DEPS = frozenset({"prt", "advmod", "prep", "compound:prt"})
_MOD_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "poss"})


@dataclass(frozen=True, slots=True)
class Match:
    pattern: Pattern
    head: Token  # the token the pattern matched
    tokens: tuple[int, ...]  # token indices that make up the trigger (head, particle, object noun ...)


def pos_class(tok: Token) -> str | None:
    if tok.pos_ == "VERB":
        return "VERB"
    if tok.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    if tok.pos_ == "ADJ":
        return "ADJ"
    return None


def candidates(lex: Lexicon, tok: Token) -> tuple[Pattern, ...]:
    pos = pos_class(tok)
    if pos is None:
        return ()
    lemma = lex.lemma(tok)
    found = lex.lookup(lemma, pos)
    if not found and tok.lower_ != lemma:
        found = lex.lookup(tok.lower_, pos)
    if not found and pos == "NOUN" and tok.tag_ == "VBG":
        found = lex.lookup(tok.lower_, pos)
    if not found and pos == "NOUN" and tok.tag_ in ("NNPS", "NNS") and tok.lower_.endswith("s"):
        found = lex.lookup(tok.lower_[:-1], pos)  # title-case headline plurals keep their 's' as lemma: "Amid Protests"
    return found


def objects(tok: Token) -> list[Token]:
    """Object-like dependents: direct objects, prepositional objects, the to-infinitive and its object."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in _OBJ_DEPS:
            out.append(c)
            if c.pos_ == "NUM":  # "gave $5 million": the amount's currency sign or unit names what was given
                out.extend(x for x in c.children if x.dep_ in ("quantmod", "nmod", "compound") and x.pos_ != "NUM")
            for x in c.children:
                if x.dep_ == "conj":
                    out.append(x)
                elif x.dep_ == "acl" and x.i == c.i + 1 and c.dep_ == "dobj":
                    out.append(x)  # "took a parting shot at": the noun misread as a participle of its modifier
                elif x.dep_ == "prep" and x.lower_ == "of":  # "tons of food aid", "a series of raids"
                    out.extend(g for g in x.children if g.dep_ == "pobj")
        elif c.dep_ in ("prep", "agent") or (c.dep_ == "prt" and any(g.dep_ == "pobj" for g in c.children)):
            out.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX", "NOUN"):
            out.append(c)
            out.extend(g for g in c.children if g.dep_ in _OBJ_DEPS)
            # "prepared to resume shelling": one more level of infinitive
            for g in c.children:
                if g.dep_ == "xcomp":
                    out.append(g)
                    out.extend(h for h in g.children if h.dep_ in _OBJ_DEPS)
        elif c.dep_ == "pcomp":
            out.append(c)
    if tok.dep_ == "relcl":  # "an insurgency in which thousands died"
        out.append(tok.head)
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):  # "the council was revived"
        out.extend(c for c in tok.children if c.dep_ == "nsubjpass")
    return out


def _own_clause_object(tok: Token, obj: Token, lex: Lexicon) -> bool:
    """``obj`` is the object of a finite clause under ``tok`` whose own verb is a trigger ("X reimposed
    blockades, a spokesman announced"): that verb codes it, the reporting verb does not."""
    verb = obj.head
    return (verb.i != tok.i and verb.dep_ == "ccomp" and verb.head.i == tok.i
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and match(lex, verb) is not None)


def _particle(tok: Token, word: str) -> Token | None:
    for c in tok.children:
        if c.lower_ == word and c.dep_ in _PARTICLE_DEPS and 0 < c.i - tok.i <= 3:
            return c
    # "build-up", "sit-in" written as one hyphenated unit
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ == word:
        return doc[tok.i + 2]
    return None


def _prep(tok: Token, word: str) -> Token | None:
    for c in tok.children:
        if c.lower_ == word and c.dep_ in ("prep", "prt", "agent", "dative"):
            return c
    # an idiom's preposition may hang on its object noun: "took a swipe at", "took a parting shot at"
    for c in tok.children:
        if c.dep_ != "dobj":
            continue
        for x in (c, *(a for a in c.children if a.dep_ == "acl" and a.i == c.i + 1)):
            for g in x.children:
                if g.lower_ == word and g.dep_ == "prep":
                    return g
    # the parser often hangs a second phrase on the first one's noun: "talked on radio about", "called on
    # Monday for"
    for c in tok.children:
        if c.dep_ == "prep":
            for g in (g for n in c.children if n.dep_ == "pobj" for g in n.children):
                if g.lower_ == word and g.dep_ == "prep":
                    return g
    return None


_PERSONAL = frozenset({"him", "her", "them", "us", "me", "whom", "who", "himself", "herself", "themselves"})


@cache
def _person_words() -> frozenset[str]:
    """People nouns: the built-in word classes (a user's trigger file adds patterns, not classes) and
    the actor role words."""
    lex = load_lexicon()
    tables = load_tables()
    words = lex.word_class("captive") | lex.word_class("agents") | lex.word_class("persons") | frozenset(tables.roles)
    # bodies and institutions are no one a hand can hold or release ("held a sit-in outside parliament")
    return words - lex.word_class("institutions")


def _patients(tok: Token) -> list[Token]:
    """What the verb acts on: its object, its passive subject or the noun it describes."""
    pats = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ in ("acl", "relcl"):
        pats.append(tok.head)
    return pats


def _human_patient(tok: Token) -> bool:
    """Whether what the verb acts on is people ("gas released from a tank", "footage that police
    released" are not); false when none is named."""
    pats = _patients(tok)
    if not pats and tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in tok.children):
        pats = [c for c in tok.children if c.dep_ == "nsubj"]  # headline passive: "Egypt activist released"
    if not pats:
        return False  # "the ceasefire held": nobody acted on
    words = _person_words()
    for p in pats:
        heads = [p] + [g for c in p.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                       if g.dep_ == "pobj"] + [c for c in p.children if c.dep_ == "conj"]
        for h in heads:
            if h.ent_type_ in ("PERSON", "NORP") or h.lower_ in _PERSONAL \
                    or h.lemma_.lower() in words or h.lower_ in words:
                return True
    return False


def _initial_plural(w: Token) -> str:
    """The small model tags a sentence-initial "Protesters" as a name and keeps it as its lemma."""
    if w.pos_ == "PROPN" and w.is_sent_start and not w.ent_type_ and w.lower_.endswith("s"):
        return w.lower_[:-1]
    return ""


def _publicity(obj: Token, lex: Lexicon) -> bool:
    """"a news conference", "a press briefing": an appearance before reporters, not a meeting of parties."""
    mods = lex.word_class("publicity_mods")
    return any(c.dep_ in ("compound", "amod") and c.lower_ in mods for c in obj.children)


def _polity_patient(tok: Token, lex: Lexicon) -> bool:
    """Whether what is recognised is a state, a government or their acts ("recognised Kosovo's
    independence", "recognise the election result"); not "recognised the need" or "recognised themselves"."""
    polities = lex.word_class("polities")
    for p in _patients(tok):
        heads = [p] + [c for c in p.children if c.dep_ in ("conj", "poss", "compound")]
        if any(h.ent_type_ in ("GPE", "NORP", "ORG") or h.lemma_.lower() in polities for h in heads):
            return True
    return False


def _subject_in(tok: Token, lemmas: frozenset[str]) -> bool:
    """The verb's active subject (or a conjunct of it, or a clause it shares one with) is one of ``lemmas``."""
    t = tok
    for _ in range(3):  # "protesters gathered and marched": the second verb shares the first one's subject
        subj = [c for c in t.children if c.dep_ == "nsubj"]
        if not subj and t.dep_ == "xcomp" and t.head != t:
            # control: "officials vowed to fight" (the subject), "urged supporters to fight" (the object)
            subj = [c for c in t.head.children if c.dep_ in ("dobj", "dative")] or [
                c for c in t.head.children if c.dep_ == "nsubj"]
        if subj:
            words = [w for s in subj for w in (s, *(c for c in s.children if c.dep_ == "conj"))]
            return any(w.lemma_.lower() in lemmas or w.lower_ in lemmas or _initial_plural(w) in lemmas
                       for w in words)
        if t.dep_ != "conj" or t.head == t:
            return False
        t = t.head
    return False


def match(lex: Lexicon, tok: Token) -> Match | None:
    """The most specific pattern that fits ``tok`` in its parse, or None (also when a blocker fits)."""
    if tok.ent_type_ in ("DATE", "TIME"):
        return None  # "in March", "the fall of 2019": part of a time expression
    if tok.pos_ == "VERB" and tok.dep_ in _ARGUMENT_DEPS and any(c.dep_ == "det" for c in tok.children):
        return None  # "the accused was released", "the wounded": a participle used as a noun names people
    if tok.dep_ == "acomp" and tok.tag_ == "VBG" and not any(c.dep_ in ("dobj", "prep") for c in tok.children):
        return None  # "the similarities are striking": a quality, not an act
    pats = candidates(lex, tok)
    if not pats:
        return None
    objs: list[Token] | None = None
    for p in pats:
        extra: list[int] = []
        if p.particle:
            part = _particle(tok, p.particle)
            if part is None:
                continue
            extra.append(part.i)
        if p.prep:
            pr = _prep(tok, p.prep)
            if pr is None:
                continue
            extra.append(pr.i)
        if p.obj:
            if objs is None:
                objs = objects(tok)
            hit = next((o for o in objs if (o.lemma_.lower() in p.obj or o.lower_ in p.obj)
                        and not _own_clause_object(tok, o, lex) and not _publicity(o, lex)), None)
            if hit is None and p.type is None and tok.dep_ == "acl" and tok.tag_ == "VBN" \
                    and (tok.head.lemma_.lower() in p.obj or tok.head.lower_ in p.obj):
                # "figures released by the ministry": the participle's noun is its patient; enough to block a
                # reading, though not to create one (such participles are background, .background)
                hit = tok.head
            if hit is None:
                # an infinitive object ("decline to") is named by its marker
                if "to" in p.obj and any(c.dep_ == "xcomp" for c in tok.children):
                    hit = tok
                else:
                    continue
            if hit.i != tok.i and abs(hit.i - tok.i) <= 4:
                extra.append(hit.i)
        if p.mod:
            m = next((c for c in tok.children if c.dep_ in _MOD_DEPS and
                      (c.lower_ in p.mod or c.lemma_.lower() in p.mod)), None)
            if m is None:
                continue
            extra.append(m.i)
        if p.gov and (tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.lemma_.lower() not in p.gov):
            continue
        if p.subj and not _subject_in(tok, p.subj):
            continue
        if p.patient == "human" and not _human_patient(tok):
            continue
        if p.patient == "polity" and not _polity_patient(tok, lex):
            continue
        if p.type is None:
            return None
        return Match(pattern=p, head=tok, tokens=tuple(sorted({tok.i, *extra})))
    return None
