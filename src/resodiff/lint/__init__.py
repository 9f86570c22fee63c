"""``resodiff check``: rules that a draft resolution should pass before it is tabled.

Rules live in a registry keyed by a stable code; each has a one-line summary, a rationale and
an example (``resodiff check --explain CODE``). A rule reads the model (and, for the rules that
compare, the previous version and the change report) and yields findings with the position of
the paragraph, footnote or header line it is about.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from ..diff.report import ChangeReport
from ..model import Resolution, SourceSpan

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Finding:
    file: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.code} {self.message}"


@dataclass(frozen=True, slots=True)
class Issue:
    """What a rule reports: a message and where (the registry adds code and severity)."""

    message: str
    span: SourceSpan | None = None


@dataclass(frozen=True, slots=True)
class Context:
    resolution: Resolution
    file: str
    previous: Resolution | None = None
    report: ChangeReport | None = None
    technical_update: bool = False


Check = Callable[[Context], Iterator[Issue]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    summary: str
    rationale: str
    example: str
    severity: Severity
    check: Check
    needs_previous: bool = False


@dataclass
class Registry:
    rules: dict[str, Rule] = field(default_factory=dict)

    def rule(
        self,
        code: str,
        name: str,
        *,
        summary: str,
        rationale: str,
        example: str,
        severity: Severity = "error",
        needs_previous: bool = False,
    ) -> Callable[[Check], Check]:
        def register(check: Check) -> Check:
            if code in self.rules:
                raise ValueError(f"rule code {code} registered twice")
            self.rules[code] = Rule(code, name, summary, rationale, example, severity, check, needs_previous)
            return check

        return register


REGISTRY = Registry()
