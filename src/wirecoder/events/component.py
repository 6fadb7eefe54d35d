"""Component `wc_events`: see the package docstring for what it finds and how.

The coding itself lives in :mod:`.coder`; the lexicon is read once per
process (built-in data plus the optional ``triggers_file``).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp.extensions import register_extensions
from ..records import Event
from .coder import find_events as _code
from .ontology import Lexicon, load_lexicon


def find_events(doc: Doc, lexicon: Lexicon | None = None) -> tuple[Event, ...]:
    """Every event in every sentence of an annotated Doc (actors, times, places, quantities set)."""
    return _code(doc, lexicon or load_lexicon())


@Language.factory("wc_events", default_config={"triggers_file": None},
                  requires=["doc._.wc_mentions", "doc._.wc_timexes", "doc._.wc_places", "doc._.wc_quantities"],
                  assigns=["doc._.wc_events"])
def make_component(nlp: Language, name: str, triggers_file: str | None = None):
    register_extensions()
    lexicon = load_lexicon(triggers_file or None)

    def component(doc: Doc) -> Doc:
        doc._.wc_events = find_events(doc, lexicon)
        return doc

    return component
