"""event_date: clause date, else governing sentence's date, else dateline for current reporting."""
from __future__ import annotations

from datetime import date

import pytest

from wirecoder.records import TimeExpression
from wirecoder.time.anchor import _as_event_date, event_date

WED = date(2022, 1, 12)


@pytest.fixture(scope="module")
def date_of(time_doc):
    def run(text, trigger, dateline=WED):
        doc = time_doc(text, dateline)
        tok = next(t for t in doc if t.text == trigger)
        return event_date(doc, tok, doc._.wc_timexes)
    return run


@pytest.mark.parametrize("text,trigger,expected", [
    ("Allied envoys met Russian officials in Brussels on Wednesday.", "met", ("2022-01-12", "day")),
    ("The embassy was closed in October last year.", "closed", ("2021-10", "month")),
    ("Moscow said on Monday that it would pull back its troops.", "pull", ("2022-01-10", "day")),
    ("Russia has massed troops near the border, officials say.", "massed", ("2022-01-12", "day")),
    ("The minister says the talks are useful.", "says", ("2022-01-12", "day")),
    ("The rebels seized the airport.", "seized", (None, None)),
    ("Talks lasted more than seven hours.", "lasted", (None, None)),
    ("In 2014, the two sides broke off cooperation.", "broke", ("2014", "year")),
    ("The ministers will meet on Friday.", "meet", ("2022-01-14", "day")),
])
def test_event_dates(date_of, text, trigger, expected):
    assert date_of(text, trigger) == expected


def test_own_clause_wins_over_the_sentence(date_of):
    text = "On Tuesday the envoy said the troops had left the city in 2014."
    assert date_of(text, "left") == ("2014", "year")
    assert date_of(text, "said") == ("2022-01-11", "day")


def test_no_dateline_gives_nothing_for_relative_dates(date_of):
    assert date_of("The envoys met on Monday.", "met", None) == (None, None)


@pytest.mark.parametrize("value,expected", [
    ("2022-01-10TMO", ("2022-01-10", "day")),
    ("2022-W02", ("2022-01", "month")),
    ("2021-Q3", ("2021", "year")),
    ("199", ("199", "decade")),
])
def test_value_shapes(value, expected):
    assert _as_event_date(TimeExpression(0, 1, "x", "DATE", value, None), WED) == expected
