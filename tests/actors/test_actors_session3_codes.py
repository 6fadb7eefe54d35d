"""Session-3 actor codes: ethnic groups without a state, IGO titles in apposition, patrons and
clients, refugees by the state they fled, organisations placed in a state, a president's state
from the article's groups."""
from __future__ import annotations

from wirecoder.actors.tables import load_tables

from actor_helpers import mention_at as at, run  # noqa: E402


def code_sector(doc, phrase, nth=0):
    actor, m = at(doc, phrase, nth)
    return (actor.code, m.sector) if actor is not None else (None, None)


def test_ethnic_table_loads_single_and_shared_groups():
    t = load_tables()
    assert [e.code for e in t.ethnic["Karen"]] == ["MMR"]
    assert {e.code for e in t.ethnic["Kurdish"]} == {"TUR", "IRQ", "SYR", "IRN"}
    assert all(e.ethnic for e in t.ethnic["Tamil"])
    assert "Karen" not in t.phrases  # the entity recogniser's forms stay free of first names


def test_ethnic_rebels_take_their_state(nlp):
    doc = run(nlp, "Karen rebels ambushed an army patrol near the border on Tuesday, a Thai official said.")
    assert code_sector(doc, "Karen rebels") == ("MMR", "REB")
    doc = run(nlp, "Tamil guerrillas attacked a navy base in the north.")
    assert code_sector(doc, "Tamil guerrillas") == ("LKA", "REB")


def test_ethnic_form_inside_a_name_is_not_the_group(nlp):
    doc = run(nlp, "Karen Walsh, a spokeswoman for the charity, said police in Tamil Nadu had arrested two men.")
    actor, _ = at(doc, "Karen Walsh")
    assert actor is None or actor.code != "MMR"
    assert code_sector(doc, "Tamil Nadu") != ("LKA", None)
    assert all(a.code != "LKA" for a in doc._.wc_actors)


def test_shared_ethnic_group_takes_the_state_in_its_sentence(nlp):
    doc = run(nlp, "Kurdish guerrillas killed four Turkish soldiers in an ambush on Sunday.")
    assert code_sector(doc, "Kurdish guerrillas") == ("TUR", "REB")
    doc = run(nlp, "Kurdish fighters in northern Iraq repelled the assault.")
    assert code_sector(doc, "Kurdish fighters")[0] == "IRQ"
    doc = run(nlp, "Kurdish rebels said on Monday they would observe a truce.")
    assert all(a.code not in ("TUR", "IRQ", "SYR", "IRN") for a in doc._.wc_actors)


def test_irish_nationalists_are_coded_to_the_united_kingdom(nlp):
    doc = run(nlp, "Irish nationalist guerrillas fired mortars at a police station in Belfast.")
    assert code_sector(doc, "Irish nationalist guerrillas") == ("GBR", "REB")


def test_igo_title_in_apposition_beats_the_name(nlp):
    doc = run(nlp, "Haruki Tanaka, the United Nations Emergency Relief Coordinator, urged both sides to let aid "
                   "convoys through.")
    actor, _ = at(doc, "Haruki Tanaka")
    assert actor is not None and actor.kind == "person"
    assert (actor.code, actor.igo) == ("IGO", "UN")
    assert "Coordinator" in actor.role


def test_apposition_that_is_no_title_makes_no_person(nlp):
    doc = run(nlp, "Ankara, the Turkish capital, was calm on Friday.")
    assert all(a.kind != "person" for a in doc._.wc_actors)


def test_possessive_patron_is_not_the_clients_state(nlp):
    doc = run(nlp, "Guerrillas killed a commander of Syria's militia allies in eastern Lebanon on Sunday.")
    actor, m = at(doc, "militia allies")
    assert actor is not None
    assert (actor.code, m.sector) == ("LBN", "REB")
    syria, _ = at(doc, "Syria")
    assert syria.code == "SYR" and syria.id != actor.id
    doc = run(nlp, "Iran's army shelled the border villages.")
    assert code_sector(doc, "Iran's army") == ("IRN", "MIL")  # an organ, not a client


def test_refugees_take_the_state_they_fled(nlp):
    doc = run(nlp, "Aid agencies fed thousands of refugees fleeing the fighting in Sudan.")
    assert code_sector(doc, "refugees fleeing") == ("SDN", "REF")
    doc = run(nlp, "Refugees who escaped Burundi crowded into camps.")
    assert code_sector(doc, "Refugees")[0] == "BDI"


def test_unknown_facility_placed_in_a_state_is_that_states(nlp):
    doc = run(nlp, "Inspectors visited the Arak Heavy Water Production Plant in central Iran on Monday.")
    actor, _ = at(doc, "Heavy Water Production Plant")
    assert actor is not None and actor.code == "IRN" and actor.kind == "organization"


def test_untitled_state_of_a_president_from_the_articles_groups(nlp):
    doc = run(nlp, "President Mbeki Tolo agreed on Friday to meet the demands of the Lord's Resistance Army.")
    actor, _ = at(doc, "Mbeki Tolo")
    assert actor is not None and actor.code == "UGA"
