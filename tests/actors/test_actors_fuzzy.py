"""Misspelt state names (actors/fuzzy.py). Words are made-up typos or real words that must stay."""
from __future__ import annotations

import pytest

from wirecoder.actors.fuzzy import correct
from wirecoder.actors.tables import load_tables


@pytest.mark.parametrize("word, name", [("Afganistan", "Afghanistan"), ("Quatar", "Qatar"),
                                        ("Sudnaese", "Sudan"), ("Pakistn", "Pakistan"), ("Austrailia", "Australia")])
def test_one_inner_edit_finds_the_state(word, name):
    entry = correct(word, load_tables())
    assert entry is not None and entry.name == name


@pytest.mark.parametrize("word", ["Americas", "Greens", "Bolivar", "Oman", "Brazile", "Mary", "Austrian"])
def test_words_that_are_no_typo_of_a_state_stay(word):
    # plural-demonym neighbours, a changed ending, short names, first names, exact demonyms (matched elsewhere)
    entry = correct(word, load_tables())
    assert entry is None or word == "Austrian" and entry.code == "AUT"


def test_resolved_place_is_not_corrected(nlp):
    doc = nlp("Indiana state troopers arrested two men near the border.")
    assert all(a.code != "IND" for a in doc._.wc_actors)
