"""Which clauses of a sentence state no event of their own, and what an event governs.

* *Content*: what a verbal or light-verb event governs (its object, complement, to-infinitive,
  purpose clause, the if-clause of a threat) is its content, not a second event.
* *Documents*: relative clauses of documents state their content ("a resolution that aims to
  impose a blockade"), except a that-clause said "in a report" (a claim reported like speech) and
  a plan its actor announces (announced intent, .modality).
* *Not asserted*: conditions and indirect questions ("if they negotiate", "whether they attack")
  and what is merely called important or possible ("it is important that we meet").
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .ontology import Lexicon

_CONTENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "attr", "oprd", "dative", "acomp"})
_CONTENT_PREPS = frozenset({"of", "for", "over", "about", "against", "on", "to", "into", "from"})
_COND_MARKS = frozenset({"if", "unless", "lest"})


def content(anchor: Token) -> set[int]:
    """Token indices an event at ``anchor`` governs: complements, content prepositions, conditions,
    a particle's clause, purpose and manner clauses ("staged rallies to demand ...")."""
    out: set[int] = set()
    for c in anchor.children:
        if c.dep_ in _CONTENT_DEPS or (c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS):
            out.update(_subtree_without_relcl(c))
        elif c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _COND_MARKS for g in c.children):
            out.update(t.i for t in c.subtree)
        elif c.dep_ == "prt":  # "call on X to ..."
            out.update(t.i for t in c.subtree if t.i != c.i)
        elif c.dep_ == "advcl" and not any(g.dep_.startswith("nsubj") for g in c.children) and (
                c.tag_ == "VBG" or any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)):
            # purpose and manner: "staged rallies to demand ...", "rejected it, urging ..."
            out.update(t.i for t in c.subtree)
    return out


def document_clauses(sent: Span, lex: Lexicon) -> set[int]:
    """Relative clauses of documents state their content: "a resolution that aims to impose a blockade"."""
    out: set[int] = set()
    for tok in sent:
        if tok.dep_ in ("relcl", "acl") and tok.head.lemma_.lower() in lex.documents and not _own_plan(tok.head, lex) \
                and not _said_in(tok, lex):
            out.update(t.i for t in tok.subtree)
    return out


def _said_in(clause: Token, lex: Lexicon) -> bool:
    """'X said in a report that Y raped civilians': the that-clause is what the speaker says (the parser
    hangs it on the document); it is reported like any other statement, not a document's content."""
    doc_noun = clause.head
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) and doc_noun.dep_ == "pobj" \
        and doc_noun.head.lower_ in ("in", "through") and lex.lemma(doc_noun.head.head) in lex.speech


def _own_plan(noun: Token, lex: Lexicon) -> bool:
    """A plan its actor announces ("unveiled a plan to cut aid"): its content is announced intent (.modality)."""
    return noun.lemma_.lower() in lex.plan_nouns and noun.dep_ in ("dobj", "nsubjpass") \
        and lex.lemma(noun.head) in lex.plan_verbs


def _subtree_without_relcl(tok: Token) -> set[int]:
    """A nominal's relative clause states an event of its own ("an insurgency in which thousands died")."""
    out: set[int] = set()
    stack = [tok]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(c for c in t.children if not (c.dep_ == "relcl" and t.pos_ in ("NOUN", "PROPN", "PRON")))
    return out


def not_asserted(sent: Span, lex: Lexicon) -> set[int]:
    """Clauses that state no event: conditions and indirect questions ("if they negotiate",
    "whether they attack") and what is merely called important or possible ("it is important that we meet")."""
    out: set[int] = set()
    for tok in sent:
        if tok.dep_ == "mark" and tok.lower_ in ("if", "whether", "unless", "lest", "until") and tok.head.dep_ != "advcl":
            out.update(t.i for t in tok.head.subtree)
        elif tok.dep_ == "mark" and tok.lower_ in ("if", "whether", "unless", "lest", "until") \
                and tok.head.head.lemma_.lower() not in ("threaten", "warn", "vow"):
            out.update(t.i for t in tok.head.subtree)
        elif tok.dep_ in ("acomp", "attr") and tok.lemma_.lower() in lex.deontic:
            for c in list(tok.children) + list(tok.head.children):
                if c.dep_ in ("ccomp", "xcomp") and c != tok:
                    out.update(t.i for t in c.subtree)
    return out
