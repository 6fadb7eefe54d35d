"""Repair mojibake before parsing, without moving any character offset.

News archives often hold UTF-8 text that was once decoded as Windows-1252:
"policeâ€™s" for "police’s", "â€œWe" for "“We". The parser then sees junk
tokens, and quotation marks vanish. ftfy knows these mistakes; we apply it
word by word and pad a repaired word with spaces to its old length, so every
offset the pipeline reports still points into the original text (the words
after a repaired one do not move; inside it, positions shift by a character
or two at most).
"""
from __future__ import annotations

import re
from functools import cache

import ftfy

# Characters every Windows-1252 reading of UTF-8 produces (lead bytes 0xC2-0xC3, 0xE2).
_SUSPECT = re.compile(r"[ÂÃâ]")
# Words as runs of anything but plain spaces and line breaks: a mis-decoded NBSP ("Â\xa0")
# must stay inside its word to be repaired.
_WORD = re.compile(r"[^ \n\r\t]+")


@cache
def _config() -> ftfy.TextFixerConfig:
    # Only the encoding repairs: keep curly quotes, widths, ligatures, HTML entities and line breaks
    # as they are (the other stages read them), and never renormalise.
    return ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
        fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False,
        remove_control_chars=False, normalization=None, explain=False)


def repair_mojibake(text: str) -> str:
    """``text`` with mis-decoded words repaired and padded: same length, same offsets outside them."""
    if not _SUSPECT.search(text):
        return text
    parts: list[str] = []
    last = 0
    config = _config()
    for m in _WORD.finditer(text):
        word = m.group()
        if not _SUSPECT.search(word):
            continue
        fixed = ftfy.fix_text(word, config)
        if fixed == word or len(fixed) > len(word):
            continue
        parts.append(text[last:m.start()])
        parts.append(fixed + " " * (len(word) - len(fixed)))
        last = m.end()
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)
