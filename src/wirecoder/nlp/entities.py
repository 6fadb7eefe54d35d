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
from . import entities_forms as forms
from . import entities_sport as sport
from .entities_sport import Span3

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
# labels the layout of a results line may turn into a team or a player
_TEAM_OR_PLAYER = NAME_LABELS


def _breaks(tok: Token) -> bool:
    """A token that cannot be inside a name: figures, list punctuation, a spaced dash,
    a possessive, or a lower-case word other than a name particle ("Bank of England")."""
    t = tok.text
    if sport.is_numberish(t) or t in ("'s", "’s"):
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
    # "Smith", "McAllister", "O'Neill", "Smith-Jones"; not "BBC"
    if not (last.replace("'", "").replace("-", "").isalpha() and not last.isupper()) \
            or last.lower() in _NOT_SURNAMES:
        return False
    first = words[0]
    if len(first) == 2 and first[1] == "." and first[0].isupper():
        return True
    return first in _first_names()


def clean_entities(doc: Doc) -> tuple[Entity, ...]:
    """The entity list for the output: ``doc.ents`` repaired by the rules above."""
    text = doc.text
    spans: list[tuple[int, int, str]] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            # "August 16-18 v Kent": a fixture's date swallowed the opponent; the date ends at "v"
            end = next((i for i in range(ent.start, ent.end) if doc[i].text in ("v", "vs")), ent.end)
            if end > ent.start:
                spans.append((ent.start, end, ent.label_))
            continue
        for s, e in _pieces(doc, ent.start, ent.end):
            words = [t.text for t in doc[s:e]]
            if not any(_capitalised(w) for w in words):
                continue
            known = _lookup(words)
            label = known or ("PERSON" if _person_shape(words) else ent.label_)
            spans.append((s, e, label))
    spans = _add_table_names(doc, spans)
    spans = _sport_names(doc, spans)
    spans = forms.surnames(doc, forms.datelines(doc, forms.events(doc, forms.hyphen_compounds(doc, spans))))
    out: list[Entity] = []
    for s, e, label in spans:
        a, b = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
        out.append(Entity(a, b, label, text[a:b]))
    return tuple(out)


def _is_country(words: list[str]) -> bool:
    """True when the words are a country name (national teams keep the place reading)."""
    return " ".join(words) in _table_forms()[2]


def _sport_names(doc: Doc, spans: list[Span3]) -> list[Span3]:
    """Players and teams told by the layout of result lines (see entities_sport)."""
    out: list[Span3] = []
    for s, e, label in spans:
        if label in NAME_LABELS and sport.sport_slug(doc, s, e):
            continue
        if label in _TEAM_OR_PLAYER:
            words = [t.text for t in doc[s:e]]
            if sport.player(doc, s, e, _is_country) and not _is_country(words) \
                    and (label == "PERSON" or _lookup(words) is None):
                label = "PERSON"
            elif sport.scoreline_team(doc, s, e) or sport.fixture_team(doc, s, e):
                if _is_country(words):
                    pass
                elif label == "PERSON" and _player_name(words):
                    pass
                elif _person_shape(words) and words[-1] not in sport.CLUB_WORDS:
                    label = "PERSON"  # a golfer's "Ian Woosnam 70 76" read as a club
                else:
                    label = "ORG"
            elif label in ("GPE", "LOC", "FAC", "PERSON") and e - s <= 3 and sport.result_side(doc, s, e) \
                    and not _is_country(words) and _club_town(words):
                label = "ORG"  # "Derbyshire beat Kent": clubs carry their town's or county's name
        out.append((s, e, label))
    taken = [False] * len(doc)
    for s, e, _ in out:
        for i in range(s, e):
            taken[i] = True
    ends = {e: k for k, (_, e, label) in enumerate(out) if label in NAME_LABELS}
    added: list[Span3] = []
    for s, e in sport.name_runs(doc, taken):
        while s < e and doc[s].is_stop:  # "At Tunbridge Wells", "The"
            s += 1
        if s >= e:
            continue
        words = [t.text for t in doc[s:e]]
        k = ends.get(s)
        if k is not None and out[k][1] - out[k][0] == 1 and sport.initial_surname(doc, out[k][0]) == e:
            out[k] = (out[k][0], e, "PERSON")  # "K. Curran" with the initial read as a name of its own
        elif sport.player(doc, s, e, _is_country):
            added.append((s, e, "PERSON"))
        elif k is not None and out[k][2] in ("ORG", "GPE", "LOC", "FAC") \
                and sport.scoreline_team(doc, out[k][0], e, strict=True):
            out[k] = (out[k][0], e, "ORG")  # "Cambridge United 4": the model found only the town
        elif sport.scoreline_team(doc, s, e, strict=True) or sport.fixture_team(doc, s, e):
            label = "GPE" if _is_country(words) else "PERSON" if _person_shape(words) \
                and words[-1] not in sport.CLUB_WORDS else "ORG"
            added.append((s, e, label))
        elif e - s <= 3 and sport.result_side(doc, s, e) and not _is_country(words) and _club_town(words):
            added.append((s, e, "ORG"))
        elif _person_shape(words) and sport.initial_surname(doc, s) == e:
            added.append((s, e, "PERSON"))
    return sorted(out + added)


def _club_town(words: list[str]) -> bool:
    """A town or county name (the places gazetteer), as clubs and county sides carry."""
    from ..places.gazetteer import lookup

    return any(c.source != "country" for c in lookup(" ".join(words)))


def _player_name(words: list[str]) -> bool:
    """A name the model read as a person that stays one in a results line: a golfer's
    "Ernie Els 68 70" (two words or more) but not "Lotte 6" or "Cambridge United 4"."""
    return (len(words) > 1 or _person_shape(words)) and words[-1] not in sport.CLUB_WORDS


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
