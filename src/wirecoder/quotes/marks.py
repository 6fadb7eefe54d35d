"""Quotation-mark scanning: the stretches of text that stand inside quotation marks.

Handles straight and curly double quotes, guillemets and single quotes
(curly or straight, told apart from apostrophes by their neighbours). A
quote left open at a paragraph end continues when the next paragraph opens
with a quotation mark (the English convention for multi-paragraph quotes);
otherwise it ends with its paragraph. Works on characters, before any
token is looked at, with one compiled pattern.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# `` and '' are the double quotes of some wire and newspaper archives (typewriter style).
_MARK = re.compile(r"``|''|[\"“”„«»‘’']|\n")
_DOUBLE_OPEN = frozenset("“„«")
_DOUBLE_CLOSE = frozenset("”»")
_OPEN_BEFORE = frozenset(" \t\n([{—–-/:")


@dataclass(frozen=True, slots=True)
class Marked:
    """Content inside quotation marks: [start, end) excludes the marks themselves."""

    start: int
    end: int
    double: bool  # double quotes / guillemets; False for single quotes


def _opens(text: str, i: int) -> bool:
    """A straight or curly mark at i that could open a quote: start of text or after a space/bracket."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return prev in _OPEN_BEFORE and not nxt.isspace()


def _closes(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isspace() and not nxt.isalnum()


def find_marked(text: str) -> tuple[Marked, ...]:
    out: list[Marked] = []
    d_open = -1  # content start of the open double quote, -1 when none
    s_open = -1  # content start of the open single quote (only outside a double quote)
    carried = False  # a double quote left open at the last paragraph end
    line_start = True
    for m in _MARK.finditer(text):
        ch, i = m.group(), m.start()
        if ch == "``":
            ch = "“"
        elif ch == "''":
            ch = '"'
        if ch == "\n":
            if s_open >= 0:  # single quotes never run across paragraphs: it was an apostrophe
                s_open = -1
            if d_open >= 0:
                carried = True
                carried_end = i
            line_start = True
            continue
        at_line_start = line_start and not text[_line_begin(text, i):i].strip()
        line_start = False
        if carried:
            carried = False
            if at_line_start and (ch in _DOUBLE_OPEN or ch == '"'):
                continue  # the quote goes on in this paragraph: the mark reopens it
            out.append(Marked(d_open, carried_end, True))
            d_open = -1
        if ch == "“" and d_open >= 0 and _closes(text, i) and not _opens(text, i):
            ch = "”"  # a mistyped closing mark: 'It is unusual,“ he said'
        if ch in _DOUBLE_OPEN or (ch == '"' and d_open < 0 and _opens(text, i)):
            if d_open < 0:
                d_open, s_open = m.end(), -1
            continue
        if ch in _DOUBLE_CLOSE or ch == '"':
            if d_open >= 0:
                if i > d_open:
                    out.append(Marked(d_open, i, True))
                d_open = -1
            continue
        if d_open >= 0:
            continue  # single marks inside a double quote belong to its content
        if ch == "‘" or (ch == "'" and s_open < 0 and _opens(text, i)):
            if s_open < 0:
                s_open = m.end()
            continue
        if s_open >= 0 and _closes(text, i) and not _possessive_plural(text, i):
            if i > s_open:
                out.append(Marked(s_open, i, False))
            s_open = -1
    if d_open >= 0:
        out.append(Marked(d_open, carried_end if carried else len(text), True))
    return tuple(out)


def _line_begin(text: str, i: int) -> int:
    return text.rfind("\n", 0, i) + 1


def _possessive_plural(text: str, i: int) -> bool:
    """"the allies' talks": an apostrophe after a plural -s followed by a word, not a closing mark."""
    return text[i - 1] == "s" and i + 2 < len(text) and text[i + 1] == " " and text[i + 2].islower()
