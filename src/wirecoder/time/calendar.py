"""Calendar arithmetic behind the TIMEX3 values (pure functions on datetime.date).

Direction words: "past" resolves to the occurrence on or before the dateline,
"future" to the one on or after it, "last"/"next" strictly before/after, and
"this" to the one in the dateline's own week/year.
"""
from __future__ import annotations

from datetime import date as Date, timedelta
from typing import Literal

Direction = Literal["past", "future", "neutral", "closest", "last", "next", "this"]

SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def weekday_date(dateline: Date, iso_weekday: int, direction: Direction) -> Date:
    """The date of a named weekday relative to the dateline.

    A weekday in a past or neutral clause is the one of that week before or on the
    dateline (the dateline itself when it is that weekday); a future one is the
    next on or after it; "last"/"next" skip the dateline itself.
    """
    today = dateline.isoweekday()
    if direction in ("future", "next"):
        delta = (iso_weekday - today) % 7
        if delta == 0 and direction == "next":
            delta = 7
        return dateline + timedelta(days=delta)
    if direction == "this":
        return dateline + timedelta(days=iso_weekday - today)
    delta = (today - iso_weekday) % 7
    if delta == 0 and direction == "last":
        delta = 7
    return dateline - timedelta(days=delta)


def month_year(dateline: Date, month: int, direction: Direction, day: int | None = None) -> int:
    """The year of a month (and day) named without one.

    Neutral: the dateline's year; closest: the nearest occurrence. Past: the latest such month not after the
    dateline; future: the first not before it; "last"/"next" skip the current month.
    """
    here = (dateline.month, dateline.day) if day is not None else (dateline.month,)
    there = (month, day) if day is not None else (month,)
    y = dateline.year
    if direction == "past":
        return y if there <= here else y - 1
    if direction == "last":
        return y if month < dateline.month else y - 1
    if direction == "future":
        return y if there >= here else y + 1
    if direction == "next":
        return y if month > dateline.month else y + 1
    if direction == "closest":
        # the occurrence nearest the dateline: "in January" written in October is next January
        target = Date(y, month, min(day or 15, 28))
        ref = dateline if day is not None else Date(y, dateline.month, 15)
        return min((y - 1, y, y + 1), key=lambda yy: (abs((target.replace(year=yy) - ref).days), -yy))
    return y


def shift_month(d: Date, months: int) -> tuple[int, int]:
    n = d.year * 12 + (d.month - 1) + months
    return n // 12, n % 12 + 1


def iso_week(d: Date, weeks: int = 0) -> str:
    y, w, _ = (d + timedelta(weeks=weeks)).isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: Date) -> int:
    return (d.month - 1) // 3 + 1


def shift_quarter(d: Date, quarters: int) -> str:
    n = d.year * 4 + quarter_of(d) - 1 + quarters
    return f"{n // 4}-Q{n % 4 + 1}"


def season_year(dateline: Date, season: str, direction: Direction) -> int:
    """Year of a named season: "last summer" in January is the previous year's."""
    start = SEASON_MONTHS[season]
    y = dateline.year
    if direction == "last":
        return y if dateline.month >= start + 3 else y - 1
    if direction == "next":
        return y if dateline.month < start else y + 1
    return y


def ago(dateline: Date, amount: int, gran: str) -> tuple[str, str] | None:
    """The value of "N <unit>s ago": (value, precision) at the unit's granularity."""
    if gran in ("day", "hour", "minute", "second"):
        days = amount if gran == "day" else 0
        return (dateline - timedelta(days=days)).isoformat(), "day"
    if gran == "week":
        return iso_week(dateline, -amount), "week"
    if gran == "month":
        y, m = shift_month(dateline, -amount)
        return f"{y:04d}-{m:02d}", "month"
    if gran == "quarter":
        return shift_quarter(dateline, -amount), "quarter"
    if gran == "year":
        return f"{dateline.year - amount:04d}", "year"
    if gran == "decade":
        return f"{(dateline.year - 10 * amount) // 10:03d}", "decade"
    if gran == "century":
        return f"{(dateline.year - 100 * amount) // 100:02d}", "century"
    return None
