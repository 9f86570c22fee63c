"""The change report as JSON: the public contract documented by ``schemas/change-report.schema.json``."""

from __future__ import annotations

import json
from typing import Any

from ..diff.report import Change, ChangeReport, DocumentInfo, Reason, Segment, UnitChange

SCHEMA_ID = "https://resodiff.readthedocs.io/schemas/change-report/1.1.json"


def document_data(info: DocumentInfo) -> dict[str, Any]:
    """One side of a comparison as the JSON contracts give it."""
    return {
        "symbol": info.symbol,
        "language": info.language,
        "title": info.title,
        "date": info.date,
        "source": info.source,
    }


def _segments(segments: tuple[Segment, ...]) -> list[dict[str, str]]:
    out = []
    for segment in segments:
        item = {"op": segment.op, "text": segment.text}
        if segment.old_text is not None:
            item["old_text"] = segment.old_text
        out.append(item)
    return out


def _unit(unit: UnitChange) -> dict[str, Any]:
    return {
        "kind": unit.kind,
        "old_label": unit.old_label,
        "new_label": unit.new_label,
        "formatting_only": unit.formatting_only,
        "segments": _segments(unit.segments),
    }


def _reason(reason: Reason | None) -> dict[str, Any] | None:
    if reason is None:
        return None
    return {"rule": reason.rule, "deleted": list(reason.deleted), "inserted": list(reason.inserted)}


def change_data(change: Change) -> dict[str, Any]:
    """One change as the JSON contract writes it."""
    data: dict[str, Any] = {
        "part": change.part,
        "kind": change.kind,
        "old": list(change.old),
        "new": list(change.new),
        "old_numbers": list(change.old_numbers),
        "new_numbers": list(change.new_numbers),
        "renumbered": change.renumbered,
        "text_changed": change.text_changed,
        "formatting_only": change.formatting_only,
        "class": change.change_class,
        "reason": _reason(change.reason),
        "old_section": change.old_section,
        "new_section": change.new_section,
        "old_lines": list(change.old_lines),
        "new_lines": list(change.new_lines),
        "similarity": change.similarity,
        "segments": _segments(change.segments),
    }
    if change.new_part is not None:
        data["new_part"] = change.new_part
    if change.items:
        data["items"] = [_unit(u) for u in change.items]
    if change.footnotes:
        data["footnotes"] = [_unit(u) for u in change.footnotes]
    return data


def report_data(report: ChangeReport) -> dict[str, Any]:
    """A change report as the JSON contract's data (``schemas/change-report.schema.json``)."""
    summary = report.summary
    return {
        "$schema": SCHEMA_ID,
        "old": document_data(report.old),
        "new": document_data(report.new),
        "changes": [change_data(c) for c in report.changes],
        "section_changes": [{"part": s.part, "old": s.old, "new": s.new} for s in report.section_changes],
        "summary": {
            "counts": {part: dict(kinds) for part, kinds in summary.counts},
            "renumbered": summary.renumbered,
            "formatting_only": summary.formatting_only,
            "technical": summary.technical,
            "substantive": summary.substantive,
            "verdict": summary.verdict,
        },
        "settings": dict(report.settings),
    }


def render_json(report: ChangeReport) -> str:
    """A change report as JSON text, following the contract."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"
