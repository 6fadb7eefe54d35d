"""Coreference inside one article, by rules over the parse (no model is available offline).

- he/him/his/she/her -> the last person before it (current or previous four
  sentences) of that gender; a person of unknown gender only when none matches.
- it/its -> the last state, IGO or named group that was a subject (same sentence first, then
  two before); a sentence-initial "It is/seems ..." is a dummy subject and stays unresolved.
- they/them/their -> the last plural actor mention (current or previous two
  sentences); "both sides" resolved before passes both actors on.
- "the alliance", "the allies", "(its|European|Western) allies", "the West" ->
  NATO when NATO is named anywhere in the article (see data/actors/README.md).
- "the spokeswoman", "the minister" ... -> the last person whose role has that title noun.
- "X's spokeswoman" -> a person in the article with that title and X's affiliation.
- "the government", "the regime", "the country" ... -> the last state named (three sentences).
- "the two sides", "both countries" -> two mentions on the same span, one per party.
"""
from __future__ import annotations

from spacy.tokens import Token

from .detect import role_of
from .draft import Ctx, Draft, Info, is_locative, is_plural, match_root

_HE = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
_DUMMY_IT_VERBS = frozenset({"be", "seem", "appear", "remain", "take", "matter"})
_THEY = frozenset({"they", "them", "their", "theirs", "themselves"})
_STATE_DESCRIPTIONS = {"government": "GOV", "regime": "GOV", "administration": "GOV", "authority": "GOV",
                       "leadership": "GOV", "cabinet": "GOV", "country": None, "nation": None}
_PAIR_HEADS = frozenset({"side", "country", "nation", "government", "leader", "party", "capital"})
_PLACE_NOUNS = frozenset({"headquarters", "border", "frontier", "region", "territory", "soil", "capital",
                          "city", "embassy", "coast", "airspace", "waters", "side"})
_WEST_ADJ = frozenset({"european", "western", "its", "their", "our", "nato", "washington", "america"})


def resolve(ctx: Ctx) -> None:
    has_nato = "I:NATO" in ctx.infos
    used = {i for d in ctx.drafts for i in range(d.start, d.end)} | ctx.claimed
    for tok in ctx.doc:
        if tok.i in used:
            continue
        low = tok.lower_
        if low in _HE and tok.pos_ == "PRON":
            _pronoun(ctx, tok, _HE[low])
        elif low in _THEY and tok.pos_ == "PRON":
            _they(ctx, tok)
        elif low in ("it", "its", "itself") and tok.pos_ == "PRON":
            _it(ctx, tok)
        elif tok.lemma_.lower() == "ally" and is_plural(tok):
            _allies(ctx, tok, has_nato)
        elif tok.text == "West" and tok.i > 0 and ctx.doc[tok.i - 1].lower_ == "the":
            _the_west(ctx, tok, has_nato)
        elif low in ("alliance", "bloc") and _det(tok) == "the":
            if has_nato:
                ctx.add(tok.i - 1, tok.i + 1, "I:NATO", "description")
        elif tok.pos_ == "NOUN":
            _description(ctx, tok)


def _det(tok: Token) -> str | None:
    d = next((c for c in tok.children if c.dep_ in ("det", "predet", "poss")), None)
    return d.lower_ if d is not None else None


def _window(ctx: Ctx, tok: Token, back: int) -> int:
    return ctx.sent_starts[max(0, ctx.sent(tok.i) - back)]


# However long the sentences, an antecedent is sought at most this many tokens back: text without
# sentence breaks (a feed that lost its punctuation) would otherwise make every pronoun scan the whole
# document. A few ordinary sentences are well inside it.
MAX_BACK_TOKENS = 250


def _before(ctx: Ctx, tok: Token, back: int) -> list[Draft]:
    first = max(_window(ctx, tok, back), tok.i - MAX_BACK_TOKENS)
    return sorted((d for d in ctx.drafts if first <= d.start and d.end <= tok.i), key=lambda d: d.start)


def _pronoun(ctx: Ctx, tok: Token, gender: str) -> None:
    people = [d for d in _before(ctx, tok, 4) if d.key.startswith("P:")]
    if not people:
        return
    same = [d for d in people if ctx.infos[d.key].gender == gender]
    unknown = [d for d in people if ctx.infos[d.key].gender is None]
    if not same and len(unknown) > 1:
        # gender unknown all round: the person a sentence was about (its subject) is the likelier
        # antecedent than a name merely mentioned ("Premier X was asked about Greenbelt. ... he said")
        subjects = [d for d in unknown if match_root(ctx.doc, d.start, d.end).dep_ in ("nsubj", "nsubjpass")]
        unknown = subjects or unknown
    pick = (same or unknown or [None])[-1]
    if pick is not None:
        info = ctx.infos[pick.key]
        info.gender = info.gender or gender  # learnt: later pronouns agree with this one
        ctx.add(tok.i, tok.i + 1, pick.key, "pronoun")


def _they(ctx: Ctx, tok: Token) -> None:
    plural = [d for d in _before(ctx, tok, 2) if d.plural]
    if not plural:
        return
    last = plural[-1]
    for d in plural:
        if d.start == last.start and d.end == last.end:
            ctx.add(tok.i, tok.i + 1, d.key, "pronoun", d.sector, plural=True)


def _it(ctx: Ctx, tok: Token) -> None:
    """"Hungary said it would ...", "crowds trashed its embassy": the last state or body that was a
    subject (this sentence first, then the two before); "it" only as a subject, never the dummy
    "It is unclear whether ..." (a sentence-initial "it" of be/seem/appear)."""
    if tok.dep_ == "expl":
        return
    if tok.lower_ == "it":
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return  # "condemned it": mostly a thing or an event
        if tok.head.lemma_ in _DUMMY_IT_VERBS and (tok.i == 0 or tok.is_sent_start or ctx.doc[tok.i - 1].is_punct):
            return
    cands = [d for d in _before(ctx, tok, 2) if d.key[:2] in ("S:", "I:", "G:") and not d.plural
             and d.kind != "pronoun" and not _is_place_use(ctx, d)]
    if not cands:
        return
    sent = ctx.sent(tok.i)
    def subject(d: Draft) -> bool:
        return match_root(ctx.doc, d.start, d.end).dep_ in ("nsubj", "nsubjpass")
    here = [d for d in cands if ctx.sent(d.start) == sent]
    pick = next((d for d in reversed(here) if subject(d)), None) \
        or next((d for d in reversed(cands) if subject(d)), None) or (here or [None])[-1]
    if pick is not None:
        ctx.add(tok.i, tok.i + 1, pick.key, "pronoun", pick.sector)


def _allies(ctx: Ctx, tok: Token, has_nato: bool) -> None:
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "det")]
    if any(c.i in ctx.match_at and c.lower_ not in _WEST_ADJ and ctx.match_at[c.i][2].kind != "igo"
           for c in mods):
        return  # "Russian allies": the allies of a named state, not the alliance
    start = min([tok.i] + [c.i for c in mods if c.dep_ == "det" or c.lower_ in ("european", "western")])
    if any(start <= i < tok.i for i in ctx.match_at):
        start = tok.i  # "the 30 NATO allies": NATO has its own mention
    if has_nato:
        ctx.add(start, tok.i + 1, "I:NATO", "group", plural=True)
    else:
        key = "X:-:allies"
        ctx.infos.setdefault(key, Info(key, "allies", "group"))
        ctx.add(start, tok.i + 1, key, "group", plural=True)


def _the_west(ctx: Ctx, tok: Token, has_nato: bool) -> None:
    if has_nato:
        ctx.add(tok.i - 1, tok.i + 1, "I:NATO", "description")
    else:
        key = "X:-:the West"
        ctx.infos.setdefault(key, Info(key, "the West", "group"))
        ctx.add(tok.i - 1, tok.i + 1, key, "group")


def _description(ctx: Ctx, tok: Token) -> None:
    doc = ctx.doc
    lemma = tok.lemma_.lower()
    det = _det(tok)
    if any(c.i in ctx.match_at and ctx.match_at[c.i][2].kind != "person"
           for c in tok.children if c.dep_ in ("amod", "compound", "poss")):
        return
    two = any(c.lower_ in ("two", "both") for c in tok.children if c.dep_ in ("nummod", "det", "predet"))
    if lemma in _PAIR_HEADS and is_plural(tok) and two:
        return _pair(ctx, tok)
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    role = role_of(ctx, tok) or ctx.tables.titles.get(lemma)
    if poss is not None and role is not None and role.sector:
        return _possessed(ctx, tok, poss, lemma)
    if det != "the" or is_plural(tok):
        return
    start = tok.i - 1 if doc[tok.i - 1].lower_ == "the" else tok.i
    if lemma in _STATE_DESCRIPTIONS:
        states = [d for d in _before(ctx, tok, 3) if d.key.startswith("S:")]
        if states:
            ctx.add(start, tok.i + 1, states[-1].key, "description", _STATE_DESCRIPTIONS[lemma])
        elif ctx.dominant is not None and ctx.dominant.code:
            # no state as an actor nearby ("marched in Belgrade ... accused the government"): the
            # government of the one state the article is about
            ctx.add(start, tok.i + 1, ctx.state_info(ctx.dominant.code).key, "description",
                    _STATE_DESCRIPTIONS[lemma])
        return
    title = ctx.tables.titles.get(lemma)
    if title is None or title.kind != "head":
        return
    people = [d for d in _before(ctx, tok, 10) if d.key.startswith("P:")
              and lemma in (ctx.infos[d.key].role or "").lower().split()]
    if people:
        ctx.add(start, tok.i + 1, people[-1].key, "description")


def _possessed(ctx: Ctx, tok: Token, poss: Token, lemma: str) -> None:
    """"Joe Biden's spokeswoman": the person in the article with that title, or a new one."""
    owner = next((d for d in ctx.drafts if d.start <= poss.i < d.end), None)
    if owner is None:
        return
    oinfo = ctx.infos[owner.key]
    body = role_of(ctx, tok)
    if oinfo.kind != "person" and body is not None and body.kind != "person":
        # "its embassy", "the group's fighters": the owner itself, in that role
        sector = None if oinfo.code == "IGO" and body.sector == "GOV" else body.sector
        ctx.add(tok.i, tok.i + 1, owner.key, "description", sector)
        return
    for info in ctx.infos.values():
        if info.kind == "person" and info.key != owner.key and info.role_head and \
                lemma in info.role_head.split() and (oinfo.code is None or info.code in (None, oinfo.code)):
            ctx.add(tok.i, tok.i + 1, info.key, "description")
            return
    key = f"D:{owner.key}:{lemma}"
    role = role_of(ctx, tok) or ctx.tables.titles.get(lemma)
    if key not in ctx.infos:
        ctx.infos[key] = Info(key, f"{oinfo.name}'s {tok.lower_}", "person", oinfo.code,
                              role.sector if role and oinfo.code != "IGO" else None, oinfo.igo, tok.lower_,
                              role.gender if role else None, lemma)
    ctx.add(tok.i, tok.i + 1, key, "description")


def _is_place_use(ctx: Ctx, d: Draft) -> bool:
    root = match_root(ctx.doc, d.start, d.end)
    return is_locative(root) or (root.dep_ in ("compound", "poss", "amod") and root.head.lemma_.lower() in _PLACE_NOUNS)


def _pair(ctx: Ctx, tok: Token) -> None:
    """"the two sides": the two parties in this sentence, else the two most named so far."""
    want_people = tok.lemma_.lower() == "leader"
    def ok(d: Draft) -> bool:
        return (d.key.startswith("P:") if want_people else d.key[:2] in ("S:", "I:", "G:")) and not _is_place_use(ctx, d)
    sent = ctx.sent(tok.i)
    here: list[str] = []
    for d in sorted(ctx.drafts, key=lambda d: d.start):
        if ok(d) and ctx.sent(d.start) == sent and d.key not in here and not (d.start <= tok.i < d.end):
            here.append(d.key)
    keys = here[:2]
    if len(keys) < 2:
        counts: dict[str, list[int]] = {}
        for d in ctx.drafts:
            # a party named alone in the sentence is a third one: "the UN called on both sides"
            if ok(d) and d.end <= tok.i and d.key not in here:
                c = counts.setdefault(d.key, [0, 0])
                c[0] += 1
                c[1] = max(c[1], d.start)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1][0], -kv[1][1]))
        if len(ranked) > 2 and ranked[2][1][0] == ranked[1][1][0]:
            return  # a tie for the second side: the article does not say who the two are
        keys = [k for k, _ in ranked][:2]
    if len(keys) < 2:
        return
    start = min([tok.i] + [c.i for c in tok.children if c.dep_ in ("det", "nummod", "predet")])
    for k in keys:
        ctx.add(start, tok.i + 1, k, "group", plural=True)
