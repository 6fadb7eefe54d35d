"""Every item keeps a distinct id across sources, and a folder that cannot be listed is reported."""
from __future__ import annotations

import json
import os

from wirecoder.ingest import read_sources
from wirecoder.records import Article, Failure


def test_same_file_name_in_two_folders_gets_distinct_ids(tmp_path):
    for folder, text in (("wire", "Chad closed its border with Sudan."), ("desk", "Niger reopened its embassy.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(text, encoding="utf-8")
    items = list(read_sources([tmp_path / "wire", tmp_path / "desk"]))
    assert [i.id for i in items] == ["story.txt", "story.txt#2"]
    assert items[1].origin.endswith(os.path.join("desk", "story.txt"))
    assert items[1].text.startswith("Niger")


def test_repeated_ids_in_a_corpus_and_an_id_that_already_has_the_suffix(tmp_path):
    corpus = tmp_path / "in.jsonl"
    rows = [{"id": "x", "text": "Peru recalled its envoy."}, {"id": "x#2", "text": "Chile expelled a diplomat."},
            {"id": "x", "text": "Bolivia summoned an ambassador."}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ids = [i.id for i in read_sources(corpus)]
    assert len(set(ids)) == 3 and ids[:2] == ["x", "x#2"] and ids[2].startswith("x#")


def test_failures_get_distinct_ids_too(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "b" / "empty.txt").write_text("  ", encoding="utf-8")
    items = list(read_sources([tmp_path / "a", tmp_path / "b"]))
    assert all(isinstance(i, Failure) for i in items)
    assert [i.item for i in items] == ["empty.txt", "empty.txt#2"]


def test_a_folder_that_cannot_be_listed_is_a_failure_and_the_walk_goes_on(tmp_path, monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text("Mali expelled the French ambassador.", encoding="utf-8")
    (tmp_path / "open.txt").write_text("Ghana sent troops to its northern border.", encoding="utf-8")
    real = os.scandir

    def scandir(path):  # the tests may run as root, where chmod 000 does not stop a listing
        if os.path.basename(os.fspath(path)) == "locked":
            raise PermissionError(13, "Permission denied")
        return real(path)
    monkeypatch.setattr(os, "scandir", scandir)
    items = list(read_sources(tmp_path))
    fails = [i for i in items if isinstance(i, Failure)]
    assert [(f.item, f.code, f.stage) for f in fails] == [("locked/", "W100", "ingest")]
    assert "cannot list folder" in fails[0].reason and "Permission denied" in fails[0].reason
    assert [i.id for i in items if isinstance(i, Article)] == ["open.txt"]
