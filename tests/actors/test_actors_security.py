"""Two-word role nouns used bare ("security forces", "military council") keep their sector."""
from __future__ import annotations


def sides(a, typ):
    ev = [e for e in a.events if e.type == typ]
    assert ev, [(e.type, e.source, e.target) for e in a.events]
    return ev[0]


def test_security_forces_are_police_sector(analyze):
    ev = sides(analyze("Security forces fired on stone-throwing youths near the mosque.", date="2024-02-01"), "ASSAULT")
    assert [(s.name.lower(), s.sector) for s in ev.source] == [("security forces", "COP")]


def test_force_alone_still_names_nobody(analyze):
    a = analyze("The force of the blast shattered windows across the street.", date="2024-02-01")
    assert not any(x.sector for x in a.actors if x.name.lower() in ("force", "the force"))


def test_terrorist_group_and_junta(analyze):
    ev = sides(analyze("The junta detained three journalists on Friday.", date="2024-02-01"), "COERCE")
    assert ev.source and ev.source[0].sector == "MIL"
    ev = sides(analyze("A terrorist group kidnapped two aid workers in the north.", date="2024-02-01"), "ASSAULT")
    assert ev.source and ev.source[0].sector == "REB"
