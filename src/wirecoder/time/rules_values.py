"""The reported quarter of results copy (a pass over the whole document's expressions), and
the rules for spelled decades ("the nineties") and "the near/long term" (FUTURE_REF).

Results copy names the quarter it reports once ("fiscal first-quarter profit rose") and then
points back to it: "the quarter", "the latest period", "a year earlier", "the year-ago
quarter", "the 1988 period". The rules value those against the last quarter completed before
the dateline; a company with a fiscal calendar reports another one (its fiscal first quarter
in October), and TimeML values the pointer with the quarter the story reported. So the
defaults are moved onto the nearest reported quarter: an explicit "first/second/third/fourth
quarter" without a year of its own, not ahead of the dateline's quarter, and told in the
past when it is the dateline's own quarter ("expects the slump to last into the fourth
quarter" is a forecast, not the report).

One pass over the expressions in text order: O(n).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date as Date

from ..records import TimeExpression
from . import calendar as cal
from .rules import Context, _mk

_QVALUE = re.compile(r"^(\d{4})-Q([1-4])$")
_ORDINAL_Q = re.compile(r"(?i)\b(?:first|second|third|fourth|1st|2nd|3rd|4th)[- ]+quarter")
_HAS_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
_FISCAL = re.compile(r"(?i)\bfiscal\b")


def _qindex(value: str) -> int | None:
    m = _QVALUE.match(value or "")
    return int(m.group(1)) * 4 + int(m.group(2)) - 1 if m else None


def _qvalue(n: int) -> str:
    return f"{n // 4}-Q{n % 4 + 1}"


def _reported(t: TimeExpression, text: str, default: int, first: bool,
              tense_at: Callable[[int], str | None]) -> int | None:
    """The quarter ``t`` reports, when it names one explicitly and it can be a report: the
    last completed quarter; the one under way when told as done; an older one only as a
    fiscal quarter or in the story's first mention ("after a flat second quarter" compares)."""
    if t.type != "DATE" or not _ORDINAL_Q.search(t.text) or _HAS_YEAR.search(t.text):
        return None
    n = _qindex(t.value or "")
    if n is None or n > default + 1 or tense_at(t.start) == "future":
        return None
    fiscal = bool(_FISCAL.search(text[max(0, t.start - 12):t.end]))
    if n == default + 1 and tense_at(t.start) != "past" and not fiscal:
        return None  # the quarter under way: a forecast, unless told as done
    if n < default and not (fiscal or first):
        return None
    return n


def anchor_reported_quarter(found: list[TimeExpression], text: str, dateline: Date | None,
                            tense_at: Callable[[int], str | None]) -> list[TimeExpression]:
    """``found`` (text order) with dateline-default quarters moved onto the reported quarter."""
    if dateline is None:
        return found
    default = _qindex(cal.shift_quarter(dateline, -1))
    assert default is not None
    explicit = [i for i, t in enumerate(found) if _ORDINAL_Q.search(t.text)]
    reports = [(i, _reported(found[i], text, default, i == explicit[0], tense_at)) for i in explicit]
    reports = [(i, n) for i, n in reports if n is not None]
    if not reports or all(n == default for _, n in reports):
        return found
    out: list[TimeExpression] = []
    for i, t in enumerate(found):
        n = _qindex(t.value or "")
        if n is None or _ORDINAL_Q.search(t.text) or n % 4 != default % 4:
            out.append(t)
            continue
        before = [q for j, q in reports if j < i]
        anchor = before[-1] if before else reports[0][1]
        if _HAS_YEAR.search(t.text):  # "the 1988 period": that year, the reported quarter
            value = f"{n // 4}-Q{anchor % 4 + 1}"
        else:  # "the quarter" (offset 0), "a year earlier" (offset -4)
            value = _qvalue(anchor + (n - default))
        out.append(TimeExpression(t.start, t.end, t.text, t.type, value, t.precision, t.anchored))
    return out


# Spelled decades: "the nineties", "the late sixties" (TIMEX3 199, 196). Only after "the":
# "in her forties" is an age. A temperature or a rate nearby makes it a number band.
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}
_BAND_BEFORE = re.compile(r"(?i)\b(?:temperatures?|degrees?|highs?|lows?|rates?|percent|prices?|mph|"
                          r"scores?|polls?|ratings?)\b[^.;]{0,30}$")
_BAND_AFTER = re.compile(r"(?i)\s*(?:percent|%|degrees?|mph)")


def r_spelled_decade(m: re.Match, ctx: Context) -> list[TimeExpression]:
    if _BAND_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()) or _BAND_AFTER.match(ctx.text, m.end()):
        return []
    digit = _DECADE_WORDS[m.group("dec").lower()]
    century = 19
    if ctx.dateline is not None:  # the latest such decade not after the dateline's
        century = ctx.dateline.year // 100 - (1 if digit > ctx.dateline.year % 100 // 10 else 0)
    return [_mk(ctx, m.start(), m.end(), "DATE", f"{century}{digit}", "decade", relative=False)]


def r_term(m: re.Match, ctx: Context) -> list[TimeExpression]:
    """"in the near term", "over the long term": a time ahead, TimeBank's FUTURE_REF."""
    return [_mk(ctx, m.start(), m.end(), "DATE", "FUTURE_REF", None, relative=False)]


def pattern_sources() -> dict[str, str]:
    """The regexes of this module's rules, by rule name (compiled once in lexicon.patterns)."""
    return {
        "spelleddecade": (r"(?i:\bthe\s+(?:(?:early|late|mid)[- ]?)?(?P<dec>twenties|thirties|forties|fifties|"
                          r"sixties|seventies|eighties|nineties)\b)"),
        "term": r"(?i:\bthe\s+(?:very\s+)?(?:near|short|long|longer|medium)\s+term\b(?![-'\u2019]))",
    }


RULES_VALUES = {"spelleddecade": r_spelled_decade, "term": r_term}
