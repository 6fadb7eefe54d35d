"""Faithful vs altered reports of one event: the altered one must make the event contested."""
from __future__ import annotations

import dataclasses
from datetime import date as Date

import pytest

from wirecoder.records import ActorRef, Analysis, Article, Event, Place, PlaceMention
from wirecoder.stories.canonical import canonical_events

RUS, UKR, BLR = ActorRef("Russia", "RUS"), ActorRef("Ukraine", "UKR"), ActorRef("Belarus", "BLR")
POLICE, PROT = ActorRef("Chilean police", "CHL", "COP"), ActorRef("protesters", None)
CHL, ARM, AZE = ActorRef("Chile", "CHL", "GOV"), ActorRef("Armenia", "ARM"), ActorRef("Azerbaijan", "AZE")
NATO = ActorRef("NATO", "IGO", igo="NATO")


def place(name, country, gid, kind="city"):
    return PlaceMention(0, len(name), name, Place(name, country, geonameid=gid, kind=kind))


KHARKIV, ODESA = place("Kharkiv", "UKR", 706483), place("Odesa", "UKR", 698740)
UKRAINE = place("Ukraine", "UKR", 690791, "country")
SANTIAGO, VALPO = place("Santiago", "CHL", 3871336), place("Valparaiso", "CHL", 3868626)
GENEVA, VIENNA = place("Geneva", "CHE", 2660646), place("Vienna", "AUT", 2761369)


def report(aid, outlet, text, **ev):
    ev.setdefault("evidence", (0, len(text)))
    return Analysis(article=Article(id=aid, text=text, source=outlet, date=Date(2023, 3, 8)),
                    events=(Event(**ev),), story="s1")


# (name, base event fields, faithful changes, altered changes, field the alteration must flag)
ATTACK = dict(type="ASSAULT", source=(RUS,), target=(UKR,), date="2023-03-07", location=KHARKIV, dead=6.0)
MARCH = dict(type="PROTEST", source=(PROT,), target=(CHL,), date="2023-03-07", location=SANTIAGO, size=60000.0)
ARREST = dict(type="COERCE", source=(POLICE,), target=(PROT,), date="2023-03-07", location=SANTIAGO, arrested=45.0)
TALKS = dict(type="CONSULT", source=(ARM,), target=(AZE,), date="2023-03-07", location=GENEVA)
TROOPS = dict(type="MOBILIZE", source=(RUS,), target=(UKR,), date="2023-03", size=100000.0)
CASES = [
    ("attack-denied", ATTACK, {}, {"negated": True}, "modality"),
    ("attack-possible", ATTACK, {"dead": None}, {"hypothetical": True}, "modality"),
    ("attack-dead", ATTACK, {"date": "2023-03"}, {"dead": 16.0}, "dead"),
    ("attack-injured", {**ATTACK, "injured": 20.0}, {"injured": 20.0}, {"injured": 35.0}, "injured"),
    ("attack-source", ATTACK, {"source": (RUS, BLR)}, {"source": (BLR,)}, "source"),
    ("attack-reversed", ATTACK, {"location": UKRAINE}, {"source": (UKR,), "target": (RUS,)}, "source"),
    ("attack-date", ATTACK, {"date": None}, {"date": "2023-03-05"}, "date"),
    ("attack-place", ATTACK, {"location": None}, {"location": ODESA}, "place"),
    ("march-size", MARCH, {"size": 61000.0}, {"size": 200000.0}, "size"),
    ("march-denied", MARCH, {"size": None}, {"negated": True}, "modality"),
    ("march-date", MARCH, {"date": "2023-03"}, {"date": "2023-03-06"}, "date"),
    ("march-place", MARCH, {"location": None}, {"location": VALPO}, "place"),
    ("march-target", MARCH, {}, {"target": (ActorRef("Peru", "PER"),)}, "target"),
    ("arrests", ARREST, {"arrested": 45.0}, {"arrested": 450.0}, "arrested"),
    ("arrests-source", ARREST, {"source": (POLICE, CHL)}, {"source": (ActorRef("army", "ARG", "MIL"),)}, "source"),
    ("arrests-possible", ARREST, {}, {"hypothetical": True}, "modality"),
    ("talks-denied", TALKS, {"location": None}, {"negated": True}, "modality"),
    ("talks-place", TALKS, {"date": None}, {"location": VIENNA}, "place"),
    ("talks-date", TALKS, {}, {"date": "2023-03-09"}, "date"),
    ("talks-side", TALKS, {"target": (AZE, NATO)}, {"target": (NATO,)}, "target"),
    ("troops-size", TROOPS, {"size": 100000.0}, {"size": 127000.0}, "size"),
    ("troops-date", TROOPS, {"date": "2023-03-02"}, {"date": "2023-02"}, "date"),
    ("troops-possible", TROOPS, {"size": None}, {"hypothetical": True}, "modality"),
]


def run(base, changes):
    a = report("a", "Wire A", "Base report of the event.", **base)
    b = report("b", "Wire B", "Second outlet's report.", **{**base, **changes})
    return canonical_events([a, b])


@pytest.mark.parametrize("name,base,faithful,altered,field", CASES, ids=[c[0] for c in CASES])
def test_faithful_is_corroborated(name, base, faithful, altered, field):
    (ev,) = run(base, faithful)
    assert not ev.contested, ev.conflicts
    assert ev.sources == 2 and len(ev.mentions) == 2


def test_alterations_flagged():
    flagged = []
    for name, base, _, altered, field in CASES:
        evs = run(base, altered)
        fields = {c.field for ev in evs for c in ev.conflicts}
        flagged.append(len(evs) == 1 and field in fields)
    assert len(CASES) >= 20
    assert sum(flagged) / len(CASES) >= 0.9, [c[0] for c, ok in zip(CASES, flagged) if not ok]


def test_conflict_lists_claims_side_by_side():
    (ev,) = run(TROOPS, {"size": 127000.0})
    (c,) = ev.conflicts
    assert c.field == "size"
    assert {(x.value, x.article_ids) for x in c.claims} == {("100000", ("a",)), ("127000", ("b",))}


def test_confidence_grows_with_independent_sources_not_copies():
    one = canonical_events([report("a", "Wire A", "x", **ATTACK)])[0]
    two = run(ATTACK, {})[0]
    a = report("a", "Wire A", "x", **ATTACK)
    copy = dataclasses.replace(a, article=dataclasses.replace(a.article, id="a2", source="Daily Echo"))
    with_copy = canonical_events([a, copy], duplicates={"a2": "a"})[0]
    assert one.sources == 1 and two.sources == 2 and with_copy.sources == 1
    assert len(with_copy.mentions) == 2
    assert two.confidence > one.confidence == with_copy.confidence
    contested = run(ATTACK, {"dead": 60.0})[0]
    assert contested.contested and contested.confidence < two.confidence


def test_different_events_stay_apart():
    a = report("a", "Wire A", "x", **ATTACK)
    b = report("b", "Wire B", "y", **{**TALKS, "date": "2023-03-20"})
    c = report("c", "Wire C", "z", **{**ATTACK, "date": "2023-03-25"})  # a later strike, not this one
    evs = canonical_events([a, b, c])
    assert len(evs) == 3 and not any(e.contested for e in evs)
    assert [e.first_reported for e in evs] == ["2023-03-08"] * 3
