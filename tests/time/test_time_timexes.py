"""wc_timexes: detection spans and TIMEX3 values against a dateline (own made-up sentences)."""
from __future__ import annotations

from datetime import date

import pytest
import spacy

from wirecoder.time.component import find_timexes

WED = date(2022, 1, 12)  # a Wednesday


CASES = [
    # weekdays: the one before or on the dateline in past/neutral clauses, the next one in future ones
    ("Envoys met at the alliance's headquarters on Wednesday.", "Wednesday", "2022-01-12"),
    ("The two delegations held talks in Vienna on Monday.", "Monday", "2022-01-10"),
    ("The minister flew to Ankara Tuesday to brief his counterpart.", "Tuesday", "2022-01-11"),
    ("Rebels shelled the town on Sunday, residents said.", "Sunday", "2022-01-09"),
    ("The foreign ministers will meet on Friday in Geneva.", "Friday", "2022-01-14"),
    ("The summit is scheduled to open on Monday.", "Monday", "2022-01-17"),
    ("Troops withdrew last Wednesday from the border area.", "last Wednesday", "2022-01-05"),
    ("Officials said Thursday's vote was postponed.", "Thursday", "2022-01-06"),
    ("Police dispersed protesters on Monday morning.", "Monday morning", "2022-01-10TMO"),
    # months, month-year, relative years
    ("The embassy was closed in October last year.", "October last year", "2021-10"),
    ("The ceasefire collapsed in March 1998 after a week.", "March 1998", "1998-03"),
    ("The treaty was signed on Jan. 5, 2020 in Paris.", "Jan. 5, 2020", "2020-01-05"),
    ("Parliament ratified the accord on 3 March 2015.", "3 March 2015", "2015-03-03"),
    ("Elections are due in November.", "November", "2021-11"),
    ("The government collapsed last year.", "last year", "2021"),
    ("The army plans to recruit more soldiers next year.", "next year", "2023"),
    ("Prices rose sharply earlier this month.", "earlier this month", "2022-01"),
    ("Exports fell this month.", "this month", "2022-01"),
    ("The council met last month in New York.", "last month", "2021-12"),
    ("The talks resumed this week in Geneva.", "this week", "2022-W02"),
    ("The rebels attacked two weeks ago.", "two weeks ago", "2021-W52"),
    ("The bridge was blown up three days ago.", "three days ago", "2022-01-09"),
    ("The envoy arrived in the capital yesterday.", "yesterday", "2022-01-11"),
    ("The court will rule tomorrow.", "tomorrow", "2022-01-13"),
    ("The president speaks today in Kyiv.", "today", "2022-01-12"),
    # years, decades, ranges
    ("The council has not met since 2019.", "2019", "2019"),
    ("In 2014, the two sides broke off cooperation.", "2014", "2014"),
    ("The conflict began in the 1990s.", "the 1990s", "199"),
    ("The tribunal was set up in 1993.", "1993", "1993"),
    ("The mission ran from 2014 to 2016.", "2016", "2016"),
    ("The mission ran from 2014 to 2016.", "2014", "2014"),
    ("The drought of 2011-12 killed thousands.", "12", "2012"),
    # durations and sets
    ("After more than seven hours of bargaining, the meeting ended.", "more than seven hours", "PT7H"),
    ("The siege lasted three years.", "three years", "P3Y"),
    # "the past year" is dated as the year before the dateline (TimeBank's practice)
    ("Inflation has doubled over the past year.", "the past year", "2021"),
    ("The inspectors will stay for two weeks.", "two weeks", "P2W"),
    ("The monitors report every week to the council.", "every week", "P1W"),
    ("The border is patrolled daily by both armies.", "daily", "P1D"),
    # references to the present and past
    ("The country is now under martial law.", "now", "PRESENT_REF"),
    ("The army recently deployed tanks to the north.", "recently", "PAST_REF"),
    ("The crisis deepened in the third quarter.", "the third quarter", "2021-Q3"),
    ("Fighting eased over Christmas.", "Christmas", "2021-12-25"),
]


@pytest.mark.parametrize("text,span,value", CASES)
def test_timex_value(timexes, text, span, value):
    found = {t.text: t for t in timexes(text)}
    assert span in found, f"{span!r} not found in {sorted(found)}"
    assert found[span].value == value


@pytest.mark.parametrize("text,word", [
    ("Diplomats may meet again soon, but nothing is set.", "may"),
    ("Thousands march through the capital every year.", "march"),
    ("The veteran sat down with reporters on the steps.", "sat"),
    ("The army deployed 2000 troops to the border.", "2000"),
    ("The council passed resolution 2254 unanimously.", "2254"),
    ("The 57-year-old minister resigned.", "57-year-old"),
])
def test_traps_are_not_dates(timexes, text, word):
    assert all(word.lower() not in t.text.lower() for t in timexes(text) if t.type in ("DATE", "TIME"))


def test_dateline_on_the_named_weekday_is_that_day(timexes):
    (t,) = [t for t in timexes("Officials said on Wednesday the talks were useful.") if t.text == "Wednesday"]
    assert t.value == "2022-01-12" and t.precision == "day"


def test_no_dateline_keeps_relative_spans_unresolved(timexes):
    found = {t.text: t for t in timexes("The ministers met on Monday and again last year, in 2014.", None)}
    assert found["Monday"].value is None and found["Monday"].anchored is False
    assert found["last year"].value is None and found["last year"].anchored is False
    assert found["2014"].value == "2014" and found["2014"].anchored is True


def test_precision_and_types(timexes):
    found = {t.text: t for t in timexes("In October last year, and in 2014, talks lasted three years.")}
    assert found["October last year"].precision == "month"
    assert found["2014"].precision == "year"
    assert found["three years"].type == "DURATION" and found["three years"].precision is None


def test_offsets_point_at_the_text(timexes):
    text = "Sherman met officials in Geneva on Monday, two days after the 2021 vote."
    for t in timexes(text):
        assert text[t.start:t.end] == t.text


def test_works_without_a_parse():
    """A bare Doc (no tagger/parser): weekdays fall back to the one before the dateline."""
    from wirecoder.nlp.extensions import register_extensions
    register_extensions()
    nlp = spacy.blank("en")
    doc = nlp("Envoys met on Tuesday and again in March 2019.")
    doc._.wc_dateline = WED
    found = {t.text: t.value for t in find_timexes(doc)}
    assert found == {"Tuesday": "2022-01-11", "March 2019": "2019-03"}
