"""Word-form conventions for the output entity list: compounds, competitions, datelines, surnames.

News NER conventions (CoNLL, OntoNotes) that the small model does not follow:

* a name fused with a hyphen to an affix is an adjective-like miscellaneous
  name as a whole: "Hong Kong-based", "ex-England", "Amman-bound";
* a competition or holiday named with its head word ("World Cup",
  "U.S. Open", "Labor Day", "Gulf War") is an event, not an organisation or
  a place, and a year before it belongs to it ("1998 World Cup");
* the town that opens a dateline ("LONDON 1996-08-30", "DHAKA ,
  Bangladesh 1996-08-31") is a place;
* a lone surname repeats a person named in full earlier in the document.

Spans are token ranges ``(start, end, spaCy label)``; each rule is one pass.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

Span3 = tuple[int, int, str]

# lower-case words fused after a name into an adjective ("Boston-based", "U.S.-led")
_SUFFIXES = frozenset({"based", "born", "bred", "bound", "led", "backed", "registered", "listed",
                       "sponsored", "owned", "made", "built", "run", "funded", "speaking", "style",
                       "origin", "brokered", "mediated", "educated", "trained", "held", "inspired",
                       "allied", "oriented", "centred", "centered", "flagged", "designed"})
# prefixes fused before one ("ex-England", "pro-Western", "post-Games")
_PREFIXES = frozenset({"ex", "pre", "post", "pro", "anti", "non", "pan", "mainly", "all"})
# head words of competitions, holidays and wars
_EVENT_HEADS = frozenset({"Cup", "Open", "Championship", "Championships", "Games", "Olympics", "Prix",
                          "Masters", "Series", "Trophy", "Classic", "Tour", "Bowl", "Grand Slam",
                          "Marathon", "Rally", "Festival", "Day", "War", "Invitational"})
# "League" names a competition after these words ("Premier League"); otherwise it is often a
# party ("Awami League", "Muslim League") and is left alone
_SPORT_LEAGUE = frozenset({"National", "American", "Premier", "Major", "Champions", "Football",
                           "Rugby", "Basketball", "Hockey", "Baseball", "Super", "Nationwide",
                           "Scottish", "English", "Eredivisie"})
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_DATE = re.compile(r"(1[89]|20)\d\d-\d\d-\d\d\b")  # matched on the text of the tokens from one on
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _glued(doc: Doc, i: int) -> bool:
    """Token ``i`` is written with no space after it."""
    return not doc[i].whitespace_


def hyphen_compounds(doc: Doc, spans: list[Span3]) -> list[Span3]:
    """Widen names fused with a hyphen to an affix into one miscellaneous name."""
    out: list[Span3] = []
    n = len(doc)
    for s, e, label in spans:
        if label in ("PERSON", "CARDINAL", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"):
            out.append((s, e, label))
            continue
        s2, e2 = s, e
        if e + 1 < n and doc[e].text == "-" and _glued(doc, e - 1) and _glued(doc, e) \
                and doc[e + 1].lower_ in _SUFFIXES and doc[e + 1].text.islower():
            e2 = e + 2
        if s > 1 and doc[s - 1].text == "-" and _glued(doc, s - 2) and _glued(doc, s - 1) \
                and doc[s - 2].text in _PREFIXES:
            s2 = s - 2
        out.append((s2, e2, "NORP") if (s2, e2) != (s, e) else (s, e, label))
    # a capitalised word the model left out after a prefix ("ex-England")
    taken = {i for s, e, _ in spans for i in range(s, e)}
    for i in range(2, n):
        if i not in taken and doc[i].text[:1].isupper() and doc[i].is_alpha and doc[i - 1].text == "-" \
                and _glued(doc, i - 2) and _glued(doc, i - 1) and doc[i - 2].text in _PREFIXES:
            out.append((i - 2, i + 1, "NORP"))
    return sorted(out)


def _event_head(doc: Doc, s: int, e: int) -> bool:
    last = doc[e - 1].text
    if last == "League":
        return e - s > 1 and any(t.text in _SPORT_LEAGUE for t in doc[s:e - 1])
    if e - s > 1 and f"{doc[e - 2].text} {last}" in _EVENT_HEADS:
        return True
    return last in _EVENT_HEADS and e - s > 1


def events(doc: Doc, spans: list[Span3]) -> list[Span3]:
    """Competitions, holidays and wars named with their head word are events; a year before
    one belongs to it. A bare head the model left out joins the name before it ("German Cup")."""
    taken = {i for s, e, _ in spans for i in range(s, e)}
    out: list[Span3] = []
    n = len(doc)
    for s, e, label in spans:
        if label in ("ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"):
            e2 = e
            if e < n and e not in taken and doc[e].text in _EVENT_HEADS and doc[e].text != "Day" \
                    and label in ("NORP", "GPE"):
                e2 = e + 1  # "German Cup", "Hong Kong Open"
            if _event_head(doc, s, e2):
                s2 = s
                if s > 0 and _YEAR.match(doc[s - 1].text):
                    s2 = s - 1
                    if out and out[-1][:2] == (s - 1, s):  # the year read as a date of its own
                        out.pop()
                    elif (s - 1) in taken:
                        s2 = s
                out.append((s2, e2, "EVENT"))
                continue
        out.append((s, e, label))
    return out


def datelines(doc: Doc, spans: list[Span3]) -> list[Span3]:
    """The town (and country) opening a dateline line are places."""
    n = len(doc)
    out: list[Span3] = []
    for s, e, label in spans:
        if label in ("ORG", "PERSON", "NORP") and _line_start(doc, s):
            j = e
            if j < n and doc[j].text == ",":  # "DHAKA , Bangladesh 1996-08-31"
                j += 1
                while j < n and doc[j].text[:1].isupper():
                    j += 1
            if j < n and _DATE.match(doc[j:j + 8].text):  # a few tokens: Doc.text joins them all
                label = "GPE"
        out.append((s, e, label))
    return out


def _line_start(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def surnames(doc: Doc, spans: list[Span3]) -> list[Span3]:
    """A one-word name that is the surname of a person named in full in the document is that person."""
    last = {doc[e - 1].text for s, e, label in spans if label == "PERSON" and e - s > 1
            and doc[e - 1].text[:1].isupper() and doc[e - 1].is_alpha}
    if not last:
        return spans
    out = [(s, e, "PERSON") if e - s == 1 and label in ("ORG", "GPE", "LOC", "NORP", "PRODUCT")
           and doc[s].text in last else (s, e, label) for s, e, label in spans]
    taken = {i for s, e, _ in spans for i in range(s, e)}
    out += [(t.i, t.i + 1, "PERSON") for t in doc if t.i not in taken and t.text in last]
    return sorted(out)
