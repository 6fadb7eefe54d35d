"""Bad input never stops a batch: each broken item is one Failure with a stable code."""
from __future__ import annotations

import json

import pytest
from ingest_samples import ARTICLE_HTML, NAV_ONLY_HTML, TEXT_ARTICLE, rss, rss_item

from wirecoder.ingest import read_feed, read_html, read_jsonl, read_sources, read_text_file
from wirecoder.records import Article, Failure
from wirecoder.settings import Settings


def codes(items):
    return [(i.item, i.code) if isinstance(i, Failure) else i.id for i in items]


@pytest.mark.parametrize("data, code", [
    (b"", "W101"),
    (b"  \n\t\n", "W101"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "W102"),
    (bytes(range(1, 32)) * 20, "W102"),  # control bytes, no NUL
    ("Gespräche in Genf".encode("cp1252"), "W103"),
    (b"\xef\xbb\xbf   ", "W101"),  # a BOM and nothing else
])
def test_text_file_bad_bytes(tmp_path, data, code):
    p = tmp_path / "x.txt"
    p.write_bytes(data)
    (f,) = read_text_file(p)
    assert isinstance(f, Failure)
    assert (f.code, f.stage, f.item, f.origin) == (code, "ingest", "x.txt", str(p))
    assert f.reason


def test_utf16_with_bom_is_read(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes("Envoys met in Geneva.".encode("utf-16"))
    (a,) = read_text_file(p)
    assert isinstance(a, Article) and a.text == "Envoys met in Geneva."


def test_html_without_article(tmp_path):
    p = tmp_path / "nav.html"
    p.write_text(NAV_ONLY_HTML, encoding="utf-8")
    (f,) = read_html(p)
    assert isinstance(f, Failure) and f.code == "W104"


def test_too_large_article(tmp_path):
    s = Settings(max_chars=100)
    p = tmp_path / "long.txt"
    p.write_text("The council met. " * 10)  # 170 characters
    (f,) = read_text_file(p, s)
    assert f.code == "W106"
    p.write_text("The council met. " * 100)  # more bytes than 4 x max_chars: refused before reading
    (f,) = read_text_file(p, s)
    assert f.code == "W106"
    j = tmp_path / "c.jsonl"
    j.write_text(json.dumps({"id": "big", "text": "Talks. " * 50}) + "\n"
                 + json.dumps({"id": "ok", "text": "Talks."}) + "\n")
    assert codes(read_jsonl(j, s)) == [("big", "W106"), "ok"]


def test_jsonl_bad_lines_each_reported(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_bytes(b'{"id": "a", "text": "Good one."}\n'
                  b'{"id": "b", "text": \n'             # broken JSON
                  b'"just a string"\n'                   # not an object
                  b'{"id": "d"}\n'                       # no text
                  b'{"id": "e", "text": 42}\n'           # text not a string
                  b'{"id": "f", "text": "   "}\n'        # empty text
                  b'{"id": "g", "text": "Caf\xe9."}\n'   # not UTF-8
                  b'{"id": "h", "text": "Dated.", "date": "two days ago"}\n'
                  b'{"id": "i", "text": "Good two."}\n')
    assert codes(read_jsonl(p)) == ["a", ("c.jsonl:2", "W105"), ("c.jsonl:3", "W105"), ("d", "W105"),
                                    ("e", "W105"), ("f", "W101"), ("c.jsonl:7", "W103"), ("h", "W108"), "i"]


def test_csv_bad_rows(tmp_path):
    p = tmp_path / "c.csv"
    p.write_bytes(b"id,text,date\nr1,Good row.,2020-01-01\nr2,Bad date row.,31/31/2020\n"
                  b"r3,Caf\xe9 row.,\nr4,,\nr5,Good again.,\n")
    assert codes(read_sources([p])) == ["r1", ("r2", "W108"), ("c.csv:4", "W103"), ("r4", "W101"), "r5"]


def test_csv_without_text_column(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("id,body\n1,Words.\n")
    (f,) = read_sources([p])
    assert f.code == "W105" and "'text'" in f.reason


def test_feed_entry_without_text_and_bad_date(tmp_path):
    p = tmp_path / "f.xml"
    p.write_text(rss([rss_item("e1", "Empty", "", ""),
                      rss_item("e2", "Odd date", "https://w.example/2", "Body text here.", "sometime soon"),
                      rss_item("e3", "Fine", "https://w.example/3", "Fine body.")]))
    assert codes(read_feed(p)) == [("e1", "W104"), ("e2", "W108"), "e3"]


def test_xml_that_is_not_a_feed(tmp_path):
    p = tmp_path / "catalog.xml"
    p.write_text('<?xml version="1.0"?><catalog><book>Title</book></catalog>')
    (f,) = read_sources([p])
    assert f.code == "W107"


def test_mixed_batch_directory(tmp_path):
    (tmp_path / "good1.txt").write_text(TEXT_ARTICLE, encoding="utf-8")
    (tmp_path / "good2.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "corpus.jsonl").write_text(
        '{"id": "n1", "text": "Guards fired on the crowd."}\n{broken\n{"id": "n3", "text": "Talks ended."}\n')
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00")
    (tmp_path / "old.txt").write_bytes("Déclaration du ministère".encode("latin-1"))
    (tmp_path / "nav.htm").write_text(NAV_ONLY_HTML)
    items = list(read_sources([tmp_path, tmp_path / "missing.txt"], date="2022-01-12"))
    good = [i for i in items if isinstance(i, Article)]
    bad = {(f.item, f.code) for f in items if isinstance(f, Failure)}
    assert [a.id for a in good] == ["good1.txt", "good2.html", "n1", "n3"]
    assert bad == {("empty.txt", "W101"), ("image.png", "W102"), ("old.txt", "W103"), ("nav.htm", "W104"),
                   ("nested/corpus.jsonl:2", "W105"), (str(tmp_path / "missing.txt"), "W100")}
    assert len(items) == len(good) + len(bad)
    assert all(a.date is not None for a in good)
