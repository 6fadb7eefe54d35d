"""One error tree with stable codes.

Each error says whether a retry can help (``retryable``), so a batch runner
or an API client can decide without parsing messages. Codes are stable:
documented in docs/errors.md, never reused.
"""
from __future__ import annotations


class WirecoderError(Exception):
    """Base of every error wirecoder raises on purpose."""

    code = "W000"
    retryable = False
    stage = "wirecoder"

    def __init__(self, reason: str, *, item: str | None = None) -> None:
        super().__init__(f"[{self.code}] {reason}")
        self.reason = reason
        self.item = item

    def to_dict(self) -> dict:
        """The one JSON error shape shared by CLI, API and the failures table."""
        return {"code": self.code, "reason": self.reason, "stage": self.stage,
                "retryable": self.retryable, "item": self.item}


# ---- the command line itself: an unknown option, a bad value, a file to write in a missing folder
class UsageError(WirecoderError):
    """A command line that cannot be run as given; nothing was read or analysed."""
    code = "W001"
    stage = "cli"


# ---- ingest: the input itself is unusable (retrying the same bytes will not help)
class InputError(WirecoderError):
    code = "W100"
    stage = "ingest"


class EmptyInput(InputError):
    code = "W101"


class BinaryInput(InputError):
    code = "W102"


class NotUTF8(InputError):
    code = "W103"


class NoArticleText(InputError):
    """HTML or feed entry without extractable main text."""
    code = "W104"


class BadRecord(InputError):
    """A JSONL line that is not a JSON object, a CSV row without the text field."""
    code = "W105"


class TooLarge(InputError):
    code = "W106"


class UnknownFormat(InputError):
    code = "W107"


class BadDate(InputError):
    code = "W108"


# ---- fetch: network problems (often worth a retry) and refusals (never)
class FetchError(WirecoderError):
    code = "W200"
    stage = "fetch"
    retryable = True


class FetchRefused(FetchError):
    """Address not allowed (loopback, private network) or scheme not http(s)."""
    code = "W201"
    retryable = False


class FetchTooLarge(FetchError):
    code = "W202"
    retryable = False


# ---- nlp
class ModelError(WirecoderError):
    """The spaCy model is missing or broken: install it, do not retry."""
    code = "W300"
    stage = "nlp"


class AnalysisError(WirecoderError):
    """A component failed on one article (a bug: reported with the article id)."""
    code = "W301"
    stage = "nlp"


# ---- store
class StoreError(WirecoderError):
    code = "W400"
    stage = "store"


class SchemaError(StoreError):
    code = "W401"


class StoreLocked(StoreError):
    code = "W402"
    retryable = True


class QueryError(StoreError):
    """A query the store refuses: bad filter values, a bad export path or table."""
    code = "W403"


class QueryTimeout(QueryError):
    """A read query ran past its time limit and was interrupted."""
    code = "W404"
    retryable = True


# ---- settings and evaluation
class SettingsError(WirecoderError):
    code = "W500"
    stage = "settings"


class GoldFormatError(WirecoderError):
    """A gold file that does not follow the format; the message lists the bad lines."""
    code = "W600"
    stage = "eval"


def error_class(code: str) -> type[WirecoderError]:
    """The error class that owns ``code`` (WirecoderError when unknown)."""
    todo: list[type[WirecoderError]] = [WirecoderError]
    while todo:
        cls = todo.pop()
        if cls.code == code:
            return cls
        todo.extend(cls.__subclasses__())
    return WirecoderError


# ---- serve (HTTP API): refusals of a request; the body is always WirecoderError.to_dict()
class ServeError(WirecoderError):
    code = "W800"
    stage = "serve"


class BadParameter(ServeError):
    """A request parameter or body field is missing, of the wrong type or out of range."""
    code = "W801"


class Unauthorized(ServeError):
    """A write (ingest) request without the right API token."""
    code = "W802"


class IngestDisabled(ServeError):
    """The server has no API token configured, so it refuses every write."""
    code = "W803"


class NotFound(ServeError):
    """No such route, article or event."""
    code = "W804"
