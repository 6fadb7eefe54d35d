"""Round 9: names built on a demonym or a place that are other things, institutions "X of Y",
inner names of unknown longer names, Arabic articles, alternates and the dateline focus."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from wirecoder.places.component import _inner_place
from wirecoder.places.cues import _opens_of_name
from wirecoder.places.gazetteer import _article_forms, lookup
from wirecoder.places.resolve import _spelling


def _places(nlp, text):
    return {p.text: p for p in nlp(text)._.wc_places}


def test_arabic_article_forms():
    assert _article_forms("Al Qāmishlī") == ["Qāmishlī"]
    assert _article_forms("Ar-Raqqah") == ["Raqqah"]
    assert _article_forms("El Paso") == []      # Spanish, and too short a rest
    assert _article_forms("Alexandria") == []
    assert any(c.place.country == "SYR" for c in lookup("Qamishli"))


def test_spelling_of_main_name_versus_unrelated_alternate():
    town = lookup("Calamba")[0]
    assert _spelling("CALAMBA CITY", town)
    bend = next(c for c in lookup("South Bend") if c.place.country == "USA")
    assert not _spelling("Southold", bend)


def test_inner_place_of_unknown_names():
    nlp = spacy.blank("en")
    tokyo = _inner_place(nlp.make_doc("British Embassy Tokyo")[:])
    assert tokyo is not None and tokyo.country == "JPN"
    germany = _inner_place(nlp.make_doc("Nazi Germany")[:])
    assert germany is not None and germany.country == "DEU"
    # named after a place, not in it
    assert _inner_place(nlp.make_doc("Washington Square")[:]) is None
    assert _inner_place(nlp.make_doc("Mississippi River")[:]) is None
    # an embassy of a country stands elsewhere
    assert _inner_place(nlp.make_doc("Embassy of Armenia")[:]) is None


def test_institution_of_place_opens_an_organisation_name():
    words = ["He", "studied", "at", "the", "University", "of", "Alberta", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, ents=["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O"])
    assert _opens_of_name(doc, 4, 5)
    doc = Doc(spacy.blank("en").vocab, words=words, ents=["O"] * 8)
    assert not _opens_of_name(doc, 4, 5)  # no organisation: leave the cue alone


def test_university_of_a_province_is_not_the_town_university(nlp):
    ps = _places(nlp, "Dr. Karen Holt, a geologist at the University of Alberta, said the wells near "
                      "Edmonton could heat homes across Alberta.")
    assert "University" not in ps
    assert ps["Alberta"].place.country == "CAN"


def test_demonym_quarter_is_a_local_name_not_the_country(nlp):
    text = ("NEW ORLEANS - Tourists crowded the French Quarter on Saturday as the festival opened. "
            "Hotels in New Orleans were full, city officials said.")
    ps = _places(nlp, text)
    assert "French" not in ps
    fq = ps["French Quarter"]
    assert fq.place.country == "USA" and abs(fq.place.lat - 29.95) < 0.5


def test_embassy_in_a_named_city(nlp):
    ps = _places(nlp, "A trade official from the British Embassy Tokyo announced that beef exports would resume in May.")
    p = next(p for t, p in ps.items() if "Tokyo" in t)
    assert p.place.country == "JPN"


def test_dateline_town_is_the_focus_of_local_names(nlp):
    text = ("CAIRO - Boys train every evening at the British International School in the suburbs. "
            "Liverpool fans watch on television. Liverpool won again, and Liverpool supporters cheered. "
            "Coaches said Liverpool inspires them.")
    ps = _places(nlp, text)
    school = next(p for t, p in ps.items() if "School" in t)
    assert school.place.country == "EGY"


def test_state_abbreviation_la(nlp):
    ps = _places(nlp, "The boy drowned in a backyard pool in Slidell, La., on Friday, police said.")
    assert ps["La."].place.name == "Louisiana"


def test_niger_delta_is_the_region_not_niger(nlp):
    ps = _places(nlp, "Militants attacked an oil pipeline in the Niger Delta on Tuesday, the army said.")
    p = next(p for t, p in ps.items() if "Niger" in t)
    assert p.place.country == "NGA"
