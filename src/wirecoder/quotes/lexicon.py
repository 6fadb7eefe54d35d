"""The cue lexicon (data/quotes/cues.json), loaded once per process."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class CueLexicon:
    clause_verbs: frozenset[str]
    phrasal_clause_verbs: frozenset[tuple[str, str]]  # (lemma, particle or preposition)
    as_verbs: frozenset[str]
    object_verbs: frozenset[str]
    prep_verbs: frozenset[tuple[str, str]]  # (lemma, preposition)
    infinitive_verbs: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    noun_cues: frozenset[str]
    singular_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    first_person: frozenset[str]
    contractions: frozenset[str]
    lemma_fixes: tuple[tuple[str, str], ...]  # (word form, lemma) where the tagger's lemma is wrong
    as_sources: frozenset[str]  # verbs that cue only in 'as X put it, ...'
    appeal_nouns: frozenset[str]  # noun cues with a for-object: 'his call for talks'
    group_quantifiers: frozenset[str]  # 'many say', 'some argue': quantity words that can speak
    source_documents: frozenset[str]  # 'a statement from X said': the document speaks for X
    representatives: frozenset[str]  # 'a spokesperson for X said': unnamed, X speaks

    def lemma(self, tok) -> str:
        """The token's lemma, lower case, with the lexicon's fixes ('hoping' -> 'hope', not 'hop')."""
        fixed = _fix_map().get(tok.lower_)
        return fixed if fixed is not None else tok.lemma_.lower()

    @property
    def any_verb(self) -> frozenset[str]:
        return _any_verb(self)


@cache
def _any_verb(lex: CueLexicon) -> frozenset[str]:
    return (lex.clause_verbs | lex.as_verbs | lex.object_verbs | lex.infinitive_verbs
            | {v for v, _ in lex.prep_verbs} | {v for v, _ in lex.phrasal_clause_verbs} | lex.as_sources)


@cache
def _fix_map() -> dict[str, str]:
    """Read-only after loading; a plain dict keeps the per-token look-up cheap."""
    return dict(load_lexicon().lemma_fixes)


def _pairs(items: list[str]) -> frozenset[tuple[str, str]]:
    out = set()
    for item in items:
        verb, _, rest = item.partition(" ")
        out.add((verb, rest))
    return frozenset(out)


@cache
def load_lexicon() -> CueLexicon:
    raw = json.loads(resources.files("wirecoder.data").joinpath("quotes/cues.json").read_text("utf-8"))
    low = lambda key: frozenset(w.lower() for w in raw[key])  # noqa: E731
    pro = raw["pronouns"]
    return CueLexicon(
        clause_verbs=low("clause_verbs"),
        phrasal_clause_verbs=_pairs(raw["phrasal_clause_verbs"]),
        as_verbs=low("as_verbs"),
        object_verbs=low("object_verbs"),
        prep_verbs=_pairs(raw["prep_verbs"]),
        infinitive_verbs=low("infinitive_verbs"),
        according_to=tuple(tuple(w.lower() for w in seq) for seq in raw["according_to"]),
        noun_cues=low("noun_cues"),
        singular_pronouns=frozenset(pro["singular"]),
        plural_pronouns=frozenset(pro["plural"]),
        first_person=frozenset(pro["first"]),
        contractions=frozenset(raw["contractions"]),
        lemma_fixes=tuple(sorted((k.lower(), v.lower()) for k, v in raw.get("lemma_fixes", {}).items())),
        as_sources=low("as_sources"),
        group_quantifiers=low("group_quantifiers"),
        appeal_nouns=low("appeal_nouns"),
        source_documents=low("source_documents"),
        representatives=low("representatives"),
    )
