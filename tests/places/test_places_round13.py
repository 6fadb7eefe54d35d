"""Round 13: same-named places (namesakes.py) and names that are no places (nonplaces.py)."""
from __future__ import annotations

from collections import Counter

from wirecoder.places.gazetteer import lookup
from wirecoder.places.namesakes import famous_keeps_name, unsupported_alternates, weak_alternate
from wirecoder.places.resolve import Context, candidates_for


def _places(nlp, text):
    return [(p.text, p.place) for p in nlp(text)._.wc_places]


def _first(nlp, text, name):
    return next(place for t, place in _places(nlp, text) if t == name)


def _portlands():
    cs = lookup("Portland")
    texas = next(c for c in cs if c.admin1 == "TX")
    oregon = next(c for c in cs if c.admin1 == "OR")
    return cs, texas, oregon


def test_famous_city_keeps_its_name_without_a_near_place():
    cs, texas, oregon = _portlands()
    houston = ("houston", 29.76, -95.36)  # some 300 km from the small Portland
    assert famous_keeps_name(texas, cs, "portland", [houston]) is oregon
    corpus_christi = ("corpus christi", 27.80, -97.40)  # next to it
    assert famous_keeps_name(texas, cs, "portland", [corpus_christi]) is texas
    assert famous_keeps_name(oregon, cs, "portland", []) is oregon


def test_sports_story_in_texas_keeps_the_big_portland(nlp):
    text = ("HOUSTON (AP) - James Harden scored 30 points as the Houston Rockets beat the Portland Trail "
            "Blazers 110-104 on Sunday night. Houston has won eight straight at home. The Rockets play San "
            "Antonio next, then Dallas, before a trip to Portland. The Texas teams lead the division.")
    place = _first(nlp, text, "Portland")
    assert place.country == "USA" and place.lat > 40  # Oregon, not Portland, Texas


def test_city_opening_a_company_name_is_not_moved_by_the_article_country(nlp):
    text = ("WASHINGTON (AP) - The Federal Trade Commission said on Monday it is investigating how "
            "Facebook shared data with Cambridge Analytica. Lawmakers in the United States asked the "
            "company's chief to testify, and the firm's stock fell in New York.")
    assert _first(nlp, text, "Cambridge").country == "GBR"
    near = "BOSTON (AP) - Cambridge Analytica staff in Boston and Somerville were questioned on Friday."
    assert _first(nlp, near, "Cambridge").country == "USA"  # nearness still counts


def test_local_body_keeps_the_article_state(nlp):
    text = ("SPRINGFIELD, Ill. (AP) - Officers of the Cambridge Police Department in Massachusetts said "
            "on Friday they had arrested two men after a chase through Boston.")
    assert _first(nlp, text, "Cambridge").country == "USA"


def test_unrelated_alternate_name_needs_its_country_named():
    cs = candidates_for("North State", "GPE")  # through "North", an alternate name of North Salt Lake
    assert cs and all(weak_alternate("North State", c) for c in cs)
    assert unsupported_alternates("North State", cs, Context(countries=Counter({"USA": 3}),
                                                             us_states=Counter({"IL": 2})))
    state = cs[0].admin1
    assert not unsupported_alternates("North State", cs, Context(countries=Counter({"USA": 3}),
                                                                 us_states=Counter({state: 2})))
    # a spelling of the main name is no weak alternate
    kyiv = [c for c in lookup("Kiev") if c.alternate]
    assert not any(weak_alternate("Kiev", c) for c in kyiv)


def test_small_town_of_the_article_state(nlp):
    text = ("Montana officials said Tuesday that the hospital in Conrad will stay open. Montana health "
            "officials said patients in Conrad had waited for months. Montana lawmakers plan hearings.")
    place = _first(nlp, text, "Conrad")
    assert place.country == "USA" and place.lat > 47 and place.lon < -105  # Conrad, Montana


def test_bare_feature_word_is_a_local_name(nlp):
    text = ("Shop owners in Youngstown, Ohio, want residents to buy close to home. Every sale counts "
            "here in the Valley, a baker in Youngstown said.")
    place = _first(nlp, text, "Valley")
    assert place.kind == "local" and place.country == "USA"


def test_state_capitol_is_not_the_us_capitol(nlp):
    text = "Teachers in Oklahoma City filled the state Capitol on Monday to demand more school funding."
    place = _first(nlp, text, "Capitol")
    assert place.kind == "local" and abs(place.lat - 35.5) < 0.5


def test_storm_names_are_no_places(nlp):
    text = ("Two storms came ashore within a month: Laura and Sally. "
            "A year later, Hurricane Ida flooded towns in Louisiana.")
    found = {t for t, _ in _places(nlp, text)}
    assert not found & {"Laura", "Sally", "Ida"}


def test_surname_of_a_person_is_no_town(nlp):
    text = ("Title holder Daniel Ashford races again at Thruxton in Hampshire on Sunday. Few expected "
            "Ashford to win last season. His workshop is based in Ashford, Kent.")
    found = [(t, p.country) for t, p in _places(nlp, text)]
    assert found.count(("Ashford", "GBR")) <= 1  # only "in Ashford"
    starts = [p.start for p in nlp(text)._.wc_places if p.text == "Ashford"]
    assert all(text[s - 3:s] == "in " for s in starts)
