"""Round 7: scene-setting clauses (participants, clauses after prepositions, restatements) and
constructions whose event has no trigger of its own type (directives, dismissals, 'put under',
causes of death, peacekeeping, inspection missions). Sentences are made up."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def types(nlp):
    def run(text: str) -> list[str]:
        return sorted(e.type for e in nlp(text)._.wc_events)
    return run


@pytest.fixture(scope="module")
def events(nlp):
    def run(text: str):
        return nlp(text)._.wc_events
    return run


# --- background (.scene) ---

def test_relative_clause_on_released_captives_is_background(types):
    assert types("The rebels said they will release the two engineers, whom they had abducted in March, "
                 "on Friday.") == ["AGREE"]


def test_relative_clause_on_demanded_object_is_background(types):
    assert types("Chile said on Monday that Peru must hand back a fishing boat that was seized by the Peruvian "
                 "navy last month.") == ["REQUEST"]


def test_clause_after_preposition_is_content(types):
    assert types("Opposition leaders demanded help from parliament in regaining control over the old "
                 "party offices.") == ["REQUEST"]


def test_when_clause_restates_the_attack(types):
    assert types("Three gunmen killed 12 villagers on Friday when they attacked a market in the north, "
                 "officials said.") == ["ASSAULT"]


def test_deaths_in_raids_a_complaint_is_about_are_background(types):
    assert types("Syria complained to the Security Council on Monday over air raids in which it said "
                 "15 people were killed.") == ["ACCUSE"]


def test_deaths_in_an_insurgency_someone_backs_stay(types):
    got = types("Moscow backs an insurgency in which more than 4,000 people have died.")
    assert "ASSAULT" in got


def test_riot_in_relative_clause_of_place_is_background(types):
    assert types("Kenya lifted a curfew in Kisumu where 12 people have been killed in riots this month.") \
        == ["CONCEDE"]


# --- constructions (.directives) ---

def test_order_to_appear_is_a_demand(events):
    evs = events("A Peruvian court has ordered former minister Juan Ortega to appear next week for questioning.")
    assert [e.type for e in evs] == ["REQUEST"]
    assert evs[0].cameo == "10"


def test_order_to_act_with_pattern_codes_the_act(types):
    assert "REQUEST" not in types("The president ordered the army to withdraw from the border town.")


def test_out_of_the_question_is_a_rejection(types):
    assert types("French officials said on Monday that lifting the embargo on Syria is out of the question.") \
        == ["REJECT"]


def test_put_under_investigation(types):
    assert types("Spanish prosecutors put a German banker under investigation over a fraud.") \
        == ["ACCUSE"]


def test_died_as_a_result_of_torture(types):
    assert types("A detained journalist died last week as a result of torture by prison guards.") == ["ASSAULT"]


def test_peacekeeping_deployment_is_aid(events):
    evs = events("The first deployment of African Union peacekeeping troops has arrived in Mogadishu.")
    assert [(e.type, e.cameo) for e in evs] == [("AID", "074")]


def test_sending_troops_stays_mobilize(types):
    assert types("Russia sent 3,000 troops to the border on Tuesday.") == ["MOBILIZE"]


def test_dispatching_inspectors_is_an_investigation(types):
    assert types("The agency has dispatched inspectors to a reactor site in northern Iran.") == ["ACCUSE"]


def test_sending_staff_to_investigate(types):
    assert types("The United Nations sent 12 civilian staff to Haiti to investigate the killings.") == ["ACCUSE"]


def test_engaged_in_keeps_the_doer_as_source(events):
    evs = events("Amnesty said government forces were involved in ethnic cleansing across the province.")
    assert [e.type for e in evs] == ["ASSAULT"]
    assert evs[0].source and evs[0].source[0].name.lower().endswith("forces")


def test_suspend_publication_is_censorship(events):
    evs = events("The military government ordered the independent daily to suspend publication.")
    assert [(e.type, e.cameo) for e in evs] == [("COERCE", "1721")]
