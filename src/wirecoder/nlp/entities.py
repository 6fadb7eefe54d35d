"""Clean-up of the named-entity list wirecoder *outputs* (``Analysis.entities``).

The small spaCy model makes a few systematic errors on news copy; this module
fixes them on the way out, without touching ``doc.ents`` (the actor, place and
event stages read those and keep their own behaviour):

* spans that run over scores, counts or list punctuation ("Lotte 6",
  "Haitai 2 Samsung 0", "Grace Road , Kent") are split into name pieces;
* a leading article, leading/trailing punctuation and a trailing possessive
  are trimmed ("the Red Cross 's" -> "Red Cross"): news NER conventions name
  the entity, not the noun phrase;
* spans with no capitalised word (bare numbers labelled NORP/ORG) are dropped;
* names our own actor tables know (countries, capitals, IGOs, groups, office
  holders, demonyms) get the table's type, and are added where the model
  missed them -- including in all-caps headlines and datelines;
* "J. Smith" and "<known first name> Surname" are people;
* a place name (not a country) standing as a team in a score line
  ("Boston 5 Detroit 3", "Kent 250") is an organisation, as sports reporting
  uses club and city names.

Everything is one pass over the entities plus one bounded n-gram pass over
the tokens.
"""
from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from ..records import Entity

# spaCy labels that name things; numeric/temporal labels pass through untouched
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT",
                         "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT"})
# actor-table kinds -> spaCy label ("seat" -- "the Kremlin" -- is left to the model)
_KIND_LABEL = {"country": "GPE", "capital": "GPE", "igo": "ORG", "group": "ORG",
               "person": "PERSON", "demonym": "NORP"}
# lower-case words that may sit inside a proper name; any other lower-case word
# in a span means two names glued together ("Yorkshire at Headingley") or a
# common noun run on ("Interfax news agency")
_PARTICLES = frozenset({"of", "de", "del", "della", "di", "da", "das", "do", "dos", "du", "la", "le", "les",
                        "van", "von", "der", "den", "ter", "ten", "zu", "y", "e", "el", "al", "bin", "ibn",
                        "and", "for", "the", "upon", "on", "sur", "en", "am", "an"})
# heads of place and institution names that follow a first name ("Grace Road")
_NOT_SURNAMES = frozenset({"road", "street", "avenue", "park", "square", "hall", "house", "bridge", "river",
                           "lake", "island", "islands", "city", "county", "open", "cup", "award", "prize",
                           "foundation", "institute", "university", "college", "school", "hospital",
                           "centre", "center", "stadium", "airport", "station", "church", "day", "catholic",
                           "group", "bank", "company", "corp", "inc", "ltd", "fund", "trust", "party"})
_LEADING_DROP = frozenset({"the", "The", "THE", "a", "A", "an", "An"})
_EDGE_PUNCT = frozenset("-–—,;:()[]{}\"'`/|*+=<>")
_MAX_NGRAM = 5


def _is_numberish(text: str) -> bool:
    """A score, a count or a figure: "6", "4-43", "1996-08-30", ".533", "3/4"."""
    return any(c.isdigit() for c in text) and not any(c.isalpha() for c in text)


def _breaks(tok: Token) -> bool:
    """A token that cannot be inside a name: figures, list punctuation, a spaced dash,
    a possessive, or a lower-case word other than a name particle ("Bank of England")."""
    t = tok.text
    if _is_numberish(t) or t in ("'s", "’s"):
        return True
    if t.isalpha() and t.islower():
        return t not in _PARTICLES
    if t in ("-", "--", "–", "—"):
        # "Anne-Marie" is tokenised "Anne - Marie" with no spaces: part of the name
        return bool(tok.whitespace_) or (tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_))
    return len(t) == 1 and t in ",;:()[]{}|/"


def _capitalised(tok_text: str) -> bool:
    return tok_text[:1].isupper() or (tok_text[:1].isdigit() and any(c.isalpha() for c in tok_text))


@cache
def _table_forms() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """(surface form -> label, UPPER-CASE form -> label, country forms in both cases) from the actor tables.

    The upper-case map is used only on all-caps text (headlines, datelines,
    sports tables), where the model sees no capitalisation cue."""
    from ..actors.tables import load_tables

    tables = load_tables()
    exact: dict[str, str] = {}
    countries: set[str] = set()
    for form, entries in tables.phrases.items():
        if entries[0].kind == "country":
            countries.update((form, form.upper()))
        label = _KIND_LABEL.get(entries[0].kind)
        if label is None or form[:1].islower() or len(form) < 2:
            continue
        exact[form] = label
    for form in tables.person_forms:
        if " " in form:  # lone surnames are too ambiguous to add by themselves
            exact.setdefault(form, "PERSON")
    upper: dict[str, str] = {}
    for form, label in exact.items():
        if label in ("GPE", "ORG", "NORP") and len(form) > 3:
            upper.setdefault(form.upper(), label)
    return exact, upper, frozenset(countries)


@cache
def _first_names() -> frozenset[str]:
    from ..actors.tables import load_tables

    return frozenset(load_tables().first_names)


def _lookup(words: list[str]) -> str | None:
    exact, upper, _ = _table_forms()
    text = " ".join(words)
    label = exact.get(text)
    if label is None and all(w.isupper() or not w.isalpha() for w in words):
        label = upper.get(text)
    return label


def _pieces(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Token ranges of ``start:end`` split at break tokens and trimmed at the edges."""
    out: list[tuple[int, int]] = []
    s = start
    for i in range(start, end + 1):
        if i == end or _breaks(doc[i]):
            if s < i:
                out.append(_trim(doc, s, i))
            s = i + 1
    return [(a, b) for a, b in out if a < b]


def _trim(doc: Doc, s: int, e: int) -> tuple[int, int]:
    while s < e and (doc[s].text in _LEADING_DROP or doc[s].text in _EDGE_PUNCT or doc[s].text == "'s"):
        s += 1
    while e > s and (doc[e - 1].text in _EDGE_PUNCT or doc[e - 1].text in ("'s", "'", "’s")
                     or doc[e - 1].text in _LEADING_DROP):
        e -= 1
    return s, e


def _person_shape(words: list[str]) -> bool:
    """"J. Smith" or "<known first name> Surname" (not "Grace Road", "Victoria Park")."""
    if len(words) < 2 or len(words) > 3 or not all(w[:1].isupper() for w in words):
        return False
    last = words[-1]
    if not (last.isalpha() and last[1:].islower()) or last.lower() in _NOT_SURNAMES:
        return False
    first = words[0]
    if len(first) == 2 and first[1] == "." and first[0].isupper():
        return True
    return first in _first_names()


def _scoreline_team(doc: Doc, s: int, e: int) -> bool:
    """The name is followed by a score/figure and preceded by nothing or another score:
    a line of a results table ("Boston 5 Detroit 3", "Kent 250 all out")."""
    if e >= len(doc) or not _is_numberish(doc[e].text) or doc[e].ent_type_ in ("DATE", "TIME"):
        return False  # a dateline ("LONDON 1996-08-30"), not a score
    if s == 0 or doc[s].is_sent_start:
        return True
    prev = doc[s - 1].text
    return _is_numberish(prev) or prev in ("-", ",", "(", ":")


def clean_entities(doc: Doc) -> tuple[Entity, ...]:
    """The entity list for the output: ``doc.ents`` repaired by the rules above."""
    text = doc.text
    spans: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            spans.append((ent.start, ent.end, ent.label_))
            continue
        for s, e in _pieces(doc, ent.start, ent.end):
            words = [t.text for t in doc[s:e]]
            if not any(_capitalised(w) for w in words):
                continue
            known = _lookup(words)
            label = known or ("PERSON" if _person_shape(words) else ent.label_)
            spans.append((s, e, label))
    spans = _add_table_names(doc, spans)
    out: list[Entity] = []
    for s, e, label in spans:
        if label in ("GPE", "LOC", "FAC") and _scoreline_team(doc, s, e) \
                and not _is_country(doc, s, e):
            label = "ORG"
        a, b = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
        out.append(Entity(a, b, label, text[a:b]))
    return tuple(out)


def _is_country(doc: Doc, s: int, e: int) -> bool:
    """True when the span is a country name (national teams keep the place reading)."""
    words = " ".join(t.text for t in doc[s:e])
    return words in _table_forms()[2]


def _add_table_names(doc: Doc, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Add table names no entity covers (longest match first, left to right)."""
    taken = [False] * len(doc)
    for s, e, _ in spans:
        for i in range(s, e):
            taken[i] = True
    added: list[tuple[int, int, str]] = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if taken[i] or not tok.text[:1].isupper():
            i += 1
            continue
        hit = None
        for k in range(min(_MAX_NGRAM, n - i), 0, -1):
            if any(taken[i:i + k]):
                continue
            words = [t.text for t in doc[i:i + k]]
            label = _lookup(words)
            if label is not None:
                hit = (i, i + k, label)
                break
        if hit is None:
            i += 1
            continue
        # a table name glued to a capitalised neighbour is part of a longer name ("Chad Smith")
        s, e, _ = hit
        # (in all-caps text every neighbour is capitalised: no cue there)
        caps = all(t.text.isupper() or not t.text.isalpha() for t in doc[s:e])
        before = not caps and s > 0 and doc[s - 1].text[:1].isupper() and not doc[s - 1].is_sent_start \
            and not _breaks(doc[s - 1]) and doc[s - 1].text[:1].isalpha()
        after = not caps and e < n and doc[e].text[:1].isupper() and doc[e].text[:1].isalpha() \
            and not doc[e].text.isupper()
        if not (before or after):
            added.append(hit)
        i = e
    return sorted(spans + added)
