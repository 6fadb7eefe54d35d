"""Round 10: acronyms are no lower-case towns, an exact town name beats an unrelated alternate,
short forms of a longer named place, and cities with a small namesake are not "clear" anchors."""
from __future__ import annotations

from wirecoder.places.gazetteer import lookup
from wirecoder.places.resolve import _acronym, _town_rival, candidates_for


def _places(nlp, text):
    return {p.text: p for p in nlp(text)._.wc_places}


def test_acronym_shape():
    assert _acronym("OAS") and _acronym("WA")
    assert not _acronym("Oas")
    assert not _acronym("ROME")      # a dateline town, four letters
    assert not _acronym("Ga.")       # an AP abbreviation


def test_acronym_is_no_lowercase_town():
    assert lookup("Oas")                       # the Philippine town is in the gazetteer ...
    assert candidates_for("OAS", "ORG") == ()  # ... but the capitals are the organisation
    la = candidates_for("LA", "GPE")
    assert la and la[0].place.name == "Los Angeles"  # a listed abbreviation stays


def test_acronym_not_read_as_town_in_text(nlp):
    places = _places(nlp, "Delegates met at the OAS headquarters on Monday, and doctors at the CHU "
                          "in Montpellier treated the injured.")
    assert "OAS" not in places
    assert "CHU" not in places
    assert places["Montpellier"].place.country == "FRA"


def test_exact_name_beats_unrelated_alternate():
    cands = candidates_for("Charleston", "GPE")
    assert cands and all(c.place.name == "Charleston" for c in cands)  # not Charlestown, Lorain, ...
    # with no town of exactly that name, the alternate is kept (an exonym)
    assert candidates_for("Southold", "GPE") == () or all(c.alternate for c in candidates_for("Southold", "GPE"))


def test_country_full_name_over_person_reading_and_short_form(nlp):
    places = _places(nlp, "The minister said Trinidad and Tobago failed to attend the meeting. "
                          "Officials in Trinidad said the delegation was delayed.")
    assert places["Trinidad and Tobago"].place.country == "TTO"
    assert places["Trinidad"].place.country == "TTO"   # not Trinidad, Bolivia or La Trinidad


def test_short_form_of_a_county(nlp):
    places = _places(nlp, "Deputies in Suffolk County arrested a man on Friday. He had lived in Suffolk "
                          "for twenty years, the sheriff said.")
    assert places["Suffolk County"].place.kind == "county"
    assert places["Suffolk"].place.kind == "county"    # not Suffolk, Virginia


def test_short_form_leaves_country_and_big_city_names():
    # "Mexico" after "Mexico City" and "Kansas" after "Kansas City" are other places: never shortened
    assert any(c.place.kind == "country" for c in candidates_for("Mexico", "GPE"))
    assert any(c.place.kind == "state" for c in candidates_for("Kansas", "GPE"))


def test_short_form_in_text_keeps_country(nlp):
    places = _places(nlp, "Flights from Mexico City were delayed. Mexico said it would protest.")
    assert places["Mexico"].place.kind == "country"


def test_city_with_small_namesake_is_no_clear_anchor():
    riverdale = next(c for c in lookup("Riverdale") if not c.alternate)
    assert _town_rival(riverdale)         # towns of that name in Illinois, New York, Utah
    paris = next(c for c in lookup("Paris") if c.place.country == "FRA")
    assert not _town_rival(paris)
