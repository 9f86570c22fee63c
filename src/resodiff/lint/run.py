"""Running the rules over drafts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..diff import diff_resolutions
from ..errors import DiffError, InputError, ResodiffError
from ..ingest import read, read_collection
from ..model import Resolution
from ..pairing import Settled, run
from ..spans import file_label
from . import REGISTRY, Context, Finding
from . import rules as _rules  # noqa: F401  (registers the rules)
from .config import Config


def check_resolution(
    resolution: Resolution, file: str, config: Config, previous: Resolution | None = None
) -> list[Finding]:
    """Every finding for one draft, in order of position then code."""
    if config.language and resolution.meta.language != config.language:
        raise InputError(
            f"the draft is in {resolution.meta.language}, the configuration expects {config.language}", file=file
        )
    report = None
    if previous is not None:
        try:
            report = diff_resolutions(previous, resolution)
        except DiffError as error:
            raise InputError(f"cannot compare with the previous version: {error.message}", file=file) from None
    context = Context(resolution, file, previous, report, config.technical_update)
    findings = []
    for code, rule in sorted(REGISTRY.rules.items()):
        if not config.enabled(code) or (rule.needs_previous and previous is None):
            continue
        severity = config.severity.get(code, rule.severity)
        for issue in rule.check(context):
            span = issue.span
            line, column = (span.line, span.column) if span else (1, 1)
            findings.append(Finding(file, line, column, code, severity, issue.message))
    return sorted(findings, key=lambda f: (f.line, f.column, f.code))


@dataclass(frozen=True, slots=True)
class _CheckFile:
    """One draft's findings (picklable, for the process pool)."""

    config: Config
    previous: Resolution | None

    def __call__(self, file: str) -> list[Finding]:
        # a multi-part publication is checked part by part (A, B ...), each against the previous
        label = file_label(file)
        return [
            finding
            for resolution in read_collection(file)
            for finding in check_resolution(resolution, label, self.config, self.previous)
        ]


def check_files(files: Sequence[str], config: Config, against: str | None = None, jobs: int = 1) -> list[Finding]:
    """Every draft's findings, in the order of ``files`` (on ``jobs`` processes)."""
    previous_path = against or config.against
    previous = read(previous_path) if previous_path else None
    outcomes = run(Settled(_CheckFile(config, previous)), files, min(jobs, len(files)))
    findings: list[Finding] = []
    for outcome in outcomes:
        if isinstance(outcome, ResodiffError):
            raise outcome
        findings.extend(outcome)
    return findings
