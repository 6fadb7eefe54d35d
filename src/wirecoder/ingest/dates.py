"""Datelines: parse what a source gives as the publication date."""
from __future__ import annotations

import re
from datetime import date as Date, datetime

from ..errors import BadDate

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_dateline(value: str | Date | datetime | None) -> Date | None:
    """A date from ISO text (a time part is ignored), a date or a datetime; None stays None.

    Other formats ("12 Jan 2022", RFC 822 feed dates) go through dateparser.
    Raises BadDate when text is given but no date can be read from it.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, Date):
        return value
    text = str(value).strip()
    if not text:
        return None
    m = _ISO.match(text)
    if m:
        try:
            return Date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError as exc:
            raise BadDate(f"not a calendar date: {text!r}") from exc
    import dateparser  # slow import: only when a non-ISO date shows up

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    if parsed is None:
        raise BadDate(f"cannot read a date from {text!r}")
    return parsed.date()
