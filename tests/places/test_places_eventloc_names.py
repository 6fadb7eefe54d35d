"""Event locations: "X, in Y" (the place before the comma is the more specific one) and unknown village names."""
from place_helpers import loc


def test_unknown_village_in_the_act_chain_beats_a_reference_point(nlp):
    text = "The fugitive was captured on Friday, hiding in a barn on a farm in Al-Qaryah not far from Tikrit."
    assert loc(nlp, text, "captured") == "Al-Qaryah"


def test_unknown_name_after_attack_on(nlp):
    text = "Nine villagers were killed in the attack on Beit Harun/Tell Safra."
    assert loc(nlp, text, "killed") == "Beit Harun/Tell Safra"


def test_no_unknown_name_for_a_person_target(nlp):
    text = "The senator said his recent attacks on Trump had helped his campaign."
    assert loc(nlp, text, "attacks") is None


def test_no_unknown_name_in_a_headline(nlp):
    assert loc(nlp, "Rebels Storm Into Compound Of Local Warlord", "Storm") is None


def test_town_before_comma_in_province(nlp):
    text = "Three police officers were killed when clashes broke out in the town of Silopi, in Sirnak province, on Friday."
    assert loc(nlp, text, "killed") == "Silopi"

