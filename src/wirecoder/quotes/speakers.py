"""Speaker resolution: from the speaker's head token to a canonical name.

First through the actor stage's annotations (``doc._.wc_mentions`` and
``doc._.wc_actors``). Where no mention covers the speaker, a small fallback
that only reads the parse and the named entities: a pronoun goes to the
person who was the subject of a recent sentence, a bare surname to the full
name used earlier, a role noun ("the spokeswoman") to the person an earlier
apposition gave that role, anything else to its own noun phrase text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..actors.lookup import mentions_in
from ..records import Actor, ActorMention
from .lexicon import CueLexicon
from .sentences import SentIndex

_NAME_DEPS = frozenset({"compound", "flat", "det", "amod", "nmod", "nummod", "poss", "case", "quantmod"})
_PERSON = "PERSON"
_BACK_SENTS = 6
_RELATIVE = frozenset({"who", "that", "which", "whom"})


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    code: str | None = None
    actor_id: str | None = None
    span: tuple[int, int] | None = None


@dataclass
class SpeakerContext:
    """Per-document caches, built on first need (most articles quote only a few people)."""

    doc: Doc
    lex: CueLexicon
    actors: dict[str, Actor]
    sents: SentIndex
    _surnames: dict[str, str] | None = None
    _roles: list[tuple[int, str, str]] | None = None  # (char position, role lemma, name)
    memo: dict[int, Speaker] = field(default_factory=dict)
    _persons: dict[int, Span] | None = None  # token index -> PERSON entity holding it

    def person_at(self, i: int) -> Span | None:
        if self._persons is None:
            self._persons = {t: e for e in self.doc.ents if e.label_ == _PERSON for t in range(e.start, e.end)}
        return self._persons.get(i)

    def surnames(self) -> dict[str, str]:
        if self._surnames is None:
            out: dict[str, str] = {}
            for e in self.doc.ents:
                if e.label_ == _PERSON and len(e) > 1:
                    out.setdefault(e[-1].lower_, e.text)
            self._surnames = out
        return self._surnames

    def roles(self) -> list[tuple[int, str, str]]:
        if self._roles is None:
            out = []
            for e in self.doc.ents:
                if e.label_ != _PERSON:
                    continue
                r = e.root
                for c in r.children:
                    if c.dep_ == "appos" and c.pos_ == "NOUN" or (c.dep_ == "compound" and c.pos_ == "NOUN"):
                        out.append((e.start_char, c.lemma_.lower(), e.text))
                if r.dep_ == "appos" and r.head.pos_ == "NOUN":
                    out.append((e.start_char, r.head.lemma_.lower(), e.text))
            self._roles = out
        return self._roles


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def _core(tok: Token) -> tuple[int, int]:
    """Token range of the speaker's own noun phrase: head plus its left modifiers, no clauses or appositions."""
    left = tok
    for c in tok.lefts:
        if c.dep_ in _NAME_DEPS:
            left = c.left_edge if c.left_edge.i < left.i else left
            break
    i = left.i
    while i < tok.i and (tok.doc[i].is_punct or tok.doc[i].dep_ == "det" and tok.doc[i].lower_ in ("the", "a", "an")):
        i += 1
    return i, tok.i + 1


def _pick_mention(tok: Token, ms: list[ActorMention]) -> tuple[ActorMention | None, bool]:
    """The mention naming this speaker; the bool says it is only a modifier of the head ("US officials")."""
    head_at = tok.idx
    for m in ms:
        if m.start <= head_at < m.end:
            return m, False
    appos = [c for c in tok.children if c.dep_ == "appos"]
    for a in appos:
        for m in ms:
            if m.start <= a.idx < m.end:
                return m, False
    core_start = tok.doc[_core(tok)[0]].idx
    for m in ms:
        if core_start <= m.start and m.end <= _end(tok):
            return m, True
    return None, False


def resolve(ctx: SpeakerContext, tok: Token, depth: int = 0) -> Speaker:
    if tok.i in ctx.memo:
        return ctx.memo[tok.i]
    sp = _resolve(ctx, tok, depth)
    ctx.memo[tok.i] = sp
    return sp


def _resolve(ctx: SpeakerContext, tok: Token, depth: int) -> Speaker:
    doc = ctx.doc
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl" and depth < 3:
        sp = resolve(ctx, tok.head.head, depth + 1)  # "Smith, who said ...": Smith speaks, "who" is the mention
        return Speaker(sp.name, sp.code, sp.actor_id, (tok.idx, _end(tok)))
    author = _author(ctx, tok) if depth < 3 else None
    if author is not None:
        return resolve(ctx, author, depth + 1)
    ci, cj = _core(tok)
    phrase = (doc[ci].idx, _end(doc[cj - 1]))
    ms = mentions_in(doc, tok.left_edge.idx, _end(tok.right_edge)) if doc._.wc_mentions else []
    m, modifier_only = _pick_mention(tok, ms)
    if m is not None and m.actor_id in ctx.actors:
        a = ctx.actors[m.actor_id]
        if a.kind != "person" and not modifier_only:
            person = _person_by_surname(ctx, tok, m)
            if person is not None:
                return person
        if modifier_only:
            if tok.lemma_.lower() in ctx.lex.representatives:  # 'a Health Canada spokesperson said'
                return _named_role(ctx, tok, phrase) or Speaker(a.name, a.code, a.id, (m.start, m.end))
            return Speaker(ctx.sents.text[phrase[0]:phrase[1]], a.code, None, phrase)
        if m.kind == "group" and a.kind != "person":
            # "US officials", "Russian diplomats": anonymous sources stay a group of that actor
            return Speaker(_strip_det(ctx.sents.text[m.start:m.end]), a.code, a.id, (m.start, m.end))
        return Speaker(a.name, a.code, a.id, (m.start, m.end))
    low = tok.lower_
    if tok.pos_ == "PRON":
        if low in ctx.lex.singular_pronouns and depth == 0:
            ante = _antecedent(ctx, tok)
            if ante is not None:
                return Speaker(ante.name, ante.code, ante.actor_id, (tok.idx, _end(tok)))
        return Speaker(tok.text, None, None, (tok.idx, _end(tok)))
    ent = ctx.person_at(tok.i)
    if ent is not None:
        name = ent.text
        if len(ent) == 1:
            name = ctx.surnames().get(ent[0].lower_, name)
        return Speaker(name, None, None, (ent.start_char, ent.end_char))
    for a in tok.children:
        if a.dep_ == "appos":
            e = ctx.person_at(a.i)
            if e is not None:
                return Speaker(e.text, None, None, (e.start_char, e.end_char))
    if tok.pos_ == "PROPN":
        full = ctx.surnames().get(low)
        if full is not None:
            return Speaker(full, None, None, (tok.idx, _end(tok)))
    if tok.pos_ == "NOUN":
        named = _named_role(ctx, tok, phrase)
        if named is not None:
            return named
        body = _represented(ctx, tok) if depth < 3 else None
        if body is not None:
            sp = resolve(ctx, body, depth + 1)
            org = next((e for e in ctx.doc.ents if e.label_ == "ORG" and e.start <= body.i < e.end), None)
            if org is not None and sp.span is not None and sp.span[1] - sp.span[0] < len(org.text):
                name = _strip_det(org.text)  # 'Health Canada', not 'Canada'
                return Speaker(name, sp.code, None, (org.end_char - len(name), org.end_char))
            return sp
    return Speaker(ctx.sents.text[phrase[0]:phrase[1]], None, None, phrase)


def _named_role(ctx: SpeakerContext, tok: Token, phrase: tuple[int, int]) -> Speaker | None:
    """'the minister', 'the spokeswoman': the person an earlier apposition or title gave that role."""
    lemma = tok.lemma_.lower()
    named = [n for pos, r, n in ctx.roles() if r == lemma and pos < tok.idx]
    return Speaker(named[-1], None, None, phrase) if named else None


def _represented(ctx: SpeakerContext, tok: Token) -> Token | None:
    """'a spokesperson for Health Canada', 'a representative of the union': with no name, the body speaks."""
    if tok.lemma_.lower() not in ctx.lex.representatives:
        return None
    for c in tok.children:
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
            return c
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "from", "at", "with"):
            obj = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")), None)
            if obj is not None:
                return obj
    return None


def _author(ctx: SpeakerContext, tok: Token) -> Token | None:
    """'a statement from Air Canada said', "the ministry's email said": the author the document speaks for."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in ctx.lex.source_documents:
        return None
    for c in tok.children:
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            obj = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")), None)
            if obj is not None:
                return obj
    return None


def _person_by_surname(ctx: SpeakerContext, tok: Token, m: ActorMention) -> Speaker | None:
    """'Mark Holland ... "...," Holland added': a lone surname the actor stage read as a place or body
    is the person of that surname the article has named (a cue's subject is far more often a person)."""
    if tok.pos_ != "PROPN" or (m.start, m.end) != (tok.idx, _end(tok)):
        return None
    full = ctx.surnames().get(tok.lower_)
    if full is None:
        return None
    for a in ctx.actors.values():
        if a.kind == "person" and a.name == full:
            return Speaker(a.name, a.code, a.id, (m.start, m.end))
    return Speaker(full, None, None, (m.start, m.end))


def _strip_det(phrase: str) -> str:
    first, _, rest = phrase.partition(" ")
    return rest if rest and first.lower() in ("the", "a", "an") else phrase


def _antecedent(ctx: SpeakerContext, tok: Token) -> Speaker | None:
    """He/she: the nearest earlier subject that names a person (this sentence first, then back)."""
    sent = ctx.sents.of(tok.i)
    candidates: list[Token] = []
    s = sent
    for _ in range(_BACK_SENTS):
        found = [t for t in s if t.i < tok.i and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("PROPN", "NOUN")]
        named = [t for t in found if _names_person(t) or t.lower_ in ctx.surnames()]
        if named:
            candidates = named
            break
        if s.start == 0:
            break
        s = ctx.sents.of(s.start - 1)
    if not candidates:
        return None
    return resolve(ctx, candidates[-1], depth=1)


def _names_person(tok: Token) -> bool:
    if tok.ent_type_ == _PERSON:
        return True
    return any(c.dep_ == "appos" and c.ent_type_ == _PERSON for c in tok.children)
