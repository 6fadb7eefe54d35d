"""One event from one candidate trigger: its sides, modality, type recoding, date, place, counts
and confidence (split from ``coder``, which finds and merges the candidates of each sentence)."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..places.locate import event_location
from ..quantities.attach import event_counts
from ..records import ActorRef, Event
from ..time.anchor import event_date
from .conflict import conflict_sides
from .directives import involved_passive, ordered_party
from .harm import (
    accident_restated,
    attack_source,
    disaster,
    mover_sides,
    state_of_place,
)
from .hosts import host_sides
from .implicit import indirect_target
from .modality import Modality, is_historical, modality
from .ontology import Lexicon, Pattern
from .quotelink import QuoteLinker
from .sides import SideFinder, clause_subject
from .triggers import Match, match, pos_class
from .verbal import electoral_win, verbal_attack

# Material acts are the news an analyst tracks first; statements about them rank below them.
_MATERIAL = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "SANCTION", "AID", "RETREAT", "COOPERATE"})
# Dependents that hold the content of an event rather than a second event.
_EVIDENCE_CUT = frozenset({"advcl", "parataxis", "ccomp"})
# Acts only a state's authorities perform: with no doer named, the state they happen in did them.
_STATE_ACTS = frozenset({"arrest", "deport", "investigate", "curfew", "censor", "emergency", "ban", "sue"})
_RIOT = Pattern(lemma="riot", pos="VERB", type="PROTEST", mode="riot-spon", cameo="145")
_CRITICISM = Pattern(lemma="criticize", pos="VERB", type="ACCUSE", mode="criticize", cameo="111")


@dataclass(slots=True)
class Candidate:
    """A matched trigger on its way to becoming an event."""
    m: Match
    anchor: Token  # the verb whose clause gives sides and modality
    noun: Token | None  # the event noun, for noun triggers
    conf: float
    how: str  # verb | light | occurrence | fallback | must | frame
    also: list[Token] = field(default_factory=list)  # conjoined verbs merged into this event


def build_event(doc: Doc, c: Candidate, finder: SideFinder, lex: Lexicon, quotes: QuoteLinker) -> tuple[Event, bool] | None:
    """The event of a candidate, and whether a coded actor is named as one of its arguments."""
    p = c.m.pattern
    anchor, noun = c.anchor, c.noun
    if noun is not None and c.how in ("fallback", "occurrence", "frame"):
        source, target = finder.noun_sides(noun)
        if c.how == "occurrence" and not target and noun.dep_ == "nsubj":
            # "an explosion killed two soldiers": the victims are the verb's object
            target = finder.refs([g for g in anchor.children if g.dep_ in ("dobj", "obj")])
        if c.how == "occurrence" and not source and not target:
            # "clashes broke out between police and protesters": the parser hangs the parties on the verb
            source = finder.refs([g for p in anchor.children if p.dep_ == "prep" and p.lower_ == "between"
                                  for g in p.children if g.dep_ == "pobj"])
    elif c.how == "must":
        source, target = finder.clause_sides(anchor)
        ccomp = next((t for t in anchor.children if t.dep_ == "ccomp"), None)
        if ccomp is not None:
            target = finder.refs([g for g in ccomp.children if g.dep_ in ("nsubj", "nsubjpass")])
    else:
        source, target = finder.clause_sides(anchor, addressee_last=p.type == "ACCUSE")
        if noun is not None and involved_passive(anchor, lex):
            source, target = target, []  # "forces were engaged in ethnic cleansing" (.directives)
        if noun is not None:
            ns, nt = finder.noun_sides(noun)
            source = source or ns
            target = target or nt
        for verb in c.also if not any(r.code for r in target) else ():
            their = finder.clause_sides(verb)[1]  # the merged verb names whom the act is aimed at
            if any(r.code for r in their):
                target = their
                break
        ordered = ordered_party(anchor, lex) if p.type in ("COERCE", "SANCTION") and not target else None
        if ordered is not None:  # "ordered the newspaper to suspend publication" (.directives)
            source, target = finder.clause_sides(ordered[0])[0], finder.refs([ordered[1]])
    source, target = _theme(p.theme, anchor, source, target, finder)
    if not source and p.mode in _STATE_ACTS:  # "was arrested in Turkey": that state's authorities acted
        source = state_of_place([anchor] + ([noun] if noun is not None else []), finder)
    if noun is not None and lex.lemma(noun) in lex.word_class("mover_nouns"):
        source, target = mover_sides(noun, source, target, finder)  # "the withdrawal of Russian troops"
    if not any(r.code for r in source) and lex.lemma(anchor) in lex.casualty_verbs:
        source = attack_source(anchor, finder, lex) or source  # "died in an Israeli air strike"
        if source and all(finder.same_as(r, source) for r in target):  # the dead are the target
            target = finder.refs([c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")]) or target
    source, target = conflict_sides(finder, lex, anchor, source, target)  # "an insurgency in which N died"
    source, target = host_sides(p, anchor, source, target, finder, lex)  # "its staff were expelled" (.hosts)
    toks = [doc[i] for i in c.m.tokens]
    trig = (min(t.idx for t in toks), max(t.idx + len(t) for t in toks))
    qi = quotes.index_of(trig)
    source = quotes.source(qi, source, _subject_word(c))
    if p.type == "ASSAULT" and not any(r.code for r in source) and (
            disaster(anchor.sent, lex) or accident_restated(c.m.head, lex)):
        return None  # "killed in an earthquake": harm without an attacker
    if p.mode == "withdraw" and lex.lemma(c.m.head) == "evacuate" and not any(r.code for r in source) \
            and disaster(anchor.sent, lex):
        return None  # "5,000 people evacuated" from a flood: rescue, not a retreat
    mod: Modality = modality(anchor, noun, lex)
    typ, mode = p.type or "", p.mode
    if typ == "ASSAULT" and c.how == "verb" and _protesters_act(anchor, lex):
        p = _RIOT  # "protesters clashed with police", "rioters torched cars": protest violently, riot (145)
        typ, mode = p.type, p.mode
    crowd = [r for r in source + target if _is_crowd(doc, r, lex)] if typ == "ASSAULT" and mode == "clash" else []
    if crowd:
        p = _RIOT  # "clashes broke out between police and protesters": a protest turned violent (145)
        typ, mode = p.type, p.mode
        # the crowd protests; the police it clashed with are the target
        source, target = crowd, [r for r in source + target if r not in crowd]
    if typ == "ASSAULT" and electoral_win(lex.lemma(c.m.head), anchor.sent, source, target, finder.actors, lex):
        return None  # "Cruz has captured Oklahoma and Texas": a vote won (.verbal)
    if typ == "ASSAULT" and verbal_attack(lex.lemma(c.m.head), anchor.sent, source, target, finder.actors, lex):
        p = _CRITICISM  # "Sanders attacked Clinton for her ties to Wall Street" (.verbal)
        typ, mode = p.type, p.mode
    if mod.intent and not mod.negated and c.how != "must" and typ in lex.intent:
        typ, mode = lex.intent[typ]  # "X said it will withdraw": an announced intent (AGREE / THREATEN)
    date, precision = event_date(doc, anchor, doc._.wc_timexes)
    historical = is_historical(date, doc._.wc_dateline, anchor)
    counts = event_counts(doc, anchor, doc._.wc_quantities) or {}
    loc = event_location(doc, anchor, doc._.wc_places)
    named = any(r.code for r in source + target)
    target = indirect_target(doc, finder, typ, anchor, noun, source, target, loc)
    cameo = lex.cameo_for(p) if typ == p.type else lex.mode_cameo.get((typ, mode or "")) or lex.type_cameo.get(typ)
    conf = c.conf if c.how == "frame" else _confidence(c, source, target, mod) + (0.06 if typ in _MATERIAL else 0.0)
    conf = round(min(0.99, conf), 2)
    ev = Event(
        type=typ, evidence=_evidence(anchor), trigger=trig, mode=mode, context=p.context,
        cameo=cameo, goldstein=lex.goldstein_for(cameo), source=tuple(source), target=tuple(target),
        date=date, date_precision=precision, location=loc, negated=mod.negated,
        hypothetical=mod.hypothetical, future=mod.future, historical=historical,
        size=counts.get("size"), dead=counts.get("dead"), injured=counts.get("injured"),
        arrested=counts.get("arrested"), confidence=conf, quote_index=qi)
    return ev, named


def _is_crowd(doc: Doc, r: ActorRef, lex: Lexicon) -> bool:
    """The side is a crowd of protesters ("police clashed with hundreds of protesters")."""
    span = doc.char_span(r.span[0], r.span[1], alignment_mode="expand") if r.span else None
    words = (span.text if span is not None else r.name).lower().split()
    crowd = lex.word_class("protesters")
    return bool(words) and (words[-1] in crowd or words[-1].rstrip("s") in crowd)


def _protesters_act(anchor: Token, lex: Lexicon) -> bool:
    subj, passive = clause_subject(anchor)
    if passive or not subj or lex.lemma(subj[0]) not in lex.frame_nouns:
        return False
    reading = match(lex, subj[0])  # "air strikes destroyed a hospital": an attack, not a labour strike
    return reading is None or reading.pattern.type != "ASSAULT"


def _theme(theme: str | None, anchor: Token, source: list[ActorRef], target: list[ActorRef],
           finder: SideFinder) -> tuple[list[ActorRef], list[ActorRef]]:
    """Intransitive and passive uses whose subject is a fixed side ("troops massed", "people died")."""
    passive_like = anchor.dep_ == "acl" or any(c.dep_ in ("nsubjpass", "auxpass") for c in anchor.children)
    if theme == "source" and passive_like and not source:
        moved = target
        rest = [r for r in finder._object_refs(anchor, exclude=moved)]
        return moved, rest
    if theme == "target" and source and not target:
        return [], source
    if theme == "recipient":  # "X received aid from Y": Y gave it, X is the target
        giver = [g for c in anchor.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
                 if g.dep_ == "pobj"]
        return finder.refs(giver), source
    return source, target


def _confidence(c: Candidate, source: list[ActorRef], target: list[ActorRef], mod: Modality) -> float:
    conf = c.conf
    if any(r.code for r in source):
        conf += 0.08
    elif not source:
        conf -= 0.1
    if any(r.code for r in target):
        conf += 0.04
    if c.anchor.dep_ == "ROOT":
        conf += 0.05
    if mod.negated:
        conf -= 0.3
    if mod.hypothetical:
        conf -= 0.1
    return round(min(0.99, max(0.05, conf)), 2)


def _evidence(anchor: Token) -> tuple[int, int]:
    """The anchor's clause: its subtree without adverbial clauses, parataxis and other clauses."""
    drop: set[int] = set()
    for c in anchor.children:
        if c.dep_ in _EVIDENCE_CUT or (c.dep_ == "conj" and pos_class(c) == "VERB" and
                                       any(g.dep_.startswith("nsubj") for g in c.children)):
            drop.update(t.i for t in c.subtree)
    toks = [t for t in anchor.subtree if t.i not in drop and not t.is_punct] or [anchor]
    lo, hi = toks[0], toks[-1]
    return lo.idx, hi.idx + len(hi)


def _subject_word(c: Candidate) -> str | None:
    """The pronoun (or first-person possessive) that is the doer of the event, if the doer is one."""
    if c.noun is not None and c.how in ("fallback", "occurrence", "frame"):
        heads = [g for g in c.noun.children if g.dep_ == "poss"]
    else:
        subj, passive = clause_subject(c.anchor)
        if passive or not subj:
            return None
        heads = subj if subj[0].pos_ == "PRON" else [g for g in subj[0].children if g.dep_ == "poss"]
    return heads[0].lower_ if heads and heads[0].pos_ == "PRON" else None
