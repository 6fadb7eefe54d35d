"""Rules for accounting periods and other whole-year spans (results copy, forecasts).

"the full year", "the current fiscal year", "by year-end", "earlier in the year" name the
dateline's year; "the year ended March 31" names a length of a year (TIMEX3 P1Y, as
TimeBank annotates it); "the last half of 1989" is a half year (1989-H2); "the 1988
quarter" is the same quarter as the one just reported, in that year. Anaphoric
expressions ("that day", "later that year") are detected here and valued by
narrative.py, which needs the expressions before them.
"""
from __future__ import annotations

import re

from ..records import Precision, TimeExpression
from . import calendar as cal
from .rules import Context, _mk

# adjectives before "year" that keep it this year's, or make it the last completed one
_THIS_YEAR = frozenset({"full", "fiscal", "current fiscal", "this fiscal", "calendar", "whole", "entire",
                        "current"})
_LAST_YEAR = frozenset({"latest fiscal", "last fiscal", "past fiscal", "previous fiscal", "prior fiscal"})


def r_fiscal_year(m: re.Match, ctx: Context) -> list[TimeExpression]:
    s, e = m.start("core"), m.end()  # "for the year": the span starts at "the"
    if m.group("ended") is not None:  # the group is an empty lookahead
        return [_mk(ctx, s, e, "DURATION", "P1Y", None, relative=False)]
    adj = " ".join((m.group("adj") or "").lower().split())
    if not adj and not m.group("prep"):
        return []  # a bare "the year" is too often a year of something else
    if adj not in _THIS_YEAR and adj not in _LAST_YEAR and adj:
        return []
    if ctx.dateline is None:
        return [_mk(ctx, s, e, "DATE", None, "year")]
    y = ctx.dateline.year - (1 if adj in _LAST_YEAR else 0)
    return [_mk(ctx, s, e, "DATE", f"{y:04d}", "year")]


def r_year_end(m: re.Match, ctx: Context) -> list[TimeExpression]:
    """"by year-end", "by the end of the year": the dateline's year (TimeBank's value)."""
    if ctx.dateline is None:
        return [_mk(ctx, m.start(), m.end(), "DATE", None, "year")]
    return [_mk(ctx, m.start(), m.end(), "DATE", f"{ctx.dateline.year:04d}", "year")]


def r_in_the_unit(m: re.Match, ctx: Context) -> list[TimeExpression]:
    """"earlier in the year", "later in the day": the dateline's own year / month / week / day."""
    unit = m.group("unit").lower()
    prec: Precision = {"year": "year", "month": "month", "week": "week", "day": "day"}[unit]  # type: ignore[assignment]
    d = ctx.dateline
    if d is None:
        return [_mk(ctx, m.start(), m.end(), "DATE", None, prec)]
    value = {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}", "week": cal.iso_week(d),
             "day": d.isoformat()}[unit]
    return [_mk(ctx, m.start(), m.end(), "DATE", value, prec)]


def r_half_year(m: re.Match, ctx: Context) -> list[TimeExpression]:
    """"the first half of 1990" 1990-H1, "the second half of this year" H2 of the dateline's."""
    half = 1 if m.group("which").lower() == "first" else 2
    if m.group("y"):
        return [_mk(ctx, m.start(), m.end(), "DATE", f"{m.group('y')}-H{half}", "quarter", relative=False)]
    if ctx.dateline is None:
        return [_mk(ctx, m.start(), m.end(), "DATE", None, "quarter")]
    y = ctx.dateline.year + {"last": -1, "next": 1}.get((m.group("rel") or "").lower(), 0)
    return [_mk(ctx, m.start(), m.end(), "DATE", f"{y}-H{half}", "quarter")]


def r_year_quarter(m: re.Match, ctx: Context) -> list[TimeExpression]:
    """Results copy: "the 1988 quarter/period" is the reported quarter's counterpart that year."""
    if not ctx.earnings or ctx.dateline is None:
        return []
    q = cal.shift_quarter(ctx.dateline, -1)[-2:]
    return [_mk(ctx, m.start(), m.end(), "DATE", f"{m.group('y')}-{q}", "quarter", relative=False)]


def r_anaphor(m: re.Match, ctx: Context) -> list[TimeExpression]:
    """"that day", "later that year", "that same month": detected here, valued from the
    expression they point back to (narrative.py); unresolved they keep value None."""
    unit = (m.group("unit") or m.group("unit2")).lower()
    prec: Precision = {"year": "year", "month": "month", "week": "week"}.get(unit, "day")  # type: ignore[assignment]
    return [_mk(ctx, m.start(), m.end(), "DATE", None, prec, relative=False)]


def r_year_spelled_out(m: re.Match, ctx: Context) -> list[TimeExpression]:
    """"the year two thousand" (broadcast transcripts)."""
    rest = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10}.get((m.group("rest") or "").lower(), 0)
    return [_mk(ctx, m.start(), m.end(), "DATE", str(2000 + rest), "year", relative=False)]


def pattern_sources(year: str) -> dict[str, str]:
    """The regexes of this module's rules, by rule name (compiled once in lexicon.patterns)."""
    return {
        "fyear": (r"(?i:(?:(?P<prep>\b(?:for|of|during|throughout|through)\s+))?\b(?P<core>the|this)\s+"
                  r"(?:(?P<adj>full|fiscal|current\s+fiscal|this\s+fiscal|latest\s+fiscal|last\s+fiscal|"
                  r"past\s+fiscal|previous\s+fiscal|prior\s+fiscal|calendar|whole|entire|current)\s+)?year\b"
                  r"(?![-'\u2019]|\s+(?:of|before|after|earlier|ago|when|in\s+which|two|nineteen|\d))"
                  r"(?P<ended>(?=\s+(?:ended|ending)\b))?)"),
        "yearend": r"(?i:\b(?:the\s+end\s+of\s+the\s+year|year[- ]end\b(?![- ]\w*ed\b)|year['\u2019]s\s+end))",
        "inunit": r"(?i:\b(?:earlier|later)\s+in\s+the\s+(?P<unit>year|month|week|day)\b)",
        "halfyear": (rf"(?i:\bthe\s+(?P<which>first|second|last|latter)\s+half\s+of\s+(?:(?P<y>{year})\b|"
                     r"(?P<rel>this|last|next)\s+year\b|the\s+year\b))"),
        "yquarter": rf"(?i:\bthe\s+(?P<y>{year})\s+(?:quarter|period)\b)",
        "anaphor": (r"(?i:\b(?:(?:earlier|later)\s+)?(?:that|the\s+same)\s+(?:same\s+|very\s+)?"
                    r"(?P<unit>day|morning|afternoon|evening|night|week|month|year)\b(?![-'\u2019])|"
                    r"\bthe\s+(?:following|next|previous|preceding)\s+(?P<unit2>day|morning|afternoon|evening|night)\b)"),
        "yearspelled": (r"(?i:\bthe\s+year\s+two\s+thousand(?:\s+and\s+"
                        r"(?P<rest>one|two|three|four|five|six|seven|eight|nine|ten))?\b)"),
    }


RULES_PERIODS = {"fyear": r_fiscal_year, "yearend": r_year_end, "inunit": r_in_the_unit,
                 "halfyear": r_half_year, "yquarter": r_year_quarter, "anaphor": r_anaphor,
                 "yearspelled": r_year_spelled_out}
