"""Component `wc_places`: toponyms found and resolved offline (see the package docstring)."""
from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp.extensions import register_extensions
from ..records import Place, PlaceMention
from . import uszip
from .cues import FACILITY_NOUNS, NAME_TAILS
from .detect import FACILITY_HEADS, raw_mentions
from .gazetteer import Candidate, gazetteer, norm
from .metonymy import is_metonym
from .nonplaces import full_name_words, person_namesake, storm_name
from .propagate import propagate
from .resolve import choose
from .towns import town_index


def find_places(doc: Doc) -> tuple[PlaceMention, ...]:
    """Toponyms in ``doc``, each resolved to a place; unresolved names keep coordinates None.

    A name the gazetteer does not know (a street, a village, a building) is
    still a toponym. It takes the coordinates of the article's focus (its
    most-named town, else region, else country) with ``kind="local"`` and no
    geonameid: local news names streets and buildings of the town it is
    about. With no focus it keeps no coordinates (``kind="unresolved"``).
    """
    mentions = raw_mentions(doc)
    if not mentions:
        return ()
    chosen = choose(doc, mentions)
    capitals = gazetteer().capitals
    lead = next((c for m, c in zip(mentions, chosen) if c is not None and m.start < DATELINE_TOKENS
                 and c.place.kind == "city"), None)
    focus = _focus([c for m, c in zip(mentions, chosen) if c is not None and m.label != "ADJ"], lead)
    out: list[PlaceMention] = []
    person_words = {t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e}
    full_names = full_name_words(doc)
    for m, cand in zip(mentions, chosen):
        span = doc[m.start:m.end]
        if m.label != "CUE" and (storm_name(span) or person_namesake(span, cand, full_names)):
            continue  # "Hurricane Harvey", "Ashford" after "Daniel Ashford"
        # a name whose setting marks it as a place ("the village of X") keeps it even if NER saw a person
        if cand is None and _not_a_place(span, set() if m.label == "CUE" else person_words):
            continue
        if cand is not None and cand.source in LOW_TIERS and m.label != "CUE" and _not_a_place(span, person_words):
            continue  # "Freeland" after "Chrystia Freeland": a person, not a postal town
        if cand is None:
            inner = _inner_place(span) if len(span) > 1 else None
            place = inner if inner is not None else _local(span.text, focus)
            metonym = False
        else:
            place = cand.place
            metonym = m.label != "ADJ" and is_metonym(doc, span.root, place, capitals)
        out.append(PlaceMention(start=span.start_char, end=span.end_char, text=span.text,
                                place=place, metonym=metonym, adjectival=m.label == "ADJ"))
    return propagate(doc, tuple(out))  # later uses of a resolved name ("the Stroud roundabout")


FOCUS_RANK = {"city": 0, "landmark": 0, "county": 1, "state": 1, "region": 1, "country": 2}
# A town counts more as the article's focus when the article also names its state, or
# its country is the one the article names most: "Franklin Square" twice in an article
# about Louisiana that names New Orleans once is a street name, not the focus.
FOCUS_STATE_BONUS = 2.0
FOCUS_COUNTRY_BONUS = 1.0
FOCUS_LEAD_BONUS = 5.0   # the town that opens the article (its dateline) is most often its setting
DATELINE_TOKENS = 3      # "CAIRO -", "SPRINGFIELD, Ill. (AP)": the town within the first tokens


def _focus(cands: list[Candidate], lead: Candidate | None = None) -> Place | None:
    """The place the article is about: its best-supported town, else region, else country.
    ``lead`` is a town opening the article (a dateline: "CAIRO -"), which counts more."""
    usable = [c for c in cands if c.place.kind in FOCUS_RANK and c.place.lat is not None]
    if not usable:
        return None
    counts = Counter(c.place for c in usable)
    countries = Counter(c.place.country for c in usable if c.place.country)
    top_country = countries.most_common(1)[0][0] if countries else None
    states = {c.admin1 for c in usable if c.place.kind == "state" and c.admin1}
    best: dict[Place, float] = {}
    for c in usable:
        s = counts[c.place] + c.score / 10.0
        if c.place.kind == "city":
            if c.place.country == "USA" and c.admin1 in states:
                s += FOCUS_STATE_BONUS
            if c.place.country == top_country:
                s += FOCUS_COUNTRY_BONUS
            if lead is not None and c.place == lead.place:
                s += FOCUS_LEAD_BONUS
        best[c.place] = max(best.get(c.place, s), s)
    return min(best, key=lambda p: (FOCUS_RANK[p.kind], -best[p]))


# An inner name good enough to place a longer unknown one: a country, state, region or hand-listed place;
# a city of 100,000 people or more known by its own name only after a facility word ("Embassy Tokyo").
INNER_SOURCES = frozenset({"country", "state", "admin", "supp"})
INNER_MIN_CITY_SCORE = 5.0
# Names these words end are named after a place, not in it ("Washington Square", "Mississippi River").
NAMED_AFTER_TAILS = NAME_TAILS | {"township", "parish", "borough"}
FACILITY_WORDS = FACILITY_NOUNS | FACILITY_HEADS | {"centre", "center", "park"}
# A facility of one country in another: its country's name does not place it.
ABROAD_WORDS = frozenset({"embassy", "consulate", "embassies", "consulates", "mission", "legation"})


def _inner_place(span) -> Place | None:
    """The place named inside an unknown longer name: "British Embassy Tokyo" -> Tokyo,
    "Nazi Germany" -> Germany, "New York Auto Show" -> New York; the longest inner name first."""
    if span[-1].lower_ in NAMED_AFTER_TAILS:
        return None
    index = gazetteer().index
    abroad = any(t.lower_ in ABROAD_WORDS for t in span)
    n = len(span)
    for size in range(n - 1, 0, -1):
        for i in range(n - size + 1):
            sub = span[i:i + size]
            if not sub[0].text[:1].isupper() or sub[-1].is_punct:
                continue
            cands = index.get(norm(sub.text), ())
            if not cands or cands[0].place.lat is None:
                continue
            best = cands[0]
            trailing_city = (i + size == n and i > 0 and best.source == "city" and not best.alternate
                             and best.score >= INNER_MIN_CITY_SCORE and span[i - 1].lower_ in FACILITY_WORDS)
            if trailing_city or best.source in INNER_SOURCES and not abroad:
                return best.place
    return None


def _local(name: str, focus: Place | None) -> Place:
    if focus is None:
        return Place(name=name, kind="unresolved")
    return Place(name=name, country=focus.country, lat=focus.lat, lon=focus.lon, kind="local")


# The postal-town tier, read only as a last resort: a person's name elsewhere in the article outweighs it.
LOW_TIERS = frozenset({"uszip"})
# Blocs and directions that NER tags as GPE but that are no place ("the West").
NON_PLACES = frozenset({"west", "east", "north", "south", "the west", "the east"})


def _not_a_place(span, person_words: set[str]) -> bool:
    """An unresolved name that is a bloc or a person's name elsewhere in the article."""
    if span.text.lower() in NON_PLACES:
        return True
    return len(span) == 1 and span[0].lower_ in person_words


@Language.factory("wc_places", requires=["doc.ents"], assigns=["doc._.wc_places"])
def make_component(nlp: Language, name: str):
    register_extensions()
    gazetteer()  # load once when the pipeline is built, not on the first article
    town_index()
    uszip.load()

    def component(doc: Doc) -> Doc:
        doc._.wc_places = find_places(doc)
        return doc

    return component
