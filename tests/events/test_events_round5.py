"""Round 5 of the event stage: shows of force by patrol, captures told as liberation or securing,
and imminent acts ("is about to", "poised to") flagged as future."""
from __future__ import annotations


def of_type(a, typ):
    return [e for e in a.events if e.type == typ]


def test_troops_patrolling_streets_is_a_show_of_force(analyze):
    a = analyze("Army units patrolled the streets of the capital after the curfew began.", date="2024-05-02")
    ev = of_type(a, "MOBILIZE")
    assert ev and ev[0].cameo == "150"


def test_passive_patrol_keeps_the_patrolling_side_as_source(analyze):
    a = analyze("The border crossing at Tak is patrolled by Thai marines.", date="2024-05-02")
    ev = of_type(a, "MOBILIZE")
    assert ev, [(e.type, e.cameo) for e in a.events]
    assert any(s.code == "THA" for s in ev[0].source), ev[0].source


def test_liberated_a_town_is_a_capture(analyze):
    a = analyze("Government forces liberated the town of Sirte from the militants on Sunday.", date="2024-05-02")
    ev = of_type(a, "ASSAULT")
    assert ev and ev[0].cameo == "190"


def test_liberated_hostages_is_a_release_not_a_capture(analyze):
    a = analyze("Special forces liberated twelve hostages held by the kidnappers.", date="2024-05-02")
    assert of_type(a, "RETREAT") and not of_type(a, "ASSAULT"), [(e.type, e.cameo) for e in a.events]


def test_secured_a_district_is_a_capture_but_securing_a_deal_is_not(analyze):
    a = analyze("The army secured the eastern district after two days of fighting.", date="2024-05-02")
    assert any(e.cameo == "190" for e in of_type(a, "ASSAULT"))
    b = analyze("The company secured a loan from the bank.", date="2024-05-02")
    assert not of_type(b, "ASSAULT")


def test_is_about_to_marks_an_imminent_act_as_future(analyze):
    a = analyze("Norway is about to reopen its embassy in Tehran after a long break.", date="2024-05-02")
    ev = of_type(a, "COOPERATE")
    assert ev and ev[0].future
    b = analyze("Norway reopened its embassy in Tehran after a long break.", date="2024-05-02")
    assert of_type(b, "COOPERATE") and not of_type(b, "COOPERATE")[0].future


def test_poised_to_capture_is_future(analyze):
    a = analyze("Rebel forces are poised to capture the provincial capital.", date="2024-05-02")
    ev = of_type(a, "ASSAULT")
    assert ev and ev[0].future


def crowd_control(a):
    return [e for e in of_type(a, "ASSAULT") if e.mode == "crowd-control" and e.cameo == "175"]


def test_tear_gas_and_batons_against_a_crowd_are_assault(analyze):
    for text in ("Police fired tear gas at farmers marching on the capital.",
                 "Riot police used water cannon and batons against the students.",
                 "Security forces dispersed the demonstrators with rubber bullets.",
                 "the police resorted to a lathicharge to disperse the mob near the market."):
        a = analyze(text, date="2024-05-02")
        assert crowd_control(a), (text, [(e.type, e.mode) for e in a.events])
        assert not of_type(a, "COERCE")


def test_a_crowd_that_disperses_by_itself_is_no_event(analyze):
    a = analyze("The crowd dispersed quietly after the minister left.", date="2024-05-02")
    assert not crowd_control(a) and not of_type(a, "COERCE")


def test_crackdown_by_arrests_and_suppressing_a_report_stay_coerce(analyze):
    a = analyze("The government suppressed the audit report for two years.", date="2024-05-02")
    assert of_type(a, "COERCE") and not of_type(a, "ASSAULT")
    b = analyze("Police cracked down on opposition activists across the province.", date="2024-05-02")
    assert of_type(b, "COERCE") and not crowd_control(b)


def test_opened_fire_on_protesters_is_no_protest_by_the_shooters(analyze):
    a = analyze("Soldiers opened fire on marchers near the central square.", date="2024-05-02")
    assert of_type(a, "ASSAULT")
    for ev in of_type(a, "PROTEST"):
        assert not any(s.sector == "MIL" for s in ev.source), ev.source
    b = analyze("Dock workers went on strike on Monday.", date="2024-05-02")
    assert of_type(b, "PROTEST")


def test_what_protesters_do_is_the_protest(analyze):
    a = analyze("Protesters gathered outside the court on Tuesday.", date="2024-05-02")
    assert [e.cameo for e in of_type(a, "PROTEST")] == ["141"]
    b = analyze("Demonstrators hurled stones at the police station.", date="2024-05-02")
    assert [e.cameo for e in of_type(b, "PROTEST")] == ["145"] and not of_type(b, "ASSAULT")
    c = analyze("Protesters blocked the ring road for three hours.", date="2024-05-02")
    assert [e.cameo for e in of_type(c, "PROTEST")] == ["144"]


def test_a_subject_constraint_does_not_fire_for_other_subjects(analyze):
    a = analyze("Students gathered in the library before the exam.", date="2024-05-02")
    assert not a.events
    b = analyze("Militants hurled grenades at the checkpoint.", date="2024-05-02")
    assert of_type(b, "ASSAULT") and not of_type(b, "PROTEST")


def test_cameo_sub_codes_of_coercion_follow_cameo(analyze):
    cases = [("The army imposed a curfew on the city after the riots.", "COERCE", "1723"),
             ("The junta imposed martial law in three provinces.", "COERCE", "1724"),
             ("The ministry shut down two opposition newspapers.", "COERCE", "1721"),
             ("Soldiers blockaded the port for a week.", "COERCE", "191"),
             ("Militants blew up a gas pipeline near the border.", "ASSAULT", "1712"),
             ("Settlers torched olive groves and two houses.", "ASSAULT", "1712")]
    for text, typ, cameo in cases:
        a = analyze(text, date="2024-05-02")
        assert any(e.type == typ and e.cameo == cameo for e in a.events), (text, [(e.type, e.cameo) for e in a.events])


def test_deaths_in_a_backed_conflict_take_its_sides(analyze):
    a = analyze("Tehran backs a rebellion in western Sudan in which more than 4,000 people have died.",
                date="2024-05-02")
    ev = of_type(a, "ASSAULT")
    assert ev, [(e.type, e.source, e.target) for e in a.events]
    assert {s.code for s in ev[0].source} == {"IRN"} and {t.code for t in ev[0].target} == {"SDN"}


def test_deaths_without_a_conflict_noun_keep_their_own_sides(analyze):
    a = analyze("Tehran backs a plan for western Sudan, where more than 4,000 people have died.", date="2024-05-02")
    for ev in of_type(a, "ASSAULT"):
        assert "IRN" not in {s.code for s in ev.source}


def test_a_participle_after_a_preposition_describes_its_noun(analyze):
    a = analyze("China has moved warships around already partly blockaded Taiwan.", date="2024-05-02")
    assert not of_type(a, "COERCE"), [(e.type, e.source) for e in a.events]
    b = analyze("China blockaded Taiwan for three days.", date="2024-05-02")
    assert of_type(b, "COERCE")


def test_defending_ones_own_policy_is_declining_to_yield(analyze):
    a = analyze("The EU defended its visa policy against criticism from Ankara.", date="2024-05-02")
    assert [(e.type, e.cameo) for e in of_type(a, "REJECT")] == [("REJECT", "124")], [(e.type, e.cameo) for e in a.events]
    b = analyze("France defended the president against the allegations.", date="2024-05-02")
    assert of_type(b, "SUPPORT") and not of_type(b, "REJECT")


def test_veto_and_defiance_carry_their_cameo_codes(analyze):
    a = analyze("Russia vetoed the draft resolution on Monday.", date="2024-05-02")
    assert [e.cameo for e in of_type(a, "REJECT")] == ["129"]
    b = analyze("The junta defied the court's ruling.", date="2024-05-02")
    assert [e.cameo for e in of_type(b, "REJECT")] == ["128"]


def test_maintaining_a_stance_is_declining_to_yield_but_maintaining_rates_is_no_event(analyze):
    a = analyze("Beijing will maintain its position on the disputed islands, a spokesman said.", date="2024-05-02")
    assert [e.cameo for e in of_type(a, "REJECT")] == ["124"]
    b = analyze("The central bank decided to maintain interest rates.", date="2024-05-02")
    assert not of_type(b, "REJECT")
