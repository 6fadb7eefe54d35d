"""Setting cues that mark a name as a place when NER misses or mislabels it: a possessor of a noun
only places own, the object of a movement or control verb, the "to"/"from" of a journey, a place noun
in or around the name, and a compass direction "of" it. People in the same settings stay out."""
from __future__ import annotations

import pytest

from wirecoder.places.cues import _owner_setting, _setting, cue_mentions

from place_helpers import names


def _cue_texts(nlp, text):
    doc = nlp(text)
    return [doc[s:e].text for s, e in cue_mentions(doc, set())]


def _tok(doc, word):
    return next(t for t in doc if t.text == word)


def test_owner_of_streets_is_a_place(nlp):
    doc = nlp("Kandahar's streets were quiet on Friday after the curfew began.")
    assert _owner_setting(_tok(doc, "Kandahar")) == "noun"


def test_owner_of_personal_place_is_not(nlp):
    doc = nlp("Reporters walked the dusty lanes of Okafor's home village in the east.")
    assert _owner_setting(_tok(doc, "Okafor")) == ""


def test_person_possessive_view_stays_out(nlp):
    doc = nlp("In Smith's view, the talks in Geneva had failed.")
    t = _tok(doc, "Smith")
    assert _setting(doc, t.i, t.i + 1) == ""
    assert "Smith" not in names(nlp, "In Smith's view, the talks in Geneva had failed.")


def test_area_around_unknown_name(nlp):
    doc = nlp("The area around Qaryat Zamzam is patrolled by army units every night.")
    start = _tok(doc, "Qaryat").i
    assert _setting(doc, start, start + 2) == "noun"


def test_villages_in_name(nlp):
    doc = nlp("Rebels have captured many villages and towns in Bajaur.")
    t = _tok(doc, "Bajaur")
    assert _setting(doc, t.i, t.i + 1) == "noun"


def test_compass_of_name(nlp):
    doc = nlp("The convoy was ambushed 30 kilometres north of Tal Hadid on Sunday.")
    start = _tok(doc, "Tal").i
    assert _setting(doc, start, start + 2) == "noun"


@pytest.mark.parametrize("text,name", [
    ("Marines patrolled coastal Lhokseumawe after the riots.", "Lhokseumawe"),
    ("The family moved to Cirencester when she was six.", "Cirencester"),
    ("Grozny's streets are patrolled by soldiers day and night.", "Grozny"),
])
def test_known_towns_found(nlp, text, name):
    assert name in names(nlp, text)


def test_spoke_to_person_is_not_a_journey(nlp):
    doc = nlp("The minister spoke to Franklin about the budget on Tuesday.")
    t = _tok(doc, "Franklin")
    assert _setting(doc, t.i, t.i + 1) == ""


def test_surname_of_named_person_not_taken_by_a_verb(nlp):
    text = ("Benjamin Franklin toured the printing works in the morning. "
            "Later that day reporters visited Franklin at his office.")
    assert "Franklin" not in _cue_texts(nlp, text)
