"""The change report as Markdown for a pull-request comment: a summary, then every changed
paragraph in a collapsible ``<details>`` block with its word-level changes.

Deleted and inserted words are inline HTML, ``<del>`` and ``<ins>``, which CommonMark and GitHub
render as elements wherever they stand: ``~~`` and ``**`` are delimiters only where the
characters around them allow (``2018**, 75/16**`` stays literal asterisks, ``~~ and~~`` is no
strikethrough), and an edit's own spaces cannot stand inside them. An element keeps the edit's
text as it is, spaces included, so the words around it stay apart in both versions. Document
text, metadata read from the files included (symbols, numbers, titles), is escaped: it renders
as the text it is and never as Markdown or HTML. The whole report stays within GitHub's comment
limit; paragraphs that do not fit are counted in a closing line that points to the full report.
"""

from __future__ import annotations

import html

from ..diff.report import KINDS, Change, ChangeReport, Segment, UnitChange
from ..escape import markdown_line, markdown_text, safe_for_terminal
from .labels import change_place, shows_text

COMMENT_LIMIT = 65_536
"""The most characters GitHub accepts in the body of a comment."""

_VERDICT = {
    "identical": "No content change",
    "technical": "Technical update only",
    "substantive": "Substantive changes",
}
_TAGS = {"insert": "ins", "delete": "del"}
_FIELD_LIMIT = 300  # characters of a symbol or a title in the summary; the paragraphs are never cut


def _field(text: str) -> str:
    return text if len(text) <= _FIELD_LIMIT else text[: _FIELD_LIMIT - 1] + "…"


def _html(text: str) -> str:
    """Text inside an HTML block (``<summary>``), where Markdown is not read but HTML is."""
    return html.escape(safe_for_terminal(text), quote=False)


def inline_redline(segments: tuple[Segment, ...]) -> str:
    """The segments as one line of Markdown: unchanged text, ``<del>`` and ``<ins>``."""
    out = []
    for segment in segments:
        text = markdown_text(segment.text)
        tag = _TAGS.get(segment.op)
        out.append(f"<{tag}>{text}</{tag}>" if tag else text)
    return markdown_line("".join(out)).rstrip(" ")


def _units(label: str, units: tuple[UnitChange, ...]) -> list[str]:
    return [
        f"- {label} {markdown_text(unit.new_label or unit.old_label or '')}, {unit.kind}: "
        + inline_redline(unit.segments)
        for unit in units
        if unit.kind != "unchanged"
    ]


def _details(change: Change) -> str:
    place = change_place(change)
    lines = [
        "<details>",
        f"<summary>{_html(place[0].upper() + place[1:])}: {change.kind}, {change.change_class}</summary>",
        "",
    ]
    if shows_text(change):
        lines += [inline_redline(change.segments), ""]
    units = _units("sub-paragraph", change.items) + _units("footnote", change.footnotes)
    if units:
        lines += [*units, ""]
    lines.append("</details>")
    return "\n".join(lines) + "\n\n"


def _summary(report: ChangeReport) -> str:
    summary = report.summary
    old, new = report.old, report.new
    symbols = f"{markdown_text(_field(old.symbol))} → {markdown_text(_field(new.symbol))}"
    lines = [f"## resodiff: {symbols} ({markdown_text(new.language)})", ""]
    titles = [markdown_text(_field(title)) for title in dict.fromkeys((old.title, new.title)) if title]
    if titles:
        lines += [markdown_line(" → ".join(titles)), ""]
    lines += [
        f"**{_VERDICT[summary.verdict]}**: {summary.substantive} substantive, {summary.technical} technical; "
        f"{summary.renumbered} renumbered, {summary.formatting_only} with formatting-only differences.",
        "",
        "| part | " + " | ".join(KINDS) + " |",
        "|---|" + "---:|" * len(KINDS),
    ]
    for part, kinds in summary.counts:
        lines.append(f"| {part} | " + " | ".join(str(count) for _, count in kinds) + " |")
    if report.section_changes:
        lines += ["", "Changed headings:", ""]
        lines += [f"- {markdown_text(s.old)} → {markdown_text(s.new)}" for s in report.section_changes]
    return "\n".join(lines) + "\n\n"


def _truncation(shown: int, total: int) -> str:
    return (
        f"**Truncated**: {total - shown} of {total} changed paragraphs are not shown, to stay within "
        f"GitHub's comment limit ({COMMENT_LIMIT:,} characters); see the full report "
        "(`resodiff diff OLD NEW --format html`, or `--format json`).\n"
    )


def render_markdown(report: ChangeReport, *, limit: int = COMMENT_LIMIT) -> str:
    """The report as Markdown of at most ``limit`` characters."""
    changed = [c for c in report.changes if c.change_class is not None]
    head = _summary(report)
    if changed:
        head += f"### Changes ({len(changed)})\n\n"
    blocks = [_details(change) for change in changed]
    # the room left for paragraphs if some must go: the closing line counts against the limit
    room = limit - len(head) - len(_truncation(len(blocks), len(blocks)))
    if len(head) + sum(map(len, blocks)) <= limit:
        return (head + "".join(blocks)).rstrip("\n") + "\n"
    shown = 0
    while shown < len(blocks) and len(blocks[shown]) <= room:
        room -= len(blocks[shown])
        shown += 1
    return head + "".join(blocks[:shown]) + _truncation(shown, len(blocks))
