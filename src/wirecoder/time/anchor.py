"""Event dates: which time expression dates an event (owned by the time stage)."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..records import Precision, TimeExpression


def event_date(doc: Doc, trigger: Token, timexes: tuple[TimeExpression, ...]) -> tuple[str | None, Precision | None]:
    """The date of the event whose trigger is ``trigger``: its own clause's date, else its
    sentence's, else the dateline for present-tense reporting. Returns (value, precision).

    Stub until the time stage writes it: the dateline, else nothing.
    """
    d = doc._.wc_dateline
    return (d.isoformat(), "day") if d else (None, None)
