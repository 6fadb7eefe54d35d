"""Round 6 of the quote stage: attribution the way mainstream (Canadian, British, US) news writes it.

Every text here is made up. The rules under test: a quotation that is a paragraph of its own after a
paragraph about a person (or after that person's reported statement) takes that person as speaker; a
short whole sentence introduced by a colon is a quotation of the colon's speaker; a lone surname the
actor stage read as a place is the person of that surname; a document ("a statement from X") speaks
for its author.
"""
from __future__ import annotations

from tests.quotes.conftest import quotes


def test_bare_quotation_paragraph_after_a_sentence_about_a_person(nlp):
    text = ("Police Chief Martin Lavoie addressed the shooting on Sunday.\n"
            "\"This kind of violence has no place in our city, and we will find those responsible.\"")
    got = quotes(nlp, text)
    assert len(got) == 1, got
    assert got[0][1] == "Martin Lavoie" and got[0][2], got


def test_bare_quotation_paragraph_after_a_reported_statement(nlp):
    text = ("Utility spokesperson Gilles Tremblay said crews were working around the clock.\n"
            "\"Some customers could be without power until Wednesday, and we ask for their patience.\"")
    got = quotes(nlp, text)
    bare = [q for q in got if q[0].startswith("Some customers")]
    assert bare and "Tremblay" in (bare[0][1] or ""), got


def test_bare_quotation_paragraph_after_a_sentence_about_weather_has_no_speaker(nlp):
    text = ("The storm knocked out power to 40,000 homes across the province on Saturday.\n"
            "\"We have never seen anything like this in thirty years of living here.\"")
    got = quotes(nlp, text)
    assert got and got[0][1] is None, got


def test_later_paragraph_quotation_takes_the_person_just_named(nlp):
    text = ("Premier Tom Hollis said the province would pay for the repairs.\n"
            "\"We are not going to leave these families waiting,\" he said.\n"
            "Opposition Leader Grace Okafor disagreed.\n"
            "\"This is too little, too late for the people of this province.\"")
    got = quotes(nlp, text)
    last = [q for q in got if q[0].startswith("This is too little")]
    assert last and last[0][1] == "Grace Okafor", got


def test_short_sentence_after_a_colon_is_a_quotation(nlp):
    text = "Premier Tom Hollis was blunt: \"This pipeline isn't happening.\""
    got = quotes(nlp, text)
    assert got == [("This pipeline isn't happening.", "Tom Hollis", True)], got


def test_short_title_after_a_colon_without_speaker_is_dropped(nlp):
    text = "The poster for the film carries a single line: \"Run while you can.\""
    assert quotes(nlp, text) == []


def test_surname_read_as_a_place_is_the_person_named_before(nlp):
    text = ("Health Minister Mark Holland spoke in Ottawa on Friday.\n"
            "\"It is not enough,\" Holland added. \"The provinces need to do more.\"")
    got = quotes(nlp, text)
    assert got and got[0][1] == "Mark Holland", got


def test_statement_speaks_for_its_author(nlp):
    got = quotes(nlp, "A news release from Toronto police said the man was arrested on Sunday.")
    assert ("the man was arrested on Sunday", "Toronto police", False) in got, got
    got = quotes(nlp, "The ministry's email said the policy was under review.")
    assert got and got[0][1] == "ministry", got


def test_inverted_said_with_title_and_apposition(nlp):
    text = "\"The ministry will review every file,\" said Joan Petrie, a spokeswoman for the health ministry."
    got = quotes(nlp, text)
    assert len(got) == 1 and got[0][1] == "Joan Petrie" and got[0][2], got
    assert got[0][0].startswith("The ministry will review every file")


def test_quotation_running_on_into_the_next_paragraph(nlp):
    text = ("\"I was told to keep quiet,\" Ahmed Rahimi told the Star. \"So I did, for years.\n"
            "\"Now I am done being quiet.\"")
    got = quotes(nlp, text)
    assert all(q[1] == "Ahmed Rahimi" for q in got), got
    assert any("Now I am done being quiet" in q[0] for q in got), got
