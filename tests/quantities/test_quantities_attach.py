"""event_counts: size, dead, injured, arrested for one trigger."""
from wirecoder.quantities.attach import event_counts


def counts(nlp, text, trigger):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    return event_counts(doc, tok, doc._.wc_quantities)


def test_massed_troops_size(nlp):
    assert counts(nlp, "Russia massed some 100,000 troops near the border.", "massed") == {"size": 100000}


def test_troops_massed_as_participle(nlp):
    text = "Talks began with some 60,000 troops massed near the frontier."
    assert counts(nlp, text, "massed") == {"size": 60000}


def test_dead_in_relative_clause(nlp):
    text = "Moscow backs an insurgency in which more than 9,000 people have died."
    assert counts(nlp, text, "insurgency") == {"dead": 9000}


def test_expelled_staff_size(nlp):
    assert counts(nlp, "Six of its diplomats were expelled last year.", "expelled") == {"size": 6}


def test_arrested(nlp):
    assert counts(nlp, "Police arrested 40 demonstrators on Sunday.", "arrested") == {"arrested": 40}


def test_count_in_another_sentence_is_not_taken(nlp):
    text = "Soldiers fired on the crowd. Later, 30 people gathered at the hospital."
    assert counts(nlp, text, "fired") == {}
