"""Event dates: which time expression dates an event (owned by the time stage).

The rule, in order:

1. a date in the trigger's own clause: the trigger's subtree, not entering
   clauses with verbs of their own (ccomp, advcl, relcl, xcomp, conj ...);
   the one nearest the trigger wins;
2. else a date in the clauses that govern it, walking up the parse to the
   sentence root ("Russia said on Monday it would withdraw": Monday);
3. else the dateline, when the event is told as current: the governing verb is
   present tense, present perfect, or a reporting verb (said, told, announced),
   or there is no verb at all (a headline fragment). A clearly past event
   (simple or past perfect tense) or a future one with no date of its own gets
   None: guessing the dateline would put it on the wrong day.

Only DATE/TIME expressions with a value date an event: durations ("for seven
hours"), sets ("every week") and PAST_REF/FUTURE_REF never do; PRESENT_REF
("now") stands for the dateline. Values come back in the contract's shapes:
"2022-01-12" (day), "2022-01" (month), "2022" (year), "202" (decade); a week
is reported as the month of its Thursday and a quarter or season as its year.
"""
from __future__ import annotations

from datetime import date as Date

from spacy.tokens import Doc, Token

from ..records import Precision, TimeExpression
from .tense import CLAUSE_DEPS, governing_verb, verb_tense

_REPORTING = frozenset({"say", "tell", "announce", "report", "state", "add", "confirm", "claim", "declare",
                        "insist", "warn", "note", "write", "accuse", "deny", "urge", "call"})


def _clause_tokens(head: Token) -> set[int]:
    """Indices of the tokens of ``head``'s clause, not descending into clauses of its own."""
    out: set[int] = set()
    stack = [head]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(c for c in t.children if c.dep_ not in CLAUSE_DEPS)
    return out


def _usable(t: TimeExpression) -> bool:
    if t.type not in ("DATE", "TIME") or not t.value:
        return False
    return t.value not in ("PAST_REF", "FUTURE_REF") and "X" not in t.value


def _as_event_date(t: TimeExpression, dateline: Date | None) -> tuple[str | None, Precision | None]:
    v = t.value or ""
    if v == "PRESENT_REF":
        return (dateline.isoformat(), "day") if dateline else (None, None)
    if "T" in v and len(v) >= 10 and v[4] == "-":
        v = v[:10]  # "2022-01-10TMO" / "2022-01-10T10:35": the day
    if len(v) == 10:
        return v, "day"
    if "-W" in v:
        y, w = v[:4], v[6:8]
        try:
            thursday = Date.fromisocalendar(int(y), int(w), 4)
        except ValueError:
            return None, None
        return f"{thursday.year:04d}-{thursday.month:02d}", "month"
    if len(v) == 7 and v[4] == "-" and v[5:].isdigit():
        return v, "month"
    if len(v) == 7 and v[4] == "-":
        return v[:4], "year"  # a quarter or a season
    if len(v) == 4 and v.isdigit():
        return v, "year"
    if len(v) == 3 and v.isdigit():
        return v, "decade"
    if len(v) == 2 and v.isdigit():
        return v, "century"
    return None, None


def _token_of(doc: Doc, t: TimeExpression) -> Token | None:
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _nearest(cands: list[tuple[int, TimeExpression]], i: int) -> TimeExpression:
    return min(cands, key=lambda c: (abs(c[0] - i), c[0]))[1]


def event_date(doc: Doc, trigger: Token, timexes: tuple[TimeExpression, ...]) -> tuple[str | None, Precision | None]:
    """The date of the event whose trigger is ``trigger``: its own clause's date, else its
    sentence's, else the dateline for present-tense reporting. Returns (value, precision)."""
    dateline: Date | None = doc._.wc_dateline if Doc.has_extension("wc_dateline") else None
    sent = trigger.sent if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else doc[:]
    placed = []
    for t in timexes:
        if _usable(t) and sent.start_char <= t.start < sent.end_char:
            tok = _token_of(doc, t)
            if tok is not None:
                placed.append((tok.i, t))
    if placed and doc.has_annotation("DEP"):
        head = trigger
        for _ in range(12):
            clause = _clause_tokens(head)
            inside = [(i, t) for i, t in placed if i in clause]
            if inside:
                return _as_event_date(_nearest(inside, trigger.i), dateline)
            if head.head.i == head.i:
                break
            up = governing_verb(head.head)
            if up is None or up.i == head.i:
                break
            head = up
    elif placed:  # no parse: the sentence's nearest date
        return _as_event_date(_nearest(placed, trigger.i), dateline)
    return _dateline_if_current(trigger, dateline)


def _dateline_if_current(trigger: Token, dateline: Date | None) -> tuple[str | None, Precision | None]:
    if dateline is None:
        return None, None
    verb = governing_verb(trigger) if trigger.doc.has_annotation("DEP") else None
    if verb is None:
        return dateline.isoformat(), "day"
    tense = verb_tense(verb)
    if verb.lemma_.lower() in _REPORTING and tense != "future":
        return dateline.isoformat(), "day"
    if tense in ("present", "perfect") or tense is None:
        return dateline.isoformat(), "day"
    return None, None
