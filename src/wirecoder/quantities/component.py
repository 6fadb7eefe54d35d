"""Component `wc_quantities`: counts in digits and words, with what they count.

A count is a number phrase ("some 100,000", "two dozen", "more than 13,000")
plus the noun it counts ("troops", "people"), and, where a verb or adjective
says what happened to them ("have died", "were arrested", "left ... dead"),
that fate as its unit. Years, dates, times of day, percentages, money and
ordinals are no counts and are skipped.
"""
from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..nlp.extensions import register_extensions
from ..records import Quantity
from .numbers import WORDS, digit_value, is_number_word, phrase_value

DATA = Path(__file__).resolve().parent.parent / "data" / "quantities" / "units.tsv"

# Approximators before a number, longest first ("more than" before "more").
APPROX = (("as many as",), ("more than",), ("less than",), ("fewer than",), ("at least",), ("up to",),
          ("close to",), ("an estimated",), ("upwards of",), ("in excess of",), ("some",), ("about",),
          ("around",), ("nearly",), ("almost",), ("roughly",), ("approximately",), ("over",),
          ("some",), ("estimated",), ("under",))
SKIP_ENTS = frozenset({"PERCENT", "MONEY", "ORDINAL", "PERSON", "ORG", "WORK_OF_ART", "LAW", "PRODUCT"})
TIME_ENTS = frozenset({"DATE", "TIME"})
DURATION_UNITS = frozenset({"hours", "days", "weeks", "months", "years", "minutes"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                    "sep", "sept", "oct", "nov", "dec"})
NOT_COUNTS_AFTER = frozenset({"%", "percent", "per", "pc", "p.m.", "a.m.", "pm", "am", "o'clock", "gmt", "utc",
                              "dollars", "euros", "pounds", "yuan", "rubles", "roubles"})
CURRENCY = frozenset({"$", "€", "£", "¥", "US$", "usd", "eur"})


@cache
def unit_table() -> tuple[dict[str, str], dict[str, str]]:
    """(noun lemma -> unit, fate word -> unit) from data/quantities/units.tsv."""
    nouns, fates = {}, {}
    with DATA.open(encoding="utf-8") as fh:
        for row in csv.reader((ln for ln in fh if ln.strip() and not ln.startswith("#")), delimiter="\t"):
            (nouns if row[2] == "noun" else fates)[row[0]] = row[1]
    return nouns, fates


def _is_num(t: Token) -> bool:
    return digit_value(t.text) is not None or is_number_word(t.text) or (t.like_num and t.text.lower() not in ("a",))


def _number_run(doc: Doc, i: int) -> int:
    """End (exclusive) of the number phrase starting at token i."""
    j = i + 1
    while j < len(doc):
        w = doc[j].lower_
        if _is_num(doc[j]) or (w in ("and", "of") and j + 1 < len(doc) and _is_num(doc[j + 1])
                               and doc[j + 1].lower_ in WORDS):
            j += 1
        else:
            break
    return j


def _approx(doc: Doc, i: int) -> tuple[int, str | None]:
    for words in APPROX:
        ws = words[0].split()
        s = i - len(ws)
        if s >= 0 and [t.lower_ for t in doc[s:i]] == ws:
            return s, words[0]
    return i, None


def _skip(doc: Doc, i: int, j: int, unit: str | None) -> bool:
    first = doc[i]
    if first.ent_type_ in SKIP_ENTS or any(doc[k].ent_type_ in ("PERCENT", "MONEY", "ORDINAL") for k in range(i, j)):
        return True
    if i > 0 and (doc[i - 1].text in CURRENCY or doc[i - 1].lower_ in CURRENCY):
        return True
    nxt = doc[j].lower_ if j < len(doc) else ""
    if nxt in NOT_COUNTS_AFTER or nxt in MONTHS or (i > 0 and doc[i - 1].lower_ in MONTHS):
        return True
    if first.ent_type_ in TIME_ENTS and unit not in DURATION_UNITS:
        return True
    v = digit_value(first.text)
    if j - i == 1 and v is not None and "," not in first.text and 1000 <= v <= 2100 and unit is None:
        return True  # a year
    if first.lower_ == "one" and unit is None:
        return True  # "one of the", "the one": a pronoun more often than a count
    if any(c.isalpha() for c in first.text) and not is_number_word(first.text) and digit_value(first.text) is None:
        return True  # "G7", "F-16"
    return False


def counted_noun(doc: Doc, i: int, j: int) -> Token | None:
    """The noun a number phrase counts: its head ("100,000 troops") or an of-phrase ("eight of its staff")."""
    last = doc[j - 1]
    head = last.head
    if last.dep_ in ("nummod", "quantmod", "amod", "compound") and head.pos_ in ("NOUN", "PROPN") and head.i >= j:
        return head
    for child in last.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN", "PRON"):
                    return obj
    return None


def _fate(doc: Doc, anchor: Token) -> str | None:
    """A casualty or arrest verb or adjective governing the counted phrase."""
    _, fates = unit_table()
    head = anchor.head
    if anchor.dep_ in ("nsubj", "nsubjpass", "dobj", "nsubj:pass") and head.lemma_.lower() in fates:
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            return fates[head.lemma_.lower()]
    for child in anchor.children:  # "left nine soldiers dead", "two people killed"
        if child.dep_ in ("amod", "acl", "oprd") and child.lemma_.lower() in fates:
            return fates[child.lemma_.lower()]
    for child in head.children:
        if child.dep_ in ("oprd", "acomp", "xcomp") and child.lemma_.lower() in fates and anchor.dep_ == "dobj":
            return fates[child.lemma_.lower()]
    return None


def find_quantities(doc: Doc) -> tuple[Quantity, ...]:
    nouns, _ = unit_table()
    out: list[Quantity] = []
    i, n = 0, len(doc)
    while i < n:
        t = doc[i]
        if not _is_num(t) or t.lower_ in ("and", "of"):
            i += 1
            continue
        j = _number_run(doc, i)
        parsed = phrase_value([x.text for x in doc[i:j]])
        if parsed is None:
            i = j
            continue
        value, vague = parsed
        noun = counted_noun(doc, i, j)
        unit = None
        if noun is not None:
            lemma = noun.lemma_.lower()
            unit = nouns.get(lemma) or nouns.get(noun.lower_)
        if _skip(doc, i, j, unit):
            i = j
            continue
        anchor = noun if noun is not None else doc[j - 1]
        unit = _fate(doc, anchor) or (_fate(doc, doc[j - 1]) if noun is not None and noun.i < i or
                                      (noun is not None and noun.dep_ == "pobj") else None) or unit
        start, approx = _approx(doc, i)
        end_tok = noun if noun is not None and noun.i >= j else doc[j - 1]
        if noun is not None and noun.i < i:
            end_tok = doc[j - 1]
        end_char = max(end_tok.idx + len(end_tok.text), doc[j - 1].idx + len(doc[j - 1].text))
        out.append(Quantity(
            start=doc[start].idx, end=end_char, text=doc.text[doc[start].idx:end_char], value=value,
            unit=unit, approx=approx or vague,
            head=(noun.idx, noun.idx + len(noun.text)) if noun is not None else None))
        i = j
    return tuple(out)


@Language.factory("wc_quantities", requires=[], assigns=["doc._.wc_quantities"])
def make_component(nlp: Language, name: str):
    register_extensions()
    unit_table()

    def component(doc: Doc) -> Doc:
        doc._.wc_quantities = find_quantities(doc)
        return doc

    return component
