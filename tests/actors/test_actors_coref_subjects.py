"""Pronouns whose antecedents' genders are unknown prefer the subject (actors/coref.py). Made-up names."""
from __future__ import annotations


def _speakers(nlp, text):
    return [q.speaker for q in nlp(text)._.wc_quotes]


def test_pronoun_prefers_the_subject_over_a_name_merely_mentioned(nlp):
    text = 'Prime Minister Kwasi Mensah met Ato Boateng on Monday. "The talks went well," he said.'
    assert _speakers(nlp, text) == ["Kwasi Mensah"]


def test_pronoun_still_takes_the_last_person_when_only_one_is_named(nlp):
    text = 'Ato Boateng arrived in Accra on Monday. "The talks went well," he said.'
    assert _speakers(nlp, text) == ["Ato Boateng"]
