"""Event locations: the place where an event happened (owned by the places stage).

Order of evidence, first hit wins:
1. for a physical action ("bombed", "captured", "invaded"), the place that is
   its direct object or passive subject: the event happens there, and it is the
   most specific place ("captured Lubumbashi in Shaba province"); a name NER
   reads as a person counts only for acts aimed at territory ("overran");
2. a locative preposition attached to the trigger, to its object, or (for a
   noun trigger) to the verb it depends on: "talks in Geneva", "sat down ...
   at NATO headquarters", "clashes near Kharkiv", "captured the airport of
   Udbina";
3. any other place in the trigger's clause, nearest first;
4. any place in the sentence, nearest first.
Within a phrase a possessor yields to the place it owns ("Iraq's city of
Mosul" -> Mosul), and a place that only says where a named place lies yields
to it ("the Tuwaitha plant outside Baghdad" -> Tuwaitha). A named site
("inside the Rashid Hotel", see sites.py) counts in steps 1-2 only. A town
before an event noun situates it ("the Helmand battle"); a country there is
the side that acts ("a US-Kurdish operation"). Reference points ("40 km north of Goma", "not far from X")
are used only when nothing else is found.
Never chosen: a metonym that acts ("Moscow demands") and place adjectives
("Russian troops"). A place that is the event's actor as subject is a
metonym already; a place that is only the target of a verbal act ("accused
Ukraine") is skipped in steps 3-4 unless the verb is physical, where
the target country is where the act took place. A place modifying a facility
("a Cairo hotel", "the Baghdad headquarters") situates it and counts.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..records import Place, PlaceMention
from .cues import PLACE_NOUNS
from .locate_names import clause_root as _clause_root, contained, unnamed_place
from .sites import site_mentions

LOC_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "along", "on",
                       "into", "throughout", "within", "off", "onto", "over", "through", "beyond",
                       "towards", "toward", "from", "to", "between", "behind", "by", "of", "amid"})
# Movements whose destination is where the event took place ("marched to the embassy").
MOTION = frozenset({"march", "walk", "rally", "parade", "converge", "flock", "stream", "gather", "deploy",
                    "travel", "fly", "sail", "drive", "advance", "push", "infiltrate"})
# "from" and "to" name the ends of a movement, not its place: used only in step 1 for motion verbs.
WEAK_PREPS = frozenset({"from", "to", "of", "by", "over", "towards", "toward"})
PHYSICAL = frozenset({
    "attack", "bomb", "shell", "strike", "hit", "invade", "capture", "seize", "occupy", "annex", "raid",
    "storm", "enter", "besiege", "blockade", "overrun", "take", "retake", "liberate", "bombard", "target",
    "shoot", "kill", "massacre", "fight", "clash", "surround", "encircle", "visit", "tour",
    "reach", "land", "control", "hold", "defend", "evacuate", "flee", "leave", "withdraw", "abandon",
    "patrol", "secure"})


def _is_reference(root: Token) -> bool:
    """ "east of Algiers", "not far from Awjah", "close to the border": a landmark to measure from."""
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ == "of" and prep.head.lower_ in DIRECTIONS:
        return True
    return prep.lower_ in ("from", "to") and prep.head.lower_ in ("far", "close", "away", "kilometres",
                                                                   "kilometers", "miles", "km")


def _indexes(doc: Doc, places: tuple[PlaceMention, ...]) -> tuple[dict[int, PlaceMention], dict[int, PlaceMention]]:
    """(without reference points, with them), built once per Doc and places tuple: the event stage asks
    for every event, and rebuilding per event made a document with many events and places quadratic."""
    key = ("wc_place_indexes", id(places))
    cached = doc.user_data.get(key)
    if cached is None or cached[0] is not places:
        cached = (places, _index(doc, places, references=False), _index(doc, places, references=True))
        doc.user_data[key] = cached
    return cached[1], cached[2]


def _index(doc: Doc, places: tuple[PlaceMention, ...], references: bool = True) -> dict[int, PlaceMention]:
    """token index -> usable place mention (metonyms and adjectives left out)."""
    out: dict[int, PlaceMention] = {}
    for p in places:
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if p.metonym or p.adjectival and not (span is not None and _locates_edge(span)):
            continue
        if span is None or _names_an_actor(span.root, p) or not references and _is_reference(span.root):
            continue
        if _inside_organisation(span):
            continue  # "the Islamic State of Iraq": part of a group's name, not where anything happened
        for t in span:
            out[t.i] = p
    return out


# Head nouns of organisation names that end in a place ("the Islamic State of Iraq", "the Bank of England").
ORG_HEADS = frozenset({"state", "army", "front", "movement", "party", "council", "brigade", "brigades", "bank",
                       "university", "committee", "command", "force", "forces", "ministry", "union", "league",
                       "organization", "organisation", "association", "federation", "congress", "church"})


# Nouns that a place adjective locates rather than qualifies ("near the Syrian border").
EDGE_NOUNS = frozenset({"border", "borders", "frontier", "coast", "coastline", "waters", "airspace", "shore"})


def _locates_edge(span) -> bool:
    """An adjective on a border noun: "the Iraqi-Syrian border", "Lebanese waters"."""
    head = span.root.head
    while head.dep_ in ("amod", "compound") and head.head != head and head.lower_ not in EDGE_NOUNS:
        head = head.head
    return head.lower_ in EDGE_NOUNS and head.pos_ == "NOUN"


def _inside_organisation(span) -> bool:
    """Is the mention part of a longer organisation (or event, law) name?"""
    for t in (span[0], span[-1]):
        if t.ent_type_ in ("ORG", "NORP", "EVENT", "LAW", "WORK_OF_ART"):
            ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
            if ent is not None and ent[0].lower_ == "the":
                ent = ent[1:]
            # strictly inside: "Waku-Congo" or "Aathmail of Nuwakot" are places NER called groups
            inside = ent is not None and len(ent) and ent.start < span.start and (
                ent.end > span.end or ent.root.lemma_.lower() in ORG_HEADS)
            if inside:
                return True
    return False


# Heads that a place modifier locates ("Baghdad province", "Gaza border") rather than qualifies as an actor.
LOCATIVE_HEADS = frozenset({"border", "province", "region", "city", "town", "village", "area", "district",
                            "coast", "capital", "airport", "port", "street", "road", "highway", "square",
                            "governorate", "state", "county", "neighbourhood", "neighborhood", "outskirts",
                            # facilities a place name situates: "a Hong Kong hotel", "the Baghdad headquarters"
                            "hotel", "embassy", "headquarters", "office", "offices", "plant", "factory",
                            "settlement", "school", "hospital", "base", "camp", "mosque", "church",
                            "market", "station", "prison", "compound", "building", "stadium", "bridge",
                            "checkpoint", "outpost", "consulate", "suburb", "suburbs", "streets", "cathedral",
                            "villages", "towns", "cities", "wharf", "harbour", "harbor", "site", "facility",
                            "installation", "installations", "facilities", "field", "fields", "refinery",
                            "pipeline", "mine", "district", "districts",
                            "barracks", "palace", "parliament", "university", "airbase", "zone"}) | PLACE_NOUNS
# Direction words: "50 km northeast of Monrovia" names a reference point, not where it happened.
DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                        "north-east", "north-west", "south-east", "south-west"})


# Nouns of events a town or province before them situates ("the Helmand battle", "the Mosul offensive"); a
# country before them is most often the side that acts ("a US air strike"), so only places below a country.
EVENT_NOUNS = frozenset({"battle", "fighting", "offensive", "siege", "bombing", "blast", "explosion", "massacre",
                         "clash", "clashes", "uprising", "riot", "riots", "protest", "protests", "rally", "talks",
                         "summit", "conference", "attack", "ambush", "raid", "shelling", "earthquake", "fire"})
WIDE_KINDS = frozenset({"country", "continent"})


def _names_an_actor(root: Token, p: PlaceMention | None = None) -> bool:
    """A place used as a modifier of a non-place noun: "US soldiers", "Iraq's army", "a US-Kurdish operation"."""
    head = root
    while head.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod") and head.head.i > head.i \
            and head.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        head = head.head  # "US" in "a US-Kurdish operation" modifies "Kurdish", which modifies "operation"
        if head.pos_ in ("NOUN", "PROPN") and _locative_head(head):
            return False  # "Grozny's streets", "the Gaza border fence"
    if head is root or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if head.lemma_.lower() in EVENT_NOUNS or head.lower_ in EVENT_NOUNS:
        return p is None or p.place.kind in WIDE_KINDS
    return True


def _locative_head(t: Token) -> bool:
    return t.lemma_.lower() in LOCATIVE_HEADS or t.ent_type_ in ("GPE", "LOC", "FAC")


def _in_subtree(tok: Token, idx: dict[int, PlaceMention], stop: frozenset[str] = frozenset()) -> PlaceMention | None:
    """First place in ``tok``'s subtree, reading in text order, not descending into clauses.

    A possessor only qualifies the place it owns ("Iraq's northern city of Mosul",
    "Jerusalem's Old City"): a later place in the subtree is preferred to it.
    """
    found = _places_in_subtree(tok, idx, stop)
    for p, t in found:
        if t.dep_ in ("compound", "nmod", "amod"):
            # "the Aegean island of Lesbos": the modifier yields to the name the noun governs
            named = [q for q, u in found if u.dep_ == "pobj" and u.head.lower_ == "of" and u.head.head == t.head]
            if named:
                return named[0]
        if t.dep_ != "poss":
            return p
    return found[0][0] if found else None


def _places_in_subtree(tok: Token, idx: dict[int, PlaceMention], stop: frozenset[str]) -> list:
    out: list = []
    for t in tok.subtree:
        if t.i in idx:
            anc = t
            blocked = False
            while anc != tok and anc.head != anc:
                if anc.dep_ in ("relcl", "acl", "advcl", "ccomp") or anc.dep_ in stop:
                    blocked = True
                    break
                anc = anc.head
            if not blocked and (not out or out[-1][0] is not idx[t.i]):
                out.append((idx[t.i], _mention_root(idx[t.i], t)))
    return out


def _mention_root(p: PlaceMention, t: Token) -> Token:
    """The syntactic head of the mention that token ``t`` belongs to."""
    span = t.doc.char_span(p.start, p.end, alignment_mode="expand")
    return span.root if span is not None else t


def _prep_place(tok: Token, idx: dict[int, PlaceMention], weak_ok: bool) -> PlaceMention | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in LOC_PREPS and (weak_ok or child.lower_ not in WEAK_PREPS):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    p = _in_subtree(obj, idx)
                    # a named site counts only as the place of the act, not as where something came from
                    # ("a doctorate from Harvard University") or whose it is ("the head of the Y Church")
                    if p is not None and not (p.place.kind == SITE and child.lower_ in WEAK_PREPS):
                        return p
    return None


def event_location(doc: Doc, trigger: Token, places: tuple[PlaceMention, ...]) -> PlaceMention | None:
    """The place where the event triggered by ``trigger`` happened, or None.

    Reference points ("30 km east of X") are used only when nothing else is found.
    """
    near, full = _indexes(doc, places)
    p = _locate(doc, trigger, near, full)
    if p is not None:
        return contained(doc, p, near)
    # an unknown name in the act's own locative phrase is nearer the truth than a reference point
    return unnamed_place(doc, trigger, places, PHYSICAL | MOTION) or _locate(doc, trigger, full, full)


def _locate(doc: Doc, trigger: Token, idx: dict[int, PlaceMention],
            full: dict[int, PlaceMention]) -> PlaceMention | None:
    """``idx`` without reference points; ``full`` with them, for the trigger's own attachments."""
    sent = trigger.sent
    idx = {i: p for i, p in idx.items() if sent.start <= i < sent.end}
    full = {i: p for i, p in full.items() if sent.start <= i < sent.end}
    # named sites ("inside the Rashid Hotel") count only where they hang on the event itself (steps 1-2)
    sites = _sites(doc, sent.start, sent.end, full)
    if not full and not sites:
        return None
    att = {**sites, **idx}
    physical = trigger.lemma_.lower() in PHYSICAL
    # 1. a physical act's object is the most specific place: "captured Lubumbashi in Shaba province",
    # "Gibraltar was captured from Spain"
    if physical:
        for c in trigger.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                # not a place in an apposition describing the object ("X, a sergeant from Y")
                p = _in_subtree(c, att, stop=frozenset({"appos"}))
                if p is not None and p.place.kind == SITE:
                    # a site is the place only as the object itself ("stormed the Rashid Hotel"), not as a
                    # phrase inside it ("holds a doctorate from Harvard University")
                    if att.get(c.i) is p:
                        return _situate(doc, p, idx)
                    p = _in_subtree(c, idx, stop=frozenset({"appos"}))
                # a captured or shot person whose name is also a town is no place: trust NER here
                if p is not None and _looks_like_place(doc, p, trigger):
                    return p
    # 1. locative attachments: to the trigger, its objects, its governing verb (for nouns)
    hosts = [trigger]
    hosts += [c for c in trigger.children if c.dep_ in ("dobj", "attr", "pobj", "prt", "advmod", "xcomp", "acomp")]
    # "sat down with Russian envoys at NATO headquarters": the place hangs on the prepositional object,
    # "killed by locals in the city of Mosul": on the passive's agent
    hosts += [o for c in trigger.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    agents = [o for c in trigger.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    hosts += agents
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.head.pos_ in ("VERB", "AUX"):
        hosts.append(trigger.head)
    for h in hosts:
        # "by the head of X": the agent's own "of", "from" say who it is, not where the act was
        weak_ok = h not in agents and (physical or h != trigger or trigger.lemma_.lower() in MOTION)
        p = _prep_place(h, att, weak_ok=weak_ok)
        if p is not None:
            return _situate(doc, p, idx)
    if not full:
        return None
    # 3. the clause, then 4. the sentence: nearest place not an argument of a verbal act.
    # A place in an apposition to the subject ("X, an officer from the port of Y, was shot") comes after
    # a reference point the trigger itself hangs on ("shot in an ambush south of Mosul").
    clause = _clause_root(trigger)
    subject = {t.i for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")
               for a in c.children if a.dep_ in ("appos", "relcl", "acl") for t in a.subtree}
    p = _nearest(doc, trigger, idx, clause, physical, skip=subject, sites=sites)
    if p is not None:
        return p
    for h in hosts:
        p = _prep_place(h, full, weak_ok=physical or h != trigger or trigger.lemma_.lower() in MOTION)
        if p is not None:
            return p
    for scope in (clause, None):
        p = _nearest(doc, trigger, idx, scope, physical, skip=set(), sites=sites)
        if p is not None:
            return p
    return None


SITE = "site"


def _sites(doc: Doc, start: int, end: int, full: dict[int, PlaceMention]) -> dict[int, PlaceMention]:
    """Named sites of the sentence, once per sentence: every event of the sentence asks."""
    key = ("wc_place_sites", start, end)
    cached = doc.user_data.get(key)
    if cached is None:
        found = site_mentions(doc, start, end, set(full))
        marked = {id(m): replace(m, place=replace(m.place, kind=SITE)) for m in found.values()}
        cached = {i: marked[id(m)] for i, m in found.items()}  # one object per site: callers compare by identity
        doc.user_data[key] = cached
    return cached


def _situate(doc: Doc, p: PlaceMention, idx: dict[int, PlaceMention]) -> PlaceMention:
    """A named site takes the coordinates of the place that holds it ("al-Zahawi school in western Baghdad"),
    else of the nearest place of the sentence, as a local name of that place; alone it stays unresolved."""
    if p.place.kind != SITE:
        return p
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return p
    places = {i: q for i, q in idx.items() if q.place.kind != SITE}
    inner = [places[t.i] for t in span.root.subtree if t.i in places]
    near = sorted(places, key=lambda i: abs(i - span.root.i))
    host = inner[0] if inner else places[near[0]] if near else None
    if host is None or host.place.lat is None:
        return replace(p, place=Place(name=p.text, kind="unresolved"))
    return replace(p, place=Place(name=p.text, country=host.place.country, lat=host.place.lat,
                                  lon=host.place.lon, kind="local"))


def _nearest(doc: Doc, trigger: Token, idx: dict[int, PlaceMention], scope: Token | None, physical: bool,
             skip: set[int], sites: dict[int, PlaceMention]) -> PlaceMention | None:
    """The place nearest to the trigger within ``scope``'s subtree (None: the sentence)."""
    best = None
    for i, p in idx.items():
        tok = doc[i]
        if i in skip or scope is not None and not (scope.is_ancestor(tok) or tok == scope):
            continue
        root = _mention_root(p, tok)
        if root.head == trigger and (root.dep_ == "nsubj" or not physical and root.dep_ in ("dobj", "nsubjpass", "dative")):
            continue  # the actor, or the target of a verbal act
        if root.head == trigger and root.dep_ in ("dobj", "nsubjpass") and not _looks_like_place(doc, p, trigger):
            continue  # "Smith was shot": a person NER misread, not where it happened
        d = abs(i - trigger.i)
        if best is None or d < best[0]:
            best = (d, p)
    return _held(doc, best[1], {**sites, **idx}) if best is not None else None


# Prepositions that place a named thing inside or beside a wider one ("the Tuwaitha plant outside Baghdad").
CONTAINER_PREPS = frozenset({"in", "outside", "near", "inside", "at", "within"})


def _held(doc: Doc, p: PlaceMention, idx: dict[int, PlaceMention]) -> PlaceMention:
    """The more specific place when ``p`` only says where a named place lies: "the Tuwaitha plant outside
    Baghdad" -> Tuwaitha, "Ramadi, in Anbar province" -> Ramadi."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ not in CONTAINER_PREPS:
        return p
    holder = span.root.head.head
    if holder.pos_ not in ("NOUN", "PROPN"):
        return p
    q = idx.get(holder.i)
    if q is not None and q is not p:
        return _situate(doc, q, idx)  # "the Dora refinery outside Baghdad": the named site
    for t in holder.children:
        q = idx.get(t.i)
        if q is not None and q is not p and (t is holder or t.dep_ in ("compound", "poss", "nmod")):
            return q
    return p


# Acts aimed at territory, not people: their object is a place even when NER reads it as a person.
TERRITORIAL = frozenset({"bomb", "shell", "invade", "occupy", "annex", "storm", "besiege", "blockade",
                         "overrun", "liberate", "bombard", "encircle", "surround", "retake", "recapture",
                         "patrol", "secure"})


def _looks_like_place(doc: Doc, p: PlaceMention, verb: Token) -> bool:
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or span.root.ent_type_ == "NORP":
        return False
    if p.place.kind in ("local", "unresolved"):
        # a name no gazetteer knows, as the object of "shot" or "captured", is most often a person,
        # unless a place noun governs it ("the island of X")
        root = span.root
        under_noun = root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in PLACE_NOUNS
        return under_noun or verb.lemma_.lower() in TERRITORIAL
    if span.root.ent_type_ in ("GPE", "LOC", "FAC") or p.place.kind in ("country", "state", "region", "continent"):
        return True
    # a name NER did not call a place opening the sentence is most often a person ("Smith was shot")
    if span[0].is_sent_start or span.root.ent_type_ == "PERSON":
        return verb.lemma_.lower() in TERRITORIAL
    return True

