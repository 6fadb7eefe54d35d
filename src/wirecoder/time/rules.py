"""One function per detector pattern: a regex match -> TimeExpression records (or none).

Each rule gets the match and a :class:`Context` (the dateline and a way to ask
the tense at a character offset) and returns the records the match stands for;
an empty list rejects the match (a bare "May" with no temporal word before it).
Values follow TIMEX3: "2022-01-12", "2021-10", "2022-W02", "2014", "199",
"PT7H", "P3Y", "PXY", "XXXX-WXX", "PRESENT_REF".
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date as Date, timedelta

from ..records import Precision, TimeExpression, TimexType
from . import calendar as cal
from .lexicon import lexicon, month_number, number_value, unit_of, weekday_number


@dataclass(frozen=True, slots=True)
class Context:
    text: str
    dateline: Date | None
    # "future" | "past" | "present" | "report" (a present-tense "says") | None at a char offset
    tense_at: Callable[[int], str | None]
    is_year: Callable[[int, int], bool]  # token-level check that a 4-digit number is a year
    earnings: bool = False  # the text reports quarterly results: "a year ago" = that quarter last year


def _mk(ctx: Context, s: int, e: int, typ: TimexType, value: str | None, prec: Precision | None,
        relative: bool = True) -> TimeExpression:
    """A record; a relative expression without a dateline keeps its span, value None."""
    if relative and ctx.dateline is None:
        return TimeExpression(s, e, ctx.text[s:e], typ, None, prec, anchored=False)
    return TimeExpression(s, e, ctx.text[s:e], typ, value, prec)


def _direction(ctx: Context, pos: int, otherwise: cal.Direction, past: bool = False,
               present_future: bool = False) -> cal.Direction:
    """Future when the clause says so (will, scheduled, as early as); past when ``past`` and
    the clause is in the past tense; else ``otherwise``."""
    t = ctx.tense_at(pos)
    if t == "future" or (t == "present" and present_future):
        return "future"
    if past and t == "past":
        return "past"
    return otherwise


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group())  # type: ignore[union-attr]


def _ymd(ctx: Context, s: int, e: int, mon: int, day: int | None, year: int | None) -> list[TimeExpression]:
    if year is None:
        if ctx.dateline is None:
            return [_mk(ctx, s, e, "DATE", None, "day" if day else "month")]
        # A bare month follows the clause's tense ("In March, X received"); a month and day
        # is often a deadline inside a past clause ("declared a dividend payable Dec. 7"),
        # so it takes the nearest occurrence unless the clause is future.
        if ctx.tense_at(s) == "past":
            year = _past_year(ctx.dateline, mon, day)
        else:
            year = cal.month_year(ctx.dateline, mon, _direction(ctx, s, "closest"), day)
    try:
        if day is not None:
            return [_mk(ctx, s, e, "DATE", Date(year, mon, day).isoformat(), "day", relative=False)]
    except ValueError:
        return []
    return [_mk(ctx, s, e, "DATE", f"{year:04d}-{mon:02d}", "month", relative=False)]


# How far ahead of the dateline a month named in a past-tense clause may still lie: "payable
# Dec. 7" or "expires in November", written in October, is this year's; "was shot on Oct. 23",
# written in May, is last year's.
_PAST_AHEAD_DAYS = 62


def _past_year(dateline: Date, mon: int, day: int | None) -> int:
    """The year of a month (and day) told in a past-tense clause: the occurrence on or before
    the dateline, unless the one ahead is near enough to be a deadline in a past report."""
    year = cal.month_year(dateline, mon, "future", day)
    ahead = Date(year, mon, min(day or 1, 28)) - dateline
    return year - 1 if ahead.days > _PAST_AHEAD_DAYS else year


def _split_mdy(text: str) -> tuple[int | None, int | None, int | None]:
    mon = day = year = None
    for w in re.findall(r"[A-Za-z]+\.?|\d+", text):
        if w[0].isdigit():
            if len(w) == 4:
                year = int(w)
            elif day is None:
                day = int(w)
        elif mon is None and weekday_number(w) is None:
            mon = month_number(w)
    return mon, day, year


def r_mdy(m: re.Match, ctx: Context) -> list[TimeExpression]:
    rel = (m.groupdict().get("rel") or "").lower()
    mon, day, year = _split_mdy(m.group()[len(rel):])
    if mon is None or day is None:
        return []
    if rel in ("last", "next") and year is None and ctx.dateline is not None:
        year = cal.month_year(ctx.dateline, mon, "past" if rel == "last" else "future", day)
    return _ymd(ctx, m.start(), m.end(), mon, day, year)


def r_mdrange(m: re.Match, ctx: Context) -> list[TimeExpression]:
    """"April 24 and 25", "March 3-5, 2014": one timex per day."""
    mon = month_number(m.group("mon"))
    year = int(m.group("y")) if m.group("y") else None
    if mon is None:
        return []
    first = _ymd(ctx, m.start(), m.end("d1"), mon, _day(m.group("d1")), year)
    second = _ymd(ctx, m.start("d2"), m.end("d2"), mon, _day(m.group("d2")), year)
    if not first or not second:
        return []
    if second[0].value and first[0].value and len(first[0].value) == 10:
        second = [TimeExpression(second[0].start, second[0].end, second[0].text, "DATE",
                                 first[0].value[:8] + f"{_day(m.group('d2')):02d}", "day")]
    if m.group("y"):  # the year belongs to both days; the second span keeps it
        second = [TimeExpression(m.start("d2"), m.end(), ctx.text[m.start("d2"):m.end()], "DATE",
                                 second[0].value, "day", second[0].anchored)]
    return first + second


def r_iso(m: re.Match, ctx: Context) -> list[TimeExpression]:
    try:
        d = Date.fromisoformat(m.group())
    except ValueError:
        return []
    return [_mk(ctx, m.start(), m.end(), "DATE", d.isoformat(), "day", relative=False)]


def r_my(m: re.Match, ctx: Context) -> list[TimeExpression]:
    mon, _, year = _split_mdy(m.group())
    return _ymd(ctx, m.start(), m.end(), mon, None, year) if mon else []


def r_mrel(m: re.Match, ctx: Context) -> list[TimeExpression]:
    mon = month_number(m.group().split()[0])
    if mon is None:
        return []
    d = ctx.dateline
    if d is None:
        return [_mk(ctx, m.start(), m.end(), "DATE", None, "month")]
    y = d.year + {"last": -1, "next": 1}.get(m.group("rel").lower(), 0)
    return [_mk(ctx, m.start(), m.end(), "DATE", f"{y:04d}-{mon:02d}", "month")]


_SPAN_KEEPS = {"last", "next", "this", "early", "late", "mid", "mid-", "earlier", "later"}


# Words before a month that do not make it temporal by themselves ("and Jan Kavan")
_WEAK_PRE = frozenset({"and", "or", "of", "to", "on", "that", "the", "between", "around"})
_NAME_NEXT = re.compile(r"\s+[A-Z][a-z]+\b(?<!\b(?:I|A))")


def r_mbare(m: re.Match, ctx: Context) -> list[TimeExpression]:
    word = m.group("mon")
    pre = (m.group("pre") or "").lower()
    if not pre and word.lower().rstrip(".") in lexicon()["months_guarded"]:
        return []
    if (pre in _WEAK_PRE and word.lower().rstrip(".") in lexicon()["months_guarded"]
            and _NAME_NEXT.match(ctx.text, m.end())):
        return []  # "and Jan Kavan", "to May Wong": a first name before a surname
    if pre in ("each", "every"):
        mon = month_number(word)
        return [_mk(ctx, m.start(), m.end(), "SET", f"XXXX-{mon:02d}", None, relative=False)] if mon else []
    s = m.start() if pre in _SPAN_KEEPS else m.start("mon")
    mon = month_number(word)
    if mon is None:
        return []
    if pre in ("last", "next", "this") and ctx.dateline is not None:
        direction = {"last": "last", "next": "next"}.get(pre, "neutral")
        y = cal.month_year(ctx.dateline, mon, direction)  # type: ignore[arg-type]
        return [_mk(ctx, s, m.end(), "DATE", f"{y:04d}-{mon:02d}", "month")]
    return _ymd(ctx, s, m.end(), mon, None, None)


def r_weekday(m: re.Match, ctx: Context) -> list[TimeExpression]:
    wd = weekday_number(m.group("wd"))
    rel = (m.group("rel") or "").lower()
    s = m.start() if rel in ("last", "next", "this", "coming", "past") else m.start("wd")
    # "Monday morning" is a TIME in TIMEX3: the day with the part-of-day suffix (2022-01-10TMO)
    part = (m.group("part") or "").lower()
    typ: TimexType = "TIME" if part else "DATE"
    if ctx.dateline is None or wd is None:
        return [_mk(ctx, s, m.end(), typ, None, "day")]
    if rel in ("last", "past"):
        direction: cal.Direction = "last"
    elif rel in ("next", "coming"):
        direction = "next"
    elif rel == "this":
        direction = "this"
    elif ctx.text.startswith("'s", m.end("wd")):
        direction = "past"  # "Wednesday's ruling" names a day already gone
    else:
        # "the leaders meet Monday": a present-tense clause with a weekday is a plan ahead
        direction = _direction(ctx, s, "past", present_future=True)
    d = cal.weekday_date(ctx.dateline, wd, direction)
    suffix = f"T{lexicon()['parts_of_day'][part]}" if part else ""
    return [_mk(ctx, s, m.end(), typ, d.isoformat() + suffix, "day")]


_REL_SHIFT = {"this": 0, "current": 0, "the current": 0, "last": -1, "previous": -1, "the previous": -1,
              "the past": -1, "the last": -1, "next": 1, "coming": 1, "the coming": 1, "the following": 1, "past": -1}
_DURATION_RELS = {"the past", "the last", "the next", "past"}
_SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


def r_relunit(m: re.Match, ctx: Context) -> list[TimeExpression]:
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    s, e = m.start(), m.end()
    season = _SEASON_CODES.get(unit)
    if rel in _DURATION_RELS and not season and not (unit == "year" and rel != "the next"):
        letter, gran = unit_of(unit) or ("Y", "year")
        val = "P2D" if unit == "weekend" else _duration_value(1.0, letter)
        return [_mk(ctx, s, e, "DURATION", val, None, relative=False)]
    # "over the past year" names the twelve months just gone: TimeBank dates it as last year
    d = ctx.dateline
    shift = _REL_SHIFT.get(rel, 0)
    prec: dict[str, Precision] = {"week": "week", "weekend": "week", "month": "month", "year": "year",
                                  "decade": "decade", "century": "century", "quarter": "quarter"}
    if season:
        if d is None:
            return [_mk(ctx, s, e, "DATE", None, "quarter")]
        direction = {-1: "last", 1: "next"}.get(shift, "this")
        y = cal.season_year(d, season, direction)  # type: ignore[arg-type]
        return [_mk(ctx, s, e, "DATE", f"{y}-{season}", "quarter")]
    if d is None:
        return [_mk(ctx, s, e, "DATE", None, prec[unit])]
    if unit == "week":
        val = cal.iso_week(d, shift)
    elif unit == "weekend":
        val = cal.iso_week(d, shift) + "-WE"
    elif unit == "month":
        y, mo = cal.shift_month(d, shift)
        val = f"{y:04d}-{mo:02d}"
    elif unit == "quarter":
        val = cal.shift_quarter(d, shift)
    elif unit == "decade":
        val = f"{d.year // 10 + shift:03d}"
    elif unit == "century":
        val = f"{d.year // 100 + shift:02d}"
    else:
        val = f"{d.year + shift:04d}"
    return [_mk(ctx, s, e, "DATE", val, prec[unit])]


# Half a unit in the next smaller one: "2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M.
_HALVES = {"Y": ("6M", False), "D": ("12H", True), "H": ("30M", True), "M": ("30S", True)}


def _duration_value(num: float | None, letter: str) -> str:
    clock = letter.startswith("T")
    letter = letter.lstrip("T")
    if num is None:
        amount = "X"
    elif num % 1 == 0.5 and (letter in ("Y", "D") or clock and letter in ("H", "M")):
        half, half_clock = _HALVES[letter]
        whole = f"{int(num)}{letter}" if num >= 1 else ""
        if half_clock and not clock:  # "1 1/2 days": P1DT12H
            return f"P{whole}T{half}"
        return f"P{'T' if clock else ''}{whole}{half}"
    else:
        if letter in ("DE", "CE"):  # TimeBank writes decades and centuries in years: P20Y
            num, letter = num * (10 if letter == "DE" else 100), "Y"
        amount = str(int(num)) if float(num).is_integer() else str(num)
    return f"P{'T' if clock else ''}{amount}{letter}"


# Units whose "N units later/earlier" is written as a length; years and months keep a date
# ("a year earlier" = last year's figure in results copy).
_SPAN_GRANS = frozenset({"second", "minute", "hour", "day", "week"})


# After "a second": a word that makes it the ordinal ("a second term"); time words keep the unit.
_ORDINAL_NEXT = re.compile(r"\s+(?!(?:ago|later|earlier|before|after|or|and|of|longer|more|too|to|in|at|the|for)\b)"
                           r"[A-Za-z]", re.I)
# "quarter(s) of" something that is not a year: a fraction
_FRACTION_OF = re.compile(r"\s+of\s+(?!(?:the|this|last|next|that|its|fiscal)\s+(?:fiscal\s+)?year\b|\d{4}\b|fiscal\b)",
                          re.I)


def r_count(m: re.Match, ctx: Context) -> list[TimeExpression]:
    if m.group("old") or (m.group("dir") or "").lower() == "old":
        return []  # ages ("a 57-year-old", "five years old") are not times of events
    unit = unit_of(m.group("unit"))
    if unit is None:
        return []
    letter, gran = unit
    num = number_value(m.group("num"))
    if m.groupdict().get("half"):  # "an hour and a half"
        num = num + 0.5 if num is not None else None
    direction = " ".join((m.group("dir") or "").lower().split())
    s, e = m.start(), m.end()
    if gran == "second" and num == 1 and not direction and _ORDINAL_NEXT.match(ctx.text, e):
        return []  # "a second term", "a second group": the ordinal, not one second
    if gran == "quarter" and num is not None and num <= 3 and _FRACTION_OF.match(ctx.text, e):
        return []  # "three-quarters of its food", "more than a quarter of the market"
    if gran == "quarter" and num is not None and 1600 <= num < 2100:
        return []  # "the 1988 quarter" is a year's quarter, not 1,988 of them
    if direction in ("later", "earlier", "before") and (gran in _SPAN_GRANS or num is None):
        # "three days later", "a day earlier": a span after or before the story's last event,
        # not a day counted from the dateline; TimeBank gives the length (P3D)
        direction = ""
    if direction in ("ago", "earlier", "before") or (direction in ("later", "from now")):
        if num is None and direction in ("ago", "earlier", "before"):
            return [_mk(ctx, s, e, "DATE", "PAST_REF", None, relative=False)]  # "several years ago"
        if num is None or ctx.dateline is None or not float(num).is_integer():
            prec = {"week": "week", "quarter": "quarter"}.get(gran, gran if gran in ("month", "year", "decade", "century") else "day")
            return [_mk(ctx, s, e, "DATE", None, prec)]  # type: ignore[arg-type]
        amount = int(num) if direction in ("ago", "earlier", "before") else -int(num)
        if ctx.earnings and gran == "year" and amount == 1:
            return [_mk(ctx, s, e, "DATE", cal.shift_quarter(ctx.dateline, -5), "quarter")]
        res = cal.ago(ctx.dateline, amount, gran)
        if res is None:
            return []
        return [_mk(ctx, s, e, "DATE", res[0], res[1])]  # type: ignore[arg-type]
    if letter == "WE":
        letter = "D"
        num = 2 * num if num is not None else None
    return [_mk(ctx, s, e, "DURATION", _duration_value(num, letter), None, relative=False)]


def r_forbare(m: re.Match, ctx: Context) -> list[TimeExpression]:
    unit = unit_of(m.group("unit"))
    if unit is None:
        return []
    return [_mk(ctx, m.start(), m.end(), "DURATION", _duration_value(None, unit[0]), None, relative=False)]


def r_deictic(m: re.Match, ctx: Context) -> list[TimeExpression]:
    word = m.group("word").lower()
    part = (m.group("part") or "").lower()
    s, e = m.start(), m.end()
    if word == "tonight":
        part = part or ""
    typ: TimexType = "TIME" if part else "DATE"
    if ctx.dateline is None:
        return [_mk(ctx, s, e, typ, None, "day")]
    d = ctx.dateline + timedelta(days=lexicon()["days_relative"][word])
    value = d.isoformat() + (f"T{lexicon()['parts_of_day'][part]}" if part else "")
    return [_mk(ctx, s, e, typ, value, "day")]


def r_daypart(m: re.Match, ctx: Context) -> list[TimeExpression]:
    rel, part = m.group("rel").lower(), m.group("part").lower()
    shift = {"this": 0, "last": -1 if part == "night" else 0, "tomorrow": 1, "yesterday": -1}[rel]
    if rel == "last" and part != "night":
        shift = -1
    if ctx.dateline is None:
        return [_mk(ctx, m.start(), m.end(), "TIME", None, "day")]
    d = ctx.dateline + timedelta(days=shift)
    return [_mk(ctx, m.start(), m.end(), "TIME", f"{d.isoformat()}T{lexicon()['parts_of_day'][part]}", "day")]


_SOON_AFTER = re.compile(r"\s+(?:after|afterwards?|thereafter)\b", re.I)
_AS_POSSIBLE = re.compile(r"\s+as\s+(?:possible|practicable|feasible)\b", re.I)  # a FUTURE_REF


def r_ref(m: re.Match, ctx: Context) -> list[TimeExpression]:
    value = lexicon()["refs"].get(" ".join(m.group().lower().split()))
    if value is None:
        return []
    if m.group().lower() == "soon" and (_SOON_AFTER.match(ctx.text, m.end()) or (
            ctx.text[max(0, m.start() - 3):m.start()].lower() == "as " and ctx.text.startswith(" as", m.end())
            and not _AS_POSSIBLE.match(ctx.text, m.end()))):
        return []  # "as soon as", "soon after": TimeML signals relating two times, not a time
    typ: TimexType = "DATE" if value.endswith("_REF") or not value.startswith("P") else "DURATION"  # PXM
    return [_mk(ctx, m.start(), m.end(), typ, value, None, relative=False)]


def r_year(m: re.Match, ctx: Context) -> list[TimeExpression]:
    s, e = m.start("y"), m.end("y")
    if not ctx.is_year(s, e):
        return []
    mod = (m.group("mod") or "").lower()
    start = m.start() if mod else s
    return [_mk(ctx, start, e, "DATE", m.group("y"), "year", relative=False)]


def r_yrange(m: re.Match, ctx: Context) -> list[TimeExpression]:
    y1, y2 = m.group("y1"), m.group("y2")
    if not ctx.is_year(m.start("y1"), m.end("y1")):
        return []
    if len(y2) == 2:
        y2 = y1[:2] + y2
    if int(y2) <= int(y1):
        return []
    return [_mk(ctx, m.start("y1"), m.end("y1"), "DATE", y1, "year", relative=False),
            _mk(ctx, m.start("y2"), m.end("y2"), "DATE", y2, "year", relative=False)]


def r_decade(m: re.Match, ctx: Context) -> list[TimeExpression]:
    dec = m.group("dec")
    if dec.startswith("'"):
        digit = dec[1]
        century = "20" if digit in "0123" else "19"
        value = century + digit
    else:
        value = dec[:3]
    return [_mk(ctx, m.start(), m.end(), "DATE", value, "decade", relative=False)]


def r_century(m: re.Match, ctx: Context) -> list[TimeExpression]:
    c = int(m.group("c"))
    if not 1 <= c <= 21:
        return []
    return [_mk(ctx, m.start(), m.end(), "DATE", f"{c - 1:02d}", "century", relative=False)]


def r_quarter(m: re.Match, ctx: Context) -> list[TimeExpression]:
    q = lexicon()["ordinals"][m.group("ord").lower()]
    given = m.group("y") or m.group("y0")
    if given:
        return [_mk(ctx, m.start(), m.end(), "DATE", f"{given}-Q{q}", "quarter", relative=False)]
    if ctx.dateline is None:
        return [_mk(ctx, m.start(), m.end(), "DATE", None, "quarter")]
    y = ctx.dateline.year if q <= cal.quarter_of(ctx.dateline) else ctx.dateline.year - 1
    if m.group("ya"):
        y -= 1
    if m.group("yrel"):  # "next year's first quarter"
        y = ctx.dateline.year + {"next": 1, "last": -1}.get(m.group("yrel").lower(), 0)
    return [_mk(ctx, m.start(), m.end(), "DATE", f"{y}-Q{q}", "quarter")]


def r_season(m: re.Match, ctx: Context) -> list[TimeExpression]:
    rel = (m.group("rel") or "").lower()
    code = _SEASON_CODES[m.group("season").lower()]
    if m.group("y"):
        return [_mk(ctx, m.start(), m.end(), "DATE", f"{m.group('y')}-{code}", "quarter", relative=False)]
    if not rel:
        return []  # a bare "spring" is too often a name ("Arab Spring") or a verb
    if ctx.dateline is None:
        return [_mk(ctx, m.start(), m.end(), "DATE", None, "quarter")]
    direction = {"last": "last", "next": "next"}.get(rel, "this")
    y = cal.season_year(ctx.dateline, code, direction)  # type: ignore[arg-type]
    return [_mk(ctx, m.start(), m.end(), "DATE", f"{y}-{code}", "quarter")]
