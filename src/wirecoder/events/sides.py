"""Event sides from the dependency parse: who acted (source) and who was acted on (target).

Actor identity comes from the actor stage (``doc._.wc_mentions``); this module
decides which noun phrases are the sides: subjects (also shared through
coordination, control and raising), objects and prepositional objects, the
agent of a passive, possessors and demonyms of event nouns, and the subject of
an embedded clause ("demands an assurance that the bloc will not enlarge").
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

from ..actors.lookup import actor_ref
from ..records import Actor, ActorMention, ActorRef
from .objects import (NOUN_TARGET_PREPS, RELPRON, SUBJ, SUBJ_PASS, doers, instigator,
                      target_candidates, with_conjuncts)

_PRUNE = frozenset({"relcl", "acl", "advcl", "prep", "punct", "cc", "conj", "appos", "parataxis"})
_NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
# Heads that name a part or amount of the group in their 'of' object ("tens of thousands of students").
_QUANTIFIERS = frozenset({"one", "some", "many", "most", "all", "several", "tens", "hundreds", "thousands",
                          "millions", "dozens", "scores", "dozen", "hundred", "thousand", "group", "groups",
                          "member", "members", "part", "number", "majority"})
# Where an uncoded group is: "rebels in the Ivory Coast", "students throughout Indonesia".
_LOCAL_PREPS = frozenset({"in", "from", "throughout", "across", "inside"})


class SideFinder:
    """Turns noun-phrase heads into ActorRefs for one document (caches the mention index)."""

    def __init__(self, doc: Doc, agents: frozenset[str], gatherings: frozenset[str] = frozenset()):
        self.doc = doc
        self.agents = agents
        self.gatherings = gatherings  # "at a meeting in Geneva": a venue, no target
        self.mentions: tuple[ActorMention, ...] = tuple(doc._.wc_mentions)
        self.starts = [m.start for m in self.mentions]
        self.actors: dict[str, Actor] = {a.id: a for a in doc._.wc_actors}

    # ---------------------------------------------------------------- phrases
    def refs(self, heads: list[Token]) -> list[ActorRef]:
        """The actors named by these phrase heads (each with its conjuncts), deduplicated."""
        out: list[ActorRef] = []
        seen: set[str] = set()
        for h in with_conjuncts(heads):
            for r in self._phrase_refs(h):
                key = r.actor_id or r.name.lower()
                if key not in seen:
                    seen.add(key)
                    out.append(r)
        return out

    def _phrase_refs(self, head: Token) -> list[ActorRef]:
        toks = _core_tokens(head)
        lo, hi = min(t.idx for t in toks), max(t.idx + len(t) for t in toks)
        inside = {t.i for t in toks}
        i = bisect_left(self.starts, lo)
        found: list[ActorMention] = []
        while i < len(self.mentions) and self.mentions[i].start < hi:
            m = self.mentions[i]
            if m.end <= hi and self._mention_in(m, inside) and m.actor_id in self.actors:
                found.append(m)
            i += 1
        if not found:  # a mention wider than the core phrase ("students in Caracas") still names its head
            j = bisect_left(self.starts, head.idx + 1) - 1
            # a mention is a short phrase: one that covers the head starts shortly before it
            floor = max(head.sent.start_char, head.idx - 300)
            while j >= 0 and self.mentions[j].start >= floor:
                m = self.mentions[j]
                if m.start <= head.idx < m.end and m.actor_id in self.actors:
                    found.append(m)
                    break
                j -= 1
        if found:
            # a mention that covers the head names the phrase; modifiers only when none does
            on_head = [m for m in found if m.start <= head.idx < m.end]
            refs = [actor_ref(self.doc, m, self.actors) for m in (on_head or found)]
            if not any(r.code for r in refs):
                refs = self._localise(head, refs, lo, hi)
            return refs
        poss = next((t for t in toks if t.dep_ == "poss" and t.lower_ in ("its", "their")), None)
        if poss is not None:
            m = self._antecedent(poss)
            if m is not None:  # "eight of its staff": the staff of the last state or body named
                return [actor_ref(self.doc, m, self.actors)]
        place = self._place_ref(lo, hi)
        if place is not None:
            return [place]
        if head.pos_ == "PRON" and head.dep_ in SUBJ + SUBJ_PASS:
            speaker = _reporting_subject(head)
            if speaker is not None:  # "Hungary said it will ...": the pronoun is the speaker
                return self._phrase_refs(speaker)
        if head.like_num or head.lower_ in _QUANTIFIERS:
            of = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                  if g.dep_ == "pobj"]
            if of:  # "two of the three gunmen", "eight of its staff"
                return self._phrase_refs(of[0])
        if head.ent_type_ in _NOT_ACTOR_ENTS or head.like_num:
            return []
        if head.pos_ in ("PROPN", "PRON") or head.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") \
                or head.lemma_.lower() in self.agents:
            if head.pos_ == "PRON" and head.lower_ in ("it", "this", "that", "which", "what"):
                return []
            toks = [t for t in toks if not t.is_space]
            span = self.doc[toks[0].i: toks[-1].i + 1]
            # "demonstrators in Baghdad", "students throughout Indonesia": the group of a place
            return self._localise(head, [ActorRef(name=span.text, code=None, span=(span.start_char, span.end_char))],
                                  lo, hi)
        return []

    def _localise(self, head: Token, refs: list[ActorRef], lo: int, hi: int) -> list[ActorRef]:
        """An uncoded group of a country ("Fijian rebels", "an insurgency in eastern Ukraine") takes its code."""
        own = self._place_ref(lo, hi)
        if own is not None:
            return [ActorRef(name=r.name, code=own.code, sector=r.sector, igo=r.igo, actor_id=r.actor_id,
                             span=r.span) for r in refs]
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in _LOCAL_PREPS:
                heads = [g for g in c.children if g.dep_ == "pobj"]
            elif c.dep_ == "appos":  # "Sidhoum, Algeria's leading rights activist": the descriptor's country
                heads = [c]
            else:
                continue
            for g in heads:
                where = [r for r in self._phrase_refs(g) if r.code]
                if where:
                    return [ActorRef(name=r.name, code=where[0].code, sector=r.sector, igo=r.igo,
                                     actor_id=r.actor_id, span=r.span) for r in refs]
        return refs

    def _antecedent(self, pron: Token) -> ActorMention | None:
        """The closest state, body or group named before a possessive 'its'/'their' in its sentence."""
        sent_start = pron.sent.start_char
        i = bisect_left(self.starts, pron.idx) - 1
        while i >= 0 and self.mentions[i].start >= sent_start:
            m = self.mentions[i]
            a = self.actors.get(m.actor_id)
            if a is not None and a.kind in ("state", "igo", "organization", "group") and a.code:
                return m
            i -= 1
        return None

    def _place_ref(self, lo: int, hi: int) -> ActorRef | None:
        """A place named where no actor is ("in eastern Ukraine") stands for its country."""
        for p in self.doc._.wc_places:
            if lo <= p.start and p.end <= hi and p.place.country:
                return ActorRef(name=p.text, code=p.place.country, span=(p.start, p.end))
        return None

    def _mention_in(self, m: ActorMention, inside: set[int]) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and any(t.i in inside for t in span)

    # ---------------------------------------------------------------- clauses
    def clause_sides(self, verb: Token, addressee_last: bool = False) -> tuple[list[ActorRef], list[ActorRef]]:
        """Source and target of a verbal trigger; ``addressee_last``: a complaint's target is whom it is
        about ("complained to the UN over Israeli raids"), the 'to' object only when nothing else is named."""
        subj, passive = clause_subject(verb)
        src_heads: list[Token] = []
        tgt_heads: list[Token] = []
        if passive:
            tgt_heads += subj
            src_heads += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            # "were captured and executed by the rebels": the agent of a conjoined participle acts in both
            src_heads = src_heads or [g for v in verb.children if v.dep_ == "conj" and v.tag_ == "VBN"
                                      for c in v.children if c.dep_ == "agent" for g in c.children
                                      if g.dep_ == "pobj"] or instigator(verb)
        else:
            src_heads += subj
        source = self.refs(src_heads)
        target = self.refs(tgt_heads) if tgt_heads else []
        if not target:
            target = self._object_refs(verb, exclude=source, addressee_last=addressee_last)
        return source, target

    def _object_refs(self, verb: Token, exclude: list[ActorRef], addressee_last: bool = False) -> list[ActorRef]:
        first: list[ActorRef] = []
        order = target_candidates(verb, self.gatherings)
        if addressee_last:
            order.sort(key=lambda hs: bool(hs) and hs[0].dep_ == "pobj" and hs[0].head.lower_ == "to")
        for cands in order:
            refs = [r for r in self.refs(cands) if not self.same_as(r, exclude)]
            if any(r.code for r in refs):
                if first and any(r.actor_id for r in first) and not any(r.actor_id for r in refs):
                    continue  # "fought militants near Mosul": a place does not outrank the group fought
                return refs  # an identified actor beats a bare phrase ("offered its troops to Lebanon")
            first = first or refs
        # "an investigation into crimes committed by X", "violations by X": the doer of the thing acted on
        for cands in order:
            refs = [r for r in self.refs(doers(cands)) if r.code and not self.same_as(r, exclude)]
            if refs:
                return refs
        return first

    def same_as(self, r: ActorRef, exclude: list[ActorRef]) -> bool:
        """A target that is the source itself: the same words, a pronoun standing for it ("blew
        themselves up") or its own people ("its forces"). Another name of the same actor ("farmers ... would blockade Paris") is a target."""
        for x in exclude:
            if r.span is not None and x.span is not None and r.span[0] < x.span[1] and x.span[0] < r.span[1]:
                return True
            if (r.actor_id or r.name.lower()) == (x.actor_id or x.name.lower()):
                if r.span is None:
                    return True
                words = self.doc.char_span(r.span[0], r.span[1], alignment_mode="expand")
                if words is None or all(t.pos_ == "PRON" or t.tag_ in ("PRP", "PRP$") for t in words):
                    return True
                if any(c.dep_ == "poss" and c.pos_ == "PRON" for t in words for c in t.children):
                    return True  # "its peacekeeping forces": the source's own people
        return False

    def noun_sides(self, noun: Token) -> tuple[list[ActorRef], list[ActorRef]]:
        """Sides of an event noun: possessor/demonym/'by' -> source; 'against', 'on', 'of' -> target."""
        src: list[Token] = []
        tgt: list[Token] = []
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i:
                src.append(c)
            elif c.dep_ == "prep" and c.lower_ == "by":
                src += [g for g in c.children if g.dep_ == "pobj"]
            elif c.dep_ == "prep" and c.lower_ == "from":  # "attacks from Donald Trump"; places are left or sent from
                src += [g for g in c.children if g.dep_ == "pobj" and g.ent_type_ in ("PERSON", "ORG", "NORP")]
            elif c.dep_ == "prep" and c.lower_ == "between":
                src += [g for g in c.children if g.dep_ == "pobj"]
            elif c.dep_ == "prep" and c.lower_ in NOUN_TARGET_PREPS:
                tgt += [g for g in c.children if g.dep_ == "pobj"]
        if not tgt:  # "a halt of flights to Belarus": the other side sits on the noun's 'of' object
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for g in c.children:
                        tgt += [x for p in g.children if p.dep_ == "prep" and p.lower_ in NOUN_TARGET_PREPS
                                and p.lower_ != "of" for x in p.children if x.dep_ == "pobj"]
        source = [r for h in src for r in self._modifier_refs(h)]
        ex = {r.actor_id or r.name for r in source}
        target = [r for r in self.refs(tgt) if (r.actor_id or r.name) not in ex]
        return _dedupe(source), target

    def _modifier_refs(self, tok: Token) -> list[ActorRef]:
        # "air strike", "car bomb": a common-noun modifier is no side, unless it names a group ("police firing")
        if tok.dep_ in ("amod", "compound") and tok.pos_ not in ("PROPN", "ADJ") and tok.ent_type_ == "" \
                and tok.lemma_.lower() not in self.agents:
            return []
        return self.refs([tok])


def clause_subject(verb: Token) -> tuple[list[Token], bool]:
    """The subject heads of a verb's clause and whether the verb is passive.

    Follows shared subjects: conjoined verbs, control and raising ("is expected to
    lead"), relative clauses (the modified noun), and participles ("troops massed").
    """
    # passive also without auxiliary: "Rebuked by X, Y ...", "talks held by X"
    passive = any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(c.dep_ == "aux" for c in verb.children))
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and not any(c.dep_.startswith("aux") for c in verb.children):
        # "four people were injured and airlifted": the second participle shares the passive
        passive = passive or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.head.children)
    for _ in range(6):
        subj = [c for c in verb.children if c.dep_ in SUBJ + SUBJ_PASS]
        if subj:
            # "Old foes X and Y renewed ties": a descriptive noun misparsed as a second subject; the name is the subject
            named = [c for c in subj if c.pos_ == "PROPN"] if len(subj) > 1 else []
            s = named[0] if named else subj[0]
            if s.lower_ in RELPRON and verb.dep_ == "relcl":
                return [verb.head], passive
            return [s], passive
        if verb.dep_ == "relcl":
            return [verb.head], passive
        if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # "X's plan to cut aid", "X announced a plan to cut aid", "launched a bid to seize": the noun's
            # owner acts, not the noun
            noun = verb.head
            poss = [c for c in noun.children if c.dep_ == "poss" and c.lower_ not in RELPRON]
            if poss:
                return poss, passive
            if noun.dep_ == "dobj" and noun.head != noun:
                verb = noun.head
                continue
            return [noun], passive
        if verb.dep_ == "acl":
            return [verb.head], passive or verb.tag_ == "VBN"
        if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "acomp") and verb.head != verb:
            head = verb.head
            if verb.dep_ == "xcomp":
                # object control: "urged Iraq to withdraw" -> Iraq withdraws
                objs = [c for c in head.children if c.dep_ in ("dobj", "dative")]
                if objs and head.lemma_ not in ("promise",):
                    return objs, passive
            if verb.dep_ == "pcomp" and head.dep_ == "prep":
                head = head.head
            verb = head
            continue
        break
    return [], passive


def _reporting_subject(pron: Token) -> Token | None:
    """The subject of the reporting verb whose that-clause this pronoun is the subject of."""
    if pron.lower_ not in ("it", "they", "he", "she", "we"):
        return None
    clause = pron.head
    for _ in range(3):
        if clause.dep_ == "ccomp":
            subj = [c for c in clause.head.children if c.dep_ in SUBJ and c.pos_ != "PRON"]
            return subj[0] if subj else None
        if clause.dep_ not in ("conj", "xcomp", "acomp") or clause.head == clause:
            return None
        clause = clause.head
    return None


# An actor phrase is short; past this many tokens the parse has run on (text without sentence
# breaks) and walking further only costs time.
MAX_PHRASE_TOKENS = 60


def _core_tokens(head: Token) -> list[Token]:
    """The head's phrase without relative clauses, other prepositional phrases or conjuncts ('of' stays)."""
    out = [head]
    stack = [c for c in head.children]
    while stack and len(out) < MAX_PHRASE_TOKENS:
        t = stack.pop()
        if t.is_space:
            continue
        if t.dep_ in _PRUNE and not (t.dep_ == "prep" and t.lower_ == "of"):
            continue
        out.append(t)
        stack.extend(t.children)
    return sorted(out, key=lambda t: t.i)


def _dedupe(refs: list[ActorRef]) -> list[ActorRef]:
    seen, out = set(), []
    for r in refs:
        k = r.actor_id or r.name.lower()
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out
