"""Round 4 of the event stage: CAMEO idioms and verb classes (criticism idioms, showing weapons,
weapon tests, planting bombs, holding someone as a witness), title-case headline plurals, and
framing event nouns ("amid protests") when nothing verbal is coded."""
from __future__ import annotations


def types(a):
    return {e.type for e in a.events}


def one(a, typ):
    found = [e for e in a.events if e.type == typ]
    assert found, [(e.type, e.cameo) for e in a.events]
    return found[0]


def test_took_a_parting_shot_is_criticism_not_shooting(analyze):
    a = analyze("The mayor took a parting shot at the state transport board on Friday.", date="2023-03-01")
    assert one(a, "ACCUSE").cameo == "111"
    assert "ASSAULT" not in types(a)


def test_took_a_swipe_at(analyze):
    a = analyze("The opposition leader took a swipe at the finance minister over the budget.", date="2023-03-01")
    assert "ACCUSE" in types(a) and "ASSAULT" not in types(a)


def test_aiming_a_weapon_at_people_shows_force(analyze):
    a = analyze("A police officer aims his rifle at students near the university in Caracas.", date="2023-03-01")
    ev = one(a, "MOBILIZE")
    assert ev.cameo == "152"


def test_aim_at_without_weapon_is_no_event(analyze):
    a = analyze("The new law aims at improving access to clean water in rural areas.", date="2023-03-01")
    assert "MOBILIZE" not in types(a)


def test_missile_test_is_force_posture(analyze):
    a = analyze("North Korea carried out a ballistic missile test on Sunday.", date="2023-03-01")
    ev = one(a, "MOBILIZE")
    assert ev.cameo == "152"


def test_testing_a_missile_verb(analyze):
    a = analyze("Iran tested a new cruise missile in the Gulf on Tuesday.", date="2023-03-01")
    assert "MOBILIZE" in types(a) and "ASSAULT" not in types(a)


def test_planting_a_bomb_is_explosive_assault(analyze):
    a = analyze("Militants planted a bomb under a bridge outside Mosul on Monday.", date="2023-03-01")
    assert one(a, "ASSAULT").cameo == "183"


def test_held_as_a_witness_is_detention(analyze):
    a = analyze("A retired port official was held as a witness in the fraud inquiry.", date="2023-03-01")
    assert one(a, "COERCE").cameo == "173"


def test_held_talks_is_not_detention(analyze):
    a = analyze("Kenya and Ethiopia held talks on the border dispute in Nairobi.", date="2023-03-01")
    assert "COERCE" not in types(a) and "CONSULT" in types(a)


def test_title_case_headline_plural_is_looked_up_by_singular(analyze):
    a = analyze("Amid Protests, Farm Minister Defends Water Plan In Valencia", date="2023-03-01")
    assert "PROTEST" in types(a)


def test_framing_protest_coded_when_nothing_verbal(analyze):
    a = analyze("Amid protests in the capital, the old statue was quietly moved to a museum.", date="2023-03-01")
    assert "PROTEST" in types(a)


def test_named_historical_war_is_not_an_event(analyze):
    a = analyze("In the decades following the Civil War, the town became a busy market centre.", date="2023-03-01")
    assert "ASSAULT" not in types(a)


def test_framing_meeting_is_setting_not_news(analyze):
    a = analyze("During the summit in Lima, the city centre was decorated with flags.", date="2023-03-01")
    assert "CONSULT" not in types(a)


def test_lives_lost_in_an_attack_are_assault(analyze):
    a = analyze("Eleven villagers lost their lives in a mortar attack near the border on Monday.", date="2023-03-01")
    assert "ASSAULT" in types(a)


def test_lives_lost_in_an_accident_are_no_event(analyze):
    a = analyze("Four fishermen lost their lives when their boat capsized in a storm.", date="2023-03-01")
    assert a.events == ()


def test_fronted_participle_with_uncoded_doer_is_not_news(analyze):
    a = analyze("Scolded by a rival faction, the small party is being pulled into the coalition talks "
                "by its own members.", date="2023-03-01")
    assert "ACCUSE" not in types(a)


def test_fronted_participle_with_coded_doer_stays(analyze):
    a = analyze("Criticized by France, Mali is moving closer to its eastern neighbours.", date="2023-03-01")
    assert "ACCUSE" in types(a)


def test_announced_plan_content_is_intent(analyze):
    a = analyze("The government announced a plan to cut aid to Ghana.", date="2023-03-01")
    ev = one(a, "THREATEN")
    assert ev.future and "SANCTION" not in types(a)


def test_policy_focused_on_ending_aid_is_intent(analyze):
    a = analyze("The cabinet unveiled a new foreign policy focused on ending military assistance to Chad.",
                date="2023-03-01")
    assert "THREATEN" in types(a) and "SANCTION" not in types(a)


def test_resolution_content_is_still_not_an_event(analyze):
    a = analyze("Delegates debated a resolution that aims to impose a naval blockade on Libya.", date="2023-03-01")
    assert "SANCTION" not in types(a) and "THREATEN" not in types(a)


def test_released_figures_are_not_a_release_of_prisoners(analyze):
    a = analyze("Kenya recorded two million visitors last year, according to figures released by the tourism "
                "ministry on Monday.", date="2023-03-01")
    assert "RETREAT" not in types(a)


def test_released_a_report_is_no_event(analyze):
    a = analyze("The statistics office released a report on rural incomes on Tuesday.", date="2023-03-01")
    assert "RETREAT" not in types(a)


def test_released_prisoners_still_retreat(analyze):
    a = analyze("Ethiopia released 40 Eritrean prisoners on Tuesday.", date="2023-03-01")
    assert "RETREAT" in types(a)


def test_flames_shot_up_is_no_shooting(analyze):
    a = analyze("Flames shot up from the warehouse roof on Friday night.", date="2023-03-01")
    assert "ASSAULT" not in types(a)


def test_gunmen_shot_up_a_bar(analyze):
    a = analyze("Gunmen shot up a bar in the northern city of Culiacan on Saturday.", date="2023-03-01")
    assert "ASSAULT" in types(a)


def test_plan_owner_is_source(analyze):
    a = analyze("The Ghanaian government announced a plan to cut aid to Togo.", date="2023-03-01")
    ev = one(a, "THREATEN")
    assert {r.code for r in ev.source} == {"GHA"} and {r.code for r in ev.target} == {"TGO"}


def test_possessor_of_plan_is_source(analyze):
    a = analyze("Russia's plan to invade Ukraine was announced by Moscow.", date="2023-03-01")
    ev = one(a, "THREATEN")
    assert {r.code for r in ev.source} == {"RUS"}
