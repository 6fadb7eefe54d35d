"""Background events: acts a sentence mentions only to set the scene of its main news.

"Lebanon complained to the UN over raids *in which 20 people were killed*",
"Italy suspended air links, *one day after a jet shot down a helicopter*",
"*Rebuked by its neighbour*, the state is being drawn into talks": the clauses
in italics are subordinate (relative clauses, participles, temporal clauses,
nouns after "after"/"following"). Such an event is kept when the text names who
did it (a coded source: "after Moscow occupied Crimea" is news an analyst wants)
and dropped when it does not, since an agentless background act is neither
countable nor attributable. Deaths in a relative clause of an event noun ("an
insurgency in which 13,000 people died") quantify that event and stay.

Also here: the to-infinitive of an ordinary noun ("the drive to meet demand",
"plans to invade") is not asserted.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, islice

from spacy.tokens import Span, Token

from .ontology import Lexicon

_TEMPORAL_MARKS = frozenset({"when", "after", "before", "since", "as", "while", "once", "whenever", "where"})
_TEMPORAL_PREPS = frozenset({"after", "before", "following", "since", "amid"})
# nouns whose to-infinitive is attempted action, which CAMEO codes as the act ("a bid to seize the town")
_ATTEMPT_NOUNS = frozenset({"attempt", "bid"})


# prepositions whose object is an event that frames the sentence (used only when nothing verbal is coded)
# and the types that occur as such a frame (a deal or a summit there is a topic or a setting, not news)
FRAME_PREPS = frozenset({"amid", "after", "following", "despite", "during"})
FRAME_TYPES = frozenset({"PROTEST", "ASSAULT", "MOBILIZE", "COERCE"})


def named_event(n: Token) -> bool:
    """A capitalised event noun in running text names a known event ("after the Civil War"); in a
    title-case headline ("Amid Protests, ...") capitals say nothing."""
    if not n.text[:1].isupper():
        return False
    words = [t for t in n.sent if t.is_alpha and len(t) > 3]
    return sum(t.text[:1].isupper() for t in words) * 2 <= len(words)


def up_from(tok: Token, steps: int = 12) -> Iterator[Token]:
    """``tok`` and then its heads, up to the root or ``steps`` tokens in all (spaCy's ``ancestors``)."""
    return islice(chain((tok,), tok.ancestors), steps)


def subordinate(tok: Token, lex: Lexicon) -> bool:
    """Is ``tok`` inside a clause or phrase that sets the scene rather than reports the main news?"""
    for t in up_from(tok):
        dep = t.dep_
        if dep in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
            # deaths in a relative clause of an event noun quantify that event ("an insurgency in which ... died")
            return not (dep == "relcl" and _event_noun(t.head, lex))
        if dep == "advcl":
            marks = {c.lower_ for c in t.children if c.dep_ == "mark"}
            # "lifted a curfew in X, where 12 have been killed": a where-clause misread as adverbial (round 7)
            marks |= {c.lower_ for c in t.children if c.dep_ == "advmod" and c.lower_ == "where"}
            if marks & _TEMPORAL_MARKS or (not marks and t.tag_ in ("VBN", "VBG") and t.i < t.head.i):
                return True
        if dep == "pobj" and t.head.lower_ in _TEMPORAL_PREPS:
            return True
    return False


def fronted_participle(tok: Token) -> bool:
    """Is ``tok`` the verb of a fronted participial clause ("Rebuked by its neighbour, the state is ...")?
    Such a clause describes the main subject's circumstances; with no coded doer it is not news even when
    the main clause codes nothing (round 4)."""
    return tok.dep_ == "advcl" and tok.tag_ in ("VBN", "VBG") and tok.i < tok.head.i \
        and not any(c.dep_ == "mark" for c in tok.children) and tok.i == tok.sent.start


_PREP_WORDS = frozenset({"around", "across", "along", "near", "over", "through", "throughout", "inside",
                         "outside", "beyond", "into", "onto", "toward", "towards"})


def attributive_participle(tok: Token) -> bool:
    """ "around already occupied Ukraine", "into partially annexed land": a past participle right after a
    preposition or determiner (adverbs aside), with no subject or auxiliary, describes the noun after
    it even when the parser makes it a clause of its own."""
    if tok.tag_ != "VBN" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
        return False
    i = tok.i - 1
    while i >= tok.sent.start and tok.doc[i].pos_ == "ADV" and tok.doc[i].lower_ not in _PREP_WORDS:
        i -= 1
    # the tagger often reads "around"/"near" before a participle as an adverb
    return i >= tok.sent.start and (tok.doc[i].tag_ == "IN" or tok.doc[i].pos_ == "DET"
                                    or tok.doc[i].lower_ in _PREP_WORDS) \
        and tok.i + 1 < tok.sent.end and tok.doc[tok.i + 1].pos_ in ("PROPN", "NOUN", "ADJ")


def describes_speaker(tok: Token, lex: Lexicon) -> bool:
    """Is ``tok`` inside a relative clause about the speaker of a reporting verb ("X, who lost his son when
    bombers struck the bus, said ...")? That clause introduces the speaker; what they say is the news."""
    return any(t.dep_ == "relcl" and t.head.dep_ in ("nsubj", "nsubjpass") and lex.lemma(t.head.head) in lex.speech
               for t in up_from(tok))


def describes_subject(tok: Token) -> bool:
    """Is ``tok`` inside a relative clause on the subject of the sentence's main verb ("A woman who shot at
    officers was extradited", "The rebels who seized the town were driven out")? The clause says who the
    subject is; next to a main event it is background even when it names its doer (round 6)."""
    return any(t.dep_ == "relcl" and t.head.dep_ in ("nsubj", "nsubjpass") and t.head.head.dep_ in ("ROOT", "ccomp")
               for t in up_from(tok))


def _event_noun(tok: Token, lex: Lexicon) -> bool:
    return bool(lex.lookup(lex.lemma(tok), "NOUN") or lex.lookup(tok.lower_, "NOUN"))


def noun_infinitives(sent: Span, plans: frozenset[str] = frozenset()) -> set[int]:
    """Token indices of to-infinitives that complete an ordinary noun ("efforts to resolve the crisis").
    A plan noun's infinitive ("announced a plan to cut aid") is announced intent and stays (round 4)."""
    out: set[int] = set()
    for tok in sent:
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ == "NOUN" \
                and tok.head.lemma_.lower() not in _ATTEMPT_NOUNS and tok.head.lemma_.lower() not in plans \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            out.update(t.i for t in tok.subtree)
    return out
