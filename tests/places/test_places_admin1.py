"""Generated first-level divisions of every country (data/places/admin1_all.tsv, places/admin1.py)."""
from __future__ import annotations

import pytest

from wirecoder.places.admin1 import Division, divisions, index_names
from wirecoder.places.gazetteer import lookup


def _places(nlp, text):
    return {p.text: p.place for p in nlp(text)._.wc_places}


def test_table_covers_many_countries():
    ds = divisions()
    assert len(ds) > 2000
    assert len({d.country for d in ds}) > 150
    codes = {d.code: d for d in ds}
    assert codes["NG-BE"].country == "NGA" and 6.0 < codes["NG-BE"].lat < 8.5   # Benue
    assert codes["PH-LAG"].country == "PHL" and 13.5 < codes["PH-LAG"].lat < 15.0  # Laguna
    assert "Bavaria" in codes["DE-BY"].names
    assert "West Java" in codes["ID-JB"].names


def test_generic_names_only_with_their_type_word():
    d = Division(("Delta",), "NG-DE", "NGA", "State", 5.7, 5.9)
    assert index_names(d) == [("Delta State", True)]
    d = Division(("Benue",), "NG-BE", "NGA", "State", 7.3, 8.8)
    assert ("Benue", False) in index_names(d) and ("Benue State", True) in index_names(d)


def test_lookup_keeps_countries_and_big_cities_first():
    assert lookup("Niger")[0].place.kind == "country"
    assert lookup("Lagos")[0].place.kind == "city"
    assert lookup("Lagos State")[0].place.kind == "region"
    assert lookup("Benue")[0].place.country == "NGA"


@pytest.mark.parametrize("text,name,iso3", [
    ("Gunmen attacked travellers in Zamfara, a state in northwest Nigeria.", "Zamfara", "NGA"),
    ("Police in Delta State arrested five suspects over the kidnapping of a pastor.", "Delta State", "NGA"),
    ("Health officials in Sokoto state reported 40 new cholera cases.", "Sokoto", "NGA"),
    ("Floods displaced thousands of families in Laguna province, south of Manila.", "Laguna province", "PHL"),
    ("The typhoon made landfall in Cagayan province in the northern Philippines.", "Cagayan province", "PHL"),
    ("Heavy rains in West Java triggered landslides, Indonesian officials said.", "West Java", "IDN"),
    ("The governor of Minas Gerais declared an emergency after the dam collapsed in Brazil.",
     "Minas Gerais", "BRA"),
    ("Farmers in Mato Grosso protested against the new tax, Brazilian media reported.", "Mato Grosso", "BRA"),
    ("Clashes erupted in Nakuru County, Kenya, after the election results were announced.",
     "Nakuru County", "KEN"),
    ("Troops were sent to Khyber Pakhtunkhwa after militants attacked a checkpoint in Pakistan.",
     "Khyber Pakhtunkhwa", "PAK"),
    ("Vietnamese officials said the storm hit Quang Ngai province overnight.", "Quang Ngai province", "VNM"),
    ("An outbreak of measles in Akwa Ibom has killed 14 children, Nigeria's health ministry said.",
     "Akwa Ibom", "NGA"),
])
def test_divisions_in_sentences(nlp, text, name, iso3):
    p = _places(nlp, text)[name]
    assert p.kind == "region" and p.country == iso3


def test_city_keeps_its_name(nlp):
    ps = _places(nlp, "Traders in Lagos said prices had doubled since January.")
    assert ps["Lagos"].kind == "city"
    # a town of 100,000 in the division's own country is what "in Enugu" means
    ps = _places(nlp, "Traders in Enugu said the market fire destroyed 200 shops.")
    assert ps["Enugu"].kind == "city"


def test_division_never_displaces_a_country_or_us_state(nlp):
    ps = _places(nlp, "Niger's army said it had repelled an attack near the border.")
    assert ps["Niger"].kind == "country"
    ps = _places(nlp, "Officials in Montana said the fire had burned 3,000 acres.")
    assert ps["Montana"].country == "USA"


def test_division_inside_a_longer_name_is_not_read(nlp):
    ps = _places(nlp, "The Seoul Central District Court sentenced the former minister.")
    assert all(p.country == "KOR" for p in ps.values())
