"""Names in sports copy: result lines, tables, fixtures, line-ups and scorecards.

Wire services file results as bare lines the small model reads badly: it
misses names standing before figures ("Rovers 2 Athletic 1", "Dunmore 5 3 1 1 9 4
10"), calls clubs named after towns places, and calls players listed in
line-ups or cricket scorecards organisations. News NER conventions name a
club (even one called after its town) an organisation and keep national sides
as places. The layout itself tells the reading:

* a name followed by a score, at the start of a line or after another score,
  or on either side of "v" in a fixture, is a team;
* a name after a shirt number ("8 - John Smith"), before a bracketed country
  ("John Smith ( Kenya ) 13:06.57"), around the cricket marks "c", "b", "st",
  "lbw", "not out", "run out", or before bowling figures ("5-1-36-1") is a
  player; so is an initial and a surname ("A. Fraser").

Spans are token ranges ``(start, end, spaCy label)``; everything is one pass
over the tokens with a fixed look-around.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

Span3 = tuple[int, int, str]

# a dateline's date after a town ("LONDON 1996-08-30") is no score
_DATE_SHAPE = re.compile(r"^(1[89]|20)\d\d(-\d\d(-\d\d)?)?$")
# overs-maidens-runs-wickets in a bowling analysis
# (matched at a token's offset: the tokenizer splits the figures at the dashes)
_BOWLING = re.compile(r"\d+(\.\d)?-\d+-\d+-\d+\b")
_FIGURE_TOKENS = 9  # "10.2-1-35-3" splits into at most this many tokens
_INITIAL = re.compile(r"^[A-Z]\.$")
# fixture marks between two teams
_VERSUS = frozenset({"v", "vs", "vs.", "v."})
# scorecard marks before a fielder or bowler ("c Moore b Hale", "st Lowe", "lbw b Grant")
_DISMISSAL = frozenset({"c", "b", "st"})
# lower-case words that may follow a team's score in a result line ("Kent 250 all out",
# "Middlesex 199 and 426", "Hull 2 ( after extra time )"); any other lower-case word
# ("Article 5 of", "Flight 103 crashed") means the figure belongs to the noun
_AFTER_SCORE = frozenset({"and", "all", "not", "for", "v", "vs", "in", "after", "at", "pts", "points"})
# verbs and phrases reporting a match result between two sides
_RESULT_VERBS = frozenset({"beat", "beats", "defeated", "defeats", "thrashed", "routed", "trounced",
                           "edged", "outclassed", "overpowered", "whitewashed"})
_RESULT_PHRASES = frozenset({"drew with", "lost to", "victory over", "win over", "draw with",
                             "defeat by", "defeat to", "loss to", "lose to", "beaten by"})
_SEPARATORS = frozenset({"-", ",", "(", ":", ";"})
# last words of club names ("Cambridge United", "Raith Rovers"): a team even when the first word
# is a known first name
CLUB_WORDS = frozenset({"United", "City", "Town", "Rovers", "Athletic", "Albion", "Wanderers", "County",
                        "Rangers", "Celtic", "Thistle", "Hotspur", "Villa", "Forest", "Wednesday",
                        "Palace", "Orient", "Argyle", "Vale", "Academical", "Harriers", "Stanley",
                        "Alexandra", "FC", "AFC", "CF", "SC", "AC", "BC"})
# a sport's name heading a line ("CRICKET - ENGLAND WIN ...") is the desk's slug, not a name
SPORT_SLUGS = frozenset({"cricket", "soccer", "football", "tennis", "golf", "athletics", "rugby",
                         "baseball", "basketball", "boxing", "cycling", "motor", "motorcycling",
                         "racing", "horse", "swimming", "skiing", "rowing", "sailing", "hockey",
                         "squash", "badminton", "snooker", "volleyball", "handball", "judo",
                         "wrestling", "weightlifting", "triathlon", "yachting", "olympics", "sport",
                         "sports", "league", "union", "formula", "one", "nfl", "nba", "nhl"})


def is_numberish(text: str) -> bool:
    """A score, a count or a figure: "6", "4-43", "1996-08-30", ".533", "3/4"."""
    return any(c.isdigit() for c in text) and not any(c.isalpha() for c in text)


def _line_start(doc: Doc, i: int) -> bool:
    return i == 0 or doc[i].is_sent_start or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def _score_at(doc: Doc, i: int) -> bool:
    """Token ``i`` is a figure that can be a score (not a dateline's date)."""
    return i < len(doc) and is_numberish(doc[i].text) and not _DATE_SHAPE.match(doc[i].text)


def scoreline_team(doc: Doc, s: int, e: int, strict: bool = False) -> bool:
    """The name is followed by a score and preceded by nothing, another score or list punctuation:
    a line of a results table ("Boston 5 Detroit 3", "Kent 250 all out"). ``strict`` (for names the
    model did not find at all) also wants the words after the figure to look like a table."""
    if not _score_at(doc, e):
        return False
    if not (_line_start(doc, s) or is_numberish(doc[s - 1].text) or doc[s - 1].text in _SEPARATORS):
        return False
    if not strict:
        return True
    nxt = doc[e + 1] if e + 1 < len(doc) else None
    return nxt is None or not (nxt.text.isalpha() and nxt.text.islower()) or nxt.text in _AFTER_SCORE


def fixture_team(doc: Doc, s: int, e: int) -> bool:
    """One side of a fixture: "Birmingham v Barnsley", or the visitors in a schedule line
    "Chicago at Toronto" (the home side there reads as the venue, a place)."""
    if (s > 0 and doc[s - 1].text in _VERSUS) or (e < len(doc) and doc[e].text in _VERSUS):
        return True
    return _at_line(doc, s, e)


def _at_line(doc: Doc, s: int, e: int) -> bool:
    """A schedule line of two names joined by "at" and nothing else (headline capitals restored)."""
    def line_end(i: int) -> bool:
        return i >= len(doc) or "\n" in doc[i].text or (doc[i].is_punct and i + 1 >= len(doc))
    if _line_start(doc, s) and e < len(doc) and doc[e].lower_ == "at":
        j = e + 1
        while j < len(doc) and doc[j].text[:1].isupper():
            j += 1
        return j > e + 1 and line_end(j)
    return False


def result_side(doc: Doc, s: int, e: int) -> bool:
    """The name stands next to a result verb: "Derbyshire beat Kent", "lost to Essex",
    "a victory over Sussex"."""
    n = len(doc)
    if e < n and doc[e].lower_ in _RESULT_VERBS:
        return True
    if s > 0 and doc[s - 1].lower_ in _RESULT_VERBS:
        return True
    return s > 1 and f"{doc[s - 2].lower_} {doc[s - 1].lower_}" in _RESULT_PHRASES


def player(doc: Doc, s: int, e: int, is_country: Callable[[list[str]], bool]) -> bool:
    """Layout cues that a name is an athlete: line-up number, bracketed country, scorecard marks."""
    n = len(doc)
    prev = doc[s - 1].text if s > 0 else ""
    # "8 - Zinzan Brooke", "( 18 - John Smith , 88th )": a shirt number and a spaced dash
    if prev == "-" and s > 1 and doc[s - 2].text.isdigit() and doc[s - 2].whitespace_:
        return True
    # "R. Patel c Moore b Hale 41", "lbw b Hale", "st Lowe b Grant"
    if prev in _DISMISSAL or (e < n and doc[e].text in _DISMISSAL and e + 1 < n
                              and (doc[e + 1].text[:1].isupper() or doc[e + 1].text == "b")):
        return True
    if e < n and doc[e].text == "lbw":
        return True
    if e + 1 < n and doc[e + 1].text == "out" and doc[e].text in ("not", "run"):
        return True
    # a few tokens' text, not doc.text: Doc.text joins every token on each access
    if e < n and _BOWLING.match(doc[e:e + _FIGURE_TOKENS].text):
        return True
    # "Trine Smith ( Norway ) 65.12": a single word is a club when an integer score follows
    if e + 2 < n and doc[e].text == "(" and doc[e + 2].text == ")" \
            and is_country([doc[e + 1].text]):
        after = doc[e + 3].text if e + 3 < n else ""
        return e - s > 1 or not after.isdigit()
    return False


def initial_surname(doc: Doc, i: int) -> int:
    """End of an "A. Fraser" / "K. Curran" name starting at token ``i`` (``i`` when there is none)."""
    if not _INITIAL.match(doc[i].text):
        return i
    j = i + 1
    while j < len(doc) and _INITIAL.match(doc[j].text):
        j += 1
    if j < len(doc) and doc[j].text[:1].isupper() and doc[j].text[1:2].islower() and doc[j].is_alpha:
        return j + 1
    return i


def name_runs(doc: Doc, taken: list[bool]) -> list[tuple[int, int]]:
    """Runs of capitalised words no entity covers (a particle may join two: "Joaquin del Olmo")."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        if taken[i] or not _cap_word(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < n and not taken[j] and (_cap_word(doc[j]) or (
                doc[j].text in ("de", "del", "van", "von", "der", "da", "dos", "di", "le", "la")
                and j + 1 < n and not taken[j + 1] and _cap_word(doc[j + 1]))):
            j += 1
        runs.append((i, j))
        i = j
    return runs


def sport_slug(doc: Doc, s: int, e: int) -> bool:
    """The span is (part of) a heading "CRICKET -" / "RUGBY LEAGUE -" at the start of a line."""
    j = s
    while j > 0 and not _line_start(doc, j) and doc[j - 1].lower_ in SPORT_SLUGS:
        j -= 1
    k = e
    while k < len(doc) and doc[k].lower_ in SPORT_SLUGS:
        k += 1
    return _line_start(doc, j) and k < len(doc) and doc[k].text == "-" \
        and all(t.lower_ in SPORT_SLUGS for t in doc[s:e])


def _cap_word(tok: Token) -> bool:
    t = tok.text
    return t[:1].isupper() and any(c.isalpha() for c in t) and t not in ("I", "A", "AT", "V")
