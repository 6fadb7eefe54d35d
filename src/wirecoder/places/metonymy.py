"""Metonyms that act: a country, capital or seat of power standing for its government.

"Moscow demands", "Washington said", "the Kremlin denied", "Russia's troops":
the toponym names an actor, not where something happened. Such mentions stay
in the places list (they are toponyms) with ``metonym=True``, and
:func:`~wirecoder.places.locate.event_location` never picks them.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..records import Place

# Verbs whose subject is a plain location, not an actor ("Ukraine borders Russia").
LITERAL_SUBJECT_VERBS = frozenset({
    "be", "lie", "border", "stretch", "remain", "host", "face", "see", "experience",
    "suffer", "receive", "get", "rank", "cover", "extend", "span", "contain", "include", "become",
    "flood", "burn", "shake", "swelter", "freeze", "lose", "record", "report"})
# Nouns that a possessive place only locates ("Ukraine's border", "Syria's north").
LOCATIVE_POSSESSED = frozenset({
    "border", "borders", "frontier", "frontiers", "territory", "territories", "capital", "coast",
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "centre",
    "center", "region", "regions", "city", "cities", "province", "provinces", "airspace", "waters",
    "soil", "streets", "outskirts", "heart", "side", "part", "parts", "area", "areas", "population",
    "people", "residents", "citizens", "economy", "weather", "shores", "mountains", "countryside",
    # places and structures inside it ("Venezuela's oil installations", "Grozny's streets")
    "street", "road", "roads", "highway", "highways", "installation", "installations", "facility",
    "facilities", "field", "fields", "port", "ports", "airport", "airports", "village", "villages",
    "town", "towns", "district", "districts", "neighbourhood", "neighborhood", "neighbourhoods",
    "neighborhoods", "hospital", "hospitals", "school", "schools", "refinery", "refineries",
    "pipeline", "pipelines", "bridge", "bridges", "mine", "mines", "square", "suburbs"})
# Kinds of place that can stand for a government.
ACTOR_KINDS = frozenset({"country", "landmark", "state"})


def _is_seat(place: Place, capitals: dict[str, str]) -> bool:
    if place.kind in ACTOR_KINDS:
        return True
    if place.kind == "city" and place.country:
        return capitals.get(place.country, "") == place.name.lower()
    return False


def is_metonym(doc: Doc, head: Token, place: Place, capitals: dict[str, str]) -> bool:
    """Does the mention headed by ``head`` act as an agent (subject, agent, possessor of an actor)?"""
    if not _is_seat(place, capitals):
        return False
    dep = head.dep_
    if dep in ("nsubj", "csubj") and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
        if verb.lemma_ in LITERAL_SUBJECT_VERBS:
            return False
        return True
    if dep == "pobj" and head.head.dep_ == "agent":
        return True  # "was expelled by Moscow"
    if dep == "poss":
        owner = head.head
        return owner.lemma_.lower() not in LOCATIVE_POSSESSED and owner.lower_ not in LOCATIVE_POSSESSED
    if dep == "conj":
        # "Washington and Moscow agreed": share the role of the first conjunct.
        first = head
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        if first != head and first.dep_ in ("nsubj", "poss"):
            return is_metonym(doc, first, place, capitals) if first.dep_ != "poss" else (
                first.head.lower_ not in LOCATIVE_POSSESSED)
    return False
