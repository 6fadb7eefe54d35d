"""Round 12: lists of places, "Town, County" qualifiers, towns heading organisation names, and later
uses of a name the article already resolved."""
from __future__ import annotations

from wirecoder.places.gazetteer import lookup
from wirecoder.places.qualified import at_qualifier, qualifier_places


def _places(nlp, text):
    return {p.text: p for p in nlp(text)._.wc_places}


def test_later_names_of_a_list_take_its_setting(nlp):
    places = _places(nlp, "The chain closed its shops in Zilina, Nitra, Presov and Kosice before leaving Slovakia.")
    for name in ("Nitra", "Presov", "Kosice"):
        assert places[name].place.country == "SVK"


def test_list_of_people_is_no_list_of_places(nlp):
    places = _places(nlp, "The mayor met Jackson and Lincoln in Boston on Friday.")
    assert "Jackson" not in places
    assert places["Boston"].place.country == "USA"


def test_county_after_comma_is_a_place(nlp):
    places = _places(nlp, "Rally dates. 3 May: Lydden Hill, Kent. 19 May: Knockhill, Fife. "
                          "25 August: Rockingham, Northamptonshire.")
    assert places["Kent"].place.country == "GBR"
    assert places["Fife"].place.country == "GBR"
    rock = places["Rockingham"].place
    assert rock.country == "GBR"  # not the Australian city: the county places it
    northants = places["Northamptonshire"].place
    assert abs(rock.lat - northants.lat) < 0.5 and abs(rock.lon - northants.lon) < 0.5


def test_entity_across_a_comma_is_split(nlp):
    places = _places(nlp, "The final meeting is at Prestwold Hall, Leicestershire, in early June.")
    assert "Leicestershire" in places
    assert not any("," in name for name in places)


def test_washington_dc_is_one_place(nlp):
    places = _places(nlp, "She moved to Washington, D.C., last year to work for a charity.")
    assert "D.C." not in places
    assert places["Washington, D.C."].place.geonameid == 4140963


def test_qualifier_places_only_small_foreign_towns():
    kent = next(c for c in lookup("Kent") if c.source == "county")
    rockingham = lookup("Rockingham")
    assert qualifier_places(rockingham, kent)
    texas = lookup("Texas")
    assert not qualifier_places(texas, kent)  # a state in a list of states keeps its own reading
    local = at_qualifier("Knockhill", kent)
    assert local.place.kind == "local" and local.place.lat == kent.place.lat


def test_town_heads_organisation_name_outside_org_entity(nlp):
    places = _places(nlp, "A stolen tractor was found in a ditch on Tuesday. (Photo: Hammond PD)")
    assert places["Hammond"].place.country == "USA"
    places = _places(nlp, "Teachers at Paducah Public Schools welcomed the new contract.")
    assert places["Paducah"].place.country == "USA"


def test_acronym_heading_an_organisation_is_no_town(nlp):
    places = _places(nlp, "Source: UN High Commissioner for Refugees. Many arrived in Brazil.")
    assert "UN" not in places


def test_people_from_a_town(nlp):
    places = _places(nlp, "Foreign jets backed the brigades from Zintan during the spring offensive.")
    assert places["Zintan"].place.country == "LBY"


def test_later_uses_of_a_resolved_name(nlp):
    doc = nlp("Roadworks will slow drivers heading to Stroud from Swindon all week. "
              "The Stroud roundabout reopens on Monday morning.")
    found = [p for p in doc._.wc_places if p.text == "Stroud"]
    assert len(found) == 2
    assert all(p.place.country == "GBR" for p in found)


def test_person_name_is_not_propagated(nlp):
    doc = nlp("Few expected the champion to win in Ashford, Kent. Champion Daniel Ashford said he was happy. "
              "Ashford will defend his title.")
    starts = [p.start for p in doc._.wc_places if p.text == "Ashford"]
    assert all(s < doc.text.index("Champion") for s in starts)
