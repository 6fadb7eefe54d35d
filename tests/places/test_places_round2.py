"""Round 2 rules: places found by their setting, reference points, possessors, facilities, focus."""
from wirecoder.places.component import _focus
from wirecoder.places.gazetteer import Candidate
from wirecoder.records import Place


from place_helpers import loc, names


def test_place_noun_marks_unknown_name(nlp):
    # "the village of X" makes X a toponym even when neither NER nor the gazetteer knows it
    assert "Zarqawiyeh" in names(nlp, "Rebels stormed the village of Zarqawiyeh before dawn.")


def test_name_before_place_noun(nlp):
    assert "Qasr Tamir" in names(nlp, "Three people were wounded in Qasr Tamir district on Monday.")


def test_reference_point_is_not_the_location(nlp):
    text = "Protesters marched through the town of Kalehe, 60 kilometres north of Bukavu, on Sunday."
    assert loc(nlp, text, "marched") == "Kalehe"


def test_possessor_place_yields_to_the_place_it_owns(nlp):
    text = "A car bomb exploded on Tuesday in Syria's northern city of Aleppo."
    assert loc(nlp, text, "exploded") == "Aleppo"


def test_facility_modifier_is_a_location(nlp):
    text = "Hundreds of students demonstrated outside a Cairo hotel on Friday."
    assert loc(nlp, text, "demonstrated") == "Cairo"


def test_physical_object_before_larger_region(nlp):
    text = "The rebels overran Goma in North Kivu province last week."
    assert loc(nlp, text, "overran") == "Goma"


def test_common_word_at_sentence_start_is_no_town(nlp):
    assert "Most" not in names(nlp, "Most were detained in Herat after the raid.")


def _cand(name, kind, country, admin1="", score=5.0):
    return Candidate(Place(name=name, kind=kind, country=country, lat=1.0, lon=1.0), score, kind, admin1=admin1)


def test_focus_prefers_town_of_named_state():
    other = _cand("Franklin Square", "city", "USA", "NY", 4.5)
    home = _cand("New Orleans", "city", "USA", "LA", 5.6)
    state = _cand("Louisiana", "state", "USA", "LA", 6.5)
    assert _focus([other, other, home, state]).name == "New Orleans"


def test_capitalised_country_code_is_not_a_stop_word(nlp):
    assert "US" in names(nlp, "Most of the aid comes from the US and Japan.")
