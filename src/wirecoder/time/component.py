"""Component `wc_timexes`: find time expressions and normalise them to TIMEX3 values.

Detection runs a fixed set of compiled patterns (lexicon.py) over the text; each
match goes through its rule (rules.py), which gives the TIMEX3 type, value and
precision against ``doc._.wc_dateline``, using the clause's tense to choose
between the Friday before and the Friday after the dateline. Overlapping
matches keep the longest ("October last year" over "October"). spaCy DATE/TIME
entities the patterns missed are kept with value None only when they hold a
time word, so recall does not depend on the statistical model alone.
"""
from __future__ import annotations

import bisect
import re
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..nlp.extensions import register_extensions
from ..records import TimeExpression
from .lexicon import lexicon, patterns
from .narrative import resolve_anaphora
from .rules import _FRACTION_OF, Context
from .rules_extra import RULES
from .rules_values import anchor_reported_quarter
from .tense import future_cue, governing_verb, tense_of

# Quarterly-results copy: its "a year ago" means the same quarter of the previous year.
_EARNINGS = re.compile(r"\b(?:net income|earnings|net loss|profit|revenue|per share|a share)\b", re.I)
_QUARTER = re.compile(r"\bquarter", re.I)
_BARE_UNITS = {"years": "Y", "months": "M", "weeks": "W", "days": "D", "decades": "DE", "hours": "H"}
_AGE = re.compile(r"\bold\b|-old\b", re.I)
_DEADLINE_PREPS = frozenset({"until", "till", "til"})
# Present-tense reporting verbs tell of the day itself ("officials say Monday"), not a plan.
_REPORTING = frozenset({"say", "tell", "report", "announce", "state", "confirm", "claim", "add", "note"})

# Order breaks ties between equally long matches: the first listed wins.
_PRIORITY = {name: i for i, name in enumerate(RULES)}


class _TokenIndex:
    """Character offset -> token, built on first use (most documents ask a few times)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._starts: list[int] | None = None

    def at(self, pos: int) -> Token | None:
        if self._starts is None:
            self._starts = [t.idx for t in self.doc]
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None


def _is_year(doc: Doc, idx: _TokenIndex, s: int, e: int) -> bool:
    """A 4-digit number is a year unless its words say it is a count or an identifier."""
    tok = idx.at(s)
    if tok is None:
        return True
    head = tok.head
    if tok.dep_ == "nummod" and head.i == tok.i + 1 and head.lemma_.lower() in lexicon()["count_nouns"]:
        return False  # "2000 troops" (the model calls it a DATE too; "1989 results" is a year)
    if tok.i > 0 and doc[tok.i - 1].lower_ in lexicon()["year_blockers"]:
        return False
    if tok.ent_type_ == "DATE":
        return True
    return not (tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") and tok.dep_ == "nummod")


def _after_until(tok: Token) -> bool:
    """The expression is the object of "until" (a deadline): the word before it, or a
    preposition a few steps up the parse ("until 9 a.m. Tuesday")."""
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ in _DEADLINE_PREPS:
        return True
    t = tok
    for _ in range(3):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.dep_ == "prep":
            return t.lower_ in _DEADLINE_PREPS
    return False


def _tense_fn(doc: Doc, idx: _TokenIndex):
    has_parse = doc.has_annotation("DEP")

    def tense_at(pos: int) -> str | None:
        if not has_parse:
            return None
        tok = idx.at(pos)
        if tok is None:
            return None
        if future_cue(tok):
            return "future"
        if tok.i > 0 and doc[tok.i - 1].lower_ == "effective":
            return None  # "a rule effective Feb. 1": the nearest such day, whatever the tense
        t = tense_of(tok)
        if t in ("present", "perfect") and _after_until(tok):
            return "future"  # "has given them until Tuesday", "talks run until Friday"
        if t == "present":
            verb = governing_verb(tok)
            if verb is not None and verb.lemma_.lower() in _REPORTING:
                return "report"  # "officials say Monday": a report of the day, not a plan
            if verb is not None and verb.lower_ in lexicon()["same_past_forms"]:
                return None  # "stocks hurt", "oil prices hit": the tagger cannot tell the tense
        return "past" if t == "perfect" else t
    return tense_at


def _candidates(ctx: Context) -> list[tuple[int, int, int, list[TimeExpression]]]:
    out = []
    for name, rx in patterns().compiled:
        rule = RULES[name]
        for m in rx.finditer(ctx.text):
            if m.end() <= m.start():
                continue
            recs = rule(m, ctx)
            if recs:
                s, e = min(r.start for r in recs), max(r.end for r in recs)
                out.append((s, e, _PRIORITY[name], recs))
    return out


def _select(cands: list[tuple[int, int, int, list[TimeExpression]]]) -> list[TimeExpression]:
    """Longest first; a candidate overlapping a kept one is dropped."""
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    kept: list[TimeExpression] = []
    for s, e, _, recs in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        kept.extend(recs)
    kept.sort(key=lambda r: r.start)
    return kept


def _not_modifiers(doc: Doc, idx: _TokenIndex, found: list[TimeExpression]) -> list[TimeExpression]:
    """Drop "future" / "quarterly" where they modify a noun ("future earnings")."""
    words = lexicon()["not_as_modifier"]
    out = []
    for t in found:
        if t.text.lower() in words and doc.has_annotation("DEP"):
            tok = idx.at(t.start)
            if tok is not None and tok.dep_ == "amod" and tok.head.i > tok.i:
                continue
        out.append(t)
    return out


def _date_clock_times(doc: Doc, idx: _TokenIndex, found: list[TimeExpression]) -> list[TimeExpression]:
    """"10:35 a.m. Friday": a clock time takes the day of a weekday/date next to it (same sentence)."""
    out = list(found)
    merged: set[int] = set()
    text = doc.text  # built once: Doc.text joins every token on each access
    has_sents = doc.has_annotation("SENT_START")
    for i, t in enumerate(found):
        if t.type != "TIME" or not t.value or "T" not in t.value or t.value[11:12].isalpha():
            continue
        tok = idx.at(t.start)
        sent = tok.sent if tok is not None and has_sents else None
        for other in found:
            if other is t or other.type != "DATE" or other.precision != "day" or not other.value:
                continue
            if abs(other.start - t.end) > 40 and abs(t.start - other.end) > 40:
                continue
            if sent is not None and not (sent.start_char <= other.start < sent.end_char):
                continue
            value = other.value + t.value[10:]
            gap = text[min(t.end, other.end):max(t.start, other.start)]
            if gap.strip(" ,") == "" or gap.strip().lower() == "on":  # "noon Thursday": one expression
                s, e = min(t.start, other.start), max(t.end, other.end)
                out[i] = TimeExpression(s, e, text[s:e], "TIME", value, "day", t.anchored)
                merged.add(id(other))
            else:
                out[i] = TimeExpression(t.start, t.end, t.text, t.type, value, t.precision, t.anchored)
            break
    return [t for t in out if id(t) not in merged]


def _ner_extras(doc: Doc, found: list[TimeExpression], ctx: Context) -> list[TimeExpression]:
    """DATE/TIME entities no pattern matched: kept unresolved when they name a time unit."""
    extra = []
    units = tuple(lexicon()["units"])
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        if any(ent.start_char < t.end and t.start < ent.end_char for t in found):
            continue
        low = ent.text.lower()
        if not any(u in low for u in units) or _AGE.search(low):
            continue
        if low.endswith(" of"):
            continue  # "the night of": the date after it is the expression (its own match)
        if low in lexicon()["not_as_modifier"] and ent.root.dep_ == "amod":
            continue
        if "quarter" in low and _FRACTION_OF.match(ctx.text, ent.end_char):
            continue  # "more than a quarter of the market"
        bare = low.removeprefix("the ").strip()
        if bare in _BARE_UNITS:  # "for weeks", "the years": a vague span, PXW / PXY
            extra.append(TimeExpression(ent.start_char, ent.end_char, ent.text, "DURATION",
                                        f"P{'T' if bare == 'hours' else ''}X{_BARE_UNITS[bare]}", None))
            continue
        extra.append(TimeExpression(ent.start_char, ent.end_char, ent.text, "DATE", None, None,
                                    anchored=ctx.dateline is not None))
    return extra


def find_timexes(doc: Doc) -> tuple[TimeExpression, ...]:
    """Every time expression in ``doc``, normalised against ``doc._.wc_dateline``, in text order."""
    idx = _TokenIndex(doc)
    dateline = doc._.wc_dateline if Doc.has_extension("wc_dateline") else None
    ctx = Context(text=doc.text, dateline=dateline, tense_at=_tense_fn(doc, idx),
                  is_year=lambda s, e: _is_year(doc, idx, s, e),
                  earnings=bool(_QUARTER.search(doc.text) and _EARNINGS.search(doc.text)))
    found = _not_modifiers(doc, idx, _select(_candidates(ctx)))
    found = _date_clock_times(doc, idx, found)
    found = resolve_anaphora(found)
    found = anchor_reported_quarter(found, doc.text, dateline, ctx.tense_at)
    found.extend(_ner_extras(doc, found, ctx))
    found.sort(key=lambda r: r.start)
    return tuple(found)


@Language.factory("wc_timexes", requires=[], assigns=["doc._.wc_timexes"])
def make_component(nlp: Language, name: str):
    register_extensions()
    patterns()  # compile once, at pipeline build time

    def component(doc: Doc) -> Doc:
        doc._.wc_timexes = find_timexes(doc)
        return doc

    return component


__all__ = ["find_timexes", "make_component"]
