"""Event coding through the full pipeline on short made-up news sentences."""
from __future__ import annotations

import pytest


def types(analysis) -> list[str]:
    return [e.type for e in analysis.events]


@pytest.mark.parametrize("text, expected", [
    ("Police arrested twenty opposition activists in the capital on Monday.", "COERCE"),
    ("Thousands of teachers staged a strike over unpaid wages.", "PROTEST"),
    ("The minister rejected the proposal from the opposition.", "REJECT"),
    ("The government imposed new sanctions on the regime.", "SANCTION"),
    ("The two presidents held talks in Paris on Tuesday.", "CONSULT"),
    ("The foreign minister condemned the bombing of the embassy.", "ACCUSE"),
    ("Rebels seized control of the town after heavy fighting.", "ASSAULT"),
    ("The army deployed tanks along the border.", "MOBILIZE"),
    ("The opposition urged the president to resign.", "REQUEST"),
    ("The prime minister praised the peace deal.", "SUPPORT"),
    ("The rebels released twelve hostages on Friday.", "RETREAT"),
])
def test_main_event_type(analyze, text, expected):
    a = analyze(text, date="2023-05-02")
    assert expected in types(a), types(a)
    top = max(a.events, key=lambda e: e.confidence or 0)
    assert top.type == expected


def test_participle_clause_is_part_of_the_attack(analyze):
    a = analyze("Gunmen attacked a police station, killing five officers.", date="2023-05-02")
    assert types(a) == ["ASSAULT"]


def test_natural_disaster_is_not_an_assault(analyze):
    a = analyze("A powerful earthquake killed forty people in the mountains.", date="2023-05-02")
    assert "ASSAULT" not in types(a)


def test_announced_aid_is_an_agreement(analyze):
    a = analyze("Japan said it will provide emergency food aid to the flood victims.", date="2023-05-02")
    assert types(a) == ["AGREE"]
    assert a.events[0].future


def test_modal_makes_an_event_hypothetical(analyze):
    a = analyze("The envoys could discuss a prisoner exchange next week.", date="2023-05-02")
    ev = next(e for e in a.events if e.type == "CONSULT")
    assert ev.hypothetical


def test_condition_is_not_an_event(analyze):
    a = analyze("It is unclear whether the army will attack the city.", date="2023-05-02")
    assert "ASSAULT" not in types(a)


def test_headline_restating_the_story_is_not_a_second_event(analyze):
    text = "Leaders hold talks in Vienna\n\nThe two leaders held talks in Vienna on Monday."
    a = analyze(text, date="2023-05-02")
    assert types(a) == ["CONSULT"]
    assert a.events[0].trigger[0] > text.index("\n")


def test_one_event_per_trigger_and_evidence_contains_trigger(analyze):
    text = ("The rebels occupied and annexed the northern province. Police detained dozens of "
            "protesters and later released them.")
    a = analyze(text, date="2023-05-02")
    triggers = [e.trigger for e in a.events]
    assert len(triggers) == len(set(triggers))
    assert types(a).count("COERCE") == 2  # occupied+annexed is one; detained is the other
    for e in a.events:
        assert e.evidence[0] <= e.trigger[0] and e.trigger[1] <= e.evidence[1]
        assert 0.0 <= e.confidence <= 1.0
