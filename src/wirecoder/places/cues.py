"""Toponyms found by their syntactic setting when NER misses or mislabels them.

News names small towns that a small NER model reads as persons or
organisations ("gunmen shot a policeman in Yala", "captured Mazar-e-Sharif").
A capitalised name is taken as a place when its setting says so:
- a place noun governs it: "the city of Manbij", "the village of Ashmi",
  "on the outskirts of Kobane";
- a place noun follows it: "Nuwakot district", "the Radhwaniyah area";
- it is the object of a locative preposition ("in", "at", "near", ...)
  or of a physical act ("captured X"), and the gazetteer knows the name.
Names the gazetteer does not know are taken only with a place noun (the
first two settings): "in Smith" or "at Microsoft" stay out.
"""
from __future__ import annotations

from difflib import SequenceMatcher

from spacy.tokens import Doc, Token

from .gazetteer import demonym_key, gazetteer, norm

# How close an alternate name must be to the main name to count as its spelling ("Birgunj": "Birgañj").
SPELLING_RATIO = 0.75
# Nouns that name a kind of settlement or area: the name they govern or follow is a place.
PLACE_NOUNS = frozenset({
    "city", "town", "village", "district", "province", "region", "area", "governorate", "county",
    "municipality", "neighbourhood", "neighborhood", "suburb", "suburbs", "outskirts", "township",
    "prefecture", "oblast", "island", "islands", "countryside", "vicinity", "port", "state",
    "valley", "enclave", "settlement", "perimeter", "hamlet", "commune", "locality"})
# Capitalised last words that make a name a place of their own kind: streets, rivers, counties.
NAME_TAILS = frozenset({"street", "avenue", "road", "boulevard", "river", "lake", "bay", "mountains", "hills",
                        "island", "islands", "county", "district", "province", "valley", "strait", "gulf",
                        "canyon", "peninsula", "heights", "square", "creek", "beach", "harbour", "harbor"})
# Locative prepositions whose capitalised object is a place if the gazetteer knows it.
CUE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "into", "through", "across", "around",
                       "towards", "toward", "throughout", "within"})
# Nouns of attack whose "on" object is a place when the gazetteer knows it ("the siege on Manbij").
ATTACK_NOUNS = frozenset({"attack", "attacks", "assault", "assaults", "siege", "offensive", "raid", "raids",
                          "strike", "strikes", "airstrike", "airstrikes", "advance", "push", "march",
                          "bombardment", "shelling", "onslaught", "drive", "counteroffensive"})
# Facilities a known place name before them situates ("the Sydney offices of the UN").
FACILITY_NOUNS = frozenset({"office", "offices", "embassy", "consulate", "hotel", "headquarters", "airport",
                            "hospital", "prison", "mosque", "church", "university", "stadium", "station"})
# Acts whose direct object is a place when the gazetteer knows the name: taking, striking or
# controlling ground, and moving through it ("patrolled coastal X", "troops entered X").
CUE_VERBS = frozenset({"capture", "seize", "occupy", "bomb", "shell", "storm", "invade", "liberate",
                       "retake", "besiege", "raid", "overrun", "enter", "recapture", "encircle",
                       "patrol", "control", "surround", "bombard", "blockade", "evacuate", "flee", "reach",
                       "cross", "visit", "tour", "leave", "abandon", "vacate", "depopulate", "govern"})
# Verbs and nouns of movement whose "to"/"from" object is a place when the gazetteer knows it
# ("moved to X", "a trip to X", "fled from X"); "spoke to X" or "a letter from X" stay out.
MOTION_HEADS = frozenset({"move", "travel", "drive", "return", "come", "go", "fly", "flee", "head", "arrive",
                          "relocate", "march", "walk", "emigrate", "immigrate", "deploy", "escape", "withdraw",
                          "retreat", "commute", "sail", "migrate", "evacuate", "transfer", "trip", "journey",
                          "flight", "visit", "road", "route", "highway", "railway", "train", "bus", "convoy"})
# People and groups whose "from" names their home town ("militias from X", "a family from X").
PEOPLE_NOUNS = frozenset({"militia", "fighter", "rebel", "people", "resident", "man", "woman", "family", "student",
                          "soldier", "refugee", "migrant", "delegation", "official", "volunteer", "fan",
                          "visitor", "tourist", "worker", "native", "couple", "boy", "girl", "teenager", "child",
                          "pilgrim", "farmer", "trader", "businessman", "lawmaker", "candidate", "activist"})
# Nouns a place owns: "X's streets", "X's outskirts"; no person has these, so the owner is a place
# (word forms, not lemmas: "Smith's street" may be where he lives).
OWNED_PLACE_NOUNS = frozenset({"streets", "outskirts", "suburbs", "downtown", "residents", "inhabitants",
                               "townspeople", "skyline", "hinterland", "countryside", "neighbourhoods",
                               "neighborhoods", "districts", "cities", "towns", "villages", "provinces"})
# ... and nouns a place usually owns: the owner counts when the gazetteer knows it ("X's mayor").
OWNED_PLACE_NOUNS_WEAK = frozenset({"mayor", "airport", "port", "harbour", "harbor", "population", "governor",
                                    "hospitals", "police", "municipality", "economy", "center", "centre",
                                    "old city", "city centre", "city center", "suburb", "neighbourhood",
                                    "neighborhood", "streets", "mosques", "churches", "markets"})
# Modifiers that make an owned place a person's own: "Salah's home village", "her native town".
PERSONAL_PLACE_MODIFIERS = frozenset({"home", "native", "hometown", "own", "birth", "childhood"})
# Compass words: "north of X", "20 km southeast of X" place X.
COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                     "north-east", "north-west", "south-east", "south-west"})
# Prepositions that put a place noun inside or beside a name: "villages in X", "the area around X".
CONTAINING_PREPS = frozenset({"in", "around", "near", "outside", "surrounding"})
# NER labels a cue may override (a small model reads unknown towns as persons or groups).
OVERRIDABLE = frozenset({"", "PERSON", "ORG", "PRODUCT", "NORP", "WORK_OF_ART", "GPE", "LOC", "FAC"})
# Particles inside transliterated names: "Mazar-e-Sharif", "Ras al-Ain", "Tel Abyad".
NAME_PARTICLES = frozenset({"-", "al", "el", "e", "ul", "ad", "ash", "as", "ar", "de", "du", "da", "di"})


def _cap(t: Token) -> bool:
    return t.text[:1].isupper() and t.is_alpha and t.pos_ in ("PROPN", "NOUN", "ADJ")


def _runs(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words, joined by hyphens and name particles."""
    out, i, n = [], 0, len(doc)
    while i < n:
        if i in taken or not _cap(doc[i]) or doc[i].ent_type_ not in OVERRIDABLE:
            i += 1
            continue
        j = i + 1
        while j < n and j not in taken:
            t = doc[j]
            if _cap(t) and t.ent_type_ in OVERRIDABLE:
                j += 1
            elif (t.lower_ in NAME_PARTICLES and j + 1 < n and not doc[j - 1].whitespace_
                  and (_cap(doc[j + 1]) or doc[j + 1].lower_ in NAME_PARTICLES)):
                j += 1
            else:
                break
        while j > i + 1 and doc[j - 1].lower_ in NAME_PARTICLES:
            j -= 1
        out.append((i, j))
        i = j
    return out


def _setting(doc: Doc, start: int, end: int, taken: frozenset[int] | set[int] = frozenset()) -> str:
    """'noun' (a place noun governs or follows the name), 'slot' (a locative object), or ''.
    ``taken``: tokens of the place names found so far (a name coordinated with one is a place too)."""
    span = doc[start:end]
    root = span.root
    if end < len(doc) and doc[end].lower_ in PLACE_NOUNS and doc[end].pos_ == "NOUN":
        return "noun"  # "Nuwakot district"
    if end - start > 1 and doc[end - 1].lower_ in NAME_TAILS:
        return "noun"  # "Royal Street", "Cauvery River", "Hamilton County"
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS:
        return "noun"  # "the city of Manbij"
    if root.dep_ == "compound" and head.lemma_.lower() in PLACE_NOUNS and head.pos_ == "NOUN":
        return "noun"
    if _has_place_appos(root):
        return "noun"  # "Dunya Pur, a small town north of the capital"
    if any(c.dep_ == "conj" and c.lemma_.lower() in PLACE_NOUNS and c.pos_ == "NOUN" for c in root.children):
        return "noun"  # "the Jumla and Diwan villages": the place noun covers the first conjunct too
    if root.dep_ == "conj":
        first = root.head
        while first.dep_ in ("compound", "nmod") and first.head != first and first.head.i > first.i:
            first = first.head
        if first != root.head and first.lemma_.lower() in PLACE_NOUNS and first.pos_ == "NOUN":
            return "noun"  # "the Kafr Nabl and Hass villages": the second conjunct too
    if end < len(doc) and doc[end].text in ("'s", "’s"):
        return _owner_setting(root)  # "Grozny's streets"; "in Smith's view" stays out
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in COMPASS:
        return "noun"  # "20 km north of X"
    if root.dep_ == "pobj" and head.lower_ in CONTAINING_PREPS and _place_noun(head.head):
        return "noun"  # "villages and towns in X", "the area around X"
    if root.dep_ == "pobj" and head.lower_ in ("to", "from", "toward", "towards") and (
            head.head.lemma_.lower() in MOTION_HEADS):
        return "slot"  # "moved to X", "a trip to X", "fled from X"
    if root.dep_ == "compound" and head.lemma_.lower() in FACILITY_NOUNS:
        return "slot"  # "the Sydney offices", "a Cairo hotel"
    if root.dep_ == "pobj" and head.lower_ in CUE_PREPS:
        return "slot"
    if root.dep_ == "pobj" and head.lower_ == "from" and (head.head.lemma_ == "be" or head.head.pos_ == "NOUN"
                                                         and head.head.lemma_.lower() in PEOPLE_NOUNS):
        return "slot"  # "militias from X", "she is from X": where people come from
    if root.dep_ == "pobj" and head.lower_ == "on" and (head.head.lower_ in ATTACK_NOUNS or doc[head.i - 1].lower_ in ATTACK_NOUNS):
        return "slot"  # "the attack on X", "a siege on X"
    if root.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in CUE_VERBS:
        return "slot"
    if _coordinated_with_place(doc, root, taken):
        return "slot"  # "stores in Zilina, Nitra and Kosice", "Gloucester and Cheltenham"
    if root.dep_ == "conj" and _list_of_names(root) and _setting(doc, *_first_conjunct(doc, root)):
        return "slot"  # a later name of a list takes the list's setting, if the gazetteer knows it
    return ""


def _coordinated_with_place(doc: Doc, root: Token, taken) -> bool:
    """Is the name a conjunct of a place name found so far that NER also reads as a place ("Kerala and
    Puducherry")? Only in a list of proper names: "Kent and his brother" is no list of places, and a
    town the gazetteer alone found may be a person ("met Jackson and Lincoln")."""
    if not taken or root.pos_ != "PROPN":
        return False
    return any(c.i in taken and c.pos_ == "PROPN" and c.ent_type_ in ("GPE", "LOC") for c in root.conjuncts)


def _list_of_names(root: Token) -> bool:
    return root.pos_ == "PROPN" and all(c.pos_ == "PROPN" for c in root.conjuncts)


def _first_conjunct(doc: Doc, root: Token) -> tuple[int, int]:
    """The token range of the first name of a list ("in Nitra, Presov and Kosice" -> Nitra): its setting
    ("in") holds for every conjunct."""
    first = root
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    start = min(t.i for t in first.subtree if t.i <= first.i and (t.dep_ == "compound" or t == first))
    return start, first.i + 1


def _place_noun(t: Token) -> bool:
    return t.pos_ == "NOUN" and t.lemma_.lower() in PLACE_NOUNS


def _owner_setting(root: Token) -> str:
    """The setting of a possessor: 'noun' before a noun only places own, 'slot' before one they usually own."""
    owned = root.head
    if root.dep_ != "poss" or owned.pos_ != "NOUN" or any(
            c.lower_ in PERSONAL_PLACE_MODIFIERS for c in owned.children):
        return ""
    if owned.lower_ in OWNED_PLACE_NOUNS:
        return "noun"
    return "slot" if owned.lower_ in OWNED_PLACE_NOUNS_WEAK else ""


def _has_place_appos(root: Token) -> bool:
    return any(c.dep_ == "appos" and c.lemma_.lower() in PLACE_NOUNS and c.pos_ == "NOUN" for c in root.children)


def _known(name: str, cands) -> bool:
    """A gazetteer name by its main name or a spelling of it, not an unrelated alternate (Hamas: Hamm)."""
    key = norm(name)
    if len(name) <= 3 and name.isalpha() and name.isupper():
        cands = [c for c in cands if c.source not in ("city", "town", "uszip")]  # "OAS" is not the town Oas
    return any(not c.alternate or SequenceMatcher(None, key, norm(c.place.name)).ratio() >= SPELLING_RATIO
               for c in cands)


def cue_mentions(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Token ranges of names that their setting marks as places (not overlapping ``taken``)."""
    index = gazetteer().index
    adjs = gazetteer().adjectives
    out = []
    person_names = _person_names(doc)
    for start, end in _runs(doc, taken):
        setting = _setting(doc, start, end, taken)
        if not setting:
            continue
        if setting == "slot" and norm(doc[start:end].text) in person_names:
            continue  # "visited Franklin" in an article about Benjamin Franklin: the person
        if all(demonym_key(doc[i].text, adjs) for i in range(start, end)):
            continue  # "a Syrian Kurdish enclave": place adjectives, read as such by the adjective pass
        if setting == "slot" and _opens_of_name(doc, start, end):
            continue  # "at the University of Alberta", "the Summit of the Americas": a body's name, not the town
        text = doc[start:end].text
        known = _known(text, index.get(norm(text), ()))
        if setting == "noun" or known:
            out.append((start, end))
    return out


def _person_names(doc: Doc) -> frozenset[str]:
    """Surnames of people the article names in full ("Franklin" of "Benjamin Franklin")."""
    return frozenset(norm(e[-1].text) for e in doc.ents if e.label_ == "PERSON" and 1 < len(e) <= 3)


def _opens_of_name(doc: Doc, start: int, end: int) -> bool:
    """The run opens an organisation's "X of Y" name: "University of Alberta", "Bank of England"."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return False
    nxt = doc[end + 2] if doc[end + 1].lower_ == "the" and end + 2 < len(doc) else doc[end + 1]
    return nxt.text[:1].isupper() and doc[start].ent_type_ in ("ORG", "FAC") and doc[end].ent_type_ in ("ORG", "FAC")
