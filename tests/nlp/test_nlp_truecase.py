"""Case restoration for documents written all in lower case or all in capitals."""
from __future__ import annotations

import pytest

from wirecoder import analyze
from wirecoder.nlp.truecase import case_mode, restore_case
from wirecoder.settings import Settings

LOWER = ("police fired tear gas at protesters in ahmedabad on tuesday, said commissioner p c pande. "
         "the protesters had marched from the old city towards the office of the gujarat government.")


def _words(text: str) -> list[str]:
    return text.split()


def test_mixed_case_text_is_returned_unchanged():
    text = "Police in Lagos arrested 12 men on Friday, a spokesman for the Nigerian police said."
    assert restore_case(text) is text


def test_short_lower_fragment_is_left_alone():
    assert restore_case("fired at the crowd") == "fired at the crowd"


@pytest.mark.parametrize("text, mode", [
    (LOWER, "lower"),
    (LOWER.upper(), "upper"),
    ("Turkish troops shelled Kurdish positions near Afrin on Sunday.", None),
    ("UN SAYS AID CONVOY REACHED THE BESIEGED TOWN", "upper"),
    ("The IAEA and NATO met; officials of the EU and the UN said nothing.", None),
])
def test_case_mode(text, mode):
    assert case_mode(text) == mode


def test_lower_case_names_sentence_starts_and_initials():
    out = restore_case(LOWER)
    assert len(out) == len(LOWER)
    assert out.lower() == LOWER
    assert out.startswith("Police fired")
    assert "in Ahmedabad on Tuesday" in out
    assert "P C Pande. The protesters" in out
    assert "Gujarat government" in out


def test_countries_demonyms_acronyms_and_multiword_names():
    text = ("turkey and china signed a trade deal in new delhi, while nato and the un urged calm "
            "as pro-russian rebels and al-qaeda fighters were blamed by indian and pakistani officials.")
    out = restore_case(text)
    for expected in ("Turkey and China", "New Delhi", "NATO and the UN", "as pro-Russian rebels", "l-Qaeda fighters",
                     "Indian and Pakistani officials"):
        assert expected in out, (expected, out)


def test_common_words_keep_their_case():
    text = "the army will march on sunday to reading hall, and the nice weather may help us all, they said."
    out = restore_case(text)
    assert "march on Sunday" in out
    assert "to reading hall" in out
    assert "the nice weather may help us all" in out


def test_us_is_the_country_only_in_context():
    out = restore_case("the us said it would send us troops; the rebels told us they would fight on.")
    assert out.startswith("The US said")
    assert "send US troops" in out
    assert "told us they" in out


def test_months_next_to_dates_and_standalone_i():
    out = restore_case("i saw him on 5 may and he said i'm leaving in march; the march to the border went on.")
    assert out.startswith("I saw him on 5 May")
    assert "said I'm leaving in March" in out
    assert "the march to the border" in out


def test_surname_after_title_even_when_a_common_word():
    out = restore_case("on monday president bush met the leaders of the gulf states at the white house.")
    assert "president Bush met" in out
    out = restore_case("a bush fire burned for three days near the base, firefighters said on monday.")
    assert "A bush fire" in out


def test_surname_alone_after_the_full_name():
    text = ("george w. bush told reporters the talks would go on. later bush said he was hopeful, "
            "and mrs. brown, his host, agreed.")
    out = restore_case(text)
    assert out.startswith("George W. Bush told")
    assert "Later Bush said" in out
    assert "Mrs. Brown, his host" in out


def test_contractions_and_addresses_stay_lower():
    out = restore_case("officials didn't answer; the statement was posted at http://www.example.com today.")
    assert "didn't" in out
    assert "http://www.example.com" in out


def test_all_caps_text_is_lowered_then_restored():
    text = "BAGHDAD (REUTERS) - IRAQI FORCES RETOOK THE TOWN ON WEDNESDAY, THE DEFENCE MINISTRY SAID."
    out = restore_case(text)
    assert len(out) == len(text)
    assert out.startswith("Baghdad (Reuters) - Iraqi forces retook the town on Wednesday, the defence")


def test_unknown_words_become_names_and_unpronounceable_ones_acronyms():
    out = restore_case("the crpf said militants of the hizbul group attacked a convoy near pulwama town.")
    assert "The CRPF said" in out
    assert "Hizbul group" in out
    assert "near Pulwama town" in out
    assert "militants" in out and "convoy" in out


def test_characters_whose_case_changes_length_are_left_alone():
    text = "STRASSE UND GROSSE İSTANBUL BÜRO WURDE GESCHLOSSEN, SAGTE DIE POLIZEI AM MONTAG."
    out = restore_case(text)
    assert len(out) == len(text)
    assert "İ" in out
    assert restore_case("die straße war gesperrt, sagte die polizei am montag früh.").count("ß") == 1


def test_pipeline_finds_actors_in_lower_case_text(nlp):
    text = ("israeli troops shot dead two palestinian gunmen near the city of jenin in the west bank on "
            "monday, the israeli army said.")
    analysis = analyze(text, "2004-03-01", nlp=nlp)
    # spans keep pointing into the original lower-case text
    spans = [a.span for ev in analysis.events for a in (*ev.source, *ev.target) if a.span is not None]
    assert spans
    for start, end in spans:
        assert 0 <= start < end <= len(text)
    assert any(text[start:end] in ("israeli", "israeli troops") for start, end in spans)
    codes = {a.code for ev in analysis.events for a in (*ev.source, *ev.target)}
    assert "ISR" in codes


def test_setting_turns_it_off(nlp):
    text = ("israeli troops shot dead two palestinian gunmen near the city of jenin in the west bank on "
            "monday, the israeli army said.")
    off = analyze(text, "2004-03-01", nlp=nlp, settings=Settings(restore_case=False))
    on = analyze(text, "2004-03-01", nlp=nlp)
    codes_on = {a.code for ev in on.events for a in (*ev.source, *ev.target)}
    codes_off = {a.code for ev in off.events for a in (*ev.source, *ev.target)}
    assert codes_on != codes_off
