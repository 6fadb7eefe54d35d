"""Named sites: buildings, bases and vessels named in an event's own locative phrase.

The place stage finds toponyms; a report often pins an event down further to
a named building the small NER model calls an organisation or nothing at all:
"a bomb went off inside the Rashid Hotel", "troops patrolled near the Zarit
outpost", "fighters took the Hanano school". Such a site is more specific
than the town that contains it, so the event locator may choose it, but only
where it hangs on the event itself (its object or a locative preposition):
a site is no toponym and is never added to the document's places.

A site is a site noun ("school", "outpost", "ship") with a capitalised name
before it. Names that are actors rather than sites stay out: acronyms ("a UN
school" is run by the UN, the place is elsewhere), places already found ("a
Baghdad hotel" is located by Baghdad) and demonyms.
"""
from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from ..records import Place, PlaceMention
from .gazetteer import adjective_place


@cache
def site_nouns() -> frozenset[str]:
    """Lower-case head nouns of a named site (kept here, not in data: a closed, grammatical class)."""
    return frozenset({
        "school", "hospital", "clinic", "outpost", "base", "airbase", "barracks", "camp", "checkpoint",
        "hotel", "mosque", "church", "cathedral", "temple", "shrine", "synagogue", "market", "bazaar", "mall",
        "plant", "factory", "refinery", "mine", "stadium", "university", "college", "prison", "jail", "palace",
        "ship", "ferry", "vessel", "tanker", "frigate", "destroyer", "embassy", "consulate", "compound",
        "building", "tower", "bridge", "dam", "airport", "airfield", "port", "harbour", "harbor", "station",
        "square", "complex", "academy", "garrison", "fort", "fortress", "citadel", "park"})


# Lower-case particles that open a transliterated name: "al-Zahawi", "el-Nasr".
PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})

# Capitalised words of an owner, not a name: "an Army base in Texas" is located by Texas.
INSTITUTIONS = frozenset({"army", "navy", "police", "air", "force", "marine", "marines", "military", "government",
                          "coalition", "federal", "national", "state", "city", "royal", "presidential", "county",
                          "ministry", "defence", "defense", "interior", "security", "border", "guard", "nuclear",
                          "power", "oil", "gas", "water", "central", "main", "new", "old", "north", "south", "east",
                          "west", "regional", "provincial", "municipal", "public", "international", "embassy"})


def _name_token(t: Token, head: Token) -> bool:
    """A word of a site's name: capitalised, inside the site noun's phrase, no acronym ("UN"), no place adjective."""
    doc = t.doc
    nxt = doc[t.i + 1]
    if t.text == "-" or t.lower_ in PARTICLES and nxt.text == "-":
        return nxt.text[:1].isupper() or nxt.text == "-"
    if t.like_num:  # "the Super Ferry 14 ship"
        return t.i > 0 and doc[t.i - 1].text[:1].isupper() and t.i - 1 <= t.head.i <= head.i
    if not t.i < t.head.i <= head.i:
        return False  # not a modifier inside the noun's phrase
    if not t.text[:1].isupper() or t.is_upper and len(t.text) > 1 or t.pos_ not in ("PROPN", "NOUN", "ADJ"):
        return False
    # a demonym is an owner ("the Kenyan embassy"); NER's NORP on a personal name ("Kamal") is not
    if t.ent_type_ in ("GPE", "LOC", "DATE", "TIME") or t.ent_type_ == "NORP" and t.pos_ == "ADJ":
        return False  # "an Islamic school"
    return adjective_place(t.text) is None


def site_mentions(doc: Doc, sent_start: int, sent_end: int, taken: set[int]) -> dict[int, PlaceMention]:
    """token index -> site mention for the named sites in ``doc[sent_start:sent_end]``.

    ``taken`` holds the token indexes of places already found: a site never overlaps a place.
    """
    out: dict[int, PlaceMention] = {}
    nouns = site_nouns()
    for head in doc[sent_start:sent_end]:
        if head.lemma_.lower() not in nouns and head.lower_ not in nouns or head.pos_ not in ("NOUN", "PROPN") \
                or head.dep_ == "compound":
            continue  # "the Trump University cases": the name of something else
        start = head.i
        # the name: the run of name words just before the noun ("the Gladiola outpost", "al-Zahawi school")
        while start > sent_start and _name_token(doc[start - 1], head):
            start -= 1
        while start < head.i and (doc[start].text == "-" or doc[start].lower_ in PARTICLES
                                  and doc[start + 1].text != "-"):
            start += 1
        if start == head.i or any(i in taken for i in range(start, head.i + 1)):
            continue
        if start > sent_start and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
            continue  # the name goes on beyond what the parse joined ("Doctors Without Borders hospital")
        words = [t for t in doc[start:head.i] if t.text[:1].isupper()]
        if not any(t.pos_ == "PROPN" for t in words) or any(t.lower_ in INSTITUTIONS for t in words):
            continue  # "Police station" opening a sentence, "an Army base": no name of a site
        span = doc[start:head.i + 1]
        mention = PlaceMention(start=span.start_char, end=span.end_char, text=span.text,
                               place=Place(name=span.text, kind="unresolved"))
        for i in range(start, head.i + 1):
            out[i] = mention
    return out
