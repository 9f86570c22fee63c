"""The change report for a terminal: coloured where standard output is one, and readable
without colour (deletions in [-...-], insertions in {+...+}, as git's word diff prints them)."""

from __future__ import annotations

from ..diff.report import ChangeReport, Segment

_RED, _GREEN, _DIM, _BOLD, _RESET = "\033[31m", "\033[32m", "\033[2m", "\033[1m", "\033[0m"


def _redline(segments: tuple[Segment, ...], color: bool) -> str:
    out = []
    for segment in segments:
        if segment.op == "equal":
            out.append(segment.text)
        elif segment.op == "delete":
            out.append(f"{_RED}[-{segment.text}-]{_RESET}" if color else f"[-{segment.text}-]")
        else:
            out.append(f"{_GREEN}{{+{segment.text}+}}{_RESET}" if color else f"{{+{segment.text}+}}")
    return "".join(out)


def render_text(report: ChangeReport, color: bool = False) -> str:
    bold = (lambda s: f"{_BOLD}{s}{_RESET}") if color else (lambda s: s)
    dim = (lambda s: f"{_DIM}{s}{_RESET}") if color else (lambda s: s)
    summary = report.summary
    lines = [
        bold(f"{report.old.symbol} → {report.new.symbol} [{report.new.language}]: {summary.verdict}"),
        f"  {summary.substantive} substantive, {summary.technical} technical, {summary.renumbered} renumbered, "
        f"{summary.formatting_only} formatting only",
    ]
    for part, kinds in summary.counts:
        counted = ", ".join(f"{count} {kind}" for kind, count in kinds if count)
        lines.append(f"  {part}: {counted or 'empty'}")
    for section in report.section_changes:
        lines.append(f"  heading: {section.old} → {section.new}")
    for change in report.changes:
        if change.change_class is None:
            continue
        old = ",".join(str(p) for p in change.old) or "-"
        new = ",".join(str(p) for p in change.new) or "-"
        number = next((n for n in change.new_numbers + change.old_numbers if n), "")
        lines.append("")
        lines.append(
            bold(f"{change.part} {old} → {new} {number} {change.kind} ({change.change_class})".replace("  ", " "))
        )
        if change.text_changed or change.kind in ("inserted", "deleted"):
            lines.append("  " + _redline(change.segments, color))
        for label, units in (("sub-paragraph", change.items), ("footnote", change.footnotes)):
            for unit in units:
                if unit.kind != "unchanged":
                    name = unit.new_label or unit.old_label or ""
                    lines.append(dim(f"  {label} {name} {unit.kind}: ") + _redline(unit.segments, color))
    return "\n".join(lines) + "\n"
