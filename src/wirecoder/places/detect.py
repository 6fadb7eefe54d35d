"""Toponym mentions: spaCy's GPE/LOC/FAC entities plus gazetteer names NER missed.

A mention is a token range. Gazetteer matches are the longest known name
starting at a token ("NATO headquarters" over the ORG "NATO", "eastern
Ukraine" over the GPE "Ukraine"); single capitalised words are taken only
when they name a country, state, region or sizeable city, so "Mobile phone"
or a person called "Paris" does not become a place.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .cues import cue_mentions
from .embedded import county_mentions, dateline_mentions, org_head_mentions
from .gazetteer import Candidate, demonym_key, gazetteer, norm
from .national import home_bonus
from .qualified import qualified_mentions

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entities whose words are no toponym of their own ("George Washington", "Mr Jordan").
BLOCKING_LABELS = frozenset({"PERSON", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"})
# Lower-case words that may open a place name ("eastern Ukraine", "the Gaza Strip").
OPENERS = frozenset({"eastern", "western", "northern", "southern", "east", "west", "north", "south",
                     "central", "northeastern", "northwestern", "southeastern", "southwestern"})
# A sizeable city (population >= 100,000) may be found without NER's help.
MIN_SCAN_CITY_SCORE = 5.0
# Trailing generic words after a name: "Kharkiv region" resolves as "Kharkiv".
GENERIC_TAILS = frozenset({"region", "province", "oblast", "state", "city", "county", "district",
                           "area", "governorate", "prefecture", "town", "village", "municipality"})


@dataclass(frozen=True, slots=True)
class RawMention:
    start: int  # token indices, end-exclusive
    end: int
    label: str  # NER label, or "GAZ" for a gazetteer-only match


def _scan_ok(span: Span, cands: tuple[Candidate, ...], home: frozenset[str] = frozenset()) -> bool:
    """May a gazetteer match stand without NER? Specific names yes; small towns and words no."""
    if span[0].lower_ == "the":
        span = span[1:]
        if not len(span):
            return False
    first = span[0]
    if not (first.text[:1].isupper() or first.lower_ in OPENERS):
        return False
    if not any(t.text[:1].isupper() for t in span):
        return False
    best = cands[0]
    if len(span) == 1:
        t = span[0]
        if len(t.text) <= 3 and not t.text.isupper():
            return False  # "La" (Spanish article) is not "LA"
        if len(t.text) <= 3 and t.text.isalpha() and all(c.source in ("city", "town", "uszip") for c in cands):
            return False  # "OAS", "CHU": an acronym, not the town Oas or Chũ
        if t.pos_ not in ("PROPN", "NOUN", "ADJ") and not t.text.isupper():
            return False
        if best.source == "city" and (best.alternate or best.score < MIN_SCAN_CITY_SCORE):
            return False
        if t.is_sent_start and t.pos_ != "PROPN" or t.vocab[t.lower_].is_stop and not t.text.isupper():
            return False  # "Most were captured": a common word, not the Czech town
    if best.source in ("country", "state", "supp", "admin") or (
            best.source == "city" and not best.alternate and best.score >= MIN_SCAN_CITY_SCORE):
        return True
    if best.source == "admin1" and len(span) > 1:
        # "Akwa Ibom", "Benue State"; a one-word division needs NER ("Benue"), and one after a proper
        # noun is part of a longer name ("Seoul Central District Court")
        return span.start == 0 or span.doc[span.start - 1].pos_ != "PROPN"
    # a county: "West Sussex", "Leicestershire", "Co. Cavan" always; "Kent" or "Clare" only in an
    # article written in British or Irish English (elsewhere they are more often people or US towns)
    return any(c.source == "county" and (len(span) > 1 or span.text.endswith("shire") or c.place.country in home)
               for c in cands)


def _strong_name(text: str) -> bool:
    cands = gazetteer().index.get(norm(text))
    return bool(cands) and cands[0].source in ("country", "supp", "admin", "state")


def _country_name_span(span: Span) -> bool:
    cands = gazetteer().index.get(norm(span.text), ())
    return bool(cands) and cands[0].source == "country"


def gazetteer_matches(doc: Doc) -> list[RawMention]:
    """Longest gazetteer names in the text, left to right, not inside person-like entities."""
    g = gazetteer()
    # A person-like entity blocks the names inside it, unless it is itself exactly a
    # well-known place name (NER often reads "Kharkiv" or "Donbas" as a person).
    blocked = {i for e in doc.ents if e.label_ in BLOCKING_LABELS and not _strong_name(e.text)
               for i in range(e.start, e.end)}
    home = frozenset(k for k, v in home_bonus(doc).items() if v > 0)
    out: list[RawMention] = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if i in blocked or not (tok.text[:1].isupper() or tok.lower_ in OPENERS):
            i += 1
            continue
        found = 0
        for j in range(min(n, i + g.max_words), i, -1):
            if doc[j - 1].is_punct and doc[j - 1].text != ".":
                continue
            span = doc[i:j]
            if any(k in blocked for k in range(i, j)):
                # a country's full name outranks NER's person inside it ("Trinidad and Tobago" with
                # "Tobago" read as a person)
                if i in blocked or j - i < 3 or not _country_name_span(span):
                    continue
            cands = g.index.get(norm(span.text))
            if cands and _scan_ok(span, cands, home):
                found = j
                break
        if found:
            out.append(RawMention(i, found, "GAZ"))
            i = found
        else:
            i += 1
    return out


def _comma_parts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """An entity NER ran across a comma ("Prestwold Hall, Leicestershire") is two names, the place and
    its qualifier, unless the whole is one known name ("Washington, D.C.")."""
    commas = [i for i in range(start + 1, end - 1) if doc[i].text == ","]
    index = gazetteer().index
    if not commas or norm(doc[start:end].text) in index or norm(doc[commas[-1] + 1:end].text) not in index:
        return [(start, end)]  # "Holy Saturday, March 31": no place after the comma
    bounds = [start - 1, *commas, end]
    return [_trim(doc, a + 1, b) for a, b in zip(bounds, bounds[1:])]


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and a trailing possessive or punctuation from an entity."""
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct and doc[end - 1].text != "."
                           or doc[end - 1].text in ("'s", "’s")):
        end -= 1
    return start, end


# Dependencies under which a place adjective modifies a noun ("Russian troops", "French engineer").
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})


def _names_people_or_tongue(t) -> bool:
    """ "Canadians", "the Saudis", "speaks English": a demonym or language as a noun of its own."""
    return t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr")


def adjective_mentions(doc: Doc, taken: set[int]) -> list[RawMention]:
    """Place adjectives used as modifiers: associative toponyms, not locations.

    A plural demonym ("Canadians") names people, and a bare language name
    ("in English") names no place, so only modifiers of a following noun count.
    """
    adjs = gazetteer().adjectives
    out = []
    for t in doc:
        if t.i in taken:
            continue
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        if nxt is not None and nxt.i not in taken and f"{t.text} {nxt.text}" in adjs:
            out.append(RawMention(t.i, t.i + 2, "ADJ"))  # "Latin American", "South Korean"
            taken.add(nxt.i)
            continue
        if not demonym_key(t.text, adjs):
            continue
        local = _demonym_facility(doc, t, taken)
        if local is not None:
            # "the French Quarter", "the British International School": a local name, not the country
            out.append(RawMention(local[0], local[1], "FAC"))
            taken.update(range(*local))
            continue
        # plural demonyms ("Mexicans") and bare language names ("in English") are associative
        # toponyms too: they name a place's people or tongue
        if t.dep_ in MODIFIER_DEPS or (t.pos_ == "ADJ" and t.head.i > t.i) or _names_people_or_tongue(t) or (
                t.dep_ == "conj" and demonym_key(t.head.text, adjs)):  # "American and Mexican officials"
            out.append(RawMention(t.i, t.i + 1, "ADJ"))
    return out


# Capitalised heads that make a name built on a demonym a local place of the article's own town
# ("French Quarter", "British International School", "Percy French Hotel"). Embassies and ministries
# are left out: "the British Embassy" stands for its country.
FACILITY_HEADS = frozenset({"quarter", "hotel", "school", "academy", "hospital", "clinic", "street", "avenue",
                            "road", "square", "park", "church", "cathedral", "restaurant", "market", "theatre",
                            "theater", "hall", "inn", "pub", "garden", "gardens", "bridge", "tower", "college"})
MAX_FACILITY_WORDS = 3


def _demonym_facility(doc: Doc, t, taken: set[int]) -> tuple[int, int] | None:
    """The token range of a facility or district named with the demonym ``t``, or None."""
    ent = None
    if t.ent_type_ in ("ORG", "FAC", "PERSON"):
        ent = next((e for e in doc.ents if e.start <= t.i < e.end), None)
    if ent is not None and ent.end - ent.start > 1:
        start, end = _trim(doc, ent.start, ent.end)
        if (end - start > 1 and doc[end - 1].lower_ in FACILITY_HEADS and end - start <= MAX_FACILITY_WORDS + 1
                and all(doc[i].text[:1].isupper() and i not in taken for i in range(start, end))):
            return start, end
        return None
    for j in range(t.i + 1, min(len(doc), t.i + 1 + MAX_FACILITY_WORDS)):
        if j in taken or not doc[j].text[:1].isupper() or not doc[j].is_alpha:
            return None
        if doc[j].lower_ in FACILITY_HEADS:
            return t.i, j + 1
    return None


def raw_mentions(doc: Doc) -> list[RawMention]:
    """Entities and gazetteer matches merged: a longer gazetteer name absorbs the entity it covers.

    Place adjectives come last, on tokens no name covers.
    """
    ents = []
    for e in doc.ents:
        if e.label_ in PLACE_LABELS:
            s, t = _trim(doc, e.start, e.end)
            for s, t in _comma_parts(doc, s, t):
                # "off its east coast", "the west bank of the river": no capital, a description and no name
                if s < t and any(tok.text[:1].isupper() for tok in doc[s:t]):
                    ents.append(RawMention(s, t, e.label_))
    gaz = gazetteer_matches(doc)
    # US counties (also inside organisation names) outrank the town of the same name they contain
    gaz += [RawMention(s, e, "CUE") for s, e in county_mentions(doc)]
    ent_tokens = {i for m in ents for i in range(m.start, m.end)}
    gaz += [RawMention(s, e, "GPE") for s, e in dateline_mentions(doc, ent_tokens)]
    gaz += [RawMention(s, e, "CUE") for s, e in org_head_mentions(doc, ent_tokens)]
    quals, qualified = qualified_mentions(doc, ent_tokens)  # "Lydden Hill, Kent", "Aberaeron, Ceredigion"
    gaz += [RawMention(s, e, "GPE") for s, e in quals] + [RawMention(s, e, "CUE") for s, e in qualified]
    chosen: list[RawMention] = []
    taken: set[int] = set()
    # Longer first; an entity wins a tie (its label is evidence of its own).
    for m in sorted(ents + gaz, key=lambda m: (-(m.end - m.start), m.label == "GAZ", m.start)):
        rng = set(range(m.start, m.end))
        if rng & taken:
            continue
        taken |= rng
        chosen.append(m)
    # Names NER missed or mislabelled that their setting marks as places ("the town of X").
    for s, e in cue_mentions(doc, taken):
        taken |= set(range(s, e))
        chosen.append(RawMention(s, e, "CUE"))
    chosen += adjective_mentions(doc, taken)
    return sorted(chosen, key=lambda m: m.start)



def lookup_variants(text: str) -> list[str]:
    """Names to try for a mention, most specific first."""
    out = [text]
    words = text.split()
    if len(words) > 1 and words[-1].lower() in GENERIC_TAILS:
        out.append(" ".join(words[:-1]))
    if text.endswith("'s") or text.endswith("’s"):
        out.append(text[:-2])
    if len(words) > 1 and (words[0].lower() in OPENERS or words[0] in gazetteer().adjectives):
        out.append(" ".join(words[1:]))
    if text.isupper() and len(text) > 3:
        out.append(text.title())
    return out
