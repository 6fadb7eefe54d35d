"""Which English-speaking country an article is from, read off its words.

Same-named towns across the Atlantic (Manchester, Cambridge, Birmingham,
Dundalk) differ little in size, so the gazetteer's prior alone picks at
random between them. The article's own language settles most of them:
British spelling ("colour", "defence", "whilst"), institutions ("Gardai",
"MPs", "NHS") and currency ("£") against US spelling, "$" and AP titles
("Gov.", "Sen."). The cues live in data/places/national_cues.tsv.

The result is a small score bonus per country (iso3) for towns and regions,
never for countries themselves: an article may talk about any country, but
its ambiguous town names are most often in its own.
"""
from __future__ import annotations

from collections import Counter
from functools import cache

from spacy.tokens import Doc

from .gazetteer import DATA_DIR

# Evidence (weighted cue count, capped) needed before a variety counts: US news names the world,
# so it takes more to lean towards US towns than away from them.
MIN_MARGIN = 1.0
MIN_US_MARGIN = 2.0
CAP = 6.0
# Bonuses once a variety is established.
US_BONUS = 0.8          # small: US news names foreign cities too ("Paris" is still France)
NON_US_PENALTY = -1.0   # Commonwealth English: a US namesake needs its own evidence
GBR_BONUS = 0.8
WEAK_GBR_BONUS = 0.3
IRL_BONUS = 2.0         # Irish institutions are unmistakable
EURO_IRL_BONUS = 1.0


@cache
def _cues() -> tuple[dict[str, tuple[str, float]], dict[str, tuple[str, float]]]:
    """(exact-text cues, lower-case cues)."""
    exact: dict[str, tuple[str, float]] = {}
    lower: dict[str, tuple[str, float]] = {}
    for line in (DATA_DIR / "national_cues.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cue, group, weight = line.split("\t")[:3]
        (lower if cue.islower() and cue.isalpha() else exact)[cue] = (group, float(weight))
    return exact, lower


def variety_counts(doc: Doc) -> Counter:
    """Weighted cue counts per group (USA, GBR, IRL, CWL), each capped at CAP."""
    exact, lower = _cues()
    c: Counter = Counter()
    for t in doc:
        hit = exact.get(t.text) or lower.get(t.lower_)
        if hit is not None:
            c[hit[0]] += hit[1]
    return Counter({k: min(CAP, v) for k, v in c.items()})


def home_bonus(doc: Doc) -> dict[str, float]:
    """iso3 -> score bonus for towns and regions of that country, from the article's variety of English.
    Computed once per Doc (detection and resolution both ask)."""
    cached = doc.user_data.get("wc_home_bonus")
    if cached is None:
        cached = doc.user_data["wc_home_bonus"] = _home_bonus(doc)
    return cached


def _home_bonus(doc: Doc) -> dict[str, float]:
    c = variety_counts(doc)
    us, gb, ie = c["USA"], c["GBR"], c["IRL"]
    non_us = c["CWL"] + gb + ie
    out: dict[str, float] = {}
    if ie >= 3.0 and ie >= gb:
        out["IRL"] = IRL_BONUS
    elif c["EUR"] and not c["GBR"] and c["CWL"] - us >= MIN_MARGIN:
        out["IRL"] = EURO_IRL_BONUS  # euros in British spelling, no pounds: Ireland
    if non_us - us >= MIN_MARGIN:
        out["USA"] = NON_US_PENALTY
        if "IRL" not in out:
            # British institutions name Britain; spelling alone is shared with Australia, India, ...
            out["GBR"] = GBR_BONUS if gb >= 1.0 else WEAK_GBR_BONUS
    elif us - non_us >= MIN_US_MARGIN:
        out["USA"] = US_BONUS
    return out
