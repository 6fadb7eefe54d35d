"""The Doc extension attributes wirecoder's components read and write.

Each component declares what it needs and what it assigns (see the
``requires``/``assigns`` of its factory); the values are tuples of frozen
records from :mod:`wirecoder.records`, with character offsets into doc.text.
"""
from __future__ import annotations

from spacy.tokens import Doc

# name -> what it holds
DOC_EXTENSIONS: dict[str, str] = {
    "wc_article": "the Article being analysed (or None when a bare text was given)",
    "wc_dateline": "datetime.date the relative dates resolve against, or None",
    "wc_timexes": "tuple[TimeExpression, ...]",
    "wc_quantities": "tuple[Quantity, ...]",
    "wc_places": "tuple[PlaceMention, ...]",
    "wc_actors": "tuple[Actor, ...]",
    "wc_mentions": "tuple[ActorMention, ...] sorted by start",
    "wc_quotes": "tuple[Quote, ...]",
    "wc_events": "tuple[Event, ...]",
}


def register_extensions() -> None:
    """Idempotent: safe to call from every component factory and every test."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            default = None if name in ("wc_article", "wc_dateline") else ()
            Doc.set_extension(name, default=default)
