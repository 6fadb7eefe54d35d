"""Number phrases in digits and words (no spaCy needed)."""
import pytest

from wirecoder.quantities.numbers import digit_value, phrase_value


@pytest.mark.parametrize("words,value", [
    (["100,000"], 100000), (["1.5", "million"], 1_500_000), (["eight"], 8), (["two", "dozen"], 24),
    (["twenty-five"], 25), (["three", "hundred"], 300), (["13,000"], 13000), (["a", "dozen"], 12),
    (["two", "thousand"], 2000), (["seven"], 7),
])
def test_exact_values(words, value):
    assert phrase_value(words) == (value, None)


@pytest.mark.parametrize("words,value,vague", [
    (["dozens"], 24, "dozens"), (["hundreds"], 200, "hundreds"), (["thousands"], 2000, "thousands"),
    (["tens", "of", "thousands"], 20000, "tens"), (["hundreds", "of", "thousands"], 200000, "hundreds"),
])
def test_vague_values(words, value, vague):
    assert phrase_value(words) == (value, vague)


def test_not_numbers():
    assert phrase_value(["troops"]) is None
    assert digit_value("1,00") is None
    assert digit_value("5k") == 5000
