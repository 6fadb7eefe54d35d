"""Round 2 of the event stage: CAMEO verb classes, background clauses, complaint targets, quote -> event link."""
from __future__ import annotations

import pytest


def events_of(a, typ):
    return [e for e in a.events if e.type == typ]


@pytest.mark.parametrize("text, expected, cameo", [
    ("The opposition leader lashed out at the finance minister over the new budget.", "ACCUSE", "111"),
    ("The senator took a swipe at the governor during the debate on Monday.", "ACCUSE", "111"),
    ("Prosecutors charged the former mayor with bribery on Friday.", "COERCE", "173"),
    ("The court dissolved the main opposition party in November.", "COERCE", "1722"),
    ("Government troops are engaged in heavy fighting with rebel units near the port.", "ASSAULT", "190"),
    ("The two governments decided to resume the dialogue process next month.", "AGREE", None),
    ("Security forces took dozens of villagers from their homes overnight.", "COERCE", "173"),
    ("Stone-throwing protesters clashed with riot police outside the parliament.", "PROTEST", "145"),
    ("The ministry ordered an investigation into the collapse of the bridge.", "ACCUSE", "09"),
])
def test_new_triggers(analyze, text, expected, cameo):
    a = analyze(text, date="2023-03-01")
    found = events_of(a, expected)
    assert found, [(e.type, e.cameo) for e in a.events]
    if cameo is not None:
        assert found[0].cameo == cameo


def test_background_clause_without_doer_is_dropped(analyze):
    # the main news is the suspension; the agentless shooting only sets the scene
    a = analyze("The Red Crescent suspended its convoys in the north after two of its trucks were hit by gunfire.",
                date="2023-03-01")
    assert [e.type for e in a.events] == ["SANCTION"]


def test_background_clause_with_named_doer_is_kept(analyze):
    a = analyze("Poland closed its embassy in Minsk after Belarus expelled four Polish diplomats.", date="2023-03-01")
    types = {e.type for e in a.events}
    assert "SANCTION" in types
    expel = [e for e in a.events if e.source and e.source[0].code == "BLR"]
    assert expel, [(e.type, [r.code for r in e.source]) for e in a.events]


def test_lone_subordinate_event_is_kept(analyze):
    # no main event in the sentence: the scene-setting act is the news
    a = analyze("The minister says two reporters who were abducted in the desert in June are alive.", date="2023-03-01")
    assert "ASSAULT" in {e.type for e in a.events}


def test_infinitive_of_a_noun_is_not_asserted(analyze):
    a = analyze("The drive to meet demand for cheap coal has made the mines dangerous.", date="2023-03-01")
    assert a.events == ()


def test_complaint_targets_the_accused_not_the_addressee(analyze):
    a = analyze("Lebanon complained to the Security Council on Monday about Israeli air raids near Tyre.", date="2023-03-01")
    acc = events_of(a, "ACCUSE")
    assert acc and acc[0].source[0].code == "LBN"
    assert [r.code for r in acc[0].target] == ["ISR"]


def test_noun_target_through_of_object(analyze):
    a = analyze("Greece ordered a suspension of ferry links with Albania last week.", date="2023-03-01")
    sanc = events_of(a, "SANCTION")
    assert sanc and "ALB" in {r.code for r in sanc[0].target}


# ---------------------------------------------------------------- quote -> event link
def test_first_person_subject_of_a_quote_is_the_speaker(analyze):
    a = analyze('"We will impose new sanctions on Moscow if it moves troops into Georgia," Foreign Minister '
                'Annalena Baerbock said on Tuesday.', date="2023-03-01")
    ev = [e for e in a.events if e.quote_index is not None]
    assert ev, [(e.type, e.quote_index) for e in a.events]
    assert ev[0].source and ev[0].source[0].code == "DEU"
    assert a.quotes[ev[0].quote_index].speaker_code == "DEU"


def test_cue_verb_event_links_to_its_quote(analyze):
    a = analyze("Germany demanded that Russia withdraw its troops from the border.", date="2023-03-01")
    req = events_of(a, "REQUEST")
    assert req and req[0].quote_index is not None
    q = a.quotes[req[0].quote_index]
    assert "withdraw" in q.text


def test_reported_act_by_someone_else_keeps_its_own_source(analyze):
    a = analyze('"Russia has massed troops on the border," the French foreign minister said.', date="2023-03-01")
    mob = events_of(a, "MOBILIZE")
    assert mob and mob[0].source[0].code == "RUS"
    assert mob[0].quote_index is not None


def test_quote_link_makes_no_second_event(analyze):
    a = analyze("Hungary warned that it would block the new sanctions package.", date="2023-03-01")
    assert len(a.events) == 1, [(e.type, e.trigger) for e in a.events]
