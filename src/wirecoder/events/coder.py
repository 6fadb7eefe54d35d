"""The event coder: triggers -> events with sides, modality, date, place, counts and confidence.

Per sentence: match every token against the trigger lexicon; verbal triggers
state events; their complements (to-infinitives, that-clauses, objects, the
'if' clause of a threat) are the content of that event, not events of their
own ("threatened to impose sanctions" is one THREATEN). Event nouns state an
event when a light verb carries them ("held talks"), when they are the
subject of a verb of occurrence ("clashes erupted"), or, at lower confidence,
when nothing verbal in the sentence does. Conjoined verbs of one type are
one event ("occupied and annexed").
"""
from __future__ import annotations

from itertools import islice

from spacy.tokens import Doc, Span, Token

from ..records import Event
from .background import (
    FRAME_PREPS,
    FRAME_TYPES,
    attributive_participle,
    describes_speaker,
    describes_subject,
    fronted_participle,
    named_event,
    noun_infinitives,
    subordinate,
)
from .build import Candidate, build_event
from .claims import rank_protest_claims
from .clauses import content, document_clauses, not_asserted
from .directives import (
    cause_of_death,
    directives,
    dismissals,
    mission,
    put_under,
    retype,
)
from .ontology import Lexicon
from .quotelink import QuoteLinker
from .scene import describes_participant, prep_clauses, restates, uncoded_situation
from .sides import SideFinder
from .triggers import Match, match
from .unrealised import cancelled_nouns

# verbal acts whose object is what they are about, not news of its own (.scene.uncoded_situation)
_STATEMENTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})


def find_events(doc: Doc, lex: Lexicon) -> tuple[Event, ...]:
    if not len(doc):
        return ()
    finder = SideFinder(doc, lex.agents, lex.word_class("gatherings"))
    quotes = QuoteLinker(tuple(doc._.wc_quotes), tuple(doc._.wc_actors))
    sents = list(doc.sents) if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else [doc[:]]
    heads = _headline_sentences(sents)
    events: list[Event] = []
    head_events: list[Event] = []
    for n, sent in enumerate(sents):
        built: list[tuple[Event, bool]] = []
        cands = _sentence_candidates(sent, lex)
        coded_nouns = frozenset(c.noun.i for c in cands if c.noun is not None)
        statements = frozenset(c.anchor.i for c in cands if c.m.pattern.type in _STATEMENTS)
        for c in cands:
            res = build_event(doc, c, finder, lex, quotes)
            if res is None:
                continue
            ev, named = res
            if describes_speaker(c.noun or c.anchor, lex):
                continue  # the speaker's background, not what is reported (.background)
            if c.noun is None and not named and fronted_participle(c.anchor):
                continue  # "Rebuked by its neighbour, the state ...": circumstances of the subject (.background)
            # who the main subject is ("a woman who shot at officers was extradited") is background even when named
            named = named and not describes_subject(c.noun or c.anchor) and not describes_participant(
                c.noun or c.anchor, frozenset(o.anchor.i for o in cands if o is not c), coded_nouns, lex)
            # a frame noun is the setting of its verb; that verb may itself set the scene ("where 28 died in riots")
            bg = subordinate(c.anchor if c.how == "frame" else c.noun or c.anchor, lex) \
                or uncoded_situation(c.noun or c.anchor, coded_nouns, statements, lex)
            built.append((ev, bg, named))
        # next to the sentence's main news, a scene-setting act is kept only with a coded side named as
        # its argument (.background); a target inferred from its place does not make it news
        main = any(not bg for _, bg, _ in built)
        (head_events if n < heads else events).extend(ev for ev, bg, named in built if not (bg and main and not named))
    # a headline restates the story; keep its events only when the body does not code that type
    body_types = {e.type for e in events}
    return rank_protest_claims(tuple([e for e in head_events if e.type not in body_types] + events))


def _headline_sentences(sents: list[Span]) -> int:
    """How many leading sentences are headline lines (no closing punctuation) before the body starts."""
    n = 0
    for s in sents:
        last = next((t for t in reversed(s) if not t.is_space), None)
        if last is None or last.text in (".", "!", "?", '"', "”", "'", ":", ";") or len(s) > 25:
            break
        n += 1
    return n if n < len(sents) else 0


# light verbs whose event noun follows "to": "resorted to force", "went to war"
_TO_LIGHT = frozenset({"resort", "go"})


def _sentence_candidates(sent: Span, lex: Lexicon) -> list[Candidate]:
    matches: dict[int, Match] = {}
    for tok in sent:
        m = match(lex, tok) or mission(tok, lex)
        if m is not None:
            matches[tok.i] = retype(m, lex)  # peacekeepers, inspection missions (.directives)
    # "occupied Ukraine", "disputed region": a participle before its noun describes, it does not report
    verbal = [m for m in matches.values() if m.pattern.pos != "NOUN" and m.head.dep_ not in ("amod", "compound")
              and not attributive_participle(m.head)]
    # "pledged to preserve the policy": a pledge whose act has a pattern is coded as that act (intent)
    pledges = lex.word_class("pledge_verbs")
    verbal = [m for m in verbal if not (lex.lemma(m.head) in pledges and any(
        c.dep_ == "xcomp" and c.i in matches and matches[c.i].pattern.pos != "NOUN" for c in m.head.children))]
    cands: list[Candidate] = [Candidate(m, m.head, None, m.pattern.conf or 0.8, "verb") for m in verbal]
    cands += _must_requests(sent, lex, matches)
    cands += [Candidate(m, a, None, 0.7, "verb") for m, a in directives(sent, lex, matches) + dismissals(sent, lex)]
    consumed = {i for c in cands for i in c.m.tokens}
    blocked = document_clauses(sent, lex) | not_asserted(sent, lex) | noun_infinitives(sent, lex.plan_nouns) \
        | cancelled_nouns(sent, lex)
    nouns = [m for i, m in matches.items() if m.pattern.pos == "NOUN" and i not in consumed]
    noun_cands: list[Candidate] = []
    for m in nouns:
        n = m.head
        if n.dep_ == "compound" and n.head.i in m.tokens:
            n = n.head  # "a sit-in", "a die-in": the parser heads the unit on its particle
        base = m.pattern.conf or 0.5
        head = n.head
        if n.dep_ in ("dobj", "obj") and lex.lemma(head) in lex.light_verbs:
            noun_cands.append(Candidate(_extend(m, head), head, n, base + 0.25, "light"))
        elif n.dep_ == "pobj" and lex.lemma(head.head) in lex.light_verbs and head.head.pos_ == "VERB" \
                and (head.lower_ in ("on", "in", "part") or head.lower_ == "to" and lex.lemma(head.head) in _TO_LIGHT) \
                and not any(c.dep_ == "dobj" for c in head.head.children):  # "opened fire on protesters"
            noun_cands.append(Candidate(_extend(m, head.head), head.head, n, base + 0.2, "light"))
        elif n.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in lex.occurrence_verbs:
            noun_cands.append(Candidate(m, head, n, base + 0.2, "occurrence"))
        elif (rel := _occurring_relcl(n, lex)) is not None:  # "the explosions that shook a market"
            noun_cands.append(Candidate(m, rel, n, base + 0.2, "occurrence"))
        elif put_under(n, lex) is not None:  # "was put under investigation"
            noun_cands.append(Candidate(_extend(m, head.head), head.head, n, base + 0.25, "light"))
        elif cause_of_death(n, lex) is not None:  # "died as a result of torture"
            noun_cands.append(Candidate(m, cause_of_death(n, lex), n, base + 0.2, "occurrence"))
        elif n.dep_ == "pobj" and head.dep_ == "agent":  # "were hit by coordinated attacks"
            noun_cands.append(Candidate(m, head.head, n, base + 0.2, "occurrence"))
        elif n.dep_ == "pobj" and head.lower_ in ("in", "during") and lex.lemma(head.head) in lex.casualty_verbs:
            noun_cands.append(Candidate(m, head.head, n, base + 0.2, "occurrence"))  # "died in a rocket attack"
        elif n.dep_ == "ROOT" or (n.dep_ in ("dobj", "appos") and not verbal) or \
                (n.dep_ == "pobj" and head.lower_ in FRAME_PREPS and not verbal and m.pattern.type in FRAME_TYPES
                 and not named_event(n)):
            # "Amid protests, ...", "after its missile tests": with no verbal event the framing event is the news
            noun_cands.append(Candidate(m, n.head if n.dep_ != "ROOT" else n, n, base * 0.8, "fallback"))
    # what a verbal or light-verb event governs is its content, not a second event
    governors = cands + [c for c in noun_cands if c.how == "light"]
    owned = [(c.anchor.i, content(c.anchor) | prep_clauses(c.anchor)) for c in governors]

    def inside(c: Candidate) -> bool:
        own = {c.anchor.i, c.m.head.i}
        return bool(own & blocked) or any(a not in own and own & cont for a, cont in owned)

    cands = [c for c in cands if not inside(c) and not _background_casualty(c)]
    noun_cands = [c for c in noun_cands if not inside(c) and not _background_casualty(c)]
    cands += noun_cands
    cands += _frame_nouns(matches, consumed - {i for i in consumed if matches.get(i) is not None
                                               and matches[i].pattern.pos == "NOUN"}, cands, lex)
    merged = _merge(cands, lex)
    # "killed 23 when they blew themselves up": a clause that restates how an event happened (.scene)
    kinds = [(c.anchor, c.m.pattern.type or "") for c in merged]
    return [c for c in merged if not restates(c.anchor, c.m.pattern.type or "", [k for k in kinds if k[0].i != c.anchor.i])]


def _occurring_relcl(n: Token, lex: Lexicon) -> Token | None:
    """A relative clause saying the event noun happened: "the blasts that rocked a church"."""
    for c in n.children:
        if c.dep_ == "relcl" and c.lemma_.lower() in lex.occurrence_verbs and any(
                g.dep_ == "nsubj" and g.lower_ in ("that", "which") for g in c.children):
            return c
    return None


def _frame_nouns(matches: dict[int, Match], consumed: set[int], cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """A protest named as the setting of other acts ("detained during protests") is the main event."""
    out: list[Candidate] = []
    for i, m in matches.items():
        n = m.head
        if m.pattern.pos != "NOUN" or i in consumed or n.lemma_.lower() not in lex.frame_nouns:
            continue
        setting = n.dep_ == "pobj" and n.head.lower_ in lex.frame_preps and n.head.head.pos_ in ("VERB", "AUX")
        # "police dispersed the protesters", "protesters were killed": force used against a protest
        patient = _patient_of_force(n, cands)
        if not (setting or patient):
            continue
        # one protest frame per protest: an act of the same type already coded is the protest, unless it
        # is what the force was used to stop ("fired pepper spray to keep the crowd from marching on")
        if any(c.m.pattern.type == m.pattern.type and not (patient and _stopped_by_force(c.anchor, cands))
               for c in cands + out):
            continue
        # a protest met with force is the story; the force is the response (ranked below it)
        anchor = n.head.head if n.dep_ == "pobj" else n.head
        out.append(Candidate(m, anchor, n, 0.99 if patient else 0.85, "frame"))
    return out


def _background_casualty(c: Candidate) -> bool:
    """'the town where 24 people were killed (in riots)': agentless casualties in a relative clause
    describe the background of a place or event; they are not news of their own."""
    v = c.anchor
    casualty = c.m.pattern.lemma in ("kill", "wound", "injure") or (c.noun is not None and c.how == "occurrence")
    passive = any(g.dep_ == "auxpass" for g in v.children)
    return (casualty and v.dep_ == "relcl" and not any(g.dep_ == "agent" for g in v.children)
            and (passive and v.lemma_.lower() in ("kill", "wound", "injure") or v.lemma_.lower() == "die"))


def _stopped_by_force(act: Token, cands: list[Candidate]) -> bool:
    """``act`` lies in a clause under a force verb ("fired pepper spray ... to stop the crowd reaching
    the palace"): the force stopped it, so it is not the protest that happened."""
    force = {c.anchor.i for c in cands if c.m.pattern.type in ("COERCE", "ASSAULT")}
    return any(t.i in force for t in islice(act.ancestors, 8))


def _patient_of_force(n: Token, cands: list[Candidate]) -> bool:
    """Force is used on the protest or its people: its object, passive subject or 'against' object,
    also through a group noun ("tear gas against crowds of protesters") and a purpose clause
    ("used a water cannon to disperse a crowd of rioters")."""
    if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.pos_ == "NOUN":
        n = n.head.head  # "crowds of protesters": the crowd is acted on
    if n.dep_ not in ("dobj", "nsubjpass", "pobj"):
        return False
    verb = n.head.head if n.dep_ == "pobj" else n.head
    verbs = {verb.i} | ({verb.head.i} if verb.dep_ in ("xcomp", "advcl") else set())
    return any(c.anchor.i in verbs and c.m.pattern.type in ("COERCE", "ASSAULT") for c in cands)


def _extend(m: Match, verb: Token) -> Match:
    return Match(pattern=m.pattern, head=m.head, tokens=tuple(sorted({*m.tokens, verb.i})))


def _must_requests(sent: Span, lex: Lexicon, matches: dict[int, Match]) -> list[Candidate]:
    """'X said (that) Y must do Z': a demand by X on Y, whatever Z is."""
    out = []
    for tok in sent:
        if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in lex.speech:
            continue
        must = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ == "must"), None)
        if must is None or not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            continue
        pats = lex.lookup("demand", "VERB")
        if not pats:
            continue
        m = Match(pattern=pats[-1], head=tok.head, tokens=(tok.head.i, must.i))
        out.append(Candidate(m, tok.head, None, 0.6, "must"))
    return out


def _distinct_acts(a: Candidate, b: Candidate, lex: Lexicon) -> bool:
    """Two specific kinds of violence ("kidnapped advisers and detonated bombs": 181, 183) are two
    events; a generic one ("shot and killed": 190, 18) restates the other, and conjoined coercion
    ("seized and annexed") is one process."""
    if a.m.pattern.type != "ASSAULT":
        return False
    ca, cb = lex.cameo_for(a.m.pattern) or "", lex.cameo_for(b.m.pattern) or ""
    return len(ca) >= 3 and len(cb) >= 3 and ca[:3] != cb[:3]


def _merge(cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """One event per trigger; conjoined verbs of one type, and a noun subject of a same-type verb, are one."""
    cands.sort(key=lambda c: c.m.head.i)
    out: list[Candidate] = []
    seen_heads: set[int] = set()
    for c in cands:
        if c.m.head.i in seen_heads:
            continue
        t = c.m.pattern.type
        dup = False
        for o in out:
            if o.m.pattern.type != t:
                continue
            a, b = o.anchor, c.anchor
            if b.dep_ == "conj" and b.head.i == a.i and not _distinct_acts(o, c, lex):
                o.also.append(b)  # "criticised the pact and accused Tokyo of ...": one accusation
                dup = True
                break
            if a.i == b.i or (c.noun is not None and c.noun.head.i == a.i and c.how == "occurrence"):
                dup = True
                break
        if not dup:
            out.append(c)
            seen_heads.add(c.m.head.i)
    return out
