"""The rules for less common expressions (holidays, earnings quarters, spelled years,
sets, clock times) and the registry of all rules, in tie-break order."""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date as Date, timedelta

from ..records import TimeExpression
from . import calendar as cal
from .lexicon import lexicon, number_value, unit_of, weekday_number
from .rules_periods import RULES_PERIODS
from .rules_values import RULES_VALUES
from .rules import (Context, _direction, _duration_value, _mk, r_century, r_count, r_daypart, r_decade,
                    r_deictic, r_forbare, r_iso, r_mbare, r_mdrange, r_mdy, r_mrel, r_my, r_quarter, r_ref,
                    r_relunit, r_season, r_weekday, r_year, r_yrange)


def r_weekend(m: re.Match, ctx: Context) -> list[TimeExpression]:
    """"the weekend": the one just gone in a past clause, else the coming one."""
    if ctx.dateline is None:
        return [_mk(ctx, m.start(), m.end(), "DATE", None, "week")]
    past = ctx.tense_at(m.start()) != "future"
    sat = cal.weekday_date(ctx.dateline, 6, "past" if past else "future")
    return [_mk(ctx, m.start(), m.end(), "DATE", cal.iso_week(sat) + "-WE", "week")]


def r_fquarter(m: re.Match, ctx: Context) -> list[TimeExpression]:
    """Earnings reports: "the quarter"/"the latest period" is the last completed quarter,
    "the year-ago quarter" the same quarter a year before."""
    ya = bool(m.group("ya"))
    if m.group("what").lower() == "period" and not (ya or m.group("latest")):
        return []
    if not ya and m.group("what").lower() == "quarter" and not ctx.earnings:
        return []
    if ctx.dateline is None:
        return [_mk(ctx, m.start(), m.end(), "DATE", None, "quarter")]
    return [_mk(ctx, m.start(), m.end(), "DATE", cal.shift_quarter(ctx.dateline, -5 if ya else -1), "quarter")]


def r_yearago(m: re.Match, ctx: Context) -> list[TimeExpression]:
    if not ctx.earnings:
        return []
    if ctx.dateline is None:
        return [_mk(ctx, m.start(), m.end(), "DATE", None, "quarter")]
    return [_mk(ctx, m.start(), m.end(), "DATE", cal.shift_quarter(ctx.dateline, -5), "quarter")]


def r_holiday(m: re.Match, ctx: Context) -> list[TimeExpression]:
    """Fixed-date holidays and US Thanksgiving (fourth Thursday of November), nearest year."""
    name = " ".join(m.group("name").lower().replace("\u2019", "'").split())
    md = {k.lower().replace("\u2019", "'"): v for k, v in lexicon()["holidays"].items()}.get(name)
    if md is None or ctx.dateline is None:
        return [_mk(ctx, m.start(), m.end(), "DATE", None, "day")]
    rel = (m.group("rel") or "").lower()
    direction = {"last": "last", "next": "next"}.get(rel) or _direction(ctx, m.start(), "closest", past=True)
    if md in ("thanksgiving", "election"):
        mon, day = 11, 22 if md == "thanksgiving" else 5
    else:
        mon, day = (int(x) for x in md.split("-"))
    y = cal.month_year(ctx.dateline, mon, "past" if direction == "last" else
                       "future" if direction == "next" else direction, day)  # type: ignore[arg-type]
    if md == "thanksgiving":
        nov1 = Date(y, 11, 1)
        day = 1 + (3 - nov1.weekday()) % 7 + 21
    elif md == "election":  # the Tuesday after the first Monday
        nov1 = Date(y, 11, 1)
        day = 1 + (0 - nov1.weekday()) % 7 + 1
    return [_mk(ctx, m.start(), m.end(), "DATE", Date(y, mon, day).isoformat(), "day")]


_TENS = {"ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}


def r_vague_span(m: re.Match, ctx: Context) -> list[TimeExpression]:
    unit = unit_of(m.group("unit") or m.group("unit2"))
    if unit is None:
        return []
    return [_mk(ctx, m.start(), m.end(), "DURATION", _duration_value(None, unit[0]), None, relative=False)]


def r_midpart(m: re.Match, ctx: Context) -> list[TimeExpression]:
    """"mid-afternoon yesterday": that day with TIMEX3's part-of-day suffix (TAF)."""
    if ctx.dateline is None:
        return [_mk(ctx, m.start(), m.end(), "TIME", None, "day")]
    shift = lexicon()["days_relative"].get((m.group("rel") or "today").lower(), 0)
    d = ctx.dateline + timedelta(days=shift)
    part = lexicon()["parts_of_day"][m.group("part").lower()]
    return [_mk(ctx, m.start(), m.end(), "TIME", f"{d.isoformat()}T{part}", "day")]


def r_spelled_year(m: re.Match, ctx: Context) -> list[TimeExpression]:
    """"nineteen ninety-six" (transcripts and broadcast copy)."""
    century = 1900 if m.group("c").lower() == "nineteen" else 2000
    rest = number_value(m.group("rest")) or _TENS.get(m.group("rest").lower(), 0)
    if not rest or rest >= 100:
        return []
    return [_mk(ctx, m.start(), m.end(), "DATE", str(century + int(rest)), "year", relative=False)]


def r_set(m: re.Match, ctx: Context) -> list[TimeExpression]:
    s, e = m.start(), m.end()
    if m.group("adv"):
        return [_mk(ctx, s, e, "SET", lexicon()["sets"][m.group("adv").lower()], None, relative=False)]
    unit_word = (m.group("unit") or m.group("unit2") or "").lower()
    wd = weekday_number(unit_word)
    if wd is not None:
        return [_mk(ctx, s, e, "SET", f"XXXX-WXX-{wd}", None, relative=False)]
    part = lexicon()["parts_of_day"].get(unit_word)
    if part:
        return [_mk(ctx, s, e, "SET", f"XXXX-XX-XXT{part}", None, relative=False)]
    unit = unit_of(unit_word)
    if unit is None:
        return []
    num = number_value(m.group("num")) if m.group("num") else 1.0
    return [_mk(ctx, s, e, "SET", _duration_value(num, unit[0]), None, relative=False)]


def r_clock(m: re.Match, ctx: Context) -> list[TimeExpression]:
    s, e = m.start(), m.end()
    if m.group("nm"):
        hh, mm = (0, 0) if m.group("nm").lower() == "midnight" else (12, 0)
        hhmm = f"{hh:02d}:{mm:02d}"
    else:
        hh = int(m.group("h"))
        if hh > 12 or hh == 0:
            return []
        pm = m.group("ap").lower().startswith("p")
        hh = (hh % 12) + (12 if pm else 0)
        hhmm = f"{hh:02d}:{m.group('m') or '00'}"
    if ctx.dateline is None:
        return [_mk(ctx, s, e, "TIME", None, "day")]
    return [_mk(ctx, s, e, "TIME", f"{ctx.dateline.isoformat()}T{hhmm}", "day")]


RULES: dict[str, Callable[[re.Match, Context], list[TimeExpression]]] = {
    "mdy": r_mdy, "dmy": r_mdy, "mdrange": r_mdrange, "iso": r_iso, "my": r_my, "mrel": r_mrel, "mbare": r_mbare,
    "weekday": r_weekday, "relunit": r_relunit, "count": r_count, "forbare": r_forbare,
    "deictic": r_deictic, "holiday": r_holiday, "spelledyear": r_spelled_year, "weekend": r_weekend,
    "fquarter": r_fquarter, "yearago": r_yearago, "daypart": r_daypart, "ref": r_ref, "year": r_year,
    "yrange": r_yrange,
    "decade": r_decade, "century": r_century, "quarter": r_quarter, "season": r_season, "set": r_set,
    "clock": r_clock, "midpart": r_midpart, "vaguespan": r_vague_span,
    **RULES_PERIODS, **RULES_VALUES,
}
