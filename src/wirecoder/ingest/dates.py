"""Datelines: parse what a source gives as the publication date.

A dateline anchors every relative date in the article ("on Wednesday",
"last month"), so it must be an absolute, full calendar date. Relative
values ("yesterday", "2 days ago") and partial ones ("January 2022") are
refused with BadDate rather than resolved against today's clock or padded
to the first of the month: either would silently change the output.
"""
from __future__ import annotations

import re
from datetime import date as Date, datetime
from email.utils import parsedate_to_datetime

from ..errors import BadDate

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_]|[+-]\d\d:?\d\d|Z)")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")  # 20220112
# RFC 822 as in RSS: "Wed, 12 Jan 2022 10:00:00 GMT" (the weekday is optional)
_RFC822 = re.compile(r"^\s*(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d")
_DATEPARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["absolute-time", "custom-formats"],  # no "relative-time": no clock-dependent values
}


def parse_dateline(value: str | Date | datetime | None) -> Date | None:
    """A date from ISO text (a time part is ignored), a date or a datetime; None and "" give None.

    RFC 822 dates (feeds) keep the publisher's local calendar day. Other
    absolute formats ("12 Jan 2022", "January 12, 2022") go through dateparser.
    Raises BadDate when text is given but no full absolute date can be read from it.
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
    m = _ISO.match(text) or _COMPACT.match(text)
    if m:
        return _ymd(text, m.group(1), m.group(2), m.group(3))
    if _RFC822.match(text):
        try:
            return parsedate_to_datetime(text).date()
        except (TypeError, ValueError):
            pass  # fall through to dateparser
    if len(text) > 100 or not any(c.isdigit() for c in text):
        raise BadDate(f"cannot read a date from {text[:60]!r}")
    import dateparser  # slow import: only when an unusual date format shows up

    try:
        parsed = dateparser.parse(text, languages=None, settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError):
        parsed = None
    if parsed is None:
        raise BadDate(f"cannot read a full calendar date from {text!r}")
    return parsed.date()


def _ymd(text: str, y: str, m: str, d: str) -> Date:
    try:
        return Date(int(y), int(m), int(d))
    except ValueError as exc:
        raise BadDate(f"not a calendar date: {text!r}") from exc
