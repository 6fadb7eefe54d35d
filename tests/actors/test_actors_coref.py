"""Coreference and people rules, on made-up news paragraphs run through the pipeline."""
from __future__ import annotations

from datetime import date

import pytest

pytestmark = pytest.mark.model
from actor_helpers import mention_at, run  # noqa: E402


def actor_at(doc, phrase, nth=0):
    """The actor of the mention that covers the nth occurrence of phrase."""
    return mention_at(doc, phrase, nth)[0]


def test_she_resolves_past_a_nearer_man(nlp):
    doc = run(nlp, "Canadian Foreign Minister Melanie Joly met Lithuanian envoys in Vilnius on Monday. "
                   "Joly later briefed Antonio Guterres on the talks. She said the meeting was useful.")
    she = actor_at(doc, "She")
    assert she is not None and she.name == "Melanie Joly"
    assert (she.code, she.sector) == ("CAN", "GOV")
    assert actor_at(doc, "Joly", 1).name == "Melanie Joly"


def test_he_and_surname_and_appositive_role(nlp):
    doc = run(nlp, "The plan was backed by Kwame Mensah, Ghana's defence minister. "
                   "Mensah said the army was ready. He added that troops would leave in May.")
    he = actor_at(doc, "He")
    assert he is not None and he.name == "Kwame Mensah"
    assert he.code == "GHA" and he.role is not None and "defence minister" in he.role


def test_they_goes_to_last_plural_group(nlp):
    doc = run(nlp, "Syrian rebels seized two villages on Sunday. They said government troops had fled.")
    they = actor_at(doc, "They")
    assert they is not None and (they.code, they.sector) == ("SYR", None) or they.name == "Syria"
    m = next(m for m in doc._.wc_mentions if doc.text[m.start:m.end] == "They")
    assert m.kind == "pronoun" and m.sector == "REB"


def test_alliance_and_allies_mean_nato_when_nato_is_named(nlp):
    doc = run(nlp, "NATO foreign ministers met in Brussels. The alliance said the allies would "
                   "increase their spending.")
    assert actor_at(doc, "The alliance").igo == "NATO"
    assert actor_at(doc, "allies").igo == "NATO"


def test_allies_stay_unresolved_without_nato(nlp):
    doc = run(nlp, "Iran and its allies condemned the strike.")
    a = actor_at(doc, "allies")
    assert a is None or a.code is None


def test_now_beats_former_and_context_state(nlp):
    doc = run(nlp, "Kenya's embassy in Addis Ababa was closed last year. Former envoy Peter Kamau, now a "
                   "deputy foreign minister, will lead the talks.")
    kamau = actor_at(doc, "Peter Kamau")
    assert kamau.role == "deputy foreign minister"
    assert (kamau.code, kamau.sector) == ("KEN", "GOV")


def test_possessive_description_links_to_known_person(nlp):
    doc = run(nlp, "Karine Ortiz, White House spokeswoman, declined to comment. The US president's "
                   "spokeswoman later said talks would go on.")
    m = next(m for m in doc._.wc_mentions if doc.text[m.start:m.end] == "spokeswoman" and m.start > 60)
    assert {a.id: a for a in doc._.wc_actors}[m.actor_id].name == "Karine Ortiz"


def test_two_sides_are_both_parties(nlp):
    doc = run(nlp, "India and China held a new round of border talks. The two sides agreed to keep talking.")
    ids = {m.actor_id for m in doc._.wc_mentions if doc.text[m.start:m.end] == "The two sides"}
    names = {a.name for a in doc._.wc_actors if a.id in ids}
    assert names == {"India", "China"}


def test_dated_table_role_as_of_dateline(nlp):
    doc08 = run(nlp, "Putin met the governors on Tuesday.", on=date(2010, 3, 1))
    doc22 = run(nlp, "Putin met the governors on Tuesday.", on=date(2022, 3, 1))
    assert actor_at(doc08, "Putin").role == "Prime Minister"
    assert actor_at(doc22, "Putin").role == "President"
    assert actor_at(doc22, "Putin").code == "RUS"


def test_one_actor_per_real_world_actor_ids_in_order(nlp):
    doc = run(nlp, "Moscow rejected the offer. Russian envoys left Geneva, and Russia said it would respond.")
    ids = [a.id for a in doc._.wc_actors]
    assert ids == [f"a{i}" for i in range(1, len(ids) + 1)]
    rus = [a for a in doc._.wc_actors if a.code == "RUS"]
    assert len(rus) == 1 and len(rus[0].mentions) == 4  # Moscow, Russian envoys, Russia, it
    starts = [m.start for m in doc._.wc_mentions]
    assert starts == sorted(starts)
    m = next(m for m in doc._.wc_mentions if doc.text[m.start:m.end] == "Russian envoys")
    assert m.sector == "GOV" and m.token_end - m.token_start == 2


def test_capital_as_place_is_not_an_actor(nlp):
    doc = run(nlp, "Talks were held in Moscow on Tuesday.")
    assert actor_at(doc, "Moscow") is None
