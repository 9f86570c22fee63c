"""``resodiff check``: rules that a draft resolution should pass before it is tabled.

Rules live in a registry keyed by a stable code; each has a one-line summary, a rationale and
an example (``resodiff check --explain CODE``). A rule reads the model (and, for the rules that
compare, the previous version and the change report) and yields findings with the position of
the paragraph, footnote or header line it is about.

Rules in the ``style`` group run only when asked for (``style = true``, ``--style``, or their code
in ``select``), like ruff's preview rules: they report typography that adopted resolutions do not
always follow. A rule that reads a property some source forms do not show (the italics a PDF
conversion loses) names it in ``needs``; where the document does not show it, the rule is skipped
and the file gets one note saying so, instead of one finding per paragraph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ..findings import Finding, Note, Severity
from ..model import Resolution, SourceSpan

if TYPE_CHECKING:
    from ..diff.report import ChangeReport


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What ``check`` found over its files: the findings, the notes, and how many files."""

    findings: tuple[Finding, ...]
    notes: tuple[Note, ...]
    files: int


@dataclass(frozen=True, slots=True)
class Issue:
    """What a rule reports: a message and where (the registry adds code and severity)."""

    message: str
    span: SourceSpan | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule reads: the draft, and with ``--against`` the previous version and the change report;
    for a draft with tracked changes (Word), also the draft with every change rejected (``original``)
    and its comparison with the previous version (``original_report``: the changes made untracked)."""

    resolution: Resolution
    file: str
    previous: Resolution | None = None
    report: ChangeReport | None = None
    technical_update: bool = False
    original: Resolution | None = None
    original_report: ChangeReport | None = None


Check = Callable[[Context], Iterator[Issue]]
Group = Literal["default", "style"]


@dataclass(frozen=True, slots=True)
class Property:
    """A property of the document that some source forms do not carry (``needs`` of a rule)."""

    name: str
    shown: Callable[[Resolution], bool]
    #: why it may be missing, for the note that says the rules were skipped
    absence: str


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
    group: Group = "default"
    needs: tuple[str, ...] = ()
    #: ``--fix`` can correct the finding in text and Markdown sources
    fixable: bool = False


@dataclass
class Registry:
    """The rules by code; :meth:`rule` registers a check function."""

    rules: dict[str, Rule] = field(default_factory=dict)
    properties: dict[str, Property] = field(default_factory=dict)

    def property(
        self, name: str, absence: str
    ) -> Callable[[Callable[[Resolution], bool]], Callable[[Resolution], bool]]:
        """Register a property some source forms do not show (italics), with what its absence
        means; the rules that need it are skipped, with one note, where a document lacks it."""

        def register(shown: Callable[[Resolution], bool]) -> Callable[[Resolution], bool]:
            self.properties[name] = Property(name, shown, absence)
            return shown

        return register

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
        group: Group = "default",
        needs: tuple[str, ...] = (),
        fixable: bool = False,
    ) -> Callable[[Check], Check]:
        """Register the decorated function as the check of a new rule (a code may be used once)."""

        def register(check: Check) -> Check:
            if code in self.rules:
                raise ValueError(f"rule code {code} registered twice")
            unknown = set(needs) - set(self.properties)
            if unknown:
                raise ValueError(f"rule {code} needs unregistered properties {sorted(unknown)}")
            self.rules[code] = Rule(
                code, name, summary, rationale, example, severity, check, needs_previous, group, needs, fixable
            )
            return check

        return register


REGISTRY = Registry()
"""Every rule of ``resodiff check``, by code (the rules register in :mod:`resodiff.lint.rules`)."""
