"""Event locations, second opinions: a place that only says where another lies, and unknown names.

Two corrections to what :mod:`wirecoder.places.locate` chooses:

* "X, in Y": a comma-set locative phrase right after a place names where that
  place lies ("fighting in the towns of Tel Foo and Tel Bar, in Ruritania's
  southern suburbs"). The small parser often hangs such a phrase on the verb,
  which would make Y the event's place; the place before the comma is the more
  specific one and wins (as "Ramadi, in Anbar province" -> Ramadi already does
  where the parse is right).
* A village no gazetteer knows and NER reads as a person or organisation is
  no place mention, so a physical act located there ("hiding on a farm in
  Al-Foo", "the attack on Foo Kaniye") got no place or only a reference point
  ("not far from Y"). When the sentence offers no usable place, a capitalised
  name in the act's own locative chain is taken as an unresolved local place.
  Like a named site it is never added to the document's places.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..records import Place, PlaceMention

# Prepositions that put an act inside or beside a named place. A person-looking name counts only after
# those that cannot introduce a person ("in X", "near X"); "on X", "from X", "at X" may ("fired on Smith").
NAME_PREPS = frozenset({"in", "at", "near", "outside", "inside", "on", "into", "from", "across", "around",
                        "along", "through", "throughout"})
PERSON_SAFE_PREPS = frozenset({"in", "near", "outside", "inside", "into", "through", "throughout"})
# Entity labels a toponym the place stage missed can carry; a GPE or LOC it left out was left out on purpose.
NAME_LABELS = frozenset({"", "PERSON", "ORG"})
# Words that make a name an institution, not a village ("Interior Ministry", "Supreme Court").
INSTITUTION_WORDS = frozenset({"ministry", "court", "council", "parliament", "congress", "senate", "assembly",
                               "army", "police", "party", "front", "government", "agency", "committee",
                               "university", "bank", "company", "group", "brigade", "brigades", "forces",
                               "command", "office", "house", "nations", "union", "media", "news", "times",
                               "post", "tv", "radio", "reuters", "operation"})
# How wide a place is: "X, in Y" lets X win only where Y is the wider one ("Stanford, Calif., in the Rose Bowl"
# is played in the stadium, which is no area holding Stanford).
BREADTH = {"unresolved": 1, "local": 1, "city": 2, "county": 3, "region": 3, "state": 3, "country": 4,
           "continent": 5}
# How far along "in the attack on X" / "in a barn behind a house in X" the search follows prepositional phrases.
MAX_DEPTH = 4


def clause_root(tok: Token) -> Token:
    """The head of the clause ``tok`` belongs to."""
    t = tok
    while t.dep_ not in ("ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp") and t.head != t:
        t = t.head
    return t


def contained(doc: Doc, p: PlaceMention, idx: dict[int, PlaceMention]) -> PlaceMention:
    """The place before ", in" when ``p`` is the object of that comma-set phrase ("X, in Y" -> X)."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or span.start < 3:
        return p
    root = span.root
    while root.dep_ in ("poss", "compound", "nmod", "amod") and root.head.i > root.i:
        root = root.head  # "in Ruritania's southern suburbs": the phrase's head noun
    if root.dep_ != "pobj" or root.head.lower_ not in ("in", "inside") or root.head.i >= span.start \
            or root.head.i < 2:
        return p
    comma = doc[root.head.i - 1]
    if comma.text != "," or root.head.i - 1 <= doc[comma.i].sent.start:
        return p
    t = doc[comma.i - 1]
    while t.i not in idx and t.dep_ == "conj" and t.head.i < t.i:
        t = t.head  # "the towns of X and Y, in Z": Y may be no known place, X is
    q = idx.get(t.i)
    if q is None or q is p or BREADTH.get(q.place.kind or "", 9) >= BREADTH.get(p.place.kind or "", 0):
        return p  # "Iraq, in the town of X": a country is no more specific than what follows it
    return q


def unnamed_place(doc: Doc, trigger: Token, places: tuple[PlaceMention, ...],
                  acts: frozenset[str]) -> PlaceMention | None:
    """An unknown name in the locative chain of a physical act (``acts``: lemmas), as an unresolved place."""
    if trigger.lemma_.lower() not in acts or _title_case(trigger.sent):
        return None  # a headline capitalises every word: no name can be told from a noun there
    taken = [(p.start, p.end) for p in places]
    # after "on", "at", "from" a name the actor stage knows is someone ("the attack on Smith"), not somewhere
    actors = [(m.start, m.end) for m in getattr(doc._, "wc_mentions", None) or ()]
    frontier = [trigger]
    # "captured ..., hiding in a hole": a subjectless participle describes the act's circumstances
    frontier += [c for c in trigger.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                 and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)]
    for _ in range(MAX_DEPTH):
        nxt: list[Token] = []
        for host in frontier:
            for prep in host.children:
                if prep.dep_ != "prep" or prep.lower_ not in NAME_PREPS:
                    continue
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    span = _name(obj, prep)
                    busy = taken if prep.lower_ in PERSON_SAFE_PREPS else taken + actors
                    if span is not None and not any(s < span.end_char and span.start_char < e for s, e in busy):
                        return PlaceMention(start=span.start_char, end=span.end_char, text=span.text,
                                            place=Place(name=span.text, kind="unresolved"))
                    if obj.pos_ == "NOUN":
                        nxt.append(obj)  # "in the attack on X", "on a farm in X"
        if not nxt:
            return None
        frontier = nxt
    return None


def _title_case(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) > 0.6 * len(words)


def _name(obj: Token, prep: Token) -> Span | None:
    """The span of a capitalised proper name with no article that could be a village's name, else None."""
    if obj.pos_ != "PROPN" or not obj.text[:1].isupper() or obj.is_upper and len(obj.text) > 1:
        return None
    if obj.ent_type_ not in NAME_LABELS or obj.ent_type_ == "PERSON" and prep.lower_ not in PERSON_SAFE_PREPS:
        return None
    if any(c.dep_ in ("det", "poss", "case") for c in obj.children):
        return None  # "in the Senate", "at Smith's"
    doc = obj.doc
    ent = next((e for e in doc.ents if e.start <= obj.i < e.end), None)
    if ent is not None and ent[0].lower_ == "the":
        return None
    if ent is None:
        start = obj.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == obj \
                and doc[start - 1].text[:1].isupper():
            start -= 1
        ent = doc[start:obj.i + 1]
    if any(t.lower_ in INSTITUTION_WORDS for t in ent) or any(t.like_num for t in ent):
        return None
    return ent
