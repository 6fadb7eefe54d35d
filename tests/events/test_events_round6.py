"""Round 6 of the event stage: events that did not take place (postponed, called off), renewed ties,
receiving aid from someone, money amounts as aid, travel for talks, cordoning off an area, criticism
verbs, misparsed descriptive subjects ("Old rivals X and Y ...") and relative clauses on the subject."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from wirecoder.events.background import describes_subject
from wirecoder.events.ontology import load_lexicon
from wirecoder.events.unrealised import cancelled_nouns

D = "2024-05-02"


def of_type(a, typ):
    return [e for e in a.events if e.type == typ]


def types(a):
    return [(e.type, e.cameo) for e in a.events]


def codes(refs):
    return {r.code for r in refs}


def test_postponed_meeting_is_no_consultation(analyze):
    a = analyze("Kenya and Uganda have postponed their meeting on the border dispute.", date=D)
    assert not of_type(a, "CONSULT"), types(a)


def test_called_off_summit_is_no_consultation(analyze):
    a = analyze("The summit between the two leaders was called off at the last minute.", date=D)
    assert not of_type(a, "CONSULT"), types(a)


def test_halted_march_is_no_protest(analyze):
    a = analyze("The farmers halted their march towards the capital on Friday.", date=D)
    assert not of_type(a, "PROTEST"), types(a)


def test_suspended_talks_keep_their_own_coding(analyze):
    a = analyze("Iran suspended talks with the European Union on Tuesday.", date=D)
    ev = of_type(a, "SANCTION")
    assert ev and ev[0].cameo == "164", types(a)


def test_a_meeting_held_is_still_a_consultation(analyze):
    a = analyze("The foreign ministers of Chile and Peru held a meeting in Lima on Monday.", date=D)
    assert of_type(a, "CONSULT"), types(a)


def test_renewed_ties_is_cooperation_with_both_names_as_source(analyze):
    a = analyze("Old rivals Chile and Bolivia renewed diplomatic ties on Monday after decades apart.", date=D)
    ev = of_type(a, "COOPERATE")
    assert ev and ev[0].cameo == "064", types(a)
    assert {"CHL", "BOL"} <= codes(ev[0].source), ev[0].source


def test_received_money_from_makes_the_giver_the_source(analyze):
    a = analyze("Haiti has received money from Canada to rebuild its schools.", date=D)
    ev = of_type(a, "AID")
    assert ev, types(a)
    assert "CAN" in codes(ev[0].source) and "HTI" in codes(ev[0].target), (ev[0].source, ev[0].target)


def test_receiving_a_minister_is_still_hosting(analyze):
    a = analyze("The Kenyan president received the Chinese foreign minister in Nairobi.", date=D)
    assert of_type(a, "CONSULT") and not of_type(a, "AID"), types(a)


def test_money_amount_given_is_aid(analyze):
    a = analyze("Japan gave $5 million to Nepal after the earthquake.", date=D)
    ev = of_type(a, "AID")
    assert ev and "NPL" in codes(ev[0].target), types(a)


def test_contributed_a_sum_in_a_currency_is_aid(analyze):
    a = analyze("Norway contributed two million euros to the Sudanese relief fund.", date=D)
    assert of_type(a, "AID"), types(a)


def test_contributing_to_a_decline_is_no_aid(analyze):
    a = analyze("Low rainfall contributed to the decline of the harvest.", date=D)
    assert not of_type(a, "AID"), types(a)


def test_leaving_for_talks_is_not_coded(analyze):
    # setting off for talks is neither the meeting nor a stated intent; see the note in triggers.jsonl
    a = analyze("The Chadian prime minister left for Cairo on Wednesday for talks with Egyptian officials.", date=D)
    assert not of_type(a, "AGREE"), types(a)


def test_arriving_on_a_visit_is_the_visit(analyze):
    a = analyze("The Peruvian president arrived in Santiago on Monday on his first official visit.", date=D)
    ev = of_type(a, "CONSULT")
    assert ev and ev[0].cameo == "042", types(a)


def test_leaving_a_country_is_no_event(analyze):
    a = analyze("Thousands of families left the region for the coast.", date=D)
    assert not of_type(a, "AGREE") and not of_type(a, "CONSULT"), types(a)


def test_cordoned_off_is_coercion_by_the_soldiers_country(analyze):
    a = analyze("Soldiers from Mali cordoned off the roads leading into the town.", date=D)
    ev = of_type(a, "COERCE")
    assert ev and ev[0].cameo == "191", types(a)
    assert "MLI" in codes(ev[0].source) and "MLI" not in codes(ev[0].target), (ev[0].source, ev[0].target)


def test_chided_is_criticism(analyze):
    a = analyze("The Swedish foreign minister chided Turkey over its treatment of journalists.", date=D)
    ev = of_type(a, "ACCUSE")
    assert ev and ev[0].cameo == "111" and "TUR" in codes(ev[0].target), types(a)


def test_relative_clause_on_the_subject_is_background():
    """Hand-built parse: 'The rebels who attacked Mali were arrested.'"""
    words = ["The", "rebels", "who", "attacked", "Mali", "were", "arrested", "."]
    heads = [1, 6, 3, 1, 3, 6, 6, 6]
    deps = ["det", "nsubjpass", "nsubj", "relcl", "dobj", "auxpass", "ROOT", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    assert describes_subject(doc[3])
    assert not describes_subject(doc[6])


def test_cancelled_nouns_on_a_hand_built_parse():
    """Hand-built parse: 'Talks were postponed and the visit was scrapped .'"""
    words = ["Talks", "were", "postponed", "and", "the", "visit", "was", "scrapped", "."]
    heads = [2, 2, 2, 2, 5, 7, 7, 2, 2]
    deps = ["nsubjpass", "auxpass", "ROOT", "cc", "det", "nsubjpass", "auxpass", "conj", "punct"]
    pos = ["NOUN", "AUX", "VERB", "CCONJ", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    lemmas = ["talk", "be", "postpone", "and", "the", "visit", "be", "scrap", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert cancelled_nouns(doc[:], load_lexicon()) == {0, 5}
