"""Words, shingles and weighted terms taken from an Analysis (pure, no spaCy model).

Two views of an article:

* word shingles of the body, for near-duplicate detection (what was *copied*);
* a bag of weighted terms (content words, named entities, actors, places,
  event types), for story clustering (what it is *about*).
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from datetime import date as Date
from functools import cache, lru_cache

from ..records import Analysis

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
# A year written as four digits standing alone (also inside a URL path such as /2012/07/ or
# 2005_05_archive): 1900-2099 only, so counts and ids ("2,000", "id=2066717") are not years.
_YEAR = re.compile(r"(?<![\d.,])(19\d\d|20\d\d)(?![\d]|[.,]\d)")

# Entity labels that name who/where/what a story is about; dates, numbers and
# ordinals are left out (they are shared by unrelated stories of the same day).
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW",
                          "PER", "MISC"})

# Term weights: a shared name says more about "same development" than a shared word.
W_WORD = 1.0
W_ENTITY = 3.0
W_ACTOR = 1.5
W_PLACE = 1.5
W_EVENT = 0.5
W_YEAR = 2.0  # a year the text names: two reports naming different years are rarely about one development
LEAD_CHARS = 600  # the lead paragraph states the development; its words count double
HEADER_CHARS = 300  # a web page's header (address, headline, byline, publication date) fits in this
# Words that introduce a page's own date ("Published: 09:10 GMT, 4 June 2019", "posted ... on Tuesday, ...").
_PUBLISH_CUE = re.compile(r"\b(?:published|updated|posted|last modified|first published)\b", re.IGNORECASE)


@cache
def stopwords() -> frozenset[str]:
    """English function words (spaCy's list, loaded without any model) plus news boilerplate."""
    from spacy.lang.en.stop_words import STOP_WORDS
    extra = {"said", "says", "say", "told", "according", "reported", "report", "reports", "news", "reuters",
             "ap", "afp", "mr", "mrs", "ms", "dr", "also", "would", "could", "new", "one", "two", "year", "years",
             "week", "day", "days", "time", "people", "monday", "tuesday", "wednesday", "thursday", "friday",
             "saturday", "sunday", "today", "yesterday", "tomorrow", "percent", "http", "https", "www", "com",
             "html", "htm", "php", "article"}
    # A web page's date line ("Tue., Oct. 8, 2019 9:30 AM EDT | Updated ..."): printed by every page, about none.
    dateline = {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "edt", "est", "cdt",
                "cst", "mdt", "mst", "pdt", "pst", "gmt", "utc", "bst", "cet", "updated", "published", "posted",
                "modified"}
    return frozenset(STOP_WORDS) | extra | dateline


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits, inner apostrophes kept)."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def shingles(text: str, k: int = 4) -> set[bytes]:
    """Overlapping k-word shingles of a text (the whole text when it has fewer than k words)."""
    ws = words(_URL.sub(" ", text))
    if len(ws) < k:
        return {" ".join(ws).encode("utf-8")} if ws else set()
    return {" ".join(ws[i:i + k]).encode("utf-8") for i in range(len(ws) - k + 1)}


@lru_cache(maxsize=200_000)
def stem(w: str) -> str:
    """A light English plural/possessive stripper: enough to join 'protesters' and 'protester'."""
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def content_terms(text: str) -> Counter[str]:
    """Content words (no stopwords, no numbers, length >= 3), stemmed, lead words counted twice."""
    stop = stopwords()
    text = _URL.sub(" ", text).lower().replace("’", "'")
    cut = _lead_end(text)
    lead, rest = _WORD.findall(text, 0, cut), _WORD.findall(text, cut)
    out: Counter[str] = Counter()
    for ws in (lead, lead, rest):
        out.update("w:" + stem(w) for w in ws if len(w) > 2 and w not in stop and not w[0].isdigit())
    return out


def _lead_end(text: str) -> int:
    """Where the lead ends: LEAD_CHARS, moved past the end of a word it would split."""
    cut = min(LEAD_CHARS, len(text))
    while cut < len(text) and text[cut].isalnum() and text[cut - 1].isalnum():
        cut += 1
    return cut


def _name_key(name: str) -> str:
    ws = [w for w in words(name) if w not in ("the", "'s")]
    return " ".join(stem(w) for w in ws)


def weighted_terms(a: Analysis) -> dict[str, float]:
    """The raw (pre-IDF) term weights of an article: term -> weight.

    Term kinds are prefixed so that a word and a name never collide:
    ``w:`` content word, ``e:`` named entity (full name and, for people, the
    surname), ``a:`` actor name, ``c:`` actor country code, ``p:`` place,
    ``v:`` event type.
    """
    art = a.article
    bag: dict[str, float] = {}

    def add(term: str, w: float) -> None:
        bag[term] = bag.get(term, 0.0) + w

    for term, n in content_terms(art.text).items():
        add(term, W_WORD * n)
    if art.title:
        for term, n in content_terms(art.title).items():
            add(term, W_WORD * 2 * n)
    for e in a.entities:
        if e.label not in _NAME_LABELS:
            continue
        key = _name_key(e.text or art.text[e.start:e.end])
        if not key or key in stopwords():
            continue
        add("e:" + key, W_ENTITY)
        parts = key.split()
        if e.label in ("PERSON", "PER") and len(parts) > 1:
            add("e:" + parts[-1], W_ENTITY)  # "Reid" later in the text is the same person
    for x in a.actors:
        n = max(1, len(x.mentions))
        add("a:" + _name_key(x.name), W_ACTOR * n)
        if x.code and x.code != "IGO":
            add("c:" + x.code, W_ACTOR)
        if x.igo:
            add("c:" + x.igo.lower(), W_ACTOR)
    for p in a.places:
        if p.adjectival:
            continue
        pl = p.place
        add("p:" + (str(pl.geonameid) if pl.geonameid else _name_key(pl.name)), W_PLACE)
    for ev in a.events:
        add("v:" + ev.type, W_EVENT)
    for y in text_years(art.text):
        add("y:" + str(y), W_YEAR)
    # interned: the same term in many story centroids and the frequency table is one string
    return {sys.intern(t): w for t, w in bag.items() if w > 0}


def article_date(a: Analysis) -> Date | None:
    """The dateline, else the report's own date as its text prints it; None when the text shows none.

    Articles without a dateline often print their publication date in the
    text ("Published March 3, 2013"), usually in the header above the body,
    and a report's own day is the one it repeats. A full date stated once deep
    in the body is most often a past event the report recalls ("he was named
    coach on May 23, 2005"), so it is taken only when the header carries it,
    a publishing cue precedes it, or the text states it more than once; and
    never when the text names a later year (a report is not written before
    the years it mentions).
    """
    if a.article.date:
        return a.article.date
    text = a.article.text
    seen: Counter[str] = Counter()
    marked: set[str] = set()
    for t in a.timexes:
        v = t.value or ""
        if t.type == "DATE" and t.anchored and len(v) == 10 and v[4] == "-" and v[:4].isdigit():
            seen[v] += 1
            if t.start < HEADER_CHARS or _PUBLISH_CUE.search(text, max(0, t.start - 40), t.start):
                marked.add(v)
    found = [(n + (v in marked) * 2, v) for v, n in seen.items() if n > 1 or v in marked]
    if not found:
        return None
    best = max(found)[1]
    later = [y for y in text_years(text) if y > int(best[:4])]
    if later:
        return None
    try:
        return Date.fromisoformat(best)
    except ValueError:
        return None


def text_years(text: str) -> set[int]:
    """The years a text writes out as four digits (URLs included: they often carry the publication date)."""
    return {int(m) for m in _YEAR.findall(text)}


def latest_year(a: Analysis) -> int | None:
    """The latest year an article names, as a date or as a bare year; None when it names none.

    For an article without a dateline this bounds its age from below: a
    report is rarely written years after the latest year it mentions.
    """
    years = [int(t.value[:4]) for t in a.timexes
             if t.type == "DATE" and t.value and len(t.value) >= 4 and t.value[:4].isdigit()]
    years.extend(text_years(a.article.text))
    return max(years) if years else None
