"""Output entity clean-up (wirecoder.nlp.entities) on hand-built Docs and one small text."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from wirecoder.nlp.entities import clean_entities

VOCAB = Vocab()


def make(words, ents, spaces=None):
    doc = Doc(VOCAB, words=words, spaces=spaces)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def got(doc):
    return [(e.text, e.label) for e in clean_entities(doc)]


def test_score_line_is_split_and_city_teams_become_organisations():
    doc = make(["Boston", "5", "Detroit", "3"], [(0, 2, "ORG"), (2, 3, "GPE"), (3, 4, "CARDINAL")])
    assert got(doc) == [("Boston", "ORG"), ("Detroit", "ORG"), ("3", "CARDINAL")]


def test_national_teams_keep_the_place_reading():
    doc = make(["France", "2", "Italy", "1"], [(0, 1, "GPE"), (2, 3, "GPE")])
    assert got(doc) == [("France", "GPE"), ("Italy", "GPE")]


def test_dateline_place_stays_a_place():
    doc = make(["ATLANTA", "1996-08-30"], [(0, 1, "GPE"), (1, 2, "DATE")])
    assert got(doc) == [("ATLANTA", "GPE"), ("1996-08-30", "DATE")]


def test_article_possessive_and_punctuation_are_trimmed():
    doc = make(["the", "Red", "Cross", "'s", "delegates", "met", "("], [(0, 4, "ORG")])
    assert got(doc) == [("Red Cross", "ORG")]


def test_lowercase_word_splits_two_glued_names_but_particles_stay():
    doc = make(["Yorkshire", "at", "Headingley", "and", "the", "Bank", "of", "England"],
               [(0, 3, "PERSON"), (5, 8, "ORG")])
    assert [t for t, _ in got(doc)] == ["Yorkshire", "Headingley", "Bank of England"]


def test_spaced_dash_splits_but_hyphenated_name_does_not():
    doc = make(["Anne", "-", "Marie", "Dupont", "-", "Lyon"], [(0, 6, "ORG")],
               spaces=[False, False, True, True, True, False])
    assert [t for t, _ in got(doc)] == ["Anne-Marie Dupont", "Lyon"]


def test_initial_and_known_first_name_make_people_but_not_place_names():
    doc = make(["J.", "Kowalczyk", "and", "Natalia", "Brzeska", "walked", "down", "Grace", "Road"],
               [(0, 2, "ORG"), (3, 5, "GPE"), (7, 9, "FAC")])
    assert got(doc) == [("J. Kowalczyk", "PERSON"), ("Natalia Brzeska", "PERSON"), ("Grace Road", "FAC")]


def test_bare_numbers_are_not_names_and_numeric_labels_pass_through():
    doc = make(["Tigers", "won", "6", "to", "2", "in", "48", "minutes"],
               [(2, 3, "NORP"), (4, 5, "CARDINAL"), (6, 8, "TIME")])
    assert got(doc) == [("2", "CARDINAL"), ("48 minutes", "TIME")]


def test_table_names_are_added_and_relabelled_also_in_capitals():
    doc = make(["Talks", "in", "Kenya", "ended", "as", "Germany", "left"], [(5, 6, "PERSON")])
    assert got(doc) == [("Kenya", "GPE"), ("Germany", "GPE")]
    caps = make(["TALKS", "IN", "KENYA", "END"], [])
    assert got(caps) == [("KENYA", "GPE")]


def test_table_name_inside_a_longer_capitalised_name_is_not_added():
    doc = make(["Coach", "Chad", "Ridley", "said"], [])
    assert got(doc) == []


def test_doc_ents_are_left_alone():
    doc = make(["the", "Red", "Cross", "'s", "office"], [(0, 4, "ORG")])
    clean_entities(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("the Red Cross 's", "ORG")]


@pytest.mark.parametrize("text", ["Officials of the United Nations 's refugee agency met in Geneva on Friday ."])
def test_pipeline_output_has_trimmed_spans(analyze, text):
    ents = analyze(text).entities
    names = [e for e in ents if e.label in ("ORG", "GPE", "PERSON", "NORP", "LOC")]
    assert names, ents
    for e in names:
        assert not e.text.lower().startswith("the ") and not e.text.endswith("'s")
        assert text[e.start:e.end] == e.text
