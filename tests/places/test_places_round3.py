"""Round 3 rules: persons misread as places, organisation names, attack nouns, lists, demonyms."""
from wirecoder.places.gazetteer import adjective_place


from place_helpers import loc, names


def test_unknown_name_shot_is_a_person_not_the_place(nlp):
    text = "Wojtalik, 38, a sergeant from the Baltic coast, was shot in an ambush south of Najaf on Monday."
    assert loc(nlp, text, "shot") == "Najaf"


def test_place_inside_an_organisation_name_is_not_the_location(nlp):
    text = ("Dozens of fighters from the Islamic State of Iraq were killed on Friday during clashes "
            "with Kurdish forces in Tal Saman village near the Turkish border.")
    assert loc(nlp, text, "killed") != "Iraq"


def test_siege_on_marks_a_known_town(nlp):
    text = "Rebels said 40 soldiers were killed on Sunday in efforts to end the siege on Manbij."
    assert "Manbij" in names(nlp, text)


def test_apposition_with_place_noun_marks_unknown_name(nlp):
    text = "Police captured the gang during a raid in Kot Lalu, a small village east of the city of Multan."
    assert "Kot Lalu" in names(nlp, text)


def test_conjoined_names_before_a_place_noun(nlp):
    text = "Shells hit the Kafr Nabl and Hass villages on Tuesday."
    found = names(nlp, text)
    assert "Hass" in found and any(n.startswith("Kafr") for n in found)


def test_alternate_name_of_a_distant_town_is_not_known():
    # "Hamas" is listed as an alternate name of the German town Hamm: not a spelling of it
    from wirecoder.places.cues import _known
    from wirecoder.places.gazetteer import lookup
    assert not _known("Hamas", lookup("Hamas"))


def test_place_adjective_on_a_border_noun_locates(nlp):
    text = "Smugglers were arrested near the Syrian border on Saturday."
    assert loc(nlp, text, "arrested") == "Syrian"


def test_motion_destination_is_the_place(nlp):
    text = "Hundreds of students marched to the Madrid offices of the European Commission on Friday."
    assert loc(nlp, text, "marched") == "Madrid"


def test_plural_demonym_resolves_to_its_country():
    c = adjective_place("Venezuelans")
    assert c is not None and c.place.country == "VEN"


def test_plural_demonym_is_a_toponym(nlp):
    assert "Canadians" in names(nlp, "Many Canadians crossed the border to shop on Saturday.")


def test_street_name_is_a_toponym(nlp):
    assert "Marlowe Street" in names(nlp, "The fire started in a bakery on Marlowe Street early on Sunday.")


def test_spanish_article_is_not_los_angeles(nlp):
    assert "La" not in names(nlp, "The singer performed La Bamba to a cheering crowd.")
