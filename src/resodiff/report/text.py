"""The change report for a terminal: coloured where standard output is one, and readable
without colour (deletions in [-...-], insertions in {+...+}, as git's word diff prints them).

Document text and metadata reach the terminal with their control characters shown escaped
(``\\x1b``, ``\\u202e``): a resolution cannot move the cursor, recolour or reorder the screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TextIO

from ..diff.report import ChangeReport, Segment
from ..escape import safe_for_terminal
from ..languages import report_labels
from .labels import change_kind, change_place, change_reason, shows_text

_RED, _GREEN, _DIM, _BOLD, _RESET = "\033[31m", "\033[32m", "\033[2m", "\033[1m", "\033[0m"


def use_color(stream: TextIO | None, choice: str, environ: Mapping[str, str]) -> bool:
    """Whether to colour: ``always`` and ``never`` as asked; ``auto`` colours a terminal
    (``stream``; None for a file), unless ``NO_COLOR`` is set (no-color.org), or ``FORCE_COLOR``
    asks for colour on a stream that is not a terminal (force-color.org); ``NO_COLOR`` wins over
    ``FORCE_COLOR``, as in CPython, and ``TERM=dumb`` means no colour."""
    if choice != "auto":
        return choice == "always"
    if stream is None or environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return environ.get("TERM") != "dumb" and stream.isatty()


def _redline(segments: tuple[Segment, ...], color: bool) -> str:
    out = []
    for segment in segments:
        text = safe_for_terminal(segment.text)
        if segment.op == "equal":
            out.append(text)
        elif segment.op == "delete":
            out.append(f"{_RED}[-{text}-]{_RESET}" if color else f"[-{text}-]")
        else:
            out.append(f"{_GREEN}{{+{text}+}}{_RESET}" if color else f"{{+{text}+}}")
    return "".join(out)


def render_text(report: ChangeReport, color: bool = False) -> str:
    """A change report for terminals: coloured when ``color``, ``[-deleted-]`` and
    ``{+inserted+}`` otherwise; document text escaped."""
    bold = (lambda s: f"{_BOLD}{s}{_RESET}") if color else (lambda s: s)
    dim = (lambda s: f"{_DIM}{s}{_RESET}") if color else (lambda s: s)
    safe = safe_for_terminal
    words = report_labels(report.new.language)
    summary = report.summary
    verdict = words[f"verdict_word.{summary.verdict}"]
    lines = [
        bold(f"{safe(report.old.symbol)} → {safe(report.new.symbol)} [{safe(report.new.language)}]: {verdict}"),
        "  "
        + words["text.summary"].format(
            substantive=summary.substantive,
            technical=summary.technical,
            renumbered=summary.renumbered,
            formatting_only=summary.formatting_only,
        ),
    ]
    for part, kinds in summary.counts:
        # a count takes the plural of a kind where the language inflects it ("4 modifiés", "1 modifié")
        counted = ", ".join(
            f"{count} {words[('kind.' if count == 1 else 'kinds.') + kind]}" for kind, count in kinds if count
        )
        lines.append(f"  {words['row.' + part]}: {counted or words['text.empty']}")
    for section in report.section_changes:
        lines.append(f"  {words['text.heading']}: {safe(section.old)} → {safe(section.new)}")
    for change in report.changes:
        if change.change_class is None:
            continue
        lines.append("")
        kind, change_class = change_kind(change, words), words[f"class.{change.change_class}"]
        lines.append(bold(f"{safe(change_place(change, words))}: {kind} ({change_class})"))
        if reason := change_reason(change, words, safe):
            lines.append("  " + dim(reason))
        if shows_text(change):
            lines.append("  " + _redline(change.segments, color))
        for label, units in ((words["unit.item"], change.items), (words["unit.footnote"], change.footnotes)):
            for unit in units:
                if unit.kind != "unchanged":
                    name = safe(unit.new_label or unit.old_label or "")
                    lines.append(
                        dim(f"  {label} {name} {words['kind.' + unit.kind]}: ") + _redline(unit.segments, color)
                    )
    return "\n".join(lines) + "\n"
