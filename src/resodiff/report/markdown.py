"""The change report as Markdown: a summary fit for a pull-request comment, then every changed
paragraph with its word-level changes (~~deleted~~ and **inserted**)."""

from __future__ import annotations

from ..diff.report import KINDS, Change, ChangeReport, Segment, UnitChange

_VERDICT = {
    "identical": "No content change",
    "technical": "Technical update only",
    "substantive": "Substantive changes",
}


def _escape(text: str) -> str:
    for char in "\\`*_[]<>|~":
        text = text.replace(char, "\\" + char)
    return text


def inline_redline(segments: tuple[Segment, ...]) -> str:
    out = []
    for segment in segments:
        text = _escape(segment.text)
        if not text.strip():
            out.append(text if segment.op != "delete" else "")
        elif segment.op == "equal":
            out.append(text)
        elif segment.op == "delete":
            out.append(f"~~{text.strip()}~~" + (" " if text.endswith(" ") else ""))
        else:
            out.append(f"**{text.strip()}**" + (" " if text.endswith(" ") else ""))
    return "".join(out)


def _where(change: Change) -> str:
    part = {"preamble": "Preamble", "operative": "Operative", "annex": "Annex"}[change.part]

    def side(positions: tuple[int, ...], numbers: tuple[str | None, ...]) -> str:
        if not positions:
            return "—"
        labels = [
            n.rstrip(".") if n else f"¶{p}"
            for p, n in zip(positions, numbers or (None,) * len(positions), strict=False)
        ]
        return "+".join(labels)

    return f"{part} {side(change.old, change.old_numbers)} → {side(change.new, change.new_numbers)}"


def _unit_lines(label: str, units: tuple[UnitChange, ...]) -> list[str]:
    lines = []
    for unit in units:
        if unit.kind == "unchanged":
            continue
        name = unit.new_label or unit.old_label or ""
        lines.append(f"  - {label} {name} ({unit.kind}): {inline_redline(unit.segments)}")
    return lines


def render_markdown(report: ChangeReport) -> str:
    summary = report.summary
    lines = [
        f"## resodiff: {report.old.symbol} → {report.new.symbol} ({report.new.language})",
        "",
        f"**{_VERDICT[summary.verdict]}** — {summary.substantive} substantive, {summary.technical} technical; "
        f"{summary.renumbered} renumbered, {summary.formatting_only} with formatting-only differences.",
        "",
        "| part | " + " | ".join(KINDS) + " |",
        "|---|" + "---:|" * len(KINDS),
    ]
    for part, kinds in summary.counts:
        lines.append(f"| {part} | " + " | ".join(str(count) for _, count in kinds) + " |")
    if report.section_changes:
        lines += ["", "Changed headings:"]
        lines += [f"- {_escape(s.old)} → {_escape(s.new)}" for s in report.section_changes]
    changed = [c for c in report.changes if c.change_class is not None]
    if changed:
        lines += ["", "### Changes", ""]
    for change in changed:
        lines.append(f"- **{_where(change)}** — {change.kind}, {change.change_class}")
        if change.kind in ("inserted", "deleted") or change.text_changed:
            lines.append(f"  > {inline_redline(change.segments)}")
        lines += _unit_lines("sub-paragraph", change.items)
        lines += _unit_lines("footnote", change.footnotes)
    return "\n".join(lines) + "\n"
