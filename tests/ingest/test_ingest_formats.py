"""Each input format on small files written into tmp_path."""
from __future__ import annotations

import json
from datetime import date

import pytest
from ingest_samples import ARTICLE_HTML, ATOM, TEXT_ARTICLE, rss, rss_item

from wirecoder.errors import BadDate
from wirecoder.ingest import (guess_headline, parse_dateline, read_csv, read_feed, read_html, read_jsonl,
                              read_sources, read_text_file, sniff_format)
from wirecoder.records import Article, Failure, content_hash
from wirecoder.settings import Settings


def one(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_text_file_keeps_full_text_and_takes_headline(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(TEXT_ARTICLE, encoding="utf-8")
    art = one(read_text_file(p, date="2022-01-12"))
    assert isinstance(art, Article)
    assert art.text == TEXT_ARTICLE  # nothing stripped: offsets stay valid
    assert art.title == "Rebels seize border town"
    assert art.date == date(2022, 1, 12)
    assert art.id == "story.txt" and art.origin == str(p)
    assert art.hash == content_hash(TEXT_ARTICLE)


def test_text_file_bom_dropped_and_crlf_kept(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbfTroops withdrew.\r\nTalks began.\r\n")
    art = one(read_text_file(p))
    assert art.text == "Troops withdrew.\r\nTalks began.\r\n"
    assert art.title is None  # first line ends with a period: a sentence, not a headline


@pytest.mark.parametrize("text, title", [
    ("Will the ceasefire hold?\n\nBody text.", "Will the ceasefire hold?"),
    ("Only one line without a period", None),
    ("NAIROBI, Kenya (AP) _\n\nBody text.", None),
    ("The minister said the talks would resume next week.\n\nMore.", None),
    ("\n\n  Border reopens  \n\nTraffic resumed.", "Border reopens"),
    (" ".join(["word"] * 40) + "\n\nBody.", None),
])
def test_guess_headline(text, title):
    assert guess_headline(text) == title


def test_html_file(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(ARTICLE_HTML, encoding="utf-8")
    art = one(read_html(p))
    assert isinstance(art, Article), art
    assert art.title == "Ministers meet over grain corridor"
    assert art.source == "Harbour Gazette"
    assert art.date == date(2023, 3, 4)
    assert "met in Ankara on Friday" in art.text
    assert "never run" not in art.text and "Copyright" not in art.text
    assert "\n\n" in art.text  # paragraphs separated by blank lines


def test_html_declared_charset_is_honoured(tmp_path):
    p = tmp_path / "latin.html"
    page = ARTICLE_HTML.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("Ankara", "Çankaya")
    p.write_bytes(page.encode("iso-8859-1"))
    art = one(read_html(p))
    assert isinstance(art, Article) and "Çankaya" in art.text


def test_rss_file(tmp_path):
    p = tmp_path / "wire.rss"
    p.write_text(rss([
        rss_item("g1", "Port strike ends", "https://wire.example/1",
                 "<p>Dock workers ended a <b>week-long</b> strike on Monday.</p><p>Ships left port.</p>",
                 "Mon, 07 Mar 2022 23:10:00 -0500"),
        rss_item("g2", "Second story", "https://wire.example/2", "Plain summary of the second story."),
    ]), encoding="utf-8")
    a, b = read_feed(p, date="2022-03-09")
    assert a.id == "g1" and a.title == "Port strike ends" and a.url == "https://wire.example/1"
    assert a.text == "Dock workers ended a week-long strike on Monday.\n\nShips left port."
    assert a.date == date(2022, 3, 7)  # the publisher's calendar day, not UTC's
    assert a.source == "Coastal Wire" and a.origin == str(p)
    assert b.date == date(2022, 3, 9)  # no pubDate: the dateline given


def test_atom_file_via_sources(tmp_path):
    p = tmp_path / "delta.atom"
    p.write_text(ATOM, encoding="utf-8")
    art = one(read_sources([p]))
    assert art.id == "urn:delta:1" and art.url == "https://delta.example/floods"
    assert art.text.startswith("Floods displaced about 4,000 people")
    assert art.date == date(2021, 6, 30)
    assert art.source == "Delta Monitor"


def test_jsonl_with_configured_fields(tmp_path):
    p = tmp_path / "corpus.jsonl"
    rows = [{"doc": 7, "body": "Police arrested 30 protesters.", "headline": "Arrests",
             "day": "March 3, 2020", "link": "https://x.example/a", "outlet": "X"},
            {"body": "No id in this record."}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    s = Settings(id_field="doc", text_field="body", title_field="headline", date_field="day",
                 url_field="link", source_field="outlet")
    a, b = read_jsonl(p, s)
    assert (a.id, a.text, a.title, a.date, a.url, a.source) == (
        "7", "Police arrested 30 protesters.", "Arrests", date(2020, 3, 3), "https://x.example/a", "X")
    assert a.origin == f"{p}:1"
    assert b.id == "corpus.jsonl:2" and b.date is None


def test_default_date_setting_and_argument(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"id": "a", "text": "Talks."}\n{"id": "b", "text": "More talks.", "date": "2019-05-05"}\n')
    a, b = read_jsonl(p, Settings(default_date="2020-02-02"))
    assert a.date == date(2020, 2, 2) and b.date == date(2019, 5, 5)
    a, _ = read_jsonl(p, Settings(default_date="2020-02-02"), date="2021-01-01")
    assert a.date == date(2021, 1, 1)  # the command line wins over the setting
    with pytest.raises(BadDate):
        list(read_sources([p], date="last week"))


def test_csv_and_tsv(tmp_path):
    c = tmp_path / "c.csv"
    c.write_text('id,title,text,date\nk1,Vote,"Parliament voted, 200 to 90, to approve the budget.",2018-11-20\n'
                 ',,"A second, multi-line\nrow.",\n', encoding="utf-8")
    a, b = read_csv(c)
    assert a.id == "k1" and a.text == "Parliament voted, 200 to 90, to approve the budget."
    assert a.date == date(2018, 11, 20) and a.title == "Vote"
    assert b.id == "c.csv:3" and b.text == "A second, multi-line\nrow."
    t = tmp_path / "t.tsv"
    t.write_text("id\ttext\nx1\tShelling hit the city.\n", encoding="utf-8")
    assert one(read_sources([t])).text == "Shelling hit the city."


def test_csv_long_field_beyond_csv_default_limit(tmp_path):
    c = tmp_path / "long.csv"
    body = "The committee met again. " * 8000  # ~200k characters, above csv's default 128 KiB
    c.write_text(f'id,text\nlong,"{body}"\n', encoding="utf-8")
    assert one(read_csv(c)).text == body


def test_json_file_list(tmp_path):
    p = tmp_path / "batch.json"
    p.write_text(json.dumps([{"id": "j1", "text": "One."}, {"text": "Two."}], indent=2), encoding="utf-8")
    a, b = read_sources([p])
    assert a.id == "j1" and b.id == "batch.json:2"


def test_directory_recursive_sorted_hidden_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second story text.")
    (tmp_path / "a.md").write_text("First story text.")
    (tmp_path / ".hidden.txt").write_text("Never read.")
    (tmp_path / ".git" / "x.txt").write_text("Never read.")
    (tmp_path / "noext").write_text('{"id": "s1", "text": "Sniffed as JSON lines."}\n')
    items = list(read_sources([tmp_path]))
    assert [i.id for i in items] == ["a.md", "b/two.txt", "s1"]


@pytest.mark.parametrize("head, fmt", [
    (b'  {"id": 1}', "jsonl"), (b"[{}]", "json"), (b"<?xml version='1.0'?><rss>", "feed"),
    (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"), (b"<!DOCTYPE html><html>", "html"),
    (b"<?xml version='1.0'?><catalog/>", "xml"), (b"Plain words.", "text"),
])
def test_sniff_format(head, fmt):
    assert sniff_format(head) == fmt


@pytest.mark.parametrize("value, expected", [
    ("2022-01-12", date(2022, 1, 12)), ("2022-01-12T23:00:00+02:00", date(2022, 1, 12)),
    ("Wed, 12 Jan 2022 23:30:00 -0500", date(2022, 1, 12)), ("12 January 2022", date(2022, 1, 12)),
    ("20220112", date(2022, 1, 12)), ("", None), (None, None),
])
def test_parse_dateline(value, expected):
    assert parse_dateline(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "3 days ago", "January 2022", "2022", "2022-02-30", "soon"])
def test_parse_dateline_refuses_relative_partial_and_invalid(value):
    with pytest.raises(BadDate):
        parse_dateline(value)


def test_stdin_text(monkeypatch):
    import io
    import sys
    fake = io.TextIOWrapper(io.BytesIO(TEXT_ARTICLE.encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", fake)
    art = one(read_sources(["-"], date="2022-01-12"))
    assert isinstance(art, Article) and art.text == TEXT_ARTICLE and art.id == "stdin"


def test_stdin_jsonl(monkeypatch):
    import io
    import sys
    data = b'{"id": "s1", "text": "Envoys met."}\n{"oops": 1}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    a, b = read_sources("-")
    assert isinstance(a, Article) and a.id == "s1"
    assert isinstance(b, Failure) and b.code == "W105" and b.item == "stdin:2"


def test_folder_walk_skips_databases_beside_articles(tmp_path):
    from wirecoder.ingest import read_sources
    (tmp_path / "a.txt").write_text("Niger closed its airspace to French flights.", encoding="utf-8")
    (tmp_path / "w.duckdb").write_bytes(b"DUCK\x00\x00")
    (tmp_path / "w.duckdb.wal").write_bytes(b"\x00\x01")
    (tmp_path / "chart.png").write_bytes(b"\x89PNG\x00")
    items = list(read_sources([tmp_path]))
    assert [getattr(i, "id", None) or i.code for i in items] == ["a.txt", "W102"]
