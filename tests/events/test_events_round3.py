"""Round 3 of the event stage: indirect targets (places, protest purposes, threat conditions), the
source's own people, doers of what is acted on, and groups named by their place."""
from __future__ import annotations


def one(a, typ):
    found = [e for e in a.events if e.type == typ]
    assert found, [(e.type, e.cameo) for e in a.events]
    return found[0]


def codes(refs):
    return {r.code for r in refs}


def test_place_object_is_target_even_if_same_country(analyze):
    # the truckers are Spanish and Madrid is in Spain: a place object is still the target
    a = analyze("Angry Spanish truckers said on Monday they would blockade Madrid from Wednesday.", date="2023-03-01")
    ev = one(a, "THREATEN")
    assert codes(ev.target) == {"ESP"}


def test_locative_place_is_target_of_physical_act(analyze):
    a = analyze("Serbia lifted the night curfew in Kosovo on Sunday.", date="2023-03-01")
    ev = one(a, "CONCEDE")
    assert [r.name for r in ev.target] == ["Kosovo"] and ev.target[0].code


def test_uncoded_victims_take_country_of_place(analyze):
    a = analyze("Two gunmen killed 14 people at a market in Kabul on Friday.", date="2023-03-01")
    ev = one(a, "ASSAULT")
    assert codes(ev.target) == {"AFG"}


def test_protest_target_from_purpose_clause(analyze):
    a = analyze("Hundreds of Kenyan teachers staged a sit-in on Friday to protest against Uganda's decision "
                "to close the border.", date="2023-03-01")
    ev = one(a, "PROTEST")
    assert codes(ev.target) == {"UGA"}


def test_protest_target_is_not_the_protesters_themselves(analyze):
    a = analyze("Students in Caracas blocked a highway to show their anger at France's trade policies.",
                date="2023-03-01")
    ev = one(a, "PROTEST")
    assert codes(ev.target) == {"FRA"}
    assert codes(ev.source) == {"VEN"}  # "students in Caracas": the group of a place


def test_threat_condition_names_target(analyze):
    a = analyze("Ethiopia threatened to launch a new offensive unless Eritrea withdrew its troops.", date="2023-03-01")
    ev = one(a, "THREATEN")
    assert codes(ev.target) == {"ERI"}


def test_own_forces_are_not_target(analyze):
    a = analyze("NATO on Monday rejected a request for its troops to be sent to Moldova.", date="2023-03-01")
    ev = one(a, "REJECT")
    assert "IGO" not in codes(ev.target)


def test_doer_of_what_is_investigated(analyze):
    a = analyze("Polish prosecutors opened an investigation into abuses committed by Belarusian guards.",
                date="2023-03-01")
    ev = one(a, "ACCUSE")
    assert codes(ev.target) == {"BLR"}


def test_answered_demand_names_its_author(analyze):
    a = analyze("The prime minister conceded to demands from Hungary to reform the courts.", date="2023-03-01")
    ev = one(a, "CONCEDE")
    assert codes(ev.target) == {"HUN"}


def test_object_of_permitted_clause(analyze):
    a = analyze("The rebels refused to allow Turkish aid planes to land in the province.", date="2023-03-01")
    ev = one(a, "REJECT")
    assert codes(ev.target) == {"TUR"}


def test_occurrence_noun_victims_from_verb_object(analyze):
    a = analyze("A roadside explosion near the town killed three Nigerian soldiers on Monday.", date="2023-03-01")
    ev = one(a, "ASSAULT")
    assert codes(ev.target) == {"NGA"}


def test_purpose_clause_target_as_last_resort(analyze):
    a = analyze("Denmark is willing to send equipment to help defend Latvia, its minister said.", date="2023-03-01")
    ev = one(a, "AGREE")
    assert codes(ev.target) == {"LVA"}


def test_prepositions_of_conjoined_objects():
    # hand-built parse: "Troops launched rockets and fire against camps" with 'against' on the conjunct
    import spacy
    from spacy.tokens import Doc

    from wirecoder.events.objects import target_candidates
    words = ["Troops", "launched", "rockets", "and", "fire", "against", "camps"]
    heads = [1, 1, 1, 2, 2, 4, 5]
    deps = ["nsubj", "ROOT", "dobj", "cc", "conj", "prep", "pobj"]
    pos = ["NOUN", "VERB", "NOUN", "CCONJ", "NOUN", "ADP", "NOUN"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    cands = [[t.text for t in hs] for hs in target_candidates(doc[1])]
    assert ["camps"] in cands


def test_appositive_gives_person_a_country(analyze):
    a = analyze("Amal Haddad, Lebanon's best-known rights activist, staged a hunger strike in prison on Sunday.",
                date="2023-03-01")
    ev = one(a, "PROTEST")
    assert codes(ev.source) == {"LBN"}


def test_relative_clause_about_the_speaker_is_not_reported(analyze):
    a = analyze('Maria Lopez, who lost her brother when gunmen attacked a bus in central Lima, said: "The families '
                'were heard."', date="2023-03-01")
    assert [e.type for e in a.events] == []


def test_relative_clause_of_a_non_speaker_still_reports(analyze):
    a = analyze("Police arrested the gunmen who attacked a bus in central Lima.", date="2023-03-01")
    assert "COERCE" in {e.type for e in a.events}  # the relative clause is on an object, not a speaker
