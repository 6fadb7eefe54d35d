"""Round 3 of the time stage: accounting periods, anaphoric dates, halves and fractions,
month direction in past-tense clauses, "N days later" spans (own made-up sentences)."""
from __future__ import annotations

from datetime import date

import pytest

from wirecoder.records import TimeExpression
from wirecoder.time.lexicon import number_value
from wirecoder.time.narrative import resolve_anaphora
from wirecoder.time.rules import _duration_value

THU = date(2021, 10, 28)  # a Thursday late in October


@pytest.fixture(scope="module")
def timexes(time_doc):
    def run(text, dateline=THU):
        doc = time_doc(text, dateline)
        return {t.text: t for t in doc._.wc_timexes}
    return run


CASES = [
    # accounting periods in results copy
    ("For the year ended June 30, the brewer earned $41 million.", "the year", "P1Y"),
    ("The retailer expects sales for the full year to rise 4%.", "the full year", "2021"),
    ("The miner lowered its forecast for the current fiscal year.", "the current fiscal year", "2021"),
    ("The bank made $2 billion in the latest fiscal year.", "the latest fiscal year", "2020"),
    ("The merger should close by year-end, the companies said.", "year-end", "2021"),
    ("The plant will be sold by the end of the year.", "the end of the year", "2021"),
    ("Shipments were delayed earlier in the year by floods.", "earlier in the year", "2021"),
    ("Profits should recover in the second half of 2022.", "the second half of 2022", "2022-H2"),
    ("The merger may close in next year's first quarter.", "next year's first quarter", "2022-Q1"),
    # a month named in a past-tense clause: last year's unless it is only weeks ahead
    ("The fugitive was last seen on Dec. 19, police said.", "Dec. 19", "2021-12-19"),
    ("The engineer was kidnapped on Feb. 14 near the border.", "Feb. 14", "2021-02-14"),
    ("The regulator said it set a deadline in mid-November.", "mid-November", "2021-11"),
    # "N units later/earlier" is a length, not a day counted from the dateline
    ("Two hours later, the convoy reached the border.", "Two hours later", "PT2H"),
    ("A day earlier, gunmen had stormed the village.", "A day earlier", "P1D"),
    ("Negotiators met for 3 1/2 hours on the final text.", "3 1/2 hours", "PT3H30M"),
    ("The ceasefire held for two and a half years.", "two and a half years", "P2Y6M"),
    ("The index fell for six trading days in a row.", "six trading days", "P6D"),
    # vague spans and references
    ("Fighting intensified in recent months along the front.", "recent months", "PXM"),
    ("Diplomats expect more defections in the weeks ahead.", "the weeks ahead", "PXW"),
    ("Food prices are a constant worry these days in the capital.", "these days", "PRESENT_REF"),
    # spelled and named dates
    ("Officials hope to finish the dam by the year two thousand.", "the year two thousand", "2000"),
    ("Turnout will be high on Election Day, organisers said.", "Election Day", "2021-11-02"),
    ("The cathedral dates from the 12th century.", "the 12th century", "11"),
    ("Looters stripped a 12th century chapel.", "12th century", "11"),
    ("The shelling resumed at midday.", "midday", "2021-10-28T12:00"),
    ("Markets slid by mid-afternoon yesterday in Tokyo.", "mid-afternoon yesterday", "2021-10-27TAF"),
    # "is to" + verb: an arrangement ahead
    ("The trial is to resume on Monday in The Hague.", "Monday", "2021-11-01"),
]


@pytest.mark.parametrize("text,span,value", CASES)
def test_round3_value(timexes, text, span, value):
    found = timexes(text)
    assert span in found, f"{span!r} not found in {sorted(found)}"
    assert found[span].value == value


def test_that_year_takes_the_last_mentioned_year(timexes):
    found = timexes("The exile fled to Spain in June 2015 and returned home later that year.")
    assert found["later that year"].value == "2015"


def test_the_following_day_counts_from_the_story_date(timexes):
    found = timexes("The accord was signed on March 3, 2019. The following day, rebels shelled the port.")
    assert found["The following day"].value == "2019-03-04"


def test_the_following_year_without_an_antecedent_uses_the_dateline(timexes):
    found = timexes("The company plans to open a second plant the following year.")
    assert found["the following year"].value == "2022"


def _t(s, text, typ, value):
    return TimeExpression(s, s + len(text), text, typ, value, None)


def test_resolve_anaphora_on_hand_built_records():
    found = [_t(0, "Oct. 23, 1998", "DATE", "1998-10-23"), _t(40, "1998", "DATE", "1998"),
             _t(60, "Earlier that day", "DATE", None), _t(90, "that month", "DATE", None),
             _t(120, "three years", "DURATION", "P3Y"), _t(140, "the previous day", "DATE", "2021-10-27")]
    out = resolve_anaphora(found)
    assert [t.value for t in out] == ["1998-10-23", "1998", "1998-10-23", "1998-10", "P3Y", "1998-10-22"]


def test_that_day_without_antecedent_stays_unresolved():
    out = resolve_anaphora([_t(0, "that day", "DATE", None), _t(20, "next week", "DATE", "2021-W44")])
    assert out[0].value is None and out[1].value == "2021-W44"


@pytest.mark.parametrize("words,value", [("5 1/2", 5.5), ("two and a half", 2.5), ("a", 1.0),
                                         ("couple of", 2.0), ("several", None)])
def test_number_value_fractions(words, value):
    assert number_value(words) == value


@pytest.mark.parametrize("num,letter,value", [(2.5, "Y", "P2Y6M"), (5.5, "TH", "PT5H30M"), (1.5, "TM", "PT1M30S"),
                                              (1.5, "D", "P1DT12H"), (0.5, "Y", "P6M"), (3.0, "DE", "P30Y"),
                                              (None, "W", "PXW")])
def test_duration_value_halves(num, letter, value):
    assert _duration_value(num, letter) == value
