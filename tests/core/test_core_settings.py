from pathlib import Path

import pytest

from wirecoder.errors import SettingsError
from wirecoder.settings import Settings


def test_defaults_have_help_text():
    rows = Settings.describe()
    assert {"model", "batch_size", "db", "max_chars"} <= {r[0] for r in rows}
    assert all(help_ for _, _, help_ in rows)


def test_environment_then_overrides():
    env = {"WIRECODER_BATCH_SIZE": "7", "WIRECODER_DB": "/tmp/x.duckdb", "WIRECODER_FETCH_LINKS": "yes"}
    s = Settings.from_env(env)
    assert s.batch_size == 7 and s.db == Path("/tmp/x.duckdb") and s.fetch_links is True
    s2 = Settings.from_env(env, batch_size=3, model=None)
    assert s2.batch_size == 3 and s2.model == Settings().model


def test_bad_environment_value_is_a_settings_error():
    with pytest.raises(SettingsError) as exc:
        Settings.from_env({"WIRECODER_BATCH_SIZE": "many"})
    assert exc.value.code == "W500" and not exc.value.retryable


def test_unknown_override_rejected():
    with pytest.raises(SettingsError):
        Settings.from_env({}, colour="blue")


def test_settings_are_frozen():
    with pytest.raises(Exception):
        Settings().batch_size = 2  # type: ignore[misc]
