"""People: names, their roles and affiliations learned from the text, and the dated table.

Roles come from titles before a name ("Kenyan Foreign Minister Jane Doe"),
from appositives after it ("Ana Lima, UN High Commissioner"; "X, now a deputy
interior minister": "now" beats "former"), and from a title phrase the name
is in apposition to ("The new French envoy to the AU, Paul Martin"). The affiliation is the country, seat or IGO named in the
title phrase, except a post after "to"/"for" ("ambassador to NATO"). A
government title with no affiliation takes the state named last before it
(same or previous two sentences); then the dated table (as of the dateline).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date

from spacy.tokens import Token

from .context import group_state
from .draft import Ctx, Info, is_locative, match_root
from .tables import office_on

_LINKS = frozenset({"of", "to", "for", "-", "'s", "’s"})
_SKIP_AFTER = frozenset({"now", "currently", "a", "an", "the", "who", "is", "was", "also"})
# Words that make a title a past one held no more ("then" does not: "then-president" held it then).
_OUSTED = frozenset({"former", "ousted", "deposed", "ex", "ex-", "exiled"})
_IGO_TITLES = frozenset({"secretary general", "secretary-general", "director general", "director-general",
                         "commissioner", "high representative", "managing director"})


@dataclass(slots=True)
class Title:
    start: int
    end: int
    role: str | None
    head: str | None  # the title noun ("ambassador", "secretary general")
    sector: str | None
    gender: str | None
    aff: tuple | None  # the (start, end, Entry) match naming the affiliation
    former: bool = False
    now: bool = False


def _title_word(ctx: Ctx, tok: Token) -> bool:
    titles = ctx.tables.titles
    if tok.lower_ in titles or tok.lower_.rstrip(".") in titles:
        return True
    # the first word of a two-word title ("prime" in "prime minister")
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and f"{tok.lower_} {nxt.lower_}" in titles


def _allowed(ctx: Ctx, j: int) -> bool:
    tok = ctx.doc[j]
    if tok.ent_type_ == "PERSON" and j not in ctx.match_at:
        return False
    if _title_word(ctx, tok) or tok.lower_ in _LINKS:
        return True
    m = ctx.match_at.get(j)
    return m is not None and m[2].kind != "person"


def _scan_left(ctx: Ctx, j: int) -> int:
    """Leftmost token of a title phrase ending at token j (inclusive); j + 1 when there is none."""
    doc, last = ctx.doc, j
    start = j + 1
    while j >= 0:
        if _allowed(ctx, j) or (doc[j].lower_ == "the" and j > 0 and doc[j - 1].lower_ in ("of", "to", "for")):
            start = j
        else:
            break
        if doc[j].is_sent_start:
            break
        j -= 1
    while start <= last and doc[start].lower_ in _LINKS:
        start += 1
    return start


def _make_title(ctx: Ctx, start: int, end: int) -> Title | None:
    """Read a title phrase doc[start:end]: role words, head noun, sector, affiliation."""
    doc, titles = ctx.doc, ctx.tables.titles
    while start < end and doc[start].lower_ in _LINKS | _SKIP_AFTER:
        start += 1
    while end > start and doc[end - 1].lower_ in _LINKS | {"the"}:
        end -= 1
    if start >= end:
        return None
    heads: list[tuple[int, str]] = []
    i, gender, sector, former, ousted = start, None, None, False, False
    while i < end:
        for n in (3, 2, 1):
            w = " ".join(t.lower_ for t in doc[i:i + n]).replace(" - ", "-")
            r = titles.get(w) or (titles.get(w.rstrip(".")) if n == 1 else None)
            if i + n <= end and r is not None:
                if r.kind == "head":
                    heads.append((i, w))
                gender = gender or r.gender
                former = former or w in ("former", "then")
                ousted = ousted or w in _OUSTED
                i += n
                break
        else:
            i += 1
    if not heads:
        return None
    cut = next((k for k in range(start, end) if doc[k].lower_ in ("of", "to", "for")), end)
    before = [h for h in heads if h[0] < cut]
    head = (before or heads)[-1][1]
    sector = titles[head].sector
    # "army spokesman", "police chief": a modifier with its own sector outranks a government title
    mod_sectors = [titles[t.lower_].sector for t in doc[start:end]
                   if t.lower_ in titles and titles[t.lower_].kind == "mod" and titles[t.lower_].sector]
    if mod_sectors and sector == "GOV":
        sector = mod_sectors[-1]
    aff = None
    for k in range(start, end):
        m = ctx.match_at.get(k)
        if m is None or m[2].kind == "person" or (m[0] != k and k != start):
            continue
        if k > start and doc[k - 1].lower_ in ("to", "for") or (k > start + 1 and doc[k - 1].lower_ == "the"
                                                                and doc[k - 2].lower_ in ("to", "for")):
            continue
        aff = m
        break
    # the role keeps a seat of power ("White House spokeswoman") but not a state or IGO name
    strip_aff = aff is not None and aff[2].kind != "seat"
    words = [t.text for t in doc[start:end]
             if t.lower_ not in ("new", "then", "the", "'s", "’s")
             and not (strip_aff and aff[0] <= t.i < aff[1] and t.i < heads[0][0])]
    role = " ".join(words).replace(" - ", "-").strip() or None
    if ousted and sector == "GOV":
        sector = "ELI"  # CAMEO: former government officials are elites
    return Title(start, end, role, head, sector, gender, aff, former)


def title_before(ctx: Ctx, s: int, e: int) -> Title | None:
    doc = ctx.doc
    if s == 0 or doc[s - 1].lower_ in _LINKS:
        return None
    if doc[s - 1].text == ",":
        # "The new French envoy to the AU, Paul Martin, said": the name is in apposition to the title
        root = doc[s:e].root
        if s < 2 or root.dep_ != "appos" or root.head.i >= s:
            return None
        start = _scan_left(ctx, s - 2)
        return _make_title(ctx, start, s - 1) if start <= s - 2 else None
    start = _scan_left(ctx, s - 1)
    return _make_title(ctx, start, s) if start < s else None


def title_after(ctx: Ctx, e: int) -> Title | None:
    """", NATO Secretary General" / ", now a deputy foreign minister," after a name."""
    doc = ctx.doc
    if e >= len(doc) - 1 or doc[e].text != ",":
        return None
    j, now = e + 1, False
    while j < len(doc) and doc[j].lower_ in _SKIP_AFTER:
        now = now or doc[j].lower_ in ("now", "currently")
        j += 1
    start = j
    while j < len(doc) and not (j > start and doc[j].is_sent_start):
        if _allowed(ctx, j) or (doc[j].lower_ == "the" and doc[j - 1].lower_ in ("of", "to", "for")) \
                or _office_word(doc[j]):
            j += 1
        else:
            break
    if j == start:
        return None
    nxt = doc[j] if j < len(doc) else None
    if nxt is not None and not (nxt.is_punct or nxt.pos_ in ("VERB", "AUX")):
        return None
    t = _make_title(ctx, start, j)
    if t is not None:
        t.now = now
        t.start = e + 1 if now else t.start
    return t


def _office_word(tok: Token) -> bool:
    """A capitalised word of an office's name ("the UN Emergency Relief Coordinator"); the phrase
    still needs a title noun to count (``_make_title``)."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha and tok.ent_type_ != "PERSON"


def context_state(ctx: Ctx, i: int, igo_ok: bool) -> tuple | None:
    """The state (or IGO) named last before token i in its sentence or the two before."""
    first = ctx.sent_starts[max(0, ctx.sent(i) - 2)]
    for s, e, entry in reversed(ctx.matches):
        if s >= i or s < first or is_locative(match_root(ctx.doc, s, e)):
            continue  # "the embassy in Addis Ababa": a place, not whose official it is
        if entry.kind in ("country", "demonym", "seat", "capital") or (igo_ok and entry.kind == "igo"):
            return (s, e, entry)
    return None


def person_info(ctx: Ctx, key: str, name: str, titles: list[Title], on: Date | None) -> Info:
    """One person's identity from all the title phrases found around their names."""
    info = ctx.infos.get(key) or Info(key, name, "person")
    ctx.infos[key] = info
    chosen = _choose(titles)
    if chosen is not None:
        info.role, info.role_head = chosen.role, chosen.head
        info.gender = info.gender or chosen.gender
        aff = chosen.aff or next((t.aff for t in titles if t.aff and not t.former), None) \
            or next((t.aff for t in titles if t.aff), None)
        if aff is not None:
            entry = aff[2]
            info.code, info.igo = entry.code, entry.igo
            info.sector = None if entry.kind == "igo" else (chosen.sector or entry.sector)
        else:
            info.sector = chosen.sector
    office = office_on(ctx.tables.offices.get(name, ()), on)
    if office is not None:
        info.gender = info.gender or office.gender
        if info.code is None:
            info.code, info.igo = office.code, office.igo
            # a title in the text that says more than "government" wins ("General Michel Aoun", "ousted president")
            said = chosen.sector if chosen is not None and chosen.sector not in (None, "GOV") else None
            info.sector = None if office.code == "IGO" else (said or office.sector)
            if chosen is None or chosen.role is None:
                info.role = office.role
                info.role_head = (office.role or "").split()[-1].lower() if office.role else None
    if info.code is None and chosen is not None and chosen.sector:
        igo_ok = chosen.head in _IGO_TITLES
        m = context_state(ctx, titles[0].start, igo_ok)
        entry = m[2] if m is not None else ((ctx.dominant or group_state(ctx)) if chosen.sector in (
            "GOV", "ELI", "MIL", "COP", "LEG", "JUD", "OPP") else None)
        if entry is not None:
            info.code, info.igo = entry.code, entry.igo
            info.sector = None if entry.kind == "igo" else chosen.sector
    elif office is not None and chosen is None and on is not None and office.end is not None \
            and office.end <= on and info.sector == "GOV":
        info.sector = "ELI"  # the table's office ended before the article: a former official
    first = name.split()[0] if " " in name else None
    if info.gender is None and first:
        info.gender = ctx.tables.first_names.get(first)
    return info


def _choose(titles: list[Title]) -> Title | None:
    """"now ..." beats everything; then a current title over a former one; text order otherwise."""
    if not titles:
        return None
    now = [t for t in titles if t.now]
    if now:
        return now[0]
    current = [t for t in titles if not t.former]
    return (current or titles)[0]
