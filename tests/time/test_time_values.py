"""wc_timexes: the reported quarter of results copy, spelled decades, "the near term", and the
TIMEX3 type of the vague references (own made-up sentences)."""
from __future__ import annotations

from datetime import date

import pytest

OCT = date(2021, 10, 26)  # results season: the last completed calendar quarter is 2021-Q3


def _values(timexes, text, dateline=OCT):
    return {t.text: t.value for t in timexes(text, dateline)}


def test_fiscal_quarter_anchors_its_pointers(timexes):
    found = _values(timexes, "Brightwell Foods reported profit of $7 million for its fiscal first quarter "
                             "ended Sept. 30, against $6 million a year earlier. Revenue in the quarter "
                             "grew 3%.")
    assert found["first quarter"] == "2021-Q1"
    assert found["a year earlier"] == "2020-Q1"
    assert found["the quarter"] == "2021-Q1"


def test_calendar_quarter_keeps_default_and_comparison_is_not_a_report(timexes):
    found = _values(timexes, "Brightwell Foods lifted third-quarter profit 12% from a year ago. "
                             "After a flat second quarter, orders picked up. The quarter's rise came from snacks.")
    assert found["a year ago"] == "2020-Q3"
    assert found["The quarter"] == "2021-Q3"


def test_forecast_quarter_is_not_the_report(timexes):
    found = _values(timexes, "Brightwell Foods said profit dropped to $3 million in the third quarter, "
                             "down from $5 million a year earlier. It expects profit to slip in the fourth "
                             "quarter. The latest period included a charge.")
    assert found["a year earlier"] == "2020-Q3"
    assert found["The latest period"] == "2021-Q3"


def test_fourth_quarter_told_as_done_is_reported(timexes):
    found = _values(timexes, "Ralco Inc. reported a 40% decline in fourth-quarter earnings, or 60 cents a share, "
                             "compared with 90 cents a share a year earlier.", date(2021, 11, 2))
    assert found["fourth-quarter"] == "2021-Q4"
    assert found["a year earlier"] == "2020-Q4"


@pytest.mark.parametrize("text,span,value", [
    ("The band was formed in the late sixties and split up in the nineties.", "the late sixties", "196"),
    ("The band was formed in the late sixties and split up in the nineties.", "the nineties", "199"),
    ("The firm expects margins to stay thin in the near term.", "the near term", "FUTURE_REF"),
    ("Investors should hold the shares for the long term.", "the long term", "FUTURE_REF"),
])
def test_spelled_decades_and_terms(timexes, text, span, value):
    found = _values(timexes, text)
    assert found.get(span) == value, found


@pytest.mark.parametrize("text,word", [
    ("Temperatures were in the nineties across the region on Tuesday.", "nineties"),
    ("Mr. Hale, a lawyer in his forties, joined the firm in 1998.", "forties"),
    ("Banks raised short-term rates and long-term yields fell.", "term"),
    ("He was shot on the night of Oct. 23 at his home.", "night"),
])
def test_not_spelled_decades_or_terms(timexes, text, word):
    assert all(word not in t.text.lower() for t in timexes(text, OCT)), [t.text for t in timexes(text, OCT)]


def test_vague_references_are_dates(timexes):
    found = {t.text: t for t in timexes("Now the talks have recently resumed.", OCT)}
    assert (found["Now"].value, found["Now"].type) == ("PRESENT_REF", "DATE")
    assert (found["recently"].value, found["recently"].type) == ("PAST_REF", "DATE")
