"""A wire story's dateline is a heading of its own: never the subject of the first verb."""
from __future__ import annotations

import pytest
import spacy

from wirecoder.nlp.datelines import body_start


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize("text, first_body_word", [
    ("TBILISI -- Georgian farmers blocked a highway.", "Georgian"),
    ("ACCRA, Ghana (AP) - The council voted on Friday.", "The"),
    ("PORTO, Aug. 14 (Reuters) - Dock workers walked out.", "Dock"),
    ("SAN JOSE, Calif. — Two firms merged.", "Two"),
    ("HARGEISA: Somaliland's leader met envoys.", "Somaliland"),
    ('DAKAR — "We will not leave," a miner said.', '"'),
])
def test_the_body_starts_after_the_dateline(blank, text, first_body_word):
    doc = blank(text)
    assert doc[body_start(doc, 0)].text == first_body_word


@pytest.mark.parametrize("text", [
    "Georgian farmers blocked a highway - and police watched.",   # no capitals opening it
    "NATO said on Monday it would send jets.",                    # an acronym subject, no dash
    "UN - the council - met in private.",                         # lower case after the dash
    "TBILISI and Yerevan traded accusations - again.",            # a clause before the dash
])
def test_ordinary_openings_are_left_alone(blank, text):
    doc = blank(text)
    assert body_start(doc, 0) == 0


def test_a_paragraph_dateline_starts_a_sentence(nlp):
    doc = nlp("Talks stall.\n\nKIGALI, May 2 -- Rwandan officials accused the rebels of breaking the truce.")
    body = next(t for t in doc if t.text == "Rwandan")
    assert body.is_sent_start


def test_the_dateline_town_is_not_the_accuser(analyze):
    a = analyze("KIGALI -- Rwandan officials accused the rebels of breaking the truce on Monday.", date="2024-05-02")
    accuse = [e for e in a.events if e.type == "ACCUSE"]
    assert accuse
    names = [r.name for r in accuse[0].source]
    assert names and all("KIGALI" not in (n or "") for n in names)
    assert accuse[0].source[0].code == "RWA"


def test_the_subject_behind_a_dated_dateline_acts(analyze):
    a = analyze("LIMA, June 3 (Reuters) - President Dina Boluarte offered Chile a trade pact.", date="2024-06-03")
    offer = [e for e in a.events if e.type == "AGREE"]
    assert offer and offer[0].source[0].name == "Dina Boluarte"
