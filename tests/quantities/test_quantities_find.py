"""find_quantities through the pipeline on made-up sentences."""


def qs(nlp, text):
    return nlp(text)._.wc_quantities


def one(nlp, text):
    found = qs(nlp, text)
    assert len(found) == 1, found
    return found[0]


def test_some_troops(nlp):
    q = one(nlp, "The army has gathered some 40,000 troops along the frontier.")
    assert q.value == 40000 and q.unit == "troops" and q.approx == "some"
    assert q.text.startswith("some 40,000")


def test_more_than_people_died(nlp):
    q = one(nlp, "The war, in which more than 2,500 people have died, goes on.")
    assert q.value == 2500 and q.unit == "dead" and q.approx == "more than"


def test_of_phrase_counts_the_noun(nlp):
    q = one(nlp, "Five of its diplomats were ordered to leave.")
    assert q.value == 5 and q.unit == "staff"


def test_arrested_dozens(nlp):
    q = one(nlp, "Police arrested dozens of protesters in the capital.")
    assert q.value == 24 and q.unit == "arrested" and q.approx == "dozens"


def test_injured(nlp):
    found = {q.unit: q.value for q in qs(nlp, "At least 12 people were injured in the blast.")}
    assert found == {"injured": 12}


def test_hours_duration_is_a_count(nlp):
    q = one(nlp, "After more than nine hours of talks, the envoys left.")
    assert q.value == 9 and q.unit == "hours"


def test_years_dates_percent_money_are_skipped(nlp):
    text = "In 2019, on 5 March, prices rose 20% and the fund spent $3 million."
    assert qs(nlp, text) == ()


def test_ordinal_skipped(nlp):
    assert qs(nlp, "It was the third round of talks.") == ()


def test_million_in_words(nlp):
    q = one(nlp, "Nearly 1.5 million refugees have crossed the border.")
    assert q.value == 1_500_000 and q.approx == "nearly"
