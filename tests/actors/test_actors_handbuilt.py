"""find_actors on documents built by hand (no statistical model): parse and entities given."""
from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from wirecoder.actors.component import find_actors
from wirecoder.nlp.extensions import register_extensions


def make(words, heads, deps, pos, tags, ents=None):
    register_extensions()
    lemmas = [w.lower()[:-1] if t == "NNS" else w.lower() for w, t in zip(words, tags)]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents, lemmas=lemmas,
               sent_starts=[True] + [False] * (len(words) - 1))


def test_demonym_with_role_word_gives_one_tight_mention_with_sector():
    doc = make(["Russian", "troops", "attacked", "Kharkiv", "."], [1, 2, 2, 2, 2],
               ["amod", "nsubj", "ROOT", "dobj", "punct"], ["ADJ", "NOUN", "VERB", "PROPN", "PUNCT"],
               ["JJ", "NNS", "VBD", "NNP", "."], ["B-NORP", "O", "O", "B-GPE", "O"])
    actors, mentions = find_actors(doc)
    assert [(a.code, a.name) for a in actors] == [("RUS", "Russia")]
    (m,) = mentions
    assert (m.start, m.end, m.sector, m.kind, m.token_start, m.token_end) == (0, 14, "MIL", "group", 0, 2)


def test_igo_and_metonym_in_one_sentence():
    doc = make(["Washington", "and", "NATO", "warned", "Moscow", "."], [3, 0, 0, 3, 3, 3],
               ["nsubj", "cc", "conj", "ROOT", "dobj", "punct"], ["PROPN", "CCONJ", "PROPN", "VERB", "PROPN", "PUNCT"],
               ["NNP", "CC", "NNP", "VBD", "NNP", "."], ["B-GPE", "O", "B-ORG", "O", "B-GPE", "O"])
    actors, mentions = find_actors(doc)
    assert [(a.id, a.code, a.igo) for a in actors] == [("a1", "USA", None), ("a2", "IGO", "NATO"), ("a3", "RUS", None)]
    assert [(m.kind, m.sector) for m in mentions] == [("metonym", "GOV"), ("name", None), ("metonym", "GOV")]


def test_user_actors_file_adds_people_and_aliases(tmp_path):
    import json
    from datetime import date

    from wirecoder.actors.tables import load_tables, office_on
    f = tmp_path / "extra.jsonl"
    f.write_text(json.dumps({"name": "Amara Okafor", "gender": "f", "code": "NGA", "sector": "GOV",
                             "role": "Foreign Minister", "start": "2030-01-01", "end": None}) + "\n"
                 + json.dumps({"alias": "Aso Rock", "key": "S:NGA", "sector": "GOV"}) + "\n")
    t = load_tables(str(f))
    assert t.person_forms["Okafor"] == "Amara Okafor"
    assert office_on(t.offices["Amara Okafor"], date(2031, 5, 1)).code == "NGA"
    assert t.phrases["Aso Rock"][0].code == "NGA"
    assert "Aso Rock" not in load_tables().phrases  # the built-in tables are untouched
