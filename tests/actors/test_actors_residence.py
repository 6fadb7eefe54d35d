"""Ethnic groups are coded by the state they live in when the phrase says so (CAMEO practice)."""
from __future__ import annotations


def source_codes(a, typ):
    ev = [e for e in a.events if e.type == typ]
    assert ev, [(e.type, e.source) for e in a.events]
    return {s.code for s in ev[0].source}


def test_state_adjective_before_an_ethnic_plural(analyze):
    a = analyze("Bosnian Croats demanded their own television channel.", date="2024-02-01")
    assert source_codes(a, "REQUEST") == {"BIH"}


def test_of_phrase_names_the_state_of_residence(analyze):
    a = analyze("The Hungarians of southern Slovakia demanded schooling in their language.", date="2024-02-01")
    assert source_codes(a, "REQUEST") == {"SVK"}


def test_civic_nations_keep_the_head_demonym(analyze):
    a = analyze("Korean Americans protested outside the consulate in Los Angeles.", date="2024-02-01")
    assert source_codes(a, "PROTEST") == {"USA"}


def test_a_plain_ethnic_plural_keeps_its_own_state(analyze):
    a = analyze("Croats rallied in Zagreb on Sunday.", date="2024-02-01")
    assert source_codes(a, "PROTEST") == {"HRV"}
