"""Running the rules over drafts."""

from __future__ import annotations

from collections.abc import Sequence

from ..diff import diff_resolutions
from ..errors import DiffError, InputError
from ..ingest import read, read_collection
from ..model import Resolution
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


def check_files(files: Sequence[str], config: Config, against: str | None = None) -> list[Finding]:
    """The findings of every enabled rule over each file (each part of a multi-part publication
    apart), compared with ``against`` (or the configured predecessor) for the rules that need it."""
    previous_path = against or config.against
    previous = read(previous_path) if previous_path else None
    findings: list[Finding] = []
    for file in files:
        # a multi-part publication is checked part by part (A, B ...), each against the previous
        for resolution in read_collection(file):
            findings.extend(check_resolution(resolution, file, config, previous))
    return findings
