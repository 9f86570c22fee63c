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
    """A rule's finding as ``resodiff check`` reports it: position, code, severity, message."""

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
    """What a rule reads: the draft, and with ``--against`` the previous version and the change report."""

    resolution: Resolution
    file: str
    previous: Resolution | None = None
    report: ChangeReport | None = None
    technical_update: bool = False


Check = Callable[[Context], Iterator[Issue]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule: stable code and name, what it checks, why, an example, its default severity."""

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
    """The rules by code; :meth:`rule` registers a check function."""

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
        """Register the decorated function as the check of a new rule (a code may be used once)."""

        def register(check: Check) -> Check:
            if code in self.rules:
                raise ValueError(f"rule code {code} registered twice")
            self.rules[code] = Rule(code, name, summary, rationale, example, severity, check, needs_previous)
            return check

        return register


REGISTRY = Registry()
"""Every rule of ``resodiff check``, by code (the rules register in :mod:`resodiff.lint.rules`)."""
