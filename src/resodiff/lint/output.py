"""Findings written out, by format name: text (like ruff), json, github (workflow commands),
sarif (SARIF 2.1.0 for code scanning)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from .._version import __version__
from ..escape import safe_for_terminal
from . import REGISTRY, Finding

Formatter = Callable[[Sequence[Finding], int], str]


def _text(findings: Sequence[Finding], files: int) -> str:
    lines = [safe_for_terminal(str(finding)) for finding in findings]
    errors = sum(1 for f in findings if f.severity == "error")
    lines.append(f"{len(findings)} finding(s), {errors} error(s), in {files} file(s)")
    return "\n".join(lines) + "\n"


def _json(findings: Sequence[Finding], files: int) -> str:
    data = {
        "files": files,
        "findings": [
            {
                "file": f.file,
                "line": f.line,
                "column": f.column,
                "code": f.code,
                "severity": f.severity,
                "message": f.message,
            }
            for f in findings
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape_property(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github(findings: Sequence[Finding], files: int) -> str:
    levels = {"error": "error", "warning": "warning", "info": "notice"}
    lines = [
        f"::{levels[f.severity]} file={_escape_property(f.file)},line={f.line},col={f.column},"
        f"title={_escape_property(f.code)}::{_escape_data(f.message)}"
        for f in findings
    ]
    return "\n".join(lines) + ("\n" if lines else "")


def sarif_data(findings: Sequence[Finding]) -> dict[str, object]:
    """Findings as a SARIF 2.1.0 log (the subset ``schemas/sarif-2.1.0-subset.schema.json``
    describes), with every rule of the registry."""
    codes = sorted(REGISTRY.rules)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    rules = [
        {
            "id": code,
            "name": REGISTRY.rules[code].name,
            "shortDescription": {"text": REGISTRY.rules[code].summary},
            "fullDescription": {"text": REGISTRY.rules[code].rationale},
            "help": {"text": f"Example: {REGISTRY.rules[code].example}"},
            "defaultConfiguration": {"level": levels[REGISTRY.rules[code].severity]},
        }
        for code in codes
    ]
    results = [
        {
            "ruleId": f.code,
            "ruleIndex": codes.index(f.code),
            "level": levels[f.severity],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.file.replace("\\", "/")},
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }
                }
            ],
        }
        for f in findings
    ]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {"tool": {"driver": {"name": "resodiff", "version": __version__, "rules": rules}}, "results": results}
        ],
    }


def _sarif(findings: Sequence[Finding], files: int) -> str:
    return json.dumps(sarif_data(findings), ensure_ascii=False, indent=2) + "\n"


FORMATTERS: dict[str, Formatter] = {"text": _text, "json": _json, "github": _github, "sarif": _sarif}


def explain(code: str) -> str:
    """What ``resodiff check --explain CODE`` prints: the rule's summary, rationale and example."""
    rule = REGISTRY.rules[code]
    return (
        f"{rule.code} ({rule.name}), {rule.severity} by default"
        f"{', needs --against' if rule.needs_previous else ''}\n\n"
        f"{rule.summary}\n\nWhy: {rule.rationale}\n\nExample: {rule.example}\n"
    )
