"""The offline gazetteer: names, coordinates, priorities (no spaCy needed)."""
import pytest

from wirecoder.places.gazetteer import adjective_place, lookup, norm


def test_norm_drops_article_accents_and_case():
    assert norm("the Élysée") == "elysee"
    assert norm("  The  Gaza   Strip ") == "gaza strip"


@pytest.mark.parametrize("name,country,kind", [
    ("Russia", "RUS", "country"), ("Britain", "GBR", "country"), ("U.S.", "USA", "country"),
    ("Crimea", "UKR", "region"), ("Donbas", "UKR", "region"), ("Gaza Strip", "PSE", "region"),
    ("the Pentagon", "USA", "landmark"), ("Kremlin", "RUS", "landmark"), ("Kiev", "UKR", "city"),
    ("Ill.", "USA", "state"), ("Alberta", "CAN", "region"),
])
def test_lookup_best_candidate(name, country, kind):
    best = lookup(name)[0]
    assert best.place.country == country
    assert best.place.kind == kind


def test_institution_seat_resolves_to_its_city():
    nato = lookup("NATO headquarters")[0].place
    assert nato.country == "BEL" and abs(nato.lat - 50.88) < 0.1 and abs(nato.lon - 4.42) < 0.1
    un = lookup("UN headquarters")[0].place
    assert un.country == "USA" and abs(un.lat - 40.75) < 0.1


def test_larger_place_first():
    assert lookup("Paris")[0].place.country == "FRA"
    assert lookup("Moscow")[0].place.country == "RUS"
    assert lookup("Washington")[0].place.kind == "city"  # the capital before the state


def test_country_coordinates_are_country_points_not_capitals():
    russia = lookup("Russia")[0].place
    assert (russia.lat, russia.lon) == (60.0, 100.0)
    assert russia.geonameid == 2017370


def test_adjectives_map_to_places():
    assert adjective_place("Russian").place.country == "RUS"
    assert adjective_place("Kurdish").place.name == "Kurdistan"
    assert adjective_place("Table") is None
