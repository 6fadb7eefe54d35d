"""The command line end to end on inputs written for these tests (runs in-process)."""
import json

import duckdb
import pytest

from wirecoder.cli import main

GOOD = ("Peru and Bolivia agree to reopen border\n\n"
        "Peru and Bolivia agreed on Thursday to reopen their border crossings, the two foreign ministries said.")


@pytest.fixture()
def corpus(tmp_path):
    lines = [json.dumps({"id": "a1", "text": GOOD, "date": "2023-04-06"}),
             "this line is not JSON",
             json.dumps({"id": "a2", "text": ""}),
             json.dumps({"id": "a3", "text": "Chile recalled its ambassador from Caracas.", "date": "2023-04-07"}),
             json.dumps({"id": "a4", "text": "Hungary hosted talks.", "date": "yesterday-ish"})]
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_analyze_jsonl_round_trips_every_id_including_failures(corpus, tmp_path, nlp):
    out = tmp_path / "out.jsonl"
    rc = main(["analyze", "--input", str(corpus), "--output", str(out)])
    assert rc == 1  # some items failed
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(rows) == 5
    by_id = {r["id"]: r for r in rows}
    assert {"a1", "a2", "a3", "a4"} <= set(by_id)
    assert "error" not in by_id["a1"] and "events" in by_id["a1"]
    assert by_id["a2"]["error_code"] == "W101"
    assert by_id["a4"]["error_code"] == "W108"
    bad = [r for r in rows if r["id"] not in by_id or r["id"].endswith(":2")]
    assert bad and bad[0]["error_code"] == "W105"


def test_analyze_file_json_format(tmp_path, capsys, nlp):
    f = tmp_path / "story.txt"
    f.write_text(GOOD, encoding="utf-8")
    assert main(["analyze", str(f), "--date", "2023-04-06", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["id"] == "story.txt" and doc["date"] == "2023-04-06"


def test_ingest_stores_good_items_and_records_failures(tmp_path, capsys, nlp):
    src = tmp_path / "news"
    src.mkdir()
    (src / "one.txt").write_text(GOOD, encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    (src / "latin.txt").write_bytes("Caf\xe9 owners in S\xe3o Paulo protested.".encode("latin-1"))
    (src / "two.txt").write_text("Ghana sent troops to its northern border.", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    assert main(["ingest", str(src), "--db", str(db), "--date", "2023-04-06"]) == 1
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == 2
    codes = sorted(r[0] for r in con.execute("select code from failures").fetchall())
    assert codes == ["W101", "W102", "W103"]
    con.close()
    # re-ingesting the same articles stores nothing new
    main(["ingest", str(src / "one.txt"), "--db", str(db)])
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*) from articles").fetchone()[0] == 2
    con.close()


def test_events_quotes_export_commands(tmp_path, capsys, nlp):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "x", "date": "2023-04-06", "text": GOOD}) + "\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    assert main(["ingest", str(src), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["events", "--db", str(db), "--format", "jsonl"]) == 0
    assert main(["quotes", "--db", str(db), "--format", "jsonl"]) == 0
    out = tmp_path / "ev.csv"
    assert main(["export", "--db", str(db), "--output", str(out)]) == 0
    assert out.exists()
    pq = tmp_path / "ev.parquet"
    assert main(["export", "--db", str(db), "--table", "articles", "--output", str(pq)]) == 0
    assert duckdb.connect().execute(f"select count(*) from read_parquet('{pq}')").fetchone()[0] == 1


def test_missing_database_is_a_clear_error(tmp_path, capsys):
    assert main(["events", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no database" in capsys.readouterr().err


def test_analyze_batch_assigns_stories_and_marks_copies(tmp_path, nlp):
    body = ("Floods in northern Italy forced thousands of residents to leave their homes on Tuesday. "
            "Rescue teams evacuated villages along the Po river as the water kept rising, and the regional "
            "government declared a state of emergency in three provinces.")
    other = ("Voters in Iceland elected a new parliament on Saturday after a short campaign dominated by "
             "housing costs, and the opposition Social Democrats won the most seats.")
    rows = [{"id": "orig", "date": "2024-05-14", "text": "Italy floods\n\n" + body},
            {"id": "copy", "date": "2024-05-14", "text": "Thousands flee Italian floods\n\n" + body},
            {"id": "else", "date": "2024-11-30", "text": other}]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["analyze", "--input", str(src), "--output", str(out)]) == 0
    got = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert got["orig"]["story"] and got["copy"]["story"] == got["orig"]["story"]
    assert got["copy"]["duplicate_of"] == "orig" and got["orig"]["duplicate_of"] is None
    assert got["else"]["story"] != got["orig"]["story"]


def test_json_format_redirected_is_one_line_per_article(tmp_path, capsys, nlp):
    f = tmp_path / "story.txt"
    f.write_text(GOOD, encoding="utf-8")
    assert main(["analyze", str(f), "--date", "2023-04-06", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and json.loads(out)["id"] == "story.txt"


def test_ingest_replace_recodes_stored_articles_with_new_triggers(tmp_path, capsys, nlp):
    src = tmp_path / "audit.txt"
    src.write_text("Kenya's treasury reviewed the state port authority on Monday.", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    assert main(["ingest", str(src), "--db", str(db), "--date", "2023-04-06"]) == 0

    def stored():
        con = duckdb.connect(str(db), read_only=True)
        try:
            return (con.execute("select count(*), min(pk) from articles").fetchone(),
                    [r[0] for r in con.execute("select type from events").fetchall()])
        finally:
            con.close()
    (n, pk), types = stored()
    assert n == 1 and "ACCUSE" not in types
    extra = tmp_path / "triggers.jsonl"
    extra.write_text(json.dumps({"lemma": "review", "type": "ACCUSE", "mode": "investigate", "cameo": "090"}) + "\n",
                     encoding="utf-8")
    # without --replace the stored article is a duplicate and keeps its old coding
    main(["ingest", str(src), "--db", str(db), "--date", "2023-04-06", "--triggers-file", str(extra)])
    assert stored()[1] == types
    capsys.readouterr()
    assert main(["ingest", str(src), "--db", str(db), "--date", "2023-04-06", "--triggers-file", str(extra),
                 "--replace"]) == 0
    assert "1 re-coded and replaced" in capsys.readouterr().err
    (n2, pk2), types2 = stored()
    assert (n2, pk2) == (1, pk) and "ACCUSE" in types2
