"""Round-2 actor rules: context states, it/its, nationals and ethnic groups, dated history, tables."""
from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc

from wirecoder.actors.component import find_actors
from wirecoder.actors.tables import load_tables, office_on

from actor_helpers import mention_at as at, run  # noqa: E402


def test_history_table_is_dated():
    t = load_tables()
    assert office_on(t.offices["Kofi Annan"], date(2003, 5, 1)).igo == "UN"
    fr = t.offices["Romano Prodi"]
    assert office_on(fr, date(2001, 1, 1)).code == "IGO"
    assert office_on(fr, date(2007, 1, 1)).code == "ITA"
    assert t.person_forms["Bashir"] == "Omar al-Bashir"
    assert "Fox" not in t.person_forms  # a common word is no surname form


def test_groups_table_has_codes_and_sectors():
    t = load_tables()
    def first(form):
        return t.phrases[form][0]
    assert (first("Hezbollah").code, first("Hezbollah").sector) == ("LBN", "REB")
    assert (first("Amnesty International").code, first("Amnesty International").sector) == ("IGO", "NGO")
    assert (first("Xinhua").code, first("Xinhua").sector) == ("CHN", "MED")
    assert first("Soviet").code == "RUS" and first("Northern Ireland").code == "GBR"


def test_person_cut_short_by_ner_is_extended(nlp):
    words = ["General", "Samuel", "Obi", "said", "the", "army", "would", "withdraw", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * 7 + [False, False],
              heads=[2, 2, 3, 3, 5, 7, 7, 3, 3],
              deps=["compound", "compound", "nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "punct"],
              pos=["PROPN", "PROPN", "PROPN", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
              tags=["NNP", "NNP", "NNP", "VBD", "DT", "NN", "MD", "VB", "."],
              lemmas=["General", "Samuel", "Obi", "say", "the", "army", "would", "withdraw", "."],
              ents=["O", "B-PERSON", "O", "O", "O", "O", "O", "O", "O"])
    doc._.wc_dateline = None
    actors, _ = find_actors(doc)
    person = next(a for a in actors if a.kind == "person")
    assert person.name == "Samuel Obi" and person.sector == "MIL" and person.role == "General"


@pytest.mark.model
def test_it_and_its_resolve_to_last_state_subject(nlp):
    doc = run(nlp, "Chile said on Monday that it would recall its ambassador from Caracas. "
                   "It is unclear whether talks will resume.")
    assert at(doc, "it")[0].code == "CHL"
    assert at(doc, "its")[0].code == "CHL"
    assert at(doc, "It")[0] is None  # the dummy subject stays unresolved


@pytest.mark.model
def test_bare_groups_take_the_place_or_the_articles_one_state(nlp):
    doc = run(nlp, "Police in Nairobi arrested dozens of protesters on Friday.")
    a, m = at(doc, "Police")
    assert (a.code, m.sector) == ("KEN", "COP")
    doc = run(nlp, "Mali's junta extended the curfew. Soldiers patrolled the capital and officials said "
                   "the borders would stay closed.")
    assert at(doc, "officials")[0].code == "MLI"
    # two states, neither dominant: bare officials keep no country
    doc = run(nlp, "Chad and Niger signed a border deal. Officials said patrols would begin in May.")
    assert at(doc, "Officials")[0].code is None


@pytest.mark.model
def test_untitled_office_holder_takes_the_dominant_state(nlp):
    doc = run(nlp, "Interior Minister Tomas Varga announced the arrests. Slovakia had been on alert "
                   "since the bombing, and Slovak police doubled patrols in Bratislava.")
    a, _ = at(doc, "Tomas Varga")
    assert (a.code, a.sector) == ("SVK", "GOV")


@pytest.mark.model
def test_nationals_and_ethnic_groups(nlp):
    doc = run(nlp, "Thailand deported 40 Cambodians on Sunday.")
    a, m = at(doc, "Cambodians")
    assert (a.code, m.sector) == ("KHM", "CVL")
    doc = run(nlp, "Ethnic Serbs in Kosovo blocked the road to the border crossing.")
    a, m = at(doc, "Serbs")
    assert (a.code, m.sector) == ("KSV", "CVL")
    doc = run(nlp, "The Palestinians agreed to resume talks.")  # the people as a party stay the state
    a, m = at(doc, "Palestinians")
    assert (a.code, m.sector) == ("PSE", None)


@pytest.mark.model
def test_historical_leaders_and_former_officials(nlp):
    doc = run(nlp, "President Suharto's government banned the weekly.", on=date(1994, 6, 21))
    a, m = at(doc, "Suharto's government")
    assert (a.code, m.sector) == ("IDN", "GOV")
    doc = run(nlp, "Former president Carlos Menem was questioned by a judge.", on=date(2001, 6, 7))
    a, _ = at(doc, "Carlos Menem")
    assert (a.code, a.sector) == ("ARG", "ELI")
    doc = run(nlp, "Tony Blair met the Irish prime minister.", on=date(1999, 3, 1))
    assert at(doc, "Tony Blair")[0].code == "GBR"
