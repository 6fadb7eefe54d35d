"""Round 3 of the quote stage: Canadian-style newsroom attribution and the rules added for it.

Every text here is made up. Each test names the rule it holds: participles and
'as'-clauses that attribute, quantities as speakers, nested attributions, noun
cues with a named source, the sibling statement after ", adding that".
"""
from __future__ import annotations

import pytest

from tests.quotes.conftest import quotes
from wirecoder.quotes.lexicon import load_lexicon


def only(nlp, text: str) -> tuple[str, str | None, bool]:
    got = quotes(nlp, text)
    assert len(got) == 1, got
    return got[0]


def test_said_title_name_after_quote(nlp):
    text, speaker, direct = only(nlp, "“We will not cut a single nurse from the budget,” said Premier Dana Whitfield "
                                      "on Tuesday.")
    assert text.startswith("We will not cut a single nurse") and direct
    assert speaker and speaker.endswith("Whitfield")


def test_told_broadcaster_that(nlp):
    text, speaker, direct = only(nlp, "Dr. Amira Haddad, the province's chief medical officer, told CBC News "
                                      "that the risk to students remains low.")
    assert text == "that the risk to students remains low" and not direct
    assert speaker and speaker.endswith("Haddad")


def test_wrote_in_an_email(nlp):
    text, speaker, _ = only(nlp, "Councillor Ruth Okafor wrote in an email that the city had no plan to close "
                                 "the arena.")
    assert text == "that the city had no plan to close the arena"
    assert speaker and speaker.endswith("Okafor")


def test_company_said_in_a_statement(nlp):
    text, speaker, direct = only(nlp, "“We are reviewing the findings carefully,” the utility said in a statement.")
    assert text.startswith("We are reviewing") and direct
    assert speaker and "utility" in speaker.lower()


def test_surname_and_pronoun_take_the_full_name(nlp):
    got = quotes(nlp, "Transport Minister Elaine Brodeur unveiled the rail plan in Winnipeg on Monday.\n\n"
                      "Brodeur said the first trains would run by 2029. She added that the stations would be "
                      "built with local steel.")
    said = [g for g in got if g[0].startswith("the first trains")]
    added = [g for g in got if "stations would be built" in g[0]]
    assert said and said[0][1] == "Elaine Brodeur"
    assert added and added[0][1] == "Elaine Brodeur"


def test_adding_that_is_a_second_statement(nlp):
    got = quotes(nlp, "Union leader Marco Tellier said the talks had broken down, adding that members would "
                      "vote on a strike mandate next week.")
    texts = {g[0] for g in got}
    assert "the talks had broken down" in texts
    assert "that members would vote on a strike mandate next week" in texts
    assert all(g[1] and g[1].endswith("Tellier") for g in got)


def test_nested_report_keeps_the_outer_one(nlp):
    got = quotes(nlp, "The mayor said residents believe the new bylaw is unfair to renters.")
    assert [g[0] for g in got] == ["residents believe the new bylaw is unfair to renters"]
    assert got[0][1] and "mayor" in got[0][1].lower()


def test_inserted_frame_mid_sentence(nlp):
    text, speaker, _ = only(nlp, "The new tolls, she said, will pay for the bridge within a decade.")
    assert text.startswith("The new tolls") and text.endswith("within a decade")


def test_as_clause_attributes_the_rest_of_the_sentence(nlp):
    text, speaker, _ = only(nlp, "As the auditor general noted in her report, the deficit grew faster than "
                                 "the economy.")
    assert text == "the deficit grew faster than the economy"
    assert speaker and "auditor" in speaker.lower()


def test_quantity_speaker(nlp):
    text, speaker, _ = only(nlp, "Nearly half said they would support a carbon levy on heavy industry.")
    assert text == "they would support a carbon levy on heavy industry"
    assert speaker and "half" in speaker.lower()


def test_gerund_in_a_prepositional_phrase_takes_the_clause_subject(nlp):
    got = quotes(nlp, "After announcing that the clinic would close, the health authority apologized to "
                      "patients.")
    assert any(g[0] == "that the clinic would close" and g[1] and "authority" in g[1].lower() for g in got), got


def test_likely_to_say(nlp):
    got = quotes(nlp, "Rural voters were more likely to say that the pipeline would help the economy.")
    assert any(g[0] == "that the pipeline would help the economy" for g in got), got


def test_noun_cue_with_possessive_source(nlp):
    got = quotes(nlp, "The premier's promise that gas prices would fall by spring drew laughter in the "
                      "legislature.")
    assert any(g[0] == "that gas prices would fall by spring" and g[1] and "premier" in g[1].lower()
               for g in got), got


def test_possessive_is_not_a_contraction(nlp):
    got = quotes(nlp, "The premier's plan that was tabled in March has stalled, critics say.")
    assert got and not got[0][2]  # reported, not verbatim: "'s" here is a possessive


def test_no_quote_in_plain_reporting(nlp):
    assert quotes(nlp, "The bridge reopened on Friday after three weeks of repairs.") == []


def test_lemma_fixes_catch_hoping():
    lex = load_lexicon()

    class Tok:  # the two attributes lemma() reads
        lower_ = "hoping"
        lemma_ = "hop"
    assert lex.lemma(Tok()) == "hope"


@pytest.mark.parametrize("word", ["raise", "attack", "hold", "begin"])
def test_general_verbs_are_not_cues(word):
    lex = load_lexicon()
    assert word not in lex.object_verbs and word not in lex.clause_verbs
