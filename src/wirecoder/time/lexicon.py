"""The time stage's word tables (data/time/lexicon.json) and the regexes built from them.

Everything here is built once per process (functools.cache); the detector only
runs the compiled patterns over each document's text.

Month and weekday names are matched case-sensitively (capitalised), so the verbs
"may", "march" and "sat" never read as dates; the rest is case-insensitive.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@cache
def lexicon() -> dict[str, Any]:
    path = resources.files("wirecoder") / "data" / "time" / "lexicon.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _alt(words: list[str]) -> str:
    """An alternation, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def month_number(word: str) -> int | None:
    return lexicon()["months"].get(word.lower().rstrip("."))


def weekday_number(word: str) -> int | None:
    """ISO weekday (Monday=1) of a weekday name, or None."""
    return lexicon()["weekdays"].get(word.lower())


def unit_of(word: str) -> tuple[str, str] | None:
    """(TIMEX3 letter, granularity) of a unit word, singular or plural ("centuries" too)."""
    w = word.lower()
    units = lexicon()["units"]
    for cand in (w, w[:-1] if w.endswith("s") else w, w[:-3] + "y" if w.endswith("ies") else w):
        if cand in units:
            letter, gran = units[cand]
            return letter, gran
    return None


def number_value(words: str) -> float | None:
    """'seven' -> 7, '12' -> 12, 'twenty-five' -> 25; None for vague counts ('several')."""
    w = " ".join(words.lower().replace("-", " ").split())
    for half in (" and a half", " 1/2", "½"):
        if w.endswith(half) and w != half.strip():
            whole = number_value(w[: -len(half)])
            return whole + 0.5 if whole is not None else None
    nums = lexicon()["numbers"]
    if w in nums:
        return float(nums[w])
    try:
        return float(w.replace(",", ""))
    except ValueError:
        pass
    parts = w.split()
    if len(parts) == 2 and parts[0] in nums and parts[1] in nums and nums[parts[0]] >= 20 and nums[parts[1]] < 10:
        return float(nums[parts[0]] + nums[parts[1]])
    return None


@dataclass(frozen=True)
class Patterns:
    """The compiled detectors, by name; the detector runs each over the text."""

    compiled: tuple[tuple[str, re.Pattern[str]], ...]


@cache
def patterns() -> Patterns:
    lx = lexicon()
    months = [m.capitalize() for m in lx["months"]]
    mon = r"(?:" + "|".join(
        (re.escape(m) + (r"\.?" if len(m) <= 4 and m.lower() not in ("june", "july", "may") else ""))
        for m in sorted(months, key=len, reverse=True)) + r")(?![A-Za-z])"
    wd = r"(?:" + "|".join(w.capitalize() for w in lx["weekdays"]) + r")(?![A-Za-z])"
    day = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
    year = r"(?:1[6-9]\d\d|20\d\d)"
    num_words = [k for k in lx["numbers"] if k not in ("hundred",)]
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    num1 = rf"(?:\d+(?:\.\d+)?|(?:{tens})[- ](?:{ones})|{_alt(num_words)})"
    # "5 1/2", "two and a half" before the plain numbers, so the longer reading wins
    num = rf"(?:\d+\s+1/2|\d+\s*½|{num1}\s+and\s+a\s+half|{num1}|{_alt(lx['vague_numbers'])})"
    unit = r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies)|weekends?)"
    part = r"(?:morning|afternoon|evening|night)"
    rel_pre = r"(?:last|next|this|coming|past)"
    prep = (r"(?:last|next|this|early|late|mid-|mid|earlier|later|in|by|since|until|till|from|to|through|"
            r"during|before|after|of|between|and|or|each|every|around|throughout|on|that|the)")
    mod_dur = (r"(?:about|around|some|nearly|almost|more\s+than|less\s+than|fewer\s+than|over|under|"
               r"at\s+least|at\s+most|roughly|approximately|just|only|up\s+to|barely|another|"
               r"the\s+past|the\s+last|the\s+next|the\s+first|the\s+previous|the\s+coming|the\s+following|"
               r"the\s+final|past|next|an\s+additional|the\s+better\s+part\s+of)")
    refs = _alt([r for r in lx["refs"] if not r.startswith("in ")])
    sets = _alt(list(lx["sets"]))
    p = {
        # "Wednesday, Jan. 12, 2022", "January 12", "mid-March 2014", "12 January 2022"
        "mdy": rf"(?:(?P<rel>(?i:last|next|this))\s+)?(?:{wd},?\s+)?(?:(?i:early|late|mid)[- ])?{mon}\s+{day}(?:,?\s+{year}(?!\d))?",
        "dmy": rf"(?:{wd},?\s+)?(?i:the\s+)?{day}(?:\s+of)?\s+{mon}(?:,?\s+{year}(?!\d))?",
        "mdrange": rf"(?P<mon>{mon})\s+(?P<d1>{day})\s*(?:-|–|and|to|through)\s*(?P<d2>{day})(?:,?\s+(?P<y>{year})(?!\d))?",
        "iso": r"(?<![\d-])(?:19|20)\d\d-[01]\d-[0-3]\d(?![\d-])",
        # "March 1998", "October last year", "last October", "in May" (bare months guarded)
        "my": rf"(?:(?i:early|late|mid)[- ]?)?{mon},?\s+(?:of\s+)?{year}(?!\d)",
        "mrel": rf"{mon}\s+(?i:(?P<rel>last|next|this)\s+year)",
        "mbare": rf"(?:(?P<pre>(?i:{prep}))[\s-]+)?(?P<mon>{mon})",
        "weekday": rf"(?:(?P<rel>(?i:{rel_pre}|early|late))\s+)?(?P<wd>{wd})(?:\s+(?P<part>(?i:{part})))?",
        # "last year", "earlier this month", "the past year", "this weekend", "next summer"
        "relunit": (r"(?i:(?:(?P<mod>earlier|later|early|late|mid-?|the\s+end\s+of|the\s+start\s+of|"
                    r"the\s+beginning\s+of)\s+)?(?P<rel>this|last|next|the\s+past|the\s+previous|the\s+coming|"
                    r"the\s+next|the\s+last|the\s+current|the\s+following|past|previous|coming|current)\s+"
                    r"(?P<unit>week|weekend|month|year|decade|century|quarter|spring|summer|autumn|winter)\b(?!-))"),
        # "more than seven hours", "three years", "two weeks ago", "five-hour", "the past two years"
        "count": (rf"(?i:(?<![A-Za-z])(?:(?P<mod>{mod_dur})\s+)?(?P<num>{num})(?:\s+more)?[\s-]+(?:(?:trading|business|working|calendar)\s+)?(?P<unit>{unit})\b"
                  rf"(?P<half>\s+and\s+a\s+half)?(?:(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|from\s+now|old))?(?P<old>-old)?)"),
        # "the first hours", "the early years", "the weeks ahead": a vague span (PTXH, PXY, PXW)
        "vaguespan": (r"(?i:\bthe\s+(?:(?P<adj>first|early|final|closing|opening)\s+(?P<unit>hours|days|weeks|months|years)\b(?<!early\shours)|"
                      r"(?P<unit2>hours|days|weeks|months|years)\s+(?:ahead|to\s+come)\b))"),
        "forbare": r"(?i:(?<=\bfor\s)(?P<unit>years|months|weeks|decades|days|hours|centuries)\b)",
        "deictic": rf"(?i:\b(?P<word>today|tonight|yesterday|tomorrow)\b(?:\s+(?P<part>{part}))?)",
        "weekend": r"(?i:\bthe\s+weekend\b)",
        "fquarter": (r"(?i:\b(?:the|that|this)\s+(?:comparable\s+)?(?:(?P<ya>year[- ](?:earlier|ago))\s+)?"
                     r"(?P<latest>latest\s+|most\s+recent\s+|fiscal\s+)?(?P<what>quarter|period)\b)"),
        "yearago": r"(?i:\byear[- ](?:earlier|ago)\b)",
        "holiday": rf"(?:(?P<rel>(?i:last|next|this))\s+)?(?P<name>{_alt(list(lx['holidays']))})(?:\s+Day)?(?![A-Za-z])",
        "spelledyear": (r"(?i:\b(?P<c>nineteen|twenty)[\s-](?P<rest>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                        r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|"
                        r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b)"),
        "daypart": r"(?i:\b(?P<rel>this|last|tomorrow|yesterday)\s+(?P<part>morning|afternoon|evening|night)\b)",
        # "by mid-afternoon", "at mid-morning yesterday": the dateline's (or that day's) part of day
        "midpart": r"(?i:\bmid[- ]?(?P<part>morning|afternoon|evening)\b(?:\s+(?P<rel>yesterday|today|tomorrow)\b)?)",
        "ref": rf"(?i:\b(?:{refs})\b)",
        "year": rf"(?:(?P<mod>(?i:early|late|mid|fiscal|calendar))[- ]?\s*)?(?<![\d,.$£€#/])(?P<y>{year})(?![\d%]|,\d|\.\d|s\b|'s)",
        "yrange": rf"(?<![\d,.$£€#/])(?P<y1>{year})\s*[-–]\s*(?P<y2>{year}|\d\d)(?![\d%])",
        "decade": r"(?i:(?:the\s+)?(?:(?P<mod>early|late|mid)[- ]?)?)(?P<dec>(?:1[6-9]|20)\d0s|'\d0s)\b",
        "century": r"(?i:(?:the\s+)?(?P<c>\d{1,2})(?:st|nd|rd|th)\s+century)",
        "quarter": rf"(?i:(?:the\s+)?(?:(?P<y0>{year})\s+|(?P<ya>year[- ](?:earlier|ago))\s+|(?P<yrel>next|last|this)\s+year['\u2019]?s\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?:\s+of\s+(?P<y>{year}))?)",
        "season": rf"(?i:(?:(?P<rel>last|this|next|early|late|the)\s+)?(?P<season>spring|summer|autumn|winter|(?<=last\s|this\s|next\s)fall)(?:\s+(?:of\s+)?(?P<y>{year}))?)\b",
        "set": (rf"(?i:(?:every|each)\s+(?:other\s+)?(?:(?P<num>{num})\s+)?(?P<unit>{unit}|monday|tuesday|wednesday|"
                rf"thursday|friday|saturday|sunday|{part})|\b(?P<adv>{sets})\b|(?:once|twice|three\s+times)\s+(?:a|per)\s+(?P<unit2>{unit}))"),
        "clock": (r"(?<![\d:.])(?P<h>[01]?\d)(?::(?P<m>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.?|p\.m\.?|am\b|pm\b))"
                  r"(?:\s+(?P<tz>EST|EDT|GMT|UTC|CET|CST|PST|(?i:local\s+time)))?|(?i:\b(?P<nm>noon|midday|midnight)\b)"),
    }
    from .rules_periods import pattern_sources  # the rules import this module: import late
    from .rules_values import pattern_sources as value_sources
    p.update(pattern_sources(year))
    p.update(value_sources())
    return Patterns(tuple((k, re.compile(v)) for k, v in p.items()))
