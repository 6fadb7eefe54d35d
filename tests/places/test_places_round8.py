"""Regression: a name tried in several variants ("Eastern District", "Eastern", "District") whose postal
town lies in a state the article does not name must not crash the place stage."""
from __future__ import annotations


def test_court_district_in_a_us_article(analyze):
    text = ("RICHMOND, Va. - Federal prosecutors in Virginia's Eastern District charged two United States "
            "citizens on Monday. Virginia officials said the Eastern District court would hear the case.")
    a = analyze(text, date="2024-05-02")
    assert any(p.place.name == "Virginia" for p in a.places)
    assert not any(p.place.name == "Eastern" for p in a.places)  # a Kentucky postal town, not in this story


def test_a_possessive_place_of_a_structure_is_where_the_act_happened(analyze):
    a = analyze("Army units guarded Nigeria's main oil installations after the attacks.", date="2024-05-02")
    assert not any(p.metonym for p in a.places if p.text.startswith("Nigeria"))
    b = analyze("Marines patrolled Libya's oil fields on Monday.", date="2024-05-02")
    ev = [e for e in b.events if e.type == "MOBILIZE"]
    assert ev and ev[0].location is not None and ev[0].location.place.country == "LBY"
