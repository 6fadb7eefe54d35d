"""First-level divisions of every country (data/places/admin1_all.tsv, built by tools/build_admin1.py).

A lower tier than the hand-written admin1.tsv: where both list a name of the same country the
hand-written row wins. A bare division name ranks between a city of ~300,000 and a big city
(GEN_ADMIN_SCORE), so "Lagos" stays the city and "Benue" becomes the state; the name with its
type word ("Lagos State", "Laguna Province", "Anbar Governorate") is unambiguous and ranks high.
Names made only of common words ("Central", "North West", "Delta", "Plateau") are indexed only
with their type word ("Central Province", "Delta State"): alone they are words, not places.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "places" / "admin1_all.tsv"

GEN_ADMIN_SCORE = 5.5     # log10 scale: above a town of 316,000, below a city of a million
TYPED_ADMIN_SCORE = 7.5   # "Benue State": the division, whatever else bears the bare name
MIN_NAME_LETTERS = 4      # shorter alternates ("NCT") are acronyms of too many things
# English type words news puts after a division's name, by ISO type.
TYPE_WORDS = {"State": ("State",), "Province": ("Province",), "Region": ("Region",),
              "Governorate": ("Governorate", "Province"), "Oblast": ("Oblast", "Region"),
              "Prefecture": ("Prefecture",), "Department": ("Department",), "County": ("County",),
              "District": ("District",), "Autonomous region": ("Region", "Autonomous Region"),
              "Administrative region": ("Region",), "Regional state": ("Region", "State"),
              "Union territory": (), "Autonomous community": (), "Land": ("State",),
              "Voivodship": ("Voivodeship", "Province"), "Administrative territory": ("Krai", "Territory"),
              "Republic": ("Republic",), "Popularate": ("District",), "Canton": ("Canton",),
              "Emirate": ("Emirate",), "Division": ("Division", "Region"), "Territory": ("Territory",)}
# Words that make a name generic: a name made only of these is no place on its own.
GENERIC_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre",
    "center", "capital", "coast", "coastal", "upper", "lower", "far", "middle", "plateau", "delta", "lakes",
    "lake", "islands", "island", "river", "rivers", "mountain", "mountains", "highlands", "lowlands",
    "interior", "littoral", "national", "federal", "border", "north-east", "north-west", "south-east",
    "south-west", "northeast", "northwest", "southeast", "southwest", "sea", "valley", "greater", "new",
    "grand", "great", "district", "city", "region", "province", "state", "savanes", "plateaux", "kasai",
    "equateur", "maritime", "centre-nord", "centre-sud", "sud", "nord", "est", "ouest", "centro", "norte",
    "sur", "oriental", "occidental", "sahel", "adamawa", "-", "and", "of"})


@dataclass(frozen=True, slots=True)
class Division:
    names: tuple[str, ...]   # ISO name first, then English names
    code: str                # ISO 3166-2
    country: str             # iso3
    type: str                # ISO type
    lat: float
    lon: float


@cache
def divisions() -> tuple[Division, ...]:
    text = DATA.read_text(encoding="utf-8")
    rows = csv.reader((ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")), delimiter="\t")
    return tuple(Division(tuple(r[0].split("|")), r[1], r[2], r[3], float(r[4]), float(r[5])) for r in rows)


def _generic(name: str) -> bool:
    return all(w in GENERIC_WORDS for w in name.lower().replace("-", " - ").split())


def index_names(d: Division) -> list[tuple[str, bool]]:
    """(name, typed) pairs to index for a division: its names, and each with its type words."""
    out: list[tuple[str, bool]] = []
    for n in d.names:
        if sum(c.isalpha() for c in n) < MIN_NAME_LETTERS:
            continue
        if not _generic(n):
            out.append((n, False))
        for t in TYPE_WORDS.get(d.type, ()):
            if not n.lower().endswith(t.lower()):
                out.append((f"{n} {t}", True))
    return out
