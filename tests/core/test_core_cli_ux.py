"""First-run rough edges of the command line: every mistake is one coded line and exit code 2.

These run in-process and stop before the spaCy model loads, so they are fast.
"""
import json
import re
from pathlib import Path

import pytest

from wirecoder import errors
from wirecoder.cli import main

DOCS_ERRORS = Path(__file__).resolve().parents[2] / "docs" / "errors.md"


def one_error(capsys, code: str) -> str:
    """The single stderr line of a refused command; asserts its code and that nothing else was said."""
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith(f"error: [{code}] "), err
    return lines[0]


@pytest.fixture()
def article(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text("Kenyan police arrested twelve protesters in Nairobi on Tuesday.", encoding="utf-8")
    return p


def test_unknown_format_is_one_coded_line_not_the_usage_block(article, capsys):
    assert main(["analyze", str(article), "--format", "xml"]) == 2
    line = one_error(capsys, "W001")
    assert "'xml'" in line and "wirecoder analyze --help" in line


def test_unknown_command_and_option_are_coded(capsys):
    assert main(["analyse-this"]) == 2
    one_error(capsys, "W001")
    assert main(["settings", "--bogus"]) == 2
    assert "--bogus" in one_error(capsys, "W001")


def test_no_arguments_shows_the_help(capsys):
    assert main([]) == 2
    assert "analyze" in capsys.readouterr().out


def test_help_returns_zero_in_process(capsys):
    assert main(["analyze", "--help"]) == 0
    assert "--format" in capsys.readouterr().out


def test_analyze_without_input_is_a_usage_error(capsys):
    assert main(["analyze"]) == 2
    one_error(capsys, "W001")


def test_missing_file_stops_before_analysis(tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    assert main(["analyze", str(missing)]) == 2
    assert str(missing) in one_error(capsys, "W100")
    assert capsys.readouterr().out == ""  # no half output line for a typo


def test_empty_folder_is_refused(tmp_path, capsys):
    empty = tmp_path / "news"
    empty.mkdir()
    (empty / ".hidden").write_text("not an article", encoding="utf-8")  # hidden files are never read
    assert main(["analyze", str(empty)]) == 2
    assert "no files" in one_error(capsys, "W101")
    assert main(["ingest", str(empty), "--db", str(tmp_path / "w.duckdb")]) == 2
    one_error(capsys, "W101")
    assert not (tmp_path / "w.duckdb").exists()


def test_output_in_a_missing_folder_is_refused_before_analysis(article, tmp_path, capsys):
    out = tmp_path / "no" / "such" / "out.jsonl"
    assert main(["analyze", str(article), "--output", str(out)]) == 2
    assert "does not exist" in one_error(capsys, "W001")


def test_bad_date_is_coded(article, capsys):
    assert main(["analyze", str(article), "--date", "2022-13-45"]) == 2
    one_error(capsys, "W108")


@pytest.mark.parametrize("value", ["0", "-3", "many"])
def test_batch_size_must_be_a_positive_number(article, capsys, value):
    assert main(["analyze", str(article), "--batch-size", value]) == 2
    one_error(capsys, "W001")


def test_batch_size_from_the_environment_is_checked(article, capsys, monkeypatch):
    monkeypatch.setenv("WIRECODER_BATCH_SIZE", "0")
    assert main(["analyze", str(article)]) == 2
    assert "batch_size" in one_error(capsys, "W500")


def test_actors_file_missing_or_not_jsonl(article, tmp_path, capsys):
    assert main(["analyze", str(article), "--actors-file", str(tmp_path / "none.jsonl")]) == 2
    one_error(capsys, "W500")
    bad = tmp_path / "actors.csv"
    bad.write_text('{"name": "Jane Roe", "code": "KEN"}\nname,code\n', encoding="utf-8")
    assert main(["analyze", str(article), "--actors-file", str(bad)]) == 2
    assert "line 2" in one_error(capsys, "W500")


def test_db_in_a_missing_folder(article, tmp_path, capsys):
    db = tmp_path / "no" / "w.duckdb"
    for argv in (["ingest", str(article), "--db", str(db)], ["demo", "--db", str(db)],
                 ["run", str(article), "--db", str(db)]):
        assert main(argv) == 2
        assert "does not exist" in one_error(capsys, "W400")


def test_run_and_watch_numbers_are_checked(article, tmp_path, capsys):
    assert main(["run", str(article), "--db", str(tmp_path / "w.duckdb"), "--workers", "0"]) == 2
    one_error(capsys, "W001")
    assert main(["watch", "https://example.org/rss", "--interval", "0"]) == 2
    one_error(capsys, "W001")
    assert main(["run", str(tmp_path / "gone"), "--db", str(tmp_path / "w.duckdb")]) == 2
    one_error(capsys, "W100")


@pytest.fixture()
def empty_store(tmp_path):
    from wirecoder.store import open_store

    db = tmp_path / "w.duckdb"
    with open_store(db):
        pass
    return db


def test_events_filters_are_checked(empty_store, capsys):
    assert main(["events", "--db", str(empty_store), "--type", "ASALT"]) == 2
    assert "ASSAULT" in one_error(capsys, "W001")  # the valid types are listed
    assert main(["events", "--db", str(empty_store), "--from", "2022-02-30"]) == 2
    one_error(capsys, "W001")
    assert main(["events", "--db", str(empty_store), "--type", "assault", "-f", "jsonl"]) == 0


def test_empty_result_says_so_instead_of_an_empty_frame(empty_store, capsys):
    assert main(["quotes", "--db", str(empty_store), "--speaker", "Nobody", "-f", "table"]) == 0
    captured = capsys.readouterr()
    assert "no rows match" in captured.err and "(none)" not in captured.out


def test_eval_errors_carry_their_codes(tmp_path, capsys):
    assert main(["eval", str(tmp_path / "events-none.jsonl")]) == 2
    one_error(capsys, "W100")
    bad = tmp_path / "events-bad.jsonl"
    bad.write_text(json.dumps({"id": "d1", "text": None, "date": None, "events": []}) + "\n", encoding="utf-8")
    assert main(["eval", str(bad)]) == 2
    assert capsys.readouterr().err.startswith("error: [W600] ")  # then the bad lines, one each
    good = tmp_path / "events-good.jsonl"
    good.write_text(json.dumps({"id": "d1", "text": "Talks resumed.", "date": None, "events": []}) + "\n",
                    encoding="utf-8")
    assert main(["eval", str(good), "--save", str(tmp_path / "no" / "out.jsonl")]) == 2
    one_error(capsys, "W001")
    assert main(["eval", str(good), "--system", str(tmp_path / "none.jsonl")]) == 2
    one_error(capsys, "W100")


def test_gold_format_error_has_the_documented_code():
    from wirecoder.evaluation import GoldFormatError

    assert GoldFormatError.code == "W600" and issubclass(GoldFormatError, errors.WirecoderError)


def test_docs_list_every_error_code():
    import wirecoder.batch.runner  # noqa: F401  (modules with error subclasses of their own)
    import wirecoder.evaluation  # noqa: F401

    documented = set(re.findall(r"^\| (W\d{3}) \| \w+ \|", DOCS_ERRORS.read_text(encoding="utf-8"), re.M))
    todo, defined = [errors.WirecoderError], set()
    while todo:  # a subclass may share its parent's code (a narrower reason); every code must be listed
        cls = todo.pop()
        defined.add(cls.code)
        todo.extend(cls.__subclasses__())
    assert {"W000", "W001", "W100", "W600", "W804"} <= defined
    assert defined <= documented, sorted(defined - documented)


def test_unknown_environment_setting_and_bad_values_are_refused():
    import pytest
    from wirecoder.errors import SettingsError
    from wirecoder.settings import Settings

    with pytest.raises(SettingsError, match="WIRECODER_BATCHSIZE"):
        Settings.from_env({"WIRECODER_BATCHSIZE": "8"})
    assert Settings.from_env({"WIRECODER_API_TOKEN": "t", "WIRECODER_BATCH_SIZE": "8"}).batch_size == 8
    with pytest.raises(SettingsError, match="workers"):
        Settings(workers=0)
    with pytest.raises(SettingsError, match="query_timeout"):
        Settings(query_timeout=0)
