"""event_location: the place where the event happened."""


from place_helpers import loc


def test_talks_in_city(nlp):
    assert loc(nlp, "The two ministers held talks in Geneva on Monday.", "talks") == "Geneva"


def test_sat_down_at_headquarters(nlp):
    text = "France and its partners sat down with Iranian negotiators at NATO headquarters on Friday."
    assert loc(nlp, text, "sat") == "NATO headquarters"


def test_clashes_near_city(nlp):
    assert loc(nlp, "Heavy clashes broke out near Kharkiv overnight.", "clashes") == "Kharkiv"


def test_acting_metonym_is_never_the_location(nlp):
    assert loc(nlp, "Moscow demanded guarantees from NATO.", "demanded") is None


def test_physical_attack_takes_its_object(nlp):
    assert loc(nlp, "Government jets bombed Aleppo on Sunday.", "bombed") == "Aleppo"


def test_actor_modifier_is_not_the_location(nlp):
    text = "Two US soldiers were killed in Basra on Friday."
    assert loc(nlp, text, "killed") == "Basra"


def test_no_place_no_location(nlp):
    assert loc(nlp, "The minister resigned on Friday.", "resigned") is None
