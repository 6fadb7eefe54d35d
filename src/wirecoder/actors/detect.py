"""States, IGOs and named groups from the table phrases; groups named by role words alone.

A matched country, demonym or IGO that modifies a role word makes one mention
of the whole phrase with that word's sector ("Russian envoys" -> RUS, GOV;
"Ukraine's defence ministry" -> UKR, GOV). Coordinated modifiers each get their
own tight mention ("Russian and US officials": "Russian" and "US", both GOV).
Capitals and seats of power count as actors only where they are not places
("Moscow demands ..." but not "talks in Moscow").
"""
from __future__ import annotations

from spacy.tokens import Token

from .context import fled_state, host_state, place_state, residence_state
from .draft import Ctx, Info, is_locative, is_plural, match_root
from .tables import Role

_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})
# Words that count people: "thousands of Nigerians", "many Afghans".
_PEOPLE_COUNTS = frozenset({"thousands", "hundreds", "dozens", "millions", "scores", "tens", "number", "group",
                            "handful", "many", "some", "several", "few", "most", "other"})
# Sectors a bare role word keeps without a country: refugees and migrants are rarely the article's own.
_NO_CONTEXT = frozenset({"REF"})
_GOV_BODIES = frozenset({"administration", "government", "regime", "cabinet"})
# Role words that name nobody in particular when they stand alone.
_BARE_SKIP = frozenset({"people", "state", "mission", "unit", "party", "department", "business", "force",
                        "jet", "press", "bank", "company", "firm", "union", "leader", "counterpart", "embassy",
                        "delegate", "artillery", "intelligence", "crowd", "general", "citizen", "secretary",
                        "government", "regime", "administration", "authority", "cabinet", "leadership",
                        "ministry", "delegation", "town", "village", "city", "camp"})


def role_of(ctx: Ctx, tok: Token) -> Role | None:
    """The role word at ``tok`` (also two-word ones such as "air force" ending there)."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    roles = ctx.tables.roles
    if tok.i > 0:
        two = f"{ctx.doc[tok.i - 1].lower_} {tok.lemma_.lower()}"
        if two in roles:  # the table's two-word roles: "security forces", "military council"
            return roles[two]
    found = roles.get(tok.lemma_.lower()) or roles.get(tok.lower_)
    if found is None and tok.pos_ == "PROPN" and tok.lower_.endswith("s"):
        found = roles.get(tok.lower_[:-1])  # the model does not lemmatise names: "Workers' Union"
    return found


def _is_pro_anti(ctx: Ctx, s: int) -> bool:
    """"pro-Russian separatists", "anti-American protesters": the adjective is a stance, not a nationality."""
    doc = ctx.doc
    return s >= 2 and doc[s - 1].text == "-" and doc[s - 2].lower_ in ("pro", "anti")


def find_states(ctx: Ctx) -> None:
    doc = ctx.doc
    for s, e, entry in ctx.matches:
        if entry.kind == "person" or any(i in ctx.claimed for i in range(s, e)):
            continue
        if _is_pro_anti(ctx, s):
            continue
        root = match_root(doc, s, e)
        if entry.kind in ("capital", "seat"):
            if is_locative(root) or _inside_larger_ent(ctx, s, e, "PERSON"):
                continue
            if entry.kind == "capital" and _inside_larger_ent(ctx, s, e):
                continue
        head, coordinated, post = _role_head(ctx, root)
        role = role_of(ctx, head) if head is not None else None
        role_end = head.i + 1 if head is not None else e
        if head is not None and not coordinated and not post:
            # "Venezuelan opposition leaders", "Israeli police custody": an inner role word decides
            inner = [(k, r) for k, r in ((k, role_of(ctx, doc[k])) for k in range(e, head.i)) if r is not None and r.sector]
            if inner and (role is None or role.sector in ("GOV", "COP") and inner[-1][1].sector != "GOV"):
                if role is None:
                    role_end = inner[-1][0] + 1
                role = inner[-1][1]
        if head is not None and root.dep_ == "poss" and not coordinated and not post and _patronage(head):
            _client_group(ctx, s, e, entry, head, role, role_end)
            continue
        info = ctx.info(entry)
        ethnic = entry.kind == "demonym" and s > 0 and doc[s - 1].lower_ == "ethnic"
        if ethnic:  # "ethnic Albanians demonstrated in Serbia": the state they live in (CAMEO)
            host = host_state(ctx, s, e, entry.code)
            info = ctx.state_info(host[2].code) if host is not None and host[2].code else info
            s -= 1
        elif entry.kind == "demonym" and is_plural(root) and root.pos_ in ("NOUN", "PROPN"):
            home = residence_state(ctx, s, root, entry.code)
            if home is not None:  # "Bosnian Serbs", "the Albanians of southern Serbia"
                info = ctx.state_info(home[2].code)
                s = min(s, home[0])
        if role is not None and role.sector and not any(i in ctx.claimed for i in range(s, role_end)):
            if coordinated:
                start, end = s, e
            elif post:
                start = head.i
                while start > 0 and doc[start - 1].dep_ in ("amod", "compound") and doc[start - 1].head == head:
                    start -= 1
                end = e
            else:
                start, end = s, role_end
            kind = "group" if role.kind == "group" else "description"
            # an IGO's officials are the IGO itself: GOV adds nothing to code IGO
            sector = None if entry.kind == "igo" and role.sector == "GOV" else role.sector
            ctx.add(start, end, info.key, kind, sector, plural=is_plural(head))
            continue
        if entry.kind in ("capital", "seat") and root.dep_ in ("compound", "amod") and root.head.i > root.i:
            continue  # "Moscow metro", "Washington state": a modifier of a thing, not an actor
        kind = {"country": "name", "demonym": "demonym", "seat": "metonym", "capital": "metonym",
                "igo": "name", "group": "name"}[entry.kind]
        plural = entry.kind == "demonym" and is_plural(root)
        sector = entry.sector if entry.kind in ("seat", "capital", "group") else None
        if entry.kind == "demonym" and (ethnic or _nationals(ctx, root)):
            sector = "CVL"
        ctx.add(s, e, info.key, kind, sector, plural=plural or (entry.kind == "group" and is_plural(root)))


# Nouns that name a state's client rather than its own organ: "Israel's militia ally", "Syria's proxies".
_PATRONAGE = frozenset({"ally", "proxy", "client", "surrogate", "puppet", "protege", "protégé", "satellite"})


def _patronage(head: Token) -> bool:
    return head.lemma_.lower() in _PATRONAGE or any(
        c.dep_ in ("amod", "compound") and c.lemma_.lower() in _PATRONAGE for c in head.children)


def _client_group(ctx: Ctx, s: int, e: int, entry, head: Token, role: Role | None, role_end: int) -> None:
    """"Israel's militia ally in southern Lebanon": the possessor is the patron, named on its own; the
    client group is of the state its place phrase names, else of no state."""
    doc = ctx.doc
    ctx.add(s, e, ctx.info(entry).key, "name")
    if role is None or not role.sector:
        return
    start = e + 1 if e < len(doc) and doc[e].lower_ in ("'s", "’s", "'") else e
    end = max(role_end, head.i + 1)  # not over the place phrase: event sides read the noun phrase's core
    placed = place_state(ctx, head)
    code = placed[2].code if placed is not None else None
    lemma = doc[role_end - 1].lemma_.lower()
    key = f"X:{role.sector}:{lemma}:{code or '-'}"
    if key not in ctx.infos:
        ctx.infos[key] = Info(key, doc[role_end - 1].lower_, "group", code, role.sector)
    ctx.add(start, end, key, "group", role.sector, plural=is_plural(head))


def _nationals(ctx: Ctx, root: Token) -> bool:
    """"168 Liberians", "thousands of Nigerians", "Kurds living in northern Iraq": people of a
    nation counted or placed are its civilians, not its state ("the Palestinians agreed" stays the state)."""
    if not is_plural(root) or root.pos_ not in ("NOUN", "PROPN") or (
            root.dep_ in _MODIFIER_DEPS and root.head.i > root.i):
        return False
    if root.head.lower_ == "of" and root.head.head.lower_ in _PEOPLE_COUNTS:
        return True
    for c in root.children:
        if c.dep_ == "nummod" or c.dep_ == "acl" or (c.dep_ in ("amod", "det") and c.lower_ in _PEOPLE_COUNTS):
            return True
        if c.dep_ == "prep" and place_state(ctx, root) is not None:
            return True
    return False


def find_person_governments(ctx: Ctx) -> None:
    """"the Bush administration", "President Suharto's government": the state of that leader, GOV."""
    doc = ctx.doc
    for d in list(ctx.drafts):
        if not d.key.startswith("P:") or d.kind != "name":
            continue
        info = ctx.infos[d.key]
        root = doc[d.start:d.end].root
        head = root.head
        if info.code in (None, "IGO") or root.dep_ not in ("compound", "poss") or head.i < d.end \
                or head.lemma_.lower() not in _GOV_BODIES:
            continue
        ctx.add(d.start, head.i + 1, ctx.state_info(info.code).key, "description", "GOV")


def _inside_larger_ent(ctx: Ctx, s: int, e: int, label: str | None = None) -> bool:
    """The match is part of a longer entity ("Washington" in "George Washington")."""
    tok = ctx.doc[s]
    if not tok.ent_type_ or tok.ent_type_ in ("GPE", "LOC") or (label and tok.ent_type_ != label):
        return False
    for ent in ctx.doc.ents:
        if ent.start <= s and e <= ent.end:
            return (ent.end - ent.start) > (e - s)
    return False


def _role_head(ctx: Ctx, root: Token) -> tuple[Token | None, bool, bool]:
    """(the noun the matched phrase modifies, coordinated?, post-modifier "ministry of X"?)."""
    if root.dep_ in _MODIFIER_DEPS and root.head.i > root.i:
        coordinated = any(c.dep_ == "conj" for c in root.children)
        return root.head, coordinated, False
    if root.dep_ == "conj":
        first = root
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        if first.dep_ in _MODIFIER_DEPS and first.head.i > root.i:
            return first.head, True, False
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i < root.i:
        return root.head.head, False, True
    return None, False, False


def find_bare_groups(ctx: Ctx) -> None:
    """Rebels, protesters, police, lawmakers... named without a country or body: own group actors."""
    doc = ctx.doc
    used = {i for d in ctx.drafts for i in range(d.start, d.end)} | ctx.claimed | set(ctx.match_at)
    for tok in doc:
        # the small model tags a sentence-initial "Rebels" or "Police" as a name
        initial = tok.pos_ == "PROPN" and tok.is_sent_start and not tok.ent_type_
        if tok.i in used or (tok.pos_ != "NOUN" and not initial):
            continue
        role = role_of(ctx, tok)
        if role is None or role.kind == "person" or not role.sector:
            continue
        lemma = tok.lemma_.lower() if not initial else (tok.lower_[:-1] if tok.lower_[:-1] in ctx.tables.roles
                                                           else tok.lower_)
        two = f"{doc[tok.i - 1].lower_} {tok.lemma_.lower()}" if tok.i > 0 else ""
        if two in ctx.tables.roles:  # "security forces": the two-word role, not the bare "force"
            lemma = two
        if lemma in _BARE_SKIP or any(c.i in used and not _is_pro_anti(ctx, c.i)
                                      for c in tok.children if c.dep_ in _MODIFIER_DEPS):
            continue
        collective = " " in lemma and lemma.endswith(" force") and tok.dep_ not in _MODIFIER_DEPS
        if role.kind == "group" and not (is_plural(tok) or initial and lemma != tok.lower_ or collective):
            continue  # "a rebel attack": a modifier, or one person; plurals name the group ("a ... force" too)
        start = tok.i
        while start > 0 and doc[start - 1].dep_ in ("amod", "compound") and doc[start - 1].head == tok \
                and (doc[start - 1].i not in used or _is_pro_anti(ctx, start - 1)) \
                and doc[start - 1].pos_ in ("ADJ", "NOUN", "PROPN"):
            start -= 1
        end = tok.i + 1
        # whose group: a place phrase on it ("rebels in Darfur"), else the article's one state
        placed = place_state(ctx, tok) if role.sector != "MIL" else None  # "troops in X" are often foreign
        if placed is None and role.sector == "REF":
            placed = fled_state(ctx, tok)
        if placed is not None:
            code: str | None = placed[2].code
            end = max(end, placed[1])
        else:
            code = ctx.dominant.code if ctx.dominant is not None and role.sector not in _NO_CONTEXT else None
        key = f"X:{role.sector}:{lemma}:{code or '-'}"
        if key not in ctx.infos:
            name = tok.lower_ if is_plural(tok) else lemma
            if " " in lemma:
                name = f"{doc[tok.i - 1].lower_} {name}" if " " not in name else name
            ctx.infos[key] = Info(key, name, "group", code, role.sector)
        ctx.add(start, end, key, "group", role.sector, plural=is_plural(tok) or lemma != tok.lower_)


_ORG_LABELS = frozenset({"ORG", "FAC"})


def find_located_orgs(ctx: Ctx) -> None:
    """"the Karaj Chemical Works (KCW) in western Iran", "Acme Mining Corp in northern
    Chile": an organisation or facility the tables do not know, placed in a state right after its name,
    is that state's (CAMEO codes a company or facility by where it is)."""
    doc = ctx.doc
    used = {i for d in ctx.drafts for i in range(d.start, d.end)} | ctx.claimed | set(ctx.match_at)
    for ent in doc.ents:
        if ent.label_ not in _ORG_LABELS or any(i in used for i in range(ent.start, ent.end)):
            continue
        placed = _placed_after(ctx, ent.end)
        if placed is None:
            continue
        start = ent.start + 1 if doc[ent.start].lower_ == "the" and len(ent) > 1 else ent.start
        name = doc[start:ent.end].text
        role = role_of(ctx, ent.root)
        key = f"O:{name}"
        if key not in ctx.infos:
            ctx.infos[key] = Info(key, name, "organization", placed[2].code, role.sector if role else None)
        ctx.add(start, ent.end, key, "name", role.sector if role else None)


def _placed_after(ctx: Ctx, j: int):
    """The state match in "in [the] [central] <state>" right after token j, past a "(ABBR)"."""
    doc = ctx.doc
    if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")":
        j += 3
    if j >= len(doc) or doc[j].lower_ != "in":
        return None
    k = j + 1
    while k < len(doc) and k - j <= 2 and k not in ctx.match_at and doc[k].pos_ in ("DET", "ADJ"):
        k += 1
    m = ctx.match_at.get(k)
    return m if m is not None and m[0] == k and m[2].kind in ("country", "demonym") and m[2].code else None
