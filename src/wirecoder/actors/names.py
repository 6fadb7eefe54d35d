"""Person names in a document, clustered: full names, surnames, and NER slips.

Sources: PERSON entities (trimmed of "'s" and of titles the model took in),
names from the dated table, capitalised names right after a title ("Foreign
Minister Lavrov" where the model missed it), and surnames of people already
named in the article even when the model tagged them GPE/ORG or nothing.
A surname alone joins the full name that ends with it anywhere in the article.
"""
from __future__ import annotations

from datetime import date as Date

from .draft import Ctx
from .people import Title, person_info, title_after, title_before

_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def _trim(ctx: Ctx, s: int, e: int) -> tuple[int, int]:
    doc, titles = ctx.doc, ctx.tables.titles
    while e > s and (doc[e - 1].lower_ in _POSSESSIVE or doc[e - 1].is_punct):
        e -= 1
    while s < e and (doc[s].lower_ in titles or doc[s].lower_.rstrip(".") in titles or doc[s].lower_ == "the"
                     or s in ctx.match_at and ctx.match_at[s][2].kind != "person"):
        s += 1
    return s, e


_NAME_ENTS = frozenset({"", "PERSON", "ORG", "GPE", "NORP"})


def _name_token(ctx: Ctx, j: int) -> bool:
    tok = ctx.doc[j]
    return (tok.tag_ == "NNP" and tok.text[:1].isupper() and tok.ent_type_ in _NAME_ENTS
            and j not in ctx.match_at and tok.lower_ not in ctx.tables.titles and tok.lower_ not in _POSSESSIVE)


def _extend(ctx: Ctx, s: int, e: int) -> tuple[int, int]:
    """A PERSON the model cut short ("General [Samuel] Obi" -> "Samuel Obi"): take the capitalised
    name tokens right after it, and a known first name right before it (four tokens at most)."""
    doc = ctx.doc
    if s >= e:
        return s, e
    while e < len(doc) and e - s < 4 and not doc[e].is_sent_start and _name_token(ctx, e):
        e += 1
    while s > 0 and e - s < 4 and not doc[s].is_sent_start and _name_token(ctx, s - 1) \
            and (doc[s - 1].text in ctx.tables.first_names or doc[s - 1].ent_type_ == "PERSON"):
        s -= 1
    return s, e


def _name_spans(ctx: Ctx) -> list[tuple[int, int]]:
    doc, titles = ctx.doc, ctx.tables.titles
    spans: list[tuple[int, int]] = []
    covered: set[int] = set()

    def add(s: int, e: int) -> None:
        if s < e and not any(i in covered for i in range(s, e)):
            spans.append((s, e))
            covered.update(range(s, e))

    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        m = ctx.match_at.get(ent.start)
        if m is not None and m[2].kind != "person" and m[0] == ent.start and m[1] >= ent.end - 1:
            continue  # a country or body the model took for a person
        add(*_extend(ctx, *_trim(ctx, ent.start, ent.end)))
    for s, e, entry in ctx.matches:
        if entry.kind == "person":
            add(s, e)
    for tok in doc:
        r = titles.get(tok.lower_)
        i = tok.i + 1
        if r is None or r.kind not in ("head", "hon") or not tok.text[:1].isupper() or i >= len(doc):
            continue
        e = i
        while (e < len(doc) and e - i < 3 and doc[e].pos_ == "PROPN" and doc[e].text[:1].isupper()
               and e not in ctx.match_at and doc[e].lower_ not in titles and e not in covered):
            e += 1
        add(i, e)
    for s, e in _titled_appositions(ctx, covered):
        add(s, e)
    return sorted(spans)


def _titled_appositions(ctx: Ctx, covered: set[int]) -> list[tuple[int, int]]:
    """"Kenzo Oshima, the UN relief coordinator, said": capitalised words with a title phrase in
    apposition after them name a person, whatever the entity recogniser made of them (a surname that
    is also a town comes out as a place)."""
    doc, titles = ctx.doc, ctx.tables.titles
    out = []
    for tok in doc:
        e = tok.i + 1
        if e >= len(doc) - 1 or doc[e].text != "," or tok.i in covered or not _name_token(ctx, tok.i) \
                or tok.pos_ != "PROPN" or not any(c.dep_ == "appos" and c.i > e for c in tok.children):
            continue
        t = title_after(ctx, e)
        if t is None or t.head is None or titles[t.head].kind != "head":
            continue
        s = tok.i
        while s > 0 and tok.i - s < 2 and doc[s - 1].dep_ == "compound" and doc[s - 1].head == tok \
                and _name_token(ctx, s - 1) and not doc[s].is_sent_start:
            s -= 1
        out.append((s, e))
    return out


def find_people(ctx: Ctx, on: Date | None) -> None:
    doc, forms = ctx.doc, ctx.tables.person_forms
    spans = _name_spans(ctx)
    by_last: dict[str, str] = {}
    key_of: dict[tuple[int, int], str] = {}
    for s, e in spans:
        if e - s >= 2:
            text = doc[s:e].text
            name = forms.get(text, text)
            key_of[(s, e)] = name
            by_last.setdefault(doc[e - 1].text, name)
    for s, e in spans:
        if e - s == 1:
            t = doc[s].text
            key_of[(s, e)] = by_last.get(t) or forms.get(t) or t
    covered = {i for s, e in spans for i in range(s, e)}
    for tok in doc:  # NER slips: a known surname tagged GPE/ORG or nothing
        if tok.i not in covered and tok.text in by_last and tok.i not in ctx.match_at and tok.text[:1].isupper():
            key_of[(tok.i, tok.i + 1)] = by_last[tok.text]
    titles_of: dict[str, list[Title]] = {}
    afters: dict[int, Title] = {}
    order: list[tuple[int, int, str]] = sorted((s, e, k) for (s, e), k in key_of.items())
    for s, e, name in order:
        found = titles_of.setdefault(name, [])
        before = title_before(ctx, s, e)
        if before is not None:
            found.append(before)
            ctx.claimed.update(range(before.start, before.end))
        after = title_after(ctx, e)
        if after is not None:
            found.append(after)
            afters[s] = after
            ctx.claimed.update(range(after.start, after.end))
    for s, e, name in order:
        ctx.claimed.update(range(s, e))
    for name, titles in titles_of.items():
        person_info(ctx, f"P:{name}", name, titles, on)
    for s, e, name in order:
        ctx.add(s, e, f"P:{name}", "name")
        if s in afters:
            ctx.add(afters[s].start, afters[s].end, f"P:{name}", "description")
