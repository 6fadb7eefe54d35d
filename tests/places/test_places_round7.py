"""Round 7: US counties and postal towns from the zipcodes package; places inside organisation
names; all-caps datelines; demonyms in coordination and new demonym rows."""
import math

from wirecoder.places.gazetteer import adjective_place
from wirecoder.places.resolve import candidates_for
from wirecoder.places.uszip import county_key, split_county, us_counties, us_towns_named


def _km(a, b, lat, lon):
    p1, p2 = math.radians(a), math.radians(lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon - b) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def placed(nlp, text, name):
    return [p.place for p in nlp(text)._.wc_places if p.text == name]


def test_split_county_and_keys():
    assert split_county("Horry County") == ("Horry", "County")
    assert split_county("Orleans Parish's") == ("Orleans", "Parish")
    assert split_county("Collier Co.") == ("Collier", "County")
    assert split_county("the county") is None and split_county("County") is None
    assert county_key("Saint Croix") == county_key("St. Croix") == "st croix"


def test_county_index_points_and_suffix():
    horry = us_counties("Horry County")
    assert len(horry) == 1 and horry[0].admin1 == "SC" and horry[0].place.kind == "county"
    assert _km(horry[0].place.lat, horry[0].place.lon, 33.90, -78.98) < 40
    # the county word must agree: a Louisiana parish is no county of Vermont or New York
    assert {c.admin1 for c in us_counties("Orleans Parish")} == {"LA"}
    assert "LA" not in {c.admin1 for c in us_counties("Orleans County")}
    assert us_counties("Saint Croix County")[0].admin1 == "WI"
    assert us_counties("Nowhereville County") == ()


def test_county_word_beats_same_named_city():
    cands = candidates_for("Hamilton County", "GPE")
    assert cands and all(c.place.kind == "county" for c in cands)


def test_postal_towns_below_geonames_floor():
    towns = us_towns_named("Glenrock")
    assert towns and towns[0].admin1 == "WY"
    assert _km(towns[0].place.lat, towns[0].place.lon, 42.86, -105.87) < 30


def test_county_in_the_article_state(nlp):
    text = ("Deputies in Tennessee said a man was arrested on Tuesday after a chase that began in "
            "Chattanooga and ended in Hamilton County near the state line.")
    [p] = placed(nlp, text, "Hamilton County")
    assert p.kind == "county" and p.country == "USA"
    assert _km(p.lat, p.lon, 35.18, -85.16) < 60   # Tennessee's, not Ohio's or Indiana's


def test_parish_and_county_named_with_state(nlp):
    text = "Flooding closed roads in Tangipahoa Parish, La., and in Collier County, Fla., officials said."
    [parish] = placed(nlp, text, "Tangipahoa Parish")
    [collier] = placed(nlp, text, "Collier County")
    assert parish.kind == "county" and _km(parish.lat, parish.lon, 30.63, -90.40) < 60
    assert _km(collier.lat, collier.lon, 26.10, -81.38) < 60


def test_county_inside_an_agency_name(nlp):
    # three Walker Counties (Ala., Ga., Texas): the one near the article's town
    text = "The Walker County Sheriff's Office said the highway to Chattanooga, Tenn., was reopened on Friday."
    [p] = placed(nlp, text, "Walker County")
    assert p.kind == "county" and _km(p.lat, p.lon, 34.74, -85.30) < 60


def test_small_town_with_its_state_abbreviation(nlp):
    text = "A storm knocked out power to 3,000 homes in Glenrock, Wyo., the utility said on Monday."
    [p] = placed(nlp, text, "Glenrock")
    assert p.country == "USA" and _km(p.lat, p.lon, 42.86, -105.87) < 30


def test_postal_town_needs_its_state_in_the_article(nlp):
    # no state named: a name only the postal table knows stays unresolved or local, never a guess
    text = "Residents of Glenrock gathered at the school on Monday."
    assert all(p.place.geonameid is None and (p.place.lat is None or p.place.kind == "local")
               for p in nlp(text)._.wc_places if p.text == "Glenrock")


def test_person_name_is_not_a_postal_town(nlp):
    text = ("Foreign Minister Chrystia Freeland met her counterpart in Ottawa. Freeland, speaking to "
            "reporters in Ontario, said talks would resume.")
    assert "Freeland" not in [p.text for p in nlp(text)._.wc_places]


def test_town_opening_a_police_department_name(nlp):
    text = "Officers of the Beverly Hills Police Department closed the street on Saturday."
    [p] = placed(nlp, text, "Beverly Hills")
    assert p.country == "USA" and _km(p.lat, p.lon, 34.07, -118.40) < 20


def test_generic_word_opening_an_organisation_is_no_town(nlp):
    names = [p.text for p in nlp("The Central Bank and the Federal Reserve Board cut rates.")._.wc_places]
    assert "Central" not in names and "Federal" not in names


def test_all_caps_dateline(nlp):
    text = "PLEASANTON - A software company said on Tuesday it would hire 200 workers."
    [p] = placed(nlp, text, "PLEASANTON")
    assert p.country == "USA" and _km(p.lat, p.lon, 37.66, -121.87) < 20


def test_demonyms_in_coordination_and_new_rows(nlp):
    text = "Jamaican and Omani delegates met American and Mexican counterparts."
    adj = {p.text: p.place.country for p in nlp(text)._.wc_places if p.adjectival}
    assert adj == {"Jamaican": "JAM", "Omani": "OMN", "American": "USA", "Mexican": "MEX"}
    assert adjective_place("Iowan").place.name == "Iowa"
