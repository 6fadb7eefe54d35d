"""wc_timexes round 4: TIMEX3 part-of-day values, tense cues for named days, and words that
look like times but are not (own made-up sentences; dateline Wednesday 2022-01-12)."""
from __future__ import annotations


import pytest

VALUES = [
    # a weekday with a part of day is a TIME with TIMEX3's suffix
    ("Gunmen opened fire on the convoy on Monday night, police said.", "Monday night", "2022-01-10TNI", "TIME"),
    ("The envoy arrived in Kabul on Tuesday morning.", "Tuesday morning", "2022-01-11TMO", "TIME"),
    # a present-tense clause with a weekday is a plan ahead; a present "says" is not
    ("The two presidents meet separately Friday with the mediator.", "Friday", "2022-01-14", "DATE"),
    ("The ministry says Monday's raid killed four militants.", "Monday", "2022-01-10", "DATE"),
    # a past perfect plan is a day already gone
    ("The ceasefire had been due to expire Sunday evening.", "Sunday evening", "2022-01-09TEV", "TIME"),
    # "until" in a present or perfect clause is a deadline ahead
    ("The court has given the parties until Friday to respond.", "Friday", "2022-01-14", "DATE"),
    # "set"/"push" plan a day only when they set that day
    ("The index fell from the record high set on Dec. 20.", "Dec. 20", "2021-12-20", "DATE"),
    ("The vote was pushed back to Monday.", "Monday", "2022-01-17", "DATE"),
    # a perfect progressive clause is past: the date is the last one, not the next
    ("Police have been hunting the gunman since the Oct. 3 attack.", "Oct. 3", "2021-10-03", "DATE"),
    # "effective" dates take the nearest occurrence whatever the tense
    ("The bank named a new chief, effective March 1.", "March 1", "2022-03-01", "DATE"),
    ("They were freed a week or so ago.", "a week or so ago", "2022-W01", "DATE"),
    # "as soon as possible" is a time of its own
    ("The envoy urged both sides to resume talks as soon as possible.", "soon", "FUTURE_REF", "DATE"),
]


@pytest.mark.parametrize("text,span,value,typ", VALUES)
def test_round4_values(timexes, text, span, value, typ):
    found = {t.text: t for t in timexes(text)}
    assert span in found, f"{span!r} not found in {sorted(found)}"
    assert (found[span].value, found[span].type) == (value, typ)


@pytest.mark.parametrize("text,word", [
    ("Aid workers said the convoy could leave as soon as Thursday.", "soon"),
    ("The hostages were freed soon after the raid began.", "soon"),
    ("The company raised its quarterly dividend to 40 cents.", "quarterly"),
    ("Analysts doubt the firm's future earnings will recover.", "future"),
    ("The country imports about three-quarters of its grain.", "quarter"),
    ("Voters gave the mayor a second term in office.", "second"),
    ("The treaty was signed by Sandra Day and two other envoys.", "day"),
    ("The ministers of Austria and Jan Novak of Slovakia signed the pact.", "jan"),
])
def test_round4_not_times(timexes, text, word):
    assert all(word not in t.text.lower() for t in timexes(text)), [t.text for t in timexes(text)]


def test_round4_still_times(timexes):
    found = {t.text: t.value for t in timexes(
        "The future of the talks is unclear; losses mounted for several quarters, "
        "and the rebels will strike again soon.")}
    assert found.get("The future") == "FUTURE_REF"
    assert found.get("several quarters") == "PXQ"
    assert found.get("soon") == "FUTURE_REF"
