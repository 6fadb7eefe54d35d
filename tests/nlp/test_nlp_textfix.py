"""Mojibake is repaired for the parser while every offset keeps pointing into the original text."""
from __future__ import annotations

from wirecoder.nlp.textfix import repair_mojibake
from wirecoder.settings import Settings

BROKEN = ("The policeâ€™s response was â€œexcessiveâ€\x9d, the mayor of SÃ£o Paulo said on Monday. "
          "Police arrested 12 protesters.")


def test_repair_keeps_length_and_the_words_after_each_repair():
    fixed = repair_mojibake(BROKEN)
    assert len(fixed) == len(BROKEN)
    assert "police’s" in fixed and "“excessive”," in fixed and "São" in fixed
    for word in ("response", "mayor", "Paulo", "Monday", "arrested"):
        assert fixed.index(word) == BROKEN.index(word)


def test_clean_text_and_real_accents_are_left_alone():
    for text in ("Plain ASCII news.", "Café owners in Orléans protested.", "â is a letter in Romanian: mâine."):
        assert repair_mojibake(text) == text


def test_quotes_and_offsets_in_a_mis_decoded_article(analyze):
    text = ("â€œWe will not leave,â€\x9d said Maria Lopes, a teacher. "
            "Police fired tear gas at the crowd outside the ministry.")
    a = analyze(text, date="2024-03-01")
    assert a.quotes, "the repaired quotation marks are seen"
    q = a.quotes[0]
    assert "We will not leave" in text[q.start:q.end]
    ev = [e for e in a.events if e.type == "ASSAULT"]
    assert ev and text[ev[0].trigger[0]:ev[0].trigger[1]].startswith("fired")


def test_the_repair_can_be_switched_off():
    assert Settings.from_env({"WIRECODER_REPAIR_MOJIBAKE": "0"}).repair_mojibake is False
