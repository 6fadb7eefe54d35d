"""Reading numbers written in digits and words: "100,000", "1.5 million", "two dozen", "dozens".

Vague plurals get a conventional value (the smallest plausible reading,
doubled): "dozens" 24, "scores" 40, "hundreds" 200, "thousands" 2,000,
"tens of thousands" 20,000, "hundreds of thousands" 200,000, "millions"
2,000,000. Their ``approx`` is the vague word itself, so users can tell.
"""
from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "mln": 1_000_000, "bn": 1_000_000_000, "m": 1_000_000}
DOZEN = {"dozen": 12, "score": 20}
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
         "tens": 20, "billions": 2_000_000_000}
WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | frozenset(DOZEN) | frozenset(VAGUE) | {"a", "and", "of", "half"}

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
_SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)(k|m|bn|mln)$", re.I)


def digit_value(text: str) -> float | None:
    t = text.replace("\u202f", "").replace("\u00a0", "")
    if _DIGITS.match(t):
        return float(t.replace(",", ""))
    m = _SUFFIXED.match(t)
    if m:
        mult = {"k": 1_000, "m": 1_000_000, "bn": 1_000_000_000, "mln": 1_000_000}[m.group(2).lower()]
        return float(m.group(1)) * mult
    return None


def is_number_word(word: str) -> bool:
    w = word.lower()
    return w in UNITS or w in TENS or w in SCALES or w in DOZEN or w in VAGUE or _hyphenated(w) is not None


def _hyphenated(w: str) -> float | None:
    if "-" in w:
        a, _, b = w.partition("-")
        if a in TENS and b in UNITS:
            return TENS[a] + UNITS[b]
    return None


def phrase_value(words: list[str]) -> tuple[float, str | None] | None:
    """The value of a number phrase and its vague word, if any; None when it is no number.

    ["1.5", "million"] -> 1.5e6; ["two", "dozen"] -> 24; ["tens", "of", "thousands"] -> 20000;
    ["hundreds"] -> (200, "hundreds").
    """
    ws = [w.lower() for w in words if w.lower() not in ("and", "a")]
    if not ws:
        return None
    if ws[0] in VAGUE:
        # "tens of thousands", "hundreds of thousands", "dozens"
        value, vague = float(VAGUE[ws[0]]), ws[0]
        rest = [w for w in ws[1:] if w != "of"]
        for w in rest:
            if w in VAGUE:
                value *= VAGUE[w] / 2  # "tens of thousands": 20 x 1,000
            elif w in SCALES:
                value *= SCALES[w]
            else:
                return None
        return value, vague
    total, current, seen = 0.0, 0.0, False
    for w in ws:
        d = digit_value(w)
        if d is not None:
            current += d
            seen = True
        elif w in UNITS:
            current += UNITS[w]
            seen = True
        elif w in TENS:
            current += TENS[w]
            seen = True
        elif (h := _hyphenated(w)) is not None:
            current += h
            seen = True
        elif w == "half":
            current += 0.5
            seen = True
        elif w in DOZEN:
            current = (current or 1) * DOZEN[w]
            seen = True
        elif w in SCALES:
            if w == "hundred":
                current = (current or 1) * 100
            else:
                total += (current or 1) * SCALES[w]
                current = 0.0
            seen = True
        elif w == "of":
            continue
        else:
            return None
    return (total + current, None) if seen else None
