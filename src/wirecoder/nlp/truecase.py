"""Restore capitals in documents whose case carries no information, without moving any offset.

Some archives deliver text all in lower case ("police fired tear gas in
ahmedabad on tuesday") or all in capitals (wire bulletins). spaCy's tagger and
NER, and every name lookup after them, lean on capitals; on such text the
event words are still found but the actors are lost. This stage decides per
document whether its case is uninformative and, if so, rebuilds a plausible
casing: sentence starts, "I", known names (see truecase_lexicon), month names
next to a day number, and initials before a raised name. Only letters change
case, one character for one character, so every span the pipeline reports
still points into the original text. Mixed-case documents are returned as they
are (the same object).
"""
from __future__ import annotations

import re

from .truecase_lexicon import WORD, Lexicon, is_common, lexicon

# A document is "lower" when fewer than this share of its words start with a capital, and
# "upper" when at least this share of its cased letters are capitals.
_LOWER_MAX_CAPITAL_SHARE = 0.02
_UPPER_MIN_CAPITAL_SHARE = 0.9
# Lower-case fragments this short are left alone (a keyword, a test snippet): too little to judge.
_LOWER_MIN_WORDS = 6
_UPPER_MIN_LETTERS = 4

_WORD_START = re.compile(r"\b[^\W\d_]")
_CASED = re.compile(r"[^\W\d_]")
# The end of a sentence inside the gap between two words: terminal punctuation, closing quotes or
# brackets, then white space.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")
_NUMBER = re.compile(r"\d")
# Words a period follows without ending the sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen col lt sgt capt cpt gov sen rep st no vs jr sr prof rev maj adm cmdr inc co corp "
    "ltd messrs hon brig fig vol pp approx est dept univ ave blvd mt ft".split())
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
_VOWELS = frozenset("aeiouy")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr"})
_CONTRACTION_TAILS = frozenset({"t", "ll", "re", "ve", "d", "m"})
# Words before a month name that make it a date ("in may", "since march", "last august").
_MONTH_CUES = frozenset("in since until till by last next early late mid of during from through".split())


def case_mode(text: str) -> str | None:
    """'lower' or 'upper' when the document's case carries no information, else None."""
    starts = _WORD_START.findall(text)
    if not starts:
        return None
    capitals = sum(map(str.isupper, starts))
    if capitals <= _LOWER_MAX_CAPITAL_SHARE * len(starts):
        return "lower" if len(starts) >= _LOWER_MIN_WORDS else None
    if capitals < _UPPER_MIN_CAPITAL_SHARE * len(starts):
        return None  # the common case, decided on word starts alone
    letters = _CASED.findall(text)
    cased = [c for c in letters if c.isupper() != c.islower()]
    upper = sum(1 for c in cased if c.isupper())
    if len(cased) >= _UPPER_MIN_LETTERS and upper >= _UPPER_MIN_CAPITAL_SHARE * len(cased):
        return "upper"
    return None


def restore_case(text: str) -> str:
    """``text`` with plausible capitals when it is all lower or all upper case; same length.

    Any other text comes back unchanged (the same object).
    """
    mode = case_mode(text)
    if mode is None:
        return text
    base = _lower_keeping_length(text) if mode == "upper" else text
    return _restore(base, lexicon(), mode)


def _lower_keeping_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _raise_first(chars: list[str], i: int) -> None:
    up = chars[i].upper()
    if len(up) == 1:
        chars[i] = up


def _apply_form(chars: list[str], start: int, form: str) -> None:
    """Raise the letters of ``chars[start:]`` that ``form`` has in capitals; never lowers one."""
    for k, f in enumerate(form):
        c = chars[start + k]
        if f != c and f.isupper() and f.lower() == c:
            chars[start + k] = f


def _restore(text: str, lex: Lexicon, mode: str) -> str:
    chars = list(text)
    runs = [(m.start(), m.end()) for m in WORD.finditer(text)]
    low = [text[a:b].lower() for a, b in runs]
    raised = [False] * len(runs)
    # surnames this document has named in full ("george bush ... bush said"): raised from then on
    named: dict[str, str] = {}
    n = len(runs)
    i = 0
    while i < n:
        start, end = runs[i]
        taken = _match_multi(text, runs, low, i, lex)
        if taken:
            mname, k = taken
            _apply_form(chars, start, mname.form)
            raised[i:i + k] = [True] * k
            if mname.person:
                named[low[i + k - 1]] = mname.form[runs[i + k - 1][0] - start:]
            i += k
            continue
        form = _single_form(text, runs, low, i, lex, named, mode)
        if form is not None:
            _apply_form(chars, start, form)
            raised[i] = True
            if i > 0 and (low[i - 1] in lex.titles or low[i - 1] in _HONORIFICS) and len(form) > 2:
                named.setdefault(low[i], form)
        elif low[i] == "i" and _standalone_i(text, start, end):
            _raise_first(chars, start)
        i += 1
    for i in range(n - 2, -1, -1):  # initials, right to left: "p c pande", "p.c. pande"
        if raised[i + 1] and len(low[i]) == 1 and _is_initial(text, runs, i):
            _raise_first(chars, runs[i][0])
            raised[i] = True
    for i in range(n):
        if _starts_sentence(text, runs, low, i):
            _raise_first(chars, runs[i][0])
    return "".join(chars)


def _single_form(text: str, runs: list[tuple[int, int]], low: list[str], i: int, lex: Lexicon,
                 named: dict[str, str], mode: str) -> str | None:
    """The cased form of the single word ``low[i]``, or None to leave it as it is."""
    word = low[i]
    if not _standalone(text, runs, i) or _contracted(text, runs[i][1]) or _in_address(text, runs[i]):
        return None
    form = lex.single.get(word) or named.get(word)
    if form is not None:
        return form
    prev = low[i - 1] if i > 0 else ""
    if word in _HONORIFICS and _honorific_before_name(text, runs, i):
        return word.capitalize()
    if prev in _HONORIFICS and _honorific_before_name(text, runs, i - 1) and word not in lex.stop:
        return lex.titled.get(word, word.capitalize())  # "mrs. may", "dr. rice": the name, whatever it is
    if word in lex.titled and prev in lex.titles:
        return lex.titled[word]  # "president bush", "premier may"
    if word == "us":
        return "US" if _is_country_us(text, runs, low, i, lex) else None
    if word in _MONTHS:
        return word.capitalize() if _is_date_month(text, runs, low, i, lex) else None
    if len(word) < 3 or word in lex.stop or not word.isalpha() or text[runs[i][1]:runs[i][1] + 1] == "-" \
            or is_common(word, lex.common):  # "pre-", "neo-": a prefix left unglued
        return None
    # a word no dictionary knows: a name ("pande", "raqqa"), or an acronym when it cannot be said
    # ("crpf") or, in text that came in capitals, when it is short ("FEC", "NYPD")
    if len(word) <= 5 and not _VOWELS.intersection(word) or mode == "upper" and len(word) <= 4:
        return word.upper()
    return word.capitalize()


def _contracted(text: str, end: int) -> bool:
    """ "doesn't", "they'll": the word is the first half of a contraction, not a name."""
    if text[end:end + 1] not in ("'", "’"):
        return False
    m = WORD.match(text, end + 1)
    return m is not None and m.group().lower() in _CONTRACTION_TAILS


def _in_address(text: str, run: tuple[int, int]) -> bool:
    """Part of a URL, a file name or an e-mail address ("http://", "example.com", "pic.twitter")."""
    start, end = run
    before = text[start - 1] if start else " "
    after = text[end:end + 2]
    return before in "./@:" or (len(after) == 2 and after[0] in "./@:" and (after[1].isalnum() or after[1] == "/"))


def _honorific_before_name(text: str, runs: list[tuple[int, int]], i: int) -> bool:
    if i + 1 >= len(runs):
        return False
    return text[runs[i][1]:runs[i + 1][0]] in (" ", ". ")


def _match_multi(text: str, runs: list[tuple[int, int]], low: list[str], i: int, lex: Lexicon):
    for mname in lex.multi.get(low[i], ()):
        k = len(mname.words)
        if i + k > len(runs) or tuple(low[i:i + k]) != mname.words:
            continue
        if all(_sep_matches(text[runs[j][1]:runs[j + 1][0]], mname.seps[j - i]) for j in range(i, i + k - 1)):
            if _standalone(text, runs, i, i + k - 1):
                return mname, k
    return None


def _sep_matches(gap: str, sep: str) -> bool:
    if sep.isspace():
        return gap.isspace() or gap == ""
    return gap == sep


def _standalone(text: str, runs: list[tuple[int, int]], i: int, last: int | None = None) -> bool:
    """The word(s) are not glued to a digit or a letter-apostrophe run ("don't" is not "don" + "t")."""
    start, end = runs[i][0], runs[last if last is not None else i][1]
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not before.isdigit() and not after.isdigit() and before not in "'’"


def _standalone_i(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    # "i", "i'm", "i've"; not "i.e." nor "(i)" list markers nor the "i" of a hyphenated code
    return (before.isspace() or before in "\"“‘(") and (after.isspace() or after in "'’,;:!?\"”") \
        and not (before == "(" and after == ")")


def _is_country_us(text: str, runs: list[tuple[int, int]], low: list[str], i: int, lex: Lexicon) -> bool:
    """ "the us", "us-led", "us troops": the country; "told us", "for us" stay the pronoun."""
    end = runs[i][1]
    if text[end:end + 1] == "-" and i + 1 < len(runs):
        return True
    if i > 0 and low[i - 1] == "the" and text[runs[i - 1][1]:runs[i][0]] == " ":
        return True
    return i + 1 < len(runs) and text[end:runs[i + 1][0]] == " " and low[i + 1] in lex.us_next


def _is_date_month(text: str, runs: list[tuple[int, int]], low: list[str], i: int, lex: Lexicon) -> bool:
    word = low[i]
    if len(word) <= 4 and word not in ("may", "june", "july"):
        # "mar", "dec", "jan": only right before a day number ("jan 5"), never alone
        nxt = text[runs[i][1]:runs[i][1] + 3]
        return bool(_NUMBER.search(nxt)) and nxt[:1] in " ."
    if word not in lex.common:
        return True  # "january", "june": no namesake among ordinary words
    after = text[runs[i][1]:runs[i][1] + 3]
    before = text[max(0, runs[i][0] - 3):runs[i][0]]
    if _NUMBER.search(after) or _NUMBER.search(before):
        return True  # "may 5", "5 march", "august 2019"
    return i > 0 and low[i - 1] in _MONTH_CUES and word != "may" and text[runs[i - 1][1]:runs[i][0]] == " "


def _is_initial(text: str, runs: list[tuple[int, int]], i: int) -> bool:
    start, end = runs[i]
    gap = text[end:runs[i + 1][0]]
    before = text[start - 1] if start else " "
    if gap not in (" ", ".", ". "):
        return False
    if gap == " " and text[start:end].lower() in ("a", "i"):
        return False  # "a pakistani official", "i saw": the article and the pronoun, not initials
    return start == 0 or before.isspace() or before in ".(\"“"


def _starts_sentence(text: str, runs: list[tuple[int, int]], low: list[str], i: int) -> bool:
    start = runs[i][0]
    if i == 0:
        gap = text[:start]
        return not any(c.isalnum() for c in gap)
    prev_end = runs[i - 1][1]
    gap = text[prev_end:start]
    if "\n" in gap and not any(c.isalnum() for c in gap.split("\n")[-1]):
        return True  # a new line: a headline, a paragraph, a list item
    m = _SENTENCE_END.search(gap)
    if not m or any(c.isalnum() for c in gap[m.end():]):
        return False
    if m.start() == 0 and text[m.start() + prev_end] == ".":
        prev = low[i - 1]
        if len(prev) == 1 or prev in _ABBREVIATIONS:
            return False  # "u.s. officials", "gen. smith"
    return True
