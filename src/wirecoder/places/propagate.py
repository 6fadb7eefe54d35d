"""One name, one place per article: later uses of a name the article already resolved.

An article that names "Stroud" in a clear setting ("drivers heading to Stroud") uses
the same name again where neither NER nor the scan reads it as a place: as the head of an
organisation ("the Stroud District Council", "Tana Water Board"), in a compound
("the Stroud roundabout"), or after a possessive ("Aleppo's fall"). Those uses name the same
place, so they take its resolution.

Only names resolved through a table (not a local name placed at the article's focus), and
never a word the article also uses for a person: "Ashford" after "Daniel Ashford", "Lima" when
NER reads any "Lima" as a person, or a word inside a longer capitalised name ("Tom Holland").
Cost: one pass over the tokens with dictionary lookups.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from ..records import PlaceMention
from .gazetteer import gazetteer
from .metonymy import is_metonym

# Kinds resolved through a table; "local" and "unresolved" names are guesses of the detector.
RESOLVED_KINDS = frozenset({"city", "state", "country", "region", "county", "continent", "landmark"})
MAX_WORDS = 4
MIN_CHARS = 3
# Capitalised words that may stand before the name without making it part of a longer one.
OPENING_WORDS = frozenset({"the", "in", "at", "of", "from", "to", "for", "on", "by", "and", "or", "a", "an"})


def propagate(doc: Doc, mentions: tuple[PlaceMention, ...]) -> tuple[PlaceMention, ...]:
    """``mentions`` plus the article's other uses of the names they resolved, in text order."""
    known: dict[str, PlaceMention] = {}
    for m in mentions:
        if (not m.adjectival and m.place.kind in RESOLVED_KINDS and m.place.lat is not None
                and len(m.text) >= MIN_CHARS and m.text[:1].isupper() and "\n" not in m.text):
            known.setdefault(m.text, m)
    if not known:
        return mentions
    person_words = _person_words(doc)
    known = {k: m for k, m in known.items() if not any(w.lower() in person_words for w in k.split())}
    if not known:
        return mentions
    sizes = sorted({len(doc.char_span(m.start, m.end, alignment_mode="expand") or ()) for m in known.values()},
                   reverse=True)
    covered = bytearray(len(doc))
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            covered[span.start:span.end] = b"\x01" * len(span)
    added: list[PlaceMention] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if covered[i] or not tok.text[:1].isupper() or _inside_name(doc, i):
            i += 1
            continue
        hit = None
        for n in sizes:
            if 0 < n <= MAX_WORDS and i + n <= len(doc) and not any(covered[i:i + n]):
                span = doc[i:i + n]
                m = known.get(span.text)
                if m is not None and not _continues(doc, i + n):
                    hit = (span, m)
                    break
        if hit is None:
            i += 1
            continue
        span, m = hit
        added.append(replace(m, start=span.start_char, end=span.end_char, text=span.text,
                             metonym=is_metonym(doc, span.root, m.place, gazetteer().capitals)))
        i = span.end
    if not added:
        return mentions
    return tuple(sorted(mentions + tuple(added), key=lambda m: m.start))


# Verbs whose subject is a person: a name that says or tells something is a person's ("said Lima").
SPEECH_VERBS = frozenset({"say", "tell", "add", "ask", "explain", "recall", "claim", "admit", "insist", "note"})


def _person_words(doc: Doc) -> set[str]:
    """Words of the article's people: those of full names NER found ("Daniel Ashford") and speakers."""
    out = {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    out |= {t.lower_ for t in doc if t.dep_ == "nsubj" and t.head.lemma_.lower() in SPEECH_VERBS
            and t.text[:1].isupper()}
    return out


def _inside_name(doc: Doc, i: int) -> bool:
    """Is token ``i`` preceded by a capitalised word of the same name ("Tom Holland", "Daniel Ashford")?"""
    if i == 0:
        return False
    prev = doc[i - 1]
    return prev.is_alpha and prev.text[:1].isupper() and prev.lower_ not in OPENING_WORDS and not prev.is_sent_start


def _continues(doc: Doc, end: int) -> bool:
    """Does the name run on into a hyphenated word ("Miami-Dade")?"""
    return end < len(doc) and doc[end].text in ("-", "–") and not doc[end - 1].whitespace_
