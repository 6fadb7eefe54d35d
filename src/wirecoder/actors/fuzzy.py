"""Misspelt country names and demonyms: "Afganistan", "Quatar", "Phillipines".

Wire copy and hand-edited examples carry typos that exact table matching cannot see; a state that
goes unrecognised loses the event its side. A name the entity recogniser marks as a place or a
nationality, that no table phrase covers and that the place stage did not resolve to a real place
("Indiana" is not a typo of "Indian"), is compared with the single-word country names and demonyms:
one edit away (insert, delete, substitute, or swap two neighbours) inside the word (first and last
letters kept), not a first name ("Georgina"), and one candidate state only. The lookup is a deletion index, so a token costs a few dictionary probes.
"""
from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from ..places.gazetteer import lookup
from .tables import Entry, Tables, load_tables

_KINDS = ("country", "demonym")
_LABELS = frozenset({"GPE", "NORP", "LOC", "ORG"})  # "Quatar" comes out as ORG
_MIN_LEN = 6  # shorter names have too many real neighbours ("Oman"/"Omar", "Mali"/"Bali")


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


@cache
def _index() -> dict[str, tuple[str, ...]]:
    """Each single-word state name or demonym of the built-in tables and each of its one-letter
    deletions -> the names it came from (a user's actors file adds organisations and people, not states)."""
    out: dict[str, set[str]] = {}
    for form, entries in load_tables().phrases.items():
        if not form.isalpha() or len(form) < _MIN_LEN - 1 or not form[0].isupper():
            continue
        if not any(e.kind in _KINDS for e in entries):
            continue
        for key in {form.lower()} | _deletes(form.lower()):
            out.setdefault(key, set()).add(form)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _inner_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance exactly 1, the edit neither on the first nor on the last letter:
    a changed ending makes other words ("Americas", "Greens", "Brazile"), a changed initial other names."""
    if a == b or abs(len(a) - len(b)) > 1 or a[0] != b[0] or a[-1] != b[-1]:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(1, len(long_) - 1))


def correct(word: str, tables: Tables) -> Entry | None:
    """The country or demonym entry ``word`` is a one-edit misspelling of, if exactly one state fits."""
    if len(word) < _MIN_LEN or not word.isalpha() or not word[0].isupper() or word in tables.first_names \
            or word.capitalize() in tables.first_names:
        return None
    index = _index()
    low = word.lower()
    forms = {f for key in {low} | _deletes(low) for f in index.get(key, ())}
    hits = [f for f in forms if _inner_edit(f.lower(), low)]
    # a plural demonym is one letter from a plain word too often ("Greens"/"Greeks", "Americas"/"Americans")
    entries = [e for f in hits for e in tables.phrases[f]
               if e.kind == "country" or (e.kind == "demonym" and not f.endswith("s"))]
    if not entries or len({e.code for e in entries}) != 1:
        return None
    return next((e for e in entries if e.kind == "country"), entries[0])


def misspelt_states(doc: Doc, tables: Tables, covered: set[int]) -> list[tuple[int, int, Entry]]:
    """(start, end, entry) for one-token place or nationality names the tables miss by one typo."""
    real = [(m.start, m.end) for m in doc._.wc_places if m.place.geonameid] \
        if doc.has_extension("wc_places") else []
    out = []
    for ent in doc.ents:
        if ent.label_ not in _LABELS or len(ent) != 1 or ent.start in covered:
            continue
        tok = ent[0]
        if any(s <= tok.idx < e for s, e in real) or tok.text in tables.phrases:
            continue
        if lookup(tok.text):  # a real place of that spelling ("Alania", "Georgina")
            continue
        entry = correct(tok.text, tables)
        if entry is not None:
            out.append((tok.i, tok.i + 1, entry))
    return out
