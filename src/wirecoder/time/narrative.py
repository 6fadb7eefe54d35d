"""Anaphoric time expressions take their value from the date the story last mentioned.

"He fled in June 1998 and returned later that year": 1998, not the dateline's year.
"The talks opened on March 3. The following day ...": March 4. The antecedent is the
nearest earlier expression with a calendar value fine enough for the anaphor (a day
for "that day", a month or finer for "that month", any dated value for "that year").
"the following/previous <unit>" without such an antecedent keeps the value its rule
gave against the dateline; "that day" without one stays unresolved (value None).

One pass over the document's expressions in text order: O(n).
"""
from __future__ import annotations

import re
from datetime import date as Date, timedelta

from ..records import TimeExpression
from . import calendar as cal

_ANAPHOR = re.compile(
    r"(?i)^(?:(?:earlier|later)\s+)?(?:(?:that|the\s+same)\s+(?:same\s+|very\s+)?|"
    r"the\s+(?P<rel>following|next|previous|preceding)\s+)"
    r"(?P<unit>day|morning|afternoon|evening|night|week|month|year)$")
_DATED = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?$")
_SHIFT = {"following": 1, "next": 1, "previous": -1, "preceding": -1}
# "the next year/month/week" is mostly a span ahead ("over the next year"), not anaphoric
_SPAN_READINGS = {("next", "year"), ("next", "month"), ("next", "week")}


def _antecedent_value(unit: str, shift: int, day: Date | None, month: tuple[int, int] | None,
                      year: int | None) -> str | None:
    if unit in ("day", "morning", "afternoon", "evening", "night"):
        return (day + timedelta(days=shift)).isoformat() if day else None
    if unit == "week":
        return cal.iso_week(day, shift) if day else None
    if unit == "month":
        if month is None:
            return None
        n = month[0] * 12 + month[1] - 1 + shift
        return f"{n // 12:04d}-{n % 12 + 1:02d}"
    return f"{year + shift:04d}" if year is not None else None


def resolve_anaphora(found: list[TimeExpression]) -> list[TimeExpression]:
    """``found`` (text order) with anaphoric expressions valued from their antecedents."""
    out: list[TimeExpression] = []
    day: Date | None = None
    month: tuple[int, int] | None = None
    year: int | None = None
    for t in found:
        m = _ANAPHOR.match(t.text.strip())
        if m is not None and t.type in ("DATE", "TIME"):
            rel = (m.group("rel") or "").lower()
            unit = m.group("unit").lower()
            if (rel, unit) not in _SPAN_READINGS:
                value = _antecedent_value(unit, _SHIFT.get(rel, 0), day, month, year)
                if value is not None:
                    t = TimeExpression(t.start, t.end, t.text, "DATE", value, t.precision, True)
        out.append(t)
        dm = _DATED.match(t.value or "") if t.type in ("DATE", "TIME") else None
        if dm is None:
            continue
        y = int(dm.group(1))
        if not dm.group(2):  # a bare year keeps a day or month of that same year in view
            if y != year:
                day, month = None, None
            year = y
            continue
        year, month = y, (y, int(dm.group(2)))
        if not dm.group(3):  # a month keeps a day of that month in view
            if day is not None and (day.year, day.month) != month:
                day = None
            continue
        try:
            day = Date(y, int(dm.group(2)), int(dm.group(3)))
        except ValueError:
            day = None
    return out
