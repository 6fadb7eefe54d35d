"""Event coding on hand-built parses with hand-set actors: sides, constructions and modality
checked independently of the statistical parser and of the actor stage."""
from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from wirecoder.events.component import find_events
from wirecoder.events.ontology import load_lexicon
from wirecoder.nlp.extensions import register_extensions
from wirecoder.records import Actor, ActorMention

ACTORS = {
    "Russia": ("RUS", "state"), "Russian": ("RUS", "state"), "Moscow": ("RUS", "state"),
    "China": ("CHN", "state"), "Iran": ("IRN", "state"), "Iraq": ("IRQ", "state"),
    "Britain": ("GBR", "state"), "France": ("FRA", "state"), "Germany": ("DEU", "state"),
    "NATO": ("IGO", "igo"), "Syria": ("SYR", "state"), "Ukraine": ("UKR", "state"),
    "Lavrov": ("RUS", "person"), "Blinken": ("USA", "person"),
}


@pytest.fixture(scope="module")
def vocab():
    register_extensions()
    return spacy.blank("en").vocab


def make(vocab, rows: str, dateline: date | None = None) -> Doc:
    """rows: one 'word lemma POS dep head' line per token (head: absolute index)."""
    toks = [r.split() for r in rows.strip().splitlines()]
    words = [t[0] for t in toks]
    doc = Doc(vocab, words=words, lemmas=[t[1] for t in toks], pos=[t[2] for t in toks],
              deps=[t[3] for t in toks], heads=[int(t[4]) for t in toks])
    actors: dict[str, Actor] = {}
    mentions = []
    for tok in doc:
        if tok.text in ACTORS:
            code, kind = ACTORS[tok.text]
            a = actors.setdefault(code, Actor(id=f"a{len(actors) + 1}", name=tok.text, kind=kind, code=code,
                                              igo="NATO" if code == "IGO" else None))
            mentions.append(ActorMention(tok.idx, tok.idx + len(tok), a.id, "name", None, tok.i, tok.i + 1))
    doc._.wc_actors = tuple(actors.values())
    doc._.wc_mentions = tuple(mentions)
    doc._.wc_dateline = dateline
    return doc


def codes(refs) -> set:
    return {r.code for r in refs}


def only(events, typ):
    found = [e for e in events if e.type == typ]
    assert len(found) == 1, events
    return found[0]


def test_coordinated_subjects_and_prepositional_target(vocab):
    doc = make(vocab, """
Russia Russia PROPN nsubj 3
and and CCONJ cc 0
China China PROPN conj 0
met meet VERB ROOT 3
with with ADP prep 3
Iran Iran PROPN pobj 4
. . PUNCT punct 3""")
    ev = only(find_events(doc), "CONSULT")
    assert codes(ev.source) == {"RUS", "CHN"}
    assert codes(ev.target) == {"IRN"}
    assert ev.cameo.startswith("04") and ev.goldstein == pytest.approx(1.0)
    assert doc.text[ev.trigger[0]:ev.trigger[1]] == "met"


def test_passive_subject_is_target_and_agent_is_source(vocab):
    doc = make(vocab, """
Eight eight NUM nummod 2
Russian Russian ADJ amod 2
diplomats diplomat NOUN nsubjpass 4
were be AUX auxpass 4
expelled expel VERB ROOT 4
by by ADP agent 4
Britain Britain PROPN pobj 5
. . PUNCT punct 4""")
    ev = only(find_events(doc), "SANCTION")
    assert codes(ev.source) == {"GBR"}
    assert codes(ev.target) == {"RUS"}
    assert ev.cameo == "166"


def test_raising_gives_source_and_future_without_intent_recoding(vocab):
    doc = make(vocab, """
Lavrov Lavrov PROPN nsubjpass 2
is be AUX auxpass 2
expected expect VERB ROOT 2
to to PART aux 4
lead lead VERB xcomp 2
talks talk NOUN dobj 4
with with ADP prep 5
Blinken Blinken PROPN pobj 6
. . PUNCT punct 2""")
    ev = only(find_events(doc), "CONSULT")
    assert codes(ev.source) == {"RUS"} and codes(ev.target) == {"USA"}
    assert ev.future and not ev.negated and not ev.hypothetical
    assert doc.text[ev.trigger[0]:ev.trigger[1]] == "lead talks"


def test_embedded_clause_subject_is_the_target_of_a_demand(vocab):
    doc = make(vocab, """
Moscow Moscow PROPN nsubj 1
demands demand VERB ROOT 1
a a DET det 3
guarantee guarantee NOUN dobj 1
that that SCONJ mark 8
NATO NATO PROPN nsubj 8
will will AUX aux 8
not not PART neg 8
expand expand VERB acl 3
. . PUNCT punct 1""")
    events = find_events(doc)
    assert [e.type for e in events] == ["REQUEST"]
    assert codes(events[0].source) == {"RUS"} and codes(events[0].target) == {"IGO"}


def test_negated_attack(vocab):
    doc = make(vocab, """
Iran Iran PROPN nsubj 3
did do AUX aux 3
not not PART neg 3
attack attack VERB ROOT 3
Iraq Iraq PROPN dobj 3
. . PUNCT punct 3""")
    ev = only(find_events(doc), "ASSAULT")
    assert ev.negated
    assert codes(ev.source) == {"IRN"} and codes(ev.target) == {"IRQ"}


def test_conditional_threat_is_one_hypothetical_event(vocab):
    doc = make(vocab, """
France France PROPN nsubj 1
threatened threaten VERB ROOT 1
sanctions sanction NOUN dobj 1
against against ADP prep 2
Germany Germany PROPN pobj 3
if if SCONJ mark 7
it it PRON nsubj 7
refuses refuse VERB advcl 1
. . PUNCT punct 1""")
    events = find_events(doc)
    assert [e.type for e in events] == ["THREATEN"]  # the refusal is the condition, not an event
    ev = events[0]
    assert ev.hypothetical and ev.cameo == "1312"
    assert codes(ev.source) == {"FRA"} and codes(ev.target) == {"DEU"}


def test_phrasal_verb_and_historical_year(vocab):
    doc = make(vocab, """
In in ADP prep 4
2014 2014 NUM pobj 0
, , PUNCT punct 4
Russia Russia PROPN nsubj 4
broke break VERB ROOT 4
off off ADP prt 4
talks talk NOUN dobj 4
with with ADP prep 6
Ukraine Ukraine PROPN pobj 7
. . PUNCT punct 4""", dateline=date(2022, 1, 12))
    ev = only(find_events(doc), "SANCTION")
    assert ev.historical
    assert doc.text[ev.trigger[0]:ev.trigger[1]] == "broke off"
    assert codes(ev.source) == {"RUS"} and codes(ev.target) == {"UKR"}


def test_announced_withdrawal_is_an_agreement_by_the_speaker(vocab):
    doc = make(vocab, """
Syria Syria PROPN nsubj 1
said say VERB ROOT 1
it it PRON nsubj 4
will will AUX aux 4
withdraw withdraw VERB ccomp 1
its its PRON poss 6
troops troop NOUN dobj 4
. . PUNCT punct 1""")
    ev = only(find_events(doc), "AGREE")
    assert ev.future
    assert codes(ev.source) == {"SYR"}


def test_user_trigger_file_adds_a_pattern(vocab, tmp_path):
    f = tmp_path / "mine.jsonl"
    f.write_text('# my patterns\n{"lemma": "parley", "type": "CONSULT", "mode": "meet"}\n', encoding="utf-8")
    doc = make(vocab, """
Russia Russia PROPN nsubj 1
parleyed parley VERB ROOT 1
with with ADP prep 1
China China PROPN pobj 2
. . PUNCT punct 1""")
    assert find_events(doc) == ()
    ev = only(find_events(doc, load_lexicon(str(f))), "CONSULT")
    assert codes(ev.source) == {"RUS"} and codes(ev.target) == {"CHN"}


def test_participle_with_agent_is_passive(vocab):
    doc = make(vocab, """
Rebuked rebuke VERB advcl 5
by by ADP agent 0
France France PROPN pobj 1
, , PUNCT punct 5
Germany Germany PROPN nsubj 5
withdrew withdraw VERB ROOT 5
. . PUNCT punct 5""")
    ev = only(find_events(doc), "ACCUSE")
    assert codes(ev.source) == {"FRA"} and codes(ev.target) == {"DEU"}


def test_possessive_pronoun_takes_the_last_state_named(vocab):
    doc = make(vocab, """
Russia Russia PROPN nsubj 1
protested protest VERB ROOT 1
after after SCONJ mark 8
eight eight NUM nsubjpass 8
of of ADP prep 3
its its PRON poss 6
staff staff NOUN pobj 4
were be AUX auxpass 8
expelled expel VERB advcl 1
. . PUNCT punct 1""")
    ev = only(find_events(doc), "SANCTION")
    assert codes(ev.target) == {"RUS"}


def test_agentless_casualties_in_a_relative_clause_are_background(vocab):
    doc = make(vocab, """
Rebels rebel NOUN nsubj 1
entered enter VERB ROOT 1
the the DET det 3
town town NOUN dobj 1
where where ADV advmod 8
ten ten NUM nummod 6
people people NOUN nsubjpass 8
were be AUX auxpass 8
killed kill VERB relcl 3
. . PUNCT punct 1""")
    assert "ASSAULT" not in {e.type for e in find_events(doc)}
