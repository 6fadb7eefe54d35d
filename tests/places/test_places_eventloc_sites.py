"""Event locations: named sites, event nouns, the place a named place lies in, passive agents."""
from place_helpers import loc

from wirecoder.places.sites import site_mentions


def _sites(nlp, text):
    doc = nlp(text)
    return sorted({m.text for m in site_mentions(doc, 0, len(doc), set()).values()})


def test_named_site_beats_the_town_that_holds_it(nlp):
    text = "A suicide bomber blew himself up at the gate of the al-Rashid hotel in central Kabul on Monday."
    assert loc(nlp, text, "blew") == "al-Rashid hotel"


def test_named_site_takes_the_coordinates_of_its_town(nlp):
    text = "A suicide bomber blew himself up at the gate of the al-Rashid hotel in central Kabul on Monday."
    doc = nlp(text)
    from wirecoder.places.locate import event_location
    p = event_location(doc, next(t for t in doc if t.text == "blew"), doc._.wc_places)
    assert p is not None and p.place.country == "AFG" and p.place.lat is not None


def test_patrol_near_named_outpost(nlp):
    text = "The soldiers were patrolling near the Tamar outpost at Har Adar when the bomb went off."
    assert loc(nlp, text, "patrolling") in ("Tamar", "Tamar outpost")


def test_liberated_named_school(nlp):
    text = "Government troops liberated the Hanano School after a week of fighting."
    assert loc(nlp, text, "liberated") == "Hanano School"


def test_owners_and_acronyms_are_no_site_names(nlp):
    assert _sites(nlp, "Rockets hit a UN school and an Army base on Sunday.") == []
    assert _sites(nlp, "Doctors Without Borders hospital staff fled.") == []


def test_site_from_a_weak_preposition_is_not_the_place(nlp):
    text = "The minister, who holds a doctorate from Harvard University, was sworn in on Monday."
    assert loc(nlp, text, "holds") is None


def test_town_before_an_event_noun_situates_it(nlp):
    text = "Twelve fighters were killed in the Kandahar offensive, officials said."
    assert loc(nlp, text, "killed") == "Kandahar"


def test_country_before_an_event_noun_is_the_actor(nlp):
    text = "Four militants were killed in a US-Iraqi raid near the Syrian border on Friday."
    assert loc(nlp, text, "killed") != "US"


def test_place_on_the_agent_of_a_passive(nlp):
    text = "A police officer was shot by gunmen in the northern town of Jalalabad, officials said."
    assert loc(nlp, text, "shot") == "Jalalabad"


def test_named_place_beats_the_town_it_lies_outside(nlp):
    text = "Angry residents of the Dora refinery outside Baghdad protested at the gates on Sunday."
    assert loc(nlp, text, "protested") in ("Dora", "Dora refinery")
