"""The ontology and trigger data: all 16 PLOVER types, CAMEO/Goldstein mapping, user files."""
from __future__ import annotations

import pytest

from wirecoder.errors import SettingsError
from wirecoder.events.ontology import PLOVER_TYPES, load_lexicon


def test_every_type_has_a_cameo_root_and_triggers():
    lex = load_lexicon()
    assert set(lex.type_cameo) == set(PLOVER_TYPES)
    typed = {p.type for ps in lex.patterns.values() for p in ps}
    assert set(PLOVER_TYPES) <= typed


def test_every_mode_code_has_a_goldstein_score():
    lex = load_lexicon()
    for (typ, mode), code in lex.mode_cameo.items():
        assert lex.goldstein_for(code) is not None, (typ, mode, code)


def test_goldstein_values_follow_the_cameo_table():
    lex = load_lexicon()
    assert lex.goldstein_for("043") == pytest.approx(2.8)
    assert lex.goldstein_for("1312") == pytest.approx(-5.8)
    assert lex.goldstein_for("195") == pytest.approx(-10.0)
    assert lex.goldstein_for("0999") is None or lex.goldstein_for("0999") == lex.goldstein_for("09")


def test_more_specific_pattern_comes_first():
    lex = load_lexicon()
    pats = lex.lookup("threaten", "VERB")
    assert pats[0].obj and not pats[-1].obj
    assert lex.cameo_for(pats[-1]) == "130"


def test_bad_user_file_is_a_settings_error(tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_text('{"lemma": "frob", "type": "EXPLODE"}\n', encoding="utf-8")
    with pytest.raises(SettingsError):
        load_lexicon(str(f))
    with pytest.raises(SettingsError):
        load_lexicon(str(tmp_path / "missing.jsonl"))
