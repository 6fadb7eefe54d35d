"""Round 8 of the quote stage: a Gender Gap Tracker-style article, representatives and content ends.

The article below is made up (Canadian news shapes): reported speech with a that-clause, a direct
quotation split around its frame, "the minister" for a minister named before, a pronoun speaker,
'according to' an organisation, a quotation running over two paragraphs and attributed once, an
unnamed spokesperson of a department, and two non-speech verbs ('wants' with an object, 'tried') that frame nothing.
"""
from __future__ import annotations

import pytest

ARTICLE = (
    "OTTAWA — Federal Health Minister Claire Dubois announced on Tuesday that Ottawa will spend $2.4 billion "
    "to hire more nurses for rural hospitals.\n\n"
    "\"This is the largest investment in rural care in a generation,\" Dubois said at a news conference. "
    "\"Nobody should have to drive three hours to see a nurse.\"\n\n"
    "The minister said the money would flow to the provinces by the spring.\n\n"
    "Ontario Premier Mark Holloway welcomed the plan. \"We are grateful, but we have been asking for twice "
    "that amount for years,\" he told reporters in Toronto.\n\n"
    "According to the Canadian Nurses Association, nearly 30,000 nursing positions remain vacant across "
    "the country.\n\n"
    "Linda Okafor, the association's president, said the shortage has pushed thousands of nurses out of "
    "the profession.\n\n"
    "\"Our members are exhausted. They have been working double shifts week after week.\n\n"
    "\"Money alone will not fix this,\" she added.\n\n"
    "A spokesperson for Health Canada said in an email that the department would publish the details "
    "next month.\n\n"
    "Conservative health critic Ryan Patel wants the government to release its cost estimates. "
    "The Liberals have tried to keep the figures private until the budget.\n"
)

# (content, speaker, direct); content is the exact span the stage must return
EXPECTED = [
    ("that Ottawa will spend $2.4 billion to hire more nurses for rural hospitals", "Claire Dubois", False),
    ("This is the largest investment in rural care in a generation,\" Dubois said at a news conference. "
     "\"Nobody should have to drive three hours to see a nurse.", "Claire Dubois", True),
    ("the money would flow to the provinces by the spring", "Claire Dubois", False),
    ("We are grateful, but we have been asking for twice that amount for years", "Mark Holloway", True),
    ("nearly 30,000 nursing positions remain vacant across the country", "Canadian Nurses Association", False),
    ("the shortage has pushed thousands of nurses out of the profession", "Linda Okafor", False),
    ("Our members are exhausted. They have been working double shifts week after week.\n\n"
     "\"Money alone will not fix this", "Linda Okafor", True),
    ("that the department would publish the details next month", "Health Canada", False),
]


@pytest.fixture(scope="module")
def article_quotes(nlp):
    return nlp(ARTICLE)._.wc_quotes


def test_every_quote_of_the_article_with_its_speaker_and_span(article_quotes):
    got = [(q.text, q.speaker, q.direct) for q in article_quotes]
    assert got == EXPECTED


def test_spans_are_offsets_into_the_article(article_quotes):
    for q in article_quotes:
        assert ARTICLE[q.start:q.end] == q.text
        assert q.speaker_span is not None and q.speaker_span[0] < q.speaker_span[1]


def test_speaker_mentions_point_at_the_words_used(article_quotes):
    spans = [ARTICLE[q.speaker_span[0]:q.speaker_span[1]] for q in article_quotes]
    assert spans == ["Claire Dubois", "Dubois", "The minister", "he", "Canadian Nurses Association",
                     "Linda Okafor", "she", "Health Canada"]


def test_non_speech_verbs_frame_nothing(article_quotes):
    assert not any("cost estimates" in q.text or "figures" in q.text for q in article_quotes)


def test_content_ends_without_clause_punctuation(article_quotes):
    for q in article_quotes:
        assert q.text[-1] not in ",;:-—– \n", q.text


@pytest.mark.parametrize("text, speaker", [
    ("A spokeswoman for the Toronto Transit Commission said the line would reopen on Monday.",
     "Toronto Transit Commission"),
    ("Priya Nair, a spokeswoman for the Toronto Transit Commission, spoke to reporters on Friday. "
     "The spokeswoman said the line would reopen on Monday.", "Priya Nair"),
])
def test_an_unnamed_spokesperson_speaks_for_the_body(nlp, text, speaker):
    got = [(q.text, q.speaker) for q in nlp(text)._.wc_quotes]
    assert got == [("the line would reopen on Monday", speaker)], got
