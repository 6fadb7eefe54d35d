"""Component `wc_actors`: states, IGOs, people and groups, with their mentions.

Steps, each over the whole document once: table phrases (one PhraseMatcher
built per pipeline), people and their title phrases (names.py, people.py),
states/IGOs/groups and their sectors (detect.py), coreference (coref.py).
Then one :class:`Actor` per actor key, ids "a1", "a2"... in order of first mention.
"""
from __future__ import annotations

from datetime import date as Date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..nlp.extensions import register_extensions
from ..records import Actor, ActorMention
from .context import dominant_state
from .coref import resolve
from .detect import find_bare_groups, find_located_orgs, find_person_governments, find_states
from .draft import Ctx, Draft, match_root
from .ethnic import place_ethnic
from .fuzzy import misspelt_states
from .names import find_people
from .tables import Entry, Tables, load_tables


def build_matcher(nlp: Language, tables: Tables) -> tuple[PhraseMatcher, dict[int, tuple[Entry, ...]]]:
    """One ORTH PhraseMatcher for every table phrase; match id -> the entries it may name."""
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    by_id: dict[int, tuple[Entry, ...]] = {}
    forms = dict(tables.phrases)
    for form, name in tables.person_forms.items():
        entry = Entry("person", f"P:{name}", None, name=name)
        forms.setdefault(form, (entry,))
    for form, entries in forms.items():
        label = f"wc_actor:{form}"
        matcher.add(label, [nlp.make_doc(form)])
        by_id[nlp.vocab.strings[label]] = entries
    for form, entries in tables.ethnic.items():  # ethnic.py decides which of these name a state
        label = f"{_ETHNIC}{form}"
        matcher.add(label, [nlp.make_doc(form)])
        by_id[nlp.vocab.strings[label]] = entries
    return matcher, by_id


_ETHNIC = "wc_ethnic:"


def _matches(doc: Doc, matcher: PhraseMatcher, by_id: dict[int, tuple[Entry, ...]],
             tables: Tables | None = None) -> list[tuple[int, int, Entry]]:
    found = matcher(doc)
    spans = filter_spans([doc[s:e] for _, s, e in found])
    ids = {(s, e): mid for mid, s, e in found}
    out = []
    ethnic = []
    for sp in spans:
        mid = ids[(sp.start, sp.end)]
        entries = by_id[mid]
        if doc.vocab.strings[mid].startswith(_ETHNIC):
            ethnic.append((sp.start, sp.end, entries))
        else:
            out.append((sp.start, sp.end, _pick(doc, sp.start, sp.end, entries)))
    out = sorted(out + place_ethnic(doc, out, ethnic), key=lambda m: m[0])
    if tables is not None:
        covered = {i for sp in spans for i in range(sp.start, sp.end)}
        out = sorted(out + misspelt_states(doc, tables, covered))
    return out


def _pick(doc: Doc, s: int, e: int, entries: tuple[Entry, ...]) -> Entry:
    """A form naming several things ("US": country and adjective): pick by its use."""
    if len(entries) == 1:
        return entries[0]
    root = match_root(doc, s, e)
    modifier = root.dep_ in ("amod", "compound", "nmod") and root.head.i > root.i
    for en in entries:
        if modifier and en.kind == "demonym" or not modifier and en.kind == "country":
            return en
    return entries[0]


def find_actors(doc: Doc, matcher: PhraseMatcher | None = None, by_id: dict | None = None,
                tables: Tables | None = None) -> tuple[tuple[Actor, ...], tuple[ActorMention, ...]]:
    """All actors of the article and their mentions (sorted by start)."""
    tables = tables or load_tables()
    if matcher is None or by_id is None:
        matcher, by_id = _default_matcher(doc, tables)
    on: Date | None = doc._.wc_dateline
    sent_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    ctx = Ctx(doc, tables, _matches(doc, matcher, by_id, tables), sent_starts or [0])
    ctx.dominant = dominant_state(ctx)
    find_people(ctx, on)
    find_states(ctx)
    find_bare_groups(ctx)
    find_located_orgs(ctx)
    find_person_governments(ctx)
    resolve(ctx)
    return _records(ctx)


def _default_matcher(doc: Doc, tables: Tables) -> tuple[PhraseMatcher, dict[int, tuple[Entry, ...]]]:
    """For calls outside a pipeline (tests): a matcher over the document's own vocab."""
    from spacy.lang.en import English
    return build_matcher(English(vocab=doc.vocab), tables)


def _records(ctx: Ctx) -> tuple[tuple[Actor, ...], tuple[ActorMention, ...]]:
    doc = ctx.doc
    drafts = _dedupe(ctx.drafts)
    first: dict[str, int] = {}
    for d in drafts:
        first.setdefault(d.key, d.start)
    ids = {k: f"a{n}" for n, k in enumerate(sorted(first, key=lambda k: (first[k], k)), start=1)}
    mentions: list[ActorMention] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    for d in drafts:
        s, e = doc[d.start].idx, doc[d.end - 1].idx + len(doc[d.end - 1].text)
        mentions.append(ActorMention(s, e, ids[d.key], d.kind, d.sector, d.start, d.end))  # type: ignore[arg-type]
        spans.setdefault(d.key, []).append((s, e))
    actors = []
    for key in sorted(ids, key=lambda k: int(ids[k][1:])):
        info = ctx.infos[key]
        sector = info.sector
        if info.kind == "state":
            secs = {m.sector for m in mentions if m.actor_id == ids[key]}
            sector = secs.pop() if len(secs) == 1 else None  # one sector throughout: the actor's
        actors.append(Actor(ids[key], info.name, info.kind, info.code, sector,  # type: ignore[arg-type]
                            info.igo if info.code == "IGO" else None, info.role, tuple(spans[key])))
    mentions.sort(key=lambda m: (m.start, m.end, int(m.actor_id[1:])))
    return tuple(actors), tuple(mentions)


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    seen: set[tuple[int, int, str]] = set()
    out = []
    for d in sorted(drafts, key=lambda d: (d.start, d.end)):
        k = (d.start, d.end, d.key)
        if k not in seen:
            seen.add(k)
            out.append(d)
    return out


@Language.factory("wc_actors", requires=["doc.ents", "token.dep"], assigns=["doc._.wc_actors", "doc._.wc_mentions"],
                  default_config={"actors_file": ""})
def make_component(nlp: Language, name: str, actors_file: str = ""):
    register_extensions()
    tables = load_tables(actors_file or "")
    matcher, by_id = build_matcher(nlp, tables)

    def component(doc: Doc) -> Doc:
        doc._.wc_actors, doc._.wc_mentions = find_actors(doc, matcher, by_id, tables)
        return doc

    return component
