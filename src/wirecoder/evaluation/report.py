"""The evaluation report record and its rendering (text tables or one JSON object)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .common import ErrorItem, Table


@dataclass(frozen=True)
class EvalReport:
    """The outcome of scoring one gold file."""

    task: str
    gold: str  # the gold file scored
    docs: int  # gold documents scored (after sampling)
    headline: dict[str, Any]  # the figures the quality gate and the referee's SCORE line use
    tables: tuple[Table, ...] = ()
    notes: tuple[str, ...] = ()
    errors: tuple[ErrorItem, ...] = ()  # the first N misses and false positives asked for
    error_total: int = 0
    missing: int = 0  # gold documents without a system line
    failed: int = 0  # gold documents whose analysis failed
    extra: int = 0  # system lines with no gold document
    data: dict[str, Any] = field(default_factory=dict)  # every figure, for --json
    seconds: float = 0.0
    pipeline: str = ""  # the model and wirecoder version that produced the output
    selection: str = ""  # "all 158", "sample 60 of 924 (seed 0)", ...

    def score_line(self) -> str:
        """``SCORE task=... key=value ...``, the same shape as the referee's last line."""
        head = {"task": self.task, **self.headline, "docs": self.docs, "missing": self.missing,
                "errors": self.failed}
        return "SCORE " + " ".join(f"{k}={fmt(v)}" for k, v in head.items())

    def as_dict(self, errors: bool = True) -> dict[str, Any]:
        out = {"task": self.task, "gold": self.gold, "docs": self.docs, "missing": self.missing,
               "errors": self.failed, "extra": self.extra, "headline": self.headline, **self.data,
               "seconds": round(self.seconds, 3), "pipeline": self.pipeline, "selection": self.selection}
        if errors:
            out["error_list"] = [e.render() for e in self.errors]
            out["error_total"] = self.error_total
        return out


def fmt(x: Any) -> str:
    return "na" if x is None else f"{x:.4f}" if isinstance(x, float) else str(x)


def render_table(t: Table) -> list[str]:
    rows = [[fmt(c) for c in r] for r in t.rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(t.header)]

    def line(cells: list[str] | tuple[str, ...]) -> str:
        return "  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(cells)).rstrip()
    return [line(t.header), line(["-" * w for w in widths])] + [line(r) for r in rows]


def render_report(report: EvalReport, as_json: bool = False) -> str:
    """The report as text tables (ending with the SCORE line), or as one JSON object."""
    if as_json:
        return json.dumps(report.as_dict(errors=bool(report.errors or report.error_total)), sort_keys=True,
                          default=str)
    out = [f"task={report.task} docs={report.docs} missing={report.missing} errors={report.failed} "
           f"extra={report.extra}  ({report.selection} of {report.gold}; {report.seconds:.1f}s)"]
    for t in report.tables:
        out += ["", f"{t.title}:"] + ["  " + x for x in render_table(t)]
    if report.notes:
        out += [""] + list(report.notes)
    if report.errors:
        out += ["", f"errors (first {len(report.errors)} of {report.error_total}):"]
        out += ["  " + e.render() for e in report.errors]
    out += ["", report.score_line()]
    return "\n".join(out)
