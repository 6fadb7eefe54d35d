"""US counties and small US towns, from tables derived from the ``zipcodes`` package.

Local US news names counties ("Horry County", "Orleans Parish", "Collier Co.")
and towns far below GeoNames' 5,000 floor ("Glenrock", "Immokalee"). The
``zipcodes`` package (MIT) ships every US ZIP code (42,789) with its city, the
other names the post office accepts for it, its state, county and a point;
tools/build_us_places.py reduces it to two tables in data/places (us_counties.tsv,
us_towns.tsv: mean point and ZIP count per county and per town), read once per
process into two indexes (a few MB; the package itself held ~250 MB per process):

- counties: county name without its "County"/"Parish"/"Borough" word + state
  -> the mean point of the county's ZIP codes (3,100 counties; the mean of
  ZIP points lies within a few tens of km of the county's centre);
- towns: postal town name + state -> the mean point of its ZIP codes. Names
  the post office also accepts for a ZIP ("Riverdale" for a Bronx code) are
  kept with a lower score.

Both are read only by :mod:`wirecoder.places.resolve`: counties for a name
that ends in a county word, towns as a last resort for a place name no other
table knows, and only in a state the article itself names.
"""
from __future__ import annotations

import math
from collections import defaultdict
from functools import cache
from importlib import resources

from ..records import Place
from .gazetteer import Candidate, norm

# Words that end a county name in the ZIP data, and in text ("Co." is AP style).
COUNTY_WORDS = {"county": "County", "co.": "County", "co": "County", "parish": "Parish",
                "borough": "Borough"}
COUNTY_BASE_SCORE = 4.0      # below a sizeable city; counties compete among themselves
TOWN_BASE_SCORE = 3.0        # below GeoNames' own small towns (log10(5000) = 3.7)
ACCEPTABLE_PENALTY = 1.0     # a name the post office only accepts for a ZIP: a neighbourhood or village


def county_key(base: str) -> str:
    """'St. Croix' and 'Saint Croix' -> 'st croix'; 'DeKalb' -> 'dekalb'."""
    k = norm(base).replace(".", " ").replace("-", " ")
    words = k.split()
    if words and words[0] in ("saint", "st"):
        words[0] = "st"
    elif words and words[0] in ("sainte", "ste"):
        words[0] = "ste"
    return " ".join(words)


def split_county(text: str) -> tuple[str, str] | None:
    """'Horry County' -> ('Horry', 'County'); 'Orleans Parish's' -> ('Orleans', 'Parish'); else None."""
    t = text.strip().removesuffix("'s").removesuffix("’s")
    words = t.split()
    if len(words) < 2:
        return None
    suffix = COUNTY_WORDS.get(words[-1].lower())
    if suffix is None or not words[-2][:1].isupper():
        return None
    return " ".join(words[:-1]), suffix


@cache
def _indexes() -> tuple[dict[str, tuple[Candidate, ...]], dict[str, tuple[Candidate, ...]]]:
    """(counties by key, towns by normalised name), each best first."""
    counties: dict[str, list[Candidate]] = defaultdict(list)
    for name, state, lat, lon, n in _rows("us_counties.tsv"):
        parts = split_county(name)
        if parts is None:
            continue  # "Anchorage Municipality", Virginia's independent cities, census areas
        base, suffix = parts
        place = Place(name=f"{base} {suffix}", country="USA", lat=float(lat), lon=float(lon), kind="county")
        counties[county_key(base)].append(
            Candidate(place, COUNTY_BASE_SCORE + math.log10(int(n)) / 2, "uszip", admin1=state))
    towns: dict[str, list[Candidate]] = defaultdict(list)
    for name, state, lat, lon, n, kind in _rows("us_towns.tsv"):
        key = norm(name)
        if not key:
            continue
        base = TOWN_BASE_SCORE if kind == "town" else TOWN_BASE_SCORE - ACCEPTABLE_PENALTY
        place = Place(name=name, country="USA", lat=float(lat), lon=float(lon), kind="city")
        towns[key].append(Candidate(place, base + math.log10(int(n)) / 4, "uszip", admin1=state))
    return ({k: tuple(sorted(v, key=lambda c: -c.score)) for k, v in counties.items()},
            {k: tuple(sorted(v, key=lambda c: -c.score)) for k, v in towns.items()})


def _rows(name: str) -> list[list[str]]:
    text = (resources.files("wirecoder") / "data" / "places" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def us_counties(text: str) -> tuple[Candidate, ...]:
    """US counties a name like "Horry County" / "Orleans Parish" / "Collier Co." may be, best first.

    The county word must match ("Orleans Parish" is not Orleans County, Vt.). Leading words
    NER glued on ("Editorial Board Cuyahoga County") are dropped until a county is found."""
    parts = split_county(text)
    if parts is None:
        return ()
    base, suffix = parts
    index = _indexes()[0]
    words = base.split()
    for k in range(len(words)):
        cands = tuple(c for c in index.get(county_key(" ".join(words[k:])), ()) if c.place.name.endswith(suffix))
        if cands:
            return cands
    return ()


def us_towns_named(name: str) -> tuple[Candidate, ...]:
    """US postal towns (and accepted postal names) called ``name``, best first."""
    return _indexes()[1].get(norm(name), ())


def load() -> None:
    """Build both indexes now (when the pipeline is built), not on the first article."""
    _indexes()
