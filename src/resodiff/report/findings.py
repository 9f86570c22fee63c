"""The findings of ``check`` written out, by format name (the ``FINDINGS`` registry): text
(like ruff), json, github (workflow commands), sarif (SARIF 2.1.0 for code scanning); and the
rule texts of ``--statistics`` and ``--explain``."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .._version import __version__
from ..escape import safe_for_terminal
from ..findings import UNREADABLE, Finding, Note
from .registries import FINDINGS
from .registry import RenderOptions

if TYPE_CHECKING:
    from ..lint import CheckResult, Registry


#: what SARIF and ``--statistics`` say of an unreadable file, which no rule of the registry
#: reports: its own descriptor, so that code scanning lists the file like any finding
_UNREADABLE_RULE = {
    "id": UNREADABLE,
    "name": "unreadable-file",
    "shortDescription": {"text": "The file could not be read as a resolution, so none of its rules ran."},
    "fullDescription": {
        "text": "A batch goes on past a file it cannot read; the file is reported here, at the "
        "position of the error, and the run exits with status 2."
    },
    "help": {"text": "Example: a draft whose XML is not well formed, or text with no enacting formula."},
    "defaultConfiguration": {"level": "error"},
}


def _unreadable(findings: Sequence[Finding]) -> list[str]:
    """The files that could not be read, once each, in the order of the findings."""
    return list(dict.fromkeys(f.file for f in findings if f.code == UNREADABLE))


def _rules() -> Registry:
    """The rule registry with every rule in it (loaded when a report names the rules)."""
    from ..lint import REGISTRY
    from ..lint import rules as _registered  # noqa: F401  (the rules register themselves)

    return REGISTRY


@FINDINGS.renderer("text", media_type="text/plain", suffix=".txt", summary="file:line:col: CODE message, like ruff")
def _text(result: CheckResult, options: RenderOptions) -> str:
    findings = result.findings
    lines = [safe_for_terminal(str(item)) for item in (*findings, *result.notes)]
    errors = sum(1 for f in findings if f.severity == "error")
    unreadable = _unreadable(findings)
    not_read = f", {len(unreadable)} not read" if unreadable else ""
    lines.append(f"{len(findings)} finding(s), {errors} error(s), in {result.files} file(s){not_read}")
    return "\n".join(lines) + "\n"


@FINDINGS.renderer("json", media_type="application/json", suffix=".json", summary="files, notes and findings")
def _json(result: CheckResult, options: RenderOptions) -> str:
    data = {
        "files": result.files,
        "unreadable": _unreadable(result.findings),
        "notes": [{"file": n.file, "message": n.message} for n in result.notes],
        "findings": [
            {
                "file": f.file,
                "line": f.line,
                "column": f.column,
                "code": f.code,
                "severity": f.severity,
                "message": f.message,
            }
            for f in result.findings
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape_property(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


@FINDINGS.renderer("github", media_type="text/plain", suffix=".txt", summary="GitHub Actions annotations")
def _github(result: CheckResult, options: RenderOptions) -> str:
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    lines = [
        f"::{levels[f.severity]} file={_escape_property(f.file)},line={f.line},col={f.column},"
        f"title={_escape_property(f.code)}::{_escape_data(f.message)}"
        for f in result.findings
    ] + [f"::notice file={_escape_property(n.file)}::{_escape_data(n.message)}" for n in result.notes]
    return "\n".join(lines) + ("\n" if lines else "")


def _location(finding: Finding) -> dict[str, object]:
    return {
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": finding.file.replace("\\", "/")},
                    "region": {"startLine": finding.line, "startColumn": finding.column},
                }
            }
        ]
    }


def sarif_data(findings: Sequence[Finding], notes: Sequence[Note] = ()) -> dict[str, object]:
    """Findings as a SARIF 2.1.0 log (the subset ``schemas/sarif-2.1.0-subset.schema.json``
    describes), with every rule of the registry."""
    registry = _rules()
    codes = sorted(registry.rules)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    rules = [
        {
            "id": code,
            "name": registry.rules[code].name,
            "shortDescription": {"text": registry.rules[code].summary},
            "fullDescription": {"text": registry.rules[code].rationale},
            "help": {"text": f"Example: {registry.rules[code].example}"},
            "defaultConfiguration": {"level": levels[registry.rules[code].severity]},
        }
        for code in codes
    ]
    unread = [f for f in findings if f.code == UNREADABLE]
    if unread:
        codes.append(UNREADABLE)
        rules.append(_UNREADABLE_RULE)
    index = {code: position for position, code in enumerate(codes)}
    results = [
        {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": levels[f.severity],
            "message": {"text": f.message},
            **_location(f),
        }
        for f in findings
    ]
    notifications = [
        {
            "level": "note",
            "message": {"text": n.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": n.file.replace("\\", "/")}}}],
        }
        for n in notes
    ] + [{"level": "error", "message": {"text": f"{f.file} not read: {f.message}"}, **_location(f)} for f in unread]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "resodiff", "version": __version__, "rules": rules}},
                "invocations": [
                    {
                        "executionSuccessful": not unread,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": results,
            }
        ],
    }


@FINDINGS.renderer("sarif", media_type="application/sarif+json", suffix=".sarif", summary="SARIF 2.1.0")
def _sarif(result: CheckResult, options: RenderOptions) -> str:
    return json.dumps(sarif_data(result.findings, result.notes), ensure_ascii=False, indent=2) + "\n"


def statistics(findings: Sequence[Finding]) -> str:
    """One line per code, most frequent first (``--statistics``, as ruff): count, code, name,
    ``[*]`` where ``--fix`` corrects it."""
    registry = _rules()
    counts = Counter(f.code for f in findings)
    width = len(str(max(counts.values(), default=0)))
    names = {code: rule.name for code, rule in registry.rules.items()} | {UNREADABLE: _UNREADABLE_RULE["name"]}
    fixable = {code for code, rule in registry.rules.items() if rule.fixable}
    lines = [
        f"{count:>{width}}  {code}  {'[*]' if code in fixable else '   '} {names[code]}"
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    return "".join(line + "\n" for line in lines)


def explain(code: str) -> str:
    """What ``resodiff check --explain CODE`` prints: the rule's summary, rationale and example."""
    registry = _rules()
    rule = registry.rules[code]
    extras = [
        "needs --against" if rule.needs_previous else "",
        "style group: runs with --style or when selected by code" if rule.group == "style" else "",
        "fixable with --fix" if rule.fixable else "",
        f"skipped where the document shows no {', '.join(rule.needs)}" if rule.needs else "",
    ]
    return (
        f"{rule.code} ({rule.name}), {rule.severity} by default"
        f"{''.join(', ' + extra for extra in extras if extra)}\n\n"
        f"{rule.summary}\n\nWhy: {rule.rationale}\n\nExample: {rule.example}\n"
    )
